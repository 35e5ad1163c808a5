"""Font registration for the PDF: an embedded TrueType CJK font so Chinese prints as glyphs, not boxes.

Platform notes: `fonts-wqy-microhei` works in reportlab (``subfontIndex=0``; embedded as a subset);
`fonts-noto-cjk` is refused (PostScript outlines) and reportlab's built-in `STSong-Light` is not embedded
(pdftoppm without poppler-data drops it silently). So we look for a TrueType CJK font in the project's
resources, the usual Linux, macOS and Windows places, and otherwise say which package provides one.
WenQuanYi Micro Hei also carries Latin glyphs, so one face prints both languages and mixed names.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

CJK_FONT_NAME = "CartoxCJK"
LATIN_FONT_NAME = "Helvetica"
LATIN_BOLD_FONT_NAME = "Helvetica-Bold"
FONT_ENV = "CARTOX_CJK_FONT"  # explicit path to a .ttf / .ttc, tried first

MISSING_MESSAGE = (
    "No CJK TrueType font found, so Chinese text cannot be printed (it would come out as boxes). "
    "Install one: on Debian/Ubuntu `sudo apt-get install fonts-wqy-microhei`; on Windows Microsoft YaHei "
    "(msyh.ttc) or SimSun (simsun.ttc) is normally present; or copy a TrueType CJK font to "
    f"resources/fonts/ or point {FONT_ENV} at it."
)


class CjkFontMissingError(RuntimeError):
    """No usable CJK font: the message names the package that provides one (fonts-wqy-microhei)."""

    def __init__(self, message: str = MISSING_MESSAGE) -> None:
        super().__init__(message)


_FILE_NAMES = (
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "msyh.ttc",
    "msyh.ttf",
    "simsun.ttc",
    "simhei.ttf",
    "NotoSansSC-Regular.ttf",
    "SourceHanSansSC-Regular.ttf",
    "DroidSansFallbackFull.ttf",
)


def _resources_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


def candidate_paths() -> list[Path]:
    """Where a CJK font may be, best first (environment, project resources, Linux, macOS, Windows)."""
    paths: list[Path] = []
    env = os.environ.get(FONT_ENV)
    if env:
        paths.append(Path(env))
    dirs = [
        _resources_dir(),
        Path("/usr/share/fonts/truetype/wqy"),
        Path("/usr/share/fonts/wqy-microhei"),
        Path("/usr/share/fonts/truetype/droid"),
        Path("/usr/share/fonts/truetype"),
        Path("/usr/local/share/fonts"),
        Path.home() / ".local" / "share" / "fonts",
        Path("/Library/Fonts"),
    ]
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
    dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    for d in dirs:
        for name in _FILE_NAMES:
            paths.append(d / name)
    return paths


@dataclass(frozen=True, slots=True)
class FontSet:
    regular: str
    bold: str
    cjk: bool  # the regular face has CJK glyphs
    path: str | None


_lock = threading.Lock()
_registered: FontSet | None = None
_searched = False


def _register_first(paths: list[Path]) -> FontSet | None:
    for path in paths:
        if not path.is_file():
            continue
        try:
            font = TTFont(CJK_FONT_NAME, str(path), subfontIndex=0)
        except (TTFError, OSError, ValueError):
            continue  # e.g. PostScript-outline CJK fonts, which reportlab refuses
        if not font.face.charToGlyph.get(ord("细")):
            continue
        pdfmetrics.registerFont(font)
        # one face for <b> / <i> too (WenQuanYi has no bold): markup never looks for a missing face
        pdfmetrics.registerFontFamily(
            CJK_FONT_NAME,
            normal=CJK_FONT_NAME,
            bold=CJK_FONT_NAME,
            italic=CJK_FONT_NAME,
            boldItalic=CJK_FONT_NAME,
        )
        return FontSet(regular=CJK_FONT_NAME, bold=CJK_FONT_NAME, cjk=True, path=str(path))
    return None


def cjk_fonts() -> FontSet | None:
    """The registered CJK font set, registering it on first use; None when the machine has none."""
    global _registered, _searched
    with _lock:
        if not _searched:
            _registered = _register_first(candidate_paths())
            _searched = True
        return _registered


def fonts_for(lang: str, needs_cjk: bool) -> FontSet:
    """The fonts to print `lang` with. Chinese (or any CJK character in the data) needs the CJK font."""
    found = cjk_fonts()
    if found is not None:
        return found
    if lang == "zh_CN" or needs_cjk:
        raise CjkFontMissingError()
    return FontSet(regular=LATIN_FONT_NAME, bold=LATIN_BOLD_FONT_NAME, cjk=False, path=None)


# Characters some fonts lack, with a printable spelling (e.g. WenQuanYi has no ℃ or superscript digits).
SUBSTITUTES: dict[str, str] = {
    "℃": "°C",
    "℉": "°F",
    "⁹": "^9",
    "³": "^3",
    "☐": "[ ]",
    "☑": "[x]",
    "⚑": "!",
    "\u00a0": " ",
}


_drawable_cache: dict[str, frozenset[int]] = {}


def _drawable(font_name: str) -> frozenset[int]:
    """Code points the font can draw: mapped to a non-empty outline (WenQuanYi maps ℃ to an empty one)."""
    cached = _drawable_cache.get(font_name)
    if cached is None:
        face = pdfmetrics.getFont(font_name).face  # type: ignore[attr-defined]
        pos = face.glyphPos
        cached = frozenset(
            cp for cp, g in face.charToGlyph.items() if chr(cp).isspace() or pos[g + 1] > pos[g]
        )
        _drawable_cache[font_name] = cached
    return cached


def can_draw(ch: str, fonts: FontSet) -> bool:
    if ord(ch) < 128:
        return True
    if not fonts.cjk:  # the PDF base fonts print the WinAnsi (cp1252) set
        try:
            ch.encode("cp1252")
        except UnicodeEncodeError:
            return False
        return True
    return ord(ch) in _drawable(fonts.regular)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def printable(text: str, fonts: FontSet) -> str:
    """`text` with characters the font cannot draw replaced (never an empty box on paper)."""
    if text.isascii():
        return text

    def swap(m: re.Match[str]) -> str:
        ch = m.group()
        return ch if can_draw(ch, fonts) else SUBSTITUTES.get(ch, "?")

    return _NON_ASCII.sub(swap, text)


def has_cjk(text: str) -> bool:
    """True if `text` holds a character the Latin base fonts cannot print (CJK and the like)."""
    return any(ord(ch) > 0x2FFF for ch in text)
