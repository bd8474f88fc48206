"""Signals: reasons to consider a patient for the register, and handling them."""

from __future__ import annotations

from sqlalchemy import select

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import PatientStatus
from pzmdo.domain.errors import NotFoundError, TransitionError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.register import (
    SignalSource,
    SignalType,
    check_event_date,
)
from pzmdo.domain.text import display_name
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_patient
from pzmdo.services.register.helpers import (
    _clean,
    _enum_value,
    _resolve_patient,
    _status_event,
    _today,
)
from pzmdo.services.register.inputs import PatientInput, SignalInfo, SignalInput
from pzmdo.services.scope import (
    patient_clause,
    require_patient_in_scope,
    require_practice_in_scope,
    require_row_in_scope,
    scope_of,
)
from pzmdo.store.models import Patient
from pzmdo.store.models.register import Signal

# -- signals ------------------------------------------------------------------------------------


def add_signal(
    ctx: AppContext,
    patient_id: int | None,
    signal: SignalInput,
    *,
    new_patient: PatientInput | None = None,
) -> int:
    """Record a signal (any role may). Returns the patient id.

    A new patient, or one who was deregistered, becomes *gesignaleerd*; for a patient
    already marked the signal only goes into the queue for the physician.
    """
    require(ctx, Action.SIGNAL)
    require_patient_in_scope(ctx, patient_id)
    require_practice_in_scope(ctx, new_patient.practice_id if new_patient else None)
    today = _today()
    source = _enum_value(SignalSource, signal.source, "bron van het signaal")
    kind = _enum_value(SignalType, signal.signal_type, "soort signaal")
    if source is None or kind is None:
        raise ValidationError("Kies de bron en de soort van het signaal.")
    on = signal.signalled_on or today
    with ctx.unit() as s:
        p, created = _resolve_patient(ctx, s, patient_id, new_patient, today)
        check_event_date(on, p.birth_date, today, "De datum van het signaal")
        if p.status == PatientStatus.OVERLEDEN.value:
            raise TransitionError(
                "Deze patiënt is overleden; een signaal kan niet meer worden vastgelegd."
            )
        if created:
            p.status = ""
            _status_event(ctx, s, p, PatientStatus.GESIGNALEERD, on, "signaal")
        elif p.status == PatientStatus.AFGEMELD.value:
            _status_event(ctx, s, p, PatientStatus.GESIGNALEERD, on, "nieuw signaal na afmelding")
        row = Signal(
            patient_id=p.id,
            signalled_on=on,
            source=source,
            signal_type=kind,
            signalled_by=_clean(signal.signalled_by),
            note=_clean(signal.note),
            by_user_id=ctx.user.id,
        )
        s.add(row)
        s.flush()
        ctx.audit(
            s,
            AuditAction.SIGNAL_ADD,
            patient_id=p.id,
            entity="signal",
            entity_id=row.id,
            detail={"bron": source, "soort": kind},
        )
        pid = p.id
    ctx.changes.publish("patient", pid)
    return pid


def _signal_info(row: Signal, p: Patient) -> SignalInfo:
    return SignalInfo(
        id=row.id,
        patient_id=p.id,
        patient_name=display_name(p.given_name, p.name_prefix, p.family_name),
        signalled_on=row.signalled_on,
        source_label=SignalSource(row.source).label,
        type_label=SignalType(row.signal_type).label,
        signalled_by=row.signalled_by,
        note=row.note,
        handled_on=row.handled_on,
    )


def signal_queue(ctx: AppContext) -> list[SignalInfo]:
    """Open signals: "te bespreken met de regiebehandelaar", oldest first."""
    require(ctx, Action.VIEW_REGISTER)
    with ctx.read() as s:
        rows = s.execute(
            select(Signal, Patient)
            .join(Patient, Patient.id == Signal.patient_id)
            .where(Signal.handled_on.is_(None), patient_clause(scope_of(s, ctx)))
            .order_by(Signal.signalled_on, Signal.id)
        ).all()
        return [_signal_info(sig, p) for sig, p in rows]


def patient_signals(ctx: AppContext, patient_id: int) -> list[SignalInfo]:
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    with ctx.read() as s:
        p = load_patient(s, patient_id)
        rows = s.scalars(
            select(Signal).where(Signal.patient_id == patient_id).order_by(Signal.signalled_on)
        )
        return [_signal_info(r, p) for r in rows]


def handle_signal(ctx: AppContext, signal_id: int, note: str = "") -> None:
    require(ctx, Action.MARK)
    require_row_in_scope(ctx, Signal, signal_id)
    with ctx.unit() as s:
        row = s.get(Signal, signal_id)
        if row is None:
            raise NotFoundError(f"Signaal {signal_id} bestaat niet (meer).")
        if row.handled_on is not None:
            raise ValidationError("Dit signaal is al besproken.")
        row.handled_on = _today()
        row.handled_note = _clean(note)
        ctx.audit(
            s,
            AuditAction.SIGNAL_HANDLED,
            patient_id=row.patient_id,
            entity="signal",
            entity_id=row.id,
        )
        pid = row.patient_id
    ctx.changes.publish("patient", pid)
