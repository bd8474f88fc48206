"""Spiegelinformatie: the quality figures (K1–K13) the register can supply, as data.

Each measure has a key (``K1``, ``K1.extern`` ...), a Dutch title and definition (what is
counted, over what) and the source line it comes from (requirements §4 and FR28). The
services compute numerators and denominators in SQL; the rules that do not need the
database live here: percentages, medians, periods and their trend, small-cell suppression
for the region (001 L262-265: spiegelinformatie, not a basis for judging professionals).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, timedelta

from pzmdo.domain.enums import LabelledEnum, register_labels
from pzmdo.domain.errors import ValidationError

# Cells with fewer patients than this are shown as "<5" outside the practice.
SMALL_CELL = 5
SUPPRESSED = f"<{SMALL_CELL}"


class Kind(LabelledEnum):
    PERCENTAGE = "percentage"
    COUNT = "aantal"
    MEDIAN_DAYS = "mediaan_dagen"
    MEDIAN_WEEKS = "mediaan_weken"
    MEDIAN_WORKING_DAYS = "mediaan_werkdagen"


class Denominator(LabelledEnum):
    """Counts the register cannot know, entered per practice and period by a coordinator."""

    DEATHS_NOT_UNEXPECTED = "niet_onverwacht_overleden"
    HOSPITAL_MDO_LIST = "ziekenhuis_mdo_pz_lijst"


register_labels(
    {
        Kind.PERCENTAGE: "percentage",
        Kind.COUNT: "aantal",
        Kind.MEDIAN_DAYS: "mediaan in dagen",
        Kind.MEDIAN_WEEKS: "mediaan in weken",
        Kind.MEDIAN_WORKING_DAYS: "mediaan in werkdagen",
    }
)
register_labels(
    {
        Denominator.DEATHS_NOT_UNEXPECTED: "Niet-onverwacht overledenen van de praktijk (extern)",
        Denominator.HOSPITAL_MDO_LIST: "Patiënten op de MDO-PZ-lijst van het ziekenhuis (extern)",
    }
)


@dataclass(frozen=True)
class MeasureDef:
    key: str  # "K1", "K1.extern", ...; the part before the dot is the figure
    title: str
    definition: str  # Dutch: what is counted, over what
    source: str  # file:line of the source documents
    kind: Kind
    drill: bool = True  # the patients behind the numbers can be listed

    @property
    def figure(self) -> str:
        return self.key.split(".")[0]

    @property
    def is_part(self) -> bool:
        return "." in self.key


S003 = "003_88991e6425fd5733.txt"
S001 = "001_875e3b089790751a.txt"
S000 = "000_fd89d9c6e316ef0f.txt"
S002 = "002_628423c90b5dbdc1.txt"
S004 = "004_cf748b03de6f4b53.txt"

_P, _N, _MD, _MW, _MWD = (
    Kind.PERCENTAGE,
    Kind.COUNT,
    Kind.MEDIAN_DAYS,
    Kind.MEDIAN_WEEKS,
    Kind.MEDIAN_WORKING_DAYS,
)

# The measures in reading order. "Gemarkeerd in de periode" (prevalent) means: a marking
# that started on or before the end of the period and was not closed before its start.
MEASURES: tuple[MeasureDef, ...] = (
    MeasureDef(
        "K1",
        "Gemarkeerd vóór overlijden (overledenen in het register)",
        "Teller: niet-onverwacht overleden patiënten in de periode met een markering vóór de "
        "overlijdensdatum (markering op de dag van overlijden telt niet). Noemer: alle "
        "niet-onverwacht overledenen in de periode die in het register staan.",
        f"{S003}:L609-611",
        _P,
    ),
    MeasureDef(
        "K1.extern",
        "Gemarkeerd vóór overlijden (alle niet-onverwacht overledenen)",
        "Teller als K1. Noemer: het aantal niet-onverwacht overledenen van de patiëntenlijst "
        "van de praktijk in de periode, ingevoerd door de coördinator (uit het HIS).",
        f"{S003}:L609-611",
        _P,
    ),
    MeasureDef(
        "K1.weken",
        "Tijd van markering tot overlijden",
        "Mediaan in weken van de eerste markering tot het overlijden, bij de patiënten van de "
        "teller van K1.",
        f"{S003}:L609",
        _MW,
    ),
    MeasureDef(
        "K2",
        "Nieuwe markeringen",
        "Aantal patiënten met een markering die in de periode begon.",
        f"{S001}:L414-419",
        _N,
    ),
    MeasureDef(
        "K2.prevalent",
        "Gemarkeerde patiënten in de periode",
        "Aantal patiënten dat op enig moment in de periode gemarkeerd was (markering gestart "
        "vóór het einde van de periode en niet afgesloten vóór het begin).",
        f"{S001}:L414-419",
        _N,
    ),
    MeasureDef(
        "K3",
        "PZP gestart",
        "Teller: gemarkeerde patiënten in de periode met minstens één PZP-gesprek op of vóór "
        "het einde van de periode. Noemer: gemarkeerde patiënten in de periode.",
        f"{S001}:L421-428",
        _P,
    ),
    MeasureDef(
        "K3.dagen",
        "Tijd van markering tot eerste PZP-gesprek",
        "Mediaan in dagen van de eerste markering tot het eerste PZP-gesprek (0 als het gesprek "
        "al vóór de markering was), bij de patiënten van de teller van K3.",
        f"{S001}:L421-423",
        _MD,
    ),
    MeasureDef(
        "K5",
        "Individueel zorgplan",
        "Teller: gemarkeerde patiënten in de periode met minstens één versie van het "
        "individueel zorgplan, actueel per een datum op of vóór het einde van de periode. "
        "Noemer: gemarkeerde patiënten in de periode.",
        f"{S003}:L787; {S001}:L417-419",
        _P,
    ),
    MeasureDef(
        "CZ",
        "Centrale zorgverlener vastgelegd",
        "Teller: gemarkeerde patiënten in de periode bij wie in de periode een centrale "
        "zorgverlener (regiebehandelaar) was vastgelegd. Noemer: gemarkeerde patiënten in de "
        "periode.",
        f"{S000}:L97-99; {S002}:L1078",
        _P,
    ),
    MeasureDef(
        "K6",
        "MDO's met huisarts, wijkverpleegkundige en specialist PZ",
        "Teller: afgeronde MDO's in de periode met minstens één besproken patiënt waarbij een "
        "huisarts, een wijkverpleegkundige én een specialist palliatieve zorg aanwezig waren. "
        "Noemer: alle afgeronde MDO's in de periode met minstens één besproken patiënt.",
        f"{S003}:L597",
        _P,
        drill=False,
    ),
    MeasureDef(
        "K7",
        "Ziekenhuis-MDO-PZ-patiënten bekend in het register",
        "Teller: patiënten in het register die in de periode in een MDO-PZ van een ziekenhuis "
        "zijn besproken. Noemer: het aantal patiënten op de MDO-PZ-lijst van het ziekenhuis "
        "in de periode, ingevoerd door de coördinator.",
        f"{S003}:L599; {S003}:L395",
        _P,
    ),
    MeasureDef(
        "K8",
        "Consultatie binnen de termijn beantwoord",
        "Teller: consultaties aangevraagd in de periode met een advies binnen de termijn "
        "(instelling 'te laat na', in werkdagen; weekenden en feestdagen tellen niet). "
        "Noemer: consultaties aangevraagd in de periode met een advies.",
        f"{S003}:L613; {S002}:L2774",
        _P,
    ),
    MeasureDef(
        "K8.werkdagen",
        "Reactietijd consultatie",
        "Mediaan in werkdagen van aanvraag tot advies, bij consultaties aangevraagd in de "
        "periode met een advies.",
        f"{S002}:L2774",
        _MWD,
    ),
    MeasureDef(
        "K8.markering",
        "Tijd van markering tot eerste consultatie",
        "Mediaan in dagen van de eerste markering tot de eerste consultatie-aanvraag, bij "
        "patiënten van wie de eerste consultatie in de periode werd aangevraagd (0 als de "
        "aanvraag vóór de markering was).",
        f"{S003}:L613",
        _MD,
    ),
    MeasureDef(
        "K9",
        "Consultaties",
        "Aantal consultaties specialistische palliatieve zorg aangevraagd in de periode (niet "
        "geannuleerd), met de verdeling naar vorm, soort team en complexiteit.",
        f"{S000}:L193",
        _N,
    ),
    MeasureDef(
        "K12",
        "VPTZ ingezet",
        "Aantal patiënten bij wie in de periode inzet van vrijwilligers palliatieve terminale "
        "zorg (VPTZ) is gestart.",
        f"{S003}:L850",
        _N,
    ),
    MeasureDef(
        "K12.besproken",
        "VPTZ besproken",
        "Teller: gemarkeerde patiënten in de periode bij wie VPTZ op of vóór het einde van de "
        "periode is besproken. Noemer: gemarkeerde patiënten in de periode.",
        f"{S003}:L850; {S003}:L1234",
        _P,
    ),
    MeasureDef(
        "K12.dagen",
        "VPTZ gestart vóór overlijden",
        "Mediaan in dagen van de start van VPTZ tot het overlijden, bij patiënten die in de "
        "periode overleden en bij wie VPTZ vóór het overlijden was gestart.",
        f"{S003}:L850",
        _MD,
    ),
    MeasureDef(
        "K13",
        "Overleden op de gewenste plek",
        "Teller: overledenen in de periode die stierven op de plek die in het laatste zorgplan "
        "als gewenst stond (een palliatieve unit telt als hospice). Noemer: overledenen in de "
        "periode met een bekende wens (thuis, ziekenhuis, verpleeghuis of hospice).",
        f"{S003}:L537; {S004}:L19",
        _P,
    ),
    MeasureDef(
        "K13.wens",
        "Gewenste plek van overlijden bekend",
        "Teller: overledenen in de periode met een bekende gewenste plek in het laatste "
        "zorgplan. Noemer: alle overledenen in de periode.",
        f"{S003}:L537",
        _P,
    ),
)
BY_KEY = {m.key: m for m in MEASURES}
FIGURES: tuple[str, ...] = tuple(dict.fromkeys(m.figure for m in MEASURES))

# K9's breakdowns are extra parts with generated keys: "K9.vorm.telefonisch" ...
K9_GROUPS = {"vorm": "Vorm", "team": "Soort team", "complexiteit": "Complexiteit"}

# Preferred place (care plan answer set) → actual places of death that fulfil it.
WISH_MATCHES: dict[str, tuple[str, ...]] = {
    "thuis": ("thuis",),
    "ziekenhuis": ("ziekenhuis",),
    "verpleeghuis": ("verpleeghuis",),
    "hospice": ("hospice", "palliatieve_unit"),
}

# Disciplines that make a meeting count for K6 (003 L597).
TRIAD = ("huisarts", "wijkverpleegkundige", "specialist_pz")


@dataclass(frozen=True)
class Measure:
    """One computed measure: value with numerator and denominator (None: not computable)."""

    key: str
    value: float | None
    numerator: int | None
    denominator: int | None
    title: str = ""
    definition: str = ""
    source: str = ""
    kind: Kind = Kind.COUNT
    drill: bool = True

    @property
    def figure(self) -> str:
        return self.key.split(".")[0]


def measure(
    key: str, value: float | None, numerator: int | None, denominator: int | None
) -> Measure:
    d = BY_KEY[key]
    return Measure(
        key, value, numerator, denominator, d.title, d.definition, d.source, d.kind, d.drill
    )


def breakdown(group: str, code: str, label: str, n: int, total: int) -> Measure:
    """One line of K9's breakdown ("K9.vorm.telefonisch"): a count out of all consultations."""
    parent = BY_KEY["K9"]
    return Measure(
        f"K9.{group}.{code}",
        float(n),
        n,
        total or None,
        f"{K9_GROUPS[group]}: {label}",
        f"Aantal consultaties aangevraagd in de periode met {K9_GROUPS[group].lower()} '{label}'.",
        parent.source,
        Kind.COUNT,
    )


def percentage(numerator: int, denominator: int | None) -> float | None:
    if not denominator:
        return None
    return round(100.0 * numerator / denominator, 1)


def median(values: list[float]) -> float | None:
    return float(statistics.median(values)) if values else None


# -- periods ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def label(self) -> str:
        if self.start.day == 1 and _is_month_end(self.end):
            months = _months(self)
            if months == 12 and self.start.month == 1:
                return str(self.start.year)
            if months == 6 and self.start.month in (1, 7):
                return f"{self.start.year}-H{1 if self.start.month == 1 else 2}"
            if months == 3 and self.start.month in (1, 4, 7, 10):
                return f"{self.start.year}-K{(self.start.month - 1) // 3 + 1}"
        return f"{self.start:%d-%m-%Y} t/m {self.end:%d-%m-%Y}"


def period(start: date, end: date) -> Period:
    if end < start:
        raise ValidationError(
            f"De periode eindigt ({end:%d-%m-%Y}) vóór het begin ({start:%d-%m-%Y}). "
            "Vul een einddatum in die op of na de begindatum ligt."
        )
    if (end - start).days > 366 * 10:
        raise ValidationError(
            "Een periode van meer dan tien jaar is te lang. Kies een kortere periode."
        )
    return Period(start, end)


def _is_month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def _months(p: Period) -> int:
    return (p.end.year - p.start.year) * 12 + p.end.month - p.start.month + 1


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def trend_periods(current: Period, count: int = 4) -> list[Period]:
    """``count`` periods of the same length ending with ``current``, oldest first.

    Whole months step by months (so half-years stay half-years); other periods by days."""
    out = [current]
    if current.start.day == 1 and _is_month_end(current.end):
        months = _months(current)
        for i in range(1, count):
            start = _add_months(current.start, -months * i)
            end = _add_months(start, months) - timedelta(days=1)
            out.append(Period(start, end))
    else:
        length = (current.end - current.start).days + 1
        for i in range(1, count):
            end = current.start - timedelta(days=length * (i - 1) + 1)
            out.append(Period(end - timedelta(days=length - 1), end))
    return list(reversed(out))


def half_year(day: date) -> Period:
    """The half-year (H1 or H2) that contains ``day``: the region reports half-yearly."""
    if day.month <= 6:
        return Period(date(day.year, 1, 1), date(day.year, 6, 30))
    return Period(date(day.year, 7, 1), date(day.year, 12, 31))


# -- presentation --------------------------------------------------------------------------


def _number(value: float) -> str:
    return f"{value:.1f}".replace(".", ",").removesuffix(",0")


def format_value(m: Measure) -> str:
    """The value as Dutch text ("42,9%", "7", "3,5 weken"); "—" when not computable."""
    if m.value is None:
        return "—"
    if m.kind is Kind.PERCENTAGE:
        return f"{_number(m.value)}%"
    if m.kind is Kind.COUNT:
        return str(int(m.value))
    unit = {
        Kind.MEDIAN_DAYS: "dagen",
        Kind.MEDIAN_WEEKS: "weken",
        Kind.MEDIAN_WORKING_DAYS: "werkdagen",
    }[m.kind]
    return f"{_number(m.value)} {unit}"


def cell(count: int | None) -> str:
    """A count for the region: "<5" for 1–4 patients (0 and empty stay visible)."""
    if count is None:
        return ""
    return SUPPRESSED if 0 < count < SMALL_CELL else str(count)


def is_small(m: Measure) -> bool:
    """Whether a measure rests on fewer than SMALL_CELL patients or cases (numerator or
    denominator 1–4), so the region sees "<5" instead of its value."""
    return any(n is not None and 0 < n < SMALL_CELL for n in (m.numerator, m.denominator))


def regional_value(m: Measure) -> str:
    return SUPPRESSED if is_small(m) else format_value(m)
