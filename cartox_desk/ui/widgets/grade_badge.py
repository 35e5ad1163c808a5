"""A CRS / ICANS grade badge: the number always printed, never colour alone (ux.md, principles).

Ramp (colour-blind safe: lightness falls monotonically with the grade, so it still reads in greyscale and
for deuteranopes): 0 grey, 1 yellow, 2 orange, 3 red, 4 dark purple. Text is black or white, whichever has
the higher WCAG contrast on the fill. "Not assessed" is an outlined, unfilled badge with "–", so it can
never be mistaken for a grey grade 0.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

NOT_ASSESSED_TEXT = "–"  # en dash

# Fill colours by grade. Lightness: 0 (L*~64) is a neutral grey; 1-4 are hued and get darker step by step.
GRADE_COLOURS: dict[int, str] = {
    0: "#a6a6a6",  # grey
    1: "#f5d93d",  # yellow
    2: "#f28c28",  # orange
    3: "#c8102e",  # red
    4: "#4b1665",  # dark purple
}


def _relative_luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = _relative_luminance(a), _relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def text_colour_for(fill: str) -> str:
    """Black or white, whichever contrasts more with `fill` (WCAG 2 relative luminance)."""
    bg = QColor(fill)
    black, white = QColor("#000000"), QColor("#ffffff")
    return "#000000" if contrast_ratio(bg, black) >= contrast_ratio(bg, white) else "#ffffff"


class GradeBadge(QLabel):
    """Shows one grade 0-4, or "not assessed" (`None`) as an outlined "–".

    `set_grade(None)` is also how a panel says "cannot grade from this input".
    """

    def __init__(self, title: str = "", parent: QWidget | None = None, *, size: int = 72) -> None:
        super().__init__(parent)
        self._title = title
        self._grade: int | None = None
        self._size = size
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedSize(size, size)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        font = self.font()
        font.setPixelSize(int(size * 0.55))
        font.setBold(True)
        self.setFont(font)
        self.set_grade(None)

    def grade(self) -> int | None:
        return self._grade

    def is_assessed(self) -> bool:
        return self._grade is not None

    def fill_colour(self) -> str | None:
        """The fill of the badge, or None when it is an outline (not assessed)."""
        return None if self._grade is None else GRADE_COLOURS[self._grade]

    def set_grade(self, grade: int | None) -> None:
        if grade is not None and grade not in GRADE_COLOURS:
            raise ValueError(f"grade must be 0-4 or None, not {grade!r}")
        self._grade = grade
        radius = self._size // 6
        if grade is None:
            self.setText(NOT_ASSESSED_TEXT)
            # Outline in the palette's text colour so it works in dark mode too.
            outline = self.palette().color(self.foregroundRole()).name()
            self.setStyleSheet(
                f"QLabel {{ background: transparent; color: {outline}; border: 3px dashed {outline};"
                f" border-radius: {radius}px; }}")
            status = self.tr("not assessed")
        else:
            fill = GRADE_COLOURS[grade]
            self.setText(str(grade))
            self.setStyleSheet(
                f"QLabel {{ background: {fill}; color: {text_colour_for(fill)};"
                f" border: 1px solid #333333; border-radius: {radius}px; }}")
            status = self.tr("grade %1").replace("%1", str(grade))
        name = f"{self._title}: {status}" if self._title else status
        self.setAccessibleName(name)
        self.setToolTip(name)
