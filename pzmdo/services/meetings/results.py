"""Meeting results: the immutable views the services hand to the GUI, CLI and reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from pzmdo.domain.meetings import (
    ItemStatus,
    MeetingStatus,
    TriadCheck,
)

#: At most this many patients are proposed for periodic review per meeting (oldest first);
#: a register of 100,000 patients must not flood one agenda.
MAX_REVIEW_PROPOSALS = 25


#: Items the agenda shows (proposals included); removed items are kept but hidden.
VISIBLE = (
    ItemStatus.VOORGESTELD.value,
    ItemStatus.GEAGENDEERD.value,
    ItemStatus.BESPROKEN.value,
    ItemStatus.NIET_TOEGEKOMEN.value,
)


#: Items that are part of the meeting (the record, meeting mode).
ON_AGENDA = (
    ItemStatus.GEAGENDEERD.value,
    ItemStatus.BESPROKEN.value,
    ItemStatus.NIET_TOEGEKOMEN.value,
)


# -- results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonBrief:
    id: int
    name: str
    discipline: str
    discipline_label: str


@dataclass(frozen=True)
class TeamMemberInfo:
    person_id: int
    name: str
    discipline: str
    discipline_label: str
    default_attendee: bool


@dataclass(frozen=True)
class TeamInfo:
    id: int | None  # None: not saved yet (defaults)
    name: str
    kind: str
    kind_label: str
    cadence_weeks: int
    review_interval_weeks: int
    minutes_per_patient: int
    default_place: str
    default_time: time | None
    members: tuple[TeamMemberInfo, ...] = ()


@dataclass(frozen=True)
class MeetingInfo:
    id: int
    team_id: int
    team_name: str
    held_on: date
    start_time: time | None
    place: str
    online_link: str
    chair_person_id: int | None
    chair_name: str
    scribe_person_id: int | None
    scribe_name: str
    theme: str
    status: str
    status_label: str
    item_count: int
    discussed_count: int
    closed_at: datetime | None
    closed_by: str
    triad: TriadCheck
    version: int = 0  # what a save of these details must still find (optimistic check)

    @property
    def read_only(self) -> bool:
        return self.status == MeetingStatus.AFGEROND.value

    @property
    def title(self) -> str:
        when = self.held_on.strftime("%d-%m-%Y")
        if self.start_time:
            when += f" {self.start_time:%H:%M}"
        return f"Overleg {when}"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "team": self.team_name,
            "date": self.held_on.isoformat(),
            "time": self.start_time.strftime("%H:%M") if self.start_time else None,
            "place": self.place,
            "online_link": self.online_link,
            "chair": self.chair_name,
            "scribe": self.scribe_name,
            "theme": self.theme,
            "status": self.status,
            "status_label": self.status_label,
            "items": self.item_count,
            "discussed": self.discussed_count,
            "triad_complete": self.triad.complete,
        }


@dataclass(frozen=True)
class AgendaItemInfo:
    id: int
    meeting_id: int
    position: int
    patient_id: int | None
    patient_name: str
    reason: str  # code, e.g. "deceased"
    reason_label: str
    reasons: tuple[str, ...]
    detail: str
    title: str
    status: str
    status_label: str
    seconds_spent: int
    carried_from_id: int | None
    is_fictional: bool = False

    @property
    def label(self) -> str:
        """What the agenda shows for this line."""
        if self.patient_id is None:
            return f"{self.reason_label}: {self.title or self.detail}"
        return self.patient_name

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "position": self.position,
            "patient_id": self.patient_id,
            "reason": self.reason,
            "reason_label": self.reason_label,
            "reasons": list(self.reasons),
            "detail": self.detail,
            "title": self.title,
            "status": self.status,
        }


@dataclass(frozen=True)
class ActionInfo:
    id: int
    patient_id: int | None
    patient_name: str
    meeting_id: int | None
    item_id: int | None
    what: str
    owner_person_id: int | None
    owner_name: str
    due: date | None
    done_on: date | None
    created_at: datetime
    created_by: str
    overdue: bool

    @property
    def is_open(self) -> bool:
        return self.done_on is None


@dataclass(frozen=True)
class DecisionInfo:
    id: int
    item_id: int | None
    patient_id: int | None
    text: str
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class AttendanceInfo:
    person_id: int
    name: str
    role: str
    role_label: str
    function: str
    function_label: str
    present: bool | None


@dataclass(frozen=True)
class AmendmentInfo:
    id: int
    item_id: int | None
    text: str
    at: datetime
    by: str


@dataclass(frozen=True)
class ItemRecord:
    item: AgendaItemInfo
    notes: dict[str, str]  # Dimension code -> text, in the order fysiek, psychisch, ...
    checklist: dict[str, str]  # ChecklistItem code -> ChecklistAnswer code (all five)
    decisions: tuple[DecisionInfo, ...]
    actions: tuple[ActionInfo, ...]


@dataclass(frozen=True)
class MeetingRecord:
    """Everything the agenda and minutes PDFs (and meeting mode) need."""

    meeting: MeetingInfo
    attendance: tuple[AttendanceInfo, ...]
    items: tuple[ItemRecord, ...]  # the agenda in order (accepted, discussed, not reached)
    decisions: tuple[DecisionInfo, ...]
    actions: tuple[ActionInfo, ...]  # actions made in this meeting
    open_actions: tuple[ActionInfo, ...]  # all actions still open (for the follow-up list)
    amendments: tuple[AmendmentInfo, ...]
    triad: TriadCheck

    @property
    def read_only(self) -> bool:
        return self.meeting.read_only


@dataclass(frozen=True)
class PatientBrief:
    """The compact summary meeting mode shows for one patient."""

    patient_id: int
    name: str
    birth_date: date
    age: int
    status: str
    status_label: str
    urgency_code: str
    urgency_label: str
    urgency_colour: str
    central_caregiver: str
    last_discussed_on: date | None
    next_review_on: date | None
    is_fictional: bool
    team: tuple[str, ...] = ()
    plan_highlights: tuple[str, ...] = ()
    open_actions: tuple[ActionInfo, ...] = ()
    open_consultations: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)  # what could not be loaded
