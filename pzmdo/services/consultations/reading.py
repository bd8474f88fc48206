"""Reading consultations: lists, overdue, workload per team, agenda reasons."""

from __future__ import annotations

import statistics
from collections.abc import Collection, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import ColumnElement, select, true
from sqlalchemy.orm import Session

from pzmdo.domain.agenda import AgendaCandidate, AgendaReason
from pzmdo.domain.consultations import (
    OPEN_STATUSES,
    ConsultStatus,
    TeamType,
    format_working_days,
    to_local,
)
from pzmdo.domain.permissions import Action
from pzmdo.services.consultations.helpers import _info, _now, _single, _threshold_in
from pzmdo.services.consultations.results import ConsultationInfo, TeamLoad
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_consultation
from pzmdo.services.scope import (
    patient_clause,
    require_patient_in_scope,
    require_row_in_scope,
    scope_of,
)
from pzmdo.store.models import Patient
from pzmdo.store.models.consultations import Consultation, ConsultTeam

# -- reading --------------------------------------------------------------------------------


def _query_infos(
    ctx: AppContext,
    s: Session,
    where: Sequence[ColumnElement[bool]] = (),
    now: datetime | None = None,
) -> list[ConsultationInfo]:
    now = now or _now()
    threshold = _threshold_in(s)
    query = (
        select(Consultation, Patient)
        .join(Patient, Patient.id == Consultation.patient_id)
        .where(*where, patient_clause(scope_of(s, ctx)))  # need to know
        .order_by(Consultation.requested_at.desc(), Consultation.id.desc())
    )
    names: dict[int, str] = {}
    return [_info(s, c, p, now, threshold, names) for c, p in s.execute(query).unique()]


def list_consultations(
    ctx: AppContext, patient_id: int | None = None, open_only: bool = False
) -> list[ConsultationInfo]:
    """Consultations, newest request first; ``open_only``: still waiting for advice."""
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    where: list[ColumnElement[bool]] = []
    if patient_id is not None:
        where.append(Consultation.patient_id == patient_id)
    if open_only:
        where.append(Consultation.status.in_([s.value for s in OPEN_STATUSES]))
    if patient_id is None:
        with ctx.read() as s:
            return _query_infos(ctx, s, where)
    with ctx.unit() as s:
        ctx.record_opened(s, patient_id)
        return _query_infos(ctx, s, where)


def get_consultation(ctx: AppContext, consultation_id: int) -> ConsultationInfo:
    require(ctx, Action.VIEW_RECORD)
    require_row_in_scope(ctx, Consultation, consultation_id)
    with ctx.unit() as s:
        c = load_consultation(s, consultation_id)
        ctx.record_opened(s, c.patient_id)
        return _single(ctx, s, c)


def overdue_consultations(ctx: AppContext, now: datetime | None = None) -> list[ConsultationInfo]:
    """Open consultations without advice after more than the threshold of working days."""
    require(ctx, Action.VIEW_RECORD)
    with ctx.read() as s:
        infos = _query_infos(
            ctx, s, [Consultation.status.in_([st.value for st in OPEN_STATUSES])], now
        )
    return [i for i in infos if i.overdue]


def per_team(ctx: AppContext, since: date | None = None) -> list[TeamLoad]:
    """Per team: open, overdue, advised and the median response time (request → advice)."""
    require(ctx, Action.KPI_AGGREGATE)
    with ctx.read() as s:
        where = []
        if since is not None:
            where.append(
                Consultation.requested_at >= datetime.combine(since, datetime.min.time(), UTC)
            )
        infos = _query_infos(ctx, s, where)
        teams = list(s.scalars(select(ConsultTeam).order_by(ConsultTeam.name)).unique())
    loads = []
    for team in teams:
        mine = [i for i in infos if i.team_id == team.id]
        if not team.active and not mine:
            continue
        responses = [i.response_working_days for i in mine if i.response_working_days is not None]
        loads.append(
            TeamLoad(
                team_id=team.id,
                team_name=team.name,
                type_label=TeamType(team.team_type).label,
                subregion=team.subregion,
                open=sum(1 for i in mine if i.is_open),
                overdue=sum(1 for i in mine if i.overdue),
                advised=sum(1 for i in mine if i.advice_at is not None),
                total=len(mine),
                median_response_working_days=statistics.median(responses) if responses else None,
            )
        )
    return loads


def agenda_candidates(
    ctx: AppContext,
    since: date | None,
    today: date,
    practice_ids: Collection[int] | None = None,
) -> list[AgendaCandidate]:
    """Open consultations (overdue ones say so) and advice received since the last meeting;
    with ``practice_ids`` only for patients of those practices (a team's agenda)."""
    require(ctx, Action.MEETING_PREPARE)
    now = _now()
    with ctx.read() as s:
        where = [
            Patient.practice_id.in_(list(practice_ids)) if practice_ids is not None else true(),
            Consultation.status.in_(
                [
                    ConsultStatus.AANGEVRAAGD.value,
                    ConsultStatus.IN_BEHANDELING.value,
                    ConsultStatus.ADVIES_GEGEVEN.value,
                    ConsultStatus.AFGESLOTEN.value,
                ]
            ),
        ]
        infos = _query_infos(ctx, s, where, now)
    out = []
    for i in reversed(infos):  # oldest request first
        requested = to_local(i.requested_at).date()
        if i.is_open:
            state = "nog geen advies" if i.status == "aangevraagd" else "in behandeling"
            detail = (
                f"consultatie {i.team_name} aangevraagd op {requested:%d-%m-%Y} "
                f"({i.mode_label.lower()}), {state}"
            )
            if i.overdue:
                detail += f": te laat ({format_working_days(i.elapsed_working_days)})"
            out.append(
                AgendaCandidate(
                    i.patient_id,
                    AgendaReason.OPEN_CONSULTATION_OR_OVERDUE_ACTION,
                    detail,
                    requested,
                )
            )
            continue
        if i.advice_at is None:
            continue
        advised = to_local(i.advice_at).date()
        fresh = since is None or advised >= since
        unprocessed = i.processed_at is None
        if (i.status == ConsultStatus.ADVIES_GEGEVEN.value and unprocessed) or (
            fresh and since is not None and advised <= today
        ):
            what = "nog te verwerken" if unprocessed else "verwerkt"
            out.append(
                AgendaCandidate(
                    i.patient_id,
                    AgendaReason.OPEN_CONSULTATION_OR_OVERDUE_ACTION,
                    f"advies van {i.team_name} ontvangen op {advised:%d-%m-%Y} ({what})",
                    advised,
                )
            )
    return out
