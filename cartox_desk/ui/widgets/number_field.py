"""A numeric line edit that says, under itself, why its value is refused (clinical-rules §10)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

RangeCheck = Callable[[float], str | None]

_ERROR_STYLE = "QLineEdit { border: 2px solid #c8102e; }"


class NumberField(QWidget):
    """Empty = not recorded (None). A value that does not parse or fails `check` is an error: the field is
    outlined in red and the message (naming the accepted range) is shown beneath it."""

    changed = Signal()

    def __init__(self, check: RangeCheck | None = None, parent: QWidget | None = None, *,
                 placeholder: str = "", suffix: str = "") -> None:
        super().__init__(parent)
        self._check = check
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMaximumWidth(160)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c8102e;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._suffix = suffix
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.edit)
        layout.addWidget(self.error_label)
        self.setFocusProxy(self.edit)
        self._error: str | None = None
        self._value: float | None = None
        self.edit.textChanged.connect(self._on_text_changed)

    def set_check(self, check: RangeCheck | None) -> None:
        self._check = check
        self._on_text_changed(self.edit.text())

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def value(self) -> float | None:
        """The parsed value, or None when empty or in error."""
        return None if self._error else self._value

    def error(self) -> str | None:
        return self._error

    def _on_text_changed(self, text: str) -> None:
        raw = text.strip().replace(",", ".")
        self._value, self._error = None, None
        if raw:
            try:
                self._value = float(raw)
            except ValueError:
                self._error = self.tr("“%1” is not a number").replace("%1", text.strip())
            else:
                if self._value != self._value or self._value in (float("inf"), float("-inf")):
                    self._error = self.tr("“%1” is not a number").replace("%1", text.strip())
                elif self._check is not None:
                    self._error = self._check(self._value)
        if self._error:
            self.edit.setStyleSheet(_ERROR_STYLE)
            self.error_label.setText(self._error)
            self.error_label.show()
            self.edit.setToolTip(self._error)
        else:
            self.edit.setStyleSheet("")
            self.error_label.hide()
            self.edit.setToolTip("")
        self.changed.emit()
