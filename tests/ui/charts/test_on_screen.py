"""What Qt paints on screen equals a full render of the charts.

On screen Qt repaints only the regions that changed and paints only the items whose bounding rectangle meets
them; a full render (`grab`) paints everything. An item that draws outside its bounding rectangle shows on
the grab but is missing, or partly erased, on screen. The offscreen platform keeps the window's pixels, so
the two can be compared exactly."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from test_series_fixtures import demo_timeline

from cartox_desk.ui.charts import PANELS, TrendChartsWidget


def _shown(widget: TrendChartsWidget) -> QImage:
    handle = widget.windowHandle()
    return handle.screen().grabWindow(widget.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)


def _full(widget: TrendChartsWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _painted() -> None:
    """Let Qt deliver the repaint of what changed (posted events: a few rounds settle them)."""
    for _ in range(5):
        QApplication.processEvents()


def test_the_screen_shows_what_a_full_render_shows_after_pans_zooms_and_hover(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = TrendChartsWidget()
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_timeline(demo_timeline())
    _painted()
    # Whole course, zoomed in, and views whose left edge is just right of day 0: the infusion line is off
    # screen while its "CAR-T infusion" label reaches into the view.
    for x0, x1 in ((-3.0, 12.0), (0.04, 9.0), (0.02, 3.0), (1.3, 2.1), (-0.5, 1.5)):
        widget.set_x_range(x0, x1)
        _painted()
        assert _shown(widget) == _full(widget), (x0, x1)
    # The crosshair repaints only the strips it leaves and enters: labels under it must survive.
    widget.set_x_range(0.04, 9.0)
    _painted()
    for name in PANELS:
        vb = widget.panel(name).vb
        (y0, y1) = vb.viewRange()[1]
        for x in (0.1, 0.2, 0.35, 0.5, 2.0):
            widget._on_mouse_moved(vb.mapViewToScene(QPointF(x, (y0 + y1) / 2)))
            _painted()
            assert _shown(widget) == _full(widget), (name, x)


def test_background_is_filled_each_frame_in_either_theme(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The view paints its plain background directly (pyqtgraph's cached background pixmap made every
    on-screen frame blit the whole view); the screen still shows the right background after a switch to the
    dark palette, and a pan afterwards."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QGraphicsView

    widget = TrendChartsWidget()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_timeline(demo_timeline(days=3))
    _painted()
    assert widget.graphics_layout().cacheMode() == QGraphicsView.CacheModeFlag.CacheNone
    dark = QPalette(widget.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    widget.setPalette(dark)
    widget.set_x_range(0.5, 2.5)
    _painted()
    shown = _shown(widget)
    assert shown == _full(widget)
    view = widget.graphics_layout()
    corner = view.mapTo(widget, view.rect().bottomRight()) - QPointF(3, 3).toPoint()
    assert QColor(shown.pixel(corner)).lightness() < 80  # the dark background, not the light one
