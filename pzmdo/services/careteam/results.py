"""Care team results: frozen views of members, naasten, burden checks, VPTZ and conversations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pzmdo.domain.careteam import TeamRole
from pzmdo.services.directory import PersonInfo

ROLE_ORDER = {role.value: i for i, role in enumerate(TeamRole)}


# ---------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class TeamMemberInfo:
    membership_id: int
    person: PersonInfo
    role: str
    role_label: str
    start_on: date
    start_reason: str
    end_on: date | None
    end_reason: str

    @property
    def current(self) -> bool:
        return self.end_on is None


@dataclass(frozen=True)
class NaasteInfo:
    id: int
    name: str
    relation: str
    relation_label: str
    phone: str
    email: str
    is_mantelzorger: bool
    is_legal_representative: bool
    is_first_contact: bool
    notes: str
    active: bool


@dataclass(frozen=True)
class BurdenCheckInfo:
    id: int
    naaste_id: int
    naaste_name: str
    checked_on: date
    instrument: str
    instrument_label: str
    score: str
    outcome: str
    outcome_label: str
    action: str


@dataclass(frozen=True)
class VptzInfo:
    id: int
    status: str
    status_label: str
    on: date
    organisation: str
    note: str


@dataclass(frozen=True)
class ConversationInfo:
    id: int
    held_on: date
    conducted_by: PersonInfo | None
    setting: str
    setting_label: str
    present_patient: bool
    present_naasten: tuple[NaasteInfo, ...]
    present_other: str
    topics: tuple[str, ...]
    topic_labels: tuple[str, ...]
    summary: str
    is_first: bool  # the conversation that started PZP

    def present_text(self) -> str:
        """'patiënt, dochter (Anna), partner' — naasten by relation."""
        parts = ["patiënt"] if self.present_patient else []
        parts += [f"{n.relation_label.lower()} ({n.name})" for n in self.present_naasten]
        if self.present_other:
            parts.append(self.present_other)
        return ", ".join(parts)


@dataclass(frozen=True)
class TeamSummary:
    patient_id: int
    central_caregiver: TeamMemberInfo | None
    first_contact: TeamMemberInfo | None
    casemanager: TeamMemberInfo | None
    members: tuple[TeamMemberInfo, ...]  # every current membership, by role
    naasten: tuple[NaasteInfo, ...]
    pzp_started_on: date | None
    vptz: VptzInfo | None  # the latest VPTZ step
    latest_burden: BurdenCheckInfo | None
    warnings: tuple[str, ...]  # Dutch, e.g. "Geen centrale zorgverlener vastgelegd."
