"""Daily toxicity summary PDFs as service calls: the GUI's print jobs (off the GUI thread) and the
`cartox-desk report` command call these. Each call opens its own sessions through `Services`.

One implementation for both callers: the ward day runs from the shift start; a finished day is built from a
timeline cut at its end, so nothing recorded later is printed on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

Progress = Callable[[int, str], None]


class ReportJobError(Exception):
    """A problem the user can act on (no data that day, day not started): shown as a message."""


@dataclass(frozen=True, slots=True)
class ReportOptions:
    lang: str = "en"
    page_size: str = "A4"
    shift_start: int = 8
    hospital: str = ""
    generated_by: str = ""


def current_day(services: Any, patient_id: int, shift_start: int = 8) -> int:
    """Day +N of the ward day running now for the patient."""
    from cartox_desk.reporting import current_ward_date, day_on

    patient = services.get_patient(patient_id)
    on = current_ward_date(services.now(), services.tz, shift_start)
    return day_on(patient.infusion_at, on, services.tz)


def ward_date(services: Any, shift_start: int = 8) -> date:
    from cartox_desk.reporting import current_ward_date

    return current_ward_date(services.now(), services.tz, shift_start)


def _day_data(
    services: Any, patient: Any, day: int, opts: ReportOptions, now: datetime, strict: bool
) -> Any:
    """The summary data of day +`day`. With `strict`, a day before the infusion with no data, or a day that
    has not started, is a `ReportJobError`; any other day without data prints a page that says so."""
    from cartox_desk.core.clinical_time import day_start
    from cartox_desk.reporting import build_daily_summary_data, has_data_for_day

    mrn = patient.mrn
    start = day_start(day, patient.infusion_at, services.tz, opts.shift_start)
    end = day_start(day + 1, patient.infusion_at, services.tz, opts.shift_start)
    # nothing recorded after the end of a finished day belongs on its page
    timeline = services.get_patient_timeline(patient.patient_id, at=min(now, end))
    if strict and not has_data_for_day(timeline, day, opts.shift_start):
        if day < 0:
            raise ReportJobError(
                f"MRN {mrn}: no data on day {day:+d} (before the infusion); nothing to report")
        if start > now:
            raise ReportJobError(
                f"MRN {mrn}: day {day:+d} starts {start:%Y-%m-%d %H:%M}, it has not started yet")
    return build_daily_summary_data(
        timeline,
        day,
        opts.shift_start,
        hospital=opts.hospital,
        management_protocol=services.protocol(),  # the protocol in force on this database
        generated_at=now,
        generated_by=opts.generated_by,
    )


def patient_day_pdf(
    services: Any,
    patient_id: int,
    day: int,
    opts: ReportOptions = ReportOptions(),
    progress: Progress | None = None,
) -> bytes:
    """One patient-day summary as PDF bytes (issue 7 item 1)."""
    from cartox_desk.reporting import render_daily_summary

    report = progress or (lambda _p, _t: None)
    report(10, "loading")
    data = _day_data(services, services.get_patient(patient_id), day, opts, services.now(), strict=True)
    report(60, "rendering")
    pdf = render_daily_summary(data, lang=opts.lang, page_size=opts.page_size)
    report(100, "done")
    return pdf


def ward_pdf(
    services: Any,
    on: date | None = None,
    opts: ReportOptions = ReportOptions(),
    ward: str | None = None,
    progress: Progress | None = None,
) -> bytes:
    """Every admitted patient's summary of the ward day starting on ``on`` (default today), in bed order,
    after a cover table (issue 7 item 2)."""
    from cartox_desk.reporting import day_on, render_ward_report

    report = progress or (lambda _p, _t: None)
    now = services.now()
    on = on or ward_date(services, opts.shift_start)
    patients = services.list_patients()
    if ward:
        patients = [p for p in patients if p.ward == ward]
    summaries = []
    for i, p in enumerate(patients):
        report(int(80 * i / max(1, len(patients))), p.bed or p.mrn)
        summaries.append(
            _day_data(services, p, day_on(p.infusion_at, on, services.tz), opts, now, strict=False)
        )
    report(85, "rendering")
    wards = sorted({p.ward for p in patients})
    pdf = render_ward_report(
        summaries,
        lang=opts.lang,
        page_size=opts.page_size,
        ward=ward or ", ".join(wards),
        hospital=opts.hospital,
        report_date=on,
        generated_at=now,
        generated_by=opts.generated_by,
    )
    report(100, "done")
    return pdf


def write_pdf(pdf: bytes, path: str | Path) -> Path:
    """Write atomically (a half-written file never opens in the viewer)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.write_bytes(pdf)
    tmp.replace(target)
    return target
