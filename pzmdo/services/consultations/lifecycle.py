"""Requesting a consultation and its lifecycle: start, advice, close, cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.consultations import (
    Complexity,
    ConsultDimension,
    ConsultMode,
    ConsultStatus,
    check_transition,
    time_window,
)
from pzmdo.domain.enums import PatientStatus
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.services.consultations.helpers import (
    _aware,
    _enum,
    _not_before,
    _require_person,
    _single,
    _text,
)
from pzmdo.services.consultations.results import ENTITY, MAX_ADVICE, MAX_QUESTION, ConsultationInfo
from pzmdo.services.context import AppContext, check_version
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_consultation, load_meeting, load_patient
from pzmdo.services.scope import (
    require_meeting_in_scope,
    require_patient_in_scope,
    require_row_in_scope,
)
from pzmdo.store.models.consultations import Consultation, ConsultTeam

# -- request and lifecycle --------------------------------------------------------------------


def request_consultation(
    ctx: AppContext,
    patient_id: int,
    *,
    team_id: int,
    question: str,
    mode: str | ConsultMode,
    complexity: str | Complexity,
    dimensions: Iterable[str | ConsultDimension] = (),
    requested_at: datetime | None = None,
    requested_by_person_id: int | None = None,
    consultant_person_id: int | None = None,
    meeting_id: int | None = None,
) -> int:
    """Record a request for specialist advice; kantoortijd/ANW follows from the time."""
    require(ctx, Action.CONSULT_REQUEST)
    require_patient_in_scope(ctx, patient_id)
    require_meeting_in_scope(ctx, meeting_id)
    question = _text(
        question,
        MAX_QUESTION,
        "Vul de consultatievraag in: wat wilt u van de specialist weten?",
        "vraag",
    )
    mode_ = _enum(ConsultMode, mode, "vorm van consultatie")
    complexity_ = _enum(Complexity, complexity, "complexiteit")
    dims = [_enum(ConsultDimension, d, "dimensie") for d in dimensions]
    at = _aware(requested_at, "aanvraagtijd")
    window = time_window(at)
    with ctx.unit() as s:
        patient = load_patient(s, patient_id)
        if patient.status == PatientStatus.OVERLEDEN.value:
            raise ValidationError(
                "Deze patiënt is overleden; een consultatie kan niet meer worden aangevraagd."
            )
        team = s.get(ConsultTeam, team_id)
        if team is None or not team.active:
            raise ValidationError(
                "Kies een actief consultatieteam. Teams beheert u onder Consultaties › Teams."
            )
        requester = requested_by_person_id or ctx.user.person_id
        _require_person(s, requester, "aanvrager")
        if consultant_person_id is not None:
            _require_person(s, consultant_person_id, "consulent")
        if meeting_id is not None:
            load_meeting(s, meeting_id)
        c = Consultation(
            patient_id=patient_id,
            team_id=team.id,
            consultant_person_id=consultant_person_id,
            requested_by_person_id=requester,
            meeting_id=meeting_id,
            requested_at=at,
            time_window=window.value,
            question=question,
            mode=mode_.value,
            complexity=complexity_.value,
            dimensions=",".join(dict.fromkeys(d.value for d in dims)),
            status=ConsultStatus.AANGEVRAAGD.value,
            created_by_user_id=ctx.user.id,
        )
        s.add(c)
        s.flush()
        ctx.audit(
            s,
            AuditAction.CONSULT_REQUEST,
            patient_id=patient_id,
            entity=ENTITY,
            entity_id=c.id,
            detail={
                "team": team.id,
                "vorm": mode_.value,
                "complexiteit": complexity_.value,
                "venster": window.value,
                "overleg": meeting_id,
            },
        )
        new_id = c.id
    ctx.changes.publish(ENTITY, new_id)
    ctx.changes.publish("patient", patient_id)
    return new_id


def _transition(
    ctx: AppContext,
    consultation_id: int,
    target: ConsultStatus,
    apply: Callable[[Session, Consultation], None],
    detail: dict[str, Any] | None = None,
) -> ConsultationInfo:
    with ctx.unit() as s:
        c = load_consultation(s, consultation_id)
        check_transition(ConsultStatus(c.status), target)
        apply(s, c)
        c.status = target.value
        s.flush()
        ctx.audit(
            s,
            AuditAction(f"consult_{target.value}"),
            patient_id=c.patient_id,
            entity=ENTITY,
            entity_id=c.id,
            detail=detail,
        )
        info = _single(ctx, s, c)
    ctx.changes.publish(ENTITY, consultation_id)
    ctx.changes.publish("patient", info.patient_id)
    return info


def start_consultation(
    ctx: AppContext,
    consultation_id: int,
    *,
    at: datetime | None = None,
    consultant_person_id: int | None = None,
) -> ConsultationInfo:
    """aangevraagd → in behandeling: the team has picked the request up."""
    require(ctx, Action.CONSULT_ADVICE)
    require_row_in_scope(ctx, Consultation, consultation_id)
    when = _aware(at, "tijd van oppakken")

    def apply(s: Session, c: Consultation) -> None:
        _not_before(when, c.requested_at, "tijd van oppakken", "aanvraagtijd")
        if consultant_person_id is not None:
            _require_person(s, consultant_person_id, "consulent")
            c.consultant_person_id = consultant_person_id
        c.accepted_at = when

    return _transition(ctx, consultation_id, ConsultStatus.IN_BEHANDELING, apply)


def record_advice(
    ctx: AppContext,
    consultation_id: int,
    advice: str,
    *,
    at: datetime | None = None,
    advice_by_person_id: int | None = None,
    close: bool = False,
    expected_version: int | None = None,
) -> ConsultationInfo:
    """Record the specialist's advice (in behandeling → advies gegeven, optionally afgesloten).
    ``expected_version``: the version the screen showed (a stale save is refused).

    An advice given straight away on a request that was never marked *in behandeling*
    (a telephone consultation answered at once) records both steps at the advice time.
    """
    require(ctx, Action.CONSULT_ADVICE)
    require_row_in_scope(ctx, Consultation, consultation_id)
    text = _text(
        advice, MAX_ADVICE, "Vul het advies van de specialist in voordat u het vastlegt.", "advies"
    )
    when = _aware(at, "tijd van het advies")
    with ctx.unit() as s:
        c = load_consultation(s, consultation_id)
        check_version(c, expected_version, "Deze consultatie")
        status = ConsultStatus(c.status)
        if status is ConsultStatus.AANGEVRAAGD:
            check_transition(status, ConsultStatus.IN_BEHANDELING)
            _not_before(when, c.requested_at, "tijd van het advies", "aanvraagtijd")
            c.accepted_at = when
            status = ConsultStatus.IN_BEHANDELING
        check_transition(status, ConsultStatus.ADVIES_GEGEVEN)
        _not_before(when, c.accepted_at or c.requested_at, "tijd van het advies", "starttijd")
        if advice_by_person_id is not None:
            _require_person(s, advice_by_person_id, "adviseur")
        c.advice = text
        c.advice_at = when
        c.advice_by_person_id = advice_by_person_id or c.consultant_person_id
        c.status = ConsultStatus.ADVIES_GEGEVEN.value
        if close:
            check_transition(ConsultStatus.ADVIES_GEGEVEN, ConsultStatus.AFGESLOTEN)
            c.closed_at = when
            c.status = ConsultStatus.AFGESLOTEN.value
        s.flush()
        ctx.audit(
            s,
            AuditAction.CONSULT_ADVIES_GEGEVEN,
            patient_id=c.patient_id,
            entity=ENTITY,
            entity_id=c.id,
            detail={"afgesloten": close},
        )
        info = _single(ctx, s, c)
    ctx.changes.publish(ENTITY, consultation_id)
    ctx.changes.publish("patient", info.patient_id)
    return info


def close_consultation(
    ctx: AppContext, consultation_id: int, *, at: datetime | None = None
) -> ConsultationInfo:
    """advies gegeven → afgesloten."""
    require(ctx, Action.CONSULT_ADVICE, Action.CONSULT_REQUEST)
    require_row_in_scope(ctx, Consultation, consultation_id)
    when = _aware(at, "tijd van afsluiten")

    def apply(s: Session, c: Consultation) -> None:
        _not_before(when, c.advice_at, "tijd van afsluiten", "tijd van het advies")
        c.closed_at = when

    return _transition(ctx, consultation_id, ConsultStatus.AFGESLOTEN, apply)


def cancel_consultation(
    ctx: AppContext, consultation_id: int, reason: str, *, at: datetime | None = None
) -> ConsultationInfo:
    """aangevraagd / in behandeling → geannuleerd, with a reason."""
    require(ctx, Action.CONSULT_REQUEST)
    require_row_in_scope(ctx, Consultation, consultation_id)
    why = _text(
        reason,
        1000,
        "Vul de reden van annuleren in (bijvoorbeeld: 'vraag vervallen, patiënt opgenomen').",
        "reden",
    )
    when = _aware(at, "tijd van annuleren")

    def apply(s: Session, c: Consultation) -> None:
        _not_before(when, c.requested_at, "tijd van annuleren", "aanvraagtijd")
        c.cancelled_at = when
        c.cancel_reason = why

    return _transition(ctx, consultation_id, ConsultStatus.GEANNULEERD, apply)


def change_status(
    ctx: AppContext,
    consultation_id: int,
    target: str | ConsultStatus,
    *,
    at: datetime | None = None,
    text: str = "",
) -> ConsultationInfo:
    """One generic step (used by the CLI): ``text`` is the advice or the cancel reason."""
    require(ctx, Action.CONSULT_ADVICE, Action.CONSULT_REQUEST)
    require_row_in_scope(ctx, Consultation, consultation_id)
    wanted = _enum(ConsultStatus, target, "status")
    if wanted is ConsultStatus.IN_BEHANDELING:
        return start_consultation(ctx, consultation_id, at=at)
    if wanted is ConsultStatus.ADVIES_GEGEVEN:
        with ctx.read() as s:
            check_transition(ConsultStatus(load_consultation(s, consultation_id).status), wanted)
        return record_advice(ctx, consultation_id, text, at=at)
    if wanted is ConsultStatus.AFGESLOTEN:
        return close_consultation(ctx, consultation_id, at=at)
    if wanted is ConsultStatus.GEANNULEERD:
        return cancel_consultation(ctx, consultation_id, text, at=at)
    with ctx.read() as s:
        check_transition(ConsultStatus(load_consultation(s, consultation_id).status), wanted)
    raise AssertionError("unreachable")  # pragma: no cover - check_transition refuses
