"""Meeting lifecycle, checklist, attendance triad (source 003 L597), cadence."""

from datetime import date, timedelta

import pytest

from pzmdo.domain.enums import Discipline
from pzmdo.domain.errors import ReadOnlyError, TransitionError, ValidationError
from pzmdo.domain.meetings import (
    ChecklistAnswer,
    ChecklistItem,
    MeetingStatus,
    TeamKind,
    can_transition,
    check_transition,
    default_cadence_weeks,
    ensure_editable,
    ensure_running,
    next_meeting_on,
    parse_checklist,
    triad_check,
    validate_action,
    validate_cadence,
    validate_meeting_date,
)

S = MeetingStatus


def test_lifecycle_goes_one_way():
    assert can_transition(S.GEPLAND, S.IN_VOORBEREIDING)
    assert can_transition(S.IN_VOORBEREIDING, S.BEZIG)
    assert can_transition(S.GEPLAND, S.BEZIG)
    assert can_transition(S.BEZIG, S.AFGEROND)
    assert not can_transition(S.BEZIG, S.GEPLAND)
    assert not can_transition(S.GEPLAND, S.AFGEROND)
    with pytest.raises(TransitionError, match="gepland → in voorbereiding → bezig → afgerond"):
        check_transition(S.GEPLAND, S.AFGEROND)
    with pytest.raises(ReadOnlyError, match="aanvulling"):
        check_transition(S.AFGEROND, S.BEZIG)
    check_transition(S.BEZIG, S.BEZIG)  # staying is fine


def test_closed_meetings_are_frozen_and_recording_needs_a_running_meeting():
    with pytest.raises(ReadOnlyError, match="afgerond"):
        ensure_editable(S.AFGEROND)
    ensure_editable(S.BEZIG)
    with pytest.raises(TransitionError, match="nog niet gestart"):
        ensure_running(S.IN_VOORBEREIDING)
    with pytest.raises(ReadOnlyError):
        ensure_running(S.AFGEROND)


def test_checklist_has_the_five_points_of_the_source():
    assert [c.label for c in ChecklistItem] == [
        "VPTZ besproken",
        "Mantelzorgbelasting gemonitord",
        "Geestelijk verzorger overwogen",
        "Specialist palliatieve zorg nodig?",
        "Team en eerste aanspreekpunt vastgesteld",
    ]
    parsed = parse_checklist({"vptz": "ja", "specialist_pz": "nee"})
    assert parsed == {
        ChecklistItem.VPTZ: ChecklistAnswer.JA,
        ChecklistItem.SPECIALIST_PZ: ChecklistAnswer.NEE,
    }
    with pytest.raises(ValidationError, match="Onbekend punt"):
        parse_checklist({"koffie": "ja"})
    with pytest.raises(ValidationError, match="Kies ja, nee of nog niet"):
        parse_checklist({"vptz": "misschien"})


def test_triad_needs_huisarts_wijkverpleegkundige_and_specialist_pz():
    full = triad_check(["huisarts", "wijkverpleegkundige", "specialist_pz", "poh"])
    assert full.complete
    assert "aanwezig" in full.text()
    partial = triad_check(["huisarts", "poh"])
    assert not partial.complete
    assert partial.missing == (Discipline.WIJKVERPLEEGKUNDIGE, Discipline.SPECIALIST_PZ)
    assert partial.text() == (
        "Niet compleet: geen wijkverpleegkundige, specialist palliatieve zorg aanwezig."
    )
    assert not triad_check([]).complete


def test_cadence():
    assert default_cadence_weeks(TeamKind.KERNTEAM) == 4
    assert default_cadence_weeks(TeamKind.PATZ) == 6
    today = date(2026, 11, 25)
    assert next_meeting_on(date(2026, 11, 11), 4, today) == date(2026, 12, 9)
    assert next_meeting_on(None, 4, today) == date(2026, 12, 2)
    assert next_meeting_on(date(2026, 1, 1), 4, today) == date(2026, 12, 2)
    with pytest.raises(ValidationError):
        validate_cadence(0)
    with pytest.raises(ValidationError):
        next_meeting_on(None, 0, today)


def test_action_validation():
    today = date(2026, 11, 25)
    assert validate_action("  Bel de apotheek  ", today, today) == "Bel de apotheek"
    with pytest.raises(ValidationError, match="Vul wat er moet gebeuren in"):
        validate_action("  ", None, today)
    with pytest.raises(ValidationError, match="in het verleden"):
        validate_action("Bellen", date(2026, 11, 1), today)


def test_meeting_date_at_most_two_years_ahead_and_one_year_back():
    today = date(2026, 11, 25)
    validate_meeting_date(today + timedelta(days=2 * 366), today)  # the last day allowed
    with pytest.raises(ValidationError, match="meer dan twee jaar vooruit"):
        validate_meeting_date(today + timedelta(days=2 * 366 + 1), today)
    validate_meeting_date(today - timedelta(days=366), today)
    with pytest.raises(ValidationError, match="meer dan een jaar terug"):
        validate_meeting_date(today - timedelta(days=367), today)
