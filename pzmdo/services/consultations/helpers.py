"""Shared building blocks for the consultation services: checks, loading, info builders."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from pzmdo.domain.consultations import (
    DEFAULT_OVERDUE_WORKING_DAYS,
    OPEN_STATUSES,
    Complexity,
    ConsultMode,
    ConsultStatus,
    TeamType,
    TimeWindow,
    hours_between,
    is_overdue,
    parse_dimensions,
    to_local,
    validate_threshold,
    working_days_between,
)
from pzmdo.domain.enums import Discipline, LabelledEnum
from pzmdo.domain.errors import NotFoundError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_text, display_name
from pzmdo.services.consultations.results import (
    CLOCK_SLACK,
    ENTITY,
    OVERDUE_SETTING,
    ConsultationInfo,
    MemberInfo,
    TeamInfo,
)
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.store.models import Patient, Person, Setting
from pzmdo.store.models.consultations import Consultation, ConsultTeam

# -- helpers ------------------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC)


E = TypeVar("E", bound=LabelledEnum)


def _enum(kind: type[E], value: str | E, what: str) -> E:
    if isinstance(value, kind):
        return value
    try:
        return kind.from_text(str(value))
    except ValueError:
        choices = ", ".join(f"{m.value} ({m.label})" for m in kind)
        raise ValidationError(f"Onbekende {what} '{value}'. Kies uit: {choices}.") from None


def _aware(at: datetime | None, what: str) -> datetime:
    if at is None:
        return _now()
    if at.tzinfo is None:
        raise ValidationError(f"De {what} mist een tijdzone; geef een volledige tijd op.")
    if at > _now() + CLOCK_SLACK:
        raise ValidationError(
            f"De {what} ({to_local(at):%d-%m-%Y %H:%M}) ligt in de toekomst. "
            "Vul het moment in waarop het echt gebeurde."
        )
    return at


def _not_before(at: datetime, earlier: datetime | None, what: str, earlier_what: str) -> None:
    if earlier is not None and at < earlier:
        raise ValidationError(
            f"De {what} ({to_local(at):%d-%m-%Y %H:%M}) ligt vóór de {earlier_what} "
            f"({to_local(earlier):%d-%m-%Y %H:%M}). Controleer datum en tijd."
        )


def _text(value: str | None, limit: int, empty_message: str, what: str) -> str:
    if not (value or "").strip():
        raise ValidationError(empty_message)
    return clean_text(value, f"de {what}", limit=limit)


def _person_name(s: Session, person_id: int | None) -> str | None:
    if person_id is None:
        return None
    person = s.get(Person, person_id)
    return person.name if person else None


def _require_person(s: Session, person_id: int, what: str) -> Person:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFoundError(
            f"De {what} (persoon {person_id}) staat niet in de zorgverlenerslijst. "
            "Kies iemand uit de lijst."
        )
    return person


def _threshold_in(s: Session) -> float:
    row = s.get(Setting, OVERDUE_SETTING)
    if row is None:
        return DEFAULT_OVERDUE_WORKING_DAYS
    try:
        return float(json.loads(row.value))
    except (TypeError, ValueError):
        return DEFAULT_OVERDUE_WORKING_DAYS


def overdue_threshold(ctx: AppContext) -> float:
    """Working days after which an open consultation counts as overdue (default 2)."""
    require(ctx, Action.SESSION)
    with ctx.read() as s:
        return _threshold_in(s)


def set_overdue_threshold(ctx: AppContext, working_days: float) -> float:
    require(ctx, Action.SETTINGS)
    value = validate_threshold(working_days)
    from pzmdo.services.settings import set_setting

    set_setting(ctx, OVERDUE_SETTING, value)
    ctx.changes.publish(ENTITY)
    return value


def _team_info(team: ConsultTeam) -> TeamInfo:
    members = tuple(
        MemberInfo(
            person_id=m.person_id,
            name=m.person.name,
            discipline_label=_discipline_label(m.person.discipline),
            phone=m.person.phone,
        )
        for m in sorted(team.members, key=lambda m: m.person.name.lower())
    )
    return TeamInfo(
        id=team.id,
        name=team.name,
        team_type=team.team_type,
        type_label=TeamType(team.team_type).label,
        subregion=team.subregion,
        phone_office=team.phone_office,
        phone_anw=team.phone_anw,
        email=team.email,
        notes=team.notes,
        active=team.active,
        members=members,
    )


def _discipline_label(code: str) -> str:
    try:
        return Discipline(code).label
    except ValueError:
        return code


def _info(
    s: Session,
    c: Consultation,
    patient: Patient,
    now: datetime,
    threshold: float,
    names: dict[int, str],
) -> ConsultationInfo:
    status = ConsultStatus(c.status)
    window = TimeWindow(c.time_window)
    dims = parse_dimensions(c.dimensions)

    def name(pid: int | None) -> str | None:
        if pid is None:
            return None
        if pid not in names:
            names[pid] = _person_name(s, pid) or "?"
        return names[pid]

    end = c.advice_at or (now if status in OPEN_STATUSES else None)
    response_hours = hours_between(c.requested_at, c.advice_at) if c.advice_at else None
    response_days = working_days_between(c.requested_at, c.advice_at) if c.advice_at else None
    elapsed = working_days_between(c.requested_at, end) if end else 0.0
    team = c.team
    return ConsultationInfo(
        id=c.id,
        patient_id=c.patient_id,
        patient_name=display_name(patient.given_name, patient.name_prefix, patient.family_name),
        patient_fictional=patient.is_fictional,
        team_id=c.team_id,
        team_name=team.name,
        team_type_label=TeamType(team.team_type).label,
        consultant_person_id=c.consultant_person_id,
        consultant_name=name(c.consultant_person_id),
        requested_by_person_id=c.requested_by_person_id,
        requested_by_name=name(c.requested_by_person_id) or "?",
        meeting_id=c.meeting_id,
        requested_at=c.requested_at,
        time_window=window.value,
        time_window_label=window.label,
        phone=team.phone_office if window is TimeWindow.KANTOORTIJD else team.phone_anw,
        question=c.question,
        mode=c.mode,
        mode_label=ConsultMode(c.mode).label,
        complexity=c.complexity,
        complexity_label=Complexity(c.complexity).label,
        dimensions=tuple(d.value for d in dims),
        dimension_labels=tuple(d.label for d in dims),
        status=status.value,
        status_label=status.label,
        accepted_at=c.accepted_at,
        advice_at=c.advice_at,
        advice=c.advice,
        advice_by_name=name(c.advice_by_person_id),
        closed_at=c.closed_at,
        cancelled_at=c.cancelled_at,
        cancel_reason=c.cancel_reason,
        processed_at=c.processed_at,
        processed_into=c.processed_into,
        response_hours=response_hours,
        response_working_days=response_days,
        elapsed_working_days=elapsed,
        overdue=is_overdue(status, c.requested_at, now, threshold),
        version=c.version,
    )


def _single(ctx: AppContext, s: Session, c: Consultation) -> ConsultationInfo:
    patient = s.get(Patient, c.patient_id)
    assert patient is not None
    return _info(s, c, patient, _now(), _threshold_in(s), {})
