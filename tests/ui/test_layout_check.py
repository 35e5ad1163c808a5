"""The layout check finds clipped text, and the flow row wraps instead of clipping or widening the window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from cartox_desk.ui.layout_check import clipped_texts, too_wide
from cartox_desk.ui.widgets.flow_layout import FlowLayout


def _window(qtbot, width: int) -> tuple[QWidget, list[QPushButton]]:
    window = QWidget()
    qtbot.addWidget(window)
    outer = QVBoxLayout(window)
    row = FlowLayout()
    buttons = [QPushButton(f"[!! Record a long action number {i} ~~~~ !!]", window) for i in range(8)]
    for b in buttons:
        row.addWidget(b)
    outer.addLayout(row)
    outer.addWidget(QLabel("below the row", window))
    window.resize(width, 300)
    window.show()
    qtbot.waitExposed(window)
    return window, buttons


def test_a_button_narrower_than_its_text_is_reported(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    button = QPushButton("Print daily summary (Ctrl+P)", window)
    button.setFixedWidth(40)
    label = QLabel("A label that needs far more than forty pixels", window)
    label.setFixedWidth(40)
    label.move(0, 40)
    window.resize(200, 100)
    window.show()
    qtbot.waitExposed(window)
    found = clipped_texts(window)
    assert {c.text for c in found} == {button.text(), label.text()}
    assert all(c.has_px < c.needs_px for c in found)


def test_flow_row_wraps_to_more_lines_instead_of_widening_the_window(qtbot):
    window, buttons = _window(qtbot, 700)
    one_line = sum(b.sizeHint().width() for b in buttons)
    assert one_line > 700  # the row would not fit on one line
    assert too_wide(window, 700) == 0  # yet the window can be 700 px wide
    assert clipped_texts(window) == []  # and every button shows its whole text
    assert len({b.y() for b in buttons}) > 1  # because the row wrapped
    assert all(b.geometry().right() <= window.width() for b in buttons)
    assert max(b.geometry().bottom() for b in buttons) < window.findChildren(QLabel)[0].y()  # no overlap


def test_hidden_buttons_take_no_place_in_the_flow(qtbot):
    window, buttons = _window(qtbot, 4000)
    x_third = buttons[2].x()
    buttons[1].hide()
    qtbot.wait(10)
    window.layout().activate()
    assert buttons[2].x() < x_third
