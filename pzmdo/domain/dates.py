"""The one way dates are typed and shown: dd-mm-jjjj (Dutch), for the GUI, CLI and import.

Accepted: dd-mm-jjjj, d-m-jjjj (with -, / or .) and jjjj-mm-dd; an optional time "uu:mm"
after a space for moments. Two-digit years are refused: "01-02-45" could be 1945 or 2045,
and a birth date must never be guessed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time

from pzmdo.domain.errors import ValidationError

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d+)$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
EXAMPLE = "16-03-2027"


def format_date(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


def weekday_name(day: date) -> str:
    return WEEKDAYS[day.weekday()]


def long_date(day: date) -> str:
    """'dinsdag 16 maart 2027'."""
    return f"{weekday_name(day)} {day.day} {MONTHS[day.month - 1]} {day.year}"


def parse_date(text: str | None, what: str = "De datum") -> date:
    """A typed date -> date; a Dutch ValidationError that says how to write it otherwise.

    ``what`` starts the sentence: "De geboortedatum", "De datum van de wijziging"."""
    raw = (text or "").strip()
    if not raw:
        raise ValidationError(f"{what} is niet ingevuld. Schrijf de datum als dd-mm-jjjj.")
    m = _DMY.match(raw)
    if m:
        day, month, year = (int(g) for g in m.groups())
        if len(m.group(3)) != 4:
            raise ValidationError(
                f"{what} '{raw}' heeft geen volledig jaartal. Schrijf het jaar met vier "
                f"cijfers (dd-mm-jjjj), bijvoorbeeld {EXAMPLE}."
            )
    else:
        m = _YMD.match(raw)
        if not m:
            raise ValidationError(
                f"{what} '{raw}' is geen geldige datum. Schrijf de datum als dd-mm-jjjj, "
                f"bijvoorbeeld {EXAMPLE}."
            )
        year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        raise ValidationError(
            f"{what} '{raw}' bestaat niet: er is geen maand {month}. Controleer dag en maand "
            "(dd-mm-jjjj)."
        )
    if not 1900 <= year <= 2200:
        raise ValidationError(
            f"{what} '{raw}' ligt buiten de jaren 1900-2200. Controleer het jaartal (dd-mm-jjjj)."
        )
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise ValidationError(
            f"{what} '{raw}' bestaat niet: {MONTHS[month - 1]} {year} heeft {days} dagen. "
            "Controleer dag en maand (dd-mm-jjjj)."
        )
    return date(year, month, day)


def parse_optional_date(text: str | None, what: str = "De datum") -> date | None:
    """Like ``parse_date``, but an empty field means "no date"."""
    return parse_date(text, what) if (text or "").strip() else None


def parse_time(text: str | None, what: str = "De tijd") -> time:
    raw = (text or "").strip()
    m = _TIME.match(raw)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ValidationError(
            f"{what} '{raw}' is geen geldige tijd. Schrijf de tijd als uu:mm, bijvoorbeeld 14:30."
        )
    return time(int(m.group(1)), int(m.group(2)))


def parse_moment(text: str | None, what: str = "Het tijdstip") -> datetime:
    """'16-03-2027 14:30' (or '2027-03-16 14:30', '2027-03-16T14:30') -> naive datetime."""
    raw = (text or "").strip().replace("T", " ")
    day_text, _, time_text = raw.partition(" ")
    if not time_text.strip():
        raise ValidationError(
            f"{what} '{raw}' mist de tijd. Schrijf dd-mm-jjjj uu:mm, bijvoorbeeld {EXAMPLE} 14:30."
        )
    return datetime.combine(parse_date(day_text, what), parse_time(time_text, what))


_ISO_TEXT = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)


def display_iso(text: str) -> str:
    """An ISO date or timestamp in a text field ('2020-10-01T16:27:36.364Z', as FHIR writes
    them) shown the Dutch way: '01-10-2020 18:27' (local time), '01-10-2020' for a date.
    Any other text is returned unchanged."""
    raw = text.strip()
    if not _ISO_TEXT.match(raw):
        return text
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return text
    if len(raw) == 10:
        return format_date(moment.date())
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d-%m-%Y %H:%M")
