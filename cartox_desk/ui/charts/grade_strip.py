"""CRS / ICANS grade strips: coloured bands per grade over time, the grade number printed on each band.

Colour is never the only signal (ux.md): the number is printed whenever the band is wide enough, and
"not assessed" is a hatched, outlined band with "–", never the grey of grade 0.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen

from cartox_desk.core.series import GradeStrip
from cartox_desk.ui.charts.fast_items import QuietViewMixin

# Colour-blind-safe ramp (ux.md): 0 grey, 1 yellow, 2 orange, 3 red, 4 dark purple; text by contrast.
GRADE_COLOURS: dict[int, str] = {0: "#c8c8c8", 1: "#f0e442", 2: "#e69f00", 3: "#d0301b", 4: "#4b1760"}
GRADE_TEXT: dict[int, str] = {0: "#000000", 1: "#000000", 2: "#000000", 3: "#ffffff", 4: "#ffffff"}
NOT_ASSESSED_COLOUR = "#7a7a7a"
_MIN_TEXT_PX = 11.0


class GradeStripItem(QuietViewMixin, pg.GraphicsObject):
    """Paints one strip between y0 and y1 in view coordinates; text is drawn in device pixels."""

    def __init__(self, strip: GradeStrip, y0: float, y1: float) -> None:
        super().__init__()
        self.strip = strip
        self._y0, self._y1 = y0, y1
        iv = strip.intervals
        x0 = iv[0].x0 if iv else 0.0
        x1 = iv[-1].x1 if iv else 0.0
        self._bounds = QRectF(x0, y0, max(x1 - x0, 1e-9), y1 - y0)
        self._font = QFont()
        self._font.setPointSizeF(7.5)
        self._font.setBold(True)
        # Pens, brushes and text colours made once (painted on every pan).
        self._hatch_outline = QPen(QColor(NOT_ASSESSED_COLOUR))
        self._hatch_outline.setCosmetic(True)
        self._hatch_outline.setWidthF(1.0)
        self._hatch_brush = QBrush(QColor(NOT_ASSESSED_COLOUR), Qt.BrushStyle.BDiagPattern)
        self._thin = QPen(QColor("#ffffff"))
        self._thin.setCosmetic(True)
        self._thin.setWidthF(0.5)
        self._brushes = {g: QBrush(QColor(c)) for g, c in GRADE_COLOURS.items()}
        self._text_colours = {g: QColor(c) for g, c in GRADE_TEXT.items()}
        self._not_assessed_text = QColor("#404040")

    def boundingRect(self) -> QRectF:
        return self._bounds

    def dataBounds(self, axis: int, frac: float = 1.0, orthoRange: object = None) -> tuple[float, float]:
        if axis == 0:
            return (self._bounds.left(), self._bounds.right())
        return (self._y0, self._y1)

    def paint(self, p: QPainter, *_args: object) -> None:
        view = self.getViewBox()
        if view is not None:
            x_lo, x_hi = view.viewRange()[0]
        else:
            x_lo, x_hi = self._bounds.left(), self._bounds.right()
        to_device = p.transform()
        labels: list[tuple[QRectF, str, QColor]] = []
        for iv in self.strip.intervals:
            if iv.x1 < x_lo or iv.x0 > x_hi:
                continue
            rect = QRectF(QPointF(iv.x0, self._y0), QPointF(iv.x1, self._y1))
            if iv.grade is None:
                p.setPen(self._hatch_outline)
                p.setBrush(self._hatch_brush)
                text, colour = "–", self._not_assessed_text
            else:
                p.setPen(self._thin)
                p.setBrush(self._brushes[iv.grade])
                text, colour = str(iv.grade), self._text_colours[iv.grade]
            p.drawRect(rect)
            # Visible part of the band in device pixels: the label sits in its middle.
            vis = QRectF(QPointF(max(iv.x0, x_lo), self._y0), QPointF(min(iv.x1, x_hi), self._y1))
            dev = to_device.mapRect(vis).normalized()
            if dev.width() >= _MIN_TEXT_PX:
                labels.append((dev, text, colour))
        if not labels:
            return
        p.save()
        p.resetTransform()
        p.setFont(self._font)
        for dev, text, colour in labels:
            p.setPen(colour)
            p.drawText(dev, int(Qt.AlignmentFlag.AlignCenter), text)
        p.restore()
