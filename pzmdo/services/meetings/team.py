"""People and the team settings of MDO / PaTz meetings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from sqlalchemy import func, select

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import Discipline
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.meetings import (
    DEFAULT_MINUTES_PER_PATIENT,
    DEFAULT_REVIEW_INTERVAL_WEEKS,
    TeamKind,
    default_cadence_weeks,
    next_meeting_on,
    validate_cadence,
    validate_review_interval,
)
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_line
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.meetings.helpers import _check_person, _parse_time, _team, _today
from pzmdo.services.meetings.results import PersonBrief, TeamInfo, TeamMemberInfo
from pzmdo.services.scope import require_team_in_scope, scope_of
from pzmdo.store.models import Person
from pzmdo.store.models.meetings import (
    Meeting,
    MeetingTeamMember,
)

# -- people and team settings -----------------------------------------------------------------


def list_people(ctx: AppContext, active_only: bool = True) -> list[PersonBrief]:
    """Care providers from the directory, for the chair/scribe/owner/attendance choices."""
    require(ctx, Action.VIEW_DIRECTORY)
    with ctx.read() as s:
        query = select(Person).order_by(Person.name)
        if active_only:
            query = query.where(Person.active.is_(True))
        rows = list(s.scalars(query))
    return [PersonBrief(p.id, p.name, p.discipline, _discipline_label(p.discipline)) for p in rows]


def _discipline_label(code: str) -> str:
    try:
        return Discipline(code).label
    except ValueError:
        return code


def get_team(ctx: AppContext, team_id: int | None = None) -> TeamInfo:
    """The settings of team ``team_id``, else of the user's first team (defaults when there
    is no team yet)."""
    require(ctx, Action.MEETING_VIEW)
    require_team_in_scope(ctx, team_id)
    with ctx.read() as s:
        team = _team(s, team_id=team_id, scope=scope_of(s, ctx))
        if team is None:
            return TeamInfo(
                None,
                "Kernteam",
                TeamKind.KERNTEAM.value,
                TeamKind.KERNTEAM.label,
                4,
                8,
                10,
                "",
                None,
            )
        rows = s.execute(
            select(MeetingTeamMember, Person)
            .join(Person, Person.id == MeetingTeamMember.person_id)
            .where(MeetingTeamMember.team_id == team.id)
            .order_by(Person.name)
        ).all()
        members = tuple(
            TeamMemberInfo(
                p.id, p.name, p.discipline, _discipline_label(p.discipline), m.default_attendee
            )
            for m, p in rows
        )
        return TeamInfo(
            team.id,
            team.name,
            team.kind,
            TeamKind(team.kind).label,
            team.cadence_weeks,
            team.review_interval_weeks,
            team.minutes_per_patient,
            team.default_place or "",
            team.default_time,
            members,
        )


def save_team(
    ctx: AppContext,
    *,
    name: str,
    kind: str,
    cadence_weeks: int | None = None,
    review_interval_weeks: int = DEFAULT_REVIEW_INTERVAL_WEEKS,
    minutes_per_patient: int = DEFAULT_MINUTES_PER_PATIENT,
    default_place: str = "",
    default_time: time | str | None = None,
    members: Sequence[tuple[int, bool]] = (),
    team_id: int | None = None,
) -> TeamInfo:
    """Save the settings of team ``team_id`` (else the user's first team); ``members`` =
    (person id, is a default attendee). Several teams: ``pzmdo.services.teams``."""
    require(ctx, Action.MEETING_PREPARE)
    require_team_in_scope(ctx, team_id)
    clean_name = clean_line(name, "de naam van het team", required=True, limit=200)
    try:
        team_kind = TeamKind.from_text(kind)
    except ValueError:
        raise ValidationError(
            f"Onbekend soort overleg '{kind}'. Kies kernteam, PaTz-groep of transmuraal overleg."
        ) from None
    weeks = cadence_weeks if cadence_weeks is not None else default_cadence_weeks(team_kind)
    validate_cadence(weeks)
    validate_review_interval(review_interval_weeks)
    if not 1 <= minutes_per_patient <= 120:
        raise ValidationError("De tijd per patiënt moet tussen 1 en 120 minuten liggen.")
    place = clean_line(default_place, "de vaste plaats", limit=200)
    at = _parse_time(default_time)
    member_ids = [pid for pid, _ in members]
    if len(set(member_ids)) != len(member_ids):
        raise ValidationError("Een teamlid staat dubbel in de lijst. Haal de dubbele regel weg.")
    with ctx.unit() as s:
        for pid in member_ids:
            _check_person(s, pid, "zorgverlener")
        team = _team(s, create=True, team_id=team_id, scope=scope_of(s, ctx))
        assert team is not None
        team.name, team.kind, team.cadence_weeks = clean_name, team_kind.value, weeks
        team.review_interval_weeks, team.minutes_per_patient = (
            review_interval_weeks,
            minutes_per_patient,
        )
        team.default_place, team.default_time = place or None, at
        existing = {
            m.person_id: m
            for m in s.scalars(
                select(MeetingTeamMember).where(MeetingTeamMember.team_id == team.id)
            )
        }
        for pid, default in members:
            if pid in existing:
                existing.pop(pid).default_attendee = default
            else:
                s.add(MeetingTeamMember(team_id=team.id, person_id=pid, default_attendee=default))
        for gone in existing.values():
            s.delete(gone)
        ctx.audit(
            s,
            AuditAction.MEETING_TEAM_SAVED,
            entity="meeting_team",
            entity_id=team.id,
            detail={"soort": team_kind.value, "ritme_weken": weeks, "leden": len(members)},
        )
    ctx.changes.publish("meeting_team")
    return get_team(ctx, team.id)


def suggest_next_date(
    ctx: AppContext, today: date | None = None, team_id: int | None = None
) -> date:
    """One cadence after the team's last meeting (or next week when there is none)."""
    require(ctx, Action.MEETING_VIEW)
    require_team_in_scope(ctx, team_id)
    day = _today(today)
    with ctx.read() as s:
        team = _team(s, team_id=team_id, scope=scope_of(s, ctx))
        last = s.scalar(
            select(func.max(Meeting.held_on)).where(Meeting.team_id == (team.id if team else -1))
        )
        weeks = team.cadence_weeks if team else default_cadence_weeks(TeamKind.KERNTEAM)
    return next_meeting_on(last, weeks, day)
