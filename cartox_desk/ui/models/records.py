"""Table models for the patient's records tabs (Vitals, Oxygen / vasopressors, Labs, ICE / CAPD, Neuro,
Medications, Interventions) and for the version history of one record.

Rows are the core record dataclasses, newest first. An amended record (a version that corrects another)
is marked "✎" in the first column with the reason in the tooltip, so a correction never looks like an
original observation. `RecordRole` returns the dataclass, `KindRole` the services' record kind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from cartox_desk.ui import terms

translate = QCoreApplication.translate  # lupdate reads translate("RecordTables", "…") with literals
RecordRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
AMENDED_MARK = "✎"
AnyIndex = QModelIndex | QPersistentModelIndex


def _num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return ""
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def _word(table: dict, value: Enum | None) -> str:  # type: ignore[type-arg]
    if value is None:
        return ""
    return terms.label(table, value) if value in table else str(getattr(value, "value", value))


Column = tuple[str, Callable[[Any], str]]


def _vitals_columns() -> list[Column]:
    return [
        (translate("RecordTables", "Temp °C"), lambda r: _num(r.temperature_c)),
        (translate("RecordTables", "HR /min"), lambda r: _num(r.heart_rate_per_min, 0)),
        (
            translate("RecordTables", "BP mmHg"),
            lambda r: (
                f"{_num(r.systolic_bp_mmhg, 0)}/{_num(r.diastolic_bp_mmhg, 0)}"
                if r.systolic_bp_mmhg is not None
                else ""
            ),
        ),
        (translate("RecordTables", "MAP"), lambda r: _num(r.mean_bp_mmhg, 0)),
        (translate("RecordTables", "RR /min"), lambda r: _num(r.respiratory_rate_per_min, 0)),
        (translate("RecordTables", "SpO2 %"), lambda r: _num(getattr(r, "spo2_pct", None), 0)),
        (
            translate("RecordTables", "Hypotension"),
            lambda r: translate("RecordTables", "yes") if r.hypotension_confirmed else "",
        ),
    ]


def _support_columns() -> list[Column]:
    def what(r: Any) -> str:
        if hasattr(r, "device"):
            return translate("RecordTables", "oxygen")
        if hasattr(r, "drug"):
            return translate("RecordTables", "vasopressor")
        return translate("RecordTables", "fluid bolus")

    def detail(r: Any) -> str:
        if hasattr(r, "device"):
            flow = f" {_num(r.flow_l_min)} L/min" if r.flow_l_min is not None else ""
            comfort = translate("RecordTables", " (for comfort)") if r.for_comfort else ""
            return f"{_word(terms.OXYGEN_DEVICES, r.device)}{flow}{comfort}"
        if hasattr(r, "drug"):
            dose = f" {_num(r.dose, 3)} {_word(terms.DOSE_UNITS, r.unit)}" if r.dose is not None else ""
            return f"{_word(terms.VASOPRESSOR_DRUGS, r.drug)} {r.event.value}{dose}"
        return f"{_num(r.volume_ml, 0)} mL {r.fluid}".strip()

    return [(translate("RecordTables", "Type"), what), (translate("RecordTables", "Detail"), detail)]


def _lab_columns() -> list[Column]:
    return [
        (translate("RecordTables", "Analyte"), lambda r: r.analyte.value),
        (translate("RecordTables", "Value"), lambda r: _num(r.value, 2)),
        (translate("RecordTables", "Unit"), lambda r: r.unit),
        (
            translate("RecordTables", "As entered"),
            lambda r: (
                f"{_num(r.value_as_entered, 2)} {r.unit_as_entered}" if r.unit_as_entered != r.unit else ""
            ),
        ),
    ]


def _encephalopathy_columns() -> list[Column]:
    def score(r: Any) -> str:
        top = 10 if r.tool.value == "ICE" else 32
        if r.score is not None:
            return f"{r.score} / {top}"
        if r.ice_unable is not None:
            return translate("RecordTables", "cannot be done: %1").replace("%1", r.ice_unable.value)
        if r.capd_unable:
            return translate("RecordTables", "cannot be roused")
        return translate("RecordTables", "not assessed")

    return [
        (translate("RecordTables", "Tool"), lambda r: r.tool.value),
        (translate("RecordTables", "Score"), score),
        (
            translate("RecordTables", "Baseline"),
            lambda r: translate("RecordTables", "baseline") if r.is_baseline else "",
        ),
    ]


def _neuro_columns() -> list[Column]:
    return [
        (translate("RecordTables", "Consciousness"), lambda r: _word(terms.CONSCIOUSNESS, r.consciousness)),
        (translate("RecordTables", "Seizure"), lambda r: _word(terms.SEIZURES, r.seizure)),
        (translate("RecordTables", "Motor"), lambda r: _word(terms.MOTOR, r.motor_weakness)),
        (
            translate("RecordTables", "Raised ICP signs"),
            lambda r: ", ".join(_word(terms.ICP_FINDINGS, f) for f in sorted(r.icp_findings)),
        ),
        (translate("RecordTables", "Imaging"), lambda r: r.imaging_result),
    ]


def _medication_columns() -> list[Column]:
    return [
        (translate("RecordTables", "Medication"), lambda r: r.drug_name or r.kind.value),
        (translate("RecordTables", "Dose"), lambda r: f"{_num(r.dose, 2)} {r.unit}"),
        (translate("RecordTables", "Route"), lambda r: r.route),
    ]


def _intervention_columns() -> list[Column]:
    return [
        (translate("RecordTables", "Intervention"), lambda r: r.kind.value),
        (translate("RecordTables", "Note"), lambda r: r.note),
    ]


def _iechs_columns() -> list[Column]:
    from cartox_desk.ui.forms.iechs import grade_description, grade_label

    return [
        (translate("RecordTables", "IEC-HS grade"), lambda r: grade_label(r.grade)),
        (translate("RecordTables", "Description (CSCO-2024 §4.3.2)"), lambda r: grade_description(r.grade)),
        (translate("RecordTables", "Note"), lambda r: r.note),
    ]


COLUMNS: dict[str, Callable[[], list[Column]]] = {
    "vitals": _vitals_columns,
    "support": _support_columns,
    "lab": _lab_columns,
    "encephalopathy": _encephalopathy_columns,
    "neuro_exam": _neuro_columns,
    "medication": _medication_columns,
    "intervention": _intervention_columns,
    "iechs_grade": _iechs_columns,
}


def record_kind(record: Any) -> str:
    """The services' kind of a record dataclass (for `record_history` / `amend`)."""
    name = type(record).__name__
    return {
        "VitalSigns": "vitals",
        "OxygenRecord": "oxygen",
        "VasopressorRecord": "vasopressor",
        "FluidBolus": "fluid_bolus",
        "LabResult": "lab",
        "EncephalopathyAssessment": "encephalopathy",
        "NeuroExam": "neuro_exam",
        "MedicationAdministration": "medication",
        "Intervention": "intervention",
        "IechsGrade": "iechs_grade",
    }.get(name, name)


class RecordTableModel(QAbstractTableModel):
    """One records tab: time, the kind's columns, entered by; newest first. `set_rows(records)`."""

    TIME = 0

    def __init__(self, kind: str, parent: Any = None, *, tz: tzinfo | None = None) -> None:
        super().__init__(parent)
        if kind not in COLUMNS:
            raise ValueError(f"unknown records table {kind!r}")
        self.kind = kind
        self._tz = tz
        self._columns = COLUMNS[kind]()
        self._rows: Sequence[Any] = ()

    def set_rows(self, records: Sequence[Any], *, ordered: bool = False) -> None:
        """Replace the rows, shown newest first. ``ordered``: already oldest first (a timeline's tuples):
        reversed without sorting (43,200 minute-level vitals)."""
        self.beginResetModel()
        if ordered:
            self._rows = records[::-1]
        else:
            self._rows = sorted(records, key=lambda r: (r.meta.at, r.meta.record_id), reverse=True)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return translate("RecordTables", "Time")
        if 1 <= section <= len(self._columns):
            return self._columns[section - 1][0]
        if section == len(self._columns) + 1:
            return translate("RecordTables", "Entered by")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _time(self, at: datetime) -> str:
        local = at.astimezone(self._tz) if self._tz else at.astimezone()
        return local.strftime("%m-%d %H:%M")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        amended = r.meta.amends_id is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{AMENDED_MARK} {self._time(r.meta.at)}" if amended else self._time(r.meta.at)
            if 1 <= col <= len(self._columns):
                return self._columns[col - 1][1](r)
            if col == len(self._columns) + 1:
                return r.meta.entered_by
            return None
        if role == RecordRole:
            return r
        if role == KindRole:
            return record_kind(r)
        if role == Qt.ItemDataRole.ToolTipRole and amended:
            return (
                translate("RecordTables", "Amended (corrects record %1): %2")
                .replace("%1", str(r.meta.amends_id))
                .replace("%2", r.meta.amendment_reason or "")
            )
        if role == Qt.ItemDataRole.BackgroundRole and amended:
            return QBrush(QColor("#fff4d6"))
        return None


class HistoryModel(QAbstractTableModel):
    """The versions of one record (services.record_history): original first, then each amendment."""

    VERSION, TIME, BY, ENTERED, STATE, REASON, VALUES = range(7)

    def __init__(self, parent: Any = None, *, tz: tzinfo | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._versions: list[Any] = []
        self._table: RecordTableModel | None = None

    def set_rows(self, versions: Sequence[Any]) -> None:
        self.beginResetModel()
        self._versions = list(versions)
        self._table = None
        if self._versions:
            kind = record_kind(self._versions[0].record)
            table_kind = "support" if kind in ("oxygen", "vasopressor", "fluid_bolus") else kind
            if table_kind in COLUMNS:
                self._table = RecordTableModel(table_kind, tz=self._tz)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._versions)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = [
            translate("RecordTables", "Version"),
            translate("RecordTables", "Time"),
            translate("RecordTables", "Entered by"),
            translate("RecordTables", "Entered at"),
            translate("RecordTables", "State"),
            translate("RecordTables", "Reason"),
            translate("RecordTables", "Values"),
        ]
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _values(self, record: Any) -> str:
        if self._table is None:
            return ""
        return " · ".join(f"{name}: {text}" for name, get in self._table._columns if (text := get(record)))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._versions):
            return None
        v = self._versions[index.row()]
        r = v.record
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:

            def local(at):
                return (at.astimezone(self._tz) if self._tz else at.astimezone()).strftime("%Y-%m-%d %H:%M")

            if col == self.VERSION:
                return (
                    translate("RecordTables", "original")
                    if index.row() == 0
                    else translate("RecordTables", "amendment %1").replace("%1", str(index.row()))
                )
            if col == self.TIME:
                return local(r.meta.at)
            if col == self.BY:
                return r.meta.entered_by
            if col == self.ENTERED:
                return local(r.meta.entered_at)
            if col == self.STATE:
                if v.voided:
                    return translate("RecordTables", "withdrawn")
                return (
                    translate("RecordTables", "current")
                    if v.current
                    else translate("RecordTables", "superseded")
                )
            if col == self.REASON:
                return r.meta.amendment_reason or ""
            if col == self.VALUES:
                return self._values(r)
        if role == RecordRole:
            return r
        if role == Qt.ItemDataRole.FontRole and v.current:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None
