"""The grading panel: type one snapshot, see the CRS and ICANS grades with their drivers as you type.

Grade first (ux.md): the two badges sit at the top, the reasons beside them. Nothing is graded from
invalid input: a refused field is outlined with its accepted range and both badges fall back to "–".
All grading is `core.grading.grade_snapshot` (through `core_bridge`): this module only builds the snapshot.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cartox_desk.core.results import Driver, GradingResult
from cartox_desk.core.snapshot import (
    CapdAnswer,
    CapdAssessment,
    Consciousness,
    DoseRateUnit,
    IceAssessment,
    IceUnable,
    IcpFinding,
    MotorWeakness,
    OxygenDevice,
    OxygenSupport,
    Seizure,
    Snapshot,
    VasopressorDrug,
    VasopressorInfusion,
)
from cartox_desk.ui import core_bridge, terms
from cartox_desk.ui.capd_items import CAPD_ITEMS, capd_question, proposes_capd
from cartox_desk.ui.i18n import current_language
from cartox_desk.ui.settings import AppSettings, TemperatureUnit, hypotension_sbp_threshold
from cartox_desk.ui.widgets.flow_layout import FlowLayout
from cartox_desk.ui.widgets.grade_badge import GradeBadge
from cartox_desk.ui.widgets.number_field import NumberField

ICE_ITEMS: tuple[tuple[str, int], ...] = (
    ("orientation", 4), ("naming", 3), ("commands", 1), ("writing", 1), ("attention", 1),
)

# Which encephalopathy assessment the snapshot records (grading-json.md: ice / ice_unable / capd /
# capd_unable; at most one).
NEURO_NONE, NEURO_ICE, NEURO_ICE_APHASIA, NEURO_ICE_UNAROUSABLE, NEURO_CAPD, NEURO_CAPD_UNABLE = range(6)

_DEFAULT_UNIT = {
    VasopressorDrug.VASOPRESSIN: DoseRateUnit.UNITS_PER_MIN,
    VasopressorDrug.DOPAMINE: DoseRateUnit.UG_PER_KG_PER_MIN,
}


def driver_lines(drivers: tuple[Driver, ...], lang: str) -> list[str]:
    """One line per driver: the core sentence, which ends with its source."""
    return [core_bridge.describe(d, lang) for d in drivers]


class GradeCard(QFrame):
    """A title, a big badge and the drivers that set the grade."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title_label = QLabel(title, self)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.badge = GradeBadge(title, self, size=84)
        self.detail_label = QLabel(self)  # e.g. "ICE 5/10", "NE-equivalent 12 µg/min"
        self.detail_label.setWordWrap(True)
        self.drivers_label = QLabel(self)
        self.drivers_label.setWordWrap(True)
        font = self.drivers_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.drivers_label.setFont(font)
        self.drivers_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.drivers_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.drivers_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        text = QVBoxLayout()
        text.addWidget(self.title_label)
        text.addWidget(self.detail_label)
        text.addWidget(self.drivers_label, 1)
        row = QHBoxLayout(self)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)

    def show_grade(self, grade: int | None, detail: str, lines: list[str], *, problem: bool = False) -> None:
        self.badge.set_grade(grade)
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))
        self.drivers_label.setText("\n".join(f"• {line}" for line in lines))
        self.drivers_label.setStyleSheet("color: #c8102e;" if problem else "")


class VasopressorRow(QWidget):
    """One infusion: drug, dose, unit, remove."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drug_combo = QComboBox(self)
        for drug, word in terms.VASOPRESSOR_DRUGS.items():
            self.drug_combo.addItem(terms.term(word), drug)
        self.dose_field = NumberField(core_bridge.check_dose, self, placeholder=self.tr("dose"))
        self.dose_field.edit.setMaximumWidth(90)
        self.unit_combo = QComboBox(self)
        for unit, word in terms.DOSE_UNITS.items():
            self.unit_combo.addItem(terms.term(word), unit)
        self.remove_button = QToolButton(self)
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(self.tr("Remove this vasopressor"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.drug_combo, 2)
        layout.addWidget(self.dose_field, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.unit_combo, 1)
        layout.addWidget(self.remove_button)
        self.drug_combo.currentIndexChanged.connect(self._on_drug_changed)
        self.dose_field.changed.connect(self.changed)
        self.unit_combo.currentIndexChanged.connect(self.changed)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def _on_drug_changed(self) -> None:
        drug = self.drug_combo.currentData()
        unit = _DEFAULT_UNIT.get(drug, DoseRateUnit.UG_PER_MIN)
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit))
        self.changed.emit()

    def set_infusion(self, infusion: VasopressorInfusion) -> None:
        self.drug_combo.setCurrentIndex(self.drug_combo.findData(infusion.drug))
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(infusion.unit))
        self.dose_field.set_text(f"{infusion.dose:g}")

    def error(self) -> str | None:
        if self.dose_field.error():
            return self.dose_field.error()
        if self.dose_field.value() is None:
            return self.tr("enter the dose")
        return None

    def infusion(self) -> VasopressorInfusion | None:
        dose = self.dose_field.value()
        if dose is None:
            return None
        # Qt hands enum item data back as plain str: convert to the core enums.
        return VasopressorInfusion(VasopressorDrug(self.drug_combo.currentData()), dose,
                                   DoseRateUnit(self.unit_combo.currentData()))


def _hinted_check(form: QFormLayout, text: str, hint: str) -> QCheckBox:
    """A short checkbox with its explanation wrapped beneath it (long checkbox texts cannot wrap)."""
    parent = form.parentWidget()
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    check = QCheckBox(text, box)
    check.setToolTip(hint)
    label = QLabel(hint, box)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted, and right in dark mode too
    label.setContentsMargins(22, 0, 0, 0)
    label.setBuddy(check)
    layout.addWidget(check)
    layout.addWidget(label)
    form.addRow(box)
    return check


def _combo_with_not_recorded(parent: QWidget, table: dict) -> QComboBox:  # type: ignore[type-arg]
    combo = QComboBox(parent)
    combo.addItem(terms.term(terms.NOT_RECORDED), None)
    for code, word in table.items():
        combo.addItem(terms.term(word), code)
    return combo


class GradePanel(QWidget):
    """Snapshot entry with live CRS / ICANS grades.

    Signals: `graded(object)` with the `GradingResult`, or None when the input cannot be graded.
    Public: `snapshot()` (None while any field is invalid), `result()`, `errors()`, `set_snapshot()`,
    `crs_card` / `icans_card` (each with `.badge`), and the input widgets by name for keyboard tests.
    """

    graded = Signal(object)

    def __init__(self, settings: AppSettings | None = None, grader: core_bridge.Grader | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings or AppSettings()
        self._grader = grader or core_bridge.default_grader()
        self._result: GradingResult | None = None
        self._errors: list[str] = []
        self._loading = False
        self.vasopressor_rows: list[VasopressorRow] = []

        self.crs_card = GradeCard(self.tr("CRS"), self)
        self.icans_card = GradeCard(self.tr("ICANS"), self)
        cards = QHBoxLayout()
        cards.addWidget(self.crs_card, 1)
        cards.addWidget(self.icans_card, 1)

        inputs = QWidget(self)
        columns = QHBoxLayout(inputs)
        columns.setContentsMargins(0, 0, 0, 0)
        # Equal halves whatever the language: a long label must never push the other column off screen.
        for column in (self._build_crs_inputs(), self._build_neuro_inputs()):
            column.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            columns.addWidget(column, 1)
        scroll = QScrollArea(self)
        scroll.setWidget(inputs)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.addLayout(cards)
        layout.addWidget(scroll, 1)
        self.regrade()

    # ---- building -----------------------------------------------------------------------------------

    def _build_crs_inputs(self) -> QWidget:
        box = QGroupBox(self.tr("Vital signs and support (CRS)"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        negative = self.tr("age cannot be negative")
        self.age_field = NumberField(lambda v: None if v >= 0 else negative, box,
                                     placeholder=self.tr("years"))
        self.weight_field = NumberField(lambda v: core_bridge.check_range("weight_kg", v), box,
                                        placeholder="kg")
        patient = QWidget(box)
        patient_row = QHBoxLayout(patient)
        patient_row.setContentsMargins(0, 0, 0, 0)
        patient_row.addWidget(self.age_field, 0, Qt.AlignmentFlag.AlignTop)
        weight_label = QLabel(self.tr("Weight (kg)"), patient)
        weight_label.setBuddy(self.weight_field.edit)
        weight_label.setMinimumHeight(self.weight_field.edit.sizeHint().height())
        patient_row.addWidget(weight_label, 0, Qt.AlignmentFlag.AlignTop)
        patient_row.addWidget(self.weight_field, 0, Qt.AlignmentFlag.AlignTop)
        patient_row.addStretch(1)
        form.addRow(self.tr("Age (years)"), patient)

        fahrenheit = self._settings.temperature_unit is TemperatureUnit.FAHRENHEIT
        self.temperature_field = NumberField(
            (lambda v: core_bridge.check_range("temperature_f", v)) if fahrenheit
            else (lambda v: core_bridge.check_range("temperature_c", v)),
            box, placeholder="°F" if fahrenheit else "°C")
        label = self.tr("Highest temperature (°F)") if fahrenheit else self.tr("Highest temperature (°C)")
        form.addRow(label, self.temperature_field)
        self.fever_masked_check = _hinted_check(
            form, self.tr("Fever masked"),
            self.tr("antipyretic, tocilizumab or steroid given after CRS began: fever no longer required"))
        self.sbp_field = NumberField(lambda v: core_bridge.check_range("systolic_bp_mmhg", v), box,
                                     placeholder="mmHg")
        form.addRow(self.tr("Lowest systolic BP (mmHg)"), self.sbp_field)
        self.hypotension_check = _hinted_check(
            form, self.tr("Hypotension"), self.tr("not attributable to another cause"))
        # Proposed from the systolic BP and age (clinical-rules §1 rule 8), never ticked for the nurse.
        self.hypotension_proposal_label = QLabel(box)
        self.hypotension_proposal_label.setWordWrap(True)
        self.hypotension_proposal_label.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0b000; padding: 4px; }")
        self.hypotension_proposal_label.hide()
        form.addRow(self.hypotension_proposal_label)

        self.vasopressor_box = QWidget(box)
        self.vasopressor_layout = QVBoxLayout(self.vasopressor_box)
        self.vasopressor_layout.setContentsMargins(0, 0, 0, 0)
        self.add_vasopressor_button = QPushButton(self.tr("Add vasopressor"), box)
        self.add_vasopressor_button.setToolTip(self.tr("Add a vasopressor infusion (Alt+A)"))
        self.vasopressor_layout.addWidget(self.add_vasopressor_button)
        form.addRow(self.tr("Vasopressors"), self.vasopressor_box)
        self.ne_equivalent_label = QLabel(box)
        self.ne_equivalent_label.setWordWrap(True)
        form.addRow(self.tr("NE-equivalent"), self.ne_equivalent_label)

        self.oxygen_device_combo = _combo_with_not_recorded(box, terms.OXYGEN_DEVICES)
        form.addRow(self.tr("Oxygen device"), self.oxygen_device_combo)
        self.oxygen_flow_field = NumberField(lambda v: core_bridge.check_range("flow_l_min", v), box,
                                             placeholder="L/min")
        form.addRow(self.tr("Oxygen flow (L/min)"), self.oxygen_flow_field)
        self.for_comfort_check = _hinted_check(
            form, self.tr("Oxygen for comfort only"),
            self.tr("given without hypoxia: charted, not graded"))

        self.age_field.changed.connect(self.regrade)
        self.sbp_field.changed.connect(self.regrade)
        self.temperature_field.changed.connect(self.regrade)
        self.fever_masked_check.toggled.connect(self.regrade)
        self.hypotension_check.toggled.connect(self.regrade)
        self.add_vasopressor_button.clicked.connect(self.add_vasopressor)
        QShortcut(QKeySequence("Alt+A"), self, self.add_vasopressor)
        self.weight_field.changed.connect(self.regrade)
        self.oxygen_device_combo.currentIndexChanged.connect(self.regrade)
        self.oxygen_flow_field.changed.connect(self.regrade)
        self.for_comfort_check.toggled.connect(self.regrade)
        return box

    def _build_neuro_inputs(self) -> QWidget:
        box = QGroupBox(self.tr("Neurological assessment (ICANS)"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.neuro_tool_combo = QComboBox(box)
        self.neuro_tool_combo.addItem(self.tr("not done"), NEURO_NONE)
        self.neuro_tool_combo.addItem(self.tr("ICE score"), NEURO_ICE)
        self.neuro_tool_combo.addItem(self.tr("ICE cannot be done: aphasia (awake)"), NEURO_ICE_APHASIA)
        self.neuro_tool_combo.addItem(self.tr("ICE cannot be done: unarousable"), NEURO_ICE_UNAROUSABLE)
        self.neuro_tool_combo.addItem(self.tr("CAPD (children ≤ 12 y)"), NEURO_CAPD)
        self.neuro_tool_combo.addItem(self.tr("CAPD cannot be done: cannot be roused"), NEURO_CAPD_UNABLE)
        form.addRow(self.tr("Encephalopathy"), self.neuro_tool_combo)
        self.capd_proposal_label = QLabel(box)
        self.capd_proposal_label.setWordWrap(True)
        self.capd_proposal_label.setStyleSheet("QLabel { color: #5c4400; }")
        self.capd_proposal_label.hide()
        form.addRow(self.capd_proposal_label)

        # The ICE and CAPD item pages: only the chosen one is visible (a QStackedWidget would reserve the
        # height of the taller page).
        ice_page = QWidget(box)
        ice_form = QFormLayout(ice_page)
        ice_form.setContentsMargins(0, 0, 0, 0)
        ice_names = {
            "orientation": self.tr("Orientation (0-4)"), "naming": self.tr("Naming (0-3)"),
            "commands": self.tr("Following commands (0-1)"), "writing": self.tr("Writing (0-1)"),
            "attention": self.tr("Attention (0-1)"),
        }
        self.ice_spins: dict[str, QSpinBox] = {}
        for name, maximum in ICE_ITEMS:
            spin = QSpinBox(ice_page)
            spin.setRange(-1, maximum)  # -1 = not entered yet, shown as "–"
            spin.setSpecialValueText("–")
            spin.setValue(-1)
            spin.setMaximumWidth(90)
            spin.valueChanged.connect(self.regrade)
            self.ice_spins[name] = spin
            ice_form.addRow(ice_names[name], spin)
        capd_page = QWidget(box)
        capd_form = QFormLayout(capd_page)
        capd_form.setContentsMargins(0, 0, 0, 0)
        self.capd_combos: dict[str, QComboBox] = {}
        for index, (key, _reversed) in enumerate(CAPD_ITEMS):
            combo = QComboBox(capd_page)
            combo.addItem("–", None)
            for answer, word in terms.CAPD_ANSWERS.items():
                combo.addItem(terms.term(word), answer)
            combo.currentIndexChanged.connect(self.regrade)
            self.capd_combos[key] = combo
            capd_form.addRow(f"{index + 1}. {capd_question(key)}", combo)
        self.ice_page, self.capd_page = ice_page, capd_page
        ice_page.hide()
        capd_page.hide()
        form.addRow(ice_page)
        form.addRow(capd_page)

        self.consciousness_combo = _combo_with_not_recorded(box, terms.CONSCIOUSNESS)
        form.addRow(self.tr("Level of consciousness"), self.consciousness_combo)
        self.seizure_combo = _combo_with_not_recorded(box, terms.SEIZURES)
        form.addRow(self.tr("Seizure"), self.seizure_combo)
        self.motor_combo = _combo_with_not_recorded(box, terms.MOTOR)
        form.addRow(self.tr("Motor findings"), self.motor_combo)
        icp = QWidget(box)
        # A wrapping row, not a two-column grid: a long finding ("decerebrate or decorticate posturing",
        # longer still in other languages) takes a line of its own instead of being cut at half the column.
        icp_flow = FlowLayout(icp, spacing=10)
        self.icp_checks: dict[IcpFinding, QCheckBox] = {}
        for finding, word in terms.ICP_FINDINGS.items():
            check = QCheckBox(terms.term(word), icp)
            check.toggled.connect(self.regrade)
            self.icp_checks[finding] = check
            icp_flow.addWidget(check)
        # label on its own row: the six findings get the full column width
        form.addRow(QLabel(self.tr("Raised ICP / cerebral edema"), box))
        icp_flow.setContentsMargins(12, 0, 0, 0)
        form.addRow(icp)

        self.neuro_tool_combo.currentIndexChanged.connect(self._on_tool_changed)
        self.consciousness_combo.currentIndexChanged.connect(self.regrade)
        self.seizure_combo.currentIndexChanged.connect(self.regrade)
        self.motor_combo.currentIndexChanged.connect(self.regrade)
        return box

    # ---- editing ------------------------------------------------------------------------------------

    def add_vasopressor(self) -> VasopressorRow:
        row = VasopressorRow(self.vasopressor_box)
        self.vasopressor_rows.append(row)
        self.vasopressor_layout.insertWidget(self.vasopressor_layout.count() - 1, row)
        row.changed.connect(self.regrade)
        row.remove_requested.connect(self._remove_vasopressor)
        row.drug_combo.setFocus()
        self.regrade()
        return row

    def _remove_vasopressor(self, row: VasopressorRow) -> None:
        self.vasopressor_rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.regrade()

    def _on_tool_changed(self) -> None:
        tool = self.neuro_tool_combo.currentData()
        self.ice_page.setVisible(tool == NEURO_ICE)
        self.capd_page.setVisible(tool == NEURO_CAPD)
        self.regrade()

    def set_neuro_tool(self, tool: int) -> None:
        self.neuro_tool_combo.setCurrentIndex(self.neuro_tool_combo.findData(tool))

    def clear(self) -> None:
        self._loading = True
        try:
            for field in (self.age_field, self.sbp_field, self.temperature_field, self.weight_field,
                          self.oxygen_flow_field):
                field.set_text("")
            for check in (self.fever_masked_check, self.hypotension_check, self.for_comfort_check,
                          *self.icp_checks.values()):
                check.setChecked(False)
            for row in list(self.vasopressor_rows):
                self._remove_vasopressor(row)
            for combo in (self.oxygen_device_combo, self.consciousness_combo, self.seizure_combo,
                          self.motor_combo, self.neuro_tool_combo, *self.capd_combos.values()):
                combo.setCurrentIndex(0)
            for spin in self.ice_spins.values():
                spin.setValue(-1)
        finally:
            self._loading = False
        self.regrade()

    def set_snapshot(self, snap: Snapshot) -> None:
        """Fill the form from a snapshot (temperature shown in the ward's unit)."""
        self.clear()
        self._loading = True
        try:
            if snap.temperature_c is not None:
                t = snap.temperature_c
                if self._settings.temperature_unit is TemperatureUnit.FAHRENHEIT:
                    t = t * 9.0 / 5.0 + 32.0
                self.temperature_field.set_text(f"{t:g}")
            if snap.weight_kg is not None:
                self.weight_field.set_text(f"{snap.weight_kg:g}")
            if snap.age_years is not None:
                self.age_field.set_text(f"{snap.age_years:g}")
            self.fever_masked_check.setChecked(snap.fever_masked)
            self.hypotension_check.setChecked(snap.hypotension)
            for infusion in snap.vasopressors:
                self.add_vasopressor().set_infusion(infusion)
            if snap.oxygen is not None:
                self.oxygen_device_combo.setCurrentIndex(self.oxygen_device_combo.findData(snap.oxygen.device))
                if snap.oxygen.flow_l_min is not None:
                    self.oxygen_flow_field.set_text(f"{snap.oxygen.flow_l_min:g}")
                self.for_comfort_check.setChecked(snap.oxygen.for_comfort)
            if snap.ice is not None:
                self.set_neuro_tool(NEURO_ICE)
                for name, _maximum in ICE_ITEMS:
                    self.ice_spins[name].setValue(getattr(snap.ice, name))
            elif snap.ice_unable is IceUnable.APHASIA:
                self.set_neuro_tool(NEURO_ICE_APHASIA)
            elif snap.ice_unable is IceUnable.UNAROUSABLE:
                self.set_neuro_tool(NEURO_ICE_UNAROUSABLE)
            elif snap.capd is not None:
                self.set_neuro_tool(NEURO_CAPD)
                for key, combo in self.capd_combos.items():
                    combo.setCurrentIndex(combo.findData(getattr(snap.capd, key)))
            elif snap.capd_unable:
                self.set_neuro_tool(NEURO_CAPD_UNABLE)
            for combo, value in ((self.consciousness_combo, snap.consciousness),
                                 (self.seizure_combo, snap.seizure), (self.motor_combo, snap.motor_weakness)):
                combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)
            for finding, check in self.icp_checks.items():
                check.setChecked(finding in snap.icp_findings)
        finally:
            self._loading = False
        self.regrade()

    # ---- reading ------------------------------------------------------------------------------------

    def errors(self) -> list[str]:
        """Why the current input cannot be graded (empty when it can)."""
        return list(self._errors)

    def result(self) -> GradingResult | None:
        return self._result

    def _collect(self) -> tuple[Snapshot | None, list[str], list[str]]:
        """(snapshot or None, blocking errors, notes about incomplete assessments)."""
        errors: list[str] = []
        notes: list[str] = []
        for label, field in ((self.tr("Age"), self.age_field),
                             (self.tr("Temperature"), self.temperature_field),
                             (self.tr("Systolic BP"), self.sbp_field),
                             (self.tr("Weight"), self.weight_field),
                             (self.tr("Oxygen flow"), self.oxygen_flow_field)):
            if field.error():
                errors.append(f"{label}: {field.error()}")
        infusions: list[VasopressorInfusion] = []
        for row in self.vasopressor_rows:
            problem = row.error()
            if problem:
                errors.append(f"{row.drug_combo.currentText()}: {problem}")
            else:
                infusion = row.infusion()
                if infusion is not None:
                    infusions.append(infusion)
        temperature = self.temperature_field.value()
        if temperature is not None and self._settings.temperature_unit is TemperatureUnit.FAHRENHEIT:
            temperature = round(core_bridge.fahrenheit_to_celsius(temperature), 2)

        device = self.oxygen_device_combo.currentData()
        oxygen = None
        if device is not None:
            oxygen = OxygenSupport(OxygenDevice(device), self.oxygen_flow_field.value(),
                                   self.for_comfort_check.isChecked())

        tool = self.neuro_tool_combo.currentData()
        ice = capd = None
        ice_unable = None
        capd_unable = False
        if tool == NEURO_ICE:
            values = {name: spin.value() for name, spin in self.ice_spins.items()}
            missing = [name for name, v in values.items() if v < 0]
            if missing:
                notes.append(self.tr("ICE incomplete: %1 of 5 items entered").replace(
                    "%1", str(5 - len(missing))))
            else:
                ice = IceAssessment(**values)
        elif tool == NEURO_ICE_APHASIA:
            ice_unable = IceUnable.APHASIA
        elif tool == NEURO_ICE_UNAROUSABLE:
            ice_unable = IceUnable.UNAROUSABLE
        elif tool == NEURO_CAPD:
            answers = {key: combo.currentData() for key, combo in self.capd_combos.items()}
            missing_capd = [k for k, v in answers.items() if v is None]
            if missing_capd:
                notes.append(self.tr("CAPD incomplete: %1 of 8 answers entered").replace(
                    "%1", str(8 - len(missing_capd))))
            else:
                capd = CapdAssessment(**{k: CapdAnswer(v) for k, v in answers.items()})
        elif tool == NEURO_CAPD_UNABLE:
            capd_unable = True

        if errors:
            return None, errors, notes

        def enum_or_none(combo: QComboBox, kind: type) -> object:
            data = combo.currentData()
            return None if data is None else kind(data)

        snap = Snapshot(
            age_years=self.age_field.value(),
            weight_kg=self.weight_field.value(),
            temperature_c=temperature,
            fever_masked=self.fever_masked_check.isChecked(),
            hypotension=self.hypotension_check.isChecked(),
            vasopressors=tuple(infusions),
            oxygen=oxygen,
            ice=ice,
            ice_unable=ice_unable,
            capd=capd,
            capd_unable=capd_unable,
            consciousness=enum_or_none(self.consciousness_combo, Consciousness),  # type: ignore[arg-type]
            seizure=enum_or_none(self.seizure_combo, Seizure),  # type: ignore[arg-type]
            motor_weakness=enum_or_none(self.motor_combo, MotorWeakness),  # type: ignore[arg-type]
            icp_findings=frozenset(f for f, c in self.icp_checks.items() if c.isChecked()),
        )
        return snap, [], notes

    def snapshot(self) -> Snapshot | None:
        """The snapshot as entered, or None while any field is invalid."""
        return self._collect()[0]

    # ---- grading ------------------------------------------------------------------------------------

    def regrade(self) -> None:
        if self._loading:
            return
        self._update_proposals()
        snap, errors, notes = self._collect()
        result: GradingResult | None = None
        if snap is not None:
            try:
                result = self._grader(snap)
            except ValueError as exc:  # the core refuses a snapshot it cannot grade (e.g. per-kg, no weight)
                errors = [str(exc)]
        self._result = result
        self._errors = errors
        if result is None:
            lines = [self.tr("Not graded: correct the marked field(s)."), *errors]
            self.crs_card.show_grade(None, "", lines, problem=True)
            self.icans_card.show_grade(None, "", lines, problem=True)
            self.ne_equivalent_label.setText("")
        else:
            self._show_result(result, notes)
        self.graded.emit(result)

    def _update_proposals(self) -> None:
        """Hypotension from SBP and age (clinical-rules §1 rule 8); CAPD for children (§3.3)."""
        sbp, age = self.sbp_field.value(), self.age_field.value()
        text = ""
        if sbp is not None and not self.hypotension_check.isChecked():
            threshold = hypotension_sbp_threshold(self._settings, age)
            if threshold is None:
                text = self.tr("No systolic threshold is set for infants under 1 year: judge clinically.")
            elif sbp < threshold:
                text = self.tr("Systolic %1 mmHg is below %2 mmHg for this age: hypotension? Tick to confirm")
                text = text.replace("%1", f"{sbp:g}").replace("%2", f"{threshold:g}")
        self.hypotension_proposal_label.setText(text)
        self.hypotension_proposal_label.setVisible(bool(text))

        tool = self.neuro_tool_combo.currentData()
        capd_text = ""
        if proposes_capd(age, False) and tool in (NEURO_NONE, NEURO_ICE):
            capd_text = self.tr("Child aged 12 or under: CAPD is proposed instead of ICE (ICE if able).")
        self.capd_proposal_label.setText(capd_text)
        self.capd_proposal_label.setVisible(bool(capd_text))

    def _show_result(self, result: GradingResult, notes: list[str]) -> None:
        lang = current_language()
        crs_lines = driver_lines(result.crs.drivers, lang)
        # Nothing at all entered for CRS: show "not assessed" rather than a calm grey 0 (ux.md,
        # "never falsely calm"); the core's reason (temperature not recorded) is still shown.
        snap = self.snapshot()
        nothing_for_crs = snap is not None and snap.temperature_c is None and not snap.hypotension \
            and not snap.vasopressors and snap.oxygen is None and not self.vasopressor_rows
        crs_grade = core_bridge.crs_display_grade(result.crs)  # None when fever was not assessable
        if nothing_for_crs and result.crs.grade == 0:
            crs_grade = None
        self.crs_card.show_grade(crs_grade, "", crs_lines or [self.tr("no criterion met")])

        icans = result.icans
        detail = ""
        if icans.score is not None and icans.tool is not None:
            maximum = 10 if icans.tool.value == "ICE" else 32
            detail = f"{icans.tool.value} {icans.score}/{maximum}"
        icans_lines = driver_lines(icans.drivers, lang)
        if icans.grade is None and not icans_lines:  # core normally says why itself
            icans_lines = [self.tr("Not assessed: no ICE / CAPD recorded.")]
        self.icans_card.show_grade(icans.grade, detail, [*notes, *icans_lines]
                                   or [self.tr("no criterion met")])

        vaso = result.vasopressors
        if vaso.count == 0:
            self.ne_equivalent_label.setText(self.tr("no vasopressor"))
        elif vaso.ne_equivalent_ug_min is None:
            self.ne_equivalent_label.setText(self.tr("enter the weight to convert per-kg doses"))
        else:
            text = self.tr("%1 µg/min").replace("%1", f"{vaso.ne_equivalent_ug_min:.1f}")
            if vaso.high_dose:
                text += "  " + self.tr("(high-dose vasopressors)")
            self.ne_equivalent_label.setText(text)
