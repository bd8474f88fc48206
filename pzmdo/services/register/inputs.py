"""Register input and output types (what the GUI, CLI and importer pass in and get back)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pzmdo.domain.enums import Discipline, Sex
from pzmdo.domain.register import (
    PlaceOfDeath,
    UrgencyLevel,
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
    # A new patient's practice (None: the user's only practice); moves: practices.move_patient.
    practice_id: int | None = None


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
    practice_id: int | None = None
    practice_name: str = ""  # the register's practice column (issue 14)


ACTIVE = "actief"  # status filter: every patient still in palliative care


SORT_KEYS = (
    "name",
    "practice",
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
    # Within the user's scope: only these practices / the practices of this team (issue 14).
    practice_ids: tuple[int, ...] = ()
    team_id: int | None = None
