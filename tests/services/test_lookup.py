"""A missing patient, meeting, person, consultation...: the same Dutch sentence from every
service (one "get or fail" helper per kind of thing, pzmdo/services/lookup.py)."""

from __future__ import annotations

import pytest

from pzmdo.domain.errors import NotFoundError
from pzmdo.services import (
    acp_fhir,
    careplan,
    careteam,
    consultations,
    directory,
    documents,
    meetings,
    patients,
    register,
)

MISSING = 987_654


def _message(call) -> str:
    with pytest.raises(NotFoundError) as caught:
        call()
    return str(caught.value)


def test_a_missing_patient_reads_the_same_everywhere(ctx):
    said = {
        name: _message(lambda c=call: c(ctx, MISSING))
        for name, call in {
            "register": register.get_patient,
            "patients": patients.open_patient_record,
            "careplan": careplan.current_plan,
            "careteam": careteam.team_summary,
            "meetings": meetings.patient_brief,
            "acp_fhir": acp_fhir.export_response,
            "documents": documents.careplan_data,
        }.items()
    }
    assert set(said.values()) == {
        f"Patiënt {MISSING} bestaat niet (meer). Zoek de patiënt opnieuw op."
    }, said


def test_other_missing_things_say_what_and_what_to_do(ctx):
    assert _message(lambda: meetings.get_meeting(ctx, MISSING)) == (
        f"Overleg {MISSING} bestaat niet (meer). Kies een overleg uit de lijst."
    )
    assert _message(lambda: directory.get_person(ctx, MISSING)) == (
        f"Zorgverlener {MISSING} bestaat niet (meer) in de zorgverlenerslijst. "
        "Kies iemand uit de lijst."
    )
    assert _message(lambda: consultations.get_consultation(ctx, MISSING)) == (
        f"Consultatie {MISSING} bestaat niet (meer). Vernieuw de lijst."
    )
    assert _message(lambda: consultations.get_team(ctx, MISSING)) == (
        f"Consultatieteam {MISSING} bestaat niet (meer). Kies een team uit de lijst."
    )
    assert _message(lambda: meetings.complete_action(ctx, MISSING)).startswith(
        f"Actie {MISSING} bestaat niet (meer)."
    )
