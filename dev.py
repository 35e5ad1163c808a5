#!/usr/bin/env python3
"""cartox_desk developer entry point: the two Quick start commands.

    python3 dev.py run     # start the app on its embedded default database with the demo ward
    python3 dev.py test    # run the whole test suite (offscreen)

Each command first makes sure a project virtual environment (.venv) exists with the project and its test
tools installed, and that the machine has the system libraries Qt needs (installed with apt-get when run as
root on Debian/Ubuntu, otherwise named in one line). Extra arguments are passed on (to pytest or the app).
Only the standard library is used here, because nothing else exists yet on a fresh machine.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("CARTOX_VENV", ROOT / ".venv"))
STAMP = VENV / ".cartox-installed"

# What a bare Debian 12 lacks for Qt offscreen / xcb, CJK glyphs (Qt and the PDF) and PDF previews.
DEBIAN_PACKAGES = [
    "libegl1", "libgl1", "libx11-6", "libdbus-1-3", "libfontconfig1", "libfreetype6", "libglib2.0-0",
    "libxkbcommon0", "libxkbcommon-x11-0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0",
    "libxcb-image0", "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xfixes0", "libxcb-xkb1",
    "fonts-wqy-microhei",
]
SYSTEM_HINT = (
    "Qt needs system libraries and a CJK font; on Debian/Ubuntu run as root: apt-get install "
    + " ".join(DEBIAN_PACKAGES)
)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def say(msg: str) -> None:
    print(f"[dev.py] {msg}", flush=True)


def ensure_venv() -> Path:
    py = venv_python()
    if not py.exists():
        say(f"creating virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        say("installing cartox-desk and its test tools (first run takes about a minute)")
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"], check=True)
        STAMP.write_text(wanted)
    return py


def _qt_loads(py: Path) -> bool:
    probe = "from PySide6 import QtGui, QtWidgets"
    return subprocess.run([str(py), "-c", probe], capture_output=True).returncode == 0


def _has_cjk_font() -> bool:
    if sys.platform != "linux":
        return True  # Windows and macOS ship CJK fonts
    if not shutil.which("fc-list"):
        return False
    out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True).stdout
    return any(name in out.lower() for name in ("wqy", "microhei", "zenhei", "droidsansfallback"))


def ensure_system(py: Path) -> None:
    """Install (as root on Debian) or name what Qt and the CJK PDF text need from the system."""
    if _qt_loads(py) and _has_cjk_font():
        return
    can_apt = sys.platform == "linux" and shutil.which("apt-get") and os.geteuid() == 0
    if can_apt:
        say("installing system libraries for Qt and the CJK font with apt-get")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        missing = [p for p in DEBIAN_PACKAGES if subprocess.run(
            ["dpkg", "-s", p], capture_output=True).returncode != 0]
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)
    if not _qt_loads(py):
        say(SYSTEM_HINT)
        sys.exit(1)
    if not _has_cjk_font():
        say("warning: no CJK font found, Chinese text will not render. " + SYSTEM_HINT)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    py = ensure_venv()
    ensure_system(py)
    env = dict(os.environ)
    if command == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        code = subprocess.run([str(py), "-m", "pytest", *rest], cwd=ROOT, env=env).returncode
        return code
    return subprocess.run([str(py), "-m", "cartox_desk", "--demo", *rest], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
