"""Print: a patient-day and the ward PDF generated off the GUI thread from the print dialog."""

from __future__ import annotations

from pathlib import Path

from cartox_desk.ui.settings import AppSettings


def test_patient_day_print_job_writes_a_pdf(qtbot, services):
    from cartox_desk.ui.print_dialog import PrintDialog

    pid = services.get_patient(mrn="DEMO-02").patient_id
    dialog = PrintDialog(services, AppSettings(language="en"), "Nurse Test", pid, open_when_done=False)
    qtbot.addWidget(dialog)
    assert not dialog.open_check.isChecked()
    with qtbot.waitSignal(dialog.generated, timeout=30000) as done:
        dialog.generate()
    path = Path(done.args[0])
    assert path.read_bytes().startswith(b"%PDF")
    assert dialog.progress.value() == 100 and dialog.open_button.isEnabled()


def test_ward_print_job_writes_a_pdf(qtbot, services):
    from cartox_desk.ui.print_dialog import PrintDialog

    dialog = PrintDialog(services, AppSettings(language="en"), "Nurse Test", None, open_when_done=False)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.generated, timeout=60000) as done:
        dialog.generate()
    assert Path(done.args[0]).read_bytes().startswith(b"%PDF")


def test_a_day_without_data_is_a_message_not_a_crash(qtbot, services):
    from cartox_desk.ui.print_dialog import PrintDialog

    pid = services.get_patient(mrn="DEMO-08").patient_id  # before infusion
    dialog = PrintDialog(services, AppSettings(language="en"), "Nurse Test", pid, open_when_done=False)
    qtbot.addWidget(dialog)
    dialog.day_spin.setValue(dialog.day_spin.minimum())
    with qtbot.waitSignal(dialog.failed, timeout=30000) as failed:
        dialog.generate()
    assert "no data" in failed.args[0]


def test_reporting_jobs_patient_pdf_matches_the_cli_path(services):
    from cartox_desk.services.reporting_jobs import current_day, patient_day_pdf

    pid = services.get_patient(mrn="DEMO-01").patient_id
    assert patient_day_pdf(services, pid, current_day(services, pid)).startswith(b"%PDF")
