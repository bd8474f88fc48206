"""Inputs and results of the trajectory services (frozen dataclasses, never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class TransferInput:
    transfer_on: date
    from_setting: str
    to_setting: str
    reason: str
    to_name: str = ""  # the receiving institution or practice
    handed_over_by_person_id: int | None = None
    handed_over_to: str = ""  # the receiving professional
    handed_over: tuple[str, ...] = ()  # HandoverItem codes
    confirmed: bool = False  # the receiving party confirmed at once
    confirmed_by: str = ""
    new_central_caregiver_id: int | None = None  # changes in the same transaction
    note: str = ""


@dataclass(frozen=True)
class TransferInfo:
    id: int
    patient_id: int
    transfer_on: date
    from_setting: str
    from_label: str
    to_setting: str
    to_label: str
    to_name: str
    reason: str
    handed_over_by: str
    handed_over_to: str
    handed_over: tuple[str, ...]
    handed_over_labels: tuple[str, ...]
    careplan_version: int | None
    confirmed_on: date | None
    confirmed_by: str
    new_central_caregiver: str
    note: str
    version: int


@dataclass(frozen=True)
class HospiceStepInfo:
    id: int
    step: str
    label: str
    step_on: date
    hospice: str
    transfer_id: int | None
    note: str


@dataclass(frozen=True)
class ContactInput:
    contact_on: date
    direction: str
    channel: str
    counterpart: str
    subject: str
    hospital: str = ""
    outcome: str = ""
    received: str = "niets"
    received_note: str = ""


@dataclass(frozen=True)
class ContactInfo:
    id: int
    patient_id: int
    contact_on: date
    direction: str
    direction_label: str
    channel: str
    channel_label: str
    counterpart: str
    hospital: str
    subject: str
    outcome: str
    received: str
    received_label: str
    received_note: str
    closed_task_id: int | None


@dataclass(frozen=True)
class NazorgInfo:
    id: int
    patient_id: int
    contact_on: date
    with_whom: str
    by: str
    outcome: str
    outcome_label: str
    note: str


@dataclass(frozen=True)
class ReviewInput:
    death_expected: str
    plan_known_hap: str
    plan_known_ambulance: str
    went_well: str = ""
    knelpunten: tuple[str, ...] = ()
    leerpunten: tuple[str, ...] = ()
    reviewed_on: date | None = None
    meeting_id: int | None = None


@dataclass(frozen=True)
class ReviewFacts:
    """What the review starts from: the death and the wish in the care plan."""

    patient_id: int
    died_on: date
    place_of_death: str
    place_label: str
    wished_place: str | None
    wished_label: str
    place_as_wished: str


@dataclass(frozen=True)
class ReviewInfo:
    id: int
    patient_id: int
    team_id: int | None
    team_name: str
    meeting_id: int | None
    reviewed_on: date
    death_expected: str
    place_of_death: str | None
    wished_place: str | None
    place_as_wished: str
    plan_known_hap: str
    plan_known_ambulance: str
    went_well: str
    knelpunten: tuple[str, ...]
    leerpunten: tuple[str, ...]
    recorded_by: str
    version: int


@dataclass(frozen=True)
class LessonRow:
    """One knelpunt or leerpunt for the network coordinator: no patient data at all."""

    team_name: str
    month: str  # "2026-11": the review's month, not the death's date
    kind: str  # "knelpunt" / "leerpunt"
    text: str


@dataclass(frozen=True)
class LessonsSummary:
    rows: list[LessonRow] = field(default_factory=list)
    reviews: int = 0
    place_as_wished: int = 0  # reviews where the place matched the wish
    plan_known_hap: int = 0
