"""Read-ahead (issue 4, switching < 200 ms): once the census is in, the patients the user will probably open
are loaded off the GUI thread, and opening one is a switch from memory; empty charts are made in advance."""

from __future__ import annotations

from cartox_desk.ui.events import AppEvents
from cartox_desk.ui.settings import AppSettings
from cartox_desk.ui.workers import wait_for_all


def _window(qtbot, services, nurse, charts=False):
    from cartox_desk.ui.main_window import MainWindow

    window = MainWindow(AppSettings(language="en"), AppEvents(), services, user=nurse, charts=charts)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.census.alerts_loaded, timeout=30000):
        pass
    return window


def _drain(qtbot, view) -> None:
    qtbot.waitUntil(lambda: not view._prefetching, timeout=30000)
    wait_for_all()


def test_census_order_is_read_ahead_and_opening_is_then_immediate(qtbot, ward):
    services, nurse = ward
    window = _window(qtbot, services, nurse)
    view = window.patient_view
    _drain(qtbot, view)
    expected = window.census.likely_next()[: view.READ_AHEAD]
    assert expected and set(view._cache) == set(expected)
    assert expected[0] == window.census.selected_patient_id()  # the highlighted row first
    # opening a read-ahead patient shows it at once: `loaded` fires inside open_patient, no worker round trip
    fired: list[int] = []
    view.loaded.connect(fired.append)
    window.open_patient(expected[1])
    assert fired == [expected[1]]
    timeline = services.get_patient_timeline(expected[1])
    assert view.banner.crs_badge.grade() == timeline.grades[-1].crs.grade
    assert view.models["vitals"].rowCount() == len(timeline.vitals)


def test_read_ahead_follows_the_selection_and_never_drops_the_patient_on_screen(qtbot, ward):
    services, nurse = ward
    window = _window(qtbot, services, nurse)
    view = window.patient_view
    _drain(qtbot, view)
    ids = window.census.patient_ids_in_view()
    assert len(ids) > view.CACHE_SIZE  # the demo ward has more patients than the view remembers
    opened = []
    for pid in ids[: view.CACHE_SIZE - 1]:  # the nurse opens five patients, one after the other
        with qtbot.waitSignal(view.loaded, timeout=30000):
            window.open_patient(pid)
        opened.append(pid)
    window.show_census()
    for pid in ids[::-1]:  # then walks the census from the bottom row up, resting on each
        window.census.select_patient(pid)
        _drain(qtbot, view)
        assert pid in view._cache  # the row rested on is always read ahead
        assert len(view._cache) <= view.CACHE_SIZE
        assert view.patient_id in view._cache  # the patient on screen is never dropped
    assert view.patient_id == opened[-1]


def test_a_read_ahead_started_before_forget_is_thrown_away(qtbot, ward):
    services, nurse = ward
    window = _window(qtbot, services, nurse)
    view = window.patient_view
    _drain(qtbot, view)
    view.forget()
    pid = window.census.patient_ids_in_view()[0]
    view.prefetch([pid])
    assert view._prefetching
    view.forget()  # e.g. the units changed while it was loading: its chart series carry the old units
    _drain(qtbot, view)
    assert pid not in view._cache


def test_the_likely_next_patients_charts_are_drawn_ahead_and_shown_when_opened(qtbot, ward):
    services, nurse = ward
    window = _window(qtbot, services, nurse, charts=True)
    view = window.patient_view
    _drain(qtbot, view)
    ids = window.census.patient_ids_in_view()
    with qtbot.waitSignal(view.loaded, timeout=30000):
        window.open_patient(ids[0])
    window.show_census()
    window.census.select_patient(ids[3])  # the nurse rests on a row further down
    qtbot.waitUntil(lambda: view._predrawn == ids[3], timeout=15000)
    drawn = view._charts[ids[3]]
    assert drawn.series() is view._cache[ids[3]].series  # that patient's series, drawn while idle
    window.open_patient(ids[3])  # read ahead and drawn: shown at once, nothing to draw
    assert view.charts is drawn and view._predrawn is None
    # moving on: the next rest spot gets the (new) spare or the unopened pre-drawn widget, never the open one
    window.show_census()
    window.census.select_patient(ids[5])
    qtbot.waitUntil(lambda: view._predrawn == ids[5], timeout=15000)
    assert view._charts[ids[5]] is not drawn and drawn.series() is view._cache[ids[3]].series
    window.census.select_patient(ids[6])  # changed its mind: the unopened widget is reused
    reused = view._charts[ids[5]]
    qtbot.waitUntil(lambda: view._predrawn == ids[6], timeout=15000)
    assert view._charts[ids[6]] is reused and ids[5] not in view._charts
    view.forget()  # units or layout changed: a spare built with the old ones is dropped
    assert view._spare_charts is None


def test_nothing_is_drawn_ahead_while_a_form_is_open(qtbot, ward):
    from PySide6.QtWidgets import QDialog

    services, nurse = ward
    # The form is open before the first read-ahead, so that nothing (not even the first census row) can be
    # drawn ahead by a timer that fires before the form shows, however slowly the patients load.
    form = QDialog()
    qtbot.addWidget(form)
    form.setModal(True)
    form.show()  # e.g. the vitals form the nurse is typing in
    qtbot.waitUntil(lambda: form.isVisible(), timeout=2000)
    window = _window(qtbot, services, nurse, charts=True)
    view = window.patient_view
    _drain(qtbot, view)
    ids = window.census.patient_ids_in_view()
    window.census.select_patient(ids[2])
    _drain(qtbot, view)
    qtbot.wait(view.PREDRAW_DELAY_MS * 2)
    assert view._predrawn is None  # no GUI-thread drawing under the nurse's typing
    form.close()
    qtbot.waitUntil(lambda: view._predrawn == ids[2], timeout=15000)  # drawn once the form is closed
