"""Agenda triggers (issue 17): the facts behind them, read in a few grouped queries, and
each team's settings (which triggers, how many weeks).

The settings are a JSON setting per team (``agenda_triggers.<team id>``) until the team
settings of issue 14 give them a column; without one the domain defaults hold.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from pzmdo.domain.agenda import AgendaCandidate, AgendaReason
from pzmdo.domain.agenda_triggers import (
    AT_RISK,
    MARKED_STATUSES,
    Trigger,
    TriggerFact,
    TriggerSettings,
    check_settings,
    settings_from_data,
    trigger_candidates,
)
from pzmdo.domain.audit import AuditAction
from pzmdo.domain.consultations import ConsultStatus
from pzmdo.domain.errors import NotFoundError
from pzmdo.domain.permissions import Action
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.meetings.helpers import _team
from pzmdo.services.meetings.results import MAX_REVIEW_PROPOSALS
from pzmdo.services.scope import require_team_in_scope
from pzmdo.store.models import Patient, Setting
from pzmdo.store.models.careplan import CarePlanVersion
from pzmdo.store.models.careteam import CarerBurdenCheck, Naaste, VptzEvent
from pzmdo.store.models.consultations import Consultation
from pzmdo.store.models.meetings import MeetingTeam

_BURDEN_RANK = {"laag": 0, "verhoogd": 1, "overbelast": 2}


def _key(team_id: int) -> str:
    return f"agenda_triggers.{team_id}"


def _settings(s: Session, team_id: int | None) -> TriggerSettings:
    if team_id is None:
        return TriggerSettings()
    row = s.get(Setting, _key(team_id))
    return settings_from_data(json.loads(row.value) if row else None)


def _resolve_team(s: Session, team_id: int | None, create: bool = False) -> MeetingTeam | None:
    if team_id is None:
        return _team(s, create=create)
    team = s.get(MeetingTeam, team_id)
    if team is None:
        raise NotFoundError("Dit team bestaat niet (meer). Ververs het overzicht.")
    return team


def trigger_settings(ctx: AppContext, team_id: int | None = None) -> TriggerSettings:
    """The team's trigger settings (the default team when none is given)."""
    require(ctx, Action.MEETING_VIEW)
    require_team_in_scope(ctx, team_id)
    with ctx.read() as s:
        team = _resolve_team(s, team_id)
        return _settings(s, team.id if team else None)


def save_trigger_settings(
    ctx: AppContext, settings: TriggerSettings, team_id: int | None = None
) -> TriggerSettings:
    """Switch triggers on or off for a team and set their weeks (who prepares, decides)."""
    require(ctx, Action.MEETING_PREPARE)
    require_team_in_scope(ctx, team_id)
    check_settings(settings)
    with ctx.unit() as s:
        team = _resolve_team(s, team_id, create=True)
        assert team is not None  # created when missing
        data = settings.to_data()
        row = s.get(Setting, _key(team.id))
        if row is None:
            s.add(Setting(key=_key(team.id), value=json.dumps(data)))
        else:
            row.value = json.dumps(data)
        ctx.audit(
            s,
            AuditAction.MEETING_TEAM_SAVED,
            entity="meeting_team",
            entity_id=team.id,
            detail={"agendatriggers": data},
        )
    ctx.changes.publish("meeting")
    return settings


# Per trigger the SQL picks a few times the cap, oldest first; the domain rule then decides.
_HEADROOM = 4 * MAX_REVIEW_PROPOSALS


def _candidate_ids(
    s: Session, settings: TriggerSettings, today: date, interval_days: int, practices: list[int]
) -> set[int]:
    """Patients a trigger may hold for: a bounded set, fast at 100,000 patients."""
    on = settings.enabled
    marked = and_(Patient.status.in_(MARKED_STATUSES), Patient.practice_id.in_(practices))
    arose = func.coalesce(Patient.marked_on, Patient.status_since)
    ids: set[int] = set()

    def take(q: Any) -> None:
        ids.update(s.scalars(q.limit(_HEADROOM)))

    if Trigger.NO_CENTRAL_CAREGIVER in on:
        take(
            select(Patient.id)
            .where(
                marked,
                # "+ 0" keeps the planner off the caregiver index: most patients have no
                # caregiver, so that index reads the whole region (51 ms -> 0.3 ms, issue 20).
                (Patient.central_caregiver_id + 0).is_(None),
                or_(Patient.last_discussed_on.is_(None), Patient.last_discussed_on <= arose),
            )
            .order_by(arose, Patient.id)
        )
    if Trigger.NO_CAREPLAN in on:
        has_plan = exists().where(CarePlanVersion.patient_id == Patient.id)
        due = today - timedelta(weeks=settings.careplan_weeks)
        take(select(Patient.id).where(marked, ~has_plan, arose <= due).order_by(arose, Patient.id))
    if Trigger.CAREPLAN_NOT_REVIEWED in on:
        latest = (
            select(
                CarePlanVersion.patient_id.label("pid"),
                func.max(CarePlanVersion.effective_on).label("plan_on"),
            )
            .group_by(CarePlanVersion.patient_id)
            .subquery()
        )
        take(
            select(Patient.id)
            .join(latest, latest.c.pid == Patient.id)
            .where(marked, latest.c.plan_on <= today - timedelta(days=interval_days))
            .order_by(latest.c.plan_on, Patient.id)
        )
    if on & {Trigger.STERVENSFASE_STARTED, Trigger.CAREPLAN_NOT_REVIEWED}:
        take(
            select(Patient.id)
            .where(Patient.status == "stervensfase", Patient.practice_id.in_(practices))
            .order_by(Patient.status_since.desc(), Patient.id)
        )
    return ids


def _facts(
    s: Session, settings: TriggerSettings, today: date, interval_days: int, practices: list[int]
) -> list[TriggerFact]:
    """One fact per patient of the team's ``practices`` a trigger may hold for; each extra
    fact is one grouped query."""
    # Carers and advice concern few patients: all of them are candidates.
    latest = (
        select(CarerBurdenCheck.naaste_id, func.max(CarerBurdenCheck.id).label("last_id"))
        .group_by(CarerBurdenCheck.naaste_id)
        .subquery()
    )
    burden: dict[int, tuple[str, date]] = {}
    for pid, outcome, on in s.execute(
        select(Naaste.patient_id, CarerBurdenCheck.outcome, CarerBurdenCheck.checked_on)
        .join(latest, latest.c.naaste_id == Naaste.id)
        .join(CarerBurdenCheck, CarerBurdenCheck.id == latest.c.last_id)
        .join(Patient, Patient.id == Naaste.patient_id)
        .where(
            Naaste.active.is_(True),
            Patient.status.in_(MARKED_STATUSES),
            Patient.practice_id.in_(practices),
        )
    ):
        known = burden.get(pid)
        if known is None or _BURDEN_RANK.get(outcome, 0) > _BURDEN_RANK.get(known[0], 0):
            burden[pid] = (outcome, on)
    advice: dict[int, date] = {}
    for pid, at in s.execute(
        select(Consultation.patient_id, func.min(Consultation.advice_at))
        .join(Patient, Patient.id == Consultation.patient_id)
        .where(
            Patient.practice_id.in_(practices),
            Consultation.status == ConsultStatus.ADVIES_GEGEVEN.value,
            Consultation.processed_at.is_(None),
            Consultation.advice_at.is_not(None),
        )
        .group_by(Consultation.patient_id)
    ):
        if at is not None:
            advice[pid] = at.astimezone().date()
    ids = _candidate_ids(s, settings, today, interval_days, practices)
    ids |= {pid for pid, (outcome, _on) in burden.items() if outcome in AT_RISK}
    ids |= set(advice)
    if not ids:
        return []
    wanted = sorted(ids)
    base = s.execute(
        select(
            Patient.id,
            Patient.status,
            Patient.marked_on,
            Patient.status_since,
            Patient.last_discussed_on,
            Patient.central_caregiver_id,
        ).where(Patient.status.in_(MARKED_STATUSES), Patient.id.in_(wanted))
    ).all()
    plans = dict(
        s.execute(
            select(CarePlanVersion.patient_id, func.max(CarePlanVersion.effective_on))
            .where(CarePlanVersion.patient_id.in_(wanted))
            .group_by(CarePlanVersion.patient_id)
        ).all()
    )
    vptz = dict(
        s.execute(
            select(VptzEvent.patient_id, func.count())
            .where(VptzEvent.patient_id.in_([pid for pid, o in burden.items() if o[0] in AT_RISK]))
            .group_by(VptzEvent.patient_id)
        ).all()
    )
    return [
        TriggerFact(
            patient_id=pid,
            status=status,
            marked_on=marked_on,
            status_since=since,
            last_discussed_on=last,
            has_central_caregiver=cz is not None,
            plan_on=plans.get(pid),
            burden=burden.get(pid, (None, None))[0],
            burden_on=burden.get(pid, (None, None))[1],
            vptz_steps=vptz.get(pid, 0),
            advice_on=advice.get(pid),
        )
        for pid, status, marked_on, since, last, cz in base
    ]


def _trigger_candidates(
    s: Session, team: MeetingTeam | None, today: date, since: date | None, practices: list[int]
) -> list[AgendaCandidate]:
    """Inside the agenda builder's unit: the enabled triggers of the meeting's team, for the
    patients of the team's ``practices``."""
    settings = _settings(s, team.id if team else None)
    if not settings.enabled:
        return []
    interval = (team.review_interval_weeks if team else 8) * 7
    found = trigger_candidates(
        _facts(s, settings, today, interval, practices), settings, today, interval, since
    )
    # A large register must not flood one agenda: per reason the oldest few, like review.
    found.sort(key=lambda c: (c.since or date.min, c.patient_id or 0))
    per_reason: dict[AgendaReason, int] = {}
    kept = []
    for c in found:
        per_reason[c.reason] = per_reason.get(c.reason, 0) + 1
        if per_reason[c.reason] <= MAX_REVIEW_PROPOSALS:
            kept.append(c)
    return kept
