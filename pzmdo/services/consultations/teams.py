"""Consultation teams and the people who can request or give a consultation."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import select

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.consultations import TeamType
from pzmdo.domain.enums import Discipline
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_line, clean_text
from pzmdo.services.consultations.helpers import (
    _discipline_label,
    _enum,
    _require_person,
    _team_info,
)
from pzmdo.services.consultations.results import PersonChoice, TeamInfo
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_consult_team
from pzmdo.store.models import Person
from pzmdo.store.models.consultations import ConsultTeam, ConsultTeamMember

# -- directory helpers ----------------------------------------------------------------------


def list_requesters(ctx: AppContext) -> list[PersonChoice]:
    """Active care providers who can request a consultation (the directory)."""
    require(ctx, Action.VIEW_DIRECTORY)
    with ctx.read() as s:
        rows = s.scalars(select(Person).where(Person.active.is_(True)).order_by(Person.name))
        return [PersonChoice(p.id, p.name, _discipline_label(p.discipline)) for p in rows]


def list_consultant_candidates(ctx: AppContext) -> list[PersonChoice]:
    """Directory persons who can be a team member (specialists first, then the others)."""
    require(ctx, Action.VIEW_DIRECTORY)
    specialist = {
        Discipline.SPECIALIST_PZ.value,
        Discipline.VERPLEEGKUNDIG_SPECIALIST.value,
        Discipline.SPECIALIST_OUDERENGENEESKUNDE.value,
        Discipline.MEDISCH_SPECIALIST.value,
    }
    people = list_requesters(ctx)
    with ctx.read() as s:
        codes = {pid: code for pid, code in s.execute(select(Person.id, Person.discipline))}
    return sorted(people, key=lambda p: (codes.get(p.id) not in specialist, p.name.lower()))


# -- teams --------------------------------------------------------------------------------


def list_teams(ctx: AppContext, active_only: bool = True) -> list[TeamInfo]:
    require(ctx, Action.VIEW_DIRECTORY)
    with ctx.read() as s:
        query = select(ConsultTeam).order_by(ConsultTeam.name)
        if active_only:
            query = query.where(ConsultTeam.active.is_(True))
        return [_team_info(t) for t in s.scalars(query).unique()]


def get_team(ctx: AppContext, team_id: int) -> TeamInfo:
    require(ctx, Action.VIEW_DIRECTORY)
    with ctx.read() as s:
        team = load_consult_team(s, team_id)
        return _team_info(team)


def save_team(
    ctx: AppContext,
    team_id: int | None,
    *,
    name: str,
    team_type: str | TeamType,
    subregion: str | None = None,
    phone_office: str | None = None,
    phone_anw: str | None = None,
    email: str | None = None,
    notes: str | None = None,
    member_ids: Sequence[int] = (),
    active: bool = True,
) -> int:
    """Add (``team_id`` None) or change a consultation team; returns its id."""
    require(ctx, Action.CONSULT_TEAMS)
    name = clean_line(name, "de naam van het team", limit=200)
    if not name:
        raise ValidationError("Vul de naam van het consultatieteam in.")
    kind = _enum(TeamType, team_type, "soort team")
    phones = {}
    for label, value in (("kantoortijd", phone_office), ("ANW", phone_anw)):
        value = (value or "").strip() or None
        if value and not re.fullmatch(r"[0-9+()\- ]{6,40}", value):
            raise ValidationError(
                f"Het telefoonnummer voor {label} ('{value}') is ongeldig: gebruik alleen "
                "cijfers, spaties, '+', '-' en haakjes."
            )
        phones[label] = value
    if not phones["kantoortijd"] and not phones["ANW"]:
        raise ValidationError(
            "Vul minstens één telefoonnummer in (kantoortijd of ANW), zodat de aanvrager "
            "weet wie te bellen."
        )
    with ctx.unit() as s:
        clash = s.scalars(select(ConsultTeam).where(ConsultTeam.name == name)).first()
        if clash is not None and clash.id != team_id:
            raise ValidationError(f"Er bestaat al een consultatieteam met de naam '{name}'.")
        if team_id is None:
            team = ConsultTeam(name=name, team_type=kind.value)
            s.add(team)
        else:
            team = load_consult_team(s, team_id)
        team.name = name
        team.team_type = kind.value
        team.subregion = clean_line(subregion, "de subregio", limit=100) or None
        team.phone_office = phones["kantoortijd"]
        team.phone_anw = phones["ANW"]
        team.email = clean_line(email, "het e-mailadres", limit=200) or None
        team.notes = clean_text(notes, "de notitie") or None
        team.active = active
        wanted = list(dict.fromkeys(int(i) for i in member_ids))
        for pid in wanted:
            _require_person(s, pid, "consulent")
        current = {m.person_id: m for m in team.members}
        for pid, member in current.items():
            if pid not in wanted:
                team.members.remove(member)
        for pid in wanted:
            if pid not in current:
                team.members.append(ConsultTeamMember(person_id=pid))
        s.flush()
        ctx.audit(
            s,
            AuditAction.CONSULT_TEAM_SAVE,
            entity="consult_team",
            entity_id=team.id,
            detail={"naam": name, "leden": len(wanted), "nieuw": team_id is None},
        )
        saved_id = team.id
    ctx.changes.publish("consult_team", saved_id)
    return saved_id


def deactivate_team(ctx: AppContext, team_id: int) -> None:
    """A team that stopped: kept for history, no longer offered for new requests."""
    require(ctx, Action.CONSULT_TEAMS)
    with ctx.unit() as s:
        team = load_consult_team(s, team_id)
        team.active = False
        ctx.audit(s, AuditAction.CONSULT_TEAM_DEACTIVATE, entity="consult_team", entity_id=team_id)
    ctx.changes.publish("consult_team", team_id)
