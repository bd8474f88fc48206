"""Marking a patient as palliative, the urgency level and the hospital MDO-PZ."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.careteam import TeamRole
from pzmdo.domain.enums import Discipline, PatientStatus, Role
from pzmdo.domain.errors import NotFoundError, TransitionError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.register import (
    ACTIVE_STATUSES,
    SURPRISE_QUESTION_VERSION,
    DeteriorationIndicator,
    FollowUpKind,
    SurpriseAnswer,
    UrgencyLevel,
    check_event_date,
    check_marking_date,
    check_transition,
    find_urgency,
    urgency_levels,
)
from pzmdo.services import careteam
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
from pzmdo.services.register.inputs import (
    PHYSICIAN_DISCIPLINES,
    URGENCY_SETTING,
    HospitalMdoInput,
    MarkingInput,
    PatientInput,
)
from pzmdo.services.scope import require_patient_in_scope, require_practice_in_scope
from pzmdo.store.models import Person, Setting
from pzmdo.store.models.register import (
    FollowUpTask,
    HospitalMdo,
    Marking,
    Signal,
    UrgencyChange,
)

# -- marking --------------------------------------------------------------------------------------


def _physician(s: Session, person_id: int) -> Person:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFoundError("De gekozen arts staat niet (meer) in de lijst van zorgverleners.")
    if person.discipline not in PHYSICIAN_DISCIPLINES:
        raise ValidationError(
            f"{person.name} is geen arts. Markeren doet de (regie)behandelaar: kies een "
            "huisarts of andere behandelend arts."
        )
    return person


def default_marker_id(ctx: AppContext) -> int | None:
    """The current user's person when they are a huisarts (they mark themselves)."""
    require(ctx, Action.SESSION)
    return ctx.user.person_id if Role.HUISARTS.value in ctx.user.roles else None


def mark_patient(ctx: AppContext, marking: MarkingInput) -> int:
    """Mark the palliative phase (find or create the patient). Returns the patient id."""
    require(ctx, Action.MARK)
    require_patient_in_scope(ctx, marking.patient_id)
    require_practice_in_scope(ctx, marking.new_patient.practice_id if marking.new_patient else None)
    today = _today()
    try:
        answer = SurpriseAnswer.from_text(marking.surprise_answer)
    except ValueError:
        raise ValidationError(
            "Beantwoord de surprise question met nee, ja of weet ik niet."
        ) from None
    indicators = tuple(
        _enum_value(DeteriorationIndicator, i, "indicator van achteruitgang")
        for i in marking.indicators
    )
    grounds = _clean(marking.other_grounds)
    if answer is not SurpriseAnswer.NEE and not (grounds or indicators):
        raise ValidationError(
            f"Bij het antwoord '{answer.label.lower()}' op de surprise question is markeren "
            "alleen mogelijk met andere gronden of indicatoren. Vul die in, of leg een signaal "
            "vast om de patiënt te bespreken."
        )
    on = marking.marked_on or today
    marker_id = marking.marked_by_person_id or default_marker_id(ctx)
    if marker_id is None:
        raise ValidationError("Kies de arts die markeert (de huisarts of behandelend arts).")
    with ctx.unit() as s:
        marker = _physician(s, marker_id)
        p, created = _resolve_patient(ctx, s, marking.patient_id, marking.new_patient, today)
        check_marking_date(on, p.birth_date, today)
        if p.gp_person_id is None and marker.discipline == Discipline.HUISARTS.value:
            p.gp_person_id = marker.id  # the marking huisarts is the patient's huisarts
        if created:
            p.status = ""
        check_transition(p.status or None, PatientStatus.GEMARKEERD)
        _status_event(ctx, s, p, PatientStatus.GEMARKEERD, on, "markering (surprise question)")
        p.marked_on = on
        row = Marking(
            patient_id=p.id,
            marked_on=on,
            question_version=SURPRISE_QUESTION_VERSION,
            surprise_answer=answer.value,
            marked_by_person_id=marker_id,
            proposed_by=_clean(marking.proposed_by),
            indicators=",".join(i for i in indicators if i) or None,
            other_grounds=grounds,
            to_agenda=marking.to_agenda,
            by_user_id=ctx.user.id,
        )
        s.add(row)
        s.flush()
        _close_open_signals(s, p.id, on, "gemarkeerd")
        if p.hospital:  # the GP informs the treating specialist (003:L370)
            _add_task(s, p.id, FollowUpKind.TWEEDE_LIJN_INFORMEREN, on + timedelta(days=7))
        ctx.audit(
            s,
            AuditAction.MARK,
            patient_id=p.id,
            entity="marking",
            entity_id=row.id,
            detail={
                "antwoord": answer.value,
                "datum": on.isoformat(),
                "agenderen": marking.to_agenda,
            },
        )
        pid = p.id
    ctx.changes.publish("patient", pid)
    return pid


def _close_open_signals(s: Session, patient_id: int, on: date, note: str) -> None:
    for sig in s.scalars(
        select(Signal).where(Signal.patient_id == patient_id, Signal.handled_on.is_(None))
    ):
        sig.handled_on = on
        sig.handled_note = note


def _add_task(s: Session, patient_id: int, kind: FollowUpKind, due: date) -> FollowUpTask:
    task = FollowUpTask(patient_id=patient_id, kind=kind.value, due_on=due)
    s.add(task)
    return task


# -- urgency ----------------------------------------------------------------------------------------


def urgency_levels_for(ctx: AppContext) -> tuple[UrgencyLevel, ...]:
    require(ctx, Action.SESSION)
    import json

    with ctx.read() as s:
        row = s.get(Setting, URGENCY_SETTING)
    configured = None
    if row is not None:
        try:
            configured = json.loads(row.value)
        except ValueError:
            configured = None
    return urgency_levels(configured if isinstance(configured, list) else None)


def set_urgency(ctx: AppContext, patient_id: int, code: str, note: str = "") -> None:
    """Change the urgency colour; every change is dated (and is an agenda reason)."""
    require(ctx, Action.MARK)
    require_patient_in_scope(ctx, patient_id)
    level = find_urgency(code, urgency_levels_for(ctx))
    today = _today()
    with ctx.unit() as s:
        p = load_patient(s, patient_id)
        if p.status not in ACTIVE_STATUSES:
            raise TransitionError(
                f"De urgentie geldt alleen voor patiënten in zorg; deze patiënt is "
                f"{PatientStatus(p.status).label.lower()}."
            )
        if p.urgency == level.code:
            raise ValidationError(
                f"De urgentie is al {level.label.lower()}; er is niets veranderd."
            )
        links = s.scalar(
            select(func.coalesce(func.max(UrgencyChange.seq), 0)).where(
                UrgencyChange.patient_id == p.id
            )
        )
        s.add(
            UrgencyChange(
                patient_id=p.id,
                seq=(links or 0) + 1,
                changed_on=today,
                previous_code=p.urgency,
                code=level.code,
                note=_clean(note),
                by_user_id=ctx.user.id,
            )
        )
        ctx.audit(
            s,
            AuditAction.URGENCY,
            patient_id=p.id,
            entity="patient",
            entity_id=p.id,
            detail={"van": p.urgency, "naar": level.code},
        )
        p.urgency = level.code
        p.urgency_since = today
    ctx.changes.publish("patient", patient_id)


# -- hospital MDO-PZ --------------------------------------------------------------------------------


def register_hospital_mdo(
    ctx: AppContext,
    patient_id: int | None,
    mdo: HospitalMdoInput,
    *,
    new_patient: PatientInput | None = None,
) -> int:
    """A patient marked or discussed in a hospital MDO-PZ. Returns the patient id.

    The GP becomes regiebehandelaar by default (003:L368); a hospital marking marks the
    patient here too.
    """
    require(ctx, Action.PATIENT_EDIT)
    require_patient_in_scope(ctx, patient_id)
    require_practice_in_scope(ctx, new_patient.practice_id if new_patient else None)
    today = _today()
    hospital = _clean(mdo.hospital)
    if not hospital:
        raise ValidationError("Vul in in welk ziekenhuis het MDO-PZ plaatsvond.")
    with ctx.unit() as s:
        p, created = _resolve_patient(ctx, s, patient_id, new_patient, today)
        check_event_date(mdo.mdo_on, p.birth_date, today, "De datum van het MDO-PZ")
        if p.status == PatientStatus.OVERLEDEN.value:
            raise TransitionError("Deze patiënt is overleden; registreer geen MDO-PZ meer.")
        if created:
            p.status = ""
        row = HospitalMdo(
            patient_id=p.id,
            mdo_on=mdo.mdo_on,
            hospital=hospital,
            specialist=_clean(mdo.specialist),
            marked_in_hospital=mdo.marked_in_hospital,
            acp_received=mdo.acp_received,
            note=_clean(mdo.note),
            by_user_id=ctx.user.id,
        )
        s.add(row)
        p.hospital = p.hospital or hospital
        if mdo.specialist and not p.specialist:
            p.specialist = _clean(mdo.specialist)
        status = p.status or None
        if mdo.marked_in_hospital and status in (None, "gesignaleerd", "afgemeld"):
            _status_event(
                ctx, s, p, PatientStatus.GEMARKEERD, mdo.mdo_on, f"gemarkeerd in MDO-PZ {hospital}"
            )
            p.marked_on = mdo.mdo_on
            s.add(
                Marking(
                    patient_id=p.id,
                    marked_on=mdo.mdo_on,
                    question_version=SURPRISE_QUESTION_VERSION,
                    surprise_answer=None,
                    marked_by_person_id=None,
                    proposed_by=f"MDO-PZ {hospital}"
                    + (f" ({_clean(mdo.specialist)})" if mdo.specialist else ""),
                    to_agenda=True,
                    in_hospital=True,
                    by_user_id=ctx.user.id,
                )
            )
            _close_open_signals(s, p.id, mdo.mdo_on, "gemarkeerd in het ziekenhuis")
        elif status is None:
            _status_event(ctx, s, p, PatientStatus.GESIGNALEERD, mdo.mdo_on, "besproken in MDO-PZ")
        gp_for_central = None
        if mdo.gp_becomes_regiebehandelaar and p.gp_person_id and not p.central_caregiver_id:
            gp_for_central = p.gp_person_id
        s.flush()
        ctx.audit(
            s,
            AuditAction.HOSPITAL_MDO,
            patient_id=p.id,
            entity="hospital_mdo",
            entity_id=row.id,
            detail={"gemarkeerd": mdo.marked_in_hospital},
        )
        pid = p.id
        if gp_for_central is not None:
            _make_central(ctx, s, pid, gp_for_central)
    ctx.changes.publish("patient", pid)
    if gp_for_central is not None:
        ctx.changes.publish("careteam", pid)
    return pid


def _make_central(ctx: AppContext, s: Session, patient_id: int, person_id: int) -> None:
    """The GP as regiebehandelaar, in the register's own transaction (one user action)."""
    reason = "Ziekenhuis-MDO-PZ: de huisarts wordt regiebehandelaar (003:L368)"
    careteam._set_role_holder(
        s, ctx, patient_id, TeamRole.CENTRALE_ZORGVERLENER, person_id, reason, None
    )
