"""Fast checks of the PyInstaller bundle plan (packaging/): no bundle is built here.

The real build and its self-test: `python packaging/build.py` (about 2 minutes).
"""

from __future__ import annotations

import ast
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "cartox_desk.spec"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def plan() -> ModuleType:
    return _load("cartox_bundle_plan", PACKAGING / "bundle_plan.py")


def test_spec_is_python_and_uses_the_plan() -> None:
    text = SPEC.read_text(encoding="utf-8")
    compile(text, str(SPEC), "exec")
    for needle in ("hiddenimports=plan.hidden_imports()", "datas=datas", "plan.datas(qm_files)",
                   "plan.compile_translations(", 'collect_data_files("reportlab")',
                   '{"cartox_desk": "pyz+py"}', "excludes=list(plan.EXCLUDES)", "COLLECT(",
                   "exclude_binaries=True", "plan.freshen_translations("):
        assert needle in text, f"cartox_desk.spec no longer has {needle!r}"


def test_every_subcommand_module_is_a_hidden_import(plan: ModuleType) -> None:
    from cartox_desk.__main__ import SUBCOMMANDS

    assert plan.subcommand_modules() == sorted(SUBCOMMANDS.values())
    hidden = set(plan.hidden_imports())
    assert set(SUBCOMMANDS.values()) <= hidden


def test_hidden_cartox_modules_exist(plan: ModuleType) -> None:
    for name in plan.hidden_imports():
        if name.startswith("cartox_desk"):
            assert importlib.util.find_spec(name) is not None, name
    assert "cartox_desk.persistence.migrations.env" in plan.hidden_imports()


def test_migrations_ship_as_files_with_their_imports(plan: ModuleType) -> None:
    datas = {(Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in plan.datas([])}
    migrations = ROOT / "cartox_desk" / "persistence" / "migrations"
    versions = sorted((migrations / "versions").glob("*.py"))
    assert versions, "no migration versions found"
    for path in [migrations / "env.py", migrations / "script.py.mako", *versions]:
        rel = path.relative_to(ROOT).as_posix()
        assert (rel, path.parent.relative_to(ROOT).as_posix()) in datas, rel
    hidden = set(plan.hidden_imports())
    assert {"alembic", "sqlalchemy", "sqlmodel", "sqlalchemy.dialects.sqlite"} <= hidden


def test_resources_ship_under_resources(plan: ModuleType, tmp_path: Path) -> None:
    qm = tmp_path / "cartox_desk_zh_CN.qm"
    qm.write_bytes(b"qm")
    datas = plan.datas([qm])
    by_name = {Path(src).name: dest for src, dest in datas}
    resources = ROOT / "resources"
    for path in [*(resources / "protocols").glob("*.json"), *(resources / "i18n").glob("*.ts"),
                 *(resources / "pictures").glob("*.svg")]:
        assert by_name.get(path.name) == f"resources/{path.parent.name}", path.name
    assert by_name["cartox_desk_zh_CN.qm"] == "resources/i18n"
    assert (str(qm), "resources/i18n") in datas
    # stale local .qm from resources/i18n are never shipped: only the freshly compiled ones
    assert not [src for src, _ in datas if src.endswith(".qm") and src != str(qm)]


def test_resource_lookups_resolve_inside_the_bundle_layout(plan: ModuleType) -> None:
    """Frozen, cartox_desk/ sits in _internal/ beside resources/: each `parents[N]` lookup must land there."""
    from cartox_desk.core.management.protocol import protocols_dir
    from cartox_desk.reporting.fonts import _resources_dir
    from cartox_desk.ui.i18n import TS_DIR
    from cartox_desk.ui.wizards import PICTURES

    for found in (protocols_dir(), _resources_dir(), TS_DIR, PICTURES):
        rel = found.resolve().relative_to(ROOT).as_posix()
        assert rel.startswith(f"{plan.RESOURCES_DEST}/"), rel


def test_excluded_modules_are_not_used_by_the_app(plan: ModuleType) -> None:
    used: set[str] = set()
    for path in (ROOT / "cartox_desk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                used.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                used.add(node.module.split(".")[0])
    assert not used & set(plan.EXCLUDES)


def test_freshen_translations_makes_qm_newer_than_ts(plan: ModuleType, tmp_path: Path) -> None:
    i18n = tmp_path / "resources" / "i18n"
    i18n.mkdir(parents=True)
    ts, qm = i18n / "cartox_desk_en.ts", i18n / "cartox_desk_en.qm"
    ts.write_text("<TS/>")
    qm.write_bytes(b"qm")
    os.utime(ts, (2_000_000, 2_000_000))
    os.utime(qm, (1_000_000, 1_000_000))
    plan.freshen_translations(tmp_path)
    assert qm.stat().st_mtime > ts.stat().st_mtime
