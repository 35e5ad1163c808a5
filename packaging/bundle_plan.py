"""What the one-folder bundle must carry, computed from the source tree (standard library only).

`cartox_desk.spec` uses this to tell PyInstaller what static analysis cannot see; `tests/test_packaging.py`
checks it without PyInstaller installed. Three things are invisible to PyInstaller's import scan:

- the subcommand modules, imported by name from `SUBCOMMANDS` in cartox_desk/__main__.py;
- the Alembic migrations: env.py and versions/*.py are loaded from files by Alembic at run time, so they
  ship as files (datas) and their own imports (alembic.op, sqlalchemy, sqlmodel) as hidden imports;
- resources/ (protocols, .ts + freshly compiled .qm, pictures), found by modules through
  ``Path(__file__).resolve().parents[N] / "resources"``. Inside the bundle ``__file__`` of
  cartox_desk/x/y.py is ``<bundle>/_internal/cartox_desk/x/y.py``, so resources/ goes to
  ``<bundle>/_internal/resources`` and those lookups work unchanged (RESOURCES_DEST).
"""

from __future__ import annotations

import ast
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "cartox_desk"
RESOURCES = ROOT / "resources"
MIGRATIONS = PACKAGE / "persistence" / "migrations"
ENTRY_SCRIPT = Path(__file__).resolve().with_name("entry.py")

APP_NAME = "cartox-desk"
RESOURCES_DEST = "resources"  # relative to the bundle's _internal/ (sys._MEIPASS)
TRANSLATIONS_DEST = f"{RESOURCES_DEST}/i18n"

# Pulled in by test tooling or optional back ends present in a dev venv, never used by the app.
EXCLUDES: tuple[str, ...] = (
    "tkinter", "_tkinter", "matplotlib", "pytest", "_pytest", "pytestqt", "hypothesis", "IPython",
    "PyQt5", "PyQt6", "PySide2", "pypdf", "importlinter", "grimp", "ruff", "psycopg", "psycopg_binary",
    "scipy", "pandas", "mypy", "mypyc", "ast_serialize",
)

# Bundled when the build environment has them (their PyInstaller hooks collect the data files):
# tzdata gives zoneinfo the IANA database on Windows, which has none (CARTOX_TIMEZONE=Asia/Shanghai).
OPTIONAL_IMPORTS: tuple[str, ...] = ("tzdata",)


def subcommand_modules() -> list[str]:
    """The module names of SUBCOMMANDS in cartox_desk/__main__.py, read without importing it."""
    tree = ast.parse((PACKAGE / "__main__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None)
        if isinstance(target, ast.Name) and target.id == "SUBCOMMANDS" and node.value is not None:
            value = ast.literal_eval(node.value)
            return sorted(str(v) for v in value.values())
    raise RuntimeError("SUBCOMMANDS not found in cartox_desk/__main__.py")


def package_modules() -> list[str]:
    """Every importable module of cartox_desk (migrations/versions is not a package: it ships as files)."""
    names: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        if "__pycache__" in rel.parts or "versions" in rel.relative_to("cartox_desk").parts:
            continue
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def _imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)  # `from alembic import op`: alembic/__init__ imports op itself
    return found


def migration_files() -> list[Path]:
    """env.py, script.py.mako, versions/*.py: what Alembic reads from disk."""
    return sorted(p for p in MIGRATIONS.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix in (".py", ".mako"))


def migration_imports() -> list[str]:
    """Top-level modules the migration files import (they are loaded from files, not analysed)."""
    names: set[str] = set()
    for path in migration_files():
        if path.suffix == ".py":
            names.update(_imports_of(path))
    return sorted(n for n in names if n.split(".")[0] not in sys.stdlib_module_names)


def hidden_imports() -> list[str]:
    optional = {name for name in OPTIONAL_IMPORTS if importlib.util.find_spec(name) is not None}
    return sorted(set(subcommand_modules()) | set(package_modules()) | set(migration_imports())
                  | {"sqlalchemy.dialects.sqlite"} | optional)


def resource_files() -> list[Path]:
    """resources/** except .qm (maybe stale local builds): `compile_translations` makes them fresh."""
    return sorted(p for p in RESOURCES.rglob("*") if p.is_file() and p.suffix != ".qm")


def datas(qm_files: list[Path]) -> list[tuple[str, str]]:
    """(source file, destination folder in the bundle) pairs, PyInstaller's `datas` format."""
    out: list[tuple[str, str]] = []
    for path in resource_files():
        dest = Path(RESOURCES_DEST) / path.parent.relative_to(RESOURCES)
        out.append((str(path), dest.as_posix()))
    for qm in qm_files:
        out.append((str(qm), TRANSLATIONS_DEST))
    for path in migration_files():
        out.append((str(path), path.parent.relative_to(ROOT).as_posix()))
    return out


def lrelease() -> str:
    """pyside6-lrelease of this venv (bin/ or Scripts/), PATH, or the binary inside the PySide6 package."""
    exe = ".exe" if os.name == "nt" else ""
    candidates = [Path(sys.executable).with_name(f"pyside6-lrelease{exe}")]
    found = shutil.which("pyside6-lrelease")
    if found:
        candidates.append(Path(found))
    try:
        import PySide6

        candidates.append(Path(PySide6.__file__).with_name(f"lrelease{exe}"))
    except ImportError:
        pass
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    raise RuntimeError("pyside6-lrelease not found: install the project first (pip install -e .[packaging])")


def compile_translations(out_dir: Path) -> list[Path]:
    """resources/i18n/*.ts -> out_dir/*.qm with pyside6-lrelease (build time; .qm are never committed)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tool = lrelease()
    made: list[Path] = []
    for ts in sorted((RESOURCES / "i18n").glob("*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, timeout=120)
        if not qm.is_file() or qm.stat().st_size == 0:
            raise RuntimeError(f"lrelease made no {qm.name}")
        made.append(qm)
    return made


def freshen_translations(bundle_internal: Path) -> None:
    """Give the bundled .qm a newer mtime than the .ts beside them.

    PyInstaller copies files without their times, in no fixed order; cartox_desk.ui.i18n uses a .qm only
    when it is not older than its .ts (else it tries to recompile, which a bundle cannot).
    """
    i18n = bundle_internal / TRANSLATIONS_DEST
    newest = max((p.stat().st_mtime for p in i18n.glob("*.ts")), default=0.0)
    for qm in i18n.glob("*.qm"):
        stamp = max(newest + 1.0, qm.stat().st_mtime)
        os.utime(qm, (stamp, stamp))
