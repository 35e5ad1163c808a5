"""The patient timeline: grades at every assessment time, daily maxima and episodes (clinical-rules §0).

Pure: standard library and `core` only. `build_timeline` takes the *effective* records (amendments already
resolved) in any order and returns a `PatientTimeline` whose lists are sorted by time and whose grades come
from the one grading function, `core.grading.grade_snapshot`.

How a snapshot is built at an assessment time ``t`` (each instant at which vitals, oxygen, a vasopressor
event, an ICE / CAPD or a neuro exam was recorded):

* **Windows are half-open, ``(t - window, t]``.** A value recorded exactly ``window`` before ``t`` is out;
  a value recorded at ``t`` is in. With 4-hourly vitals each snapshot then reflects the current reading,
  not the previous one as well.
* **Temperature**: the highest in the vitals window.
* **Oxygen**: an oxygen record is a *state* (like a vasopressor event): the device in use from that record
  until the next oxygen record (``room_air`` ends support). The snapshot takes the worst device in effect
  at any moment in the vitals window, ordered by hypoxia grade (``core.crs.hypoxia_grade``), then by
  device, then by flow. Oxygen "for comfort" ranks as grade 0, so graded oxygen wins over it, but it is
  still passed when it is the worst charted device, and the grading reports it "charted, not graded"
  (clinical-rules §3.5). ``TimelineSettings.oxygen_persists=False`` counts only records inside the window.
* **Vasopressors**: an infusion runs from its start (or a dose change) until its stop. Every drug running
  at any moment of the vitals window is in the snapshot, once, with the highest dose it ran at in the
  window (doses in µg/kg/min are compared in µg/min when the weight is known). A dose change to 0 is a stop.
* **Hypotension** (clinical-rules §1 rule 8 proposes, the nurse confirms): the automatic timeline takes
  the safer reading: present when a nurse confirmed hypotension in the window, or a vasopressor runs in
  the window, or the lowest systolic BP in the window is below the age threshold (adults and unknown age:
  < 90 mmHg; ages 1-10 in whole years: < 70 + 2 x age; no SBP threshold under 1 year: the rules give
  none). A fluid bolus alone counts only with ``bolus_implies_hypotension`` (the record does not say the
  bolus was for low BP).
* **ICE / CAPD and neuro exam**: the latest of each within the neuro window (default 12 h); none there
  means ICANS "not assessed" unless another finding grades it (clinical-rules §3.2 rule 6).
* **Fever masking** (clinical-rules §1 rule 2): true when an administration in
  ``FEVER_MASKING_MEDICATIONS`` was given at or after the onset of the *current* CRS episode and at or
  before ``t``. Episodes are computed as the points are graded, so a drug given before onset (or during an
  earlier, resolved episode) never masks.

Speed (30 days of minute vitals, issue 3): each parameter's worst value at every assessment time comes from
one sliding-window pass (a monotonic deque); the points are then walked in *runs* over which nothing that
enters the snapshot changes, each run sharing one snapshot and one memoised grading result.

Episodes (clinical-rules §0): onset at the first point with grade >= 1; peak = highest grade, first time
reached; resolved at the first point that starts 24 h (setting) of points with grade 0 (CRS: and no fever,
T < 38.0 °C) — confirmed by a point at or after the end of those 24 h, or by ``generated_at`` passing it.
ICANS points "not assessed" neither start nor break such a run.
"""

from __future__ import annotations

import gc
import math
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta, tzinfo
from itertools import compress, count, islice, repeat
from operator import attrgetter, is_, is_not, lt
from typing import Any, TypeVar

from cartox_desk.core.clinical_time import day_number, day_start, local_date
from cartox_desk.core.crs import hypoxia_grade
from cartox_desk.core.fastnew import mutable_twin
from cartox_desk.core.records import (
    FEVER_MASKING_MEDICATIONS,
    DailyMaxGrade,
    EncephalopathyAssessment,
    Episode,
    EpisodeKind,
    FluidBolus,
    GradePoint,
    IechsGrade,
    Intervention,
    LabResult,
    MedicationAdministration,
    NeuroExam,
    OxygenRecord,
    PatientSummary,
    PatientTimeline,
    VasopressorEvent,
    VasopressorRecord,
    VitalSigns,
)
from cartox_desk.core.results import GradingResult
from cartox_desk.core.rules import FEVER_THRESHOLD_C
from cartox_desk.core.snapshot import (
    DoseRateUnit,
    OxygenDevice,
    OxygenSupport,
    Snapshot,
    VasopressorDrug,
    VasopressorInfusion,
)

RULES_TIME = "clinical-rules §0"
RULES_HYPOTENSION = "clinical-rules §1 rule 8"
RULES_MASKING = "clinical-rules §1 rule 2"

Grader = Callable[[Snapshot], GradingResult]


@dataclass(frozen=True, slots=True)
class TimelineSettings:
    """Window lengths and thresholds of the timeline: settings, not constants (clinical-rules §0)."""

    vitals_window: timedelta = timedelta(hours=4)  # temperature, BP, oxygen, vasopressors
    neuro_window: timedelta = timedelta(hours=12)  # latest ICE / CAPD and neuro exam
    crs_resolution: timedelta = timedelta(hours=24)  # grade 0 and no fever for this long ends CRS
    icans_resolution: timedelta = timedelta(hours=24)  # grade 0 for this long ends ICANS
    fever_threshold_c: float = FEVER_THRESHOLD_C  # "no fever" = T below this (clinical-rules §1 rule 1)
    # Hypotension proposal (clinical-rules §1 rule 8; Mahadeo SM et al., Nat Rev Clin Oncol 2019).
    propose_hypotension_from_sbp: bool = True
    adult_hypotension_sbp_mmhg: float = 90.0  # systolic below this; also above child_max_age and unknown age
    child_hypotension_base_mmhg: float = 70.0  # ages child_min_age..child_max_age: < base + per_year x age
    child_hypotension_per_year_mmhg: float = 2.0
    child_min_age_years: int = 1  # below: no SBP threshold (the rules give none)
    child_max_age_years: int = 10
    bolus_implies_hypotension: bool = False  # a fluid bolus in the window proposes hypotension
    oxygen_persists: bool = True  # an oxygen record holds until the next one (False: only inside the window)

    def hypotension_sbp_threshold(self, age_years: float | None) -> float | None:
        """Systolic BP below which hypotension is proposed, or None where the rules give no number.
        ``age_years``: completed years (a fraction is floored)."""
        if age_years is None:
            return self.adult_hypotension_sbp_mmhg  # most sensitive threshold when age is unknown
        whole = math.floor(age_years)
        if whole < self.child_min_age_years:
            return None
        if whole <= self.child_max_age_years:
            return self.child_hypotension_base_mmhg + self.child_hypotension_per_year_mmhg * whole
        return self.adult_hypotension_sbp_mmhg


DEFAULT_SETTINGS = TimelineSettings()


def completed_years(patient: PatientSummary, at: datetime) -> int | None:
    """Age in completed years at ``at`` (birthdays counted on the calendar), None without a date of birth.
    Age thresholds ("1-10 years", "12 or under") use this; the snapshot carries the fractional age."""
    dob = patient.date_of_birth
    if dob is None:
        return None
    d = at.date()
    return d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))

_INF = math.inf
_T = TypeVar("_T")


_Entry = tuple[float, float, Any, Any]  # (start, end, key, item)


def window_best(times: Sequence[float], entries: Sequence[_Entry], window: float) -> list[Any]:
    """For each time ``t``: the item with the highest key among entries whose interval [start, end]
    overlaps the half-open window ``(t - window, t]`` (start <= t and end > t - window); None if none.

    ``entries`` are sorted by start and their ends never decrease (a point ends where it starts; each state
    record ends where the next begins), so they leave the window in the order they entered it and a monotonic
    deque gives every answer in amortised O(1): a dominated entry (lower or equal key, earlier end) can never
    be the best again. Equal keys: the later entry wins.
    """
    if not entries:
        return [None] * len(times)
    if len(entries) <= _SPARSE_MAX and len(entries) * 16 < len(times):
        return _sparse_window_best(times, entries, window)
    q: deque[tuple[Any, float, Any]] = deque()
    pop, push, popleft = q.pop, q.append, q.popleft
    out: list[Any] = []
    append = out.append
    i, n = 0, len(entries)
    for t in times:
        while i < n:
            start, end, key, item = entries[i]
            if start > t:
                break
            while q and q[-1][0] <= key:
                pop()
            push((key, end, item))
            i += 1
        cutoff = t - window
        while q and q[0][1] <= cutoff:
            popleft()
        append(q[0][2] if q else None)
    return out


_SPARSE_MAX = 128


def _changes(values: Sequence[Any]) -> list[int]:
    """The indices at which a list of window answers changes (by identity: each answer is a record's
    own object, so equal values from different records count as a change, which is harmless)."""
    return list(compress(count(1), map(is_not, values, islice(values, 1, None))))


def point_window_best(times: Sequence[float], points: Sequence[float], values: Sequence[Any], window: float,
                      *, lowest: bool = False) -> list[Any]:
    """`window_best` for point values (each starts and ends at its time, keyed by the value itself): for
    each time ``t`` the highest (``lowest``: the lowest) value recorded in ``(t - window, t]``, None if
    none; None values are skipped. The same answers, the same objects (equal values: the later one), as
    `window_best` over ``(ts, ts, value, value)`` entries (``lowest``: keyed by ``-value``), without
    building those entries: the hot path of minute vitals (temperature, systolic BP).

    ``points`` sorted; ``times`` sorted. When they are the same list (every assessment instant is a
    vitals time, the usual case) one loop does without the search for the points entering the window.
    """
    if None in values:
        keep = list(map(is_not, values, repeat(None)))
        points, values = list(compress(points, keep)), list(compress(values, keep))
    if not values:
        return [None] * len(times)
    out: list[Any] = []
    append = out.append
    if window > 0 and times == points:  # one point per time: it enters; the dominated and the expired leave
        # The deque as two plain lists (values, times) with a head index: expired entries stay behind the
        # head, dominated ones are popped from the tail. No tuple per point: about a quarter faster.
        qv: list[Any] = []
        qt: list[float] = []
        vpop, tpop, vpush, tpush = qv.pop, qt.pop, qv.append, qt.append
        head = 0
        if lowest:
            for t, v in zip(points, values, strict=True):
                while len(qv) > head and qv[-1] >= v:
                    vpop()
                    tpop()
                vpush(v)
                tpush(t)
                cutoff = t - window
                while qt[head] <= cutoff:  # never passes the point just pushed: it is inside
                    head += 1
                append(qv[head])
        else:
            for t, v in zip(points, values, strict=True):
                while len(qv) > head and qv[-1] <= v:
                    vpop()
                    tpop()
                vpush(v)
                tpush(t)
                cutoff = t - window
                while qt[head] <= cutoff:
                    head += 1
                append(qv[head])
        return out
    q: deque[tuple[Any, float]] = deque()
    pop, push, popleft = q.pop, q.append, q.popleft
    i, n = 0, len(points)
    nxt = points[0]
    for t in times:
        while nxt <= t:
            v = values[i]
            if lowest:
                while q and q[-1][0] >= v:
                    pop()
            else:
                while q and q[-1][0] <= v:
                    pop()
            push((v, nxt))
            i += 1
            nxt = points[i] if i < n else _INF
        cutoff = t - window
        while q and q[0][1] <= cutoff:
            popleft()
        append(q[0][0] if q else None)
    return out


def _sparse_window_best(times: Sequence[float], entries: Sequence[_Entry], window: float) -> list[Any]:
    """`window_best` for a few entries over many times: an entry is the answer for every t in
    [start, end + window), so the answer only changes at those bounds; fill the runs between them."""
    out: list[Any] = [None] * len(times)
    bounds = sorted({e[0] for e in entries} | {e[1] + window for e in entries})
    for k, lo in enumerate(bounds):
        if lo == _INF:
            break
        best: _Entry | None = None
        for e in entries:  # later entries win ties, as in the deque
            if e[0] <= lo < e[1] + window and (best is None or e[2] >= best[2]):
                best = e
        if best is None:
            continue
        i = bisect_left(times, lo)
        j = bisect_left(times, bounds[k + 1]) if k + 1 < len(bounds) else len(times)
        out[i:j] = [best[3]] * (j - i)
    return out


def _ts(at: datetime) -> float:
    if at.tzinfo is None:
        raise ValueError("clinical times must be timezone-aware")
    return at.timestamp()


_meta_at = attrgetter("meta.at")
_tzinfo = attrgetter("tzinfo")
_temperature = attrgetter("temperature_c")
_systolic = attrgetter("systolic_bp_mmhg")
_confirmed = attrgetter("hypotension_confirmed")


def _sorted(records: Iterable[_T]) -> tuple[list[float], list[datetime], list[_T]]:
    """Timestamps, times and records sorted by time, then record id (deterministic for equal times)."""
    recs = list(records)
    ats: list[datetime] = list(map(_meta_at, recs))
    if None in set(map(_tzinfo, ats)):
        raise ValueError("clinical times must be timezone-aware")
    ts = list(map(datetime.timestamp, ats))
    if not all(map(lt, ts, islice(ts, 1, None))):  # not strictly increasing: sort (stores usually don't)
        order = sorted(range(len(recs)), key=lambda i: (ts[i], recs[i].meta.record_id))  # type: ignore[attr-defined]
        recs = [recs[i] for i in order]
        ats = [ats[i] for i in order]
        ts = [ts[i] for i in order]
    return ts, ats, recs


_DEVICE_RANK = {d: i for i, d in enumerate(OxygenDevice)}
_DRUG_ORDER = {d: i for i, d in enumerate(VasopressorDrug)}


def _oxygen_key(support: OxygenSupport) -> tuple[int, int, float]:
    grade, _ = hypoxia_grade(support)  # "for comfort" grades 0: graded oxygen outranks it
    return grade, _DEVICE_RANK[support.device], support.flow_l_min or 0.0


@dataclass(frozen=True, slots=True)
class _Segment:
    """One stretch of a vasopressor infusion at a constant dose."""

    drug: VasopressorDrug
    start: float
    end: float
    infusion: VasopressorInfusion


def _comparable_dose(inf: VasopressorInfusion, weight_kg: float | None) -> float:
    if inf.unit is DoseRateUnit.UG_PER_KG_PER_MIN and weight_kg:
        return inf.dose * weight_kg
    return inf.dose


def vasopressor_segments(records: Sequence[tuple[float, VasopressorRecord]]) -> list[_Segment]:
    """Constant-dose stretches per drug, from time-sorted start / change / stop events.

    A change without a start starts the infusion; a stop (or a change to dose 0 or None) ends it; a
    stop without a running infusion is ignored; an infusion never stopped runs on (end = infinity).
    """
    running: dict[VasopressorDrug, tuple[float, VasopressorInfusion]] = {}
    segments: list[_Segment] = []
    for ts, rec in records:
        prev = running.pop(rec.drug, None)
        if prev is not None:
            segments.append(_Segment(rec.drug, prev[0], ts, prev[1]))
        if rec.event is not VasopressorEvent.STOP and rec.dose is not None and rec.dose > 0:
            running[rec.drug] = (ts, VasopressorInfusion(rec.drug, rec.dose, rec.unit))
    for drug, (start, inf) in running.items():
        segments.append(_Segment(drug, start, _INF, inf))
    segments.sort(key=lambda s: (s.start, _DRUG_ORDER[s.drug]))
    return segments


class _EpisodeTracker:
    """Onset / peak / resolution of one kind of episode, fed in time order.

    ``observe`` only needs calling when the grade or the clean flag changes: repeating an observation is a
    no-op. ``due`` is the instant at which the active episode resolves unless a non-clean point comes first.
    """

    __slots__ = ("_clean_since", "_clean_since_at", "_onset", "_peak", "_peak_at", "_resolution", "due",
                 "episodes", "kind", "onset_ts")

    def __init__(self, kind: EpisodeKind, resolution: timedelta) -> None:
        self.kind = kind
        self._resolution = resolution.total_seconds()
        self.episodes: list[Episode] = []
        self._onset: datetime | None = None
        self.onset_ts = _INF  # the active episode's onset, infinity when none
        self._peak = 0
        self._peak_at: datetime | None = None
        self._clean_since: float | None = None
        self._clean_since_at: datetime | None = None
        self.due = _INF

    def advance(self, ts: float) -> None:
        """Close the active episode if it has been clean for the whole resolution period before ``ts``."""
        if ts >= self.due:
            self._close(self._clean_since_at)

    def observe(self, ts: float, at: datetime, grade: int | None, clean: bool) -> None:
        """``grade`` None: not assessed, ignored. ``clean``: grade 0 (and, for CRS, no fever)."""
        if grade is None:
            return
        if grade >= 1:
            if self._onset is None:
                self._onset, self._peak, self._peak_at, self.onset_ts = at, grade, at, ts
            elif grade > self._peak:
                self._peak, self._peak_at = grade, at
        if self._onset is None:
            return
        if clean:
            if self._clean_since is None:
                self._clean_since, self._clean_since_at = ts, at
                self.due = ts + self._resolution
        else:
            self._clean_since = self._clean_since_at = None
            self.due = _INF

    def finish(self, generated_ts: float) -> None:
        self.advance(generated_ts)
        if self._onset is not None:
            self._close(None)

    def _close(self, resolved_at: datetime | None) -> None:
        assert self._onset is not None and self._peak_at is not None
        self.episodes.append(Episode(kind=self.kind, onset_at=self._onset, peak_grade=self._peak,
                                     peak_at=self._peak_at, resolved_at=resolved_at))
        self._onset = self._peak_at = None
        self.onset_ts = _INF
        self._peak = 0
        self._clean_since = self._clean_since_at = None
        self.due = _INF


# GradePoint(at, snapshot, crs, icans, vasopressors) without the frozen __init__: 43,200 of them per month
# of minute vitals, built inline on this twin (core.fastnew; the objects are identical to the normal
# constructor's). The inline construction names every field: one added to GradePoint must be added there.
_GradePointTwin = mutable_twin(GradePoint)
assert tuple(f.name for f in fields(GradePoint)) == ("at", "snapshot", "crs", "icans", "vasopressors")


def _default_grader() -> Grader:
    from cartox_desk.core.grading import grade_snapshot

    return grade_snapshot


def build_timeline(
    patient: PatientSummary,
    tz: tzinfo,
    generated_at: datetime,
    vitals: Iterable[VitalSigns] = (),
    oxygen: Iterable[OxygenRecord] = (),
    vasopressors: Iterable[VasopressorRecord] = (),
    fluid_boluses: Iterable[FluidBolus] = (),
    labs: Iterable[LabResult] = (),
    encephalopathy: Iterable[EncephalopathyAssessment] = (),
    neuro_exams: Iterable[NeuroExam] = (),
    medications: Iterable[MedicationAdministration] = (),
    interventions: Iterable[Intervention] = (),
    settings: TimelineSettings = DEFAULT_SETTINGS,
    *,
    grader: Grader | None = None,
    iechs_grades: Iterable[IechsGrade] = (),
) -> PatientTimeline:
    """The patient's timeline: every effective record sorted, the CRS / ICANS grade at every assessment
    time, daily maximum grades and CRS / ICANS episodes (clinical-rules §0, §1 rules 2 and 8, §3.2 rule 6).

    Records may come in any order. Grades come from ``grader`` (default ``core.grading.grade_snapshot``),
    memoised on the frozen snapshot for the length of this call. Sliding-window maxima keep the build linear
    in the number of records (30 days of minute vitals: see ``bench/timeline.py``).
    """
    grade = grader if grader is not None else _default_grader()
    with _gc_paused():
        return _build(patient, tz, generated_at, settings, grade, vitals, oxygen, vasopressors,
                      fluid_boluses, labs, encephalopathy, neuro_exams, medications, interventions,
                      iechs_grades=iechs_grades)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while tens of thousands of acyclic records are allocated: its
    full collections would otherwise rescan them again and again (about a quarter of the build time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _build(patient: PatientSummary, tz: tzinfo, generated_at: datetime, settings: TimelineSettings,
           grade: Grader, *records: Iterable[Any], iechs_grades: Iterable[IechsGrade]) -> PatientTimeline:
    streams = [_sorted(x) for x in records]
    s_vitals, s_oxygen, s_vaso, s_bolus, s_labs, s_enc, s_neuro, s_meds, s_interv = streams

    grades, crs_episodes, icans_episodes, run_starts = _grade_points(
        patient, s_vitals, s_oxygen, s_vaso, s_bolus, s_enc, s_neuro, s_meds, settings, grade,
        _ts(generated_at))

    firsts = [st[0][0] for st in streams if st[0]]
    daily: tuple[DailyMaxGrade, ...] = ()
    if firsts:
        first = datetime.fromtimestamp(min(firsts), UTC)
        last = datetime.fromtimestamp(max(st[0][-1] for st in streams if st[0]), UTC)
        daily = daily_max_grades(grades, patient.infusion_at, tz, first, last, run_starts=run_starts)

    episodes = tuple(sorted(crs_episodes + icans_episodes, key=lambda e: (e.onset_at, e.kind.value)))
    return PatientTimeline(
        patient=patient, tz=tz, generated_at=generated_at,
        vitals=tuple(s_vitals[2]), oxygen=tuple(s_oxygen[2]), vasopressors=tuple(s_vaso[2]),
        fluid_boluses=tuple(s_bolus[2]), labs=tuple(s_labs[2]), encephalopathy=tuple(s_enc[2]),
        neuro_exams=tuple(s_neuro[2]), medications=tuple(s_meds[2]), interventions=tuple(s_interv[2]),
        grades=grades, daily_max=daily, episodes=episodes,
        # the physician's IEC-HS grades, sorted like every record; they grade no CRS / ICANS and set no day
        iechs_grades=tuple(_sorted(iechs_grades)[2]),
    )


_Stream = tuple[list[float], list[datetime], list[Any]]


def _pairs(stream: _Stream) -> list[tuple[float, Any]]:
    return list(zip(stream[0], stream[2], strict=True))


def _grade_points(
    patient: PatientSummary,
    s_vitals: _Stream,
    s_oxygen: _Stream,
    s_vaso: _Stream,
    s_bolus: _Stream,
    s_enc_stream: _Stream,
    s_neuro_stream: _Stream,
    s_meds: _Stream,
    settings: TimelineSettings,
    grade: Grader,
    generated_ts: float,
) -> tuple[tuple[GradePoint, ...], list[Episode], list[Episode], list[int]]:
    vitals_w = settings.vitals_window.total_seconds()
    neuro_w = settings.neuro_window.total_seconds()
    fever_c = settings.fever_threshold_c
    weight = patient.weight_kg

    # The assessment instants (shown in UTC).
    instants: dict[float, datetime] = {}
    for st in (s_vitals, s_oxygen, s_vaso, s_enc_stream, s_neuro_stream):
        instants.update(zip(st[0], st[1], strict=True))
    times = sorted(instants)
    n_times = len(times)
    ats = list(map(instants.__getitem__, times))
    if not all(map(is_, map(_tzinfo, ats), repeat(UTC))):
        ats = [a.astimezone(UTC) for a in ats]
    vit_ts, _, vit_recs = s_vitals
    s_oxygen_p = _pairs(s_oxygen)
    s_enc = _pairs(s_enc_stream)
    s_neuro = _pairs(s_neuro_stream)

    # One sliding window per parameter: the worst value at every assessment time.
    temps = point_window_best(times, vit_ts, list(map(_temperature, vit_recs)), vitals_w)
    min_sbps = point_window_best(times, vit_ts, list(map(_systolic, vit_recs)), vitals_w, lowest=True)
    confirmed = window_best(times, [(ts, ts, 0, True) for ts in compress(vit_ts, map(_confirmed, vit_recs))],
                            vitals_w)
    boluses = window_best(times, [(ts, ts, 0, True) for ts in s_bolus[0]]
                          if settings.bolus_implies_hypotension else [], vitals_w)
    oxy_entries: list[_Entry] = []
    support_of: dict[tuple[OxygenDevice, float | None, bool],
                     tuple[tuple[int, int, float], OxygenSupport]] = {}
    n_oxy = len(s_oxygen_p)
    for i, (ts, o) in enumerate(s_oxygen_p):
        sk = (o.device, o.flow_l_min, o.for_comfort)
        if sk not in support_of:
            sup = OxygenSupport(device=o.device, flow_l_min=o.flow_l_min, for_comfort=o.for_comfort)
            support_of[sk] = (_oxygen_key(sup), sup)
        key, sup = support_of[sk]
        # A state until the next oxygen record (or a point inside the window only).
        end = ts if not settings.oxygen_persists else s_oxygen_p[i + 1][0] if i + 1 < n_oxy else _INF
        oxy_entries.append((ts, end, key, sup))
    oxygens = window_best(times, oxy_entries, vitals_w)
    by_drug: dict[VasopressorDrug, list[_Entry]] = {}
    for seg in vasopressor_segments(_pairs(s_vaso)):
        by_drug.setdefault(seg.drug, []).append(
            (seg.start, seg.end, _comparable_dose(seg.infusion, weight), seg.infusion))
    drugs = sorted(by_drug, key=_DRUG_ORDER.__getitem__)
    per_drug = [window_best(times, by_drug[d], vitals_w) for d in drugs]
    mask_ts = [ts for ts, m in _pairs(s_meds) if m.kind in FEVER_MASKING_MEDICATIONS]

    # Runs: the snapshot can only change at an index where some window's answer changes, an ICE / CAPD or
    # neuro exam arrives or leaves the neuro window, a masking drug is given, or a UTC day (age) begins;
    # an episode's resolution or onset also ends a run. Each run shares one snapshot and one result.
    stops: set[int] = {0}
    for values, entries in ((temps, s_vitals[0]), (min_sbps, s_vitals[0]), (confirmed, s_vitals[0]),
                            (boluses, s_bolus[0]), (oxygens, oxy_entries)):
        if entries:
            stops.update(_changes(values))
    for values in per_drug:
        stops.update(_changes(values))
    for ts in (*s_enc_stream[0], *s_neuro_stream[0]):
        stops.add(bisect_left(times, ts))
        stops.add(bisect_left(times, ts + neuro_w))
    stops.update(bisect_left(times, m) for m in mask_ts)
    if times:
        first_day, last_day = int(times[0] // 86400), int(times[-1] // 86400)
        stops.update(bisect_left(times, d * 86400.0) for d in range(first_day + 1, last_day + 1))
    stop_list = sorted(x for x in stops if x < n_times)

    crs_track = _EpisodeTracker(EpisodeKind.CRS, settings.crs_resolution)
    icans_track = _EpisodeTracker(EpisodeKind.ICANS, settings.icans_resolution)
    cache: dict[Snapshot, GradingResult] = {}
    out: list[GradePoint] = []
    append = out.append
    new, point_twin = object.__new__, _GradePointTwin
    ei = ni = 0
    n_enc, n_neuro = len(s_enc), len(s_neuro)
    enc: EncephalopathyAssessment | None = None
    enc_ts = -_INF
    neuro: NeuroExam | None = None
    neuro_ts = -_INF
    age_day = -1
    age: float | None = None
    sbp_limit: float | None = None
    propose_sbp = settings.propose_hypotension_from_sbp
    prev_parts: tuple[Any, ...] = ()
    snap = Snapshot()
    crs_r = icans_r = vaso_r = None
    masked = False
    k, n_stops = 0, len(stop_list)
    i = 0
    run_starts: list[int] = []  # the points from each of these to the next share one snapshot and result

    while i < n_times:
        while k < n_stops and stop_list[k] <= i:
            k += 1
        j = stop_list[k] if k < n_stops else n_times
        t = times[i]
        at = ats[i]
        while ei < n_enc and s_enc[ei][0] <= t:
            enc_ts, enc = s_enc[ei]
            ei += 1
        while ni < n_neuro and s_neuro[ni][0] <= t:
            neuro_ts, neuro = s_neuro[ni]
            ni += 1
        day = int(t // 86400)
        if day != age_day:
            age_day = day
            age = patient.age_years(at)
            sbp_limit = settings.hypotension_sbp_threshold(completed_years(patient, at))

        temp = temps[i]
        min_sbp = min_sbps[i]
        vaso = tuple(x for x in (d[i] for d in per_drug) if x is not None) if per_drug else ()
        hypotension = bool(
            vaso or confirmed[i] is not None or boluses[i] is not None
            or (propose_sbp and min_sbp is not None and sbp_limit is not None and min_sbp < sbp_limit))
        cur_enc = enc if enc_ts > t - neuro_w else None
        cur_neuro = neuro if neuro_ts > t - neuro_w else None

        # Episodes first: resolution may end the current CRS episode (and its fever masking) before t.
        if t >= crs_track.due:
            crs_track.advance(t)
        if t >= icans_track.due:
            icans_track.advance(t)
        onset_ts = crs_track.onset_ts
        if onset_ts > t:
            masked = False
        elif mask_ts:
            m = bisect_right(mask_ts, t)
            masked = m > 0 and mask_ts[m - 1] >= onset_ts

        oxy = oxygens[i]
        parts = (age, temp, masked, hypotension, vaso, oxy, cur_enc, cur_neuro)
        if parts != prev_parts:
            prev_parts = parts
            snap = Snapshot(
                age_years=age, weight_kg=weight, temperature_c=temp, fever_masked=masked,
                hypotension=hypotension, vasopressors=vaso, oxygen=oxy,
                ice=cur_enc.ice if cur_enc else None,
                ice_unable=cur_enc.ice_unable if cur_enc else None,
                capd=cur_enc.capd if cur_enc else None,
                capd_unable=cur_enc.capd_unable if cur_enc else False,
                consciousness=cur_neuro.consciousness if cur_neuro else None,
                seizure=cur_neuro.seizure if cur_neuro else None,
                motor_weakness=cur_neuro.motor_weakness if cur_neuro else None,
                icp_findings=cur_neuro.icp_findings if cur_neuro else frozenset(),
            )
            result = cache.get(snap)
            if result is None:
                result = cache[snap] = grade(snap)
            crs_r, icans_r, vaso_r = result.crs, result.icans, result.vasopressors
            crs_grade = crs_r.grade
            ig = icans_r.grade
            # Between changes the observations repeat, which the trackers ignore.
            crs_track.observe(t, at, crs_grade, crs_grade == 0 and not (temp is not None and temp >= fever_c))
            icans_track.observe(t, at, ig, ig == 0)
            if crs_track.onset_ts != onset_ts:
                j = i + 1  # a new CRS episode: a drug given at its onset masks from the next point on
        due = min(crs_track.due, icans_track.due)
        if j > i + 1 and due <= times[j - 1]:
            j = bisect_left(times, due, i + 1, j)  # an episode resolves inside the run: grade from there
        for at_j in ats[i:j]:  # each point built inline on the mutable twin (core.fastnew): no call per point
            point = new(point_twin)
            point.at = at_j
            point.snapshot = snap
            point.crs = crs_r
            point.icans = icans_r
            point.vasopressors = vaso_r
            point.__class__ = GradePoint
            append(point)
        run_starts.append(i)
        i = j

    crs_track.finish(generated_ts)
    icans_track.finish(generated_ts)
    return tuple(out), crs_track.episodes, icans_track.episodes, run_starts


def daily_max_grades(grades: Sequence[GradePoint], infusion_at: datetime, tz: tzinfo,
                     first: datetime, last: datetime, *,
                     run_starts: Sequence[int] | None = None) -> tuple[DailyMaxGrade, ...]:
    """The maximum CRS and ICANS grade of each ward-local day from ``first``'s day to ``last``'s day
    (clinical-rules §0), with the first time each maximum was reached. ``crs_max`` is None on a day with no
    grade point; ``icans_max`` None on a day where ICANS was never assessed. ``grades`` sorted by time.

    ``run_starts`` (optional, sorted): indices where a run of points sharing one CRS and one ICANS result
    starts (`build_timeline` knows them). Inside a run the grades repeat, so only a day's first point and
    the run starts within the day can first reach a maximum: a month of minute points is a few thousand
    looks instead of 43,200. Without it every point is looked at."""
    d0 = day_number(first, infusion_at, tz)
    d1 = day_number(last, infusion_at, tz)
    base = local_date(infusion_at, tz)
    starts: Sequence[int] = run_starts if run_starts is not None else range(len(grades))
    out: list[DailyMaxGrade] = []
    i = 0
    for d in range(d0, d1 + 1):
        start = day_start(d, infusion_at, tz).astimezone(UTC)
        end = day_start(d + 1, infusion_at, tz).astimezone(UTC)
        crs_max: int | None = None
        crs_at: datetime | None = None
        icans_max: int | None = None
        icans_at: datetime | None = None
        i = bisect_left(grades, start, i, key=_point_at)
        j = bisect_left(grades, end, i, key=_point_at)
        if j > i:
            looks = starts[bisect_right(starts, i):bisect_left(starts, j)]
            for p in map(grades.__getitem__, (i, *looks)):
                c = p.crs.grade
                if crs_max is None or c > crs_max:
                    crs_max, crs_at = c, p.at
                ig = p.icans.grade
                if ig is not None and (icans_max is None or ig > icans_max):
                    icans_max, icans_at = ig, p.at
        i = j
        out.append(DailyMaxGrade(day=d, date=base + timedelta(days=d), crs_max=crs_max, crs_max_at=crs_at,
                                 icans_max=icans_max, icans_max_at=icans_at))
    return tuple(out)


_point_at = attrgetter("at")


__all__ = [
    "DEFAULT_SETTINGS",
    "Grader",
    "TimelineSettings",
    "build_timeline",
    "completed_years",
    "daily_max_grades",
    "vasopressor_segments",
]
