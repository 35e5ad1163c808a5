"""Drawing helpers for the chart items' per-frame paint: primitive arrays handed to Qt without re-wrapping,
and 1 px rules filled as device-pixel rectangles.

`PrimitiveBuffer` is pyqtgraph's `PrimitiveArray` (numpy memory seen as an array of QLineF / QRectF /
PixmapFragment) that wraps its memory as a C++ pointer once per allocation: pyqtgraph's `drawargs` asks numpy
for the address through `ndarray.ctypes` on every call, which costs more than drawing a few dozen lines.

`DeviceRules`: Qt's cosmetic line stroker plots an aliased 1 px line pixel by pixel, so a panel-wide grid
line cost about 15x the same pixels filled as an integer rectangle, which the raster engine fills a row span
at a time. It lights the pixels the stroker would (its column / row is the floor of the device coordinate,
from the floor of the start to the floor of the end, inclusive) with one `drawRects` call.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import shiboken6
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QBrush, QPainter, QPen

DEVICE_LIMIT = 1 << 24  # device coordinates are clamped here before the int32 conversion
_NO_PEN = QPen(Qt.PenStyle.NoPen)


def _address(array: np.ndarray) -> int:
    """The address of an array's first element (`ndarray.ctypes.data` builds a ctypes object: slower)."""
    return int(array.__array_interface__["data"][0])


class PrimitiveBuffer(PrimitiveArray):  # type: ignore[misc]
    """A `PrimitiveArray` whose `drawargs` reuse one wrapped pointer per allocation."""

    def __init__(self, klass: type, nfields: int) -> None:
        super().__init__(klass, nfields)
        self._wrapped_for: np.ndarray | None = None
        self._wrapped: Any = None

    def drawargs(self) -> tuple[Any, ...]:
        if not self.use_ptr_to_array:
            return super().drawargs()  # type: ignore[no-any-return]
        if self._capa == 0:
            return None, self._size
        if self._wrapped_for is not self._ndarray:  # resize() allocated new memory
            self._wrapped = shiboken6.wrapInstance(_address(self._ndarray), self._Klass)
            self._wrapped_for = self._ndarray
        return self._wrapped, self._size


class DeviceRules:
    """A reusable array of 1 px rules in device pixels, drawn in one call.

    The painter's transform must be the identity (device pixels) when `draw` is called; the brush is set
    and the pen removed (callers paint inside `save()` / `restore()`). What did not change since the last
    frame is not written again: the span of grid lines (the panel's height or width) stays while panning,
    and rules at the same positions array (the caller's cached array object) are drawn as they are."""

    def __init__(self) -> None:
        self._buf = np.empty((0, 4), dtype=np.int32)
        self._ptr: QRect | None = None  # the buffer seen as a C++ QRect array (wrapped once per buffer)
        self._span_key: tuple[int, int, int, bool] | None = None
        self._positions: np.ndarray | None = None

    def _reserve(self, n: int) -> np.ndarray:
        if n > len(self._buf):
            self._buf = np.empty((max(n, 2 * len(self._buf), 16), 4), dtype=np.int32)
            self._ptr = shiboken6.wrapInstance(_address(self._buf), QRect)
            self._span_key = None
            self._positions = None
        return self._buf[:n]

    def draw(self, p: QPainter, brush: QBrush, at: np.ndarray, start: float, end: float, *,
             vertical: bool) -> None:
        """Rules at device coordinates `at` (x of vertical rules, y of horizontal ones; in order) spanning
        [start, end] along the other axis."""
        n = len(at)
        if not n:
            return
        lo = max(math.floor(min(start, end)), -DEVICE_LIMIT)
        hi = min(math.floor(max(start, end)), DEVICE_LIMIT)
        if hi < lo:
            return
        arr = self._reserve(n)
        # QRect stores its corners (x1, y1, x2, y2), both inclusive.
        along, across = (0, 1) if vertical else (1, 0)
        span_key = (n, lo, hi, vertical)
        if span_key != self._span_key:
            arr[:, across], arr[:, across + 2] = lo, hi
            self._span_key = span_key
            self._positions = None
        if at is not self._positions:
            pos = np.floor(at)
            # Monotonic positions: the ends bound them (np.clip or min / max cost more on a few values).
            if not (min(pos[0], pos[-1]) >= -DEVICE_LIMIT and max(pos[0], pos[-1]) <= DEVICE_LIMIT):
                pos = np.minimum(np.maximum(pos, -DEVICE_LIMIT), DEVICE_LIMIT)
            arr[:, along::2] = pos[:, None]  # both corners of each rule: one write
            self._positions = at
        p.setPen(_NO_PEN)  # a QPen object: converting the enum each time costs more
        p.setBrush(brush)
        p.drawRects(self._ptr, n)  # type: ignore[call-overload]
