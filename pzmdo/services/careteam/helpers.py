"""Shared building blocks for the care team services."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pzmdo.domain.careteam import (
    Relation,
    TeamRole,
    check_date_not_future,
)
from pzmdo.domain.errors import ValidationError
from pzmdo.services.careteam.results import NaasteInfo, TeamMemberInfo
from pzmdo.services.directory import info_of
from pzmdo.store.models import Person
from pzmdo.store.models.careteam import (
    Naaste,
    TeamMembership,
)

# ---------------------------------------------------------------------------------------
# Helpers


def _member_info(m: TeamMembership, person: Person) -> TeamMemberInfo:
    role = TeamRole(m.role)
    return TeamMemberInfo(
        membership_id=m.id,
        person=info_of(person),
        role=m.role,
        role_label=role.label,
        start_on=m.start_on,
        start_reason=m.start_reason or "",
        end_on=m.end_on,
        end_reason=m.end_reason or "",
    )


def _naaste_info(n: Naaste) -> NaasteInfo:
    label = Relation(n.relation).label
    if n.relation == Relation.ANDERS and n.relation_other:
        label = n.relation_other
    return NaasteInfo(
        id=n.id,
        name=n.name,
        relation=n.relation,
        relation_label=label,
        phone=n.phone or "",
        email=n.email or "",
        is_mantelzorger=n.is_mantelzorger,
        is_legal_representative=n.is_legal_representative,
        is_first_contact=n.is_first_contact,
        notes=n.notes or "",
        active=n.active,
    )


def _current(s: Session, patient_id: int, role: str) -> list[TeamMembership]:
    return list(
        s.scalars(
            select(TeamMembership).where(
                TeamMembership.patient_id == patient_id,
                TeamMembership.role == role,
                TeamMembership.end_on.is_(None),
            )
        )
    )


def _check_change_date(on: date | None, current: list[TeamMembership]) -> date:
    day = check_date_not_future(on or date.today(), "de wijziging")
    for m in current:
        if day < m.start_on:
            raise ValidationError(
                f"De wijzigingsdatum {day:%d-%m-%Y} ligt vóór de startdatum "
                f"({m.start_on:%d-%m-%Y}) van de huidige rolhouder. Kies een latere datum."
            )
    return day
