"""Dying phase, death, deregistration and the follow-up tasks they create."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.dates import format_date
from pzmdo.domain.enums import PatientStatus
from pzmdo.domain.errors import NotFoundError, TransitionError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.register import (
    DEATH_FOLLOW_UPS,
    FollowUpKind,
    PlaceOfDeath,
    StervensfaseIndicator,
    check_death_date,
    check_event_date,
    check_transition,
)
from pzmdo.domain.text import display_name
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_patient
from pzmdo.services.register.helpers import _clean, _enum_value, _status_event, _today
from pzmdo.services.register.inputs import DeathInput, StervensfaseInput, TaskInfo
from pzmdo.services.register.marking import _add_task, _close_open_signals
from pzmdo.services.scope import (
    patient_clause,
    require_patient_in_scope,
    require_row_in_scope,
    scope_of,
)
from pzmdo.store.models import Patient
from pzmdo.store.models.register import (
    Death,
    FollowUpTask,
    Stervensfase,
)

# -- dying phase, death, deregistration --------------------------------------------------------------


def record_stervensfase(ctx: AppContext, patient_id: int, data: StervensfaseInput) -> None:
    require(ctx, Action.END_OF_LIFE)
    require_patient_in_scope(ctx, patient_id)
    today = _today()
    judged_by = _clean(data.judged_by)
    if not judged_by:
        raise ValidationError(
            "Vul in wie de stervensfase heeft vastgesteld; het (multidisciplinaire) oordeel "
            "is doorslaggevend."
        )
    indicators = [_enum_value(StervensfaseIndicator, i, "aanwijzing") for i in data.indicators]
    on = data.started_on or today
    with ctx.unit() as s:
        p = load_patient(s, patient_id)
        check_event_date(on, p.birth_date, today, "De datum van de stervensfase")
        if p.marked_on and on < p.marked_on:
            raise ValidationError(
                f"De stervensfase ({format_date(on)}) kan niet vóór de markering "
                f"({format_date(p.marked_on)}) beginnen. Controleer de datum."
            )
        check_transition(p.status, PatientStatus.STERVENSFASE)
        _status_event(ctx, s, p, PatientStatus.STERVENSFASE, on, f"vastgesteld door {judged_by}")
        row = Stervensfase(
            patient_id=p.id,
            started_on=on,
            indicators=",".join(i for i in indicators if i) or None,
            judged_by=judged_by,
            zorgpad_started=data.zorgpad_started,
            note=_clean(data.note),
            by_user_id=ctx.user.id,
        )
        s.add(row)
        s.flush()
        ctx.audit(
            s, AuditAction.STERVENSFASE, patient_id=p.id, entity="stervensfase", entity_id=row.id
        )
    ctx.changes.publish("patient", patient_id)


def end_stervensfase(ctx: AppContext, patient_id: int, reason: str) -> None:
    """The dying phase turned out not to be one (002:L234): back to gemarkeerd."""
    require(ctx, Action.END_OF_LIFE)
    require_patient_in_scope(ctx, patient_id)
    if not _clean(reason):
        raise ValidationError("Vul in waarom de stervensfase wordt beëindigd.")
    with ctx.unit() as s:
        p = load_patient(s, patient_id)
        check_transition(p.status, PatientStatus.GEMARKEERD)
        if p.status != PatientStatus.STERVENSFASE.value:
            raise TransitionError("Deze patiënt is niet in de stervensfase.")
        _status_event(ctx, s, p, PatientStatus.GEMARKEERD, _today(), _clean(reason))
        ctx.audit(s, AuditAction.STERVENSFASE_END, patient_id=p.id)
    ctx.changes.publish("patient", patient_id)


def record_death(ctx: AppContext, patient_id: int, data: DeathInput) -> list[int]:
    """Register the death; creates the follow-up tasks. Returns their ids."""
    require(ctx, Action.END_OF_LIFE)
    require_patient_in_scope(ctx, patient_id)
    today = _today()
    place = _enum_value(PlaceOfDeath, data.place, "plaats van overlijden") or "onbekend"
    with ctx.unit() as s:
        p = load_patient(s, patient_id)
        check_death_date(data.died_on, p.marked_on, p.birth_date, today)
        if p.status_since and data.died_on < p.status_since and p.status == "stervensfase":
            raise ValidationError(
                f"De overlijdensdatum ligt vóór het begin van de stervensfase "
                f"({format_date(p.status_since)}). Controleer de datum."
            )
        check_transition(p.status, PatientStatus.OVERLEDEN)
        _status_event(ctx, s, p, PatientStatus.OVERLEDEN, data.died_on, f"overleden ({place})")
        row = Death(
            patient_id=p.id,
            died_on=data.died_on,
            place=place,
            not_unexpected=data.not_unexpected,
            note=_clean(data.note),
            by_user_id=ctx.user.id,
        )
        s.add(row)
        _close_open_signals(s, p.id, today, "overleden")
        tasks = [
            _add_task(s, p.id, kind, max(today, data.died_on + timedelta(days=days)))
            for kind, days in DEATH_FOLLOW_UPS
        ]
        s.flush()
        ctx.audit(
            s,
            AuditAction.DEATH,
            patient_id=p.id,
            entity="death",
            entity_id=row.id,
            detail={"plaats": place, "niet_onverwacht": data.not_unexpected},
        )
        ids = [t.id for t in tasks]
    ctx.changes.publish("patient", patient_id)
    return ids


def deregister(ctx: AppContext, patient_id: int, reason: str, on: date | None = None) -> None:
    """Afmelden: niet (meer) palliatief. A reason is required."""
    require(ctx, Action.MARK)
    require_patient_in_scope(ctx, patient_id)
    today = _today()
    reason_text = _clean(reason)
    if not reason_text:
        raise ValidationError(
            "Vul de reden van afmelden in (bijvoorbeeld: niet (meer) palliatief, verhuisd)."
        )
    on = on or today
    with ctx.unit() as s:
        p = load_patient(s, patient_id)
        check_event_date(on, p.birth_date, today, "De datum van afmelden")
        check_transition(p.status, PatientStatus.AFGEMELD)
        _status_event(ctx, s, p, PatientStatus.AFGEMELD, on, reason_text)
        _close_open_signals(s, p.id, on, "afgemeld")
        ctx.audit(s, AuditAction.DEREGISTER, patient_id=p.id, detail={"reden": reason_text})
    ctx.changes.publish("patient", patient_id)


# -- follow-up tasks -----------------------------------------------------------------------------------


def open_tasks(ctx: AppContext, patient_id: int | None = None) -> list[TaskInfo]:
    require(ctx, Action.VIEW_REGISTER)
    require_patient_in_scope(ctx, patient_id)
    with ctx.read() as s:
        q = (
            select(FollowUpTask, Patient)
            .join(Patient, Patient.id == FollowUpTask.patient_id)
            .where(FollowUpTask.done_on.is_(None), patient_clause(scope_of(s, ctx)))
            .order_by(FollowUpTask.due_on, FollowUpTask.id)
        )
        if patient_id is not None:
            q = q.where(FollowUpTask.patient_id == patient_id)
        return [_task_info(t, p) for t, p in s.execute(q).all()]


def patient_tasks(ctx: AppContext, patient_id: int) -> list[TaskInfo]:
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    with ctx.read() as s:
        p = load_patient(s, patient_id)
        rows = s.scalars(
            select(FollowUpTask)
            .where(FollowUpTask.patient_id == patient_id)
            .order_by(FollowUpTask.done_on.is_not(None), FollowUpTask.due_on)
        )
        return [_task_info(t, p) for t in rows]


def _task_info(t: FollowUpTask, p: Patient) -> TaskInfo:
    return TaskInfo(
        id=t.id,
        patient_id=p.id,
        patient_name=display_name(p.given_name, p.name_prefix, p.family_name),
        kind=t.kind,
        label=FollowUpKind(t.kind).label,
        due_on=t.due_on,
        done_on=t.done_on,
    )


def complete_task(ctx: AppContext, task_id: int, note: str = "") -> None:
    require(ctx, Action.SIGNAL)
    require_row_in_scope(ctx, FollowUpTask, task_id)
    with ctx.unit() as s:
        t = s.get(FollowUpTask, task_id)
        if t is None:
            raise NotFoundError(f"Taak {task_id} bestaat niet (meer).")
        if t.done_on is not None:
            raise ValidationError("Deze taak is al afgerond.")
        t.done_on = _today()
        t.done_by_user_id = ctx.user.id
        t.note = _clean(note)
        ctx.audit(
            s,
            AuditAction.TASK_DONE,
            patient_id=t.patient_id,
            entity="follow_up_task",
            entity_id=t.id,
        )
        pid = t.patient_id
    ctx.changes.publish("patient", pid)


def _complete_tasks(
    s: Session, ctx: AppContext, patient_ids: Sequence[int], kind: str, note: str
) -> list[int]:
    """Complete the open tasks of one kind for these patients, in the caller's transaction."""
    done: list[int] = []
    for t in s.scalars(
        select(FollowUpTask).where(
            FollowUpTask.kind == kind,
            FollowUpTask.done_on.is_(None),
            FollowUpTask.patient_id.in_(list(patient_ids)),
        )
    ):
        t.done_on = _today()
        t.done_by_user_id = ctx.user.id
        t.note = _clean(note)
        ctx.audit(
            s,
            AuditAction.TASK_DONE,
            patient_id=t.patient_id,
            entity="follow_up_task",
            entity_id=t.id,
        )
        done.append(t.id)
    return done
