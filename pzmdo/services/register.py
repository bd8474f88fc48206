"""The palliative register: patients, signals, marking, urgency, hospital MDO-PZ, dying
phase, death, deregistration, follow-up tasks, search and the register list.

Every public function is one transaction, audited in that transaction; it validates
everything before writing and raises a Dutch domain error otherwise. The current state is
kept on ``patient`` (status, status_since, marked_on, urgency, urgency_since) so the
register can be listed and filtered through indexes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, delete, func, insert, or_, select
from sqlalchemy.orm import Session, aliased

from pzmdo.domain.agenda import AgendaCandidate, AgendaReason
from pzmdo.domain.audit import AuditAction
from pzmdo.domain.bsn import validate_bsn
from pzmdo.domain.careteam import TeamRole
from pzmdo.domain.dates import format_date, parse_date
from pzmdo.domain.enums import Discipline, PatientStatus, Role, Sex
from pzmdo.domain.errors import NotFoundError, TransitionError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.register import (
    ACTIVE_STATUSES,
    ALLOWED_TRANSITIONS,
    DEATH_FOLLOW_UPS,
    SURPRISE_QUESTION_VERSION,
    Condition,
    DeteriorationIndicator,
    FollowUpKind,
    PlaceOfDeath,
    Population,
    SignalSource,
    SignalType,
    StervensfaseIndicator,
    SurpriseAnswer,
    UrgencyLevel,
    Wilsbekwaamheid,
    check_birth_date,
    check_death_date,
    check_event_date,
    check_marking_date,
    check_transition,
    find_urgency,
    name_words,
    urgency_levels,
)
from pzmdo.domain.text import MAX_TEXT, clean_line, clean_text, display_name, fold, search_key
from pzmdo.services import careteam
from pzmdo.services.context import AppContext, check_version
from pzmdo.services.guard import require
from pzmdo.services.patients import PatientHeader, age_on, header_of
from pzmdo.store.models import Patient, Person, Practice, Setting
from pzmdo.store.models.register import (
    Death,
    FollowUpTask,
    HospitalMdo,
    Marking,
    PatientWord,
    Signal,
    StatusEvent,
    Stervensfase,
    UrgencyChange,
)

URGENCY_SETTING = "urgency_labels"

#: Directory disciplines that may mark (the treating physician, 000:L86).
PHYSICIAN_DISCIPLINES = (
    Discipline.HUISARTS.value,
    Discipline.SPECIALIST_OUDERENGENEESKUNDE.value,
    Discipline.MEDISCH_SPECIALIST.value,
    Discipline.SPECIALIST_PZ.value,
)

# -- input and output types ---------------------------------------------------------------


@dataclass(frozen=True)
class PatientInput:
    given_name: str
    family_name: str
    birth_date: date
    name_prefix: str | None = None
    sex: str = Sex.ONBEKEND.value
    bsn: str | None = None
    his_number: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    postcode: str | None = None
    city: str | None = None
    gp_person_id: int | None = None
    condition: str | None = None
    condition_note: str | None = None
    hospital: str | None = None
    specialist: str | None = None
    wilsbekwaamheid: str | None = None
    representative_name: str | None = None
    representative_relation: str | None = None
    representative_phone: str | None = None
    populations: tuple[str, ...] = ()
    sharing_objection: bool = False
    wlz_indication: bool = False
    notes: str | None = None
    is_fictional: bool = False


@dataclass(frozen=True)
class PatientDetails:
    id: int
    data: PatientInput
    name: str
    age: int
    status: str
    status_label: str
    status_since: date
    marked_on: date | None
    urgency: UrgencyLevel | None
    urgency_since: date | None
    gp_name: str | None
    central_caregiver_name: str | None
    last_discussed_on: date | None
    next_review_on: date | None
    allowed_next: tuple[str, ...]
    version: int = 0  # what a save of these details must still find (optimistic check)


@dataclass(frozen=True)
class MarkingInput:
    surprise_answer: str
    marked_on: date | None = None  # default today
    patient_id: int | None = None
    new_patient: PatientInput | None = None
    marked_by_person_id: int | None = None  # default: the current user when a physician
    proposed_by: str | None = None
    indicators: tuple[str, ...] = ()
    other_grounds: str | None = None
    to_agenda: bool = True


@dataclass(frozen=True)
class SignalInput:
    source: str
    signal_type: str
    signalled_on: date | None = None
    signalled_by: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class SignalInfo:
    id: int
    patient_id: int
    patient_name: str
    signalled_on: date
    source_label: str
    type_label: str
    signalled_by: str | None
    note: str | None
    handled_on: date | None


@dataclass(frozen=True)
class HospitalMdoInput:
    mdo_on: date
    hospital: str
    specialist: str | None = None
    marked_in_hospital: bool = True
    acp_received: bool = False
    note: str | None = None
    gp_becomes_regiebehandelaar: bool = True


@dataclass(frozen=True)
class StervensfaseInput:
    judged_by: str
    started_on: date | None = None
    indicators: tuple[str, ...] = ()
    zorgpad_started: bool = False
    note: str | None = None


@dataclass(frozen=True)
class DeathInput:
    died_on: date
    place: str = PlaceOfDeath.ONBEKEND.value
    not_unexpected: bool = True
    note: str | None = None


@dataclass(frozen=True)
class TaskInfo:
    id: int
    patient_id: int
    patient_name: str
    kind: str
    label: str
    due_on: date
    done_on: date | None


@dataclass(frozen=True)
class HistoryItem:
    on: date
    what: str  # Dutch one-liner
    by: str | None = None


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str
    discipline: str


@dataclass(frozen=True)
class RegisterRow:
    id: int
    name: str
    birth_date: date
    age: int
    bsn: str | None
    status: str
    status_label: str
    gp_name: str | None
    marked_on: date | None
    central_caregiver_name: str | None
    last_discussed_on: date | None
    next_review_on: date | None
    urgency: str | None
    urgency_label: str | None
    urgency_colour: str | None
    is_fictional: bool


ACTIVE = "actief"  # status filter: every patient still in palliative care

SORT_KEYS = (
    "name",
    "age",
    "status",
    "gp",
    "marked_on",
    "central",
    "last_discussed_on",
    "next_review_on",
    "urgency",
)


@dataclass(frozen=True)
class RegisterQuery:
    search: str = ""
    status: str | None = ACTIVE  # a status code, ACTIVE or None (all)
    gp_person_id: int | None = None
    without_central_caregiver: bool = False
    never_discussed: bool = False
    open_signals: bool = False  # "te bespreken met de regiebehandelaar"
    sort: str = "name"
    descending: bool = False


# -- helpers --------------------------------------------------------------------------------


def _today() -> date:
    return date.today()


MAX_NOTES = 20_000  # the patient's notes field


def _clean(text: str | None, what: str = "de tekst", *, limit: int = MAX_TEXT) -> str | None:
    """Free text: stripped, None when empty; control characters and overlong text refused."""
    return clean_text(text, what, limit=limit) or None


def _get_patient(s: Session, patient_id: int) -> Patient:
    patient = s.get(Patient, patient_id)
    if patient is None:
        raise NotFoundError(
            f"Patiënt {patient_id} bestaat niet (meer). Zoek de patiënt opnieuw op."
        )
    return patient


def _enum_value(enum: Any, value: str | None, what: str) -> str | None:
    if value is None or not str(value).strip():
        return None
    try:
        return enum.from_text(str(value)).value
    except ValueError:
        choices = ", ".join(m.label.lower() for m in enum)
        raise ValidationError(
            f"Onbekende waarde '{value}' voor {what}. Kies uit: {choices}."
        ) from None


def validate_patient_input(data: PatientInput, today: date | None = None) -> PatientInput:
    """Check and normalise; raise a Dutch ValidationError on the first problem."""
    today = today or _today()
    given = clean_line(data.given_name, "de voornaam", limit=100)
    family = clean_line(data.family_name, "de achternaam", limit=100)
    clean_line(data.name_prefix, "het tussenvoegsel", limit=20)
    if not family:
        raise ValidationError("Vul de achternaam van de patiënt in.")
    if not given:
        raise ValidationError("Vul de voornaam (of voorletters) van de patiënt in.")
    if len(given) > 100 or len(family) > 100 or len(data.name_prefix or "") > 20:
        raise ValidationError("De naam is te lang. Kort de naam in en probeer het opnieuw.")
    check_birth_date(data.birth_date, today)
    bsn = validate_bsn(data.bsn) if _clean(data.bsn) else None
    sex = _enum_value(Sex, data.sex, "geslacht") or Sex.ONBEKEND.value
    populations = tuple(
        dict.fromkeys(_enum_value(Population, p, "bijzondere doelgroep") for p in data.populations)
    )
    his = _clean(data.his_number)
    for value, limit, what in (
        (his, 40, "Het HIS-patiëntnummer"),
        (data.phone, 40, "Het telefoonnummer"),
        (data.email, 200, "Het e-mailadres"),
        (data.address, 200, "Het adres"),
        (data.postcode, 10, "De postcode"),
        (data.city, 100, "De woonplaats"),
        (data.hospital, 200, "De naam van het ziekenhuis"),
        (data.specialist, 200, "De naam van de specialist"),
        (data.representative_name, 200, "De naam van de vertegenwoordiger"),
        (data.representative_relation, 80, "De relatie van de vertegenwoordiger"),
        (data.representative_phone, 40, "Het telefoonnummer van de vertegenwoordiger"),
    ):
        clean_line(value, what[:1].lower() + what[1:], limit=limit)
    return replace(
        data,
        given_name=given,
        family_name=family,
        name_prefix=_clean(data.name_prefix),
        sex=sex,
        bsn=bsn,
        his_number=his,
        phone=_clean(data.phone),
        email=_clean(data.email),
        address=_clean(data.address),
        postcode=_clean(data.postcode),
        city=_clean(data.city),
        condition=_enum_value(Condition, data.condition, "aandoening"),
        condition_note=_clean(data.condition_note),
        hospital=_clean(data.hospital),
        specialist=_clean(data.specialist),
        wilsbekwaamheid=_enum_value(Wilsbekwaamheid, data.wilsbekwaamheid, "wilsbekwaamheid"),
        representative_name=_clean(data.representative_name),
        representative_relation=_clean(data.representative_relation),
        representative_phone=_clean(data.representative_phone),
        populations=tuple(p for p in populations if p),
        notes=_clean(data.notes, "de notities", limit=MAX_NOTES),
    )


_PATIENT_FIELDS = (
    "given_name",
    "name_prefix",
    "family_name",
    "birth_date",
    "sex",
    "bsn",
    "his_number",
    "phone",
    "email",
    "address",
    "postcode",
    "city",
    "gp_person_id",
    "condition",
    "condition_note",
    "hospital",
    "specialist",
    "wilsbekwaamheid",
    "representative_name",
    "representative_relation",
    "representative_phone",
    "sharing_objection",
    "wlz_indication",
    "notes",
)


def _check_unique(s: Session, data: PatientInput, exclude_id: int | None = None) -> None:
    if data.bsn:
        other = s.scalars(select(Patient.id).where(Patient.bsn == data.bsn)).first()
        if other is not None and other != exclude_id:
            raise ValidationError(
                f"Er staat al een patiënt met BSN {data.bsn} in het register (nummer {other}). "
                "Open die patiënt in plaats van een nieuwe aan te maken."
            )
    if data.gp_person_id is not None and s.get(Person, data.gp_person_id) is None:
        raise NotFoundError("De gekozen huisarts staat niet (meer) in de lijst van zorgverleners.")


def _apply_patient(p: Patient, data: PatientInput) -> None:
    for name in _PATIENT_FIELDS:
        setattr(p, name, getattr(data, name))
    p.populations = ",".join(data.populations) or None
    p.search_name = search_key(data.given_name, data.name_prefix, data.family_name)


def _index_words(s: Session, patient_id: int, search_name: str) -> None:
    s.execute(delete(PatientWord).where(PatientWord.patient_id == patient_id))
    s.add_all(PatientWord(word=w, patient_id=patient_id) for w in sorted(name_words(search_name)))


def index_new_patients(s: Session, after_id: int) -> int:
    """Bulk-index the names of patients with an id above ``after_id`` (import, demo)."""
    rows = s.execute(select(Patient.id, Patient.search_name).where(Patient.id > after_id)).all()
    words = [{"word": w, "patient_id": pid} for pid, name in rows for w in name_words(name)]
    conn = s.connection()
    for start in range(0, len(words), 5000):
        conn.execute(insert(PatientWord.__table__), words[start : start + 5000])
    return len(rows)


def _input_of(p: Patient) -> PatientInput:
    values = {name: getattr(p, name) for name in _PATIENT_FIELDS}
    return PatientInput(
        **values,
        populations=tuple(x for x in (p.populations or "").split(",") if x),
        is_fictional=p.is_fictional,
    )


def _status_event(
    ctx: AppContext, s: Session, p: Patient, new: PatientStatus, on: date, reason: str | None
) -> None:
    old = p.status if p.id is not None and p.status else None
    s.add(
        StatusEvent(
            patient_id=p.id,
            from_status=old,
            to_status=new.value,
            on_date=on,
            reason=reason,
            by_user_id=ctx.user.id,
            by_login=ctx.user.login,
        )
    )
    p.status = new.value
    p.status_since = on
    if new in (PatientStatus.AFGEMELD, PatientStatus.OVERLEDEN):
        # Leaving the marked phase closes the open marking (one open marking per patient).
        for marking in s.scalars(
            select(Marking).where(Marking.patient_id == p.id, Marking.closed_on.is_(None))
        ):
            marking.closed_on = on


def _new_patient(ctx: AppContext, s: Session, data: PatientInput, today: date) -> Patient:
    data = validate_patient_input(data, today)
    _check_unique(s, data)
    p = Patient(status=PatientStatus.GESIGNALEERD.value, status_since=today)
    _apply_patient(p, data)
    p.is_fictional = data.is_fictional
    p.practice_id = s.scalars(select(Practice.id).order_by(Practice.id)).first()
    s.add(p)
    s.flush()
    _index_words(s, p.id, p.search_name)
    ctx.audit(s, AuditAction.PATIENT_ADD, patient_id=p.id, entity="patient", entity_id=p.id)
    return p


def _resolve_patient(
    ctx: AppContext, s: Session, patient_id: int | None, new: PatientInput | None, today: date
) -> tuple[Patient, bool]:
    if patient_id is not None:
        return _get_patient(s, patient_id), False
    if new is None:
        raise ValidationError("Kies een patiënt of vul de gegevens van een nieuwe patiënt in.")
    return _new_patient(ctx, s, new, today), True


# -- patients ---------------------------------------------------------------------------------


def create_patient(ctx: AppContext, data: PatientInput, *, reason: str | None = None) -> int:
    """Add a patient to the register with status gesignaleerd."""
    require(ctx, Action.PATIENT_EDIT)
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
    data = validate_patient_input(data)
    with ctx.unit() as s:
        p = _get_patient(s, patient_id)
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
    levels = urgency_levels_for(ctx)
    with ctx.unit() as s:
        p = _get_patient(s, patient_id)
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
            .where(Signal.handled_on.is_(None))
            .order_by(Signal.signalled_on, Signal.id)
        ).all()
        return [_signal_info(sig, p) for sig, p in rows]


def patient_signals(ctx: AppContext, patient_id: int) -> list[SignalInfo]:
    require(ctx, Action.VIEW_RECORD)
    with ctx.read() as s:
        p = _get_patient(s, patient_id)
        rows = s.scalars(
            select(Signal).where(Signal.patient_id == patient_id).order_by(Signal.signalled_on)
        )
        return [_signal_info(r, p) for r in rows]


def handle_signal(ctx: AppContext, signal_id: int, note: str = "") -> None:
    require(ctx, Action.MARK)
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
    level = find_urgency(code, urgency_levels_for(ctx))
    today = _today()
    with ctx.unit() as s:
        p = _get_patient(s, patient_id)
        if p.status not in {x.value for x in ACTIVE_STATUSES}:
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


# -- dying phase, death, deregistration --------------------------------------------------------------


def record_stervensfase(ctx: AppContext, patient_id: int, data: StervensfaseInput) -> None:
    require(ctx, Action.END_OF_LIFE)
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
        p = _get_patient(s, patient_id)
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
    if not _clean(reason):
        raise ValidationError("Vul in waarom de stervensfase wordt beëindigd.")
    with ctx.unit() as s:
        p = _get_patient(s, patient_id)
        check_transition(p.status, PatientStatus.GEMARKEERD)
        if p.status != PatientStatus.STERVENSFASE.value:
            raise TransitionError("Deze patiënt is niet in de stervensfase.")
        _status_event(ctx, s, p, PatientStatus.GEMARKEERD, _today(), _clean(reason))
        ctx.audit(s, AuditAction.STERVENSFASE_END, patient_id=p.id)
    ctx.changes.publish("patient", patient_id)


def record_death(ctx: AppContext, patient_id: int, data: DeathInput) -> list[int]:
    """Register the death; creates the follow-up tasks. Returns their ids."""
    require(ctx, Action.END_OF_LIFE)
    today = _today()
    place = _enum_value(PlaceOfDeath, data.place, "plaats van overlijden") or "onbekend"
    with ctx.unit() as s:
        p = _get_patient(s, patient_id)
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
    today = _today()
    reason_text = _clean(reason)
    if not reason_text:
        raise ValidationError(
            "Vul de reden van afmelden in (bijvoorbeeld: niet (meer) palliatief, verhuisd)."
        )
    on = on or today
    with ctx.unit() as s:
        p = _get_patient(s, patient_id)
        check_event_date(on, p.birth_date, today, "De datum van afmelden")
        check_transition(p.status, PatientStatus.AFGEMELD)
        _status_event(ctx, s, p, PatientStatus.AFGEMELD, on, reason_text)
        _close_open_signals(s, p.id, on, "afgemeld")
        ctx.audit(s, AuditAction.DEREGISTER, patient_id=p.id, detail={"reden": reason_text})
    ctx.changes.publish("patient", patient_id)


# -- follow-up tasks -----------------------------------------------------------------------------------


def open_tasks(ctx: AppContext, patient_id: int | None = None) -> list[TaskInfo]:
    require(ctx, Action.VIEW_REGISTER)
    with ctx.read() as s:
        q = (
            select(FollowUpTask, Patient)
            .join(Patient, Patient.id == FollowUpTask.patient_id)
            .where(FollowUpTask.done_on.is_(None))
            .order_by(FollowUpTask.due_on, FollowUpTask.id)
        )
        if patient_id is not None:
            q = q.where(FollowUpTask.patient_id == patient_id)
        return [_task_info(t, p) for t, p in s.execute(q).all()]


def patient_tasks(ctx: AppContext, patient_id: int) -> list[TaskInfo]:
    require(ctx, Action.VIEW_RECORD)
    with ctx.read() as s:
        p = _get_patient(s, patient_id)
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


# -- history --------------------------------------------------------------------------------------


def history(ctx: AppContext, patient_id: int) -> list[HistoryItem]:
    """The patient's register history, newest first."""
    require(ctx, Action.VIEW_RECORD)
    items: list[tuple[date, Any, HistoryItem]] = []
    with ctx.read() as s:
        _get_patient(s, patient_id)
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


# -- search and the register list -------------------------------------------------------------------


def _prefix_range(column: Any, prefix: str) -> Any:
    """``column LIKE 'prefix%'`` written so that the column's index is used."""
    return and_(column >= prefix, column < prefix + "\uffff")


def _search_condition(text: str) -> Any | None:
    raw = text.strip()
    if not raw:
        return None
    try:
        day = parse_date(raw)
    except ValidationError:
        day = None
    if day is not None:
        return Patient.birth_date == day
    digits = "".join(ch for ch in raw if ch not in " .-")
    if digits.isdigit() and len(digits) >= 3:
        return or_(_prefix_range(Patient.bsn, digits), Patient.his_number == raw)
    words = sorted(name_words(fold(raw)), key=len, reverse=True)
    if not words:
        return Patient.his_number == raw
    # Every word must start a word of the name ("berg", "ella", "van der"): index ranges
    # on patient_word, never a scan of the patient table.
    conditions = [
        Patient.id.in_(select(PatientWord.patient_id).where(_prefix_range(PatientWord.word, w)))
        for w in words
    ]
    return or_(and_(*conditions), Patient.his_number == raw)


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_patients(ctx: AppContext, text: str, limit: int = 20) -> list[PatientHeader]:
    """Find patients by name (any word prefix), BSN (prefix), HIS number or birth date."""
    require(ctx, Action.VIEW_REGISTER)
    cond = _search_condition(text)
    if cond is None:
        return []
    today = _today()
    with ctx.read() as s:
        rows = s.scalars(
            select(Patient).where(cond).order_by(Patient.search_name, Patient.id).limit(limit)
        )
        return [header_of(p, today) for p in rows]


def _filtered(q: Any, query: RegisterQuery) -> Any:
    if query.status == ACTIVE:
        q = q.where(Patient.status.in_([x.value for x in ACTIVE_STATUSES]))
    elif query.status:
        q = q.where(Patient.status == query.status)
    if query.gp_person_id is not None:
        q = q.where(Patient.gp_person_id == query.gp_person_id)
    if query.without_central_caregiver:
        q = q.where(Patient.central_caregiver_id.is_(None))
    if query.never_discussed:
        q = q.where(Patient.last_discussed_on.is_(None))
    if query.open_signals:
        q = q.where(Patient.id.in_(select(Signal.patient_id).where(Signal.handled_on.is_(None))))
    cond = _search_condition(query.search)
    if cond is not None:
        q = q.where(cond)
    return q


def register_ids(
    ctx: AppContext, query: RegisterQuery, levels: Iterable[UrgencyLevel] = ()
) -> list[int]:
    """The ids of the register rows for these filters, in display order."""
    require(ctx, Action.VIEW_REGISTER)
    levels = tuple(levels) or urgency_levels_for(ctx)
    gp = aliased(Person)
    central = aliased(Person)
    q = select(Patient.id)
    sort = query.sort if query.sort in SORT_KEYS else "name"
    if sort == "name":
        key: Any = Patient.search_name
    elif sort == "age":
        key = Patient.birth_date.desc()  # ascending age = latest birth first
    elif sort == "status":
        order = {x.value: i for i, x in enumerate(PatientStatus)}
        key = case(order, value=Patient.status, else_=99)
    elif sort == "gp":
        q = q.outerjoin(gp, gp.id == Patient.gp_person_id)
        key = gp.name
    elif sort == "central":
        q = q.outerjoin(central, central.id == Patient.central_caregiver_id)
        key = central.name
    elif sort == "urgency":
        key = case({lv.code: i for i, lv in enumerate(levels)}, value=Patient.urgency, else_=-1)
    else:
        key = getattr(Patient, sort)
    q = _filtered(q, query)
    if query.descending:
        key = key.desc() if sort != "age" else Patient.birth_date
    q = q.order_by(key, Patient.search_name, Patient.id)
    with ctx.read() as s:
        return list(s.scalars(q))


def register_rows(
    ctx: AppContext, ids: Sequence[int], levels: Iterable[UrgencyLevel] = ()
) -> list[RegisterRow]:
    """Rows for these ids (in the same order; missing ids are left out)."""
    require(ctx, Action.VIEW_REGISTER)
    if not ids:
        return []
    by_code = {lv.code: lv for lv in (tuple(levels) or urgency_levels_for(ctx))}
    gp = aliased(Person)
    central = aliased(Person)
    today = _today()
    found: dict[int, RegisterRow] = {}
    with ctx.read() as s:
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            rows = s.execute(
                select(Patient, gp.name, central.name)
                .outerjoin(gp, gp.id == Patient.gp_person_id)
                .outerjoin(central, central.id == Patient.central_caregiver_id)
                .where(Patient.id.in_(chunk))
            ).all()
            for p, gp_name, central_name in rows:
                level = by_code.get(p.urgency or "")
                age_day = p.status_since if p.status == "overleden" and p.status_since else today
                found[p.id] = RegisterRow(
                    id=p.id,
                    name=display_name(p.given_name, p.name_prefix, p.family_name),
                    birth_date=p.birth_date,
                    age=age_on(p.birth_date, age_day),
                    bsn=p.bsn,
                    status=p.status,
                    status_label=PatientStatus(p.status).label,
                    gp_name=gp_name,
                    marked_on=p.marked_on,
                    central_caregiver_name=central_name,
                    last_discussed_on=p.last_discussed_on,
                    next_review_on=p.next_review_on,
                    urgency=p.urgency,
                    urgency_label=level.label if level else p.urgency,
                    urgency_colour=level.colour if level else None,
                    is_fictional=p.is_fictional,
                )
    return [found[i] for i in ids if i in found]


def list_patients(ctx: AppContext, status: str | None = None) -> list[RegisterRow]:
    """The whole register (for the CLI); ``status`` a status code, 'actief' or None."""
    require(ctx, Action.VIEW_REGISTER)
    if status and status != ACTIVE:
        try:
            status = PatientStatus.from_text(status).value
        except ValueError:
            choices = ", ".join([ACTIVE] + [x.value for x in PatientStatus])
            raise ValidationError(f"Onbekende status '{status}'. Kies uit: {choices}.") from None
    ids = register_ids(ctx, RegisterQuery(status=status))
    return register_rows(ctx, ids)


def count_by_status(ctx: AppContext) -> dict[str, int]:
    require(ctx, Action.VIEW_REGISTER)
    with ctx.read() as s:
        return dict(s.execute(select(Patient.status, func.count()).group_by(Patient.status)).all())


# -- agenda ------------------------------------------------------------------------------------------


def agenda_candidates(ctx: AppContext, since: date | None, today: date) -> list[AgendaCandidate]:
    """Register reasons to discuss a patient at the next meeting.

    Deceased since ``since`` (until the nabespreking task is done), urgency changed, newly
    marked (when "agenderen" was on) or signalled, and reported from a hospital MDO-PZ.
    With ``since`` None (no earlier meeting) every such event counts that happened after
    the patient was last discussed. Reads columns only (fast at 100,000 patients).
    """
    require(ctx, Action.MEETING_PREPARE)
    out: list[AgendaCandidate] = []
    levels = {lv.code: lv for lv in urgency_levels_for(ctx)}
    active = [x.value for x in ACTIVE_STATUSES]

    def fresh(event_on: date, last_discussed: date | None) -> bool:
        if event_on > today or (since is not None and event_on < since):
            return False
        return last_discussed is None or last_discussed <= event_on

    def label(code: str | None) -> str | None:
        if code is None:
            return None
        return levels[code].label.lower() if code in levels else code

    with ctx.read() as s:
        # Deaths: until the nabespreking task is done.
        reviewed = (
            select(FollowUpTask.patient_id)
            .where(
                FollowUpTask.kind == FollowUpKind.NABESPREKING.value,
                FollowUpTask.done_on.is_not(None),
            )
            .scalar_subquery()
        )
        q = select(Death.patient_id, Death.died_on, Death.place).where(
            Death.died_on <= today, Death.patient_id.not_in(reviewed)
        )
        if since is not None:
            q = q.where(Death.died_on >= since)
        for pid, died_on, place in s.execute(q.order_by(Death.died_on)):
            out.append(
                AgendaCandidate(
                    pid,
                    AgendaReason.DECEASED,
                    f"overleden op {format_date(died_on)} ({PlaceOfDeath(place).label.lower()})",
                    died_on,
                )
            )
        # Urgency: the latest change per patient (patient.urgency_since is that date).
        q = select(
            Patient.id, Patient.urgency, Patient.urgency_since, Patient.last_discussed_on
        ).where(Patient.status.in_(active), Patient.urgency_since.is_not(None))
        if since is not None:
            q = q.where(Patient.urgency_since >= since)
        changed = {pid: (code, on, last) for pid, code, on, last in s.execute(q) if fresh(on, last)}
        if changed:
            previous: dict[int, str | None] = {}
            uq = select(UrgencyChange.patient_id, UrgencyChange.previous_code).order_by(
                UrgencyChange.changed_on, UrgencyChange.id
            )
            if since is not None:
                uq = uq.where(UrgencyChange.changed_on >= since)
            for pid, prev in s.execute(uq):
                if pid in changed:
                    previous[pid] = prev  # ordered by date: the last change wins
            for pid, (code, on, _last) in changed.items():
                before = label(previous.get(pid))
                text = f"kleur naar {label(code)}" + (f" (was {before})" if before else "")
                out.append(
                    AgendaCandidate(
                        pid, AgendaReason.URGENCY_CHANGED, f"{text} op {format_date(on)}", on
                    )
                )
        # New markings meant for the agenda (the latest marking per patient).
        q = (
            select(
                Marking.patient_id,
                Marking.marked_on,
                Marking.in_hospital,
                Patient.last_discussed_on,
            )
            .join(Patient, Patient.id == Marking.patient_id)
            .where(Patient.status.in_(active), Marking.to_agenda.is_(True))
            .order_by(Marking.marked_on.desc(), Marking.id.desc())
        )
        if since is not None:
            q = q.where(Marking.marked_on >= since)
        seen: set[int] = set()
        for pid, marked_on, in_hospital, last in s.execute(q):
            if pid in seen or not fresh(marked_on, last):
                seen.add(pid)
                continue
            seen.add(pid)
            where = " in het ziekenhuis" if in_hospital else ""
            out.append(
                AgendaCandidate(
                    pid,
                    AgendaReason.NEWLY_MARKED_OR_SIGNALLED,
                    f"gemarkeerd{where} op {format_date(marked_on)}",
                    marked_on,
                )
            )
        # Open signals: "te bespreken met de regiebehandelaar".
        q = (
            select(Signal.patient_id, Signal.signalled_on, Signal.signal_type)
            .join(Patient, Patient.id == Signal.patient_id)
            .where(Signal.handled_on.is_(None), Patient.status.in_(active))
            .order_by(Signal.signalled_on)
        )
        if since is not None:
            q = q.where(Signal.signalled_on >= since)
        marked_now = {
            c.patient_id for c in out if c.reason is AgendaReason.NEWLY_MARKED_OR_SIGNALLED
        }
        for pid, on, kind in s.execute(q):
            if pid in marked_now or on > today:
                continue
            marked_now.add(pid)
            out.append(
                AgendaCandidate(
                    pid,
                    AgendaReason.NEWLY_MARKED_OR_SIGNALLED,
                    f"signaal op {format_date(on)}: {SignalType(kind).label.lower()}",
                    on,
                )
            )
        # Hospital MDO-PZ reports (the latest per patient).
        q = (
            select(
                HospitalMdo.patient_id,
                HospitalMdo.mdo_on,
                HospitalMdo.hospital,
                Patient.last_discussed_on,
            )
            .join(Patient, Patient.id == HospitalMdo.patient_id)
            .where(Patient.status.in_(active))
            .order_by(HospitalMdo.mdo_on.desc(), HospitalMdo.id.desc())
        )
        if since is not None:
            q = q.where(HospitalMdo.mdo_on >= since)
        hseen: set[int] = set()
        for pid, on, hospital, last in s.execute(q):
            if pid in hseen:
                continue
            hseen.add(pid)
            if fresh(on, last):
                out.append(
                    AgendaCandidate(
                        pid,
                        AgendaReason.HOSPITAL_MDO_PZ,
                        f"MDO-PZ {hospital} op {format_date(on)}",
                        on,
                    )
                )
    return out
