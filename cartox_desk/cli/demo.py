"""`cartox-desk demo --db PATH`: create the deterministic demo ward database (issue 3 item 5).

Dates are relative to now, so "today" is a live ward day for every patient. Prints what was written and
runs the demo's own consistency check (exit status 1 when it finds a problem, 2 for usage errors).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cartox_desk.config import data_dir, is_url, sqlite_path


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cartox-desk demo", description="Create the demo ward database.")
    p.add_argument("--db", help="SQLite file to create (default: the demo file in the user data directory)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument("--seed", type=int, default=None, help="random seed (default: the fixed demo seed)")
    p.add_argument("--tz", default=None, help="ward time zone, e.g. Asia/Shanghai (default: local)")
    return p


def main(argv: list[str]) -> int:
    try:
        ns = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help / errors
        return int(exc.code or 0)
    from cartox_desk.services.demo_ward import (
        DEMO_FILENAME,
        DEMO_SEED,
        build_demo_database,
        check_demo_consistency,
    )

    if ns.db and is_url(ns.db):
        path = sqlite_path(ns.db)
        if path is None:
            print("cartox-desk demo: --db must be a SQLite file path or sqlite:/// URL", file=sys.stderr)
            return 2
    else:
        path = Path(ns.db) if ns.db else data_dir() / DEMO_FILENAME
    try:
        tz = ZoneInfo(ns.tz) if ns.tz else None
    except ZoneInfoNotFoundError:
        print(f"cartox-desk demo: unknown time zone {ns.tz!r}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        services, ward = build_demo_database(
            path, tz=tz, replace=ns.force, seed=DEMO_SEED if ns.seed is None else ns.seed
        )
    except FileExistsError as exc:
        print(f"cartox-desk demo: {exc}", file=sys.stderr)
        return 2
    try:
        elapsed = time.perf_counter() - started
        print(
            f"demo ward: {ward.patients} patients, {ward.rows} records, {ward.grades} grades "
            f"in {elapsed:.1f} s -> {path}"
        )
        problems = check_demo_consistency(services)
    finally:
        services.close()
    for problem in problems:
        print(f"inconsistent: {problem}", file=sys.stderr)
    return 1 if problems else 0
