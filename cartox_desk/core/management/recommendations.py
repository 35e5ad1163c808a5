"""Selecting protocol rows for a patient: CRS (clinical-rules §4), ICANS (§5) and the other sections.

Each row's condition ("when") is evaluated against the context: it applies, is shown with its condition
for the physician to judge (conditional), cannot be decided for missing data (not assessable), or does not
apply (dropped). In the CRS / ICANS tables a not-assessable row stays visible; in the other sections it is
listed under `not_assessable` instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from cartox_desk.core.management.alerts import Escalation, fever_persisting
from cartox_desk.core.management.context import (
    ANTI_IL6,
    NHL_DIAGNOSES,
    Analyte,
    Diagnosis,
    ManagementContext,
    Medication,
    Target,
)
from cartox_desk.core.management.model import (
    FlagStatus,
    HematotoxScore,
    NotAssessable,
    Params,
    Recommendation,
    Status,
    params,
)
from cartox_desk.core.management.protocol import ProtocolRow

Outcome = tuple[Status | None, tuple[str, ...], Params]


@dataclass(frozen=True, slots=True)
class Facts:
    """What several conditions share, computed once per plan."""

    escalation: Escalation | None
    gust: FlagStatus
    hematotox: HematotoxScore | None


def evaluate(row: ProtocolRow, ctx: ManagementContext, facts: Facts) -> Outcome:
    """(status or None when the row does not apply, missing inputs, extra params) for one row."""
    w = row.when
    crs = ctx.crs_grade
    anti_il6 = bool(ctx.given(ANTI_IL6))
    if w == "always":
        return Status.APPLIES, (), ()
    if w == "b_all_high_burden":
        if ctx.diagnosis is None:
            return Status.NOT_ASSESSABLE, ("diagnosis",), ()
        if ctx.diagnosis != Diagnosis.B_ALL:
            return None, (), ()
        if ctx.marrow_blasts_pct is None:
            return Status.NOT_ASSESSABLE, ("marrow_blasts_pct",), ()
        if ctx.marrow_blasts_pct >= row.number("blasts_pct_min"):
            # "persistent high fever" has no number in the spec: the physician judges it.
            return Status.CONDITIONAL, (), params(marrow_blasts_pct=ctx.marrow_blasts_pct)
        return None, (), ()
    if w == "fever_persisting":
        persisting = fever_persisting(ctx, row.number("days"))
        if persisting is None:
            return Status.NOT_ASSESSABLE, ("temperatures",), ()
        return (Status.APPLIES if persisting else None), (), ()
    if w == "tocilizumab_not_given":
        return (None if ctx.given([Medication.TOCILIZUMAB]) else Status.APPLIES), (), ()
    if w == "concurrent_crs_no_anti_il6":
        if crs is None:
            return Status.NOT_ASSESSABLE, ("crs_grade",), ()
        return (Status.APPLIES if crs >= 1 and not anti_il6 else None), (), ()
    if w == "anti_il6_failed_or_no_crs":
        if crs is None:
            return Status.NOT_ASSESSABLE, ("crs_grade",), ()
        if crs == 0 or anti_il6:
            return Status.APPLIES, (), ()
        return Status.CONDITIONAL, (), ()  # concurrent CRS, no anti-IL-6 yet: "if anti-IL-6 fails"
    if w == "concurrent_crs_at_least":
        if crs is None:
            return Status.NOT_ASSESSABLE, ("crs_grade",), ()
        return (Status.APPLIES if crs >= row.number("crs_grade_min") else None), (), ()
    if w == "severe_neurotox_likely":
        # The Gust tree (REVIEW-2022 §2.1) predicts grade >= 4 neurotoxicity: then the row applies.
        return (Status.APPLIES if facts.gust == FlagStatus.PRESENT else Status.CONDITIONAL), (), ()
    if w in ("if_refractory", "if_no_steroid_response", "if_no_response", "if_neutropenic", "if_high_risk"):
        return Status.CONDITIONAL, (), ()
    if w == "if_no_improvement":
        return (Status.APPLIES if facts.escalation is not None else Status.CONDITIONAL), (), ()
    if w in ("if_hypoxia", "if_hypotension", "seizure", "cerebral_edema", "hbv_positive"):
        value = {"if_hypoxia": ctx.crs_hypoxia, "if_hypotension": ctx.crs_hypotension, "seizure": ctx.seizure,
                 "cerebral_edema": ctx.cerebral_edema, "hbv_positive": ctx.hbv_positive}[w]
        if value is None:
            return Status.CONDITIONAL, (), ()
        if value:
            return Status.APPLIES, (), ()
        # A recorded "no" drops a CRS support row; the seizure / edema notes stay as "if ..." advice.
        return (Status.CONDITIONAL if w in ("seizure", "cerebral_edema") else None), (), ()
    if w in ("dx_b_all", "dx_nhl", "dx_mm"):
        dx = ctx.diagnosis
        match = {"dx_b_all": dx == Diagnosis.B_ALL, "dx_nhl": dx in NHL_DIAGNOSES,
                 "dx_mm": dx == Diagnosis.MM}[w]
        return (Status.APPLIES if match else None), (), ()
    if w == "target_gprc5d":
        return (Status.APPLIES if ctx.target == Target.GPRC5D else None), (), ()
    if w == "igg_at_most":
        igg = ctx.latest(Analyte.IGG)
        if igg is None:
            return Status.NOT_ASSESSABLE, ("igg",), ()
        ok = igg.value <= row.number("igg_mg_dl_max")
        return (Status.APPLIES if ok else None), (), params(igg_mg_dl=igg.value, igg_at=igg.at)
    if w == "b_all_igg_below_recurrent_infections":
        if ctx.diagnosis != Diagnosis.B_ALL:
            return None, (), ()
        igg = ctx.latest(Analyte.IGG)
        if igg is None:
            return Status.NOT_ASSESSABLE, ("igg",), ()
        if igg.value >= row.number("igg_mg_dl_below") or ctx.recurrent_infections is False:
            return None, (), ()
        status = Status.APPLIES if ctx.recurrent_infections else Status.CONDITIONAL
        return status, (), params(igg_mg_dl=igg.value, igg_at=igg.at)
    if w == "anc_below":
        anc = ctx.latest(Analyte.ANC)
        if anc is None:
            return Status.NOT_ASSESSABLE, ("anc",), ()
        ok = anc.value < row.number("anc_1e9_l_below")
        return (Status.APPLIES if ok else None), (), params(anc_1e9_l=anc.value, anc_at=anc.at)
    if w == "hematotox_high":
        h = facts.hematotox
        if h is None or h.risk == "not_assessable":
            return Status.NOT_ASSESSABLE, ("car_hematotox",), ()
        return (Status.APPLIES if h.risk == "high" else None), (), params(score=h.score)
    raise ValueError(f"unknown condition {w!r}")  # the loader rejects these first


def _row_params(row: ProtocolRow) -> Params:
    return params(**{k: v for k, v in row.params})


def select(rows: tuple[ProtocolRow, ...], ctx: ManagementContext, facts: Facts, applies_to: str,
           grade: int | None = None, keep_not_assessable: bool = True, escalation: bool = False,
           force: Status | None = None) -> tuple[list[Recommendation], list[NotAssessable]]:
    """Evaluate rows; `force` overrides an applicable row's status (e.g. refractory rows on escalation)."""
    recs: list[Recommendation] = []
    missing: list[NotAssessable] = []
    for row in rows:
        status, needs, extra = evaluate(row, ctx, facts)
        if status is None:
            continue
        if status == Status.NOT_ASSESSABLE and not keep_not_assessable:
            missing.append(NotAssessable(row.code, row.source, needs))
            continue
        if force is not None and status != Status.NOT_ASSESSABLE:
            status = force
        p = _row_params(row) + extra + ((("missing", ",".join(needs)),) if needs else ())
        recs.append(Recommendation(code=row.code, source=row.source, applies_to=applies_to, kind=row.kind,
                                   status=status, grade=grade, params=p, doses=row.doses,
                                   escalation=escalation))
    return recs, missing
