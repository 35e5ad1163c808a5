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
from datetime import date
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


def _options(args: argparse.Namespace) -> Any:
    from cartox_desk.services.reporting_jobs import ReportOptions

    return ReportOptions(lang=args.lang, page_size=args.page_size, shift_start=args.shift_start,
                         hospital=args.hospital, generated_by=_generated_by(args))


def _patient_pdf(services: Any, args: argparse.Namespace) -> bytes:
    from cartox_desk.services.errors import NotFoundError
    from cartox_desk.services.reporting_jobs import current_day, patient_day_pdf

    try:
        patient = services.get_patient(mrn=args.mrn)
    except NotFoundError:
        raise ReportError(f"unknown MRN {args.mrn!r}: no such patient") from None
    day = args.day if args.day is not None else current_day(services, patient.patient_id, args.shift_start)
    return bytes(patient_day_pdf(services, patient.patient_id, day, _options(args)))


def _ward_pdf(services: Any, args: argparse.Namespace) -> bytes:
    from cartox_desk.services.reporting_jobs import ward_pdf

    on = None
    if args.date:
        try:
            on = date.fromisoformat(args.date)
        except ValueError:
            raise ReportError(f"--date {args.date!r} is not a date (YYYY-MM-DD)") from None
    return bytes(ward_pdf(services, on, _options(args), ward=args.ward_name))


def _write_pdf(pdf: bytes, out: str) -> None:
    from cartox_desk.services.reporting_jobs import write_pdf

    try:
        write_pdf(pdf, out)
    except OSError as exc:
        raise ReportError(f"cannot write {out}: {exc.strerror or exc}") from exc


def main(argv: list[str] | None = None) -> int:
    from cartox_desk.reporting import CjkFontMissingError
    from cartox_desk.services.reporting_jobs import ReportJobError

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
    except (ReportError, ReportJobError, CjkFontMissingError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        if services is not None:
            services.close()
    print(args.out)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
