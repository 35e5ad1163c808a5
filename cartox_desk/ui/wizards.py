"""ICE and CAPD wizards: one question per screen, large type, fully keyboard-driven (ux.md).

Keys: 1 / Y = correct (yes), 0 / N = wrong (no); CAPD answers 1-5 = never … always; Enter = next,
Backspace = back, Esc = cancel, C = cannot be assessed, ↑/↓ = move between the items of one screen.

The wizard ends on a result screen (score, change from baseline and from the previous assessment, the neuro
findings asked after the items, and the ICANS grade with its drivers from `core.grading.grade_snapshot`)
and emits `completed(CompletedAssessment)`: plain core dataclasses, saved by whoever listens.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cartox_desk.core.results import GradingResult
from cartox_desk.core.snapshot import (
    CapdAnswer,
    CapdAssessment,
    Consciousness,
    EncephalopathyTool,
    IceAssessment,
    IceUnable,
    IcpFinding,
    MotorWeakness,
    Seizure,
    Snapshot,
)
from cartox_desk.ui import core_bridge, terms
from cartox_desk.ui.capd_items import CAPD_KEYS, capd_anchor, capd_question, capd_short_name
from cartox_desk.ui.grade_panel import driver_lines
from cartox_desk.ui.i18n import current_language
from cartox_desk.ui.settings import AppSettings
from cartox_desk.ui.widgets.grade_badge import GradeBadge
from cartox_desk.ui.widgets.wrap_button import WrapButton

PICTURES = Path(__file__).resolve().parents[2] / "resources" / "pictures"
NAMING_PICTURES: tuple[str, ...] = ("clock", "pen", "button")

SEDATED = "sedated"  # "cannot be assessed" because of sedation: recorded as not assessed, no score
UNABLE = "unable"  # CAPD: cannot be roused


@dataclass(frozen=True, slots=True)
class NeuroFindings:
    consciousness: Consciousness | None = None
    seizure: Seizure | None = None
    motor_weakness: MotorWeakness | None = None
    icp_findings: frozenset[IcpFinding] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class CompletedAssessment:
    """What a finished wizard hands over (not yet saved)."""

    tool: EncephalopathyTool
    ice: IceAssessment | None
    ice_unable: IceUnable | None
    capd: CapdAssessment | None
    capd_unable: bool
    not_assessed_reason: str | None  # SEDATED, or None
    findings: NeuroFindings
    score: int | None
    change_from_baseline: int | None
    change_from_previous: int | None
    result: GradingResult
    age_years: float | None = None

    def snapshot(self) -> Snapshot:
        """The neuro part of a snapshot, as graded on the result screen."""
        return self.merged_into(None)

    def merged_into(self, base: Snapshot | None) -> Snapshot:
        """`base` (e.g. the vitals being entered) with its encephalopathy and neuro fields replaced."""
        base = base or Snapshot(age_years=self.age_years)
        return replace(base, ice=self.ice, ice_unable=self.ice_unable, capd=self.capd,
                       capd_unable=self.capd_unable, consciousness=self.findings.consciousness,
                       seizure=self.findings.seizure, motor_weakness=self.findings.motor_weakness,
                       icp_findings=self.findings.icp_findings)


def _big(widget: QWidget, scale: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPixelSize(int(16 * scale))
    font.setBold(bold)
    widget.setFont(font)


def _answer_button(text: str, parent: QWidget, *,
                   align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> WrapButton:
    # The text wraps (a long answer or a long language never widens the wizard past the laptop) and the
    # button is measured in bold, so a checked answer is never clipped.
    button = WrapButton(text, parent, align=align)
    button.setCheckable(True)
    button.setAutoDefault(False)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the wizard, never to a button
    _big(button, 1.15)
    return button


class _Step(QWidget):
    """One screen. (No tr() here: subclasses translate under their own context.)"""

    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title

    def handle_key(self, key: int, text: str) -> bool:
        return False

    def is_complete(self) -> bool:
        return True

    def activate(self) -> None:
        """Called each time the screen is shown."""


class BinaryItemsStep(_Step):
    """Items answered correct (1 point) or wrong (0): orientation, naming, commands, writing, attention."""

    def __init__(self, title: str, instruction: str, prompts: list[str],
                 pictures: list[Path] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.values: list[int | None] = [None] * len(prompts)
        self.cursor = 0
        self._rows: list[QFrame] = []
        self._buttons: list[tuple[QPushButton, QPushButton]] = []
        layout = QVBoxLayout(self)
        heading = QLabel(instruction, self)
        heading.setWordWrap(True)
        _big(heading, 1.2)
        layout.addWidget(heading)
        grid = QGridLayout()
        horizontal = pictures is not None
        for i, prompt in enumerate(prompts):
            row = QFrame(self)
            row.setObjectName("itemRow")
            inner = QVBoxLayout(row) if horizontal else QHBoxLayout(row)
            if pictures is not None:
                picture = QSvgWidget(str(pictures[i]), row)
                picture.setFixedSize(150, 150)
                picture.setAccessibleName(prompt)
                inner.addWidget(picture, 0, Qt.AlignmentFlag.AlignHCenter)
            label = QLabel(prompt, row)
            label.setWordWrap(True)
            _big(label, 1.5)
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            inner.addWidget(label, 1)
            buttons = QHBoxLayout()
            right = _answer_button(self.tr("[1] correct"), row, align=Qt.AlignmentFlag.AlignHCenter)
            wrong = _answer_button(self.tr("[0] wrong"), row, align=Qt.AlignmentFlag.AlignHCenter)
            group = QButtonGroup(row)
            group.addButton(right)
            group.addButton(wrong)
            right.clicked.connect(lambda _=False, i=i: self.answer(1, row=i))
            wrong.clicked.connect(lambda _=False, i=i: self.answer(0, row=i))
            buttons.addWidget(right)
            buttons.addWidget(wrong)
            inner.addLayout(buttons)
            self._rows.append(row)
            self._buttons.append((right, wrong))
            if horizontal:
                grid.addWidget(row, 0, i)
            else:
                grid.addWidget(row, i, 0)
        layout.addLayout(grid)
        layout.addStretch(1)
        self._refresh()

    def answer(self, value: int, row: int | None = None) -> None:
        row = self.cursor if row is None else row
        self.values[row] = value
        self.cursor = min(row + 1, len(self.values) - 1)
        self._refresh()
        self.changed.emit()

    def points(self) -> int:
        return sum(v or 0 for v in self.values)

    def answered(self) -> int:
        return sum(v is not None for v in self.values)

    def handle_key(self, key: int, text: str) -> bool:
        typed = text.upper()
        if typed in ("1", "Y"):
            self.answer(1)
        elif typed in ("0", "N"):
            self.answer(0)
        elif key == Qt.Key.Key_Up or key == Qt.Key.Key_Left:
            self.cursor = max(0, self.cursor - 1)
            self._refresh()
        elif key == Qt.Key.Key_Down or key == Qt.Key.Key_Right:
            self.cursor = min(len(self.values) - 1, self.cursor + 1)
            self._refresh()
        else:
            return False
        return True

    def is_complete(self) -> bool:
        return all(v is not None for v in self.values)

    def activate(self) -> None:
        missing = [i for i, v in enumerate(self.values) if v is None]
        self.cursor = missing[0] if missing else self.cursor
        self._refresh()

    def _refresh(self) -> None:
        for i, row in enumerate(self._rows):
            current = i == self.cursor
            row.setStyleSheet("QFrame#itemRow { border: 3px solid #2f6fdf; border-radius: 6px; }" if current
                              else "QFrame#itemRow { border: 1px solid #b0b0b0; border-radius: 6px; }")
            right, wrong = self._buttons[i]
            right.setChecked(self.values[i] == 1)
            wrong.setChecked(self.values[i] == 0)


class ChoiceStep(_Step):
    """One question with numbered (or Y/N) answers; an optional note (e.g. the CAPD anchor) beside it."""

    def __init__(self, title: str, prompt: str, options: list[tuple[str, str, object]],
                 note: str | None = None, parent: QWidget | None = None, *, horizontal: bool = False) -> None:
        super().__init__(title, parent)
        self._options = options
        self._value: object = None
        self._answered = False
        self._buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.prompt_label = QLabel(prompt, self)
        self.prompt_label.setWordWrap(True)
        _big(self.prompt_label, 1.6, bold=True)
        top.addWidget(self.prompt_label, 3)
        self.note_label: QLabel | None = None
        if note:
            self.note_label = QLabel(note, self)
            self.note_label.setWordWrap(True)
            self.note_label.setFrameShape(QFrame.Shape.StyledPanel)
            self.note_label.setStyleSheet("QLabel { background: #fff8dc; color: #222; padding: 10px;"
                                          " border: 1px solid #c8b060; }")
            _big(self.note_label, 1.25)
            top.addWidget(self.note_label, 2)
        layout.addLayout(top)
        group = QButtonGroup(self)
        grid = QGridLayout()
        columns = len(options) if horizontal else (1 if len(options) <= 3 else 2)
        for i, (key_label, text, value) in enumerate(options):
            button = _answer_button(f"[{key_label}]  {text}", self)
            group.addButton(button)
            button.clicked.connect(lambda _=False, v=value: self.choose(v))
            self._buttons.append(button)
            grid.addWidget(button, i % ((len(options) + columns - 1) // columns),
                           i // ((len(options) + columns - 1) // columns))
        for column in range(columns):  # equal columns, however long each answer is
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)
        layout.addStretch(1)

    def choose(self, value: object) -> None:
        self._value = value
        self._answered = True
        for button, (_k, _t, v) in zip(self._buttons, self._options, strict=True):
            button.setChecked(v == value)
        self.changed.emit()

    def preset(self, value: object) -> None:
        if not self._answered:
            self.choose(value)

    def value(self) -> object:
        return self._value

    def is_complete(self) -> bool:
        return self._answered

    def handle_key(self, key: int, text: str) -> bool:
        typed = text.upper()
        for key_label, _text, value in self._options:
            if typed and typed in key_label.upper().split("/"):
                self.choose(value)
                return True
        return False


class MultiCheckStep(_Step):
    """Several yes/no findings on one screen: digits toggle, N = none of them."""

    def __init__(self, title: str, prompt: str, options: list[tuple[str, object]],
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._options = options
        self.selected: set[object] = set()
        self._buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        _big(label, 1.6, bold=True)
        layout.addWidget(label)
        hint = QLabel(self.tr("Press the number of each sign present; N = none. Enter when done."), self)
        hint.setWordWrap(True)
        _big(hint, 1.0)
        layout.addWidget(hint)
        grid = QGridLayout()
        for i, (text, value) in enumerate(options):
            button = _answer_button(f"[{i + 1}]  {text}", self)
            button.clicked.connect(lambda _=False, v=value: self.toggle(v))
            self._buttons.append(button)
            grid.addWidget(button, i // 2, i % 2)
        self.none_button = _answer_button(self.tr("[N]  none of these"), self)
        self.none_button.clicked.connect(self.clear)
        grid.addWidget(self.none_button, (len(options) + 1) // 2, 0)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        self._refresh()

    def toggle(self, value: object) -> None:
        self.selected ^= {value}
        self._refresh()

    def clear(self) -> None:
        self.selected.clear()
        self._refresh()

    def handle_key(self, key: int, text: str) -> bool:
        if key == Qt.Key.Key_N:
            self.clear()
            return True
        if text.isdigit() and 1 <= int(text) <= len(self._options):
            self.toggle(self._options[int(text) - 1][1])
            return True
        return False

    def _refresh(self) -> None:
        for button, (_t, v) in zip(self._buttons, self._options, strict=True):
            button.setChecked(v in self.selected)
        self.none_button.setChecked(not self.selected)
        self.changed.emit()


class ResultStep(_Step):
    """Score, changes, and the ICANS grade with drivers."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        layout = QVBoxLayout(self)
        self.score_label = QLabel(self)
        _big(self.score_label, 2.0, bold=True)
        self.change_label = QLabel(self)
        self.change_label.setWordWrap(True)
        _big(self.change_label, 1.3)
        self.findings_label = QLabel(self)
        self.findings_label.setWordWrap(True)
        _big(self.findings_label, 1.1)
        row = QHBoxLayout()
        self.badge = GradeBadge(self.tr("ICANS"), self, size=110)
        grade_text = QVBoxLayout()
        self.grade_title = QLabel(self.tr("ICANS grade"), self)
        _big(self.grade_title, 1.5, bold=True)
        self.drivers_label = QLabel(self)
        self.drivers_label.setWordWrap(True)
        self.drivers_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        _big(self.drivers_label, 1.1)
        grade_text.addWidget(self.grade_title)
        grade_text.addWidget(self.drivers_label)
        grade_text.addStretch(1)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(grade_text, 1)
        self.save_hint = QLabel(self.tr("Enter = finish and hand over for saving · Backspace = back"), self)
        self.save_hint.setWordWrap(True)
        _big(self.save_hint, 1.0)
        layout.addWidget(self.score_label)
        layout.addWidget(self.change_label)
        layout.addWidget(self.findings_label)
        layout.addLayout(row, 1)
        layout.addWidget(self.save_hint)


class AssessmentWizard(QWidget):
    """ICE (`tool="ice"`) or CAPD (`tool="capd"`) wizard.

    Signals: `completed(CompletedAssessment)`, `cancelled()`, `step_changed(int)` (index in the history).
    Optional context: `patient_label`, `age_years` (CAPD anchors for children up to 2 years), `baseline`
    and `previous` scores (for the change shown on the result screen).
    """

    completed = Signal(object)
    cancelled = Signal()
    step_changed = Signal(int)

    def __init__(self, tool: str, settings: AppSettings | None = None, *, patient_label: str = "",
                 age_years: float | None = None, baseline: int | None = None, previous: int | None = None,
                 grader: core_bridge.Grader | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if tool not in ("ice", "capd"):
            raise ValueError(f"tool must be 'ice' or 'capd', not {tool!r}")
        self.tool = EncephalopathyTool.ICE if tool == "ice" else EncephalopathyTool.CAPD
        self._settings = settings or AppSettings()
        self._grader = grader or core_bridge.default_grader()
        self.patient_label = patient_label
        self.age_years = age_years
        self.baseline = baseline
        self.previous = previous
        self._unable: str | None = None  # choice made on the "cannot be assessed" screen
        self._assessment: CompletedAssessment | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The chosen answer must be unmistakable (not a faint pressed shade): filled, bold, ticked border.
        self.setStyleSheet("QPushButton:checked { background: #1f5fbf; color: white; font-weight: bold;"
                           " border: 2px solid #0b3d91; border-radius: 4px; }")

        self.item_steps: list[_Step] = (self._build_ice_steps() if self.tool is EncephalopathyTool.ICE
                                        else self._build_capd_steps())
        self.unable_step = self._build_unable_step()
        self.neuro_steps = self._build_neuro_steps()
        self.result_step = ResultStep(self.tr("Result"), self)

        self.header_label = QLabel(self)
        _big(self.header_label, 1.4, bold=True)
        self.header_label.setWordWrap(True)
        self.total_label = QLabel(self)
        _big(self.total_label, 1.4, bold=True)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.header_label, 3)
        header.addWidget(self.total_label, 1)

        self.stack = QStackedWidget(self)
        for step in (*self.item_steps, self.unable_step, *self.neuro_steps, self.result_step):
            self.stack.addWidget(step)
            step.changed.connect(self._update_header)
        self.message_label = QLabel(self)
        self.message_label.setStyleSheet("color: #c8102e;")
        self.message_label.setWordWrap(True)
        _big(self.message_label, 1.1)

        self.unable_button = self._nav_button(self.tr("Cannot be assessed… (C)"))
        self.cancel_button = self._nav_button(self.tr("Cancel (Esc)"))
        self.back_button = self._nav_button(self.tr("◂ Back (Backspace)"))
        self.next_button = self._nav_button(self.tr("Next ▸ (Enter)"))
        self.unable_button.clicked.connect(self.cannot_assess)
        self.cancel_button.clicked.connect(self.cancel)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        nav = QHBoxLayout()
        nav.addWidget(self.cancel_button)
        nav.addWidget(self.unable_button)
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(nav)

        self.history: list[_Step] = [self.item_steps[0]]
        self._show(self.item_steps[0])

    # ---- building the screens --------------------------------------------------------------------------

    def _nav_button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumHeight(40)
        _big(button, 1.05)
        return button

    def _ask(self, question: str) -> str:
        return self.tr("Ask: “%1”").replace("%1", question)

    def _build_ice_steps(self) -> list[_Step]:
        s = self._settings
        lang = current_language()
        not_set = self.tr("(not set: enter it in Settings)")
        city = s.city_name or not_set
        hospital = s.hospital_name or not_set
        orientation = BinaryItemsStep(
            self.tr("Orientation"), self.tr("Ask each question; 1 = correct, 0 = wrong."),
            [self._ask(self.tr("What year is it?")),
             self._ask(self.tr("What month is it?")),
             self._ask(self.tr("What city are we in?")) + "  " + self.tr("(answer: %1)").replace("%1", city),
             self._ask(self.tr("What is the name of this hospital?")) + "  "
             + self.tr("(answer: %1)").replace("%1", hospital)], parent=self)
        picture_names = {"clock": self.tr("clock"), "pen": self.tr("pen"), "button": self.tr("button")}
        naming = BinaryItemsStep(
            self.tr("Naming"), self.tr("Point to each picture and ask: “What is this?”"),
            [picture_names[p] for p in NAMING_PICTURES],
            [PICTURES / f"{p}.svg" for p in NAMING_PICTURES], parent=self)
        commands = BinaryItemsStep(
            self.tr("Following commands"), self.tr("Ask the patient to follow a command:"),
            [self.tr("“Show me 2 fingers” or “Close your eyes and stick out your tongue”")], parent=self)
        writing = BinaryItemsStep(
            self.tr("Writing"), self.tr("Ask the patient to write this standard sentence:"),
            [f"“{s.writing_sentence(lang)}”"], parent=self)
        attention = BinaryItemsStep(
            self.tr("Attention"), self.tr("Ask the patient to count backwards from 100 by 10:"),
            [self.tr("100, 90, 80, 70, 60, 50, 40, 30, 20, 10")], parent=self)
        return [orientation, naming, commands, writing, attention]

    def _build_capd_steps(self) -> list[_Step]:
        options = [(str(i + 1), terms.term(word), answer)
                   for i, (answer, word) in enumerate(terms.CAPD_ANSWERS.items())]
        steps: list[_Step] = []
        for key in CAPD_KEYS:
            anchor = capd_anchor(key, self.age_years)
            note = None
            if anchor:
                note = self.tr("Developmental anchor:") + "\n" + anchor
            steps.append(ChoiceStep(capd_short_name(key), capd_question(key), options, note, self,
                                    horizontal=True))
        return steps

    def _build_unable_step(self) -> ChoiceStep:
        if self.tool is EncephalopathyTool.ICE:
            options: list[tuple[str, str, object]] = [
                ("1", self.tr("awake but cannot speak or understand (global aphasia)"), IceUnable.APHASIA),
                ("2", self.tr("cannot be roused (unarousable)"), IceUnable.UNAROUSABLE),
                ("3", self.tr("sedated: record as not assessed, no score"), SEDATED),
            ]
        else:
            options = [
                ("1", self.tr("cannot be roused"), UNABLE),
                ("2", self.tr("sedated: record as not assessed, no score"), SEDATED),
            ]
        return ChoiceStep(self.tr("Cannot be assessed"), self.tr("Why can the assessment not be done?"),
                          options, parent=self)

    def _build_neuro_steps(self) -> list[_Step]:
        levels = list(terms.CONSCIOUSNESS.items())
        consciousness = ChoiceStep(
            self.tr("Level of consciousness"), self.tr("Level of consciousness"),
            [(str(i + 1), terms.term(word), code) for i, (code, word) in enumerate(levels)], parent=self)
        seizure = ChoiceStep(
            self.tr("Seizure"), self.tr("Any seizure since the last assessment?"),
            [("1/N", terms.term(terms.SEIZURES[Seizure.NONE]), Seizure.NONE),
             ("2", terms.term(terms.SEIZURES[Seizure.RESOLVED_RAPIDLY]), Seizure.RESOLVED_RAPIDLY),
             ("3", terms.term(terms.SEIZURES[Seizure.PROLONGED_OR_REPETITIVE]),
              Seizure.PROLONGED_OR_REPETITIVE)], parent=self)
        motor = ChoiceStep(
            self.tr("Motor findings"), self.tr("Deep focal motor weakness (hemiparesis, paraparesis)?"),
            [("Y/1", self.tr("yes"), MotorWeakness.DEEP_FOCAL), ("N/0", self.tr("no"), MotorWeakness.NONE)],
            parent=self)
        icp = MultiCheckStep(
            self.tr("Raised ICP / cerebral edema"),
            self.tr("Signs of raised intracranial pressure or cerebral edema?"),
            [(terms.term(word), code) for code, word in terms.ICP_FINDINGS.items()], parent=self)
        return [consciousness, seizure, motor, icp]

    # ---- navigation --------------------------------------------------------------------------------

    def current_step(self) -> _Step:
        return self.history[-1]

    def _show(self, step: _Step) -> None:
        self.message_label.setText("")
        step.activate()
        if step is self.result_step:
            self._grade()
        self.stack.setCurrentWidget(step)
        self.unable_button.setEnabled(step in self.item_steps)
        self.back_button.setEnabled(len(self.history) > 1)
        self.next_button.setText(self.tr("Finish ✓ (Enter)") if step is self.result_step
                                 else self.tr("Next ▸ (Enter)"))
        self._update_header()
        self.step_changed.emit(len(self.history) - 1)

    def _following(self, step: _Step) -> _Step | None:
        if step in self.item_steps:
            i = self.item_steps.index(step)
            if i + 1 < len(self.item_steps):
                return self.item_steps[i + 1]
            self._unable = None  # all items answered: a scored assessment
            return self.neuro_steps[0]
        if step is self.unable_step:
            self._unable = str(self.unable_step.value())
            if self._unable in (IceUnable.UNAROUSABLE, UNABLE):
                consciousness = self.neuro_steps[0]
                assert isinstance(consciousness, ChoiceStep)
                consciousness.preset(Consciousness.UNAROUSABLE)
            return self.neuro_steps[0]
        if step in self.neuro_steps:
            i = self.neuro_steps.index(step)
            return self.neuro_steps[i + 1] if i + 1 < len(self.neuro_steps) else self.result_step
        return None

    def next(self) -> None:
        step = self.current_step()
        if not step.is_complete():
            self.message_label.setText(
                self.tr("Answer every item first, or choose “Cannot be assessed” (C)."))
            return
        if step is self.result_step:
            self.finish()
            return
        following = self._following(step)
        if following is not None:
            self.history.append(following)
            self._show(following)

    def back(self) -> None:
        if len(self.history) > 1:
            self.history.pop()
            self._show(self.history[-1])

    def cannot_assess(self) -> None:
        if self.current_step() in self.item_steps:
            self.history.append(self.unable_step)
            self._show(self.unable_step)

    def cancel(self) -> None:
        self.cancelled.emit()

    def finish(self) -> None:
        assessment = self.assessment()
        if assessment is not None:
            self.completed.emit(assessment)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.cancel()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.next()
        elif key == Qt.Key.Key_Backspace:
            self.back()
        elif key == Qt.Key.Key_C and self.current_step() in self.item_steps:
            self.cannot_assess()
        elif not self.current_step().handle_key(key, event.text()):
            super().keyPressEvent(event)
            return
        event.accept()

    # ---- scoring (arithmetic of the answers; grading is the core's) ------------------------------------

    def _running(self) -> tuple[int, int]:
        """(points so far, maximum of the items answered so far)."""
        if self.tool is EncephalopathyTool.ICE:
            steps = [s for s in self.item_steps if isinstance(s, BinaryItemsStep)]
            return sum(s.points() for s in steps), sum(s.answered() for s in steps)
        points = answered = 0
        for key, step in zip(CAPD_KEYS, self.item_steps, strict=True):
            assert isinstance(step, ChoiceStep)
            if step.is_complete():
                points += core_bridge.capd_item_points(key, step.value())
                answered += 1
        return points, 4 * answered

    def _findings(self) -> NeuroFindings:
        consciousness, seizure, motor, icp = self.neuro_steps
        assert isinstance(consciousness, ChoiceStep) and isinstance(seizure, ChoiceStep)
        assert isinstance(motor, ChoiceStep) and isinstance(icp, MultiCheckStep)

        def enum(kind: type, value: object) -> object:
            return None if value is None else kind(value)

        return NeuroFindings(
            consciousness=enum(Consciousness, consciousness.value()),  # type: ignore[arg-type]
            seizure=enum(Seizure, seizure.value()),  # type: ignore[arg-type]
            motor_weakness=enum(MotorWeakness, motor.value()),  # type: ignore[arg-type]
            icp_findings=frozenset(IcpFinding(v) for v in icp.selected),
        )

    def _parts(self) -> tuple[IceAssessment | None, IceUnable | None, CapdAssessment | None, bool,
                              str | None]:
        if self._unable == SEDATED:
            return None, None, None, False, SEDATED
        if self.tool is EncephalopathyTool.ICE:
            if self._unable is not None:
                return None, IceUnable(self._unable), None, False, None
            o, n, c, w, a = (s.points() for s in self.item_steps if isinstance(s, BinaryItemsStep))
            return IceAssessment(orientation=o, naming=n, commands=c, writing=w, attention=a), \
                None, None, False, None
        if self._unable == UNABLE:
            return None, None, None, True, None
        answers = {key: CapdAnswer(str(step.value()))
                   for key, step in zip(CAPD_KEYS, self.item_steps, strict=True)
                   if isinstance(step, ChoiceStep)}
        return None, None, CapdAssessment(**answers), False, None

    def assessment(self) -> CompletedAssessment | None:
        """The assessment as answered so far, graded (None before the result screen is reachable)."""
        if not all(s.is_complete() for s in self.neuro_steps):
            return None
        if self._unable is None and not all(s.is_complete() for s in self.item_steps):
            return None
        ice, ice_unable, capd, capd_unable, reason = self._parts()
        findings = self._findings()
        snap = Snapshot(age_years=self.age_years, ice=ice, ice_unable=ice_unable, capd=capd,
                        capd_unable=capd_unable, consciousness=findings.consciousness,
                        seizure=findings.seizure, motor_weakness=findings.motor_weakness,
                        icp_findings=findings.icp_findings)
        result = self._grader(snap)
        score = result.icans.score if ice is not None or capd is not None else None

        def change(reference: int | None) -> int | None:
            return None if score is None or reference is None else score - reference

        return CompletedAssessment(
            tool=self.tool, ice=ice, ice_unable=ice_unable, capd=capd, capd_unable=capd_unable,
            not_assessed_reason=reason, findings=findings, score=score,
            change_from_baseline=change(self.baseline), change_from_previous=change(self.previous),
            result=result, age_years=self.age_years)

    def _grade(self) -> None:
        self._assessment = assessment = self.assessment()
        step = self.result_step
        if assessment is None:  # unreachable through next(); defensive
            step.badge.set_grade(None)
            return
        maximum = 10 if self.tool is EncephalopathyTool.ICE else 32
        if assessment.score is not None:
            step.score_label.setText(f"{self.tool.value} {assessment.score} / {maximum}")
        elif assessment.not_assessed_reason == SEDATED:
            step.score_label.setText(self.tr("%1 not assessed (sedated): no score").replace(
                "%1", self.tool.value))
        elif assessment.ice_unable is IceUnable.APHASIA:
            step.score_label.setText(self.tr("ICE cannot be done: aphasia (awake)"))
        else:
            step.score_label.setText(self.tr("%1 cannot be done: cannot be roused").replace(
                "%1", self.tool.value))
        step.change_label.setText(self._change_text(assessment))
        step.change_label.setVisible(bool(step.change_label.text()))
        f = assessment.findings
        parts = [
            terms.label(terms.CONSCIOUSNESS, f.consciousness) if f.consciousness else "",
            terms.label(terms.SEIZURES, f.seizure) if f.seizure else "",
            terms.label(terms.MOTOR, f.motor_weakness) if f.motor_weakness else "",
            ", ".join(terms.label(terms.ICP_FINDINGS, x) for x in sorted(f.icp_findings))
            or self.tr("no signs of raised ICP"),
        ]
        step.findings_label.setText(" · ".join(p for p in parts if p))
        icans = assessment.result.icans
        step.badge.set_grade(icans.grade)
        lines = driver_lines(icans.drivers, current_language())
        if icans.grade is None:
            lines.insert(0, self.tr("ICANS not assessed"))
        step.drivers_label.setText("\n".join(f"• {line}" for line in lines))

    def _change_text(self, assessment: CompletedAssessment) -> str:
        def signed(n: int) -> str:
            return f"+{n}" if n > 0 else ("±0" if n == 0 else f"−{-n}")

        parts = []
        if assessment.change_from_baseline is not None:
            parts.append(self.tr("%1 from baseline (%2)").replace(
                "%1", signed(assessment.change_from_baseline)).replace("%2", str(self.baseline)))
        if assessment.change_from_previous is not None:
            parts.append(self.tr("%1 from the previous assessment (%2)").replace(
                "%1", signed(assessment.change_from_previous)).replace("%2", str(self.previous)))
        return " · ".join(parts)

    def _update_header(self) -> None:
        step = self.current_step()
        name = self.tool.value
        who = f" · {self.patient_label}" if self.patient_label else ""
        if step in self.item_steps:
            position = self.tr("%1 of %2").replace("%1", str(self.item_steps.index(step) + 1)).replace(
                "%2", str(len(self.item_steps)))
            self.header_label.setText(f"{name}{who} · {position}: {step.title}")
        else:
            self.header_label.setText(f"{name}{who} · {step.title}")
        if step is self.unable_step:
            self.total_label.setText("")
        elif self._unable is not None and step not in self.item_steps:
            self.total_label.setText(self.tr("no score"))
        else:
            points, asked = self._running()
            self.total_label.setText(self.tr("running total %1 / %2 so far").replace(
                "%1", str(points)).replace("%2", str(asked)))


class WizardDialog(QDialog):
    """A wizard in its own window: accepted on completion, rejected on Esc / cancel."""

    def __init__(self, tool: str, settings: AppSettings | None = None, *,
                 grader: core_bridge.Grader | None = None, parent: QWidget | None = None,
                 **context: object) -> None:
        super().__init__(parent)
        self.wizard = AssessmentWizard(tool, settings, grader=grader, parent=self, **context)  # type: ignore[arg-type]
        self.setWindowTitle(self.tr("ICE assessment") if tool == "ice" else self.tr("CAPD assessment"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.wizard)
        self.wizard.completed.connect(self.accept)
        self.wizard.cancelled.connect(self.reject)
        self.resize(1200, 720)
        self.wizard.setFocus()
