"""`cartox-desk`: with no subcommand, the bedside application; otherwise one of the commands below.

Subcommands are imported lazily so that `cartox-desk grade` never loads Qt.
"""

from __future__ import annotations

import importlib
import sys

# subcommand -> module exposing `main(argv: list[str]) -> int`
SUBCOMMANDS: dict[str, str] = {
    "grade": "cartox_desk.cli.grade",
    "demo": "cartox_desk.cli.demo",
    "report": "cartox_desk.cli.report",
    "screenshots": "cartox_desk.cli.screenshots",
}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        module = importlib.import_module(SUBCOMMANDS[args[0]])
        return int(module.main(args[1:]))
    from cartox_desk.app import main as app_main

    return int(app_main(args))


if __name__ == "__main__":
    sys.exit(main())
