"""PanelLegend on its own (offscreen): rows, widths from font metrics, click hit-testing, painting."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtTest import QTest

from cartox_desk.ui.charts.legend import PanelLegend

_TEXT = "#222222"
_FILL = (255, 255, 255, 200)


@pytest.fixture
def view(qtbot):  # type: ignore[no-untyped-def]
    w = pg.GraphicsLayoutWidget()
    qtbot.addWidget(w)
    w.resize(700, 300)
    w.addPlot()
    w.show()
    qtbot.waitExposed(w)
    return w


def _plot(view: pg.GraphicsLayoutWidget) -> pg.PlotItem:
    return view.getItem(0, 0)


def _legend(view: pg.GraphicsLayoutWidget, names: list[str], columns: int = 8,
            offset: tuple[float, float] = (2, 1)) -> PanelLegend:
    plot = _plot(view)
    legend = PanelLegend(plot.vb, text_colour=_TEXT, fill=_FILL, offset=offset, columns=columns)
    for i, name in enumerate(names):
        item = pg.PlotDataItem([0, 1], [i, i], pen=pg.mkPen("#ff0000", width=2))
        plot.vb.addItem(item)
        legend.addItem(item, name)
    return legend


def _advance(text: str) -> float:
    font = QFont()
    font.setPointSizeF(7.0)
    return QFontMetricsF(font).horizontalAdvance(text)


def _click(view: pg.GraphicsLayoutWidget, legend: PanelLegend, at: QPointF,
           button: Qt.MouseButton = Qt.MouseButton.LeftButton) -> None:
    point = view.mapFromScene(legend.mapToScene(at))
    QTest.mouseClick(view.viewport(), button, Qt.KeyboardModifier.NoModifier, point)


def test_entries_flow_into_rows_with_aligned_columns(view: pg.GraphicsLayoutWidget) -> None:
    names = ["a", "a much longer name", "bb", "ccc", "d", "e", "ffff"]
    legend = _legend(view, names, columns=3)
    legend.lay_out()
    rects = [sample.rect for sample, _label in legend.items]
    assert [r.top() for r in rects] == [0, 0, 0, 12, 12, 12, 24]  # rows of 3, 12 px apart
    assert [r.left() for r in rects[3:]] == [r.left() for r in rects[:len(rects) - 3]]  # columns line up
    column_width = [max(_advance(n) for n in names[c::3]) for c in range(3)]
    # sample 20 px, 6 px, name with 4 px margins, 6 px to the next entry; 1 px margins at the ends
    assert rects[1].left() == pytest.approx(1 + 20 + 6 + 4 + column_width[0] + 4 + 6)
    assert rects[2].left() == pytest.approx(rects[1].left() + 20 + 6 + 4 + column_width[1] + 4 + 6)
    assert legend.size().width() == pytest.approx(rects[2].left() + 20 + 6 + 4 + column_width[2] + 4 + 1)
    assert legend.size().height() == 20 + 2 * 12
    label = legend.items[1][1]
    assert label.pos == QPointF(rects[1].left() + 30, 4)  # the name's top left, right of its sample


def test_widths_come_from_the_font_metrics(view: pg.GraphicsLayoutWidget) -> None:
    narrow = _legend(view, ["iiiiiiii"])
    wide = _legend(view, ["WWWWWWWW"])
    chinese = _legend(view, ["心率 (/min)"])
    assert [label.width for _s, label in chinese.items] == [pytest.approx(_advance("心率 (/min)"))]
    assert _advance("心率 (/min)") > _advance(" (/min)")  # the CJK characters are measured too
    grown = wide.size().width() - narrow.size().width()
    assert grown == pytest.approx(_advance("WWWWWWWW") - _advance("iiiiiiii")) and grown > 10
    assert narrow.size().width() == pytest.approx(1 + 20 + 6 + 4 + _advance("iiiiiiii") + 4 + 1)


def test_a_click_on_a_sample_toggles_that_entry_only(view: pg.GraphicsLayoutWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    legend = _legend(view, ["SBP (mmHg)", "MAP (mmHg)", "HR (/min)"])
    legend.lay_out()
    items = [sample.item for sample, _label in legend.items]
    middle = legend.items[1][0]
    with qtbot.waitSignal(legend.sigSampleClicked) as clicked:
        _click(view, legend, middle.rect.center())
    assert clicked.args == [items[1]]
    assert [i.isVisible() for i in items] == [True, False, True]
    _click(view, legend, legend.items[2][0].rect.center(), Qt.MouseButton.RightButton)
    assert [i.isVisible() for i in items] == [True, False, True]
    _click(view, legend, middle.rect.center())
    assert all(i.isVisible() for i in items)
    name = legend.items[2][1]
    _click(view, legend, name.pos + QPointF(name.width - 2, 4))  # on the end of the name: toggles it too
    assert [i.isVisible() for i in items] == [True, True, False]
    _click(view, legend, name.pos + QPointF(name.width + 30, 4))  # past the last name: nothing
    assert [i.isVisible() for i in items] == [True, True, False]
    assert legend.entry_at(legend.items[2][0].rect.center()) is legend.items[2][0]
    assert legend.entry_at(QPointF(legend.size().width() - 2, 10)) is None


def test_anchored_at_its_offset_corner_as_it_grows(view: pg.GraphicsLayoutWidget) -> None:
    legend = _legend(view, ["one"], columns=2, offset=(2, -1))  # bottom left
    vb = _plot(view).vb  # its bounds, as pyqtgraph's anchor measured them (half a pixel below the size)
    assert legend.pos() == QPointF(2, vb.boundingRect().bottom() - 20 - 1)
    item = pg.PlotDataItem([0, 1], [0, 1])
    legend.addItem(item, "two")
    legend.addItem(pg.PlotDataItem([0, 1], [0, 1]), "three")  # a second row
    assert legend.pos() == QPointF(2, vb.boundingRect().bottom() - 32 - 1)
    view.resize(700, 400)
    QTest.qWait(0)
    view.grab()
    assert legend.pos() == QPointF(2, vb.boundingRect().bottom() - 32 - 1)
    legend.setOffset((2, 1))
    assert legend.pos() == QPointF(2, 1)


def test_remove_and_clear(view: pg.GraphicsLayoutWidget) -> None:
    legend = _legend(view, ["a long first name", "b", "c"], columns=2)
    first = legend.items[0][0].item
    legend.removeItem(first)
    assert [label.text for _s, label in legend.items] == ["b", "c"]
    legend.lay_out()
    assert [s.rect.topLeft() for s, _l in legend.items] == [QPointF(1, 0), QPointF(1 + 20 + 6 + 4
                                                            + _advance("b") + 4 + 6, 0)]
    legend.removeItem("c")  # by name, as pyqtgraph's legend
    legend.removeItem("not there")
    assert [label.text for _s, label in legend.items] == ["b"]
    legend.clear()
    assert legend.items == [] and legend.size().width() == 0 and legend.size().height() == 0


def _render(legend: PanelLegend) -> QImage:
    image = QImage(legend.size().toSize(), QImage.Format.Format_ARGB32)
    image.fill(QColor("#000000"))
    painter = QPainter(image)
    legend.paint(painter, None, None)
    painter.end()
    return image


def test_paints_fill_samples_and_names_and_the_hidden_look(view: pg.GraphicsLayoutWidget) -> None:
    legend = _legend(view, ["SBP (mmHg)", "HR (/min)"])
    image = _render(legend)
    legend.lay_out()
    first, second = (sample.rect for sample, _label in legend.items)

    def red(rect: QRectF) -> int:
        return sum(1 for x in range(int(rect.left()), int(rect.right()))
                   for y in range(int(rect.top()), int(rect.bottom()))
                   if QColor(image.pixel(x, y)).red() > 200 and QColor(image.pixel(x, y)).green() < 80)

    assert red(first) > 15 and red(second) > 15  # the 2 px red line of each sample
    fill = QColor(image.pixel(int(first.right()) + 3, 2))
    assert (fill.red(), fill.green(), fill.blue()) == (200, 200, 200)  # the fill (alpha 200) over black
    name = legend.items[0][1]
    dark = [QColor(image.pixel(x, y)).lightness() < 120
            for x in range(int(name.pos.x()), int(name.pos.x() + name.width))
            for y in range(int(name.pos.y()), int(name.pos.y()) + 11)]
    assert sum(dark) > 20  # the name is written in the text colour
    legend.items[1][0].item.setVisible(False)
    image = _render(legend)
    assert red(first) > 15 and red(second) == 0  # pyqtgraph's hidden look (an eye) instead of the line
    legend.clear()
    assert legend.size().isEmpty()


def test_names_are_text_in_an_svg(view: pg.GraphicsLayoutWidget, tmp_path: Path) -> None:
    legend = _legend(view, ["SBP (mmHg)", "血小板 (×10⁹/L)"])
    path = tmp_path / "legend.svg"
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(legend.size().toSize())
    painter = QPainter(generator)
    legend.paint(painter, None, None)
    painter.end()
    svg = path.read_text(encoding="utf-8")
    assert ">SBP (mmHg)</text>" in svg.replace("\n", "").replace(" >", ">")
    assert ">血小板</text>" in svg  # a run of its own (another font), as text


def test_rows_hit_their_own_entries_and_a_drag_on_the_legend_pans_the_view(view: pg.GraphicsLayoutWidget,
                                                                        qtbot) -> None:  # type: ignore[no-untyped-def]
    """Rows are 12 px apart in 20 px sample boxes: a point belongs to the row whose middle band holds it. A
    drag that starts on the legend moves the chart, not the legend (it stays anchored where it is)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    legend = _legend(view, [f"n{i}" for i in range(6)], columns=3)
    legend.lay_out()
    first_row, second_row = legend.items[1][0], legend.items[4][0]
    assert legend.entry_at(QPointF(first_row.rect.left() + 10, 10.0)) is first_row
    assert legend.entry_at(QPointF(first_row.rect.left() + 10, 12.0 + 10.0)) is second_row
    assert legend.entry_at(QPointF(first_row.rect.left() + 10, 15.9)) is first_row
    assert legend.entry_at(QPointF(first_row.rect.left() + 10, 16.0)) is second_row

    vb = _plot(view).vb
    viewport = view.viewport()

    def drag_from(at: QPointF) -> float:
        """Drag 150 px to the right from `at` (view coordinates): how far the x range moved."""
        vb.setXRange(0.0, 10.0, padding=0)
        before = vb.viewRange()[0][0]

        def send(kind: QEvent.Type, dx: int, buttons: Qt.MouseButton) -> None:
            point = QPointF(at.x() + dx, at.y())
            QApplication.sendEvent(viewport, QMouseEvent(kind, point, viewport.mapToGlobal(point),
                                                         Qt.MouseButton.LeftButton, buttons,
                                                         Qt.KeyboardModifier.NoModifier))

        # pyqtgraph's scene drops moves that come faster than a screen refresh: a pointer's pace.
        send(QEvent.Type.MouseMove, 0, Qt.MouseButton.NoButton)  # hover first, as a real pointer does
        qtbot.wait(40)
        send(QEvent.Type.MouseButtonPress, 0, Qt.MouseButton.LeftButton)
        for dx in (50, 100, 150):
            qtbot.wait(40)
            send(QEvent.Type.MouseMove, dx, Qt.MouseButton.LeftButton)
        send(QEvent.Type.MouseButtonRelease, 150, Qt.MouseButton.NoButton)
        qtbot.wait(40)
        return vb.viewRange()[0][0] - before

    before_pos = legend.pos()
    on_legend = QPointF(view.mapFromScene(legend.mapToScene(QPointF(legend.size().width() - 4, 10.0))))
    below = QPointF(view.mapFromScene(vb.mapToScene(QPointF(vb.width() / 2, vb.height() / 2))))
    moved_on_legend, moved_below = drag_from(on_legend), drag_from(below)
    assert moved_below == pytest.approx(-150 / vb.width() * 10.0, rel=0.05)  # dragged right: earlier x
    assert moved_on_legend == pytest.approx(moved_below)
    assert legend.pos() == before_pos

    def hover(at: QPointF) -> None:
        point = QPointF(view.mapFromScene(legend.mapToScene(at)))
        qtbot.wait(40)
        move = QMouseEvent(QEvent.Type.MouseMove, point, viewport.mapToGlobal(point), Qt.MouseButton.NoButton,
                           Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, move)

    hover(first_row.rect.center())  # a hand over an entry: it can be clicked
    assert legend.hasCursor() and legend.cursor().shape() == Qt.CursorShape.PointingHandCursor
    hover(QPointF(legend.size().width() - 2, 10.0))
    assert not legend.hasCursor()
