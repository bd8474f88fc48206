"""Planning meetings: create, update, list and look up meetings."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import select

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.meetings import (
    MeetingFunction,
    MeetingStatus,
    ensure_editable,
    validate_meeting_date,
)
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_line
from pzmdo.services.context import AppContext, check_version
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_meeting
from pzmdo.services.meetings.helpers import (
    _check_person,
    _meeting_info,
    _parse_time,
    _status,
    _team,
    _today,
)
from pzmdo.services.meetings.results import MeetingInfo
from pzmdo.services.scope import (
    require_meeting_in_scope,
    require_team_in_scope,
    scope_of,
    team_clause,
)
from pzmdo.store.models import Person
from pzmdo.store.models.meetings import (
    Meeting,
    MeetingAttendance,
    MeetingTeamMember,
)

# -- meetings -----------------------------------------------------------------------------------


def plan_meeting(
    ctx: AppContext,
    held_on: date,
    *,
    start_time: time | str | None = None,
    place: str | None = None,
    online_link: str | None = None,
    chair_person_id: int | None = None,
    scribe_person_id: int | None = None,
    theme: str | None = None,
    today: date | None = None,
    team_id: int | None = None,
) -> MeetingInfo:
    """Plan a meeting of the team (``team_id``, else the register's first team); the
    team's default attendees are invited."""
    require(ctx, Action.MEETING_PREPARE)
    require_team_in_scope(ctx, team_id)
    day = _today(today)
    if not isinstance(held_on, date):
        raise ValidationError("Geef de datum van het overleg op.")
    validate_meeting_date(held_on, day)
    at = _parse_time(start_time)
    place_ = clean_line(place, "de plaats", limit=200)
    link = clean_line(online_link, "de link voor online deelname", limit=500)
    if link and not link.lower().startswith(("https://", "http://")):
        raise ValidationError(
            "De link voor online deelname moet beginnen met https:// (kopieer de hele link)."
        )
    theme_ = clean_line(theme, "het thema", limit=300)
    with ctx.unit() as s:
        _check_person(s, chair_person_id, "voorzitter")
        _check_person(s, scribe_person_id, "notulist")
        team = _team(s, create=True, team_id=team_id, scope=scope_of(s, ctx))
        assert team is not None
        clash = s.scalar(
            select(Meeting.id).where(Meeting.team_id == team.id, Meeting.held_on == held_on)
        )
        if clash is not None:
            raise ValidationError(
                f"Er is al een overleg op {held_on:%d-%m-%Y}. Open dat overleg of kies een "
                "andere datum."
            )
        meeting = Meeting(
            team_id=team.id,
            held_on=held_on,
            start_time=at or team.default_time,
            place=place_ or team.default_place,
            online_link=link or None,
            chair_person_id=chair_person_id,
            scribe_person_id=scribe_person_id,
            theme=theme_ or None,
            status=MeetingStatus.GEPLAND.value,
        )
        s.add(meeting)
        s.flush()
        members = s.execute(
            select(MeetingTeamMember, Person)
            .join(Person, Person.id == MeetingTeamMember.person_id)
            .where(MeetingTeamMember.team_id == team.id, MeetingTeamMember.default_attendee)
        ).all()
        for _m, person in members:
            s.add(
                MeetingAttendance(
                    meeting_id=meeting.id,
                    person_id=person.id,
                    role=person.discipline,
                    function=_function_for(person.id, chair_person_id, scribe_person_id),
                    present=None,
                )
            )
        ctx.audit(
            s,
            AuditAction.MEETING_PLANNED,
            entity="meeting",
            entity_id=meeting.id,
            detail={"datum": held_on.isoformat(), "genodigden": len(members)},
        )
        s.flush()
        info = _meeting_info(s, meeting)
    ctx.changes.publish("meeting", info.id)
    return info


def _function_for(person_id: int, chair: int | None, scribe: int | None) -> str:
    if person_id == chair:
        return MeetingFunction.VOORZITTER.value
    if person_id == scribe:
        return MeetingFunction.NOTULIST.value
    return MeetingFunction.DEELNEMER.value


def update_meeting(
    ctx: AppContext,
    meeting_id: int,
    *,
    held_on: date | None = None,
    start_time: time | str | None = None,
    place: str | None = None,
    online_link: str | None = None,
    chair_person_id: int | None = None,
    scribe_person_id: int | None = None,
    theme: str | None = None,
    expected_version: int | None = None,
    today: date | None = None,
) -> MeetingInfo:
    """Change the details of a meeting that is not closed (None = leave as is);
    ``expected_version``: the version the form showed (a stale save is refused)."""
    require(ctx, Action.MEETING_PREPARE)
    require_meeting_in_scope(ctx, meeting_id)
    with ctx.unit() as s:
        meeting = load_meeting(s, meeting_id)
        check_version(meeting, expected_version, "Dit overleg")
        ensure_editable(_status(meeting))
        changed = []
        if held_on is not None and held_on != meeting.held_on:
            validate_meeting_date(held_on, _today(today))
            clash = s.scalar(
                select(Meeting.id).where(
                    Meeting.team_id == meeting.team_id,
                    Meeting.held_on == held_on,
                    Meeting.id != meeting.id,
                )
            )
            if clash is not None:
                raise ValidationError(f"Er is al een overleg op {held_on:%d-%m-%Y}.")
            meeting.held_on = held_on
            changed.append("datum")
        if start_time is not None:
            meeting.start_time = _parse_time(start_time)
            changed.append("tijd")
        if place is not None:
            meeting.place = clean_line(place, "de plaats", limit=200) or None
            changed.append("plaats")
        if online_link is not None:
            link = clean_line(online_link, "de link voor online deelname", limit=500)
            if link and not link.lower().startswith(("https://", "http://")):
                raise ValidationError("De link voor online deelname moet beginnen met https://.")
            meeting.online_link = link or None
            changed.append("link")
        if chair_person_id is not None:
            _check_person(s, chair_person_id, "voorzitter")
            meeting.chair_person_id = chair_person_id
            changed.append("voorzitter")
        if scribe_person_id is not None:
            _check_person(s, scribe_person_id, "notulist")
            meeting.scribe_person_id = scribe_person_id
            changed.append("notulist")
        if theme is not None:
            meeting.theme = clean_line(theme, "het thema", limit=300) or None
            changed.append("thema")
        ctx.audit(
            s,
            AuditAction.MEETING_UPDATED,
            entity="meeting",
            entity_id=meeting.id,
            detail={"velden": changed},
        )
        s.flush()
        info = _meeting_info(s, meeting)
    ctx.changes.publish("meeting", meeting_id)
    return info


def list_meetings(ctx: AppContext, team_id: int | None = None) -> list[MeetingInfo]:
    """The meetings of the user's teams (or of ``team_id``), newest first."""
    require(ctx, Action.MEETING_VIEW)
    require_team_in_scope(ctx, team_id)
    with ctx.read() as s:
        query = select(Meeting).where(team_clause(scope_of(s, ctx)))
        if team_id is not None:
            query = query.where(Meeting.team_id == team_id)
        rows = list(s.scalars(query.order_by(Meeting.held_on.desc(), Meeting.id.desc())))
        return [_meeting_info(s, m) for m in rows]


def get_meeting(ctx: AppContext, meeting_id: int) -> MeetingInfo:
    require(ctx, Action.MEETING_VIEW)
    require_meeting_in_scope(ctx, meeting_id)
    with ctx.read() as s:
        return _meeting_info(s, load_meeting(s, meeting_id))
