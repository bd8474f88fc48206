"""Agenda proposal rules and ordering, against a hand-built data set covering every reason."""

from datetime import date, timedelta

import pytest

from pzmdo.domain.agenda import (
    NABESPREKING_PROMPT,
    ActionFact,
    AgendaCandidate,
    AgendaReason,
    CarryFact,
    NominationFact,
    ReviewFact,
    action_candidates,
    carried_over_candidates,
    nomination_candidates,
    propose,
    reason_code,
    reason_from_code,
    reason_label,
    reason_rank,
    review_candidates,
    theme_candidate,
)
from pzmdo.domain.agenda_triggers import TRIGGER_REASON

TODAY = date(2026, 11, 25)
LAST_MEETING = date(2026, 10, 28)
INTERVAL = 56  # eight weeks

R = AgendaReason


def d(days_ago: int) -> date:
    return TODAY - timedelta(days=days_ago)


# Patients 1..16; each line says which reason(s) it should get.
REGISTER = [  # what the register area would report (deaths, colours, markings, hospital)
    AgendaCandidate(1, R.DECEASED, "overleden op 10-11-2026 (thuis)", d(15)),
    AgendaCandidate(2, R.DECEASED, "overleden op 20-11-2026 (hospice)", d(5)),
    AgendaCandidate(3, R.URGENCY_CHANGED, "kleur geel → oranje", d(3)),
    AgendaCandidate(4, R.NEWLY_MARKED_OR_SIGNALLED, "gemarkeerd op 01-11-2026", d(24)),
    AgendaCandidate(5, R.HOSPITAL_MDO_PZ, "besproken in MDO-PZ ziekenhuis", d(10)),
    # patient 3 is also newly marked: one line, at the higher-ranked reason
    AgendaCandidate(3, R.NEWLY_MARKED_OR_SIGNALLED, "gesignaleerd door de wijkverpleging", d(20)),
]
CONSULTS = [AgendaCandidate(6, R.OPEN_CONSULTATION_OR_OVERDUE_ACTION, "consultatie open", d(9))]
ACTIONS = [
    ActionFact(101, 7, "Gesprek met mantelzorger", d(2), "L. Visser (fictief)"),  # overdue
    ActionFact(102, 8, "VPTZ aanvragen", TODAY + timedelta(days=7)),  # open, not yet due
    ActionFact(103, None, "Scholing plannen", d(1)),  # general action
    ActionFact(104, None, "Folder bijwerken", None),
]
REVIEW = [
    ReviewFact(9, "gemarkeerd", None, None),  # never discussed
    ReviewFact(10, "gemarkeerd", d(60), None),  # interval passed
    ReviewFact(11, "gemarkeerd", d(20), d(1)),  # explicit review date passed
    ReviewFact(12, "gemarkeerd", d(20), None),  # not due yet
    ReviewFact(13, "overleden", None, None),  # not active: never proposed for review
    ReviewFact(14, "stervensfase", d(56), None),  # exactly on the interval: due
    ReviewFact(1, "overleden", d(30), None),  # deceased patient 1: not a review
]
CARRY = [CarryFact(15, "", LAST_MEETING)]
NOMINATIONS = [NominationFact(16, "Dr. A. Jansen (fictief)", "pijn neemt toe", d(4))]
THEME = "Nabespreking casus: palliatieve sedatie"


def all_candidates() -> list[AgendaCandidate]:
    return (
        REGISTER
        + CONSULTS
        + action_candidates(ACTIONS, TODAY)
        + review_candidates(REVIEW, TODAY, INTERVAL)
        + carried_over_candidates(CARRY)
        + nomination_candidates(NOMINATIONS)
        + theme_candidate(THEME)
    )


def test_every_reason_is_covered_by_the_data_set():
    reasons = {c.reason for c in all_candidates()} | {R.ADDED}
    # The triggers' reasons have their own data set (tests/domain/test_agenda_triggers.py).
    assert reasons == set(AgendaReason) - set(TRIGGER_REASON.values())


def test_proposal_order_follows_the_issue():
    proposal = propose(all_candidates())
    order = [(p.patient_id, p.reason) for p in proposal]
    assert order == [
        (1, R.DECEASED),  # deceased first, the earlier death first
        (2, R.DECEASED),
        (3, R.URGENCY_CHANGED),
        (4, R.NEWLY_MARKED_OR_SIGNALLED),
        (5, R.HOSPITAL_MDO_PZ),
        (6, R.OPEN_CONSULTATION_OR_OVERDUE_ACTION),  # consultation requested d(9)
        (7, R.OPEN_CONSULTATION_OR_OVERDUE_ACTION),  # overdue action, due d(2)
        (None, R.OPEN_CONSULTATION_OR_OVERDUE_ACTION),  # general actions, oldest due d(1)
        (8, R.OPEN_CONSULTATION_OR_OVERDUE_ACTION),  # open action, due next week
        (15, R.CARRIED_OVER),
        (16, R.NOMINATED),
        (10, R.PERIODIC_REVIEW_OR_NEVER_DISCUSSED),
        (14, R.PERIODIC_REVIEW_OR_NEVER_DISCUSSED),
        (11, R.PERIODIC_REVIEW_OR_NEVER_DISCUSSED),
        (9, R.PERIODIC_REVIEW_OR_NEVER_DISCUSSED),  # never discussed: undated, after dated
        (None, R.THEME),  # theme always last
    ]


def test_within_a_reason_the_oldest_event_comes_first():
    proposal = propose(all_candidates())
    fives = [p for p in proposal if p.reason is R.OPEN_CONSULTATION_OR_OVERDUE_ACTION]
    dates = [p.since for p in fives]
    assert dates == sorted(dates)  # d(9) consultation, d(2) action, d(1) general, +7 days
    assert [p.patient_id for p in fives] == [6, 7, None, 8]


def test_ranks_put_theme_last_and_deliberate_requests_before_routine_review():
    assert reason_rank(R.DECEASED) < reason_rank(R.URGENCY_CHANGED)
    assert reason_rank(R.URGENCY_CHANGED) < reason_rank(R.NEWLY_MARKED_OR_SIGNALLED)
    assert reason_rank(R.NEWLY_MARKED_OR_SIGNALLED) < reason_rank(R.HOSPITAL_MDO_PZ)
    assert reason_rank(R.HOSPITAL_MDO_PZ) < reason_rank(R.OPEN_CONSULTATION_OR_OVERDUE_ACTION)
    assert reason_rank(R.OPEN_CONSULTATION_OR_OVERDUE_ACTION) < reason_rank(R.CARRIED_OVER)
    assert reason_rank(R.CARRIED_OVER) < reason_rank(R.NOMINATED)
    assert reason_rank(R.NOMINATED) < reason_rank(R.PERIODIC_REVIEW_OR_NEVER_DISCUSSED)
    assert max(reason_rank(r) for r in R) == reason_rank(R.THEME)


def test_a_patient_appears_once_with_all_reasons():
    proposal = propose(all_candidates())
    threes = [p for p in proposal if p.patient_id == 3]
    assert len(threes) == 1
    three = threes[0]
    assert three.reason is R.URGENCY_CHANGED
    assert three.reasons == (R.URGENCY_CHANGED, R.NEWLY_MARKED_OR_SIGNALLED)
    assert "geel → oranje" in three.detail and "wijkverpleging" in three.detail
    assert sum(1 for p in proposal if p.patient_id == 1) == 1  # deceased, not also "review"


def test_deceased_items_carry_the_nabespreking_questions():
    first = propose(all_candidates())[0]
    assert first.patient_id == 1
    assert NABESPREKING_PROMPT in first.detail
    assert "plek van overlijden" in first.detail


def test_review_rule():
    found = {c.patient_id: c for c in review_candidates(REVIEW, TODAY, INTERVAL)}
    assert set(found) == {9, 10, 11, 14}
    assert found[9].detail == "nog nooit besproken in het overleg"
    assert found[9].since is None
    assert "laatst besproken op" in found[10].detail
    with pytest.raises(ValueError):
        review_candidates(REVIEW, TODAY, 0)


def test_action_rule_says_which_are_overdue():
    found = action_candidates(ACTIONS, TODAY)
    texts = {c.patient_id: c.detail for c in found}
    assert texts[7].startswith("actie over de datum")
    assert "L. Visser (fictief)" in texts[7]
    assert texts[8].startswith("open actie, uiterlijk")
    assert texts[None] == "2 open algemene actie(s), waarvan 1 over de datum"


def test_carried_nominated_theme_rules():
    (carry,) = carried_over_candidates(CARRY)
    assert carry.reason is R.CARRIED_OVER and "28-10-2026" in carry.detail
    (nom,) = nomination_candidates(NOMINATIONS)
    assert nom.detail == "aangemeld door Dr. A. Jansen (fictief): pijn neemt toe"
    assert theme_candidate("   ") == []
    assert theme_candidate(THEME)[0].patient_id is None


def test_excluded_patients_and_duplicate_loose_lines():
    extra = [AgendaCandidate(None, R.THEME, THEME)]
    proposal = propose(all_candidates() + extra, exclude=[1, 3, 16])
    pids = [p.patient_id for p in proposal]
    assert 1 not in pids and 3 not in pids and 16 not in pids
    assert sum(1 for p in proposal if p.reason is R.THEME) == 1


def test_empty_input_gives_empty_proposal():
    assert propose([]) == []


def test_codes_and_labels_round_trip():
    for reason in AgendaReason:
        assert reason_from_code(reason_code(reason)) is reason
        assert reason_label(reason)
    assert reason_code(R.DECEASED) == "deceased"
    with pytest.raises(ValueError):
        reason_from_code("onzin")
