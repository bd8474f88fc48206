"""One row by id, or a Dutch ``NotFoundError``: one helper and one message per kind of thing.

Ids come from lists the GUI or CLI showed; a row can be gone since (another user, a restore),
so every service loads them here and the user reads the same sentence everywhere.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from pzmdo.domain.errors import NotFoundError
from pzmdo.store.models import Patient, Person
from pzmdo.store.models.consultations import Consultation, ConsultTeam
from pzmdo.store.models.meetings import Meeting, MeetingAction, MeetingDecision


def missing_patient(patient_id: int) -> NotFoundError:
    """The error for a patient id that is not (or no longer) in the database."""
    return NotFoundError(f"Patiënt {patient_id} bestaat niet (meer). Zoek de patiënt opnieuw op.")


def load_patient(s: Session, patient_id: int) -> Patient:
    patient = s.get(Patient, patient_id)
    if patient is None:
        raise missing_patient(patient_id)
    return patient


def load_person(s: Session, person_id: int) -> Person:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFoundError(
            f"Zorgverlener {person_id} bestaat niet (meer) in de zorgverlenerslijst. "
            "Kies iemand uit de lijst."
        )
    return person


def load_meeting(s: Session, meeting_id: int) -> Meeting:
    meeting = s.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(
            f"Overleg {meeting_id} bestaat niet (meer). Kies een overleg uit de lijst."
        )
    return meeting


def load_consultation(s: Session, consultation_id: int) -> Consultation:
    consultation = s.get(Consultation, consultation_id)
    if consultation is None:
        raise NotFoundError(
            f"Consultatie {consultation_id} bestaat niet (meer). Vernieuw de lijst."
        )
    return consultation


def load_consult_team(s: Session, team_id: int) -> ConsultTeam:
    team = s.get(ConsultTeam, team_id)
    if team is None:
        raise NotFoundError(
            f"Consultatieteam {team_id} bestaat niet (meer). Kies een team uit de lijst."
        )
    return team


def load_action(s: Session, action_id: int) -> MeetingAction:
    action = s.get(MeetingAction, action_id)
    if action is None:
        raise NotFoundError(f"Actie {action_id} bestaat niet (meer). Vernieuw de lijst.")
    return action


def load_decision(s: Session, decision_id: int) -> MeetingDecision:
    decision = s.get(MeetingDecision, decision_id)
    if decision is None:
        raise NotFoundError("Dit besluit bestaat niet (meer). Vernieuw de agenda.")
    return decision
