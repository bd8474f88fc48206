"""Second-line contacts (FR05) and nazorg contacts with the naasten after death (FR21-22).

A contact closes the follow-up task it answers in the same transaction: an outgoing
contact with the hospital closes "tweede lijn informeren"; a nazorg contact that reached
the naasten closes "nazorg voor de naasten".
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.register import FollowUpKind
from pzmdo.domain.text import clean_line, clean_text
from pzmdo.domain.trajectory import (
    MAX_NOTE,
    ContactChannel,
    ContactDirection,
    NazorgOutcome,
    Received,
    check_not_future,
)
from pzmdo.services import register
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.scope import require_patient_in_scope
from pzmdo.services.trajectory.helpers import _code, _patient, _person, _person_names, _today
from pzmdo.services.trajectory.results import ContactInfo, ContactInput, NazorgInfo
from pzmdo.store.models.register import Death
from pzmdo.store.models.trajectory import NazorgContact, SecondLineContact


def _contact_info(c: SecondLineContact) -> ContactInfo:
    return ContactInfo(
        id=c.id,
        patient_id=c.patient_id,
        contact_on=c.contact_on,
        direction=c.direction,
        direction_label=ContactDirection(c.direction).label,
        channel=c.channel,
        channel_label=ContactChannel(c.channel).label,
        counterpart=c.counterpart,
        hospital=c.hospital or "",
        subject=c.subject,
        outcome=c.outcome or "",
        received=c.received,
        received_label=Received(c.received).label,
        received_note=c.received_note or "",
        closed_task_id=c.closed_task_id,
    )


def record_contact(ctx: AppContext, patient_id: int, data: ContactInput) -> ContactInfo:
    """Log a contact with the hospital specialist; an outgoing one closes the open
    "tweede lijn informeren" task (same transaction)."""
    require(ctx, Action.SECOND_LINE)
    require_patient_in_scope(ctx, patient_id)
    direction = ContactDirection(_code(data.direction, ContactDirection, "de richting"))
    channel = ContactChannel(_code(data.channel, ContactChannel, "het kanaal"))
    received = Received(_code(data.received or "niets", Received, "wat is ontvangen"))
    counterpart = clean_line(data.counterpart, "met wie", required=True, limit=200)
    hospital = clean_line(data.hospital, "het ziekenhuis", limit=200)
    subject = clean_text(data.subject, "het onderwerp", required=True, limit=500)
    outcome = clean_text(data.outcome, "de uitkomst", limit=MAX_NOTE)
    received_note = clean_text(
        data.received_note, "de toelichting bij het ontvangene", limit=MAX_NOTE
    )
    check_not_future(data.contact_on, _today(), "De datum van het contact")
    with ctx.unit() as s:
        _patient(s, patient_id)
        row = SecondLineContact(
            patient_id=patient_id,
            contact_on=data.contact_on,
            direction=direction.value,
            channel=channel.value,
            counterpart=counterpart,
            hospital=hospital or None,
            subject=subject,
            outcome=outcome or None,
            received=received.value,
            received_note=received_note or None,
            created_by=ctx.user.id,
        )
        s.add(row)
        s.flush()
        ctx.audit(
            s,
            AuditAction.SECOND_LINE_CONTACT,
            patient_id=patient_id,
            entity="second_line_contact",
            entity_id=row.id,
            detail={
                "richting": direction.value,
                "kanaal": channel.value,
                "ontvangen": received.value,
            },
        )
        if direction is ContactDirection.UITGAAND:
            done = register._complete_tasks(
                s, ctx, [patient_id], FollowUpKind.TWEEDE_LIJN_INFORMEREN.value,
                f"Geïnformeerd: {counterpart} ({channel.label.lower()})",
            )  # fmt: skip
            row.closed_task_id = done[0] if done else None
        info = _contact_info(row)
    ctx.changes.publish("patient", patient_id)
    return info


def list_contacts(ctx: AppContext, patient_id: int) -> list[ContactInfo]:
    """The patient's second-line contacts, newest first."""
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    with ctx.read() as s:
        _patient(s, patient_id)
        rows = s.scalars(
            select(SecondLineContact)
            .where(SecondLineContact.patient_id == patient_id)
            .order_by(SecondLineContact.contact_on.desc(), SecondLineContact.id.desc())
        )
        return [_contact_info(r) for r in rows]


def record_nazorg(
    ctx: AppContext,
    patient_id: int,
    on: date,
    with_whom: str,
    outcome: str,
    note: str = "",
    by_person_id: int | None = None,
) -> NazorgInfo:
    """Contact with the naasten after death; a contact that reached them closes the task."""
    require(ctx, Action.NAZORG)
    require_patient_in_scope(ctx, patient_id)
    kind = NazorgOutcome(_code(outcome, NazorgOutcome, "de uitkomst"))
    whom = clean_line(with_whom, "met wie is gesproken", required=True, limit=200)
    text = clean_text(note, "de toelichting", limit=MAX_NOTE)
    check_not_future(on, _today(), "De datum van de nazorg")
    with ctx.unit() as s:
        _patient(s, patient_id)
        died_on = s.scalar(select(Death.died_on).where(Death.patient_id == patient_id))
        if died_on is None:
            raise ValidationError(
                "Nazorg is voor de naasten na het overlijden; leg eerst het overlijden vast."
            )
        if on < died_on:
            raise ValidationError(
                "De nazorg kan niet vóór het overlijden liggen. Controleer de datum."
            )
        by = by_person_id or ctx.user.person_id
        _person(s, by)
        row = NazorgContact(
            patient_id=patient_id,
            contact_on=on,
            with_whom=whom,
            by_person_id=by,
            outcome=kind.value,
            note=text or None,
            created_by=ctx.user.id,
        )
        s.add(row)
        s.flush()
        ctx.audit(
            s,
            AuditAction.NAZORG_CONTACT,
            patient_id=patient_id,
            entity="nazorg_contact",
            entity_id=row.id,
            detail={"uitkomst": kind.value},
        )
        if kind is not NazorgOutcome.NIET_BEREIKT:
            register._complete_tasks(
                s, ctx, [patient_id], FollowUpKind.NAZORG_NAASTEN.value, f"Nazorg: {kind.label}"
            )
        info = _nazorg_infos(s, [row])[0]
    ctx.changes.publish("patient", patient_id)
    return info


def _nazorg_infos(s: Session, rows: list[NazorgContact]) -> list[NazorgInfo]:
    names = _person_names(s, (r.by_person_id for r in rows))
    return [
        NazorgInfo(
            r.id,
            r.patient_id,
            r.contact_on,
            r.with_whom,
            names.get(r.by_person_id or 0, ""),
            r.outcome,
            NazorgOutcome(r.outcome).label,
            r.note or "",
        )  # fmt: skip
        for r in rows
    ]


def list_nazorg(ctx: AppContext, patient_id: int) -> list[NazorgInfo]:
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    with ctx.read() as s:
        _patient(s, patient_id)
        rows = list(
            s.scalars(
                select(NazorgContact)
                .where(NazorgContact.patient_id == patient_id)
                .order_by(NazorgContact.contact_on, NazorgContact.id)
            )
        )
        return _nazorg_infos(s, rows)
