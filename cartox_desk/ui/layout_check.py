"""Find text that does not fit: the automatic half of "no truncated labels at 1366x768" (issue 8).

Used by the screenshot run (it prints what it finds, most useful with ``--lang pseudo``) and by the
layout tests. A widget counts as clipped when it is visible and narrower (or, for wrapping labels, lower)
than its text needs; a window counts as too wide when its layout cannot shrink to the laptop width.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

LAPTOP_WIDTH = 1366
LAPTOP_HEIGHT = 768
TOLERANCE_PX = 2  # style metrics round differently; two pixels is not a hidden word


@dataclass(frozen=True)
class ClippedText:
    widget: str  # class and object name, for the report
    text: str
    has_px: int
    needs_px: int

    def __str__(self) -> str:
        return f"{self.widget}: {self.text!r} has {self.has_px} px, needs {self.needs_px} px"


def _describe(widget: QWidget) -> str:
    name = widget.objectName()
    return f"{type(widget).__name__}{'#' + name if name else ''}"


def _visible_to_user(widget: QWidget) -> bool:
    # hidden, or scrolled / stacked out of sight (isVisibleTo the window and with a non-empty visible rect)
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def clipped_texts(root: QWidget) -> list[ClippedText]:
    """Every visible button and label under ``root`` (itself included) whose text is cut."""
    found: list[ClippedText] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not _visible_to_user(w):
            continue
        if isinstance(w, QAbstractButton) and w.text():
            need = w.sizeHint().width()
            if w.width() + TOLERANCE_PX < need:
                found.append(ClippedText(_describe(w), w.text(), w.width(), need))
        elif isinstance(w, QLabel) and w.text() and w.pixmap().isNull():
            if w.wordWrap():
                need = w.heightForWidth(w.width())
                if need > 0 and w.height() + TOLERANCE_PX < need:
                    found.append(ClippedText(_describe(w), w.text(), w.height(), need))
            else:
                need = w.sizeHint().width()
                if w.width() + TOLERANCE_PX < need:
                    found.append(ClippedText(_describe(w), w.text(), w.width(), need))
    return found


def too_wide(window: QWidget, width: int = LAPTOP_WIDTH) -> int:
    """How many pixels the window's layout needs beyond ``width`` (0 when it fits)."""
    return max(0, window.minimumSizeHint().width() - width)
