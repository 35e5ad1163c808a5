"""`cartox-desk report`: the daily toxicity summary PDF of one patient-day, or of the whole ward.

    cartox-desk report --mrn MRN [--day N] --out FILE [--lang zh_CN] [--db PATH|URL]
    cartox-desk report --ward [--date YYYY-MM-DD] --out FILE [--lang zh_CN] [--db PATH|URL]

Errors (unknown MRN, a day before the infusion with no data, a day not started yet, no database, no CJK
font for Chinese) are one clear line on standard error and exit status 2, never a traceback. Never imports Qt.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_ERROR = 2


class ReportError(Exception):
    """A problem the user can fix: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # report and return 2 instead of exiting inside main()
        raise ReportError(f"{self.prog}: {message}")


def _parser() -> _Parser:
    p = _Parser(
        prog="cartox-desk report",
        description="Print the daily toxicity summary (PDF) of one patient-day or of the whole ward.",
    )
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--mrn", help="the patient's medical record number")
    who.add_argument("--ward", action="store_true", help="every admitted patient, in bed order, with a cover")
    p.add_argument("--day", type=int, help="day +N since infusion (with --mrn; default: today's day)")
    p.add_argument("--date", help="ward report date YYYY-MM-DD (with --ward; default: today)")
    p.add_argument("--ward-name", help="only this ward (with --ward; default: every ward)")
    p.add_argument("--out", required=True, help="the PDF file to write")
    p.add_argument("--lang", default="en", choices=("en", "zh_CN"), help="language (default: en)")
    p.add_argument("--page-size", default="A4", choices=("A4", "Letter"), help="paper size (default: A4)")
    p.add_argument(
        "--shift-start",
        type=int,
        default=8,
        metavar="HOUR",
        help="the ward day starts at this local hour (default: 8)",
    )
    p.add_argument("--db", help="SQLite file or database URL (default: CARTOX_DATABASE_URL or the user file)")
    p.add_argument("--by", help="who generates the report (default: the login name)")
    p.add_argument("--hospital", default="", help="hospital name printed in the header")
    return p


def _open_services(db: str | None) -> Any:
    from cartox_desk.config import resolve_database_url, sqlite_path
    from cartox_desk.services import Services

    url = resolve_database_url(db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise ReportError(
            f"no database at {path} (create one with `cartox-desk demo --db {path}` or pass --db)"
        )
    try:
        return Services.from_url(url)
    except Exception as exc:  # the engine / migration message, without a traceback
        raise ReportError(f"cannot open the database {url}: {exc}") from exc


def _generated_by(args: argparse.Namespace) -> str:
    if args.by:
        return str(args.by)
    try:
        return getpass.getuser()
    except Exception:  # no login name (service account, container)
        return os.environ.get("USER", "cartox_desk")


def _day_data(
    services: Any, patient: Any, day: int, args: argparse.Namespace, now: datetime, strict: bool
) -> Any:
    """The summary data of day +`day`; with `strict`, refuse a day with no data before the infusion or a day
    that has not started."""
    from cartox_desk.core.clinical_time import day_start
    from cartox_desk.reporting import build_daily_summary_data, has_data_for_day

    mrn = patient.mrn
    start = day_start(day, patient.infusion_at, services.tz, args.shift_start)
    end = day_start(day + 1, patient.infusion_at, services.tz, args.shift_start)
    # nothing recorded after the end of a finished day belongs on its page
    timeline = services.get_patient_timeline(mrn=mrn, at=min(now, end))
    if strict and not has_data_for_day(timeline, day, args.shift_start):
        if day < 0:
            raise ReportError(f"MRN {mrn}: no data on day {day:+d} (before the infusion); nothing to report")
        if start > now:
            raise ReportError(
                f"MRN {mrn}: day {day:+d} starts {start:%Y-%m-%d %H:%M}, it has not started yet"
            )
    return build_daily_summary_data(
        timeline,
        day,
        args.shift_start,
        hospital=args.hospital,
        management_protocol=services.protocol(),  # the protocol in force on this database
        generated_at=now,
        generated_by=_generated_by(args),
    )


def _patient_pdf(services: Any, args: argparse.Namespace) -> bytes:
    from cartox_desk.reporting import render_daily_summary
    from cartox_desk.reporting.data import current_ward_date, day_on
    from cartox_desk.services.errors import NotFoundError

    now = services.now()
    try:
        patient = services.get_patient(mrn=args.mrn)
    except NotFoundError:
        raise ReportError(f"unknown MRN {args.mrn!r}: no such patient") from None
    if args.day is not None:
        day = args.day
    else:
        day = day_on(patient.infusion_at, current_ward_date(now, services.tz, args.shift_start), services.tz)
    data = _day_data(services, patient, day, args, now, strict=True)
    return render_daily_summary(data, lang=args.lang, page_size=args.page_size)


def _ward_pdf(services: Any, args: argparse.Namespace) -> bytes:
    from cartox_desk.reporting import render_ward_report
    from cartox_desk.reporting.data import current_ward_date, day_on

    now = services.now()
    tz = services.tz
    if args.date:
        try:
            on = date.fromisoformat(args.date)
        except ValueError:
            raise ReportError(f"--date {args.date!r} is not a date (YYYY-MM-DD)") from None
    else:
        on = current_ward_date(now, tz, args.shift_start)
    patients = services.list_patients()  # admitted, sorted by ward and bed
    if args.ward_name:
        patients = [p for p in patients if p.ward == args.ward_name]
    summaries = []
    for p in patients:
        day = day_on(p.infusion_at, on, tz)
        summaries.append(_day_data(services, p, day, args, now, strict=False))
    wards = sorted({p.ward for p in patients})
    return render_ward_report(
        summaries,
        lang=args.lang,
        page_size=args.page_size,
        ward=args.ward_name or ", ".join(wards),
        hospital=args.hospital,
        report_date=on,
        generated_at=now,
        generated_by=_generated_by(args),
    )


def _write_pdf(pdf: bytes, out: str) -> None:
    path = Path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(pdf)
        tmp.replace(path)
    except OSError as exc:
        raise ReportError(f"cannot write {out}: {exc.strerror or exc}") from exc


def main(argv: list[str] | None = None) -> int:
    from cartox_desk.reporting import CjkFontMissingError

    args_list = list(sys.argv[1:] if argv is None else argv)
    services = None
    try:
        args = _parser().parse_args(args_list)
        if args.ward and args.day is not None:
            raise ReportError("cartox-desk report: --day goes with --mrn; use --date with --ward")
        if args.mrn and args.date:
            raise ReportError("cartox-desk report: --date goes with --ward; use --day with --mrn")
        if not 0 <= args.shift_start <= 23:
            raise ReportError("cartox-desk report: --shift-start must be an hour 0-23")
        services = _open_services(args.db)
        pdf = _ward_pdf(services, args) if args.ward else _patient_pdf(services, args)
        _write_pdf(pdf, args.out)
    except (ReportError, CjkFontMissingError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        if services is not None:
            services.close()
    print(args.out)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
