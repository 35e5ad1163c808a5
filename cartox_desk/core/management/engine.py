"""The top-level entry point: `recommend(context, protocol) -> ManagementPlan` and its JSON form."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from cartox_desk.core.clinical_time import local_date
from cartox_desk.core.management import alerts as alerts_mod
from cartox_desk.core.management import hematotox, icaht, iechs, prophylaxis, risk
from cartox_desk.core.management.dosing import (
    daily_range_mg,
    ivig_course,
    taper_schedule,
    tocilizumab_dose,
    weight_based,
)
from cartox_desk.core.management.model import (
    Alert,
    DailyTotal,
    ManagementPlan,
    NotAssessable,
    Recommendation,
    ScheduledDay,
    Severity,
    Status,
    TaperStep,
    WeightBasedDose,
    params,
)
from cartox_desk.core.management.protocol import Protocol, ProtocolRow, default_protocol
from cartox_desk.core.management.recommendations import Facts, select

from .context import ManagementContext

_SEVERITY_ORDER = {Severity.URGENT: 0, Severity.WARNING: 1, Severity.INFO: 2}
_ACTIVE = (Status.APPLIES, Status.CONDITIONAL)
_STEROIDS = ("dexamethasone", "methylprednisolone")


def recommend(context: ManagementContext, protocol: Protocol | None = None) -> ManagementPlan:
    """Management advice for one patient now (clinical-rules §4-§9), from `protocol`'s rows.

    Advice for the physician, each item with its source; missing data give "not assessable", never a
    reassuring result. Pure apart from `protocol=None`, which loads the default protocol file.
    Grade 5 (death, recorded by the physician) gives no management rows.
    """
    ctx = context
    if ctx.now.tzinfo is None:
        raise ValueError("ManagementContext.now must be timezone-aware")
    for name in ("crs_grade", "icans_grade", "iechs_grade"):
        value = getattr(ctx, name)
        if value is not None and not 0 <= value <= 5:
            raise ValueError(f"ManagementContext.{name} must be 0-5 or None, found {value!r}")
    if protocol is None:
        protocol = default_protocol()
    recs: list[Recommendation] = []
    missing: list[NotAssessable] = []
    out_alerts: list[Alert] = []

    hema = hematotox.from_context(ctx)
    flag_list = risk.flags(ctx)
    gust = next(f for f in flag_list if f.code == "risk.gust_high")
    escalation = alerts_mod.crs_escalation(ctx, protocol.escalation_hours)
    facts = Facts(escalation=escalation, gust=gust.status, hematotox=hema)

    def add(new: list[Recommendation]) -> None:
        seen = {(r.code, r.applies_to) for r in recs}
        recs.extend(r for r in new if (r.code, r.applies_to) not in seen)

    def run(rows: tuple[ProtocolRow, ...], applies_to: str, **kw: Any) -> list[Recommendation]:
        got, na = select(rows, ctx, facts, applies_to, **kw)
        missing.extend(na)
        add(got)
        return got

    crs, icans = ctx.crs_grade, ctx.icans_grade
    if crs is None:
        missing.append(NotAssessable("crs.management", protocol.escalation_source, ("crs_grade",)))
    elif 1 <= crs <= 4:
        got = run(protocol.rows("crs", crs), "crs", grade=crs)
        persisting = [r for r in got if r.status == Status.APPLIES
                      and r.code.startswith("crs.g1.fever_persisting")] if crs == 1 else []
        if persisting:  # the number of days is the protocol row's, never retyped here
            out_alerts.append(Alert("crs.escalate.fever_persisting", "ASCO-2021", Severity.WARNING,
                                    params(grade=crs, days=persisting[0].param("days") or "?")))
        if escalation is not None:
            severity = Severity.URGENT if escalation.status == "worse" else Severity.WARNING
            out_alerts.append(Alert(f"crs.escalate.{escalation.status}", protocol.escalation_source, severity,
                                    params(grade=crs, grade_at_treatment=escalation.grade_at_treatment,
                                           treatment_at=escalation.treatment_at,
                                           hours=protocol.escalation_hours, next_grade=min(crs + 1, 4))))
            if crs < 4:
                run(protocol.rows("crs", crs + 1), "crs", grade=crs + 1, escalation=True)
        run(protocol.section("crs_notes"), "crs")

    if icans is None:
        missing.append(NotAssessable("icans.management", "CSCO-2024 §4.2.2", ("icans_grade",)))
    elif 1 <= icans <= 4:
        run(protocol.rows("icans", icans), "icans", grade=icans)
        run(protocol.section("icans_notes"), "icans")

    worst = max(crs or 0, icans or 0)
    if 1 <= worst <= 4:
        run(protocol.section("population_notes"), "population")
    if 3 <= worst <= 4 or escalation is not None:
        run(protocol.section("refractory"), "refractory",
            force=Status.APPLIES if escalation is not None and crs == 4 else None)

    hlh = alerts_mod.hlh_alerts(ctx)
    out_alerts.extend(hlh)
    if hlh:
        run(protocol.section("hlh_mas"), "hlh_mas", keep_not_assessable=False)
    if crs is not None and 3 <= crs <= 4:
        run(protocol.section("carac"), "carac")
    if ctx.iechs_grade is not None and 1 <= ctx.iechs_grade <= 4:
        run(protocol.section("iechs"), "iechs", grade=ctx.iechs_grade)
    screen = iechs.screen(ctx)
    if isinstance(screen, Alert):
        out_alerts.append(screen)
    elif isinstance(screen, NotAssessable):
        missing.append(screen)

    run(protocol.section("hypogammaglobulinemia"), "hypogammaglobulinemia", keep_not_assessable=False)
    out_alerts.extend(alerts_mod.hypogamma_alerts(ctx))
    run(protocol.section("icaht"), "icaht", keep_not_assessable=False)
    run(protocol.section("prophylaxis"), "prophylaxis", keep_not_assessable=False)
    run(protocol.section("monitoring"), "monitoring", keep_not_assessable=False)

    for check in (alerts_mod.fever_workup(ctx), prophylaxis.gm_csf_alert(ctx),
                  prophylaxis.expansion_due_today(ctx), alerts_mod.abnormal_expansion(ctx)):
        if isinstance(check, Alert):
            out_alerts.append(check)
        elif isinstance(check, NotAssessable):
            missing.append(check)

    if hema.risk == "high":
        out_alerts.append(Alert("hematotox.high", hema.source, Severity.INFO, params(score=hema.score)))
    elif hema.risk == "not_assessable":
        missing.append(NotAssessable("hematotox.score", hema.source, hema.missing))
    icaht_results = icaht.from_context(ctx)
    for res in icaht_results:
        if res.grade is not None and res.grade >= 1:
            out_alerts.append(Alert(f"icaht.{res.kind}.grade", res.source,
                                    Severity.WARNING if res.grade >= 3 else Severity.INFO,
                                    params(grade=res.grade, provisional=res.provisional)))
    if not icaht_results:
        needs = ("anc",) if ctx.infusion_at is not None else ("infusion_at",)
        missing.append(NotAssessable("icaht.early", "EHA-EBMT-2023; CSCO-2024 §4.5", needs))

    # Calculators for the rows shown.
    by_code: dict[str, ProtocolRow] = {r.code: r for r in protocol.all_rows()}
    active = [r for r in recs if r.status in _ACTIVE]
    toci = None
    if any(by_code[r.code].calculator == "tocilizumab" for r in active if r.code in by_code):
        toci = tocilizumab_dose(ctx.weight_kg, ctx.administrations, ctx.now, protocol.tocilizumab)
        out_alerts.extend(alerts_mod.tocilizumab_alerts(toci, protocol.tocilizumab.source_24h,
                                                        protocol.tocilizumab.source_total))
        icans_toci = by_code.get("icans.tocilizumab_concurrent_crs")
        icans_limit = None if icans_toci is None else icans_toci.param("max_doses")
        if icans is not None and 1 <= icans <= 4 and toci.doses_given >= 2 and icans_limit is not None:
            # CSCO-2024 §4.2.2: in ICANS with concurrent CRS, 2-3 tocilizumab doses in total at most.
            out_alerts.append(Alert("tocilizumab.icans_total", "CSCO-2024 §4.2.2", Severity.WARNING,
                                    params(doses_given=toci.doses_given, max_doses=icans_limit)))
    weight_doses: list[WeightBasedDose] = []
    for r in active:
        row = by_code.get(r.code)
        if row is not None and row.calculator == "weight_based":
            for spec in row.doses:
                wb = weight_based(r.code, spec, ctx.weight_kg, r.source)
                if wb is not None and wb not in weight_doses:
                    weight_doses.append(wb)
    if any(w.amount_min is None for w in weight_doses):
        missing.append(NotAssessable("dose.weight_based", "clinical-rules §4", ("weight_kg",)))
    totals: list[DailyTotal] = []
    for r in active:
        row = by_code.get(r.code)
        if row is None or row.calculator == "methylprednisolone_taper":
            continue  # the taper has its own dated steps
        for spec in r.doses:
            if spec.drug not in _STEROIDS:
                continue
            rng = daily_range_mg(spec)
            if rng is not None and spec.interval is not None:
                factor = 1000.0 if spec.unit == "g" else 1.0
                total = DailyTotal(code=r.code, drug=spec.drug, dose_mg_min=spec.amount_min * factor,
                                   dose_mg_max=spec.amount_max * factor, interval=spec.interval,
                                   daily_mg_min=rng[0], daily_mg_max=rng[1], source=r.source)
                if total not in totals:
                    totals.append(total)
    taper: tuple[TaperStep, ...] = ()
    if any(by_code[r.code].calculator == "methylprednisolone_taper" for r in active if r.code in by_code):
        taper = taper_schedule(ctx.taper_start or ctx.now.date(), protocol.taper)
    schedule: list[ScheduledDay] = []
    if ctx.infusion_at is not None:
        schedule.extend(prophylaxis.expansion_schedule(local_date(ctx.infusion_at, ctx.zone)))
    ivig = next((r for r in active if r.code == "hypogamma.ivig"), None)
    if ivig is not None and by_code.get("hypogamma.ivig") is not None and by_code["hypogamma.ivig"].doses:
        days = _days(by_code["hypogamma.ivig"].doses[0].duration)
        if days:
            schedule.extend(ivig_course(ctx.now.date(), days, ivig.source))

    out_alerts.sort(key=lambda a: _SEVERITY_ORDER[a.severity])
    return ManagementPlan(
        protocol_id=protocol.id, protocol_version=protocol.version, generated_at=ctx.now, crs_grade=crs,
        icans_grade=icans, recommendations=tuple(recs), alerts=tuple(out_alerts), tocilizumab=toci,
        weight_based_doses=tuple(weight_doses), daily_totals=tuple(totals), taper=taper,
        schedule=tuple(schedule), flags=flag_list,
        hematotox=hema, icaht=icaht_results, not_assessable=tuple(missing))


def _days(duration: str | None) -> int | None:
    if not duration or not duration.endswith(" d"):
        return None
    head = duration[:-2]
    return int(head) if head.isdigit() else None


def plan_to_json(plan: ManagementPlan, lang: str = "en") -> dict[str, Any]:
    """A JSON-ready dict of the plan; every item carries its code, source, params and a sentence in `lang`."""
    from cartox_desk.core.management.texts import describe

    def item(obj: Any) -> Any:
        data = _jsonable(obj)
        if isinstance(data, dict):
            data["text"] = describe(obj, lang)
        return data

    return {
        "protocol": {"id": plan.protocol_id, "version": plan.protocol_version},
        "generated_at": plan.generated_at.isoformat(),
        "lang": lang,
        "crs_grade": plan.crs_grade,
        "icans_grade": plan.icans_grade,
        "recommendations": [item(r) for r in plan.recommendations],
        "alerts": [item(a) for a in plan.alerts],
        "tocilizumab": None if plan.tocilizumab is None else item(plan.tocilizumab),
        "weight_based_doses": [item(w) for w in plan.weight_based_doses],
        "daily_totals": [item(d) for d in plan.daily_totals],
        "taper": [item(s) for s in plan.taper],
        "schedule": [item(s) for s in plan.schedule],
        "flags": [item(f) for f in plan.flags],
        "hematotox": None if plan.hematotox is None else item(plan.hematotox),
        "icaht": [item(i) for i in plan.icaht],
        "not_assessable": [item(n) for n in plan.not_assessable],
    }


def _jsonable(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {}
        for f in fields(obj):
            value = getattr(obj, f.name)
            if f.name in ("params", "points", "values") and isinstance(value, tuple):
                out[f.name] = {k: v for k, v in value}
            else:
                out[f.name] = _jsonable(value)
        if hasattr(obj, "allowed"):
            out["allowed"] = obj.allowed
        return out
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if isinstance(obj, tuple | list):
        return [_jsonable(v) for v in obj]
    return obj
