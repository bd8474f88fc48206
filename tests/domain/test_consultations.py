"""Consultation rules: lifecycle, kantoortijd/ANW, working days across weekends and holidays."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pzmdo.domain.consultations import (
    ALLOWED,
    ConsultStatus,
    TimeWindow,
    check_transition,
    format_working_days,
    is_overdue,
    is_working_day,
    national_holidays,
    time_window,
    validate_threshold,
    working_days_between,
)
from pzmdo.domain.errors import TransitionError, ValidationError

AMS = ZoneInfo("Europe/Amsterdam")


def local(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=AMS)


LEGAL = [
    (ConsultStatus.AANGEVRAAGD, ConsultStatus.IN_BEHANDELING),
    (ConsultStatus.AANGEVRAAGD, ConsultStatus.GEANNULEERD),
    (ConsultStatus.IN_BEHANDELING, ConsultStatus.ADVIES_GEGEVEN),
    (ConsultStatus.IN_BEHANDELING, ConsultStatus.GEANNULEERD),
    (ConsultStatus.ADVIES_GEGEVEN, ConsultStatus.AFGESLOTEN),
]
ILLEGAL = [(a, b) for a in ConsultStatus for b in ConsultStatus if (a, b) not in LEGAL]


def test_the_lifecycle_is_exactly_the_documented_one():
    assert {(a, b) for a, targets in ALLOWED.items() for b in targets} == set(LEGAL)
    assert len(ILLEGAL) == 20


@pytest.mark.parametrize(("current", "target"), LEGAL)
def test_legal_transitions_pass(current, target):
    check_transition(current, target)


@pytest.mark.parametrize(("current", "target"), ILLEGAL)
def test_every_illegal_transition_is_refused_in_dutch(current, target):
    with pytest.raises(TransitionError) as err:
        check_transition(current, target)
    message = str(err.value)
    assert "consultatie" in message.lower()
    assert current.label.lower() in message.lower()
    # No English, and a complete sentence.
    assert message.endswith(".")
    assert not any(w in message.lower() for w in ("cannot", "status change", "invalid"))


def test_office_hours_and_anw():
    # Wednesday 25 November 2026
    assert time_window(local(2026, 11, 25, 8, 0)) is TimeWindow.KANTOORTIJD
    assert time_window(local(2026, 11, 25, 16, 59)) is TimeWindow.KANTOORTIJD
    assert time_window(local(2026, 11, 25, 17, 0)) is TimeWindow.ANW  # evening
    assert time_window(local(2026, 11, 25, 7, 59)) is TimeWindow.ANW  # night
    assert time_window(local(2026, 11, 28, 11, 0)) is TimeWindow.ANW  # Saturday
    assert time_window(local(2026, 11, 29, 11, 0)) is TimeWindow.ANW  # Sunday
    assert time_window(local(2026, 12, 25, 11, 0)) is TimeWindow.ANW  # Christmas (Friday)
    # The same instant given in UTC is judged in Dutch local time (winter: UTC+1).
    assert time_window(local(2026, 11, 25, 16, 30).astimezone(ZoneInfo("UTC"))) == (
        TimeWindow.KANTOORTIJD
    )


def test_dutch_holidays():
    h = national_holidays(2026)
    assert date(2026, 4, 5) in h  # eerste paasdag
    assert date(2027, 3, 28) in national_holidays(2027)
    assert date(2026, 4, 3) not in h  # Goede Vrijdag: general practice works
    assert date(2010, 4, 30) in national_holidays(2010)  # Koninginnedag before 2014
    assert date(2026, 4, 6) in h  # tweede paasdag
    assert date(2026, 4, 27) in h  # Koningsdag (Monday)
    assert date(2026, 5, 14) in h  # Hemelvaartsdag
    assert date(2026, 5, 25) in h  # tweede pinksterdag
    assert date(2025, 5, 5) in national_holidays(2025)  # Bevrijdingsdag, lustrum year
    assert date(2026, 5, 5) not in h
    assert date(2025, 4, 26) in national_holidays(2025)  # 27 April 2025 is a Sunday
    assert not is_working_day(date(2026, 5, 14))
    assert is_working_day(date(2026, 5, 15))


def test_response_time_across_a_weekend():
    friday_16 = local(2026, 11, 27, 16, 0)
    monday_10 = local(2026, 11, 30, 10, 0)
    # 66 hours on the clock, but only Friday 16-24 and Monday 0-10 are working time.
    assert (monday_10 - friday_16) == timedelta(hours=66)
    assert working_days_between(friday_16, monday_10) == pytest.approx(18 / 24)
    # Saturday request answered on Monday 12:00: half a working day.
    assert working_days_between(local(2026, 11, 28, 9), local(2026, 11, 30, 12)) == 0.5
    # A whole week Monday → Monday is five working days.
    assert working_days_between(local(2026, 11, 23, 9), local(2026, 11, 30, 9)) == 5
    # Reversed or equal: nothing.
    assert working_days_between(monday_10, friday_16) == 0


def test_working_days_skip_holidays_and_survive_dst():
    # Wednesday before Ascension 12:00 → Friday 12:00: Thursday 14 May 2026 does not count.
    assert working_days_between(local(2026, 5, 13, 12), local(2026, 5, 15, 12)) == 1
    # Across the switch to winter time (Sunday 25 Oct 2026): Friday → Monday, same clock time.
    assert working_days_between(local(2026, 10, 23, 12), local(2026, 10, 26, 12)) == 1


def test_overdue_after_two_working_days_counting_the_weekend_out():
    friday_16 = local(2026, 11, 27, 16, 0)
    # Tuesday 16:00: exactly 2 working days — not yet overdue.
    assert not is_overdue(ConsultStatus.AANGEVRAAGD, friday_16, local(2026, 12, 1, 16, 0))
    # Wednesday 09:00: 2.7 working days — overdue; calendar-wise it is 4.7 days.
    assert is_overdue(ConsultStatus.IN_BEHANDELING, friday_16, local(2026, 12, 2, 9, 0))
    # Configurable threshold.
    assert not is_overdue(ConsultStatus.AANGEVRAAGD, friday_16, local(2026, 12, 2, 9), 3)
    # Advised or closed consultations are never overdue.
    assert not is_overdue(ConsultStatus.ADVIES_GEGEVEN, friday_16, local(2026, 12, 9))


def test_threshold_validation_and_formatting():
    assert validate_threshold(2) == 2.0
    for bad in (0, -1, 31, "twee"):
        with pytest.raises(ValidationError, match="werkdagen"):
            validate_threshold(bad)
    assert format_working_days(1) == "1 werkdag"
    assert format_working_days(0.75) == "0,8 werkdagen"
    assert format_working_days(2) == "2 werkdagen"
