"""One row by id, or a Dutch ``NotFoundError``: one helper and one message per kind of thing.

Ids come from lists the GUI or CLI showed; a row can be gone since (another user, a restore),
so every service loads them here and the user reads the same sentence everywhere.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from pzmdo.domain.errors import NotFoundError
from pzmdo.store.models import Patient, Person
from pzmdo.store.models.consultations import Consultation, ConsultTeam
from pzmdo.store.models.meetings import Meeting, MeetingAction, MeetingDecision

_Row = TypeVar("_Row")


def _load(s: Session, model: type[_Row], row_id: int, missing: str) -> _Row:
    row = s.get(model, row_id)
    if row is None:
        raise NotFoundError(missing)
    return row


def missing_patient(patient_id: int) -> NotFoundError:
    """The error for a patient id that is not (or no longer) in the database."""
    return NotFoundError(f"Patiënt {patient_id} bestaat niet (meer). Zoek de patiënt opnieuw op.")


def load_patient(s: Session, patient_id: int) -> Patient:
    patient = s.get(Patient, patient_id)
    if patient is None:
        raise missing_patient(patient_id)
    return patient


def load_person(s: Session, person_id: int) -> Person:
    return _load(
        s,
        Person,
        person_id,
        f"Zorgverlener {person_id} bestaat niet (meer) in de zorgverlenerslijst. "
        "Kies iemand uit de lijst.",
    )


def load_meeting(s: Session, meeting_id: int) -> Meeting:
    return _load(
        s,
        Meeting,
        meeting_id,
        f"Overleg {meeting_id} bestaat niet (meer). Kies een overleg uit de lijst.",
    )


def load_consultation(s: Session, consultation_id: int) -> Consultation:
    return _load(
        s,
        Consultation,
        consultation_id,
        f"Consultatie {consultation_id} bestaat niet (meer). Vernieuw de lijst.",
    )


def load_consult_team(s: Session, team_id: int) -> ConsultTeam:
    return _load(
        s,
        ConsultTeam,
        team_id,
        f"Consultatieteam {team_id} bestaat niet (meer). Kies een team uit de lijst.",
    )


def load_action(s: Session, action_id: int) -> MeetingAction:
    return _load(
        s, MeetingAction, action_id, f"Actie {action_id} bestaat niet (meer). Vernieuw de lijst."
    )


def load_decision(s: Session, decision_id: int) -> MeetingDecision:
    return _load(
        s, MeetingDecision, decision_id, "Dit besluit bestaat niet (meer). Vernieuw de agenda."
    )
