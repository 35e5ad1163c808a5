"""A checkable push button whose text wraps onto more lines instead of widening the window (issue 8).

A QPushButton draws its text on one line, so a long answer ("[1] awake but cannot speak or understand
(global aphasia)", or any answer in a longer language) makes the button, and with it the wizard, wider than
the 1366 px laptop. `WrapButton` keeps the QPushButton (bevel, checked style, clicks, button groups) but
leaves its own text empty and shows the text in a word-wrapped QLabel inside it; width and height come from
that text: as wide as its longest unbreakable piece at the least, one line wide when there is room, and
as tall as the wrapped text needs at the width the layout gives (heightForWidth).

The label is measured in bold so that the chosen (bold) answer never needs more room than it has, and it
is transparent to the mouse: a click anywhere on the button is the button's.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

_MARGIN_X = 12
_MARGIN_Y = 7
_MIN_HEIGHT = 40
_FLAGS = Qt.TextFlag.TextWordWrap


class WrapButton(QPushButton):
    """A (checkable) push button with word-wrapped text; `label_text()` is its text."""

    def __init__(self, text: str, parent: QWidget | None = None, *,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
        super().__init__(parent)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setStyleSheet("background: transparent;")
        self.setAccessibleName(text)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.toggled.connect(self._show_state)
        self._show_state(self.isChecked())

    # ---- text and state --------------------------------------------------------------------------

    def label_text(self) -> str:
        return self.label.text()

    def set_label_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def setFont(self, font: QFont) -> None:
        super().setFont(font)
        self._show_state(self.isChecked())

    def _show_state(self, checked: bool) -> None:
        # The wizard's style sheet fills a checked button dark blue with bold white text; a style sheet does
        # not reach the label inside, so the label follows the button here.
        font = QFont(self.font())
        font.setBold(checked)
        self.label.setFont(font)
        self.label.setStyleSheet("background: transparent; color: white;" if checked
                                 else "background: transparent;")
        self.updateGeometry()

    # ---- size -------------------------------------------------------------------------------------

    def _metrics(self) -> QFontMetrics:
        bold = QFont(self.font())
        bold.setBold(True)
        return QFontMetrics(bold)

    def _text_size(self, width: int) -> QSize:
        return self._metrics().boundingRect(QRect(0, 0, max(1, width), 100000), _FLAGS,
                                            self.label.text()).size()

    def sizeHint(self) -> QSize:
        fm = self._metrics()
        one_line = fm.horizontalAdvance(self.label.text()) + 2 * _MARGIN_X + 4
        return QSize(one_line, max(_MIN_HEIGHT, fm.height() + 2 * _MARGIN_Y))

    def minimumSizeHint(self) -> QSize:
        widest_piece = self._text_size(1).width()  # the longest word (or, in Chinese, character)
        return QSize(widest_piece + 2 * _MARGIN_X + 4, _MIN_HEIGHT)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        text = self._text_size(width - 2 * _MARGIN_X - 4)
        return max(_MIN_HEIGHT, text.height() + 2 * _MARGIN_Y)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.label.setGeometry(self.rect().adjusted(_MARGIN_X, 2, -_MARGIN_X, -2))
