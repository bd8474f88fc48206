"""Meeting teams: several per register, each with its kind, practices and members (issue 14).

A team (kernteam, PaTz-groep, transmuraal MDO) discusses the patients of its practices;
its members are directory persons with a role in the team, some of them default attendees.
Meetings belong to a team; users attached to a team see the patients of its practices.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import time

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.dates import parse_time
from pzmdo.domain.enums import Discipline
from pzmdo.domain.errors import NotFoundError, ValidationError
from pzmdo.domain.meetings import (
    TeamKind,
    default_cadence_weeks,
    validate_cadence,
    validate_review_interval,
)
from pzmdo.domain.permissions import Action
from pzmdo.domain.practices import team_member_role
from pzmdo.domain.text import clean_line
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.scope import require_team_in_scope, scope_of
from pzmdo.store.models import Person, Practice
from pzmdo.store.models.meetings import MeetingTeam, MeetingTeamMember
from pzmdo.store.models.practices import MeetingTeamPractice, UserPractice, UserTeam


@dataclass(frozen=True)
class TeamInput:
    name: str
    kind: str = TeamKind.KERNTEAM.value
    cadence_weeks: int | None = None  # None: the kind's usual rhythm
    review_interval_weeks: int = 8
    minutes_per_patient: int = 10
    default_place: str = ""
    default_time: time | str | None = None


@dataclass(frozen=True)
class TeamMemberInput:
    person_id: int
    role: str = "lid"  # a TeamMemberRole code or label
    default_attendee: bool = True


@dataclass(frozen=True)
class TeamMember:
    person_id: int
    name: str
    discipline: str
    discipline_label: str
    role: str
    role_label: str
    default_attendee: bool


@dataclass(frozen=True)
class TeamInfo:
    id: int
    name: str
    kind: str
    kind_label: str
    cadence_weeks: int
    review_interval_weeks: int
    minutes_per_patient: int
    default_place: str
    default_time: time | None
    active: bool
    in_scope: bool  # the current user sees this team (and its meetings)
    practices: tuple[tuple[int, str], ...]  # (id, name), sorted by name
    members: tuple[TeamMember, ...]

    @property
    def practice_ids(self) -> tuple[int, ...]:
        return tuple(p for p, _ in self.practices)

    def describe(self) -> str:
        """'Kernteam Noord (fictief) — Kernteam: Praktijk A, Praktijk B'"""
        names = ", ".join(n for _, n in self.practices) or "nog geen praktijk"
        return f"{self.name} — {self.kind_label}: {names}"


def _label(enum: type[Discipline], code: str) -> str:
    try:
        return enum(code).label
    except ValueError:
        return code


def get_team_row(s: Session, team_id: int) -> MeetingTeam:
    team = s.get(MeetingTeam, team_id)
    if team is None:
        raise NotFoundError(f"Overlegteam {team_id} bestaat niet. Kies een team uit de lijst.")
    return team


def team_practice_ids(s: Session, team_id: int) -> list[int]:
    """The practices whose patients the team discusses."""
    return list(
        s.scalars(
            select(MeetingTeamPractice.practice_id)
            .where(MeetingTeamPractice.team_id == team_id)
            .order_by(MeetingTeamPractice.practice_id)
        )
    )


def link_default_team(s: Session, team_id: int) -> None:
    """A team made on the fly in a one-practice register (the first meeting planned)
    covers that practice, and the practice's users are attached to it."""
    practices = list(s.scalars(select(Practice.id).limit(2)))
    if len(practices) != 1:
        return
    s.add(MeetingTeamPractice(team_id=team_id, practice_id=practices[0]))
    for user_id in s.scalars(
        select(UserPractice.user_id).where(UserPractice.practice_id == practices[0])
    ):
        s.add(UserTeam(user_id=user_id, team_id=team_id))


def _infos(s: Session, ctx: AppContext, teams: Sequence[MeetingTeam]) -> list[TeamInfo]:
    ids = [t.id for t in teams]
    scope = scope_of(s, ctx)
    practices: dict[int, list[tuple[int, str]]] = {i: [] for i in ids}
    for team_id, pid, name in s.execute(
        select(MeetingTeamPractice.team_id, Practice.id, Practice.name)
        .join(Practice, Practice.id == MeetingTeamPractice.practice_id)
        .where(MeetingTeamPractice.team_id.in_(ids))
        .order_by(Practice.name, Practice.id)
    ):
        practices[team_id].append((pid, name))
    members: dict[int, list[TeamMember]] = {i: [] for i in ids}
    for m, p in s.execute(
        select(MeetingTeamMember, Person)
        .join(Person, Person.id == MeetingTeamMember.person_id)
        .where(MeetingTeamMember.team_id.in_(ids))
        .order_by(Person.name)
    ):
        role = team_member_role(m.role)
        members[m.team_id].append(
            TeamMember(
                p.id,
                p.name,
                p.discipline,
                _label(Discipline, p.discipline),
                role.value,
                role.label,
                bool(m.default_attendee),
            )  # fmt: skip
        )
    return [
        TeamInfo(
            t.id,
            t.name,
            t.kind,
            TeamKind(t.kind).label,
            t.cadence_weeks,
            t.review_interval_weeks,
            t.minutes_per_patient,
            t.default_place or "",
            t.default_time,
            bool(t.active),
            scope.sees_team(t.id),
            tuple(practices[t.id]),
            tuple(members[t.id]),
        )  # fmt: skip
        for t in teams
    ]


def list_teams(
    ctx: AppContext, *, in_scope_only: bool = False, active_only: bool = True
) -> list[TeamInfo]:
    """Meeting teams with their practices and members (no patient data), each flagged
    whether the current user sees it."""
    require(ctx, Action.VIEW_DIRECTORY)
    with ctx.read() as s:
        query = select(MeetingTeam).order_by(MeetingTeam.name, MeetingTeam.id)
        if active_only:
            query = query.where(MeetingTeam.active.is_(True))
        out = _infos(s, ctx, list(s.scalars(query)))
    return [t for t in out if t.in_scope] if in_scope_only else out


def get_team(ctx: AppContext, team_id: int) -> TeamInfo:
    require(ctx, Action.VIEW_DIRECTORY)
    with ctx.read() as s:
        return _infos(s, ctx, [get_team_row(s, team_id)])[0]


def find_team(ctx: AppContext, text: str) -> TeamInfo:
    """A team by id or (case-insensitive) name, for the command line."""
    require(ctx, Action.VIEW_DIRECTORY)
    wanted = text.strip()
    with ctx.read() as s:
        if wanted.isdigit():
            found = s.get(MeetingTeam, int(wanted))
        else:
            found = s.scalars(
                select(MeetingTeam).where(func.lower(MeetingTeam.name) == wanted.lower())
            ).first()
        if found is None:
            raise NotFoundError(
                f"Er is geen overlegteam '{wanted[:40]}'. Geef de naam of het nummer uit "
                "'pzmdo team list'."
            )
        return _infos(s, ctx, [found])[0]


def _values(data: TeamInput) -> dict[str, object]:
    name = clean_line(data.name, "de naam van het team", required=True, limit=200)
    try:
        kind = TeamKind(TeamKind.from_text(data.kind))
    except ValueError:
        raise ValidationError(
            f"Onbekend soort overleg '{data.kind}'. Kies kernteam, PaTz-groep of "
            "transmuraal overleg."
        ) from None
    weeks = data.cadence_weeks if data.cadence_weeks is not None else default_cadence_weeks(kind)
    validate_cadence(weeks)
    validate_review_interval(data.review_interval_weeks)
    if not 1 <= data.minutes_per_patient <= 120:
        raise ValidationError("De tijd per patiënt moet tussen 1 en 120 minuten liggen.")
    at = data.default_time
    if isinstance(at, str):
        at = parse_time(at) if at.strip() else None
    return {
        "name": name,
        "kind": kind.value,
        "cadence_weeks": weeks,
        "review_interval_weeks": data.review_interval_weeks,
        "minutes_per_patient": data.minutes_per_patient,
        "default_place": clean_line(data.default_place, "de vaste plaats", limit=200) or None,
        "default_time": at,
    }


def _check_name(s: Session, name: object, team_id: int | None) -> None:
    clash = s.scalar(
        select(MeetingTeam.id).where(
            func.lower(MeetingTeam.name) == str(name).lower(), MeetingTeam.id != (team_id or -1)
        )
    )
    if clash is not None:
        raise ValidationError(
            f"Er is al een overlegteam met de naam '{name}'. Kies een andere naam."
        )


def _set_practices(s: Session, team_id: int, practice_ids: Iterable[int]) -> list[int]:
    wanted = sorted(set(practice_ids))
    known = set(s.scalars(select(Practice.id).where(Practice.id.in_(wanted))))
    missing = [p for p in wanted if p not in known]
    if missing:
        raise NotFoundError(f"Praktijk {missing[0]} bestaat niet. Kies een praktijk uit de lijst.")
    s.execute(delete(MeetingTeamPractice).where(MeetingTeamPractice.team_id == team_id))
    s.add_all(MeetingTeamPractice(team_id=team_id, practice_id=p) for p in wanted)
    return wanted


def _set_members(s: Session, team_id: int, members: Sequence[TeamMemberInput]) -> None:
    ids = [m.person_id for m in members]
    if len(set(ids)) != len(ids):
        raise ValidationError("Een teamlid staat dubbel in de lijst. Haal de dubbele regel weg.")
    known = set(s.scalars(select(Person.id).where(Person.id.in_(ids))))
    missing = [p for p in ids if p not in known]
    if missing:
        raise NotFoundError(
            f"Zorgverlener {missing[0]} staat niet in de zorgverlenersgids. Kies iemand uit de "
            "lijst."
        )
    existing = {
        m.person_id: m
        for m in s.scalars(select(MeetingTeamMember).where(MeetingTeamMember.team_id == team_id))
    }
    for m in members:
        role = team_member_role(m.role).value
        row = existing.pop(m.person_id, None)
        if row is None:
            s.add(
                MeetingTeamMember(
                    team_id=team_id,
                    person_id=m.person_id,
                    role=role,
                    default_attendee=m.default_attendee,
                )  # fmt: skip
            )
        else:
            row.role, row.default_attendee = role, m.default_attendee
    for gone in existing.values():
        s.delete(gone)


def add_team(
    ctx: AppContext,
    data: TeamInput,
    practice_ids: Iterable[int] = (),
    members: Sequence[TeamMemberInput] = (),
) -> TeamInfo:
    require(ctx, Action.TEAMS)
    values = _values(data)
    with ctx.unit() as s:
        _check_name(s, values["name"], None)
        team = MeetingTeam(**values)
        s.add(team)
        s.flush()
        wanted = _set_practices(s, team.id, practice_ids)
        _set_members(s, team.id, members)
        ctx.audit(
            s, AuditAction.TEAM_ADD, entity="meeting_team", entity_id=team.id,
            detail={"soort": values["kind"], "praktijken": wanted, "leden": len(members)},
        )  # fmt: skip
        s.flush()
        info = _infos(s, ctx, [team])[0]
    ctx.changes.publish("meeting_team", info.id)
    return info


def update_team(
    ctx: AppContext,
    team_id: int,
    data: TeamInput,
    *,
    active: bool | None = None,
    practice_ids: Iterable[int] | None = None,
    members: Sequence[TeamMemberInput] | None = None,
) -> TeamInfo:
    """Change a team's settings (name, kind, rhythm, ...); ``active=False`` ends the team
    (its meetings stay). Given ``practice_ids`` and/or ``members``, those are replaced in the
    same transaction, so the beheer screen's one "Opslaan" is one all-or-nothing change."""
    require(ctx, Action.TEAMS)
    values = _values(data)
    with ctx.unit() as s:
        team = get_team_row(s, team_id)
        _check_name(s, values["name"], team_id)
        changed = sorted(k for k, v in values.items() if getattr(team, k) != v)
        for key, value in values.items():
            setattr(team, key, value)
        if active is not None and active != team.active:
            team.active = active
            changed.append("actief")
        ctx.audit(
            s, AuditAction.TEAM_UPDATE, entity="meeting_team", entity_id=team.id,
            detail={"velden": changed},
        )  # fmt: skip
        if practice_ids is not None:
            wanted = _set_practices(s, team_id, practice_ids)
            ctx.audit(
                s, AuditAction.TEAM_PRACTICES, entity="meeting_team", entity_id=team_id,
                detail={"praktijken": wanted},
            )  # fmt: skip
        if members is not None:
            _set_members(s, team_id, members)
            ctx.audit(
                s, AuditAction.TEAM_MEMBERS, entity="meeting_team", entity_id=team_id,
                detail={"leden": len(members)},
            )  # fmt: skip
        s.flush()
        info = _infos(s, ctx, [team])[0]
    ctx.changes.publish("meeting_team", team_id)
    return info


def set_team_practices(ctx: AppContext, team_id: int, practice_ids: Iterable[int]) -> TeamInfo:
    """The practices whose patients the team discusses (and its users see)."""
    require(ctx, Action.TEAMS)
    with ctx.unit() as s:
        team = get_team_row(s, team_id)
        wanted = _set_practices(s, team_id, practice_ids)
        ctx.audit(
            s, AuditAction.TEAM_PRACTICES, entity="meeting_team", entity_id=team_id,
            detail={"praktijken": wanted},
        )  # fmt: skip
        s.flush()
        info = _infos(s, ctx, [team])[0]
    ctx.changes.publish("meeting_team", team_id)
    return info


def set_team_members(ctx: AppContext, team_id: int, members: Sequence[TeamMemberInput]) -> TeamInfo:
    """The team's members with their role and whether they are invited by default. The
    beheerder, or whoever prepares the team's meetings (within their scope)."""
    require(ctx, Action.TEAMS, Action.MEETING_PREPARE)
    require_team_in_scope(ctx, team_id)
    with ctx.unit() as s:
        team = get_team_row(s, team_id)
        _set_members(s, team_id, members)
        ctx.audit(
            s, AuditAction.TEAM_MEMBERS, entity="meeting_team", entity_id=team_id,
            detail={"leden": len(members)},
        )  # fmt: skip
        s.flush()
        info = _infos(s, ctx, [team])[0]
    ctx.changes.publish("meeting_team", team_id)
    return info
