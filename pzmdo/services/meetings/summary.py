"""The patient summary shown in meeting mode."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from pzmdo.domain.enums import PatientStatus
from pzmdo.domain.permissions import Action
from pzmdo.services import careplan, careteam, consultations, register
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_patient
from pzmdo.services.meetings.helpers import _action_infos, _patient_name
from pzmdo.services.meetings.results import PatientBrief
from pzmdo.services.meetings.team import _discipline_label
from pzmdo.services.scope import require_meeting_in_scope, require_patient_in_scope
from pzmdo.store.models import Person
from pzmdo.store.models.meetings import MeetingAction

# -- the patient summary for meeting mode ----------------------------------------------------


def patient_brief(ctx: AppContext, patient_id: int, meeting_id: int | None = None) -> PatientBrief:
    """Status, colour, centrale zorgverlener, team, plan highlights, open actions and
    consultations; the read is audited (``patient_open`` with the meeting)."""
    require(ctx, Action.MEETING_VIEW)
    require_patient_in_scope(ctx, patient_id)
    require_meeting_in_scope(ctx, meeting_id)
    today = date.today()
    with ctx.unit() as s:
        p = load_patient(s, patient_id)
        caregiver = ""
        if p.central_caregiver_id is not None:
            person = s.get(Person, p.central_caregiver_id)
            caregiver = f"{person.name} ({_discipline_label(person.discipline)})" if person else ""
        actions = _action_infos(
            s,
            list(
                s.scalars(
                    select(MeetingAction)
                    .where(MeetingAction.patient_id == patient_id, MeetingAction.done_on.is_(None))
                    .order_by(MeetingAction.due.is_(None), MeetingAction.due)
                )
            ),
            today,
        )
        ctx.record_opened(
            s, patient_id, new_view=True, detail={"via": "overleg", "overleg": meeting_id}
        )
        base: dict[str, Any] = dict(
            patient_id=p.id,
            name=_patient_name(p),
            birth_date=p.birth_date,
            age=today.year
            - p.birth_date.year
            - ((today.month, today.day) < (p.birth_date.month, p.birth_date.day)),
            status=p.status,
            status_label=PatientStatus(p.status).label,
            urgency_code=p.urgency or "",
            last_discussed_on=p.last_discussed_on,
            next_review_on=p.next_review_on,
            is_fictional=p.is_fictional,
            central_caregiver=caregiver,
        )
    label, colour = _urgency(ctx, base["urgency_code"])
    problems: list[str] = []
    team = _safe(lambda: _team_lines(ctx, patient_id), problems, "het zorgteam")
    plan = _safe(lambda: _plan_lines(ctx, patient_id), problems, "het zorgplan")
    consults = _safe(lambda: _consult_lines(ctx, patient_id), problems, "de consultaties")
    return PatientBrief(
        **base,
        urgency_label=label,
        urgency_colour=colour,
        team=tuple(team),
        plan_highlights=tuple(plan),
        open_actions=tuple(actions),
        open_consultations=tuple(consults),
        notes=tuple(problems),
    )


def _safe(fn: Any, problems: list[str], what: str) -> list[str]:
    """Another area's summary; a failure there must not stop the meeting."""
    try:
        return list(fn())
    except Exception:  # noqa: BLE001 - shown as "could not load", the meeting goes on
        problems.append(f"{what[0].upper()}{what[1:]} kon niet worden geladen.")
        return []


def _urgency(ctx: AppContext, code: str) -> tuple[str, str]:
    """The colour's label and hex value from the register's (configurable) levels."""
    if not code:
        return "", ""
    for level in register.urgency_levels_for(ctx):
        if level.code == code:
            return level.label, level.colour
    return code, ""


def _team_lines(ctx: AppContext, patient_id: int) -> list[str]:

    summary = careteam.team_summary(ctx, patient_id)
    lines = [f"{m.role_label}: {m.person.name}" for m in summary.members]
    return lines + list(summary.warnings)


def _plan_lines(ctx: AppContext, patient_id: int) -> list[str]:
    from pzmdo.domain import careplan as plan_domain

    plan = careplan.current_plan(ctx, patient_id)
    if plan is None:
        return ["Nog geen zorgplan (IZP) vastgelegd."]
    content = plan.content
    lines = [plan.header_text()]
    goal = plan_domain.label_of(plan_domain.GOAL, content.goal)
    if goal:
        lines.append(f"Doel: {goal}")
    place = plan_domain.label_of(plan_domain.PLACE_OF_DEATH, content.place_of_death)
    if place:
        lines.append(f"Gewenste plek van overlijden: {place}")
    lines += [f"{name}: {text}" for name, text in plan.limits_summary]
    return lines[:8]


def _consult_lines(ctx: AppContext, patient_id: int) -> list[str]:

    rows = consultations.list_consultations(ctx, patient_id=patient_id, open_only=True)
    return [
        f"{c.team_name}, aangevraagd {c.requested_at.astimezone():%d-%m-%Y}: {c.status_label}"
        for c in rows
    ]
