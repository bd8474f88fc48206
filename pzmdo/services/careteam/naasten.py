"""Naasten (relatives and other close persons) of a patient."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.careteam import (
    Relation,
    parse_enum,
)
from pzmdo.domain.errors import NotFoundError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_line, clean_text
from pzmdo.services.careteam.helpers import _naaste_info
from pzmdo.services.careteam.results import NaasteInfo
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_patient
from pzmdo.services.scope import require_patient_in_scope, require_row_in_scope
from pzmdo.store.models.careteam import Naaste

# ---------------------------------------------------------------------------------------
# Naasten


@dataclass(frozen=True)
class NaasteInput:
    name: str
    relation: str
    relation_other: str = ""
    phone: str = ""
    email: str = ""
    is_mantelzorger: bool = False
    is_legal_representative: bool = False
    is_first_contact: bool = False
    notes: str = ""


def _naaste_values(data: NaasteInput) -> dict[str, Any]:
    relation = parse_enum(Relation, data.relation, "de relatie")
    other = clean_line(data.relation_other, "de relatie (anders)", limit=100)
    if relation is Relation.ANDERS and not other:
        raise ValidationError("Vul in welke relatie deze naaste heeft (u koos 'Anders').")
    email = clean_line(data.email, "het e-mailadres", limit=200)
    if email and "@" not in email:
        raise ValidationError(f"'{email}' is geen geldig e-mailadres. Controleer het adres.")
    return {
        "name": clean_line(data.name, "de naam van de naaste", required=True, limit=200),
        "relation": relation.value,
        "relation_other": other or None,
        "phone": clean_line(data.phone, "het telefoonnummer", limit=40) or None,
        "email": email or None,
        "is_mantelzorger": bool(data.is_mantelzorger),
        "is_legal_representative": bool(data.is_legal_representative),
        "is_first_contact": bool(data.is_first_contact),
        "notes": clean_text(data.notes, "de notitie") or None,
    }


def _single_first_contact(s: Session, patient_id: int, keep_id: int) -> None:
    for other in s.scalars(
        select(Naaste).where(
            Naaste.patient_id == patient_id, Naaste.id != keep_id, Naaste.is_first_contact
        )
    ):
        other.is_first_contact = False


def add_naaste(ctx: AppContext, patient_id: int, data: NaasteInput) -> int:
    require(ctx, Action.CARE_TEAM)
    require_patient_in_scope(ctx, patient_id)
    values = _naaste_values(data)
    with ctx.unit() as s:
        load_patient(s, patient_id)
        naaste = Naaste(patient_id=patient_id, **values)
        s.add(naaste)
        s.flush()
        if naaste.is_first_contact:
            _single_first_contact(s, patient_id, naaste.id)
        ctx.audit(
            s, AuditAction.NAASTE_ADD, patient_id=patient_id, entity="naaste", entity_id=naaste.id
        )
        naaste_id = naaste.id
    ctx.changes.publish("careteam", patient_id)
    return naaste_id


def update_naaste(ctx: AppContext, naaste_id: int, data: NaasteInput) -> None:
    require(ctx, Action.CARE_TEAM)
    require_row_in_scope(ctx, Naaste, naaste_id)
    values = _naaste_values(data)
    with ctx.unit() as s:
        naaste = s.get(Naaste, naaste_id)
        if naaste is None:
            raise NotFoundError("Deze naaste bestaat niet (meer).")
        for k, v in values.items():
            setattr(naaste, k, v)
        if naaste.is_first_contact:
            _single_first_contact(s, naaste.patient_id, naaste.id)
        ctx.audit(
            s,
            AuditAction.NAASTE_UPDATE,
            patient_id=naaste.patient_id,
            entity="naaste",
            entity_id=naaste_id,
        )
        patient_id = naaste.patient_id
    ctx.changes.publish("careteam", patient_id)


def set_naaste_active(ctx: AppContext, naaste_id: int, active: bool) -> None:
    require(ctx, Action.CARE_TEAM)
    require_row_in_scope(ctx, Naaste, naaste_id)
    with ctx.unit() as s:
        naaste = s.get(Naaste, naaste_id)
        if naaste is None:
            raise NotFoundError("Deze naaste bestaat niet (meer).")
        naaste.active = active
        ctx.audit(
            s,
            AuditAction.NAASTE_ACTIVATE if active else AuditAction.NAASTE_DEACTIVATE,
            patient_id=naaste.patient_id,
            entity="naaste",
            entity_id=naaste_id,
        )
        patient_id = naaste.patient_id
    ctx.changes.publish("careteam", patient_id)


def list_naasten(ctx: AppContext, patient_id: int, active_only: bool = True) -> list[NaasteInfo]:
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    with ctx.read() as s:
        load_patient(s, patient_id)
        query = select(Naaste).where(Naaste.patient_id == patient_id)
        if active_only:
            query = query.where(Naaste.active.is_(True))
        return [_naaste_info(n) for n in s.scalars(query.order_by(Naaste.id))]
