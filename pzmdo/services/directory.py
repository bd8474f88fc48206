"""The practice's care-provider directory (the ``person`` table)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.careteam import (
    TeamRole,
    parse_discipline,
    validate_agb,
    validate_big,
)
from pzmdo.domain.enums import Discipline
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_line
from pzmdo.services.context import AppContext
from pzmdo.services.guard import deny, require
from pzmdo.services.lookup import load_person
from pzmdo.store.models import Person
from pzmdo.store.models.careteam import TeamMembership


@dataclass(frozen=True)
class PersonInfo:
    id: int
    name: str
    discipline: str
    discipline_label: str
    organisation: str
    phone: str
    phone_out_of_hours: str
    email: str
    agb_code: str
    big_registered: bool
    big_number: str
    active: bool

    def describe(self) -> str:
        """'Dr. A. Jansen (fictief) — Huisarts, Gezondheidscentrum ...'"""
        extra = self.discipline_label
        if self.organisation:
            extra += f", {self.organisation}"
        return f"{self.name} — {extra}"


@dataclass(frozen=True)
class PersonInput:
    name: str
    discipline: str
    organisation: str = ""
    phone: str = ""
    phone_out_of_hours: str = ""
    email: str = ""
    agb_code: str = ""
    big_registered: bool = False
    big_number: str = ""


def info_of(p: Person) -> PersonInfo:
    try:
        label = Discipline(p.discipline).label
    except ValueError:
        label = p.discipline
    return PersonInfo(
        id=p.id,
        name=p.name,
        discipline=p.discipline,
        discipline_label=label,
        organisation=p.organisation or "",
        phone=p.phone or "",
        phone_out_of_hours=p.phone_out_of_hours or "",
        email=p.email or "",
        agb_code=p.agb_code or "",
        big_registered=bool(p.big_registered),
        big_number=p.big_number or "",
        active=bool(p.active),
    )


def list_persons(
    ctx: AppContext, disciplines: list[str] | None = None, active_only: bool = True
) -> list[PersonInfo]:
    """The directory, sorted by name; optionally only some disciplines / active persons."""
    require(ctx, Action.VIEW_DIRECTORY)
    with ctx.read() as s:
        query = select(Person)
        if disciplines:
            query = query.where(Person.discipline.in_(list(disciplines)))
        if active_only:
            query = query.where(Person.active.is_(True))
        query = query.order_by(func.lower(Person.name), Person.id)
        return [info_of(p) for p in s.scalars(query)]


def get_person(ctx: AppContext, person_id: int) -> PersonInfo:
    require(ctx, Action.VIEW_DIRECTORY)
    with ctx.read() as s:
        person = load_person(s, person_id)
        return info_of(person)


def _checked(data: PersonInput) -> dict[str, Any]:
    name = clean_line(data.name, "de naam", required=True, limit=200)
    discipline = parse_discipline(data.discipline)
    phone = clean_line(data.phone, "het telefoonnummer", limit=40)
    ooh = clean_line(data.phone_out_of_hours, "het telefoonnummer buiten kantoortijd", limit=40)
    email = clean_line(data.email, "het e-mailadres", limit=200)
    if email and ("@" not in email or " " in email):
        raise ValidationError(f"'{email}' is geen geldig e-mailadres. Controleer het adres.")
    return {
        "name": name,
        "discipline": discipline.value,
        "organisation": clean_line(data.organisation, "de organisatie", limit=200) or None,
        "phone": phone or None,
        "phone_out_of_hours": ooh or None,
        "email": email or None,
        "agb_code": validate_agb(data.agb_code),
        "big_registered": bool(data.big_registered),
        "big_number": validate_big(bool(data.big_registered), data.big_number),
    }


def add_person(ctx: AppContext, data: PersonInput) -> PersonInfo:
    require(ctx, Action.DIRECTORY)
    values = _checked(data)
    with ctx.unit() as s:
        person = Person(**values, active=True)
        s.add(person)
        s.flush()
        ctx.audit(s, AuditAction.PERSON_ADD, entity="person", entity_id=person.id)
        info = info_of(person)
    ctx.changes.publish("person", info.id)
    return info


def update_person(ctx: AppContext, person_id: int, data: PersonInput) -> PersonInfo:
    require(ctx, Action.DIRECTORY)
    values = _checked(data)
    if person_id == ctx.user.person_id:
        _refuse_own_big_change(ctx, person_id, values)
    with ctx.unit() as s:
        person = load_person(s, person_id)
        if person.big_registered and not values["big_registered"]:
            count = _current_central_count(s, person_id)
            if count:
                raise ValidationError(
                    f"{person.name} is nu centrale zorgverlener van {count} patiënt(en); die "
                    "rol vraagt een BIG-registratie. Draag die rol eerst over aan een andere "
                    "zorgverlener en zet daarna de BIG-registratie uit."
                )
        changed = sorted(k for k, v in values.items() if getattr(person, k) != v)
        for key, value in values.items():
            setattr(person, key, value)
        ctx.audit(
            s,
            AuditAction.PERSON_UPDATE,
            entity="person",
            entity_id=person_id,
            detail={"velden": changed},
        )
        info = info_of(person)
    ctx.changes.publish("person", person_id)
    return info


def _refuse_own_big_change(ctx: AppContext, person_id: int, values: dict[str, object]) -> None:
    """Separation of duties: nobody changes their own BIG registration."""
    with ctx.db.session() as s:
        own = s.get(Person, person_id)
        current = (own.big_registered, own.big_number) if own else None
    # The refusal is written after the read has ended (one transaction at a time).
    if current is not None and current != (values["big_registered"], values["big_number"]):
        deny(
            ctx,
            Action.DIRECTORY,
            "U kunt uw eigen BIG-registratie niet wijzigen; vraag een andere beheerder om "
            "dat te doen.",
        )


def set_active(ctx: AppContext, person_id: int, active: bool) -> PersonInfo:
    """Deactivate (or reactivate) a person; people are never deleted (history refers to them)."""
    require(ctx, Action.DIRECTORY)
    with ctx.unit() as s:
        person = load_person(s, person_id)
        if not active:
            count = _current_central_count(s, person_id)
            if count:
                raise ValidationError(
                    f"{person.name} is nu centrale zorgverlener van {count} patiënt(en). Draag "
                    "die rol eerst over aan een andere zorgverlener en maak de zorgverlener "
                    "daarna inactief."
                )
        person.active = active
        ctx.audit(
            s,
            AuditAction.PERSON_ACTIVATE if active else AuditAction.PERSON_DEACTIVATE,
            entity="person",
            entity_id=person_id,
        )
        info = info_of(person)
    ctx.changes.publish("person", person_id)
    return info


def _current_central_count(s: Session, person_id: int) -> int:
    return int(
        s.scalar(
            select(func.count(TeamMembership.id)).where(
                TeamMembership.person_id == person_id,
                TeamMembership.role == TeamRole.CENTRALE_ZORGVERLENER.value,
                TeamMembership.end_on.is_(None),
            )
        )
        or 0
    )
