"""The wrapping answer button: its text wraps (taller, never wider than the layout gives), it is measured in
bold so the chosen answer is never clipped, and a click anywhere on it (its label too) is the button's."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QButtonGroup, QVBoxLayout, QWidget

from cartox_desk.ui.layout_check import clipped_texts, too_wide
from cartox_desk.ui.widgets.wrap_button import WrapButton

LONG = "[1]  awake but cannot speak or understand (global aphasia), and a little more text to wrap"


def _in_window(qtbot, width: int, *texts: str) -> tuple[QWidget, list[WrapButton]]:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    buttons = [WrapButton(t, window) for t in texts]
    for b in buttons:
        b.setCheckable(True)
        layout.addWidget(b)
    layout.addStretch(1)
    window.resize(width, 400)
    window.show()
    qtbot.waitExposed(window)
    return window, buttons


def test_text_wraps_instead_of_widening_and_height_grows(qtbot):
    button = WrapButton(LONG)
    qtbot.addWidget(button)
    one_line = button.sizeHint().width()
    assert button.minimumSizeHint().width() < one_line // 4  # it can be far narrower than one line
    assert button.heightForWidth(one_line) == button.sizeHint().height()
    assert button.heightForWidth(one_line // 3) > button.heightForWidth(one_line)
    assert button.text() == "" and button.label_text() == LONG and button.accessibleName() == LONG


def test_a_narrow_window_shows_the_whole_text_on_more_lines(qtbot):
    window, (long_button, short_button) = _in_window(qtbot, 260, LONG, "[2]  no")
    assert too_wide(window, 260) == 0
    assert long_button.width() <= 260 and long_button.height() > short_button.height()
    assert clipped_texts(window) == []
    long_button.setChecked(True)  # the chosen answer turns bold: still whole
    qtbot.wait(10)
    window.layout().activate()
    assert long_button.label.font().bold()
    assert clipped_texts(window) == []


def test_clicking_anywhere_on_it_clicks_the_button(qtbot):
    window, (first, second) = _in_window(qtbot, 400, LONG, "[2]  no")
    group = QButtonGroup(window)
    group.addButton(first)
    group.addButton(second)
    with qtbot.waitSignal(first.clicked):
        qtbot.mouseClick(first, Qt.MouseButton.LeftButton, pos=first.label.geometry().center())
    assert first.isChecked()
    qtbot.mouseClick(second, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert second.isChecked() and not first.isChecked()  # exclusive, as in the wizard's groups
    assert not first.label.font().bold() and second.label.font().bold()
    second.set_label_text("[2]  no (changed)")
    assert second.label_text() == "[2]  no (changed)" and second.accessibleName() == "[2]  no (changed)"
