"""The patient view's charts: the layout (panels, labs) is remembered per user (issue 5 item 2) and the
visible charts export as PNG and SVG through "Export charts…" / Ctrl+E (issue 5 item 5)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from cartox_desk.core.labs import Analyte
from cartox_desk.ui.charts.trend_charts import ChartLayout
from cartox_desk.ui.events import AppEvents
from cartox_desk.ui.patient_view import PatientView, saved_chart_layout
from cartox_desk.ui.settings import AppSettings
from cartox_desk.ui.workers import wait_for_all


def _view(qtbot, services, user) -> PatientView:
    view = PatientView(services, AppSettings(language="en"), AppEvents(), charts=True)
    qtbot.addWidget(view)
    view.user = user
    view.resize(1366, 768)
    view.show()
    pid = services.list_patients()[0].patient_id
    with qtbot.waitSignal(view.loaded, timeout=30000):
        view.set_patient(pid)
    return view


def test_the_chart_layout_is_remembered_per_user(qtbot, services):
    chen = services.create_user("Dr Chen", "physician")
    wang = services.create_user("Nurse Wang", "nurse")
    view = _view(qtbot, services, chen)
    assert view.charts.chart_layout() == ChartLayout()
    view.charts._toggle_panel("oxygen", False)  # what the panel menu does
    view.charts._toggle_lab(Analyte.FERRITIN, False)
    changed = view.charts.chart_layout()
    assert "oxygen" not in changed.panels and Analyte.FERRITIN.value not in changed.labs
    assert saved_chart_layout(chen) == changed
    wait_for_all()
    view.close()

    again = _view(qtbot, services, chen)  # a new patient view for the same user
    assert again.charts.chart_layout() == changed
    other = _view(qtbot, services, wang)
    assert other.charts.chart_layout() == ChartLayout() and saved_chart_layout(wang) is None
    other.user = chen  # switching user on an open view applies that user's layout
    assert other.charts.chart_layout() == changed
    wait_for_all()


def test_export_charts_writes_png_and_svg_by_the_chosen_filter(qtbot, services, tmp_path):
    view = _view(qtbot, services, services.create_user("Dr Li", "physician"))
    assert "Ctrl+E" in view.export_button.toolTip()
    asked: list[str] = []

    def chooser(target: str, pick: str):
        def choose(_parent, caption, _suggested, filters):
            asked.append(caption)
            return target, next(f for f in filters.split(";;") if pick in f)
        return choose

    view.choose_save_file = chooser(str(tmp_path / "course"), "*.png")
    view.export_button.click()
    png = tmp_path / "course.png"
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= 400 and png.stat().st_size > 10_000
    assert len({image.pixel(x, image.height() // 2) for x in range(0, image.width(), 7)}) > 5

    view.choose_save_file = chooser(str(tmp_path / "course.png"), "*.svg")  # the filter decides
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    svg = tmp_path / "course.svg"
    assert svg.exists() and "<svg" in svg.read_text(encoding="utf-8")
    assert asked == ["Export charts", "Export charts"]

    view.choose_save_file = lambda *_a: ("", "")  # cancelled: nothing written
    assert view.export_charts() is None
    wait_for_all()
