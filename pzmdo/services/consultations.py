"""Specialist palliative care consultation: teams, requests, lifecycle, advice, overviews.

Each call is one transaction with its audit event. Results are frozen dataclasses.
The lifecycle rules live in :mod:`pzmdo.domain.consultations`.
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from pzmdo.domain.agenda import AgendaCandidate, AgendaReason
from pzmdo.domain.consultations import (
    DEFAULT_OVERDUE_WORKING_DAYS,
    OPEN_STATUSES,
    Complexity,
    ConsultDimension,
    ConsultMode,
    ConsultStatus,
    TeamType,
    TimeWindow,
    check_transition,
    format_working_days,
    hours_between,
    is_overdue,
    parse_dimensions,
    time_window,
    to_local,
    validate_threshold,
    working_days_between,
)
from pzmdo.domain.enums import Discipline, LabelledEnum, PatientStatus
from pzmdo.domain.errors import NotFoundError, ValidationError
from pzmdo.domain.text import clean_line, clean_text, display_name
from pzmdo.services import careplan
from pzmdo.services.context import AppContext, check_version
from pzmdo.store.models import Patient, Person, Setting
from pzmdo.store.models.consultations import Consultation, ConsultTeam, ConsultTeamMember
from pzmdo.store.models.meetings import Meeting

OVERDUE_SETTING = "consult_overdue_working_days"
ENTITY = "consultation"
MAX_QUESTION = 4000
MAX_ADVICE = 8000
# A request time a little in the future is a clock difference, not a typo.
CLOCK_SLACK = timedelta(minutes=10)


# -- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberInfo:
    person_id: int
    name: str
    discipline_label: str
    phone: str | None


@dataclass(frozen=True)
class TeamInfo:
    id: int
    name: str
    team_type: str
    type_label: str
    subregion: str | None
    phone_office: str | None
    phone_anw: str | None
    email: str | None
    notes: str | None
    active: bool
    members: tuple[MemberInfo, ...]

    def phone_for(self, window: TimeWindow) -> str | None:
        return self.phone_office if window is TimeWindow.KANTOORTIJD else self.phone_anw


@dataclass(frozen=True)
class ConsultationInfo:
    id: int
    patient_id: int
    patient_name: str
    patient_fictional: bool
    team_id: int
    team_name: str
    team_type_label: str
    consultant_person_id: int | None
    consultant_name: str | None
    requested_by_person_id: int
    requested_by_name: str
    meeting_id: int | None
    requested_at: datetime
    time_window: str
    time_window_label: str
    phone: str | None  # the team's number for the request's time window
    question: str
    mode: str
    mode_label: str
    complexity: str
    complexity_label: str
    dimensions: tuple[str, ...]
    dimension_labels: tuple[str, ...]
    status: str
    status_label: str
    accepted_at: datetime | None
    advice_at: datetime | None
    advice: str | None
    advice_by_name: str | None
    closed_at: datetime | None
    cancelled_at: datetime | None
    cancel_reason: str | None
    processed_at: datetime | None
    processed_into: str | None
    # Timeliness: request → advice (or → now while open).
    response_hours: float | None
    response_working_days: float | None
    elapsed_working_days: float
    overdue: bool
    version: int = 0  # what a later save must still find (optimistic check)

    @property
    def is_open(self) -> bool:
        return ConsultStatus(self.status) in OPEN_STATUSES


@dataclass(frozen=True)
class TeamLoad:
    team_id: int
    team_name: str
    type_label: str
    subregion: str | None
    open: int
    overdue: int
    advised: int  # advice given (advies gegeven or afgesloten)
    total: int
    median_response_working_days: float | None


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str
    discipline_label: str


@dataclass(frozen=True)
class ProcessResult:
    target: str  # "careplan" or "actions"
    created: tuple[int, ...]  # plan versions or action ids
    description: str  # Dutch, e.g. "2 afspraken in het zorgplan (versie 4)"


# -- helpers ------------------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC)


def _enum(kind: type[LabelledEnum], value: str | LabelledEnum, what: str) -> LabelledEnum:
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
    with ctx.read() as s:
        return _threshold_in(s)


def set_overdue_threshold(ctx: AppContext, working_days: float) -> float:
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


def _load(s: Session, consultation_id: int) -> Consultation:
    c = s.get(Consultation, consultation_id)
    if c is None:
        raise NotFoundError(
            f"Consultatie {consultation_id} bestaat niet (meer). Vernieuw de lijst."
        )
    return c


def _single(ctx: AppContext, s: Session, c: Consultation) -> ConsultationInfo:
    patient = s.get(Patient, c.patient_id)
    assert patient is not None
    return _info(s, c, patient, _now(), _threshold_in(s), {})


# -- directory helpers ----------------------------------------------------------------------


def list_requesters(ctx: AppContext) -> list[PersonChoice]:
    """Active care providers who can request a consultation (the directory)."""
    with ctx.read() as s:
        rows = s.scalars(select(Person).where(Person.active.is_(True)).order_by(Person.name))
        return [PersonChoice(p.id, p.name, _discipline_label(p.discipline)) for p in rows]


def list_consultant_candidates(ctx: AppContext) -> list[PersonChoice]:
    """Directory persons who can be a team member (specialists first, then the others)."""
    specialist = {
        Discipline.SPECIALIST_PZ.value,
        Discipline.VERPLEEGKUNDIG_SPECIALIST.value,
        Discipline.SPECIALIST_OUDERENGENEESKUNDE.value,
        Discipline.MEDISCH_SPECIALIST.value,
    }
    people = list_requesters(ctx)
    with ctx.read() as s:
        codes = {pid: code for pid, code in s.execute(select(Person.id, Person.discipline))}
    return sorted(people, key=lambda p: (codes.get(p.id) not in specialist, p.name.lower()))


# -- teams --------------------------------------------------------------------------------


def list_teams(ctx: AppContext, active_only: bool = True) -> list[TeamInfo]:
    with ctx.read() as s:
        query = select(ConsultTeam).order_by(ConsultTeam.name)
        if active_only:
            query = query.where(ConsultTeam.active.is_(True))
        return [_team_info(t) for t in s.scalars(query).unique()]


def get_team(ctx: AppContext, team_id: int) -> TeamInfo:
    with ctx.read() as s:
        team = s.get(ConsultTeam, team_id)
        if team is None:
            raise NotFoundError(f"Consultatieteam {team_id} bestaat niet (meer).")
        return _team_info(team)


def save_team(
    ctx: AppContext,
    team_id: int | None,
    *,
    name: str,
    team_type: str | TeamType,
    subregion: str | None = None,
    phone_office: str | None = None,
    phone_anw: str | None = None,
    email: str | None = None,
    notes: str | None = None,
    member_ids: Sequence[int] = (),
    active: bool = True,
) -> int:
    """Add (``team_id`` None) or change a consultation team; returns its id."""
    name = clean_line(name, "de naam van het team", limit=200)
    if not name:
        raise ValidationError("Vul de naam van het consultatieteam in.")
    kind = _enum(TeamType, team_type, "soort team")
    phones = {}
    for label, value in (("kantoortijd", phone_office), ("ANW", phone_anw)):
        value = (value or "").strip() or None
        if value and not re.fullmatch(r"[0-9+()\- ]{6,40}", value):
            raise ValidationError(
                f"Het telefoonnummer voor {label} ('{value}') is ongeldig: gebruik alleen "
                "cijfers, spaties, '+', '-' en haakjes."
            )
        phones[label] = value
    if not phones["kantoortijd"] and not phones["ANW"]:
        raise ValidationError(
            "Vul minstens één telefoonnummer in (kantoortijd of ANW), zodat de aanvrager "
            "weet wie te bellen."
        )
    with ctx.unit() as s:
        clash = s.scalars(select(ConsultTeam).where(ConsultTeam.name == name)).first()
        if clash is not None and clash.id != team_id:
            raise ValidationError(f"Er bestaat al een consultatieteam met de naam '{name}'.")
        if team_id is None:
            team = ConsultTeam(name=name, team_type=kind.value)
            s.add(team)
        else:
            team = s.get(ConsultTeam, team_id)
            if team is None:
                raise NotFoundError(f"Consultatieteam {team_id} bestaat niet (meer).")
        team.name = name
        team.team_type = kind.value
        team.subregion = clean_line(subregion, "de subregio", limit=100) or None
        team.phone_office = phones["kantoortijd"]
        team.phone_anw = phones["ANW"]
        team.email = clean_line(email, "het e-mailadres", limit=200) or None
        team.notes = clean_text(notes, "de notitie") or None
        team.active = active
        wanted = list(dict.fromkeys(int(i) for i in member_ids))
        for pid in wanted:
            _require_person(s, pid, "consulent")
        current = {m.person_id: m for m in team.members}
        for pid, member in current.items():
            if pid not in wanted:
                team.members.remove(member)
        for pid in wanted:
            if pid not in current:
                team.members.append(ConsultTeamMember(person_id=pid))
        s.flush()
        ctx.audit(
            s,
            "consult_team_save",
            entity="consult_team",
            entity_id=team.id,
            detail={"naam": name, "leden": len(wanted), "nieuw": team_id is None},
        )
        saved_id = team.id
    ctx.changes.publish("consult_team", saved_id)
    return saved_id


def deactivate_team(ctx: AppContext, team_id: int) -> None:
    """A team that stopped: kept for history, no longer offered for new requests."""
    with ctx.unit() as s:
        team = s.get(ConsultTeam, team_id)
        if team is None:
            raise NotFoundError(f"Consultatieteam {team_id} bestaat niet (meer).")
        team.active = False
        ctx.audit(s, "consult_team_deactivate", entity="consult_team", entity_id=team_id)
    ctx.changes.publish("consult_team", team_id)


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
        patient = s.get(Patient, patient_id)
        if patient is None:
            raise NotFoundError(f"Patiënt {patient_id} bestaat niet (meer).")
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
        if meeting_id is not None and s.get(Meeting, meeting_id) is None:
            raise NotFoundError(
                f"Overleg {meeting_id} bestaat niet (meer). Kies een bestaand overleg of laat "
                "het leeg."
            )
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
            "consult_request",
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
    detail: dict | None = None,
) -> ConsultationInfo:
    with ctx.unit() as s:
        c = _load(s, consultation_id)
        check_transition(ConsultStatus(c.status), target)
        apply(s, c)
        c.status = target.value
        s.flush()
        ctx.audit(
            s,
            f"consult_{target.value}",
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
    text = _text(
        advice, MAX_ADVICE, "Vul het advies van de specialist in voordat u het vastlegt.", "advies"
    )
    when = _aware(at, "tijd van het advies")
    with ctx.unit() as s:
        c = _load(s, consultation_id)
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
            "consult_advies_gegeven",
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
    when = _aware(at, "tijd van afsluiten")

    def apply(s: Session, c: Consultation) -> None:
        _not_before(when, c.advice_at, "tijd van afsluiten", "tijd van het advies")
        c.closed_at = when

    return _transition(ctx, consultation_id, ConsultStatus.AFGESLOTEN, apply)


def cancel_consultation(
    ctx: AppContext, consultation_id: int, reason: str, *, at: datetime | None = None
) -> ConsultationInfo:
    """aangevraagd / in behandeling → geannuleerd, with a reason."""
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
    wanted = _enum(ConsultStatus, target, "status")
    if wanted is ConsultStatus.IN_BEHANDELING:
        return start_consultation(ctx, consultation_id, at=at)
    if wanted is ConsultStatus.ADVIES_GEGEVEN:
        with ctx.read() as s:
            check_transition(ConsultStatus(_load(s, consultation_id).status), wanted)
        return record_advice(ctx, consultation_id, text, at=at)
    if wanted is ConsultStatus.AFGESLOTEN:
        return close_consultation(ctx, consultation_id, at=at)
    if wanted is ConsultStatus.GEANNULEERD:
        return cancel_consultation(ctx, consultation_id, text, at=at)
    with ctx.read() as s:
        check_transition(ConsultStatus(_load(s, consultation_id).status), wanted)
    raise AssertionError("unreachable")  # pragma: no cover - check_transition refuses


# -- advice → care plan agreements or meeting actions ------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s*")


def advice_items(advice: str) -> list[str]:
    """The advice split into items: one per line, bullets and numbering removed."""
    items = [_BULLET.sub("", line).strip() for line in advice.splitlines()]
    return [i for i in items if i]


def _mark_processed(c: Consultation, description: str, close: bool) -> None:
    c.processed_at = _now()
    c.processed_into = description
    if close and c.status == ConsultStatus.ADVIES_GEGEVEN.value:
        c.status = ConsultStatus.AFGESLOTEN.value
        c.closed_at = c.processed_at


def process_advice(
    ctx: AppContext,
    consultation_id: int,
    target: str,
    items: Sequence[str] | None = None,
    *,
    owner_person_id: int | None = None,
    due: date | None = None,
    dimension: str | None = None,
    meeting_id: int | None = None,
    close: bool = True,
) -> ProcessResult:
    """Turn the advice into care-plan agreements (``careplan``) or meeting actions (``actions``).

    Each item becomes one agreement or action (default: each line of the advice). With
    ``close`` an advised consultation is closed in the same step.
    """
    if target not in ("careplan", "actions"):
        raise ValidationError(
            "Kies waar het advies heen gaat: 'careplan' (afspraken in het zorgplan) of "
            "'actions' (acties voor het overleg)."
        )
    if dimension is not None:
        from pzmdo.domain.enums import Dimension

        dimension = _enum(Dimension, dimension, "dimensie").value
    # One user action, one transaction: the agreements (or actions) and the consultation's
    # "verwerkt" state commit together, and the checks below hold the write lock.
    with ctx.unit() as s:
        c = _load(s, consultation_id)
        status = ConsultStatus(c.status)
        patient_id = c.patient_id
        advice = c.advice or ""
        if status not in (ConsultStatus.ADVIES_GEGEVEN, ConsultStatus.AFGESLOTEN) or not advice:
            raise ValidationError(
                "Er is nog geen advies vastgelegd; leg eerst het advies vast en verwerk het daarna."
            )
        if c.processed_into:
            raise ValidationError(
                f"Dit advies is al verwerkt ({c.processed_into}). Pas het zorgplan of de acties "
                "daar aan."
            )
        chosen = [i.strip() for i in (items if items is not None else advice_items(advice))]
        chosen = [i for i in chosen if i]
        if not chosen:
            raise ValidationError("Kies minstens één onderdeel van het advies om over te nemen.")
        created: list[int] = []
        if target == "careplan":
            who = _person_name(s, c.advice_by_person_id or c.consultant_person_id) or c.team.name
            version = careplan._add_agreements(s, ctx, patient_id, chosen, dimension, who)
            created.append(version)
            description = (
                f"{len(chosen)} {'afspraak' if len(chosen) == 1 else 'afspraken'} in het "
                f"zorgplan (versie {version})"
            )
        else:
            from pzmdo.services import meetings  # here: meetings imports this module

            for item in chosen:
                created.append(
                    meetings._add_action(
                        ctx, patient_id, item, owner_person_id, due, meeting_id, date.today()
                    )
                )
            description = f"{len(chosen)} {'actie' if len(chosen) == 1 else 'acties'}"
        _mark_processed(c, description, close)
        ctx.audit(
            s,
            "consult_advies_verwerkt",
            patient_id=patient_id,
            entity=ENTITY,
            entity_id=consultation_id,
            detail={"doel": target, "aantal": len(chosen), "ids": created},
        )
    ctx.changes.publish(ENTITY, consultation_id)
    ctx.changes.publish("patient", patient_id)
    ctx.changes.publish("careplan" if target == "careplan" else "action", patient_id)
    return ProcessResult(target, tuple(created), description)


# -- reading --------------------------------------------------------------------------------


def _query_infos(
    ctx: AppContext,
    s: Session,
    where: Sequence[object] = (),
    now: datetime | None = None,
) -> list[ConsultationInfo]:
    now = now or _now()
    threshold = _threshold_in(s)
    query = (
        select(Consultation, Patient)
        .join(Patient, Patient.id == Consultation.patient_id)
        .where(*where)
        .order_by(Consultation.requested_at.desc(), Consultation.id.desc())
    )
    names: dict[int, str] = {}
    return [_info(s, c, p, now, threshold, names) for c, p in s.execute(query).unique()]


def list_consultations(
    ctx: AppContext, patient_id: int | None = None, open_only: bool = False
) -> list[ConsultationInfo]:
    """Consultations, newest request first; ``open_only``: still waiting for advice."""
    where: list[object] = []
    if patient_id is not None:
        where.append(Consultation.patient_id == patient_id)
    if open_only:
        where.append(Consultation.status.in_([s.value for s in OPEN_STATUSES]))
    if patient_id is None:
        with ctx.read() as s:
            return _query_infos(ctx, s, where)
    with ctx.unit() as s:
        ctx.audit(s, "consult_view", patient_id=patient_id, entity=ENTITY)
        return _query_infos(ctx, s, where)


def get_consultation(ctx: AppContext, consultation_id: int) -> ConsultationInfo:
    with ctx.unit() as s:
        c = _load(s, consultation_id)
        ctx.audit(
            s, "consult_view", patient_id=c.patient_id, entity=ENTITY, entity_id=consultation_id
        )
        return _single(ctx, s, c)


def overdue_consultations(ctx: AppContext, now: datetime | None = None) -> list[ConsultationInfo]:
    """Open consultations without advice after more than the threshold of working days."""
    with ctx.read() as s:
        infos = _query_infos(
            ctx, s, [Consultation.status.in_([st.value for st in OPEN_STATUSES])], now
        )
    return [i for i in infos if i.overdue]


def per_team(ctx: AppContext, since: date | None = None) -> list[TeamLoad]:
    """Per team: open, overdue, advised and the median response time (request → advice)."""
    with ctx.read() as s:
        where = []
        if since is not None:
            where.append(
                Consultation.requested_at >= datetime.combine(since, datetime.min.time(), UTC)
            )
        infos = _query_infos(ctx, s, where)
        teams = list(s.scalars(select(ConsultTeam).order_by(ConsultTeam.name)).unique())
    loads = []
    for team in teams:
        mine = [i for i in infos if i.team_id == team.id]
        if not team.active and not mine:
            continue
        responses = [i.response_working_days for i in mine if i.response_working_days is not None]
        loads.append(
            TeamLoad(
                team_id=team.id,
                team_name=team.name,
                type_label=TeamType(team.team_type).label,
                subregion=team.subregion,
                open=sum(1 for i in mine if i.is_open),
                overdue=sum(1 for i in mine if i.overdue),
                advised=sum(1 for i in mine if i.advice_at is not None),
                total=len(mine),
                median_response_working_days=statistics.median(responses) if responses else None,
            )
        )
    return loads


def agenda_candidates(ctx: AppContext, since: date | None, today: date) -> list[AgendaCandidate]:
    """Open consultations (overdue ones say so) and advice received since the last meeting."""
    now = _now()
    with ctx.read() as s:
        where = [
            Consultation.status.in_(
                [
                    ConsultStatus.AANGEVRAAGD.value,
                    ConsultStatus.IN_BEHANDELING.value,
                    ConsultStatus.ADVIES_GEGEVEN.value,
                    ConsultStatus.AFGESLOTEN.value,
                ]
            )
        ]
        infos = _query_infos(ctx, s, where, now)
    out = []
    for i in reversed(infos):  # oldest request first
        requested = to_local(i.requested_at).date()
        if i.is_open:
            state = "nog geen advies" if i.status == "aangevraagd" else "in behandeling"
            detail = (
                f"consultatie {i.team_name} aangevraagd op {requested:%d-%m-%Y} "
                f"({i.mode_label.lower()}), {state}"
            )
            if i.overdue:
                detail += f": te laat ({format_working_days(i.elapsed_working_days)})"
            out.append(
                AgendaCandidate(
                    i.patient_id,
                    AgendaReason.OPEN_CONSULTATION_OR_OVERDUE_ACTION,
                    detail,
                    requested,
                )
            )
            continue
        if i.advice_at is None:
            continue
        advised = to_local(i.advice_at).date()
        fresh = since is None or advised >= since
        unprocessed = i.processed_at is None
        if (i.status == ConsultStatus.ADVIES_GEGEVEN.value and unprocessed) or (
            fresh and since is not None and advised <= today
        ):
            what = "nog te verwerken" if unprocessed else "verwerkt"
            out.append(
                AgendaCandidate(
                    i.patient_id,
                    AgendaReason.OPEN_CONSULTATION_OR_OVERDUE_ACTION,
                    f"advies van {i.team_name} ontvangen op {advised:%d-%m-%Y} ({what})",
                    advised,
                )
            )
    return out
