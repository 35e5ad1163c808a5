"""Device-pixel rules light exactly the pixels Qt's aliased cosmetic 1 px lines light (the grid's pixels
must not move when it stops going through Qt's line stroker)."""

from __future__ import annotations

import random

import numpy as np
from PySide6.QtCore import QLineF
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen

from cartox_desk.ui.charts.device_paint import DeviceRules

W, H = 200, 120


def _image() -> QImage:
    image = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    return image


def _pixels(image: QImage) -> np.ndarray:
    return np.frombuffer(image.constBits(), np.uint32).reshape(H, W).copy()


def _qt_lines(at: list[float], start: float, end: float, vertical: bool) -> np.ndarray:
    image = _image()
    p = QPainter(image)
    pen = QPen(QColor("#cfcfcf"))
    pen.setCosmetic(True)
    pen.setWidthF(1.0)
    p.setPen(pen)
    for a in at:
        p.drawLine(QLineF(a, start, a, end) if vertical else QLineF(start, a, end, a))
    p.end()
    return _pixels(image)


def _rules(rules: DeviceRules, at: np.ndarray, start: float, end: float, vertical: bool) -> np.ndarray:
    image = _image()
    p = QPainter(image)
    rules.draw(p, QBrush(QColor("#cfcfcf")), at, start, end, vertical=vertical)
    p.end()
    return _pixels(image)


def test_rules_light_the_pixels_of_qt_cosmetic_lines() -> None:
    rnd = random.Random(7)
    rules = DeviceRules()
    for case in range(60):
        vertical = case % 2 == 0
        n = rnd.randint(1, 12)
        at = sorted(rnd.uniform(2.0, (W if vertical else H) - 3.0) for _ in range(n))
        if case % 3 == 0:
            at.reverse()  # descending positions (a y axis pointing up) are fine too
        length = H if vertical else W
        start, end = rnd.uniform(-5.0, length / 3), rnd.uniform(length / 2, length + 5.0)
        if case % 4 == 1:
            start, end = end, start
        expected = _qt_lines(at, start, end, vertical)
        assert (_rules(rules, np.array(at), start, end, vertical) == expected).all(), (at, start, end)


def test_a_kept_positions_array_is_drawn_again_and_a_new_span_is_seen() -> None:
    rules = DeviceRules()
    at = np.array([10.3, 50.7, 90.5])
    first = _rules(rules, at, 3.2, 80.9, vertical=True)
    assert (_rules(rules, at, 3.2, 80.9, vertical=True) == first).all()  # same array object: same rules
    assert (_rules(rules, at, 3.2, 110.2, vertical=True) == _qt_lines(list(at), 3.2, 110.2, True)).all()
    many = np.arange(2.5, 190.0, 6.25)  # more rules than the buffer held: it grows
    assert (_rules(rules, many, 3.2, 80.9, vertical=True) == _qt_lines(list(many), 3.2, 80.9, True)).all()
