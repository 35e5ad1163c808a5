"""The patient view (ux.md): header, grade banner (the largest element), management & alerts, trend charts
and the records tabs with amendments and history.

Everything is loaded off the GUI thread (`workers.run_in_pool`): the timeline (`Services.
get_patient_timeline`) and the management plan (`services.management.management_plan`) in one job,
then the widgets are filled on the GUI thread. After any save (`AppEvents.records_saved` for this
patient) it reloads and calls `charts.set_timeline` again. Esc / Alt+Left go back to the census.

Checklist ticks ("done", "not indicated") and alert acknowledgements are kept in memory for this
session only (`SessionChecklist`): the store has no table for them yet, and the panel says so.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cartox_desk.core.records import PatientTimeline
from cartox_desk.core.results import IcansStatus
from cartox_desk.ui.core_bridge import crs_display_grade
from cartox_desk.ui.core_bridge import describe as describe_driver
from cartox_desk.ui.i18n import current_language
from cartox_desk.ui.models.records import HistoryModel, KindRole, RecordRole, RecordTableModel
from cartox_desk.ui.settings import settings_store
from cartox_desk.ui.widgets.flow_layout import FlowLayout
from cartox_desk.ui.widgets.grade_badge import GradeBadge
from cartox_desk.ui.workers import run_in_pool

VITALS_WINDOW = timedelta(hours=4)  # clinical-rules §0 (TimelineSettings.vitals_window)
NEURO_WINDOW = timedelta(hours=12)  # clinical-rules §0 (TimelineSettings.neuro_window)
STALE_STYLE = "color: #777777;"
SEVERITY_COLOURS = {"urgent": "#8b0000", "warning": "#8a4b00", "info": "#1f3f6f"}
SEVERITY_MARKS = {"urgent": "‼", "warning": "⚠", "info": "ℹ"}


@dataclass(frozen=True, slots=True)
class PatientData:
    """What one load brings to the GUI thread: plain data only."""

    timeline: PatientTimeline
    plan: Any  # core.management.ManagementPlan, or None when the engine failed (the reason in plan_error)
    now: datetime
    plan_error: str | None = None
    series: Any = None  # core.series.ChartSeries built off the GUI thread (None: charts off)
    signature: tuple[Any, ...] = ()
    alerts: dict[str, Any] | None = None  # code -> services ActiveAlert (kept in the record, acknowledged)
    marks: dict[str, Any] | None = None  # checklist code -> services RecommendationMark


def timeline_signature(timeline: PatientTimeline) -> tuple[Any, ...]:
    """Changes whenever a record is added, amended or withdrawn (append-only store: new rows, new ids)."""
    out: list[Any] = []
    for records in (timeline.vitals, timeline.oxygen, timeline.vasopressors, timeline.fluid_boluses,
                    timeline.labs, timeline.encephalopathy, timeline.neuro_exams, timeline.medications,
                    timeline.interventions, timeline.iechs_grades):
        out.append((len(records), max((r.meta.record_id for r in records), default=0)))
    out.append(len(timeline.grades))
    return tuple(out)


REFRESH_AFTER = timedelta(minutes=5)  # an unchanged patient is re-planned (time-based alerts) after this
CHECK_DELAY_MS = 300  # a remembered patient is shown at once and checked for new records after this


def load_patient(services: Any, patient_id: int, chart_options: dict[str, Any] | None = None,
                 known: PatientData | None = None) -> PatientData | None:
    """Timeline + management plan (+ chart series) at the services' now; runs on a worker thread.
    Returns None when ``known`` is still current (same records, recent enough): nothing to redraw."""
    from cartox_desk.services.management import management_plan

    now = services.now()
    timeline = services.get_patient_timeline(patient_id, at=now)
    signature = timeline_signature(timeline)
    if known is not None and known.signature == signature and now - known.now < REFRESH_AFTER:
        return None
    try:  # the services' protocol in force when they have one (Services.use_protocol)
        plan_of = getattr(services, "management_plan", None) or management_plan
        plan, error = plan_of(timeline, now), None
    except Exception as exc:  # the grades must still show when the engine stumbles
        plan, error = None, str(exc)
    series = None
    if chart_options is not None:
        from cartox_desk.core.series import build_chart_series

        series = build_chart_series(timeline, **chart_options)
    alerts = marks = None
    if hasattr(services, "active_alerts"):  # the store keeps alerts and checklist marks
        alerts = {a.code: a for a in services.active_alerts(patient_id)}
        marks = dict(services.recommendation_marks(patient_id))
    return PatientData(timeline, plan, now, error, series, signature, alerts, marks)


def checklist_code(recommendation: Any) -> str:
    """The code a checklist mark is stored under: the recommendation code, with the grade when the row
    is grade-specific (a tick at grade 2 is not a tick at grade 3)."""
    code: str = recommendation.code
    return code if recommendation.grade is None else f"{code}@{recommendation.grade}"


def _age_text(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return QCoreApplication.translate("PatientView", "%1 min ago").replace("%1", str(max(0, minutes)))
    hours = minutes / 60
    if hours < 48:
        return QCoreApplication.translate("PatientView", "%1 h ago").replace("%1", f"{hours:.0f}")
    return QCoreApplication.translate("PatientView", "%1 days ago").replace("%1", f"{hours / 24:.0f}")


class SessionChecklist:
    """Ticks and acknowledgements for this session (not stored: the store has no table for them yet)."""

    def __init__(self) -> None:
        self.state: dict[tuple[int, str], str] = {}  # (patient, code) -> "done" | "not_indicated" | "ack"
        self.by: dict[tuple[int, str], str] = {}

    def get(self, patient_id: int, code: str) -> str | None:
        return self.state.get((patient_id, code))

    def set(self, patient_id: int, code: str, value: str | None, who: str = "") -> None:
        key = (patient_id, code)
        if value is None:
            self.state.pop(key, None)
            self.by.pop(key, None)
        else:
            self.state[key] = value
            self.by[key] = f"{who} {datetime.now().strftime('%H:%M')}".strip()


class GradeBanner(QFrame):
    """Current CRS and ICANS grades with their drivers; stale inputs greyed with their age."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.crs_badge = GradeBadge("CRS", self, size=64)
        self.icans_badge = GradeBadge("ICANS", self, size=64)
        self.crs_title = QLabel("CRS", self)
        self.icans_title = QLabel("ICANS", self)
        for t in (self.crs_title, self.icans_title):
            f = t.font()
            f.setBold(True)
            f.setPointSizeF(f.pointSizeF() * 1.5)
            t.setFont(f)
        self.crs_text = QLabel(self)
        self.icans_text = QLabel(self)
        self.crs_age = QLabel(self)
        self.icans_age = QLabel(self)
        for label in (self.crs_text, self.icans_text):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            f = label.font()
            f.setPointSizeF(f.pointSizeF() * 1.1)
            label.setFont(f)
        self.now_label = QLabel(self)  # tocilizumab "now" line
        self.now_label.setWordWrap(True)
        f = self.now_label.font()
        f.setBold(True)
        self.now_label.setFont(f)

        def column(title: QLabel, badge: GradeBadge, text: QLabel, age: QLabel) -> QHBoxLayout:
            side = QVBoxLayout()
            side.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
            side.addWidget(badge, 0, Qt.AlignmentFlag.AlignHCenter)
            words = QVBoxLayout()
            words.addWidget(text, 1)
            words.addWidget(age)
            row = QHBoxLayout()
            row.addLayout(side)
            row.addLayout(words, 1)
            return row

        grades = QHBoxLayout()
        grades.addLayout(column(self.crs_title, self.crs_badge, self.crs_text, self.crs_age), 1)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.VLine)
        grades.addWidget(line)
        grades.addLayout(column(self.icans_title, self.icans_badge, self.icans_text, self.icans_age), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)
        layout.addLayout(grades)
        layout.addWidget(self.now_label)
        self._crs_effect = QGraphicsOpacityEffect(self.crs_badge)
        self._icans_effect = QGraphicsOpacityEffect(self.icans_badge)
        self.crs_badge.setGraphicsEffect(self._crs_effect)
        self.icans_badge.setGraphicsEffect(self._icans_effect)
        self.crs_stale = False
        self.icans_stale = False

    def _stale(self, effect: QGraphicsOpacityEffect, label: QLabel, age: QLabel, stale: bool,
               text: str) -> None:
        effect.setOpacity(0.45 if stale else 1.0)
        label.setStyleSheet(STALE_STYLE if stale else "")
        age.setStyleSheet(STALE_STYLE + ("font-weight: bold;" if stale else ""))
        age.setText(text)

    def set_data(self, data: PatientData) -> None:
        lang = current_language()
        tl, now = data.timeline, data.now
        point = tl.grades[-1] if tl.grades else None
        if point is None:
            self.crs_badge.set_grade(None)
            self.icans_badge.set_grade(None)
            self.crs_text.setText(self.tr("not graded yet: no vital signs recorded"))
            self.icans_text.setText(self.tr("not assessed: no ICE / CAPD recorded"))
            self.crs_stale = self.icans_stale = True
            self._stale(self._crs_effect, self.crs_text, self.crs_age, True, "")
            self._stale(self._icans_effect, self.icans_text, self.icans_age, True, "")
        else:
            self.crs_badge.set_grade(crs_display_grade(point.crs))  # "–" when fever was not assessable
            crs_lines = [describe_driver(d, lang) for d in point.crs.drivers]
            self.crs_text.setText("\n".join(crs_lines) or self.tr("no CRS criteria met"))
            last_vitals = tl.vitals[-1].meta.at if tl.vitals else None
            self.crs_stale = last_vitals is None or now - last_vitals > VITALS_WINDOW
            crs_age = (self.tr("vital signs %1").replace("%1", _age_text(now - last_vitals))
                       if last_vitals else self.tr("no vital signs"))
            if self.crs_stale:
                crs_age = self.tr("STALE: %1 (older than the 4-h window)").replace("%1", crs_age)
            self._stale(self._crs_effect, self.crs_text, self.crs_age, self.crs_stale, crs_age)

            icans = point.icans
            graded = icans.status is IcansStatus.GRADED
            self.icans_badge.set_grade(icans.grade if graded else None)
            lines = [describe_driver(d, lang) for d in icans.drivers]
            enc = [e for e in tl.encephalopathy if not e.is_baseline]
            last_enc = enc[-1] if enc else None
            if last_enc is not None and last_enc.score is not None:
                p = tl.patient
                baseline = p.baseline_capd if last_enc.tool.value == "CAPD" else p.baseline_ice
                top = 32 if last_enc.tool.value == "CAPD" else 10
                local = last_enc.meta.at.astimezone(tl.tz).strftime("%H:%M")
                score_line = self.tr("%1 %2/%3 at %4").replace("%1", last_enc.tool.value).replace(
                    "%2", str(last_enc.score)).replace("%3", str(top)).replace("%4", local)
                if baseline is not None:
                    if last_enc.score == baseline:
                        score_line += " " + self.tr("(at baseline)")
                    else:
                        delta = last_enc.score - baseline
                        score_line += " " + self.tr("(baseline %1, %2)").replace("%1", str(baseline)).replace(
                            "%2", f"{delta:+d}")
                lines.insert(0, score_line)
            if not graded:
                lines.insert(0, self.tr("ICANS not assessed"))
            self.icans_text.setText("\n".join(lines))
            last_neuro_at = max([e.meta.at for e in enc] + [n.meta.at for n in tl.neuro_exams], default=None)
            self.icans_stale = last_neuro_at is None or now - last_neuro_at > NEURO_WINDOW
            icans_age = (self.tr("ICE / CAPD %1").replace("%1", _age_text(now - last_neuro_at))
                         if last_neuro_at else self.tr("no ICE / CAPD recorded"))
            if self.icans_stale:
                icans_age = self.tr("STALE: %1 (older than the 12-h window)").replace("%1", icans_age)
            self._stale(self._icans_effect, self.icans_text, self.icans_age, self.icans_stale, icans_age)
        plan = data.plan
        if plan is not None and plan.tocilizumab is not None and (plan.crs_grade or 0) >= 2:
            from cartox_desk.core.management import describe

            self.now_label.setText(self.tr("Now: %1 — %2").replace(
                "%1", describe(plan.tocilizumab, lang)).replace("%2", plan.tocilizumab.source))
            self.now_label.show()
        else:
            self.now_label.setText("")
            self.now_label.hide()


class WrappingTextDelegate(QStyledItemDelegate):
    """Row heights from the text wrapped at the column's width: QTreeView asks its delegate for a size
    without telling it the width, so a long recommendation would otherwise be cut."""

    MARGIN_PX = 10  # the style's text margins
    CHECK_PX = 22  # a checklist item's box

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree
        self._heights: dict[tuple[str, int, str], int] = {}  # (text, width, font) -> wrapped height

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return base
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self._tree.columnWidth(index.column()) - self.MARGIN_PX
        if index.column() == 0:  # the branch column: one indentation per level (+1 for the root's arrows)
            width -= self._tree.indentation() * (depth + (1 if self._tree.rootIsDecorated() else 0))
        if index.data(Qt.ItemDataRole.CheckStateRole) is not None:
            width -= self.CHECK_PX
        if width <= 40:
            return base
        font = index.data(Qt.ItemDataRole.FontRole)
        font = font if isinstance(font, QFont) else option.font
        key = (str(text), width, font.key())
        height = self._heights.get(key)
        if height is None:
            doc = QTextDocument()
            doc.setDefaultFont(font)
            doc.setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignLeft))
            doc.setDocumentMargin(0)
            doc.setPlainText(key[0])
            doc.setTextWidth(width)
            height = int(doc.size().height()) + 4
            if len(self._heights) > 2000:
                self._heights.clear()
            self._heights[key] = height
        return QSize(base.width(), max(base.height(), height))


class ManagementPanel(QWidget):
    """Recommendations as a checklist with their source, the dose arithmetic, alerts by severity and
    risk flags, from `services.management`. Ticks and acknowledgements: this session only."""

    CODE_ROLE = Qt.ItemDataRole.UserRole + 1
    TYPE_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, checklist: SessionChecklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = checklist
        # persist(kind, code, value, note): write a mark ("done" / "not_indicated" / "withdrawn") or an
        # acknowledgement ("ack") to the record; None keeps them in memory for this session only
        self.persist: Any = None
        # ask_reason(title, prompt) -> str | None: why a stored mark is withdrawn (replaced in tests)
        self.ask_reason: Callable[[str, str], str | None] = self._ask_reason
        self.patient_id: int | None = None
        self.user_name = ""
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Management & alerts"), self.tr("Source")])
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(1, 110)
        # Recommendations are read whole (a dose cut at "…" is no advice): wrap, never elide, and lay the
        # rows out again when the panel or a column is resized.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(WrappingTextDelegate(self.tree))
        self.tree.header().sectionResized.connect(lambda *_: self.tree.scheduleDelayedItemsLayout())
        self.tree.itemChanged.connect(self._on_item_changed)
        self.done_button = QPushButton(self.tr("Done (D)"), self)
        self.done_button.setToolTip(self.tr("Mark the selected recommendation done (D)"))
        self.not_indicated_button = QPushButton(self.tr("Not indicated (X)"), self)
        self.not_indicated_button.setToolTip(self.tr("Mark the selected recommendation not indicated (X)"))
        self.ack_button = QPushButton(self.tr("Acknowledge (K)"), self)
        self.ack_button.setToolTip(self.tr("Acknowledge the selected alert (K)"))
        self.done_button.clicked.connect(lambda: self.mark_selected("done"))
        self.not_indicated_button.clicked.connect(lambda: self.mark_selected("not_indicated"))
        self.ack_button.clicked.connect(lambda: self.mark_selected("ack"))
        self.session_note = QLabel(self.tr("Ticks and acknowledgements are kept for this session only"
                                           " (not saved yet)."), self)
        self.session_note.setWordWrap(True)
        self.session_note.setStyleSheet("color: #8a4b00;")
        buttons = FlowLayout()
        for b in (self.done_button, self.not_indicated_button, self.ack_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.session_note)
        for key, value in (("D", "done"), ("X", "not_indicated"), ("K", "ack")):
            sc = QShortcut(QKeySequence(key), self.tree)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(lambda v=value: self.mark_selected(v))
        self._filling = False

    def _section(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [title, ""])
        f = QFont(self.tree.font())
        f.setBold(True)
        item.setFont(0, f)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setExpanded(True)
        return item

    def _decorate(self, item: QTreeWidgetItem, text: str, state: str | None, kind: str) -> None:
        key = (self.patient_id or 0, item.data(0, self.CODE_ROLE))
        who = self.checklist.by.get(key, "")
        suffix = {"done": self.tr(" — done (%1)"), "not_indicated": self.tr(" — not indicated (%1)"),
                  "ack": self.tr(" — acknowledged (%1)")}.get(state or "", "")
        item.setText(0, text + suffix.replace("%1", who))
        font = QFont(self.tree.font())
        font.setStrikeOut(state == "not_indicated")
        item.setFont(0, font)
        if kind == "recommendation":
            item.setCheckState(0, Qt.CheckState.Checked if state == "done" else Qt.CheckState.Unchecked)

    def _seed(self, patient_id: int, alerts: dict[str, Any] | None, marks: dict[str, Any] | None) -> None:
        """What the record says: marks and acknowledgements with who and when."""
        def when(at: datetime) -> str:
            return at.astimezone().strftime("%H:%M")

        for code, mark in (marks or {}).items():
            self.checklist.state[(patient_id, code)] = mark.status
            self.checklist.by[(patient_id, code)] = f"{mark.by} {when(mark.at)}"
        for code, alert in (alerts or {}).items():
            if alert.acknowledged_at is not None:
                self.checklist.state[(patient_id, code)] = "ack"
                who = alert.acknowledged_by or ""
                self.checklist.by[(patient_id, code)] = f"{who} {when(alert.acknowledged_at)}"
        self.session_note.setText(
            self.tr("Ticks and acknowledgements are saved in the record with your name.") if self.persist
            else self.tr("Ticks and acknowledgements are kept for this session only (not saved yet)."))

    def set_plan(self, patient_id: int, plan: Any, error: str | None = None, *,
                 alerts: dict[str, Any] | None = None, marks: dict[str, Any] | None = None) -> None:
        from cartox_desk.core.management import Kind, Status, describe
        from cartox_desk.services.management import sorted_alerts

        lang = current_language()
        self._seed(patient_id, alerts, marks)
        self.patient_id = patient_id
        self._filling = True
        self.tree.clear()
        if plan is None:
            section = self._section(self.tr("Recommended management"))
            QTreeWidgetItem(section, [self.tr("Not available: %1").replace("%1", error or ""), ""])
            self._filling = False
            return
        alerts = sorted_alerts(plan)
        if alerts:
            section = self._section(self.tr("Alerts (%1)").replace("%1", str(len(alerts))))
            for a in alerts:
                text = f"{SEVERITY_MARKS.get(a.severity.value, '')} {describe(a, lang)}"
                item = QTreeWidgetItem(section, [text, a.source])
                item.setData(0, self.CODE_ROLE, a.code)
                item.setData(0, self.TYPE_ROLE, "alert")
                item.setForeground(0, QBrush(QColor(SEVERITY_COLOURS.get(a.severity.value, "#000000"))))
                item.setToolTip(0, f"{a.severity.value}: {describe(a, lang)}")
                self._decorate(item, text, self.checklist.get(patient_id, a.code), "alert")
        doses = []
        if plan.tocilizumab is not None and (plan.crs_grade or 0) >= 2:
            doses.append((describe(plan.tocilizumab, lang), plan.tocilizumab.source))
        doses += [(describe(w, lang), w.source) for w in plan.weight_based_doses]
        doses += [(describe(d, lang), d.source) for d in plan.daily_totals]
        if doses:
            section = self._section(self.tr("Doses (arithmetic shown)"))
            seen = set()
            for text, source in doses:
                if text in seen:
                    continue
                seen.add(text)
                QTreeWidgetItem(section, [text, source]).setToolTip(0, text)
        grades = self.tr("CRS %1 · ICANS %2").replace("%1", "–" if plan.crs_grade is None else str(
            plan.crs_grade)).replace("%2", "–" if plan.icans_grade is None else str(plan.icans_grade))
        section = self._section(self.tr("Recommended for the current grades (%1)").replace("%1", grades))
        others = self._section(self.tr("Prophylaxis and monitoring"))
        for r in plan.recommendations:
            parent = section if r.applies_to in ("crs", "icans", "iechs") else others
            text = describe(r, lang)
            if r.status is Status.CONDITIONAL:
                text = self.tr("if applicable: %1").replace("%1", text)
            elif r.status is Status.NOT_ASSESSABLE:
                text = self.tr("cannot be decided (data missing): %1").replace("%1", text)
            if r.escalation:
                text = self.tr("escalation: %1").replace("%1", text)
            item = QTreeWidgetItem(parent, [text, r.source])
            item.setToolTip(0, text)
            item.setToolTip(1, r.source)
            code = checklist_code(r)
            item.setData(0, self.CODE_ROLE, code)
            if r.kind is Kind.CHECKLIST:
                item.setData(0, self.TYPE_ROLE, "recommendation")
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                self._decorate(item, text, self.checklist.get(patient_id, code), "recommendation")
            else:
                item.setForeground(0, QBrush(QColor("#555555")))
        if section.childCount() == 0:
            QTreeWidgetItem(section, [self.tr("no grade-specific management (grade 0)"), ""])
        others.setExpanded(False)
        flags = [f for f in plan.flags if f.status.value == "present"]
        if flags:
            fsec = self._section(self.tr("Risk flags (%1)").replace("%1", str(len(flags))))
            for f in flags:
                QTreeWidgetItem(fsec, [describe(f, lang), f.source])
        # the source column as wide as its longest text (at most 150 px), measured directly: Qt's
        # resizeColumnToContents lays out every wrapped row of both columns first (~1 s on a long plan)
        metrics = self.tree.fontMetrics()
        sources = [self.tree.topLevelItem(i).child(j).text(1) for i in range(self.tree.topLevelItemCount())
                   for j in range(self.tree.topLevelItem(i).childCount())]
        widest = max((metrics.horizontalAdvance(t) for t in sources), default=0) + 16
        self.tree.setColumnWidth(1, max(60, min(widest, 150)))
        self._filling = False

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0 or item.data(0, self.TYPE_ROLE) != "recommendation":
            return
        checked = item.checkState(0) == Qt.CheckState.Checked
        code = item.data(0, self.CODE_ROLE)
        current = self.checklist.get(self.patient_id or 0, code)
        if checked and current != "done":
            self._mark(item, "done")
        elif not checked and current == "done":
            if self.persist is not None:  # a stored mark is withdrawn only by a new record with a reason
                self._filling = True
                item.setCheckState(0, Qt.CheckState.Checked)
                self._filling = False
                self.tree.setCurrentItem(item)
                self.mark_selected("done")
            else:
                self._mark(item, None)

    def _mark(self, item: QTreeWidgetItem, value: str | None, withdraw_reason: str = "") -> None:
        code = item.data(0, self.CODE_ROLE)
        kind = item.data(0, self.TYPE_ROLE)
        self.checklist.set(self.patient_id or 0, code, value, self.user_name)
        base = item.text(0).split(" — ")[0]
        self._filling = True
        self._decorate(item, base, value, kind)
        self._filling = False
        if self.persist is not None and value is not None:
            self.persist(kind, code, value, "")
        elif self.persist is not None and withdraw_reason:
            self.persist(kind, code, "withdrawn", withdraw_reason)

    def mark_selected(self, value: str) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        kind = item.data(0, self.TYPE_ROLE)
        if (kind == "alert") != (value == "ack") or kind is None:
            return
        current = self.checklist.get(self.patient_id or 0, item.data(0, self.CODE_ROLE))
        if current == value:
            if self.persist is None:
                self._mark(item, None)  # session memory: a second press withdraws
            elif kind != "alert":  # a stored mark is taken back by a new record with a reason
                reason = self.ask_reason(self.tr("Withdraw the mark"), self.tr(
                    "Why is this mark withdrawn? (It stays in the record with your name.)"))
                if reason and reason.strip():
                    self._mark(item, None, withdraw_reason=reason.strip())
            return
        self._mark(item, value)

    def _ask_reason(self, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, prompt)
        return text if ok else None


def default_preset(now_x: float) -> str:
    """The chart range a patient opens at (as the charts widget chooses for a first timeline)."""
    from cartox_desk.core.series import RangePreset

    if now_x <= 14:
        return RangePreset.LYMPHODEPLETION_TO_D14
    if now_x <= 30:
        return RangePreset.D0_TO_D30
    return RangePreset.ALL


CHART_LAYOUT_KEY = "charts/layout/{user}"
# (parent, caption, suggested path, filters) -> (path, chosen filter): QFileDialog.getSaveFileName
SaveFileChooser = Callable[[QWidget | None, str, str, str], tuple[str, str]]


def _chart_layout_key(user: Any) -> str | None:
    name = str(getattr(user, "name", "") or "").strip()
    return CHART_LAYOUT_KEY.format(user=name.replace("/", "_").replace("\\", "_")) if name else None


def saved_chart_layout(user: Any, store: QSettings | None = None) -> Any:
    """The chart layout this user last chose (issue 5 item 2); None when none was saved or unreadable."""
    from cartox_desk.ui.charts.trend_charts import ChartLayout

    key = _chart_layout_key(user)
    if key is None:
        return None
    store = store or settings_store()
    raw = store.value(key)
    if not raw:
        return None
    try:
        data = json.loads(str(raw))
        return ChartLayout.from_dict(data if isinstance(data, dict) else None)
    except (ValueError, TypeError):
        return None


def save_chart_layout(user: Any, layout: Any, store: QSettings | None = None) -> None:
    key = _chart_layout_key(user)
    if key is None:
        return
    store = store or settings_store()
    store.setValue(key, json.dumps(layout.to_dict()))
    store.sync()


class PatientView(QWidget):
    """Signals: `loaded(int)` after each (re)load is shown; `load_failed(str)`; `back_requested()`;
    `entry_requested(str, int)` (form kind or "assessment", patient); `print_requested(int)`;
    `amend_requested(str, object)` (record kind, record)."""

    loaded = Signal(int)
    load_failed = Signal(str)
    back_requested = Signal()
    entry_requested = Signal(str, int)
    print_requested = Signal(int)
    amend_requested = Signal(str, object)
    history_loaded = Signal()
    grade_rose = Signal(int, str)  # patient, e.g. "Zhang Wei: ICANS 0 → 2"
    marked = Signal(str)  # a checklist mark or acknowledgement was saved (its code)
    CACHE_SIZE = 6  # patients remembered for instant switching (rounds go back and forth)
    CHARTS_KEPT = 3  # drawn charts kept (each holds its plot items)
    SPARE_CHARTS_DELAY_MS = 700  # after a view painted, empty charts are made for the next patient
    PREDRAW_DELAY_MS = 400  # the likely next patient's charts are drawn once the selection rests this long
    READ_AHEAD = 3  # patients read ahead: the census row the user rests on and its two neighbours

    TABS = (("vitals", QT_TRANSLATE_NOOP("PatientView", "Vitals")),
            ("support", QT_TRANSLATE_NOOP("PatientView", "Oxygen / vasopressors")),
            ("lab", QT_TRANSLATE_NOOP("PatientView", "Labs")),
            ("encephalopathy", QT_TRANSLATE_NOOP("PatientView", "ICE / CAPD")),
            ("neuro_exam", QT_TRANSLATE_NOOP("PatientView", "Neuro")),
            ("medication", QT_TRANSLATE_NOOP("PatientView", "Medications")),
            ("intervention", QT_TRANSLATE_NOOP("PatientView", "Interventions")),
            ("iechs_grade", QT_TRANSLATE_NOOP("PatientView", "IEC-HS")))

    def __init__(self, services: Any, settings: Any, events: Any = None, parent: QWidget | None = None, *,
                 checklist: SessionChecklist | None = None, charts: bool = True) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.events = events
        self.patient_id: int | None = None
        self.data: PatientData | None = None
        self._serial = 0
        self._history_serial = 0
        self._cache: OrderedDict[int, PatientData] = OrderedDict()
        # read-ahead of the patients the user is likely to open next (`prefetch`), one at a time
        self._prefetch_queue: list[int] = []
        self._prefetching = False
        self._generation = 0  # bumped by `forget`: a read-ahead started before it is thrown away
        self._spare_charts: Any = None  # an empty charts widget made while idle (`_make_spare_charts`)
        self._likely: list[int] = []  # who the user will probably open next, most likely first (`prefetch`)
        self._unopened: set[int] = set()  # read ahead but never shown: may make room for likelier ones
        self._predrawn: int | None = None  # the patient whose charts were drawn ahead, not yet opened
        self._predraw_timer = QTimer(self)
        self._predraw_timer.setSingleShot(True)
        self._predraw_timer.setInterval(self.PREDRAW_DELAY_MS)
        self._predraw_timer.timeout.connect(self._predraw)
        tz = getattr(services, "tz", None)

        # ---- header row
        self.back_button = QPushButton(self.tr("◂ Census (Esc)"), self)
        self.back_button.setToolTip(self.tr("Back to the ward census (Esc, Alt+Left)"))
        self.back_button.clicked.connect(self.back_requested)
        self.header = QLabel(self)
        f = self.header.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.header.setFont(f)
        self.header.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.setTextVisible(False)
        self.progress.hide()
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.header, 1)
        top.addWidget(self.progress)

        self.banner = GradeBanner(self)

        # ---- actions: a flow row, so a long language wraps to a second line instead of widening the window
        actions = FlowLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        for kind, text, tip in (
            ("vitals", self.tr("Vitals (V)"), self.tr("Record vital signs, oxygen and vasopressors (V)")),
            ("lab", self.tr("Labs (L)"), self.tr("Record lab results (L)")),
            ("neuro_exam", self.tr("Neuro (N)"), self.tr("Record a neuro exam (N)")),
            ("medication", self.tr("Medication (M)"), self.tr("Record a medication given (M)")),
            ("intervention", self.tr("Intervention"), self.tr("Record an intervention (ICU, intubation…)")),
            ("iechs_grade", self.tr("IEC-HS grade"), self.tr("Record the IEC-HS grade (physician; CSCO-2024"
                                                             " §4.3.2)")),
            ("assessment", self.tr("ICE / CAPD (I)"), self.tr("ICE (adults) or CAPD (children) (I)")),
        ):
            b = QPushButton(text, self)
            b.setToolTip(tip)
            b.setAutoDefault(False)
            b.clicked.connect(lambda _=False, k=kind: self._entry(k))
            actions.addWidget(b)
            self.action_buttons[kind] = b
        self.amend_button = QPushButton(self.tr("Amend… (A)"), self)
        self.amend_button.setToolTip(self.tr("Correct the selected record; asks for a reason (A)"))
        self.amend_button.clicked.connect(self.amend_selected)
        self.history_button = QPushButton(self.tr("History (H)"), self)
        self.history_button.setToolTip(self.tr("Every version of the selected record (H)"))
        self.history_button.clicked.connect(self.show_history_of_selected)
        self.print_button = QPushButton(self.tr("Print daily summary (Ctrl+P)"), self)
        self.print_button.setToolTip(self.tr("PDF of the patient's day for rounds (Ctrl+P)"))
        self.print_button.clicked.connect(lambda: self.patient_id is not None and self.print_requested.emit(
            self.patient_id))
        self.export_button = QPushButton(self.tr("Export charts… (Ctrl+E)"), self)
        self.export_button.setToolTip(self.tr("Save the visible charts as a PNG image or an SVG drawing"
                                              " (Ctrl+E)"))
        self.export_button.clicked.connect(lambda: self.export_charts())
        self.export_button.setVisible(charts)
        self.choose_save_file: SaveFileChooser = QFileDialog.getSaveFileName  # replaced in tests
        for b in (self.amend_button, self.history_button, self.export_button, self.print_button):
            b.setAutoDefault(False)
            actions.addWidget(b)

        # ---- charts | management, over the records tabs. One charts widget per remembered patient (a
        # stack): switching back to a patient raises its drawn charts instead of drawing them again.
        self.charts: Any = None  # the charts widget of the patient on screen
        self.chart_error: str | None = None
        self._charts: OrderedDict[int, Any] = OrderedDict()
        self.charts_stack: QStackedWidget | None = None
        if charts:
            self.charts_stack = QStackedWidget(self)
            self.charts = self._new_charts()
        self.checklist = checklist or SessionChecklist()
        self.management = ManagementPanel(self.checklist, self)
        self._user: Any = None  # who is working (marks and acknowledgements carry it; `user`)
        if services is not None and hasattr(services, "mark_recommendation"):
            self.management.persist = self._persist
        self.upper = QSplitter(Qt.Orientation.Horizontal, self)
        if self.charts_stack is not None:
            self.upper.addWidget(self.charts_stack)
        self.upper.addWidget(self.management)
        self.upper.setStretchFactor(0, 3)
        self.upper.setStretchFactor(1, 2)
        self.upper.setSizes([780, 560])

        self.tabs = QTabWidget(self)
        self.models: dict[str, RecordTableModel] = {}
        self.tables: dict[str, QTableView] = {}
        for kind, title in self.TABS:
            model = RecordTableModel(kind, self, tz=tz)
            view = self._table(model)
            view.doubleClicked.connect(lambda _i: self.show_history_of_selected())
            self.models[kind] = model
            self.tables[kind] = view
            self.tabs.addTab(view, QCoreApplication.translate("PatientView", title))
        self.history_model = HistoryModel(self, tz=tz)
        history = QWidget(self)
        self.history_label = QLabel(self.tr("Select a record in another tab and press H (or double-click it)"
                                            " to see every version."), history)
        self.history_label.setWordWrap(True)
        self.history_table = self._table(self.history_model)
        hl = QVBoxLayout(history)
        hl.setContentsMargins(2, 2, 2, 2)
        hl.addWidget(self.history_label)
        hl.addWidget(self.history_table, 1)
        self.history_tab = history
        self.tabs.addTab(history, self.tr("History"))

        self.lower = QSplitter(Qt.Orientation.Vertical, self)
        self.lower.addWidget(self.upper)
        self.lower.addWidget(self.tabs)
        # The course (charts) is what rounds read; the record tables are one drag or tab away. At 768 px
        # a 330 px chart area cut off the blood counts and the grade strips.
        self.lower.setStretchFactor(0, 4)
        self.lower.setStretchFactor(1, 1)
        self.lower.setSizes([450, 110])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(actions)
        layout.addWidget(self.lower, 1)

        def shortcut(keys: str, slot: Any) -> None:
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

        shortcut("Escape", self.back_requested.emit)
        shortcut("Alt+Left", self.back_requested.emit)
        shortcut("V", lambda: self._entry("vitals"))
        shortcut("L", lambda: self._entry("lab"))
        shortcut("N", lambda: self._entry("neuro_exam"))
        shortcut("M", lambda: self._entry("medication"))
        shortcut("I", lambda: self._entry("assessment"))
        shortcut("A", self.amend_selected)
        shortcut("H", self.show_history_of_selected)
        shortcut("Ctrl+E", lambda: self.export_charts())
        shortcut("Ctrl+P", lambda: self.patient_id is not None and self.print_requested.emit(self.patient_id))
        if events is not None:
            events.records_saved.connect(self._on_records_saved)

    def _table(self, model: Any) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(22)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setDefaultSectionSize(110)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        return view

    # ---- loading --------------------------------------------------------------------------------------

    def set_patient(self, patient_id: int) -> None:
        """Show a patient: a patient seen recently is shown at once from memory, then checked for new
        records off the GUI thread; otherwise everything is loaded off the GUI thread. `loaded` fires each
        time something is shown."""
        changed = patient_id != self.patient_id
        self._unopened.discard(patient_id)
        if changed:
            self.history_model.set_rows([])
        self.patient_id = patient_id
        cached = self._cache.get(patient_id)
        if changed and cached is not None:
            self._cache.move_to_end(patient_id)
            self._serial += 1  # any load still running for another patient is now stale
            self._show(patient_id, cached, new_patient=True)
            # check for new records once the view has painted (the check competes for the interpreter)
            serial = self._serial
            QTimer.singleShot(CHECK_DELAY_MS, self, lambda: serial == self._serial and self.reload())
            return
        self.reload()

    def reload(self) -> None:
        if self.patient_id is None or self.services is None:
            return
        self._serial += 1
        serial, pid, services = self._serial, self.patient_id, self.services
        known = self._cache.get(pid)
        options = self._chart_options()
        self.progress.show()
        run_in_pool(lambda: load_patient(services, pid, options, known),
                    lambda d: self._on_loaded(serial, pid, d), lambda exc: self._on_failed(serial, exc),
                    context=self)

    @property
    def user(self) -> Any:
        return self._user

    @user.setter
    def user(self, user: Any) -> None:
        """Who is working; their saved chart layout (panels, labs) is applied to every chart."""
        self._user = user
        layout = saved_chart_layout(user)
        if self.charts is None:
            return
        if layout is None:
            from cartox_desk.ui.charts.trend_charts import ChartLayout

            layout = ChartLayout()
        if layout != self.charts.chart_layout():
            labs_changed = layout.labs != self.charts.chart_layout().labs
            for widget in self.all_charts():
                widget.set_chart_layout(layout)
            self._drop_spare_charts()  # made with the previous user's layout
            if labs_changed and self.patient_id is not None:
                self.forget()
                self.reload()

    def _new_charts(self) -> Any:
        from cartox_desk.ui.charts.trend_charts import TrendChartsWidget

        layout = self.charts.chart_layout() if self.charts is not None else saved_chart_layout(
            getattr(self, "_user", None))
        widget = TrendChartsWidget(self, temperature_unit=str(getattr(
            self.settings.temperature_unit, "value", self.settings.temperature_unit)), lab_units=str(getattr(
                self.settings.lab_units, "value", self.settings.lab_units)), layout=layout)
        # other labs shown: every patient's series are rebuilt off the GUI thread
        widget.layout_changed.connect(self._on_chart_layout_changed)
        assert self.charts_stack is not None
        self.charts_stack.addWidget(widget)
        return widget

    def _charts_for(self, patient_id: int) -> Any:
        """The charts widget of a patient (made on first use; the least recently seen one is dropped)."""
        widget = self._charts.get(patient_id)
        if patient_id == self._predrawn:
            self._predrawn = None  # opened: an ordinary remembered chart from now on
        if widget is None:
            unused = self.charts if self.charts is not None and self.charts not in self._charts.values() \
                else None
            widget = unused or self._take_spare_charts() or self._new_charts()
            self._charts[patient_id] = widget
            QTimer.singleShot(self.SPARE_CHARTS_DELAY_MS, self, self._make_spare_charts)
            while len(self._charts) > self.CHARTS_KEPT:
                _pid, old = self._charts.popitem(last=False)
                if old is not widget:
                    assert self.charts_stack is not None
                    self.charts_stack.removeWidget(old)
                    old.deleteLater()
        self._charts.move_to_end(patient_id)
        assert self.charts_stack is not None
        self.charts_stack.setCurrentWidget(widget)
        self.charts = widget
        return widget

    def _take_spare_charts(self) -> Any:
        spare, self._spare_charts = self._spare_charts, None
        return spare

    def _make_spare_charts(self) -> None:
        """Build the empty plot panels of the next patient's charts while the user reads this one: most of
        a first view's GUI-thread time is making the seven linked plots, not drawing the data."""
        if self._spare_charts is None and self.charts_stack is not None:
            self._spare_charts = self._new_charts()
        self._predraw_timer.start()

    def _predraw(self) -> None:
        """Draw, while the user is idle, the charts of the patient they will most likely open next (the
        census row they rest on, read ahead already), so opening it shows drawn charts at once. One patient
        at a time: a pre-drawn widget nobody opened is reused for the new most likely patient."""
        if self.charts_stack is None:
            return
        if QApplication.activeModalWidget() is not None:  # a form or wizard is being typed in: not now
            self._predraw_timer.start(self.PREDRAW_DELAY_MS * 5)
            return
        target = next((p for p in self._likely if p in self._cache and p != self.patient_id), None)
        if target is None or target in self._charts or self._cache[target].series is None:
            return
        widget = None
        if self._predrawn is not None and self._predrawn != self.patient_id:
            widget = self._charts.pop(self._predrawn, None)
        widget = widget or self._take_spare_charts() or self._new_charts()
        data = self._cache[target]
        widget.set_series(data.series)
        widget.apply_preset(default_preset(data.series.now_x))
        self._charts[target] = widget
        self._charts.move_to_end(target, last=False)  # drawn ahead, not seen: the first to be dropped
        self._predrawn = target
        QTimer.singleShot(self.SPARE_CHARTS_DELAY_MS, self, self._make_spare_charts)

    def _drop_spare_charts(self) -> None:
        spare = self._take_spare_charts()
        if spare is not None:
            assert self.charts_stack is not None
            self.charts_stack.removeWidget(spare)
            spare.deleteLater()

    def prefetch(self, patient_ids: Iterable[int]) -> None:
        """Read ahead, off the GUI thread and one patient at a time, the `READ_AHEAD` patients the user is
        most likely to open next (the selected census row, then its neighbours), so that opening them is a
        switch from memory. Room is made by dropping patients read ahead earlier and no longer likely, then
        the least recently seen; never the patient on screen."""
        self._likely = [int(p) for p in patient_ids][: self.READ_AHEAD]
        self._prefetch_queue = list(self._likely)
        if not self._prefetching:
            self._prefetch_next()
        self._predraw_timer.start()  # (again) once the selection rests

    def _prefetch_next(self) -> None:
        queue = self._prefetch_queue
        while queue and (queue[0] in self._cache or queue[0] == self.patient_id):
            queue.pop(0)
        if queue and len(self._cache) >= self.CACHE_SIZE:
            # room: first a patient read ahead and no longer likely, then the least recently seen one
            # (what opening a patient would drop anyway), never the one on screen nor a likely one
            droppable = [p for p in self._cache if p != self.patient_id and p not in self._likely]
            droppable.sort(key=lambda p: p not in self._unopened)  # stable: least recent first within
            if droppable:
                self._cache.pop(droppable[0])
                self._unopened.discard(droppable[0])
        if not queue or self.services is None or len(self._cache) >= self.CACHE_SIZE:
            self._prefetching = False
            return
        self._prefetching = True
        pid, services, options = queue.pop(0), self.services, self._chart_options()
        generation = self._generation

        def done(data: PatientData | None) -> None:
            if data is not None and generation == self._generation and pid not in self._cache \
                    and len(self._cache) < self.CACHE_SIZE:
                self._cache[pid] = data
                self._cache.move_to_end(pid, last=False)  # read ahead, not seen: the first to forget
                self._unopened.add(pid)
                if self._likely and pid == self._likely[0]:
                    self._predraw_timer.start()
            self._prefetch_next()

        def failed(_exc: BaseException) -> None:  # the real open will load it and say what went wrong
            self._prefetch_next()

        run_in_pool(lambda: load_patient(services, pid, options), done, failed, context=self)

    def all_charts(self) -> list[Any]:
        return list(self._charts.values()) or ([self.charts] if self.charts is not None else [])

    def _on_chart_layout_changed(self, layout: Any) -> None:
        save_chart_layout(self._user, layout)  # remembered per user (QSettings)
        for widget in self.all_charts():
            if widget is not self.charts:
                widget.set_chart_layout(layout)
        self.forget()
        self.reload()

    def export_charts(self, path: str | Path | None = None, fmt: str | None = None) -> Path | None:
        """Save the visible charts (issue 5 item 5): PNG or SVG by the chosen filter (else the suffix).
        Without ``path`` asks for a file name (`choose_save_file`); returns the file written, or None."""
        if self.charts is None or self.charts.series() is None:
            return None
        png, svg = self.tr("PNG image (*.png)"), self.tr("SVG drawing (*.svg)")
        if path is None:
            suggested = str(Path.home() / f"charts-{self.patient_id or 'patient'}.png")
            chosen, selected = self.choose_save_file(self, self.tr("Export charts"), suggested,
                                                     f"{png};;{svg}")
            if not chosen:
                return None
            path, fmt = chosen, fmt or ("svg" if selected == svg else "png" if selected == png else None)
        target = Path(path)
        fmt = fmt or ("svg" if target.suffix.lower() == ".svg" else "png")
        if target.suffix.lower() in (".png", ".svg"):
            target = target.with_suffix(f".{fmt}")
        else:
            target = target.with_name(target.name + f".{fmt}")
        try:
            return Path(self.charts.export_svg(target) if fmt == "svg" else self.charts.export_png(target))
        except Exception as exc:  # disk full, no permission: say so, keep the view
            QMessageBox.warning(self, self.tr("Export charts"),
                                self.tr("The charts could not be saved:\n%1").replace("%1", str(exc)))
            return None

    def _chart_options(self) -> dict[str, Any] | None:
        if self.charts is None:
            return None
        return {"lab_analytes": self.charts.chart_layout().analytes(),
                "temperature_unit": str(getattr(self.settings.temperature_unit, "value",
                                                self.settings.temperature_unit)),
                "lab_units": str(getattr(self.settings.lab_units, "value", self.settings.lab_units))}

    def _persist(self, kind: str, code: str, value: str, note: str = "") -> None:
        """Write a checklist mark or an alert acknowledgement off the GUI thread, then reload."""
        pid, services, user = self.patient_id, self.services, self.user
        if pid is None or user is None:
            self.management.session_note.setText(self.tr("Choose a user first: marks carry a name."))
            return

        def job() -> Any:
            if kind == "alert":
                active = {a.code: a for a in services.active_alerts(pid)}
                if code not in active:  # raised by the plan but not yet in the record
                    active = {a.code: a for a in services.refresh_alerts(pid)}
                if code not in active:
                    raise ValueError(f"{code}: this alert is no longer active")
                return services.acknowledge_alert(active[code].alert_id, by=user)
            return services.mark_recommendation(pid, code, value, by=user, note=note)

        def done(_result: Any) -> None:
            self.forget(pid)
            self.marked.emit(code)
            if self.events is not None:
                self.events.records_saved.emit(pid)  # census counts unacknowledged alerts
            else:
                self.reload()

        def failed(exc: BaseException) -> None:
            self.management.session_note.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            self.forget(pid)
            self.reload()

        run_in_pool(job, done, failed, context=self)  # the write runs even if the view closes

    def forget(self, patient_id: int | None = None) -> None:
        """Drop remembered data (one patient, or all: e.g. after the units or chart labs changed)."""
        self._generation += 1
        if patient_id is None:
            self._cache.clear()
            self._drop_spare_charts()  # made with the old units / layout
        else:
            self._cache.pop(patient_id, None)

    def _on_failed(self, serial: int, exc: BaseException) -> None:
        if serial != self._serial:
            return
        self.progress.hide()
        message = self.tr("Could not load the patient: %1").replace("%1", str(exc))
        self.header.setText(message)
        self.load_failed.emit(message)

    def _on_loaded(self, serial: int, patient_id: int, data: PatientData | None) -> None:
        if serial != self._serial or patient_id != self.patient_id:
            return  # an older request (the user moved on)
        self.progress.hide()
        if data is None:  # what is on screen is current
            return
        new_patient = self.data is None or self.data.timeline.patient.patient_id != patient_id
        before = None if new_patient or self.data is None else self.data.timeline
        self._cache[patient_id] = data
        self._cache.move_to_end(patient_id)
        while len(self._cache) > self.CACHE_SIZE:
            self._cache.popitem(last=False)
        self._show(patient_id, data, new_patient=new_patient)
        if before is not None:
            self._check_rise(patient_id, before, data.timeline)

    def _check_rise(self, patient_id: int, before: PatientTimeline, after: PatientTimeline) -> None:
        """A grade rise interrupts (ux.md, calm interruptions): `grade_rose(patient, message)`."""
        def grades(tl: PatientTimeline) -> tuple[int | None, int | None]:
            if not tl.grades:
                return None, None
            g = tl.grades[-1]
            return g.crs.grade, g.icans.grade if g.icans.status is IcansStatus.GRADED else None

        (c0, i0), (c1, i1) = grades(before), grades(after)
        rises = []
        if c1 is not None and c1 > (c0 or 0):
            rises.append(self.tr("CRS %1 → %2").replace("%1", "–" if c0 is None else str(c0)).replace(
                "%2", str(c1)))
        if i1 is not None and i1 > (i0 or 0):
            rises.append(self.tr("ICANS %1 → %2").replace("%1", "–" if i0 is None else str(i0)).replace(
                "%2", str(i1)))
        if rises:
            self.grade_rose.emit(patient_id, f"{after.patient.name}: " + "; ".join(rises))

    def _show(self, patient_id: int, data: PatientData, *, new_patient: bool) -> None:
        self.data = data
        self.show_data(data, new_patient=new_patient)
        self.loaded.emit(patient_id)

    def show_data(self, data: PatientData, *, new_patient: bool = True) -> None:
        tl = data.timeline
        self.header.setText(self.header_text(tl, data.now))
        self.banner.set_data(data)
        self.management.set_plan(tl.patient.patient_id, data.plan, data.plan_error, alerts=data.alerts,
                                 marks=data.marks)
        from cartox_desk.ui.forms.iechs import add_iechs_status

        add_iechs_status(self.management, tl, data.now)  # the physician's IEC-HS grade in force, on top
        # timeline tuples are in time order: the tables show them newest first
        self.models["vitals"].set_rows(tl.vitals, ordered=True)
        self.models["support"].set_rows([*tl.oxygen, *tl.vasopressors, *tl.fluid_boluses])
        self.models["lab"].set_rows(tl.labs, ordered=True)
        self.models["encephalopathy"].set_rows(tl.encephalopathy, ordered=True)
        self.models["neuro_exam"].set_rows(tl.neuro_exams, ordered=True)
        self.models["medication"].set_rows(tl.medications, ordered=True)
        self.models["intervention"].set_rows(tl.interventions, ordered=True)
        self.models["iechs_grade"].set_rows(tl.iechs_grades, ordered=True)
        for index, (kind, title) in enumerate(self.TABS):
            count = self.models[kind].rowCount()
            self.tabs.setTabText(index, f"{QCoreApplication.translate('PatientView', title)} ({count})")
        if self.charts is not None:
            try:
                pid = tl.patient.patient_id
                charts = self._charts_for(pid)
                if data.series is None:
                    charts.set_timeline(tl)
                elif charts.series() is not data.series:  # already drawn: nothing to do
                    first = charts.series() is None
                    charts.set_series(data.series)
                    if first:  # a patient's first drawing starts at the default range of their day
                        charts.apply_preset(default_preset(data.series.now_x))
            except Exception as exc:  # the grades, plan and records must show even when a chart fails
                import sys
                import traceback

                traceback.print_exc(file=sys.stderr)
                self.chart_error = str(exc)
                self.charts.setToolTip(self.tr("The charts could not be drawn: %1").replace("%1", str(exc)))

    def header_text(self, tl: PatientTimeline, now: datetime) -> str:
        p = tl.patient
        parts = [p.name, f"MRN {p.mrn}"]
        if p.bed:
            parts.append(self.tr("bed %1").replace("%1", p.bed))
        age = p.age_years(now)
        if age is not None:
            parts.append(self.tr("%1 y").replace("%1", str(int(age))))
        parts.append(self.tr("%1 kg").replace("%1", f"{p.weight_kg:g}") if p.weight_kg
                     else self.tr("weight not recorded"))
        parts.append(p.diagnosis.value)
        product = p.product_name.split("(")[-1].rstrip(")") if "(" in p.product_name else p.product_name
        costim = f", {p.costim_domain}" if p.costim_domain else ""
        parts.append(f"{product} ({p.target.value}{costim})")
        parts.append(self.tr("Day %1").replace("%1", f"{tl.day(now):+d}"))
        if p.baseline_capd is not None and ((age is not None and age <= 12) or p.developmental_delay):
            parts.append(self.tr("baseline CAPD %1").replace("%1", str(p.baseline_capd)))
        elif p.baseline_ice is not None:
            parts.append(self.tr("baseline ICE %1").replace("%1", str(p.baseline_ice)))
        else:
            parts.append(self.tr("no baseline ICE / CAPD"))
        return " · ".join(parts)

    def _on_records_saved(self, patient_id: Any) -> None:
        if patient_id is None or patient_id == self.patient_id:
            self.reload()

    # ---- records ---------------------------------------------------------------------------------------

    def selected_record(self) -> tuple[str, Any] | None:
        view = self.tabs.currentWidget()
        if not isinstance(view, QTableView) or view is self.history_table:
            return None
        index = view.currentIndex()
        if not index.isValid():
            return None
        return index.data(KindRole), index.data(RecordRole)

    def show_history_of_selected(self) -> None:
        chosen = self.selected_record()
        if chosen is None:
            self.tabs.setCurrentWidget(self.history_tab)
            return
        kind, record = chosen
        self.show_history(kind, record.meta.record_id)

    def show_history(self, kind: str, record_id: int) -> None:
        self._history_serial += 1
        serial, services = self._history_serial, self.services
        self.tabs.setCurrentWidget(self.history_tab)
        self.history_label.setText(self.tr("Loading the versions…"))

        def done(versions: list[Any]) -> None:
            if serial != self._history_serial:
                return
            self.history_model.set_rows(versions)
            amendments = len(versions) - 1
            self.history_label.setText(self.tr("%1 record %2: original and %3 amendment(s)").replace(
                "%1", kind).replace("%2", str(record_id)).replace("%3", str(amendments)))
            self.history_table.resizeColumnsToContents()
            self.history_loaded.emit()

        run_in_pool(lambda: services.record_history(kind, record_id), done,
                    lambda exc: self.history_label.setText(str(exc)), context=self)

    def amend_selected(self) -> None:
        chosen = self.selected_record()
        if chosen is not None:
            self.amend_requested.emit(*chosen)

    def _entry(self, kind: str) -> None:
        if self.patient_id is not None:
            self.entry_requested.emit(kind, self.patient_id)
