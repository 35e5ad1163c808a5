"""Build the one-folder cartox_desk bundle with PyInstaller, then run its self-test.

    python packaging/build.py             # Linux   (run from anywhere; uses the project's .venv)
    python packaging\\build.py            # Windows
    python packaging/build.py --clean     # also drop PyInstaller's cache (slower, from scratch)
    python packaging/build.py --test-only # self-test an existing dist/cartox-desk

Steps: use the project virtual environment (.venv; re-run inside it when started with another Python),
install PyInstaller into it when missing, build packaging/cartox_desk.spec into dist/cartox-desk/ (work files
in build/pyinstaller/; both git-ignored), run `<bundle>/cartox-desk --self-test` offscreen plus two command
smoke checks (`grade` on a JSON snapshot, `demo` into a temporary database, which runs the bundled
migrations), and print the bundle size and build time. The last line is

    RESULT bundle_mb=<size> build_s=<seconds> self_test=ok|failed

Exit status 0 only when the build and the self-test succeed. Standard library only.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "cartox_desk.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP = "cartox-desk"
BUNDLE = DIST / APP
WINDOWS = os.name == "nt"
PYINSTALLER_REQUIREMENT = "pyinstaller>=6.5"
SELF_TEST_TIMEOUT_S = 180


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def venv_python() -> Path:
    venv = Path(os.environ.get("CARTOX_VENV", ROOT / ".venv"))
    return venv / ("Scripts/python.exe" if WINDOWS else "bin/python")


def ensure_in_venv() -> None:
    """Re-run this script with the project's venv Python when started with another interpreter."""
    target = venv_python()
    if not target.exists():
        return  # no .venv: use the current interpreter (e.g. an activated environment elsewhere)
    if Path(sys.prefix).resolve() == target.parents[1].resolve():
        return
    say(f"re-running with {target}")
    raise SystemExit(subprocess.call([str(target), str(Path(__file__).resolve()), *sys.argv[1:]]))


def ensure_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        say(f"installing {PYINSTALLER_REQUIREMENT} into {sys.prefix}")
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", PYINSTALLER_REQUIREMENT], check=True)


def build(clean: bool) -> float:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    if clean:
        cmd.insert(3, "--clean")
    say(" ".join(cmd))
    start = time.monotonic()
    subprocess.run(cmd, check=True, cwd=ROOT)
    return time.monotonic() - start


def executable() -> Path:
    return BUNDLE / (f"{APP}.exe" if WINDOWS else APP)


def bundle_mb() -> float:
    total = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    return total / (1024 * 1024)


def _run(args: list[str], *, stdin: str | None = None, env: dict[str, str]) -> tuple[int, str, float]:
    start = time.monotonic()
    try:
        proc = subprocess.run([str(executable()), *args], input=stdin, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", env=env, timeout=SELF_TEST_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return 124, f"timed out after {SELF_TEST_TIMEOUT_S} s", time.monotonic() - start
    return proc.returncode, (proc.stdout + proc.stderr).strip(), time.monotonic() - start


def self_test(env: dict[str, str]) -> bool:
    code, output, seconds = _run(["--self-test"], env=env)
    say(f"{executable().name} --self-test: exit {code} in {seconds:.1f} s")
    if output:
        print(output[-4000:], flush=True)
    return code == 0


def smoke_checks(env: dict[str, str]) -> dict[str, bool]:
    """The command-line paths: core grading and the bundled Alembic migrations (informational)."""
    results: dict[str, bool] = {}
    code, output, seconds = _run(["grade"], stdin='{"temperature_c": 38.5}', env=env)
    results["grade"] = code == 0
    say(f"grade (JSON on stdin): exit {code} in {seconds:.1f} s: {output[:300]}")
    with tempfile.TemporaryDirectory(prefix="cartox-bundle-") as tmp:
        db = Path(tmp) / "demo.sqlite"
        code, output, seconds = _run(["demo", "--db", str(db)], env=env)
        results["demo"] = code == 0 and db.is_file()
        say(f"demo --db {db.name}: exit {code} in {seconds:.1f} s: {output[-400:]}")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="drop PyInstaller's cache first")
    parser.add_argument("--test-only", action="store_true", help="self-test the existing bundle, no build")
    ns = parser.parse_args(argv)

    ensure_in_venv()
    build_s = 0.0
    if not ns.test_only:
        ensure_pyinstaller()
        build_s = build(ns.clean)
        say(f"built {BUNDLE} in {build_s:.0f} s")
    if not executable().is_file():
        say(f"no bundle at {executable()}")
        print(f"RESULT bundle_mb=0 build_s={build_s:.0f} self_test=failed", flush=True)
        return 1

    size = bundle_mb()
    say(f"bundle size: {size:.0f} MB ({BUNDLE})")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory(prefix="cartox-home-") as home:
        # keep settings / caches the bundle writes away from the builder's own profile
        env.update({"XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data",
                    "XDG_CACHE_HOME": f"{home}/cache"})
        ok = self_test(env)
        for name, passed in smoke_checks(env).items():
            say(f"smoke {name}: {'ok' if passed else 'FAILED'}")
    status = "ok" if ok else "failed"
    print(f"RESULT bundle_mb={size:.0f} build_s={build_s:.0f} self_test={status}", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
