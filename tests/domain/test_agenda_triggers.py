"""Each agenda trigger fires exactly when its condition holds, with its reason text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from pzmdo.domain.agenda import AgendaReason, propose, reason_label
from pzmdo.domain.agenda_triggers import (
    TRIGGER_REASON,
    Trigger,
    TriggerFact,
    TriggerSettings,
    settings_from_data,
    trigger_candidates,
)
from pzmdo.domain.errors import ValidationError

TODAY = date(2026, 11, 30)
D = timedelta(days=1)
QUIET = TriggerFact(  # marked, care plan fresh, CZ present, carer fine: nothing fires
    patient_id=1,
    status="gemarkeerd",
    marked_on=TODAY - 100 * D,
    status_since=TODAY - 100 * D,
    last_discussed_on=None,
    has_central_caregiver=True,
    plan_on=TODAY - 10 * D,
    burden="laag",
    burden_on=TODAY - 10 * D,
    vptz_steps=0,
)


def fire(fact: TriggerFact, settings: TriggerSettings | None = None, since: date | None = None):
    return [
        (c.reason, c.detail)
        for c in trigger_candidates([fact], settings or TriggerSettings(), TODAY, 56, since)
    ]


def test_a_quiet_patient_triggers_nothing():
    assert fire(QUIET) == []
    assert fire(replace(QUIET, status="overleden", has_central_caregiver=False)) == []
    assert fire(replace(QUIET, status="gesignaleerd", has_central_caregiver=False)) == []


def test_no_care_plan_after_n_weeks():
    fact = replace(QUIET, plan_on=None, marked_on=TODAY - 28 * D)
    assert fire(fact) == [
        (AgendaReason.NO_CAREPLAN, "gemarkeerd op 02-11-2026, na 4 weken nog geen zorgplan")
    ]
    assert fire(replace(fact, marked_on=TODAY - 27 * D)) == []  # one day short
    assert fire(fact, TriggerSettings(careplan_weeks=5)) == []


def test_no_central_caregiver():
    assert fire(replace(QUIET, has_central_caregiver=False)) == [
        (AgendaReason.NO_CENTRAL_CAREGIVER, "gemarkeerd zonder centrale zorgverlener")
    ]
    # Not again once discussed after the marking: the team saw it.
    seen = replace(QUIET, has_central_caregiver=False, last_discussed_on=TODAY - 50 * D)
    assert fire(seen) == []


def test_carer_overloaded_from_the_burden_check():
    fact = replace(QUIET, burden="overbelast", burden_on=TODAY - 3 * D, vptz_steps=1)
    assert fire(fact) == [
        (AgendaReason.CARER_OVERLOADED, "mantelzorger overbelast (belastingscheck 27-11-2026)")
    ]
    assert fire(replace(fact, burden="verhoogd")) == []
    assert fire(replace(fact, last_discussed_on=TODAY - D)) == []  # discussed since the check


def test_stervensfase_started_and_it_prompts_a_care_plan_review():
    fact = replace(QUIET, status="stervensfase", status_since=TODAY - 2 * D)
    assert fire(fact, since=TODAY - 20 * D) == [
        (AgendaReason.STERVENSFASE_STARTED, "stervensfase gestart op 28-11-2026"),
        (
            AgendaReason.CAREPLAN_NOT_REVIEWED,
            "zorgplan (20-11-2026) van vóór de stervensfase: herzien",
        ),
    ]
    # Started before the previous meeting: not news any more (the plan review still is).
    assert [r for r, _ in fire(fact, since=TODAY - D)] == [AgendaReason.CAREPLAN_NOT_REVIEWED]
    # A plan revised in the dying phase asks for nothing.
    assert fire(replace(fact, plan_on=TODAY - D), since=TODAY - D) == []


def test_care_plan_not_reviewed_within_the_interval():
    fact = replace(QUIET, plan_on=TODAY - 56 * D)
    assert fire(fact) == [
        (
            AgendaReason.CAREPLAN_NOT_REVIEWED,
            "zorgplan niet herzien sinds 05-10-2026 (termijn 8 weken)",
        )
    ]
    assert fire(replace(fact, plan_on=TODAY - 55 * D)) == []


def test_consultation_advice_not_processed():
    fact = replace(QUIET, advice_on=TODAY - 4 * D)
    assert fire(fact) == [
        (AgendaReason.ADVICE_NOT_PROCESSED, "consultatieadvies van 26-11-2026 nog niet verwerkt")
    ]


def test_vptz_nudge_for_a_carer_at_risk():
    fact = replace(QUIET, burden="verhoogd", burden_on=TODAY - 5 * D, marked_on=TODAY - 28 * D)
    assert fire(fact) == [
        (
            AgendaReason.VPTZ_NOT_DISCUSSED,
            "mantelzorger belast (verhoogd) en VPTZ nog niet besproken",
        )
    ]
    assert fire(replace(fact, vptz_steps=1)) == []
    assert fire(replace(fact, marked_on=TODAY - 27 * D)) == []
    assert fire(replace(fact, burden="laag")) == []


def test_every_trigger_can_be_switched_off_per_team():
    loud = replace(
        QUIET, has_central_caregiver=False, plan_on=None, burden="overbelast",
        burden_on=TODAY - D, advice_on=TODAY - D,
    )  # fmt: skip
    assert len(fire(loud)) == 5  # no plan, no CZ, overbelast, advice, VPTZ
    only = TriggerSettings(enabled=frozenset({Trigger.ADVICE_NOT_PROCESSED}))
    assert [r for r, _ in fire(loud, only)] == [AgendaReason.ADVICE_NOT_PROCESSED]
    assert fire(loud, TriggerSettings(enabled=frozenset())) == []


def test_settings_round_trip_and_limits():
    s = TriggerSettings(enabled=frozenset({Trigger.NO_CAREPLAN}), careplan_weeks=6)
    assert settings_from_data(s.to_data()) == s
    assert settings_from_data(None) == TriggerSettings()
    assert settings_from_data({"enabled": ["gone", "no_careplan"]}).enabled == {Trigger.NO_CAREPLAN}
    with pytest.raises(ValidationError, match="1 tot en met 52"):
        settings_from_data({"careplan_weeks": 0})


def test_a_deceased_patient_is_proposed_only_for_the_nabespreking():
    dead = replace(QUIET, has_central_caregiver=False, advice_on=TODAY - D)
    living_reasons = trigger_candidates([dead], TriggerSettings(), TODAY, 56, None)
    assert living_reasons  # while alive these would fire
    items = propose(living_reasons, deceased=[1])
    assert items == []  # after death: nothing but the nabespreking
    assert reason_label(AgendaReason.VPTZ_NOT_DISCUSSED) == "VPTZ bespreken"


def test_every_trigger_reason_is_covered_by_this_data_set():
    loud = replace(
        QUIET, status="stervensfase", status_since=TODAY - D, has_central_caregiver=False,
        plan_on=None, burden="overbelast", burden_on=TODAY - D, advice_on=TODAY - D,
    )  # fmt: skip
    old_plan = replace(loud, patient_id=2, plan_on=TODAY - 60 * D)
    found = {
        c.reason for c in trigger_candidates([loud, old_plan], TriggerSettings(), TODAY, 56, None)
    }
    assert found == set(TRIGGER_REASON.values())
