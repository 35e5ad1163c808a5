"""What every entry form shares: patient header, clinical time, inline problems, Save (Enter) / Cancel (Esc).

A form never writes half a record: `_on_save` first gathers the inline errors of every field and runs the
services' own input checks (`services.validation.VALIDATORS`, pure functions, the very rules the store
applies) over the call the form is about to make; then it makes exactly ONE service call — one transaction
(a flowsheet line or an assessment with its neuro exam is one compound call: all of it or nothing). A
`ValidationError` the services raise is shown beside the field it names, and nothing was written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cartox_desk.core.records import PatientSummary, UserRef
from cartox_desk.services.errors import FieldProblem, ValidationError
from cartox_desk.services.validation import FUTURE_TOLERANCE, VALIDATORS, Problems
from cartox_desk.ui.settings import AppSettings
from cartox_desk.ui.widgets.number_field import NumberField

ERROR_COLOUR = "#c8102e"
# Explicit context: self.tr() would look strings up under the subclass name, where lupdate never put them.
translate = QCoreApplication.translate
_ERROR_EDIT_STYLE = "border: 2px solid #c8102e;"


# (kind, problem prefix, service inputs or None, the call): the one service call a form is about to make
PlannedCall = tuple[str, str, dict[str, Any] | None, Callable[[], Any]]


def precheck(kind: str, inputs: dict[str, Any]) -> list[FieldProblem]:
    """The services' own input checks for one record, without writing anything."""
    p = Problems()
    VALIDATORS[kind](p, inputs)
    return p.items


class FieldMessage(QLabel):
    """The red line under a field that says why it was refused (text, never colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class ProblemTarget:
    """Where a problem about one service field is shown: a NumberField's own message line, or a
    `FieldMessage` placed under any other widget."""

    def __init__(self, widget: QWidget, message: FieldMessage | None = None) -> None:
        self.widget = widget
        self.message = message

    def show(self, text: str) -> None:
        if isinstance(self.widget, NumberField):
            self.widget.error_label.setText(text)
            self.widget.error_label.show()
            self.widget.edit.setStyleSheet(f"QLineEdit {{ {_ERROR_EDIT_STYLE} }}")
        elif self.message is not None:
            self.message.show_message(text)

    def clear(self) -> None:
        if isinstance(self.widget, NumberField):
            if not self.widget.error():  # keep the field's own range message
                self.widget.error_label.hide()
                self.widget.edit.setStyleSheet("")
        elif self.message is not None:
            self.message.show_message("")

    def text(self) -> str:
        if isinstance(self.widget, NumberField):
            return self.widget.error_label.text() if self.widget.error_label.isVisibleTo(self.widget) else ""
        return self.message.text() if self.message is not None and not self.message.isHidden() else ""


def field_with_message(widget: QWidget, parent: QWidget) -> tuple[QWidget, FieldMessage]:
    """`widget` with a message line beneath it (for widgets other than NumberField)."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(widget)
    message = FieldMessage(box)
    layout.addWidget(message)
    box.setFocusProxy(widget)
    return box, message


class RecordForm(QDialog):
    """Base of the entry forms: ``Form(services, patient_id, user, settings, parent=None)``.

    Signal `saved(kind, record)` once per record written (kind as in `services.KINDS`). The caller relays
    it to `AppEvents.records_saved`. Enter saves (Save is the default button), Esc cancels.
    """

    saved = Signal(str, object)

    def __init__(
        self,
        services: Any,
        patient_id: int,
        user: UserRef | int,
        settings: AppSettings | None = None,
        parent: QWidget | None = None,
        *,
        patient: PatientSummary | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.patient_id = patient_id
        self.user = user
        self.settings = settings or AppSettings()
        self.patient: PatientSummary = patient or services.get_patient(patient_id)
        self.targets: dict[str, ProblemTarget] = {}
        self.saved_records: list[tuple[str, Any]] = []

        self.header_label = QLabel(self._patient_line(), self)
        font = self.header_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.header_label.setFont(font)
        self.header_label.setWordWrap(True)

        self.time_edit = QDateTimeEdit(self)
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.time_edit.setCalendarPopup(False)
        self.time_edit.setToolTip(
            translate("RecordForm", "Clinical time: now by default; edit it for a late entry")
        )
        self.set_time(self.now())
        time_box, time_message = field_with_message(self.time_edit, self)
        self.targets["at"] = ProblemTarget(self.time_edit, time_message)
        self.time_label = QLabel(translate("RecordForm", "&Time"), self)
        self.time_label.setBuddy(self.time_edit)
        time_row = QHBoxLayout()
        time_row.addWidget(self.time_label)
        time_row.addWidget(time_box)
        time_row.addStretch(1)

        self.body = QWidget(self)
        self.message_label = FieldMessage(self)  # problems that name no field on this form

        self.buttons = QDialogButtonBox(self)
        self.save_button: QPushButton = self.buttons.addButton(
            translate("RecordForm", "Save (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            translate("RecordForm", "Cancel (Esc)"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.cancel_button.setAutoDefault(False)
        self.save_button.clicked.connect(self._on_save)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header_label)
        layout.addLayout(time_row)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

    # ---- helpers for subclasses -------------------------------------------------------------------------

    def _patient_line(self) -> str:
        p = self.patient
        parts = [p.name, f"MRN {p.mrn}"]
        if p.bed:
            parts.append(translate("RecordForm", "bed %1").replace("%1", p.bed))
        age = p.age_years(self.now())
        if age is not None:
            parts.append(translate("RecordForm", "%1 y").replace("%1", f"{int(age)}"))
        parts.append(
            translate("RecordForm", "%1 kg").replace("%1", f"{p.weight_kg:g}")
            if p.weight_kg
            else translate("RecordForm", "weight not recorded")
        )
        return " · ".join(parts)

    def now(self) -> datetime:
        """The services' clock in the ward's time zone."""
        now: datetime = self.services.now()
        return now.astimezone(self.services.tz)

    def set_time(self, at: datetime) -> None:
        local = at.astimezone(self.services.tz)
        self.time_edit.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )

    def at(self) -> datetime:
        """The clinical time entered, timezone-aware (ward zone)."""
        qdt = self.time_edit.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.services.tz)

    def time_problem(self) -> str | None:
        """Refuse a time more than 5 minutes in the future (clinical-rules §10; the services check too)."""
        if self.at() > self.now() + FUTURE_TOLERANCE:
            return translate("RecordForm", "the time is more than 5 minutes in the future")
        dob = self.patient.date_of_birth
        if dob is not None and self.at().date() < dob:
            return translate("RecordForm", "the time is before the date of birth")
        return None

    def add_target(self, field: str, widget: QWidget, message: FieldMessage | None = None) -> None:
        self.targets[field] = ProblemTarget(widget, message)

    def problem_text(self, field: str) -> str:
        target = self.targets.get(field)
        return target.text() if target else ""

    def clear_problems(self) -> None:
        for target in self.targets.values():
            target.clear()
        self.message_label.show_message("")

    def target_field(self, field: str) -> str:
        """The form's target name for a field path the services report (identity by default)."""
        return field

    def show_problems(self, problems: list[FieldProblem], prefix: str = "") -> None:
        """Each problem beside the field it names (``prefix`` + field, e.g. "vasopressor.0.dose");
        problems naming no field on this form go to the message line at the bottom."""
        loose: list[str] = []
        for problem in problems:
            field = self.target_field(problem.field)
            target = self.targets.get(prefix + field) or self.targets.get(field)
            if target is not None:
                target.show(problem.message)
            else:
                loose.append(problem.message)
        if loose:
            self.message_label.show_message("\n".join(loose))

    def show_message(self, text: str) -> None:
        self.message_label.show_message(text)

    # ---- saving -----------------------------------------------------------------------------------------

    def inline_problems(self) -> list[FieldProblem]:
        """Problems the fields already show (range, not a number...), as (field, message)."""
        return []

    def planned_calls(self) -> list[PlannedCall]:
        """[(kind, problem prefix, service inputs or None, call)]: the one service call that writes what
        the form holds (empty: nothing to save)."""
        raise NotImplementedError

    def _on_save(self) -> None:
        self.clear_problems()
        problems = list(self.inline_problems())
        time_problem = self.time_problem()
        if time_problem:
            problems.append(FieldProblem("at", time_problem))
        if problems:
            self.show_problems(problems)
            self.show_message(translate("RecordForm", "Nothing was saved: correct the marked field(s)."))
            return
        if not self.confirm_limits():
            return
        try:
            calls = self.planned_calls()
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        if not calls:
            self.show_message(translate("RecordForm", "Nothing to save: enter at least one value."))
            return
        found = False
        for kind, prefix, inputs, _call in calls:
            if inputs is None:  # the services check this call as a whole (amendments)
                continue
            checked = precheck(kind, inputs)
            if checked:
                found = True
                self.show_problems(checked, prefix)
        if found:
            self.show_message(translate("RecordForm", "Nothing was saved: correct the marked field(s)."))
            return
        if len(calls) != 1:  # one service call = one transaction: a form never writes half a line
            raise RuntimeError(f"{type(self).__name__} planned {len(calls)} service calls; a form makes one")
        kind, prefix, _inputs, call = calls[0]
        try:
            result = call()
        except ValidationError as exc:
            self.show_problems(exc.problems, prefix)
            self.show_message(translate("RecordForm", "Nothing was saved: correct the marked field(s)."))
            return
        # a compound call (flowsheet line, assessment) returns every record it wrote
        records = getattr(result, "records", None)
        written: list[tuple[str, Any]] = list(records()) if callable(records) else [(kind, result)]
        for written_kind, record in written:
            self.saved_records.append((written_kind, record))
            self.saved.emit(written_kind, record)
        self.accept()

    def confirm_limits(self) -> bool:
        """Safety limits that interrupt (ux.md): False stops the save. Default: none."""
        return True

    def keyPressEvent(self, event: Any) -> None:
        # Enter saves from any field (QDialog only does it for some widgets); Esc cancels (QDialog).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if self.focusWidget() is self.cancel_button:
                self.reject()
            else:
                self._on_save()
            event.accept()
            return
        super().keyPressEvent(event)
