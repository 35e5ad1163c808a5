"""Translations: Qt `.ts` sources in resources/i18n, compiled to `.qm` at run time when missing or stale.

Every user-visible string goes through Qt translation (`self.tr` in QObject subclasses,
`QCoreApplication.translate(context, ...)` / `QT_TRANSLATE_NOOP` elsewhere). English is the source
language; `cartox_desk_en.ts` carries identity translations so it is "finished" too.

    python -m cartox_desk.ui.i18n update    # re-scan the code with pyside6-lupdate, fill en identities
    python -m cartox_desk.ui.i18n check     # list unfinished translations (exit 1 if any)
    python -m cartox_desk.ui.i18n compile   # build the .qm files now

`.qm` files are never committed: `install_translators` compiles them with pyside6-lrelease into
resources/i18n when that is writable, else into the user cache directory (platformdirs).
Pseudo-localisation (`--lang pseudo` or env CARTOX_PSEUDO=1) wraps and stretches every string, for layout
checks: "Temperature" -> "[!! Ŧęmpęřåŧūřę ~~~ !!]".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "i18n"
LANGUAGES: tuple[str, ...] = ("zh_CN", "en")
PSEUDO = "pseudo"
# What lupdate scans (relative to ROOT): the ui package and the composition root.
SCAN_PATHS: tuple[str, ...] = ("cartox_desk/ui", "cartox_desk/app.py")

_current_language = "en"
_installed: list[QTranslator] = []


def current_language() -> str:
    """"en" or "zh_CN": the language core texts (driver sentences) are asked for."""
    return _current_language


def ts_path(lang: str) -> Path:
    return TS_DIR / f"cartox_desk_{lang}.ts"


def _tool(name: str) -> str | None:
    """pyside6-lupdate / pyside6-lrelease from this venv, PATH, or the PySide6 package itself."""
    candidates = [Path(sys.executable).with_name(f"pyside6-{name}")]
    found = shutil.which(f"pyside6-{name}")
    if found:
        candidates.append(Path(found))
    try:
        import PySide6

        candidates.append(Path(PySide6.__file__).with_name(name))
    except ImportError:  # pragma: no cover
        pass
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    return None


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("cartox_desk")) / "i18n"


def compiled_qm(lang: str) -> Path | None:
    """The up-to-date `.qm` for `lang`, compiling it if needed; None when it cannot be had."""
    if getattr(sys, "frozen", False):  # PyInstaller bundle: .qm compiled at build time, no lrelease inside
        shipped = TS_DIR / f"cartox_desk_{lang}.qm"
        return shipped if shipped.is_file() else None
    ts = ts_path(lang)
    if not ts.exists():
        return None
    targets = [TS_DIR / ts.with_suffix(".qm").name, _cache_dir() / ts.with_suffix(".qm").name]
    for qm in targets:
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            return qm
    lrelease = _tool("lrelease")
    if lrelease is None:
        return None
    for qm in targets:
        try:
            qm.parent.mkdir(parents=True, exist_ok=True)
            if not os.access(qm.parent, os.W_OK):
                continue
            subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True,
                           capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            continue
        if qm.exists():
            return qm
    return None


# ---- pseudo-localisation ------------------------------------------------------------------------------

_PSEUDO_MAP = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđęƒğĥįĵķľɱñøƥʠřşŧūṽŵẋýžÅƁÇĐĘƑĞĤĮĴĶĽṀÑØƤɊŘŞŦŪṼŴẊÝŽ",
)


def pseudo(text: str) -> str:
    """Accent every letter and stretch by ~40 %, keeping %1 / {name} placeholders, &-mnemonics and markup."""
    if not text:
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
            out.append(text[i:i + 2])
            i += 2
            continue
        if ch in "<{":  # leave rich-text tags and str.format fields ({n}) alone
            end = text.find(">" if ch == "<" else "}", i)
            if end != -1:
                out.append(text[i:end + 1])
                i = end + 1
                continue
        out.append(ch.translate(_PSEUDO_MAP))
        i += 1
    # The stretch comes in words of at most ten tildes: a real language's long text is long words and
    # many of them, not one 80-character word no word-wrapped label could break.
    tildes = max(1, len(text) * 2 // 5)
    padding = " ".join("~" * min(10, tildes - i) for i in range(0, tildes, 10))
    return f"[!! {''.join(out)} {padding} !!]"


class PseudoTranslator(QTranslator):
    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return pseudo(source_text)

    def isEmpty(self) -> bool:
        return False


# ---- installing -----------------------------------------------------------------------------------------


def install_translators(app: QCoreApplication, lang: str | None) -> list[QTranslator]:
    """Install the translators for `lang` ("zh_CN", "en" or "pseudo"), replacing earlier ones.

    Env CARTOX_PSEUDO=1 forces pseudo-localisation. Returns the installed translators (also kept alive
    here: a QTranslator that is garbage-collected silently stops translating).
    """
    global _current_language
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if os.environ.get("CARTOX_PSEUDO") == "1":
        lang = PSEUDO
    lang = lang or "en"
    if lang == PSEUDO:
        translator: QTranslator = PseudoTranslator(app)
        app.installTranslator(translator)
        _installed.append(translator)
        _current_language = "en"
        return list(_installed)

    _current_language = "zh_CN" if lang.startswith("zh") else "en"
    QLocale.setDefault(QLocale(_current_language))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(QLocale(_current_language), "qtbase", "_", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    qm = compiled_qm(_current_language)
    if qm is not None:
        ours = QTranslator(app)
        if ours.load(str(qm)):
            app.installTranslator(ours)
            _installed.append(ours)
    return list(_installed)


# ---- maintaining the .ts files --------------------------------------------------------------------------


def scan_files(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for rel in SCAN_PATHS:
        path = root / rel
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return files


def run_lupdate(ts_files: list[Path], root: Path = ROOT) -> None:
    lupdate = _tool("lupdate")
    if lupdate is None:
        raise RuntimeError("pyside6-lupdate not found (pip install PySide6-Essentials)")
    subprocess.run([lupdate, "-silent", "-locations", "none", "-no-obsolete",
                    *[str(f) for f in scan_files(root)], "-ts", *[str(t) for t in ts_files]],
                   check=True, cwd=root, capture_output=True, timeout=120)


def messages(ts: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(context, source, comment, translation or None when unfinished/empty) for every message."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment")
            tr = message.find("translation")
            unfinished = tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") \
                or not (tr.text or "").strip()
            out.append((name, source, comment, None if unfinished else (tr.text or "")))
    return out


def unfinished(ts: Path) -> list[tuple[str, str]]:
    return [(ctx, src) for ctx, src, _c, tr in messages(ts) if tr is None]


def _write_ts(tree: ET.ElementTree, path: Path) -> None:  # type: ignore[type-arg]
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def fill_translations(ts: Path, table: dict[str, str] | None = None, *, identity: bool = False) -> int:
    """Fill unfinished messages from `table` (source -> translation) or with the source itself.

    Returns how many messages were filled."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        tr = message.find("translation")
        if tr is None or (tr.get("type") != "unfinished" and (tr.text or "").strip()):
            continue
        source = message.findtext("source") or ""
        value = source if identity else (table or {}).get(source)
        if value:
            tr.text = value
            tr.attrib.pop("type", None)
            filled += 1
    _write_ts(tree, ts)
    return filled


def update(root: Path = ROOT) -> int:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    files = [ts_path(lang) for lang in LANGUAGES]
    run_lupdate(files, root)
    fill_translations(ts_path("en"), identity=True)
    run_lupdate(files, root)  # again, to write lupdate's own formatting (stable diffs)
    todo = unfinished(ts_path("zh_CN"))
    for ctx, src in todo:
        print(f"zh_CN unfinished: [{ctx}] {src}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else "update"
    if command == "update":
        return update()
    if command == "check":
        todo = [(lang, *m) for lang in LANGUAGES for m in unfinished(ts_path(lang))]
        for lang, ctx, src in todo:
            print(f"{lang}: [{ctx}] {src}")
        return 1 if todo else 0
    if command == "compile":
        ok = all(compiled_qm(lang) is not None for lang in LANGUAGES)
        return 0 if ok else 1
    print("usage: python -m cartox_desk.ui.i18n [update|check|compile]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
