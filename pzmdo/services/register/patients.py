"""Patients: create, update and read a patient in the register."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import Discipline, PatientStatus
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.register import (
    ALLOWED_TRANSITIONS,
    SignalSource,
    SignalType,
    UrgencyLevel,
    find_urgency,
)
from pzmdo.domain.text import display_name
from pzmdo.services.context import AppContext, check_version
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_patient
from pzmdo.services.patients import age_on
from pzmdo.services.register.helpers import (
    _apply_patient,
    _check_unique,
    _index_words,
    _input_of,
    _new_patient,
    _status_event,
    _today,
    validate_patient_input,
)
from pzmdo.services.register.inputs import (
    PHYSICIAN_DISCIPLINES,
    HistoryItem,
    PatientDetails,
    PatientInput,
    PersonChoice,
)
from pzmdo.services.register.marking import urgency_levels_for
from pzmdo.services.scope import require_patient_in_scope, require_practice_in_scope
from pzmdo.store.models import Patient, Person
from pzmdo.store.models.register import (
    HospitalMdo,
    Signal,
    StatusEvent,
    UrgencyChange,
)

# -- patients ---------------------------------------------------------------------------------


def create_patient(ctx: AppContext, data: PatientInput, *, reason: str | None = None) -> int:
    """Add a patient to the register with status gesignaleerd."""
    require(ctx, Action.PATIENT_EDIT)
    require_practice_in_scope(ctx, data.practice_id)
    today = _today()
    with ctx.unit() as s:
        p = _new_patient(ctx, s, data, today)
        p.status = ""  # so the first event reads "from nothing"
        _status_event(
            ctx, s, p, PatientStatus.GESIGNALEERD, today, reason or "aangemeld in het register"
        )
        pid = p.id
    ctx.changes.publish("patient", pid)
    return pid


def update_patient(
    ctx: AppContext, patient_id: int, data: PatientInput, *, expected_version: int | None = None
) -> None:
    """Save the patient's details; ``expected_version`` is the version the form showed (a
    save on top of someone else's newer change is refused)."""
    require(ctx, Action.PATIENT_EDIT)
    require_patient_in_scope(ctx, patient_id)
    data = validate_patient_input(data)
    with ctx.unit() as s:
        p = load_patient(s, patient_id)
        check_version(p, expected_version, "De gegevens van deze patiënt")
        _check_unique(s, data, exclude_id=patient_id)
        if p.marked_on and data.birth_date > p.marked_on:
            raise ValidationError(
                "De geboortedatum ligt na de markeringsdatum. Controleer de geboortedatum."
            )
        _apply_patient(p, data)
        _index_words(s, p.id, p.search_name)
        ctx.audit(
            s,
            AuditAction.PATIENT_EDIT,
            patient_id=patient_id,
            entity="patient",
            entity_id=patient_id,
        )
    ctx.changes.publish("patient", patient_id)


def get_patient(ctx: AppContext, patient_id: int) -> PatientDetails:
    """Everything the overview shows; audited as a read of the record."""
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    levels = urgency_levels_for(ctx)
    with ctx.unit() as s:
        p = load_patient(s, patient_id)
        gp = s.get(Person, p.gp_person_id) if p.gp_person_id else None
        central = s.get(Person, p.central_caregiver_id) if p.central_caregiver_id else None
        ctx.record_opened(s, patient_id)
        status = PatientStatus(p.status)
        urgency = None
        if p.urgency:
            try:
                urgency = find_urgency(p.urgency, levels)
            except ValidationError:
                urgency = UrgencyLevel(p.urgency, p.urgency, "", "#888888")
        return PatientDetails(
            id=p.id,
            data=_input_of(p),
            name=display_name(p.given_name, p.name_prefix, p.family_name),
            age=age_on(p.birth_date, _age_day(p)),
            status=p.status,
            status_label=status.label,
            status_since=p.status_since,
            marked_on=p.marked_on,
            urgency=urgency,
            urgency_since=p.urgency_since,
            gp_name=gp.name if gp else None,
            central_caregiver_name=central.name if central else None,
            last_discussed_on=p.last_discussed_on,
            next_review_on=p.next_review_on,
            allowed_next=tuple(s_.value for s_ in ALLOWED_TRANSITIONS[status]),
            version=p.version,
        )


def _age_day(p: Patient) -> date:
    if p.status == PatientStatus.OVERLEDEN.value and p.status_since:
        return p.status_since
    return _today()


# -- history --------------------------------------------------------------------------------------


def history(ctx: AppContext, patient_id: int) -> list[HistoryItem]:
    """The patient's register history, newest first."""
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    items: list[tuple[date, Any, HistoryItem]] = []
    with ctx.read() as s:
        load_patient(s, patient_id)
        for e in s.scalars(select(StatusEvent).where(StatusEvent.patient_id == patient_id)):
            text = f"Status: {PatientStatus(e.to_status).label.lower()}"
            if e.reason:
                text += f" — {e.reason}"
            items.append((e.on_date, e.created_at, HistoryItem(e.on_date, text, e.by_login)))
        for u in s.scalars(select(UrgencyChange).where(UrgencyChange.patient_id == patient_id)):
            text = f"Urgentie: {u.previous_code or 'geen'} → {u.code}"
            if u.note:
                text += f" — {u.note}"
            items.append((u.changed_on, u.created_at, HistoryItem(u.changed_on, text)))
        for h in s.scalars(select(HospitalMdo).where(HospitalMdo.patient_id == patient_id)):
            text = f"MDO-PZ {h.hospital}" + (" (gemarkeerd)" if h.marked_in_hospital else "")
            items.append((h.mdo_on, h.created_at, HistoryItem(h.mdo_on, text)))
        for g in s.scalars(select(Signal).where(Signal.patient_id == patient_id)):
            text = (
                f"Signaal ({SignalSource(g.source).label}): {SignalType(g.signal_type).label}"
                + (f" — {g.note}" if g.note else "")
            )
            items.append((g.signalled_on, g.created_at, HistoryItem(g.signalled_on, text)))
    items.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [item for _d, _i, item in items]


# -- people ----------------------------------------------------------------------------------------


def list_physicians(ctx: AppContext) -> list[PersonChoice]:
    require(ctx, Action.VIEW_DIRECTORY)
    return _persons(ctx, PHYSICIAN_DISCIPLINES)


def list_gps(ctx: AppContext) -> list[PersonChoice]:
    require(ctx, Action.VIEW_DIRECTORY)
    return _persons(ctx, (Discipline.HUISARTS.value,))


def _persons(ctx: AppContext, disciplines: Sequence[str]) -> list[PersonChoice]:
    with ctx.read() as s:
        rows = s.scalars(
            select(Person)
            .where(Person.discipline.in_(disciplines), Person.active.is_(True))
            .order_by(Person.name)
        )
        return [PersonChoice(p.id, p.name, p.discipline) for p in rows]
