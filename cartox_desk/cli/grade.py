"""`cartox-desk grade`: grade JSON snapshots from standard input (grading-json.md).

Reads one snapshot object or an array of them; writes one result object or an array. Any invalid input:
exit status 2, nothing on standard output, one line per problem on standard error naming the field path.
Never imports Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import Any, NoReturn

from cartox_desk.core.crs import hypotension_grade, hypoxia_grade
from cartox_desk.core.grading import grade_snapshot
from cartox_desk.core.results import GradingResult
from cartox_desk.core.snapshot import Snapshot
from cartox_desk.core.snapshot_json import collect_problems, decode_json, result_to_json
from cartox_desk.core.texts import LANGUAGES

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INVALID = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # never exit from inside main(): report and return 2
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


def _parser() -> _Parser:
    p = _Parser(prog="cartox-desk grade",
                description="Grade CRS and ICANS (ASTCT-2019) for JSON snapshots read from standard input.")
    p.add_argument("--lang", default="en", choices=LANGUAGES,
                   help="language of the driver sentences (default: en)")
    p.add_argument("--management", action="store_true",
                   help="add a 'management' section: recommendations for the graded state (advice for a"
                        " clinician, each with its source; clinical-rules §4-§9)")
    p.add_argument("--protocol", metavar="FILE", default=None,
                   help="with --management: a protocol file instead of the default CSCO-2024")
    p.add_argument("--at", metavar="ISO-TIME", default=None,
                   help="with --management: the time the advice is for (default: now), e.g."
                        " 2026-11-22T08:00:00+08:00")
    return p


class _Management:
    """The optional `management` section: core.management on what a snapshot tells (grades, weight, age,
    temperature). Doses already given are unknown to a snapshot, so dose counts start from none."""

    def __init__(self, protocol_path: str | None, at: str | None) -> None:
        from cartox_desk.core.management import default_protocol, load_protocol

        self.protocol = load_protocol(protocol_path) if protocol_path else default_protocol()
        now = datetime.fromisoformat(at) if at else datetime.now(UTC)
        if now.tzinfo is None:
            raise ValueError("--at needs a time zone, e.g. +08:00 or Z")
        self.now = now

    def section(self, snapshot: Snapshot, result: GradingResult, lang: str) -> dict[str, Any]:
        from cartox_desk.core.management import ManagementContext, Temperature, plan_to_json, recommend

        crs_on = result.crs.grade > 0
        context = ManagementContext(
            now=self.now,
            crs_grade=result.crs.grade,
            icans_grade=result.icans.grade,
            weight_kg=snapshot.weight_kg,
            age_years=snapshot.age_years,
            temperatures=((Temperature(self.now, snapshot.temperature_c),)
                          if snapshot.temperature_c is not None else ()),
            crs_hypotension=crs_on and hypotension_grade(snapshot.hypotension, snapshot.vasopressors)[0] > 0,
            crs_hypoxia=crs_on and hypoxia_grade(snapshot.oxygen)[0] > 0,
        )
        return plan_to_json(recommend(context, self.protocol), lang)


def _write(stream: Any, text: str) -> None:
    """Write UTF-8 whatever the console encoding (Chinese drivers, field names quoted back)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        stream.write(text)
        stream.flush()


def _read_stdin() -> str:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return str(sys.stdin.read())
    return bytes(buffer.read()).decode("utf-8-sig")


def grade_text(text: str, lang: str = "en",
               management: _Management | None = None) -> tuple[str | None, list[str]]:
    """The command without the streams: ``(stdout text, [])`` or ``(None, problems)``."""
    if not text.strip():
        return None, ["snapshot: no input (expected a JSON object or an array of objects)"]
    try:
        data = decode_json(text)
    except json.JSONDecodeError as exc:
        return None, [f"snapshot: malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"]
    except (ValueError, RecursionError) as exc:
        return None, [f"snapshot: malformed JSON: {exc}"]

    problems: list[str] = []
    snapshots: list[Snapshot] = []
    if isinstance(data, list):
        for i, item in enumerate(data):
            snap, found = collect_problems(item, f"snapshot[{i}]")
            problems += found
            if snap is not None:
                snapshots.append(snap)
    elif isinstance(data, dict):
        snap, problems = collect_problems(data, "snapshot")
        if snap is not None:
            snapshots.append(snap)
    else:
        problems.append("snapshot: expected a JSON object or an array of objects")
    if problems:
        return None, problems

    results = []
    for snap in snapshots:
        graded = grade_snapshot(snap)
        result = result_to_json(graded, lang)
        if management is not None:
            result["management"] = management.section(snap, graded, lang)
        results.append(result)
    out: Any = results if isinstance(data, list) else results[0]
    return json.dumps(out, ensure_ascii=False) + "\n", []


def main(argv: list[str]) -> int:
    """Entry point of `cartox-desk grade` (grading-json.md). Returns the exit status."""
    try:
        args = _parser().parse_args(argv)
    except _UsageError as exc:
        _write(sys.stderr, f"{exc}\n")
        return EXIT_INVALID
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    try:
        try:
            text = _read_stdin()
        except UnicodeDecodeError as exc:
            _write(sys.stderr, f"snapshot: input is not UTF-8 text (byte {exc.start})\n")
            return EXIT_INVALID
        management = None
        if args.management:
            try:
                management = _Management(args.protocol, args.at)
            except ValueError as exc:  # a bad protocol file or --at: say which, change nothing
                _write(sys.stderr, f"cartox-desk grade: {exc}\n")
                return EXIT_INVALID
        elif args.protocol or args.at:
            _write(sys.stderr, "cartox-desk grade: --protocol and --at go with --management\n")
            return EXIT_INVALID
        out, problems = grade_text(text, args.lang, management)
        if problems or out is None:
            _write(sys.stderr, "".join(f"{p}\n" for p in problems))
            return EXIT_INVALID
        _write(sys.stdout, out)
        return EXIT_OK
    except BrokenPipeError:  # pragma: no cover - reader went away
        return EXIT_OK
    except Exception as exc:  # pragma: no cover - a bug: say so in one line, never a traceback
        _write(sys.stderr, f"cartox-desk grade: internal error: {type(exc).__name__}: {exc}\n")
        return EXIT_INTERNAL
