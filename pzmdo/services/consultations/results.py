"""Consultation results: frozen views of teams, consultations and workload."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from pzmdo.domain.consultations import (
    OPEN_STATUSES,
    ConsultStatus,
    TimeWindow,
)

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
