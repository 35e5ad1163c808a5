"""The physician records the IEC-HS grade (issue 6; CSCO-2024 §4.3.2). The app never computes it.

Each grade shows its §4.3.2 description from the core's texts (in the interface language) and the source.
Besides the grades 1-5, "0 — none" records that IEC-HS is resolved or ruled out: a recorded grade stays the
grade in force, however old, until a newer record, so ending it takes a record too. Only a physician writes
it (the services refuse anyone else); a nurse who opens the form sees it read-only with the reason.

`add_iechs_status` shows the grade in force on the patient view's management panel.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cartox_desk.core.management.iechs import GRADE_SOURCE
from cartox_desk.core.management.texts import text as core_text
from cartox_desk.core.records import IECHS_GRADES, IECHS_RESOLVED, IechsGrade, PatientTimeline, UserRole
from cartox_desk.services.errors import FieldProblem
from cartox_desk.ui.forms.base import FieldMessage, PlannedCall, RecordForm, field_with_message
from cartox_desk.ui.i18n import current_language

translate = QCoreApplication.translate


def grade_description(grade: int, lang: str | None = None) -> str:
    """The CSCO-2024 §4.3.2 description of grade 1-5 (core texts, without the leading "IEC-HS grade N:"), or
    what 0 means (resolved / ruled out: not a §4.3.2 grade)."""
    if grade == IECHS_RESOLVED:
        return translate("IechsGradeForm", "IEC-HS resolved or ruled out (not a §4.3.2 grade; ends the IEC-HS"
                                           " treatment lines)")
    sentence = core_text(f"iechs.grade.{grade}", lang or current_language())
    for colon in (":", "："):
        head, sep, tail = sentence.partition(colon)
        if sep and "IEC-HS" in head:
            return tail.strip()
    return sentence


def grade_label(grade: int) -> str:
    """"grade 2" / "0 — none" for tables and headings."""
    if grade == IECHS_RESOLVED:
        return translate("IechsGradeForm", "0 — none (resolved / ruled out)")
    return translate("IechsGradeForm", "grade %1").replace("%1", str(grade))


def is_physician(user: Any) -> bool | None:
    """True / False when the user's role is known (a `UserRef`), None when only an id was given."""
    role = getattr(user, "role", None)
    return None if role is None else role == UserRole.PHYSICIAN


class _ClickLabel(QLabel):
    """A description beside its radio button: clicking the words picks the grade."""

    def __init__(self, text: str, button: QRadioButton, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.button = button
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def mousePressEvent(self, event: Any) -> None:
        if self.button.isEnabled():
            self.button.setChecked(True)
            self.button.setFocus()
        super().mousePressEvent(event)


class IechsGradeForm(RecordForm):
    """Record the IEC-HS grade the physician assessed: grades 1-5 with their §4.3.2 descriptions, or 0 when
    IEC-HS is resolved / ruled out; time; note.

    Widgets: `grade_buttons` (grade -> QRadioButton), `note_edit`, `role_label` (shown to non-physicians)."""

    def __init__(
        self,
        services: Any,
        patient_id: int,
        user: Any,
        settings: Any = None,
        parent: QWidget | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(services, patient_id, user, settings, parent, **kwargs)
        self.setWindowTitle(self.tr("Record the IEC-HS grade (physician)"))
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(
            self.tr("Immune effector cell-associated hemophagocytic lymphohistiocytosis-like syndrome"
                    " (IEC-HS)"),
            self.body,
        )
        title.setWordWrap(True)
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        intro = QLabel(
            self.tr("The physician confirms IEC-HS and grades it; the app never computes the grade. A grade"
                    " stays in force until a newer record: record 0 when IEC-HS has resolved or is ruled"
                    " out."),
            self.body,
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #555555;")
        layout.addWidget(intro)
        self.role_label = FieldMessage(self.body)  # why a nurse cannot save (read-only form)
        layout.addWidget(self.role_label)

        box = QFrame(self.body)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(10)
        self.group = QButtonGroup(self)
        self.grade_buttons: dict[int, QRadioButton] = {}
        self.description_labels: dict[int, QLabel] = {}
        order = [g for g in IECHS_GRADES if g != IECHS_RESOLVED] + [IECHS_RESOLVED]
        row = 0
        for grade in order:
            if grade == IECHS_RESOLVED:
                line = QFrame(box)
                line.setFrameShape(QFrame.Shape.HLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                grid.addWidget(line, row, 0, 1, 2)
                row += 1
                text = self.tr("&0 — none")
            else:
                text = self.tr("Grade &%1").replace("%1", str(grade))
            button = QRadioButton(text, box)
            described = grade_description(grade)
            description = _ClickLabel(described, button, box)
            # 0 is not a §4.3.2 grade: no source to cite
            button.setToolTip(described if grade == IECHS_RESOLVED else f"{described} ({GRADE_SOURCE})")
            description.setToolTip(button.toolTip())
            self.group.addButton(button, grade)
            self.grade_buttons[grade] = button
            self.description_labels[grade] = description
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(description, row, 1)
            row += 1
        layout.addWidget(box)
        self.source_label = QLabel(
            self.tr("Grade descriptions: %1. Treatment lines follow the protocol in force (§4.3.3-4.3.4).")
            .replace("%1", GRADE_SOURCE),
            self.body,
        )
        self.source_label.setWordWrap(True)
        self.source_label.setStyleSheet("color: #555555;")
        layout.addWidget(self.source_label)
        self.grade_message = FieldMessage(self.body)
        layout.addWidget(self.grade_message)
        self.add_target("grade", box, self.grade_message)

        note_row = QFormLayout()
        self.note_edit = QLineEdit(self.body)
        self.note_edit.setPlaceholderText(
            self.tr("e.g. what confirmed it; CRS, infection and progression excluded")
        )
        note_box, self.note_message = field_with_message(self.note_edit, self.body)
        note_row.addRow(self.tr("&Note"), note_box)
        layout.addLayout(note_row)
        self.add_target("note", self.note_edit, self.note_message)

        layout.addStretch(1)
        previous: QWidget = self.time_edit
        for grade in order:
            QWidget.setTabOrder(previous, self.grade_buttons[grade])
            previous = self.grade_buttons[grade]
        QWidget.setTabOrder(previous, self.note_edit)
        QWidget.setTabOrder(self.note_edit, self.save_button)
        self.setMinimumSize(760, 560)
        self.read_only = is_physician(user) is False
        if self.read_only:
            self._make_read_only()
        else:
            self.grade_buttons[order[0]].setFocus()

    def _make_read_only(self) -> None:
        """A nurse (or administrator) sees the grades for reference; only a physician records one."""
        name = getattr(self.user, "name", "")
        self.role_label.show_message(
            self.tr("Only a physician records an IEC-HS grade (you are signed in as %1). The descriptions "
                    "are shown for reference; nothing can be saved here.").replace("%1", name)
        )
        for button in self.grade_buttons.values():
            button.setEnabled(False)
        self.note_edit.setReadOnly(True)
        self.time_edit.setReadOnly(True)
        self.save_button.setEnabled(False)
        self.save_button.setDefault(False)
        self.cancel_button.setText(self.tr("Close (Esc)"))
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()

    def grade(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked < 0 else checked

    def set_grade(self, grade: int) -> None:
        self.grade_buttons[grade].setChecked(True)

    def inline_problems(self) -> list[FieldProblem]:
        if self.grade() is None:
            return [FieldProblem("grade", self.tr("choose the IEC-HS grade (0 when resolved or ruled out)"))]
        return []

    def planned_calls(self) -> list[PlannedCall]:
        s, pid, at, by = self.services, self.patient_id, self.at(), self.user
        inputs = {"grade": self.grade(), "note": self.note_edit.text().strip()}
        return [("iechs_grade", "", inputs, lambda: s.record_iechs_grade(pid, at, by=by, **inputs))]

    def _on_save(self) -> None:
        if self.read_only:  # Enter in a read-only form: never write (the services would refuse too)
            return
        super()._on_save()


def iechs_status_lines(record: IechsGrade | None, now: datetime, tz: Any) -> list[str]:
    """The grade in force (it holds until a newer record), and when and by whom it was recorded."""
    if record is None:
        return [translate("IechsGradeForm", "No IEC-HS grade recorded.")]
    when = record.meta.at.astimezone(tz).strftime("%m-%d %H:%M") if tz else record.meta.at.isoformat()
    hours = max(0, int((now - record.meta.at).total_seconds() // 3600))
    if record.grade == IECHS_RESOLVED:
        head = translate("IechsGradeForm", "IEC-HS resolved / ruled out")
    else:
        head = translate("IechsGradeForm", "IEC-HS grade %1 in force (until a newer IEC-HS record)").replace(
            "%1", str(record.grade))
    recorded = (
        translate("IechsGradeForm", "recorded %1 (%2 h ago) by %3")
        .replace("%1", when)
        .replace("%2", str(hours))
        .replace("%3", record.meta.entered_by)
    )
    return [head, recorded]


def add_iechs_status(panel: Any, timeline: PatientTimeline, now: datetime) -> None:
    """On the management panel (a `ManagementPanel` just filled by `set_plan`): the physician's IEC-HS
    record in force, with its §4.3.2 description, when the patient has any IEC-HS record."""
    if not timeline.iechs_grades:
        return
    record = timeline.iechs_grade_at(now)
    tree = panel.tree
    item = QTreeWidgetItem([translate("IechsGradeForm", "IEC-HS (recorded by the physician)"), ""])
    tree.insertTopLevelItem(0, item)
    font = QFont(tree.font())
    font.setBold(True)
    item.setFont(0, font)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    for line in iechs_status_lines(record, now, timeline.tz):
        child = QTreeWidgetItem(item, [line, ""])
        child.setToolTip(0, line)
    if record is not None:
        described = grade_description(record.grade)
        detail = QTreeWidgetItem(item, [described, "" if record.grade == IECHS_RESOLVED else GRADE_SOURCE])
        detail.setToolTip(0, described)
        if record.note:
            QTreeWidgetItem(item, [translate("IechsGradeForm", "Note: %1").replace("%1", record.note), ""])
    item.setExpanded(True)
