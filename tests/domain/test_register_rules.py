"""Register domain rules (issue 3): lifecycle, surprise question, indicators, dates."""

from __future__ import annotations

from datetime import date

import pytest

from pzmdo.domain.dates import parse_date
from pzmdo.domain.enums import PatientStatus
from pzmdo.domain.errors import TransitionError, ValidationError
from pzmdo.domain.register import (
    ALLOWED_TRANSITIONS,
    SURPRISE_QUESTION,
    StervensfaseIndicator,
    check_death_date,
    check_transition,
    name_words,
    urgency_levels,
)
from tests.support.shared import shared_path

SOURCES = shared_path("sources")


@pytest.mark.needs_shared
def test_surprise_question_is_word_for_word_source_000_line_86():
    line = (SOURCES / "000_fd89d9c6e316ef0f.txt").read_text(encoding="utf-8").splitlines()[85]
    assert f"‘{SURPRISE_QUESTION}’" in line


@pytest.mark.needs_shared
def test_stervensfase_indicators_are_word_for_word_source_002():
    lines = (SOURCES / "002_628423c90b5dbdc1.txt").read_text(encoding="utf-8").splitlines()
    block = "\n".join(lines[228:232])
    for indicator in StervensfaseIndicator:
        assert f"- {indicator.label}" in block


def test_lifecycle():
    S = PatientStatus
    check_transition(None, S.GEMARKEERD)
    check_transition(S.GEMARKEERD, S.STERVENSFASE)
    check_transition(S.STERVENSFASE, S.OVERLEDEN)
    check_transition(S.AFGEMELD, S.GESIGNALEERD)
    assert ALLOWED_TRANSITIONS[S.OVERLEDEN] == frozenset()
    with pytest.raises(TransitionError, match="overleden"):
        check_transition(S.OVERLEDEN, S.GEMARKEERD)
    with pytest.raises(TransitionError, match="al op 'Gemarkeerd'"):
        check_transition(S.GEMARKEERD, S.GEMARKEERD)
    with pytest.raises(TransitionError, match="Mogelijk is"):
        check_transition(S.GESIGNALEERD, S.STERVENSFASE)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("03-11-2026", date(2026, 11, 3)),
        ("3-1-1940", date(1940, 1, 3)),
        ("03/11/2026", date(2026, 11, 3)),
        ("03.11.2026", date(2026, 11, 3)),
        ("2026-11-03", date(2026, 11, 3)),
    ],
)
def test_dutch_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31-02-2026", "2026/11/03", "morgen", "", "1-1-26"])
def test_bad_dates_refused_in_dutch(text):
    with pytest.raises(ValidationError, match="dd-mm-jjjj"):
        parse_date(text)


def test_death_not_before_marking():
    with pytest.raises(ValidationError, match="vóór de markeringsdatum"):
        check_death_date(date(2026, 1, 1), date(2026, 2, 1), date(1940, 1, 1), date(2026, 3, 1))


def test_urgency_levels_default_and_configured():
    assert [lv.code for lv in urgency_levels(None)] == ["groen", "geel", "oranje", "rood"]
    assert all(lv.meaning for lv in urgency_levels(None))
    custom = urgency_levels([{"code": "a", "label": "A"}, {"bad": 1}])
    assert [lv.code for lv in custom] == ["a"]


def test_name_words():
    assert name_words("berg-jansen van der ella (fictief)") == {
        "berg",
        "jansen",
        "van",
        "der",
        "ella",
        "fictief",
    }
