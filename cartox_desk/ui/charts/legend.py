"""A panel's legend: one light item that lays out and paints its entries itself (issue 5, first render).

pyqtgraph's LegendItem makes an HTML text item and a sample widget per entry and re-lays out a grid layout
after each one: about a quarter of drawing a patient. Here an entry is two plain objects, its width comes
from font metrics, and `paint` draws the background, every sample (with pyqtgraph's own `ItemSample.paint`,
so lines, steps and symbols look as they did) and every name (drawText: text in a vector SVG). The legend
is one DeviceCoordinateCache pixmap, so a pan or zoom blits it and runs no Python of ours.

    legend = PanelLegend(plot.vb, text_colour="#222222", fill=(255, 255, 255, 200))
    legend.addItem(curve, "HR (/min)")   # as pyqtgraph's: `legend.items` is [(sample, label)]
    legend.sigSampleClicked.connect(...)  # after a click on a sample has shown / hidden its item

The geometry is the one pyqtgraph's grid gave these legends (20 px samples, 6 px spacing, names with the
4 px margin of a text document, rows 12 px apart, up to 8 entries a row, columns aligned).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsWidget

SAMPLE_PX = 20.0  # pyqtgraph's ItemSample is 20 x 20 and draws in those coordinates
SPACING_PX = 6.0  # between a sample and its name, and between entries
MARGIN_PX = 1.0  # left and right
TEXT_MARGIN_PX = 4.0  # a QTextDocument's margin, around each name as the LabelItems had it
ROW_PITCH_PX = 12.0  # 20 px rows with -8 px spacing: rows overlap where samples have empty space


class LegendSample:
    """An entry's sample: the data item it shows and toggles, and where it sits in the legend."""

    __slots__ = ("item", "rect")

    def __init__(self, item: Any) -> None:
        self.item = item
        self.rect = QRectF(0.0, 0.0, SAMPLE_PX, SAMPLE_PX)

    def paint(self, p: QPainter) -> None:
        """As pyqtgraph's ItemSample draws it (line, fill, symbol; an eye when hidden): that paint reads
        nothing but `self.item`, in a 20 px box at the painter's origin."""
        p.save()
        p.translate(self.rect.topLeft())
        pg.ItemSample.paint(self, p)  # type: ignore[arg-type]
        p.restore()


class LegendLabel:
    """An entry's name (plain text, translated by the caller) and its width in the legend's font."""

    __slots__ = ("pos", "text", "width")

    def __init__(self, text: str, width: float) -> None:
        self.text = text
        self.width = width  # the advance of the text, margins excluded
        self.pos = QPointF()  # the text's top left


class PanelLegend(QGraphicsWidget):
    """Entries (sample, name) in rows of up to `columns`, anchored at `offset` in its parent (pyqtgraph's
    rule: a positive x from the left, else from the right; a positive y from the top, else from the bottom).
    A left click on a sample shows / hides its item, repaints the legend and emits `sigSampleClicked(item)`.
    A click on an entry's name toggles it too, and the cursor shows a hand over an entry. A drag that starts
    on the legend pans the panel, as anywhere else on the chart (pyqtgraph's legend moved itself instead)."""

    sigSampleClicked = Signal(object)

    def __init__(self, parent: QGraphicsWidget, *, text_colour: str | QColor,
                 fill: Sequence[int] | QColor, point_size: float = 7.0, offset: tuple[float, float] = (2, 1),
                 columns: int = 8) -> None:
        super().__init__(parent)
        self.items: list[tuple[LegendSample, LegendLabel]] = []
        self._columns = columns
        self._column_widths: list[float] = []  # the widest name of each column
        self._laid_out = True  # entry positions match the entries (they are placed when painted or hit)
        self._font = QFont()
        self._font.setPointSizeF(point_size)
        self._metrics = QFontMetricsF(self._font)
        self._text_colour = QColor(text_colour)
        self._fill = QBrush(fill if isinstance(fill, QColor) else QColor(*fill))
        self._anchor = (0.0, 0.0)
        self._offset = (0.0, 0.0)
        # Not scaled with the view (as pyqtgraph's legend); one pixmap, repainted only after a change.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.resize(0.0, 0.0)
        parent.geometryChanged.connect(self._place)
        self.setOffset(offset)

    # --------------------------------------------------------------------------- entries

    def addItem(self, item: Any, name: str) -> None:
        """A new entry for `item` (a PlotDataItem or ScatterPlotItem) named `name` (plain text)."""
        self.items.append((LegendSample(item), LegendLabel(name, self._metrics.horizontalAdvance(name))))
        self._entries_changed()

    def removeItem(self, item: Any) -> None:
        """Remove the entry of `item` (or named `item`), as pyqtgraph's legend does; PlotItem.removeItem
        calls this for every item it removes."""
        for entry in self.items:
            sample, label = entry
            if sample.item is item or label.text == item:
                self.items.remove(entry)
                self._entries_changed()
                return

    def clear(self) -> None:
        self.items = []
        self._entries_changed()

    def _entries_changed(self) -> None:
        """Column widths (the widest name of each column), size and a new pixmap after entries changed."""
        columns = self._columns
        self._column_widths = [max(label.width for _sample, label in self.items[c::columns])
                               for c in range(min(columns, len(self.items)))]
        self._laid_out = not self.items
        self._resize()

    def entry_at(self, pos: QPointF) -> LegendSample | None:
        """The entry (its sample) under `pos` (legend coordinates), if any: its sample or its name, in a band
        one row pitch tall around the row's middle (rows overlap in their 20 px sample boxes)."""
        self.lay_out()
        x, y = pos.x(), pos.y()
        band = (SAMPLE_PX - ROW_PITCH_PX) / 2
        for sample, label in self.items:
            top = sample.rect.top() + band
            if (top <= y < top + ROW_PITCH_PX and sample.rect.left() <= x
                    < label.pos.x() + label.width):
                return sample
        return None

    # --------------------------------------------------------------------------- geometry

    def setOffset(self, offset: tuple[float, float]) -> None:
        """Anchor a corner of the legend `offset` pixels from the same corner of the parent."""
        x, y = float(offset[0]), float(offset[1])
        self._anchor = (0.0 if x > 0 else 1.0, 0.0 if y > 0 else 1.0)
        self._offset = (x, y)
        self._place()

    def _column_lefts(self) -> tuple[list[float], float]:
        """Each column's left edge, and the legend's width: a sample, a gap, the widest name of the column
        with its text margins, a gap before the next column; a margin at each end."""
        lefts = []
        x = MARGIN_PX
        for width in self._column_widths:
            lefts.append(x)
            x += SAMPLE_PX + SPACING_PX + width + 2 * TEXT_MARGIN_PX + SPACING_PX
        return lefts, (x - SPACING_PX + MARGIN_PX if lefts else 0.0)

    def _resize(self) -> None:
        width = self._column_lefts()[1]
        rows = (len(self.items) + self._columns - 1) // self._columns
        height = SAMPLE_PX + ROW_PITCH_PX * (rows - 1) if rows else 0.0
        if width != self.size().width() or height != self.size().height():
            self.resize(width, height)
            if self._anchor != (0.0, 0.0):  # anchored at the top left it stays put
                self._place()
        self.update()  # a new pixmap

    def _place(self) -> None:
        parent = self.parentItem()
        if parent is None:
            return
        bounds = parent.boundingRect()  # as pyqtgraph's anchor (a ViewBox's is half a pixel larger)
        size = self.size()
        ax, ay = self._anchor
        ox, oy = self._offset
        self.setPos(bounds.left() + ax * (bounds.width() - size.width()) + ox,
                    bounds.top() + ay * (bounds.height() - size.height()) + oy)

    def lay_out(self) -> None:
        """Place each sample (`sample.rect`) and name: rows of `columns` entries, columns as wide as their
        widest name. Done when painted or clicked (not once per added entry)."""
        if self._laid_out:
            return
        lefts = self._column_lefts()[0]
        for i, (sample, label) in enumerate(self.items):
            row, column = divmod(i, self._columns)
            left, top = lefts[column], row * ROW_PITCH_PX
            sample.rect = QRectF(left, top, SAMPLE_PX, SAMPLE_PX)
            label.pos = QPointF(left + SAMPLE_PX + SPACING_PX + TEXT_MARGIN_PX, top + TEXT_MARGIN_PX)
        self._laid_out = True

    # --------------------------------------------------------------------------- painting

    def paint(self, p: QPainter, *_args: Any) -> None:
        if not self.items:
            return
        self.lay_out()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._fill)
        p.drawRect(self.rect())
        for sample, _label in self.items:
            sample.paint(p)
        p.setFont(self._font)
        p.setPen(self._text_colour)
        ascent = self._metrics.ascent()
        for _sample, label in self.items:
            p.drawText(QPointF(label.pos.x(), label.pos.y() + ascent), label.text)

    # --------------------------------------------------------------------------- mouse (pyqtgraph's scene)

    def mouseClickEvent(self, ev: Any) -> None:
        """A left click on an entry shows / hides its item; anything else goes on to the view below."""
        sample = self.entry_at(ev.pos()) if ev.button() == Qt.MouseButton.LeftButton else None
        if sample is None:
            ev.ignore()
            return
        ev.accept()
        self.toggle(sample)

    def toggle(self, sample: LegendSample) -> None:
        """Show / hide the sample's item (as a click on it), repaint the greyed / restored sample."""
        sample.item.setVisible(not sample.item.isVisible())
        self.update()
        self.sigSampleClicked.emit(sample.item)

    def hoverEvent(self, ev: Any) -> None:
        if not ev.isExit() and self.entry_at(ev.pos()) is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
