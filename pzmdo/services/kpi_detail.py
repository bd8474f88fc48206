"""Spiegelinformatie around the figures: the patients behind a number (drill-down, audited),
the external denominators a coordinator enters, and the practices and teams to choose from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from pzmdo.domain import kpi as k
from pzmdo.domain.audit import AuditAction
from pzmdo.domain.consultations import Complexity, ConsultMode, TeamType
from pzmdo.domain.errors import NotFoundError, ValidationError
from pzmdo.domain.kpi import Denominator, Period
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import display_name
from pzmdo.services.consultations import _threshold_in
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.kpi import (
    AnySelect,
    Scope,
    _consultations,
    _deceased,
    _hospital,
    _new_markings,
    _prevalent,
    _require_in_scope,
    _response_days,
    _scope,
    _vptz_started,
)
from pzmdo.services.scope import (
    practice_clause,
    require_practice_in_scope,
    scope_of,
    team_clause,
)
from pzmdo.store.models import Patient, Practice
from pzmdo.store.models.kpi import KpiDenominator
from pzmdo.store.models.meetings import MeetingTeam


@dataclass(frozen=True)
class PatientRow:
    patient_id: int
    name: str
    birth_date: date


def _drill_query(s: Session, key: str, part: str, p: Period, scope: Scope) -> AnySelect:
    """The patient ids behind the numerator ("teller") or denominator ("noemer") of key."""
    d = k.BY_KEY.get(key)
    figure = key.split(".")[0]
    if (d is not None and not d.drill) or part not in ("teller", "noemer"):
        raise ValidationError(
            f"Achter '{key}' ({part}) staan geen patiënten om te tonen. "
            "Kies een kengetal dat over patiënten gaat."
        )
    numerator = part == "teller"
    condition: str | None
    if key in ("K1", "K1.extern", "K1.weken"):
        population = _deceased(s, p, scope)
        condition = "marked_before" if numerator or key == "K1.weken" else "not_unexpected"
        if key == "K1.extern" and not numerator:
            raise ValidationError(
                "De noemer van K1 (extern) komt uit het HIS; de patiënten erachter staan niet "
                "in het register."
            )
    elif key in ("K2",):
        population, condition = _new_markings(p, scope), None
    elif key in ("K2.prevalent",):
        population, condition = _prevalent(s, p, scope), None
    elif key in ("K3", "K3.dagen", "K5", "CZ", "K12.besproken"):
        population = _prevalent(s, p, scope)
        name = {"K3": "pzp", "K3.dagen": "pzp", "K5": "careplan", "CZ": "central"}.get(key, "vptz")
        condition = name if numerator or key == "K3.dagen" else None
    elif key == "K7":
        if not numerator:
            raise ValidationError(
                "De noemer van K7 is de lijst van het ziekenhuis; die patiënten staan niet in "
                "het register."
            )
        population, condition = _hospital(p, scope), None
    elif figure in ("K8", "K9"):
        population = _consultations(p, scope)
        condition = "advised" if key.startswith("K8") else None
    elif key == "K12":
        population, condition = _vptz_started(p, scope), None
    elif key in ("K12.dagen", "K13", "K13.wens"):
        population = _deceased(s, p, scope)
        if key == "K12.dagen":
            condition = "vptz_before"
        elif key == "K13":
            condition = "concordant" if numerator else "wish_known"
        else:
            condition = "wish_known" if numerator else None
    else:
        raise NotFoundError(f"Kengetal '{key}' bestaat niet. Kies een kengetal uit de lijst.")
    pop = population.query.subquery()
    query = select(pop.c.patient_id).distinct()
    if condition is not None:
        query = query.where(population.conditions[condition](pop))
    if figure == "K9" and key.count(".") == 2:
        _, group, label = key.split(".", 2)
        column, enum = {
            "vorm": (pop.c.mode, ConsultMode),
            "team": (pop.c.team_type, TeamType),
            "complexiteit": (pop.c.complexity, Complexity),
        }[group]
        codes = [m.value for m in enum if m.value == label]
        query = query.where(column.in_(codes) if codes else false())
    return query


def patients_behind(
    ctx: AppContext,
    key: str,
    part: str,
    start: date,
    end: date,
    practice_id: int | None = None,
    team_id: int | None = None,
) -> list[PatientRow]:
    """The patients counted in a measure's numerator ("teller") or denominator ("noemer").

    The listing is audited (no record is opened)."""
    require(ctx, Action.KPI_DRILLDOWN)
    _require_in_scope(ctx, practice_id, team_id)
    p = k.period(start, end)
    with ctx.unit() as s:
        scope = _scope(s, ctx, practice_id, team_id)
        ids: Any
        if key == "K8" and part == "teller":  # within the threshold: working days
            threshold = _threshold_in(s)
            ids = sorted({pid for pid, days in _response_days(s, p, scope) if days <= threshold})
        else:
            ids = select(_drill_query(s, key, part, p, scope).subquery().c.patient_id)
        rows = s.execute(
            select(
                Patient.id,
                Patient.given_name,
                Patient.name_prefix,
                Patient.family_name,
                Patient.birth_date,
            )
            .where(Patient.id.in_(ids))
            .order_by(Patient.family_name, Patient.given_name, Patient.id)
        ).all()
        ctx.audit(
            s,
            AuditAction.KPI_DRILLDOWN,
            entity="kengetal",
            detail={
                "kengetal": key,
                "deel": part,
                "periode": p.label(),
                "bereik": scope.label,
                "aantal": len(rows),
            },
        )
    return [PatientRow(r[0], display_name(r[1], r[2], r[3]), r[4]) for r in rows]


# -- external denominators ------------------------------------------------------------------


@dataclass(frozen=True)
class DenominatorRow:
    id: int
    practice_id: int
    practice_name: str
    kind: str
    kind_label: str
    start: date
    end: date
    count: int
    entered_by: str


def set_denominator(
    ctx: AppContext, practice_id: int, kind: str, start: date, end: date, count: int
) -> DenominatorRow:
    """Enter (or correct) an external count for one practice and period."""
    require(ctx, Action.KPI_DENOMINATORS)
    require_practice_in_scope(ctx, practice_id)
    p = k.period(start, end)
    try:
        what = Denominator(kind)
    except ValueError:
        raise ValidationError(
            f"'{kind}' is geen externe noemer. Kies: "
            + ", ".join(f"{d.value} ({d.label})" for d in Denominator)
            + "."
        ) from None
    if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= 1_000_000:
        raise ValidationError(
            "Het aantal moet een heel getal van 0 tot en met 1.000.000 zijn. Vul het aantal in."
        )
    with ctx.unit() as s:
        practice = s.get(Practice, practice_id)
        if practice is None:
            raise NotFoundError(
                f"Praktijk {practice_id} bestaat niet. Kies een praktijk uit de lijst."
            )
        row = s.scalars(
            select(KpiDenominator).where(
                KpiDenominator.practice_id == practice_id,
                KpiDenominator.kind == what.value,
                KpiDenominator.period_start == p.start,
                KpiDenominator.period_end == p.end,
            )
        ).first()
        previous = row.count if row is not None else None
        if row is None:
            row = KpiDenominator(
                practice_id=practice_id,
                kind=what.value,
                period_start=p.start,
                period_end=p.end,
                count=count,
                entered_by=ctx.user.login,
            )
            s.add(row)
        else:
            row.count = count
            row.entered_by = ctx.user.login
        s.flush()
        ctx.audit(
            s,
            AuditAction.KPI_DENOMINATOR,
            entity="kpi_denominator",
            entity_id=row.id,
            detail={
                "praktijk": practice.name,
                "soort": what.label,
                "periode": p.label(),
                "aantal": count,
                "was": previous,
            },
        )
        result = _denominator_row(row, practice.name)
    ctx.changes.publish("kpi_denominator", result.id)
    return result


def list_denominators(ctx: AppContext) -> list[DenominatorRow]:
    require(ctx, Action.KPI_AGGREGATE, Action.KPI_DENOMINATORS)
    with ctx.read() as s:
        rows = s.execute(
            select(KpiDenominator, Practice.name)
            .join(Practice, Practice.id == KpiDenominator.practice_id)
            .where(practice_clause(scope_of(s, ctx), Practice.id))
            .order_by(KpiDenominator.period_start.desc(), Practice.name, KpiDenominator.kind)
        ).all()
        return [_denominator_row(r[0], r[1]) for r in rows]


def _denominator_row(row: KpiDenominator, practice_name: str) -> DenominatorRow:
    return DenominatorRow(
        row.id,
        row.practice_id,
        practice_name,
        row.kind,
        Denominator(row.kind).label,
        row.period_start,
        row.period_end,
        row.count,
        row.entered_by,
    )


@dataclass(frozen=True)
class Choice:
    id: int
    name: str


def scope_choices(ctx: AppContext) -> tuple[list[Choice], list[Choice]]:
    """The practices and teams the user may choose as scope."""
    require(ctx, Action.KPI_AGGREGATE, Action.KPI_DENOMINATORS)
    with ctx.read() as s:
        seen = scope_of(s, ctx)
        practices = [
            Choice(r[0], r[1])
            for r in s.execute(
                select(Practice.id, Practice.name)
                .where(practice_clause(seen, Practice.id))
                .order_by(Practice.name)
            )
        ]
        teams = [
            Choice(r[0], r[1])
            for r in s.execute(
                select(MeetingTeam.id, MeetingTeam.name)
                .where(MeetingTeam.active.is_(True), team_clause(seen, MeetingTeam.id))
                .order_by(MeetingTeam.name)
            )
        ]
    return practices, teams
