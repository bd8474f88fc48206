"""Specialist palliative care consultation: teams, modes, lifecycle, office hours, timeliness.

Rules that live here (plain Python, no database):

* **Lifecycle**: aangevraagd → in behandeling → advies gegeven → afgesloten; an open request
  (aangevraagd or in behandeling) may be geannuleerd. Everything else is refused with a
  Dutch :class:`TransitionError` (``check_transition``).
* **Kantoortijd or ANW** (avond, nacht, weekend) from the request time: working days
  (Monday–Friday, not a national holiday) 08:00–17:00 Dutch local time are office hours;
  evenings, nights, weekends and national holidays are ANW. Office hours are organised per
  subregion, ANW region-wide (source 003 L966), so a team has two phone numbers.
* **Timeliness**: the response time is measured from the request to the advice, in hours
  and in *working days* — the part of that span that falls on working days, counted in
  24-hour days (Friday 16:00 → Monday 10:00 is 66 hours but 0.75 working days). An open
  consultation is overdue when more working days than the threshold (default 2) have
  passed without advice.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache

from pzmdo.domain.enums import LabelledEnum, register_labels
from pzmdo.domain.errors import TransitionError, ValidationError

DEFAULT_OVERDUE_WORKING_DAYS = 2.0
OFFICE_START = time(8, 0)
OFFICE_END = time(17, 0)


class TeamType(LabelledEnum):
    """Who is consulted (requirements §3.9)."""

    STOP = "stop"  # primary-care specialist team per subregion
    PACT = "pact"  # hospital palliative care team
    REGIONAAL = "regionaal"  # regional consultation team (PCT Drenthe, via PZNL/Ligare)
    EIGEN_ORGANISATIE = "eigen_organisatie"
    OVERIG = "overig"


class ConsultMode(LabelledEnum):
    TELEFONISCH = "telefonisch"
    BEDSIDE = "bedside"
    MDO_PATZ = "mdo_patz"
    TIJDELIJKE_REGIE = "tijdelijke_regie"


class Complexity(LabelledEnum):
    LAAG = "laag"
    MIDDEL = "middel"
    COMPLEX = "complex"


class TimeWindow(LabelledEnum):
    KANTOORTIJD = "kantoortijd"
    ANW = "anw"


class ConsultStatus(LabelledEnum):
    AANGEVRAAGD = "aangevraagd"
    IN_BEHANDELING = "in_behandeling"
    ADVIES_GEGEVEN = "advies_gegeven"
    AFGESLOTEN = "afgesloten"
    GEANNULEERD = "geannuleerd"


class ConsultDimension(LabelledEnum):
    """The four dimensions plus the two themes that make care complex (§3.9)."""

    FYSIEK = "fysiek"
    PSYCHISCH = "psychisch"
    SOCIAAL = "sociaal"
    ZINGEVING = "zingeving"
    ETHISCH = "ethisch"
    COMMUNICATIE = "communicatie"


# One dict per enum: members of different enums with equal codes would collide in one dict.
for _labels in (
    {
        TeamType.STOP: "STOP (specialistisch team eerste lijn)",
        TeamType.PACT: "PACT (palliatief team ziekenhuis)",
        TeamType.REGIONAAL: "Regionaal consultatieteam",
        TeamType.EIGEN_ORGANISATIE: "Eigen organisatie",
        TeamType.OVERIG: "Overig",
    },
    {
        ConsultMode.TELEFONISCH: "Telefonisch",
        ConsultMode.BEDSIDE: "Bedside",
        ConsultMode.MDO_PATZ: "Deelname aan MDO/PaTz",
        ConsultMode.TIJDELIJKE_REGIE: "Tijdelijke regie / casemanagement",
    },
    {
        Complexity.LAAG: "Laag-complex",
        Complexity.MIDDEL: "Middel",
        Complexity.COMPLEX: "Complex",
    },
    {
        TimeWindow.KANTOORTIJD: "Kantoortijd",
        TimeWindow.ANW: "ANW (avond, nacht, weekend)",
    },
    {
        ConsultStatus.AANGEVRAAGD: "Aangevraagd",
        ConsultStatus.IN_BEHANDELING: "In behandeling",
        ConsultStatus.ADVIES_GEGEVEN: "Advies gegeven",
        ConsultStatus.AFGESLOTEN: "Afgesloten",
        ConsultStatus.GEANNULEERD: "Geannuleerd",
    },
    {
        ConsultDimension.FYSIEK: "Fysiek",
        ConsultDimension.PSYCHISCH: "Psychisch",
        ConsultDimension.SOCIAAL: "Sociaal",
        ConsultDimension.ZINGEVING: "Zingeving",
        ConsultDimension.ETHISCH: "Ethisch",
        ConsultDimension.COMMUNICATIE: "Communicatie",
    },
):
    register_labels(_labels)  # type: ignore[arg-type]

OPEN_STATUSES = frozenset({ConsultStatus.AANGEVRAAGD, ConsultStatus.IN_BEHANDELING})
FINAL_STATUSES = frozenset({ConsultStatus.AFGESLOTEN, ConsultStatus.GEANNULEERD})

ALLOWED: dict[ConsultStatus, frozenset[ConsultStatus]] = {
    ConsultStatus.AANGEVRAAGD: frozenset({ConsultStatus.IN_BEHANDELING, ConsultStatus.GEANNULEERD}),
    ConsultStatus.IN_BEHANDELING: frozenset(
        {ConsultStatus.ADVIES_GEGEVEN, ConsultStatus.GEANNULEERD}
    ),
    ConsultStatus.ADVIES_GEGEVEN: frozenset({ConsultStatus.AFGESLOTEN}),
    ConsultStatus.AFGESLOTEN: frozenset(),
    ConsultStatus.GEANNULEERD: frozenset(),
}


def check_transition(current: ConsultStatus, target: ConsultStatus) -> None:
    """Refuse a status change the lifecycle does not allow, saying why and what to do."""
    if target in ALLOWED[current]:
        return
    now = current.label.lower()
    wanted = target.label.lower()
    if current == target:
        raise TransitionError(f"De consultatie staat al op '{now}'; er is niets gewijzigd.")
    if current is ConsultStatus.AFGESLOTEN:
        raise TransitionError(
            f"De consultatie is afgesloten en kan niet meer naar '{wanted}'. "
            "Vraag zo nodig een nieuwe consultatie aan."
        )
    if current is ConsultStatus.GEANNULEERD:
        raise TransitionError(
            f"De consultatie is geannuleerd en kan niet meer naar '{wanted}'. "
            "Vraag zo nodig een nieuwe consultatie aan."
        )
    if target is ConsultStatus.GEANNULEERD:
        raise TransitionError(
            f"Een consultatie met status '{now}' kan niet meer worden geannuleerd: er is al "
            "advies gegeven. Sluit de consultatie af."
        )
    if target is ConsultStatus.AANGEVRAAGD:
        raise TransitionError(
            f"Een consultatie met status '{now}' kan niet terug naar 'aangevraagd'. "
            "Vraag zo nodig een nieuwe consultatie aan."
        )
    order = list(ConsultStatus)
    if order.index(target) < order.index(current):
        raise TransitionError(f"Een consultatie met status '{now}' kan niet terug naar '{wanted}'.")
    allowed = " of ".join(f"'{s.label.lower()}'" for s in sorted(ALLOWED[current], key=order.index))
    raise TransitionError(
        f"Een consultatie met status '{now}' kan niet direct naar '{wanted}'; "
        f"de volgende stap is {allowed}."
    )


# -- calendar -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def local_zone() -> tzinfo:
    """Dutch local time (falls back to the computer's own zone without tz data)."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Amsterdam")
    except Exception:  # no tz database (a bare Windows without tzdata)
        return datetime.now().astimezone().tzinfo or UTC


def to_local(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise ValueError("naive datetime")
    return at.astimezone(local_zone())


# Goede Vrijdag is a day off in some sectors only; general practice works normal hours.
WORKING_HOLIDAYS = frozenset({"Good Friday"})


@lru_cache(maxsize=64)
def national_holidays(year: int) -> frozenset[date]:
    """Dutch national holidays that fall outside office hours in general practice.

    Nieuwjaarsdag, Pasen, Koningsdag (Koninginnedag before 2014), Bevrijdingsdag in lustrum
    years, Hemelvaartsdag, Pinksteren, Kerstmis — the Dutch calendar of the holidays package.
    """
    import holidays  # here, not at the top: it costs ~0.1 s of every `pzmdo` start

    days = holidays.country_holidays("NL", years=year, language="en_US")
    return frozenset(day for day, name in days.items() if name not in WORKING_HOLIDAYS)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in national_holidays(day.year)


def time_window(at: datetime) -> TimeWindow:
    """Kantoortijd (working day 08:00–17:00 local time) or ANW (evening, night, weekend)."""
    local = to_local(at)
    if is_working_day(local.date()) and OFFICE_START <= local.time() < OFFICE_END:
        return TimeWindow.KANTOORTIJD
    return TimeWindow.ANW


def hours_between(start: datetime, end: datetime) -> float:
    return max(0.0, (end - start).total_seconds() / 3600)


def working_days_between(start: datetime, end: datetime) -> float:
    """The part of [start, end) on working days, in days of 24 hours (local calendar)."""
    if end <= start:
        return 0.0
    a, b = to_local(start), to_local(end)
    seconds = 0.0
    day = a.date()
    while day <= b.date():
        if is_working_day(day):
            midnight = datetime.combine(day, time(0), tzinfo=local_zone())
            lo = max(a, midnight)
            hi = min(b, datetime.combine(day + timedelta(days=1), time(0), tzinfo=local_zone()))
            if hi > lo:
                # wall-clock difference: a DST day still counts as one whole day
                seconds += (hi.replace(tzinfo=None) - lo.replace(tzinfo=None)).total_seconds()
        day += timedelta(days=1)
    return seconds / 86400


def is_overdue(
    status: ConsultStatus,
    requested_at: datetime,
    now: datetime,
    threshold_working_days: float = DEFAULT_OVERDUE_WORKING_DAYS,
) -> bool:
    """An open consultation without advice after more than the threshold of working days."""
    if status not in OPEN_STATUSES:
        return False
    return working_days_between(requested_at, now) > threshold_working_days


def validate_threshold(value: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = -1.0
    if not 0.5 <= number <= 30:
        raise ValidationError(
            "De termijn voor 'te laat' moet tussen 0,5 en 30 werkdagen liggen. "
            "Vul een getal in dat daartussen valt."
        )
    return number


def parse_dimensions(codes: str | None) -> tuple[ConsultDimension, ...]:
    """Stored as comma-separated codes; unknown codes are ignored."""
    found = []
    for code in (codes or "").split(","):
        code = code.strip()
        if code in ConsultDimension._value2member_map_:
            found.append(ConsultDimension(code))
    return tuple(found)


def format_working_days(days: float) -> str:
    """'1,5 werkdag' / '2 werkdagen' in Dutch notation."""
    rounded = round(days, 1)
    text = f"{rounded:.1f}".replace(".", ",").removesuffix(",0")
    return f"{text} werkdag" if rounded == 1 else f"{text} werkdagen"


def format_hours(hours: float) -> str:
    if hours < 1:
        return f"{round(hours * 60)} min"
    return f"{hours:.1f}".replace(".", ",").removesuffix(",0") + " uur"
