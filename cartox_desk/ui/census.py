"""The ward census (start screen, ux.md): one row per admitted patient, worst first.

`CensusModel` is a `QAbstractTableModel` over `services.CensusRow` with one `set_rows()` entry point and
custom roles (tested without widgets and with pytest-qt's model tester). `CensusView` shows it through a
filter proxy (Ctrl+F finds by bed, name or MRN), paints the grade columns as badges (number always
printed, "–" outlined for not assessed), loads off the GUI thread and refreshes on
`AppEvents.records_saved`.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cartox_desk.core.management.texts import alert_label
from cartox_desk.services.types import CensusRow
from cartox_desk.ui.i18n import current_language
from cartox_desk.ui.widgets.grade_badge import GRADE_COLOURS, NOT_ASSESSED_TEXT, text_colour_for
from cartox_desk.ui.workers import run_in_pool

GradeRole = Qt.ItemDataRole.UserRole + 1  # int 0-4 or None (not assessed) for the badge columns
SortRole = Qt.ItemDataRole.UserRole + 2
PatientIdRole = Qt.ItemDataRole.UserRole + 3
OverdueRole = Qt.ItemDataRole.UserRole + 4  # bool
RowRole = Qt.ItemDataRole.UserRole + 5  # the CensusRow
SearchRole = Qt.ItemDataRole.UserRole + 6  # bed, name and MRN as one lower-case string
StaleRole = Qt.ItemDataRole.UserRole + 7  # badge columns: "" or the age of a grade older than its window

CRS_WINDOW_H = 4.0  # clinical-rules §0: vital signs window
ICANS_WINDOW_H = 12.0  # clinical-rules §0: ICE / CAPD and neuro window

OVERDUE_BACKGROUND = "#fde2e1"
OVERDUE_TEXT = "#8b0000"

AnyIndex = QModelIndex | QPersistentModelIndex


def worst_grade(row: CensusRow) -> int:
    return max(row.crs_grade or 0, row.icans_grade or 0)


def is_overdue(row: CensusRow) -> bool:
    return row.assessment_overdue or row.vitals_overdue


def _bed_key(bed: str) -> tuple[int, str]:
    digits = "".join(ch for ch in bed if ch.isdigit())
    return (int(digits) if digits else 10**6, bed)


def census_sort_key(row: CensusRow) -> tuple[Any, ...]:
    """Default order (ux.md): worst current grade first, then overdue first, then bed."""
    return (-worst_grade(row), not is_overdue(row), row.ward, _bed_key(row.bed))


class CensusModel(QAbstractTableModel):
    BED, PATIENT, MRN, AGE, PRODUCT, DAY, CRS, ICANS, MAX24, DUE, ALERTS = range(11)
    COLUMN_COUNT = 11

    def __init__(self, parent: Any = None, *, tz: tzinfo | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CensusRow] = []
        self._tz = tz
        self._now: datetime | None = None

    # ---- data in --------------------------------------------------------------------------------------

    def set_rows(self, rows: list[CensusRow], now: datetime | None = None) -> None:
        """Replace every row (sorted worst first)."""
        self.beginResetModel()
        self._rows = sorted(rows, key=census_sort_key)
        self._now = now
        self.endResetModel()

    def rows(self) -> list[CensusRow]:
        return list(self._rows)

    def row_of(self, patient_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.patient_id == patient_id:
                return i
        return None

    def census_row(self, row: int) -> CensusRow:
        return self._rows[row]

    # ---- Qt model -------------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Bed"), self.tr("Patient"), self.tr("MRN"), self.tr("Age"),
                    self.tr("Product / target"), self.tr("Day"), self.tr("CRS now"), self.tr("ICANS now"),
                    self.tr("24-h max"), self.tr("Due"), self.tr("Alerts")][section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {self.MAX24: self.tr("Highest CRS / ICANS grade of the last 24 hours"),
                    self.DAY: self.tr("Days since infusion (negative during lymphodepletion)"),
                    self.ALERTS: self.tr("Active alerts (tocilizumab limits, escalation, IEC-HS screen…)"),
                    }.get(section)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _local(self, at: datetime | None) -> str:
        if at is None:
            return ""
        local = at.astimezone(self._tz) if self._tz else at.astimezone()
        now = (self._now or datetime.now(local.tzinfo)).astimezone(local.tzinfo)
        return local.strftime("%H:%M") if local.date() == now.date() else local.strftime("%m-%d %H:%M")

    def _due_text(self, r: CensusRow) -> str:
        parts = []
        # the tool the schedule names; else CAPD for children <= 12 (clinical-rules §3.3)
        if any(d.startswith("capd") for d in r.due):
            tool = "CAPD"
        elif any(d.startswith("ice") for d in r.due):
            tool = "ICE"
        else:
            tool = "CAPD" if r.age_years is not None and int(r.age_years) <= 12 else "ICE"
        if r.assessment_overdue:
            parts.append(self.tr("%1 OVERDUE since %2").replace("%1", tool).replace(
                "%2", self._local(r.next_assessment_due_at)))
        elif r.next_assessment_due_at is not None:
            parts.append(self.tr("%1 due %2").replace("%1", tool).replace(
                "%2", self._local(r.next_assessment_due_at)))
        if r.vitals_overdue:
            parts.append(self.tr("vitals OVERDUE"))
        return " · ".join(parts)

    def _alert_text(self, r: CensusRow) -> str:
        """Active alerts kept in the record (how many nobody has acknowledged yet), named shortly:
        unacknowledged first, then the most severe."""
        count, new = r.alert_count, r.unacknowledged_alerts
        if not count:
            return ""
        head = f"⚑ {count}" + (self.tr(" (%1 new)").replace("%1", str(new)) if new else "")
        names = _alert_names(r)
        return f"{head}: {', '.join(names)}" if names else head

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == GradeRole:
            if col == self.CRS:
                return r.crs_grade
            if col == self.ICANS:
                return r.icans_grade if r.icans_status == "graded" else None
            return None
        if role == SortRole:
            return self._sort_value(r, col)
        if role == StaleRole:
            return self._stale(r, col)
        if role == PatientIdRole:
            return r.patient_id
        if role == OverdueRole:
            return is_overdue(r)
        if role == RowRole:
            return r
        if role == SearchRole:
            return f"{r.bed} {r.name} {r.mrn}".lower()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col)
        if role == Qt.ItemDataRole.AccessibleTextRole and col in (self.CRS, self.ICANS):
            grade = self.data(index, GradeRole)
            name = "CRS" if col == self.CRS else "ICANS"
            return f"{name} " + (self.tr("not assessed") if grade is None else self.tr("grade %1").replace(
                "%1", str(grade)))
        if role == Qt.ItemDataRole.BackgroundRole and col == self.DUE and is_overdue(r):
            return QBrush(QColor(OVERDUE_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole and col == self.DUE and is_overdue(r):
            return QBrush(QColor(OVERDUE_TEXT))
        if role == Qt.ItemDataRole.FontRole and (col == self.PATIENT or (col == self.DUE and is_overdue(r))):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.AGE, self.DAY, self.CRS, self.ICANS,
                                                                self.MAX24, self.BED):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, r: CensusRow, col: int) -> Any:
        if col == self.BED:
            return r.bed
        if col == self.PATIENT:
            return r.name
        if col == self.MRN:
            return r.mrn
        if col == self.AGE:
            return "" if r.age_years is None else str(int(r.age_years))
        if col == self.PRODUCT:
            short = r.product_name.split("(")[-1].rstrip(")") if "(" in r.product_name else r.product_name
            return f"{short} / {r.target.value}" if short else r.target.value
        if col == self.DAY:
            return f"D{r.day:+d}"
        if col == self.CRS:
            return NOT_ASSESSED_TEXT if r.crs_grade is None else str(r.crs_grade)
        if col == self.ICANS:
            g = r.icans_grade if r.icans_status == "graded" else None
            return NOT_ASSESSED_TEXT if g is None else str(g)
        if col == self.MAX24:
            def g(v: int | None) -> str:
                return NOT_ASSESSED_TEXT if v is None else str(v)
            return f"{g(r.crs_max_24h)} / {g(r.icans_max_24h)}"
        if col == self.DUE:
            return self._due_text(r)
        if col == self.ALERTS:
            return self._alert_text(r)
        return None

    def _stale(self, r: CensusRow, col: int) -> str:
        """The age ("10h") of a grade older than its grading window, else "" (never falsely calm)."""
        if col not in (self.CRS, self.ICANS) or r.graded_at is None or self._now is None:
            return ""
        hours = (self._now - r.graded_at).total_seconds() / 3600
        window = CRS_WINDOW_H if col == self.CRS else ICANS_WINDOW_H
        return f"{hours:.0f}h" if hours > window else ""

    def _sort_value(self, r: CensusRow, col: int) -> Any:
        if col == self.BED:
            return _bed_key(r.bed)[0] * 1000 + (ord(r.bed[-1]) if r.bed else 0)
        if col == self.AGE:
            return r.age_years if r.age_years is not None else -1.0
        if col == self.DAY:
            return r.day
        if col == self.CRS:
            return -1 if r.crs_grade is None else r.crs_grade
        if col == self.ICANS:
            return -1 if r.icans_grade is None or r.icans_status != "graded" else r.icans_grade
        if col == self.MAX24:
            return max(r.crs_max_24h or 0, r.icans_max_24h or 0)
        if col == self.DUE:
            # overdue first when sorted descending; then the soonest due
            due = r.next_assessment_due_at.timestamp() if r.next_assessment_due_at else 9e12
            return (2 if is_overdue(r) else 0) * 1e13 - due
        if col == self.ALERTS:
            return r.unacknowledged_alerts * 1000 + r.alert_count
        return str(self._display(r, col) or "").lower()

    def _tooltip(self, r: CensusRow, col: int) -> str | None:
        if col in (self.CRS, self.ICANS):
            if r.graded_at is None:
                return self.tr("never graded")
            text = self.tr("graded at %1").replace("%1", self._local(r.graded_at))
            stale = self._stale(r, col)
            if stale:
                text += " — " + self.tr("STALE: no new data for %1").replace("%1", stale)
            return text
        if col == self.DUE:
            return self._due_text(r) or self.tr("nothing due within the hour")
        if col == self.ALERTS:
            count = r.alert_count
            if not count:
                return self.tr("no active alerts")
            head = self.tr("%1 active alert(s), %2 not yet acknowledged").replace("%1", str(count)).replace(
                "%2", str(r.unacknowledged_alerts))
            return "\n".join([head, *(f"• {name}" for name in _alert_names(r))])
        return None


def _alert_names(r: CensusRow) -> list[str]:
    """The alerts' short names in the row's order, each once (several codes share a name)."""
    lang = current_language()
    return list(dict.fromkeys(alert_label(code, lang) for code in r.alert_codes))


class CensusFilter(QSortFilterProxyModel):
    """Sorts by `SortRole`; filters by a text matched against bed, name and MRN."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self._needle = text.strip().lower()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = text.strip().lower()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        text = model.data(model.index(source_row, 0, source_parent), SearchRole) or ""
        return all(part in text for part in self._needle.split())

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        a, b = left.data(SortRole), right.data(SortRole)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


def paint_badge(painter: QPainter, rect: QRectF, grade: int | None, font: QFont, stale: str = "") -> None:
    """A grade badge inside `rect`: filled with the grade colour and the number, or outlined "–". A stale
    grade is faded and its age printed beside it (never colour alone)."""
    side = min(rect.height() - 4, 34.0)
    centre = rect.center().x() - (side * 0.45 if stale else 0)
    box = QRectF(centre - side * 0.7, rect.center().y() - side / 2, side * 1.4, side)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if stale:
        small = QFont(font)
        small.setPixelSize(max(9, int(side * 0.36)))
        painter.setFont(small)
        painter.drawText(QRectF(box.right() + 2, rect.top(), rect.right() - box.right() - 2, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, stale)
        painter.setOpacity(0.45)
    f = QFont(font)
    f.setBold(True)
    f.setPixelSize(int(side * 0.62))
    painter.setFont(f)
    if grade is None:
        pen = QPen(painter.pen().color())
        pen.setWidthF(1.6)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), 5, 5)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, NOT_ASSESSED_TEXT)
    else:
        fill = GRADE_COLOURS.get(grade, "#a6a6a6")
        painter.setPen(QPen(QColor("#333333"), 1))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(box, 5, 5)
        painter.setPen(QColor(text_colour_for(fill)))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(grade))
    painter.restore()


class GradeBadgeDelegate(QStyledItemDelegate):
    """Paints `GradeRole` as a badge (never colour alone: the number, or "–" outlined)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.setPen(opt.palette.color(opt.palette.ColorRole.Text))
        paint_badge(painter, QRectF(opt.rect), index.data(GradeRole), opt.font, index.data(StaleRole) or "")
        painter.restore()


class CensusView(QWidget):
    """The start screen. Signals: `patient_activated(int)` (Enter / double click), `loaded()` after each
    refresh, `alerts_loaded()`, `print_requested()`, `entry_requested(str, int)` (form kind, patient)."""

    patient_activated = Signal(int)
    loaded = Signal()
    alerts_loaded = Signal()
    load_failed = Signal(str)
    print_requested = Signal()
    entry_requested = Signal(str, int)

    def __init__(self, services: Any, events: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.events = events
        self._serial = 0
        self.model = CensusModel(self, tz=getattr(services, "tz", None))
        self.proxy = CensusFilter(self)
        self.proxy.setSourceModel(self.model)

        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find bed, name or MRN (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(300)
        self.search.setMaximumWidth(380)
        self.search.textChanged.connect(self.proxy.set_needle)
        self.search.returnPressed.connect(self._open_first_match)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.progress)
        top.addWidget(self.search)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.proxy.sort(-1)  # keep the model's worst-first order until a header is clicked
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.badges = GradeBadgeDelegate(self.table)
        self.table.setItemDelegateForColumn(CensusModel.CRS, self.badges)
        self.table.setItemDelegateForColumn(CensusModel.ICANS, self.badges)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        widths = {CensusModel.BED: 48, CensusModel.PATIENT: 170, CensusModel.MRN: 90, CensusModel.AGE: 48,
                  CensusModel.PRODUCT: 150, CensusModel.DAY: 60, CensusModel.CRS: 84, CensusModel.ICANS: 92,
                  CensusModel.MAX24: 84, CensusModel.DUE: 190}
        for col, w in widths.items():
            self.table.setColumnWidth(col, w)
        # the alerts are named (a count alone makes the nurse open every patient): they take the room left
        header.setSectionResizeMode(CensusModel.ALERTS, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_activated)
        self.table.setTabKeyNavigation(False)

        self.open_button = QPushButton(self.tr("Open patient (Enter)"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.vitals_button = QPushButton(self.tr("Record vitals (V)"), self)
        self.vitals_button.setToolTip(self.tr("Vital signs for the selected patient (V)"))
        self.vitals_button.clicked.connect(lambda: self._entry("vitals"))
        self.assess_button = QPushButton(self.tr("ICE / CAPD (I)"), self)
        self.assess_button.setToolTip(self.tr("ICE (adults) or CAPD (children) for the selected patient (I)"))
        self.assess_button.clicked.connect(lambda: self._entry("assessment"))
        self.print_button = QPushButton(self.tr("Print ward (P)"), self)
        self.print_button.setToolTip(self.tr("Daily summaries of every admitted patient (P)"))
        self.print_button.clicked.connect(self.print_requested)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.vitals_button, self.assess_button, self.print_button,
                  self.refresh_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addWidget(self.status, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        def shortcut(keys: str, slot: Any) -> None:
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

        shortcut("Ctrl+F", self.focus_search)
        for key in ("Return", "Enter"):
            sc = QShortcut(QKeySequence(key), self.table)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(self.open_selected)
        shortcut("V", lambda: self._entry("vitals"))
        shortcut("I", lambda: self._entry("assessment"))
        shortcut("P", self.print_requested.emit)
        shortcut("F5", self.refresh)
        if events is not None:
            events.records_saved.connect(self._on_records_saved)
        self._ticks = 0
        self._started = False
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._update_title()

    # ---- loading --------------------------------------------------------------------------------------

    def refresh(self, *, alerts: bool = False) -> None:
        """Reload the census off the GUI thread. ``alerts``: first bring every patient's alerts kept in the
        record up to the management plan now (time-driven alerts appear without a save; a few seconds of
        work for a full ward), then reload; `alerts_loaded` follows. A save refreshes its own patient's
        alerts in the store, so after a save only the rows are read again."""
        if self.services is None:
            return
        self._serial += 1
        serial = self._serial
        services = self.services
        self.progress.show()
        if not self._started:
            self.status.setText(self.tr("Loading the ward…"))

        def job() -> tuple[list[CensusRow], datetime]:
            now = services.now()
            if alerts and hasattr(services, "refresh_ward_alerts"):
                services.refresh_ward_alerts(now)
            return services.ward_census(at=now), now

        run_in_pool(job, lambda result: self._on_loaded(serial, result, alerts),
                    lambda exc: self._on_failed(serial, exc), context=self)

    def _tick(self) -> None:
        """Every minute: due / overdue move with the clock; alerts (time-based too) every ten minutes."""
        if not self.isVisible():
            return
        self._ticks += 1
        self.refresh(alerts=self._ticks % 10 == 0)

    def _on_loaded(self, serial: int, result: tuple[list[CensusRow], datetime], alerts: bool = False) -> None:
        if serial != self._serial:
            return
        rows, now = result
        selected = self.selected_patient_id()
        self.model.set_rows(rows, now)
        self.progress.hide()
        if not rows:
            self.status.setText(self.tr("No admitted patients. (Start with --demo for a demo ward.)"))
        else:
            self.status.setText("")
        first = self.model.census_row(0).patient_id if rows else None
        self.select_patient(selected if selected is not None else first)
        self._update_title(now)
        self.loaded.emit()
        if alerts:
            self.alerts_loaded.emit()
        elif not self._started:  # after the first rows: alerts up to date, records read ahead
            self._started = True
            services = self.services
            if hasattr(services, "warm_cache"):
                run_in_pool(lambda: services.warm_cache([r.patient_id for r in rows]))
            self.refresh(alerts=True)

    def _on_failed(self, serial: int, exc: BaseException) -> None:
        if serial != self._serial:
            return
        self.progress.hide()
        message = self.tr("Could not load the ward: %1").replace("%1", str(exc))
        self.status.setText(message)
        self.load_failed.emit(message)

    def _on_records_saved(self, _patient_id: Any) -> None:
        self.refresh()

    def _update_title(self, now: datetime | None = None) -> None:
        wards = sorted({r.ward for r in self.model.rows() if r.ward})
        when = ""
        if now is not None:
            tz = getattr(self.services, "tz", None)
            when = (now.astimezone(tz) if tz else now.astimezone()).strftime("%Y-%m-%d %H:%M")
        parts = [self.tr("Ward census")]
        if wards:
            parts.append(", ".join(wards))
        if when:
            parts.append(when)
        parts.append(self.tr("patients: %1").replace("%1", str(len(self.model.rows()))))
        self.title.setText(" · ".join(parts))

    # ---- selection and navigation ---------------------------------------------------------------------

    def selected_patient_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        pid = index.data(PatientIdRole)
        return int(pid) if pid is not None else None

    def patient_ids_in_view(self) -> list[int]:
        """The patients in the order the census shows them (sorted and filtered)."""
        out: list[int] = []
        for row in range(self.proxy.rowCount()):
            pid = self.proxy.index(row, 0).data(PatientIdRole)
            if pid is not None:
                out.append(int(pid))
        return out

    def likely_next(self) -> list[int]:
        """Who will probably be opened next: the selected row, then its neighbours outwards (rounds walk
        the census), for the patient view's read-ahead."""
        ids = self.patient_ids_in_view()
        current = self.table.currentIndex().row()
        if not ids or current < 0 or current >= len(ids):
            return ids
        order = [ids[current]]
        for step in range(1, len(ids)):
            for i in (current + step, current - step):
                if 0 <= i < len(ids):
                    order.append(ids[i])
        return order

    def select_patient(self, patient_id: int | None) -> None:
        if patient_id is None:
            return
        row = self.model.row_of(int(patient_id))
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.selectRow(index.row())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open_first_match(self) -> None:
        if self.proxy.rowCount() == 0:
            return
        index = self.proxy.index(0, 0)
        self.table.setCurrentIndex(index)
        self.table.setFocus()
        self._on_activated(index)

    def open_selected(self) -> None:
        pid = self.selected_patient_id()
        if pid is not None:
            self.patient_activated.emit(pid)

    def _on_activated(self, index: QModelIndex) -> None:
        pid = index.data(PatientIdRole)
        if pid is not None:
            self.patient_activated.emit(int(pid))

    def _entry(self, kind: str) -> None:
        pid = self.selected_patient_id()
        if pid is not None:
            self.entry_requested.emit(kind, pid)
