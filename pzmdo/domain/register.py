"""The palliative register: status lifecycle, signals, marking, urgency, death and date rules.

Plain Python; the Dutch texts here are domain terms shown as is in every screen, PDF and
CLI message. Sources are cited as ``file:Lnnn`` from ``shared/sources``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pzmdo.domain.dates import format_date
from pzmdo.domain.enums import LabelledEnum, PatientStatus, register_labels
from pzmdo.domain.errors import TransitionError, ValidationError
from pzmdo.domain.text import fold

# -- the surprise question -------------------------------------------------------------

#: Exact wording of source 000 L86 (identical in 003 L777, the regional operational plan).
SURPRISE_QUESTION = (
    "Zou het mij verbazen wanneer deze patiënt in de komende 12 maanden komt te overlijden?"
)
#: Stored with each marking, so a later change of wording stays traceable.
SURPRISE_QUESTION_VERSION = "000:L86"


class SurpriseAnswer(LabelledEnum):
    NEE = "nee"  # "no, it would not surprise me": a strong indication to mark
    JA = "ja"
    WEET_NIET = "weet_niet"


# -- status lifecycle --------------------------------------------------------------------

S = PatientStatus

#: Which status may follow which. ``None`` is a patient who is not in the register yet.
ALLOWED_TRANSITIONS: dict[PatientStatus | None, frozenset[PatientStatus]] = {
    None: frozenset({S.GESIGNALEERD, S.GEMARKEERD}),
    S.GESIGNALEERD: frozenset({S.GEMARKEERD, S.OVERLEDEN, S.AFGEMELD}),
    S.GEMARKEERD: frozenset({S.STERVENSFASE, S.OVERLEDEN, S.AFGEMELD}),
    # The dying phase can turn out not to be one (002:L234): back to gemarkeerd.
    S.STERVENSFASE: frozenset({S.OVERLEDEN, S.GEMARKEERD}),
    S.AFGEMELD: frozenset({S.GESIGNALEERD, S.GEMARKEERD}),
    S.OVERLEDEN: frozenset(),
}

#: Patients still in palliative care: the register's "actief" list, agenda proposals.
ACTIVE_STATUSES: tuple[PatientStatus, ...] = (S.GESIGNALEERD, S.GEMARKEERD, S.STERVENSFASE)
#: Marked patients (the dying phase included): they should have a central caregiver.
MARKED_STATUSES: tuple[PatientStatus, ...] = (S.GEMARKEERD, S.STERVENSFASE)

_ACTION = {
    S.GESIGNALEERD: "signaleren",
    S.GEMARKEERD: "markeren",
    S.STERVENSFASE: "de stervensfase vastleggen",
    S.OVERLEDEN: "het overlijden registreren",
    S.AFGEMELD: "afmelden",
}


def check_transition(current: PatientStatus | str | None, new: PatientStatus | str) -> None:
    """Raise a Dutch TransitionError when ``current`` may not become ``new``."""
    cur = PatientStatus(current) if current else None
    target = PatientStatus(new)
    if target in ALLOWED_TRANSITIONS[cur]:
        return
    if cur is S.OVERLEDEN:
        raise TransitionError(
            "Deze patiënt is overleden; de status kan niet meer veranderen. "
            "Is het overlijden onterecht geregistreerd, vraag dan de beheerder om hulp."
        )
    if cur is target:
        raise TransitionError(f"De patiënt staat al op '{target.label}'; er is niets veranderd.")
    allowed = ", ".join(_ACTION[s] for s in sorted(ALLOWED_TRANSITIONS[cur], key=list(S).index))
    where = f"met status '{cur.label}'" if cur else "die nog niet in het register staat"
    raise TransitionError(
        f"Een patiënt {where} kunt u niet {_ACTION[target]}. Mogelijk is: {allowed}."
    )


# -- signals ------------------------------------------------------------------------------


class SignalSource(LabelledEnum):
    """Who noticed the signal (000:L84, 003:L775)."""

    PATIENT = "patient"
    NAASTE = "naaste"
    HUISARTS = "huisarts"
    POH = "poh"
    WIJKVERPLEGING = "wijkverpleging"
    SPECIALIST_OUDERENGENEESKUNDE = "specialist_ouderengeneeskunde"
    MEDISCH_SPECIALIST = "medisch_specialist"
    ZIEKENHUIS = "ziekenhuis"
    SOCIAAL_WERK = "sociaal_werk"
    VRIJWILLIGER = "vrijwilliger"
    VOORLIGGEND_VELD = "voorliggend_veld"
    ANDERS = "anders"


class SignalType(LabelledEnum):
    """What kind of signal (000:L84, 002:L221, 003:L775)."""

    TOENEMENDE_KWETSBAARHEID = "toenemende_kwetsbaarheid"
    ACHTERUITGANG_DIAGNOSE = "achteruitgang_diagnose"
    VRAAG_PATIENT_NAASTEN = "vraag_patient_naasten"
    NIET_PLUIS = "niet_pluis"
    ZORGBEHOEFTE_VIER_DIMENSIES = "zorgbehoefte_vier_dimensies"
    ZIEKENHUIS_BERICHT = "ziekenhuis_bericht"
    ANDERS = "anders"


# -- marking: general indicators of deterioration (own wording) ----------------------------


class DeteriorationIndicator(LabelledEnum):
    """General signs that health is getting worse. Our own wording, not SPICT's text."""

    MEER_RUST = "meer_rust"
    MEER_HULP = "meer_hulp"
    OPNAMES = "opnames"
    GEWICHTSVERLIES = "gewichtsverlies"
    KLACHTEN_ONDANKS_BEHANDELING = "klachten_ondanks_behandeling"
    WENS_MINDER_BEHANDELING = "wens_minder_behandeling"
    NAASTEN_ZWAAR_BELAST = "naasten_zwaar_belast"


# -- urgency colours -------------------------------------------------------------------------


@dataclass(frozen=True)
class UrgencyLevel:
    code: str  # stable storage code
    label: str  # Dutch, as the practice calls it
    meaning: str  # one short sentence
    colour: str  # "#rrggbb" for the register


#: PaTz registers give each patient a colour for urgency (anchors A1). The meaning of each
#: colour is the practice's own choice; these defaults can be changed in the settings.
DEFAULT_URGENCIES: tuple[UrgencyLevel, ...] = (
    UrgencyLevel("groen", "Groen", "Stabiel; bespreken bij de periodieke evaluatie.", "#3a9d4a"),
    UrgencyLevel("geel", "Geel", "Meer aandacht nodig; volgen en binnenkort bespreken.", "#e2c000"),
    UrgencyLevel(
        "oranje", "Oranje", "Toenemende zorgbehoefte; bespreken in het volgende overleg.", "#ee8a1c"
    ),
    UrgencyLevel(
        "rood",
        "Rood",
        "Complexe of acute situatie; nu handelen, niet wachten op het overleg.",
        "#d23b2f",
    ),
)


def urgency_levels(configured: list[dict[str, Any]] | None = None) -> tuple[UrgencyLevel, ...]:
    """The practice's urgency levels: the configured list (setting), else the defaults."""
    if not configured:
        return DEFAULT_URGENCIES
    levels = []
    for item in configured:
        try:
            levels.append(
                UrgencyLevel(
                    str(item["code"]),
                    str(item["label"]),
                    str(item.get("meaning", "")),
                    str(item.get("colour", "#888888")),
                )
            )
        except (KeyError, TypeError):
            continue
    return tuple(levels) or DEFAULT_URGENCIES


def find_urgency(code: str, levels: tuple[UrgencyLevel, ...]) -> UrgencyLevel:
    wanted = code.strip().lower()
    for level in levels:
        if wanted in (level.code, level.label.lower()):
            return level
    choices = ", ".join(level.label.lower() for level in levels)
    raise ValidationError(f"Onbekende urgentie '{code}'. Kies uit: {choices}.")


# -- patient details -------------------------------------------------------------------------


class Condition(LabelledEnum):
    """Main condition behind the palliative phase."""

    ONCOLOGIE = "oncologie"
    HARTFALEN = "hartfalen"
    COPD = "copd"
    DEMENTIE = "dementie"
    KWETSBARE_OUDERDOM = "kwetsbare_ouderdom"
    NEUROLOGISCH = "neurologisch"
    NIERFALEN = "nierfalen"
    LEVERFALEN = "leverfalen"
    OVERIG = "overig"


class Wilsbekwaamheid(LabelledEnum):
    """Capacity for medical treatment decisions (IKNL PZP form §1; 003:L259, L1150)."""

    WILSBEKWAAM = "wilsbekwaam"
    NIET_VOLLEDIG = "niet_volledig"
    WILSONBEKWAAM = "wilsonbekwaam"
    ONBEKEND = "onbekend"


class Population(LabelledEnum):
    """Special populations that need extra attention (003:L1156, L1390)."""

    GGZ = "ggz"
    VERSTANDELIJKE_BEPERKING = "verstandelijke_beperking"
    JONGVOLWASSENE = "jongvolwassene"
    ANDERE_CULTUUR = "andere_cultuur"
    LAAGGELETTERD = "laaggeletterd"


class PlaceOfDeath(LabelledEnum):
    THUIS = "thuis"
    ZIEKENHUIS = "ziekenhuis"
    VERPLEEGHUIS = "verpleeghuis"
    HOSPICE = "hospice"
    PALLIATIEVE_UNIT = "palliatieve_unit"
    ANDERS = "anders"
    ONBEKEND = "onbekend"


class StervensfaseIndicator(LabelledEnum):
    """The four indications of the dying phase, word for word from 002:L229-232."""

    NIET_UIT_BED = "niet_uit_bed"
    SUBCOMATEUS = "subcomateus"
    SLOKJES = "slokjes"
    GEEN_TABLETTEN = "geen_tabletten"


class FollowUpKind(LabelledEnum):
    APOTHEEK_INFORMEREN = "apotheek_informeren"  # 003:L884
    NABESPREKING = "nabespreking"  # after-death review at the next meeting
    NAZORG_NAASTEN = "nazorg_naasten"  # 002:L1604-1606, 003:L1728
    TWEEDE_LIJN_INFORMEREN = "tweede_lijn_informeren"  # 003:L370


#: Tasks a death creates, with the days until they are due.
DEATH_FOLLOW_UPS: tuple[tuple[FollowUpKind, int], ...] = (
    (FollowUpKind.APOTHEEK_INFORMEREN, 1),
    (FollowUpKind.NABESPREKING, 42),
    (FollowUpKind.NAZORG_NAASTEN, 42),
)

# One dict per enum: members of different enums with equal codes would collide in one dict.
for _labels in (
    {
        SurpriseAnswer.NEE: "Nee",
        SurpriseAnswer.JA: "Ja",
        SurpriseAnswer.WEET_NIET: "Weet ik niet",
    },
    {
        SignalSource.PATIENT: "Patiënt",
        SignalSource.NAASTE: "Naaste / mantelzorger",
        SignalSource.HUISARTS: "Huisarts",
        SignalSource.POH: "POH",
        SignalSource.WIJKVERPLEGING: "Wijkverpleging",
        SignalSource.SPECIALIST_OUDERENGENEESKUNDE: "Specialist ouderengeneeskunde",
        SignalSource.MEDISCH_SPECIALIST: "Medisch specialist",
        SignalSource.ZIEKENHUIS: "Ziekenhuis",
        SignalSource.SOCIAAL_WERK: "Sociaal werk / Wmo",
        SignalSource.VRIJWILLIGER: "Vrijwilliger",
        SignalSource.VOORLIGGEND_VELD: "Voorliggend veld (huishoudelijke hulp, helpende …)",
        SignalSource.ANDERS: "Anders",
    },
    {
        SignalType.TOENEMENDE_KWETSBAARHEID: "Toenemende kwetsbaarheid",
        SignalType.ACHTERUITGANG_DIAGNOSE: "Achteruitgang bij een palliatieve diagnose",
        SignalType.VRAAG_PATIENT_NAASTEN: "Vraag van patiënt of naasten",
        SignalType.NIET_PLUIS: "Niet-pluisgevoel",
        SignalType.ZORGBEHOEFTE_VIER_DIMENSIES: "Groeiende zorgbehoefte op de vier dimensies",
        SignalType.ZIEKENHUIS_BERICHT: "Bericht uit het ziekenhuis",
        SignalType.ANDERS: "Anders",
    },
    {
        DeteriorationIndicator.MEER_RUST: "Rust steeds meer: ligt of zit een groot deel van de dag",
        DeteriorationIndicator.MEER_HULP: "Heeft steeds meer hulp nodig bij de dagelijkse zorg",
        DeteriorationIndicator.OPNAMES: "Is het afgelopen halfjaar onverwacht opgenomen",
        DeteriorationIndicator.GEWICHTSVERLIES: "Valt duidelijk af of eet steeds minder",
        DeteriorationIndicator.KLACHTEN_ONDANKS_BEHANDELING: "Blijft klachten houden ondanks goede behandeling",
        DeteriorationIndicator.WENS_MINDER_BEHANDELING: "Patiënt of naasten willen minder behandeling of vooral comfort",
        DeteriorationIndicator.NAASTEN_ZWAAR_BELAST: "Naasten kunnen de zorg steeds moeilijker dragen",
    },
    {
        Condition.ONCOLOGIE: "Oncologie",
        Condition.HARTFALEN: "Hartfalen",
        Condition.COPD: "COPD",
        Condition.DEMENTIE: "Dementie",
        Condition.KWETSBARE_OUDERDOM: "Kwetsbare ouderdom",
        Condition.NEUROLOGISCH: "Neurologische aandoening",
        Condition.NIERFALEN: "Nierfalen",
        Condition.LEVERFALEN: "Leverfalen",
        Condition.OVERIG: "Overig",
    },
    {
        Wilsbekwaamheid.WILSBEKWAAM: "Wilsbekwaam",
        Wilsbekwaamheid.NIET_VOLLEDIG: "Niet volledig wilsbekwaam",
        Wilsbekwaamheid.WILSONBEKWAAM: "Wilsonbekwaam",
        Wilsbekwaamheid.ONBEKEND: "Onbekend",
    },
    {
        Population.GGZ: "Ggz",
        Population.VERSTANDELIJKE_BEPERKING: "Verstandelijke beperking",
        Population.JONGVOLWASSENE: "Overgang 18-/18+",
        Population.ANDERE_CULTUUR: "Andere cultuur of taal",
        Population.LAAGGELETTERD: "Laaggeletterd",
    },
    {
        PlaceOfDeath.THUIS: "Thuis",
        PlaceOfDeath.ZIEKENHUIS: "Ziekenhuis",
        PlaceOfDeath.VERPLEEGHUIS: "Verpleeghuis",
        PlaceOfDeath.HOSPICE: "Hospice",
        PlaceOfDeath.PALLIATIEVE_UNIT: "Palliatieve unit",
        PlaceOfDeath.ANDERS: "Anders",
        PlaceOfDeath.ONBEKEND: "Onbekend",
    },
    {
        StervensfaseIndicator.NIET_UIT_BED: "de patiënt komt niet meer uit bed",
        StervensfaseIndicator.SUBCOMATEUS: "de patiënt is subcomateus",
        StervensfaseIndicator.SLOKJES: "de patiënt is slechts in staat slokjes te drinken",
        StervensfaseIndicator.GEEN_TABLETTEN: "de patiënt is niet langer in staat tabletten in te nemen",
    },
    {
        FollowUpKind.APOTHEEK_INFORMEREN: "Apotheek informeren over het overlijden",
        FollowUpKind.NABESPREKING: "Nabespreking in het volgende overleg",
        FollowUpKind.NAZORG_NAASTEN: "Nazorg voor de naasten",
        FollowUpKind.TWEEDE_LIJN_INFORMEREN: "Behandelaar in het ziekenhuis informeren",
    },
):
    register_labels(_labels)  # type: ignore[arg-type]


# -- search -----------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")


def name_words(search_name: str) -> set[str]:
    """The words of a folded name ("berg van der ella" -> berg, van, der, ella), max 60 chars."""
    return {w[:60] for w in _WORD.findall(search_name.lower())}


# -- dates (parsing and formatting live in pzmdo.domain.dates) ---------------------------


def check_not_future(d: date, today: date, what: str) -> None:
    if d > today:
        raise ValidationError(
            f"{what} ({format_date(d)}) ligt in de toekomst. Vul een datum in van vandaag "
            "of eerder."
        )


def check_birth_date(birth: date, today: date) -> None:
    if birth > today:
        raise ValidationError(
            f"De geboortedatum ({format_date(birth)}) ligt in de toekomst. "
            "Controleer de geboortedatum."
        )
    if birth.year < today.year - 130:
        raise ValidationError(
            f"De geboortedatum ({format_date(birth)}) ligt meer dan 130 jaar terug. "
            "Controleer de geboortedatum."
        )


def check_event_date(d: date, birth: date, today: date, what: str) -> None:
    """Any register event: not in the future and not before birth."""
    check_not_future(d, today, what)
    if d < birth:
        raise ValidationError(
            f"{what} ({format_date(d)}) ligt vóór de geboortedatum ({format_date(birth)}). "
            "Controleer de datum."
        )


def check_marking_date(marked_on: date, birth: date, today: date) -> None:
    check_event_date(marked_on, birth, today, "De markeringsdatum")


def check_death_date(died_on: date, marked_on: date | None, birth: date, today: date) -> None:
    check_event_date(died_on, birth, today, "De overlijdensdatum")
    if marked_on is not None and died_on < marked_on:
        raise ValidationError(
            f"De overlijdensdatum ({format_date(died_on)}) ligt vóór de markeringsdatum "
            f"({format_date(marked_on)}). Controleer beide datums."
        )


# -- diagnosis text -> condition category ------------------------------------------------

#: Keywords (folded) that make a free-text diagnosis clearly one category. Stems match
#: inside words ("mammacarcinoom"); short abbreviations only as whole words ("ALS", "ca").
_CONDITION_STEMS: dict[Condition, tuple[str, ...]] = {
    Condition.ONCOLOGIE: (
        "oncolog", "carcinoom", "kanker", "tumor", "tumour", "maligne", "maligniteit",
        "metasta", "lymfoom", "leukemie", "melanoom", "sarcoom", "myeloom", "glioom",
        "glioblastoom", "mesothelioom",
    ),
    Condition.HARTFALEN: ("hartfalen", "decompensatio", "nyha", "hartinsufficientie"),
    Condition.COPD: ("copd", "emfyseem", "longemfyseem"),
    Condition.DEMENTIE: ("dementie", "alzheimer", "lewy"),
    Condition.NEUROLOGISCH: (
        "parkinson", "amyotrofische", "multiple sclerose", "huntington", "motorneuron",
        "neurolog",
    ),
    Condition.NIERFALEN: ("nierfalen", "nierinsufficientie", "dialyse", "nierziekte"),
    Condition.LEVERFALEN: ("leverfalen", "levercirrose", "cirrose", "leverinsufficientie"),
    Condition.KWETSBARE_OUDERDOM: ("kwetsba", "ouderdom", "frailty"),
}  # fmt: skip
_CONDITION_WORDS: dict[Condition, tuple[str, ...]] = {
    Condition.ONCOLOGIE: ("ca", "onco"),
    Condition.HARTFALEN: ("hf",),
    Condition.COPD: ("gold",),
    Condition.NEUROLOGISCH: ("als", "ms", "mnd", "psp"),
    Condition.NIERFALEN: ("ckd",),
}


@dataclass(frozen=True)
class ConditionReading:
    condition: Condition | None
    doubt: str  # Dutch, '' when the category is clear


def condition_from_text(text: str) -> ConditionReading:
    """The category a free-text diagnosis clearly names ('hartfalen NYHA IV' -> hartfalen).

    No keyword, or keywords of two categories: no category, with a Dutch doubt."""
    raw = text.strip()
    if not raw:
        return ConditionReading(None, "")
    try:
        return ConditionReading(Condition.from_text(raw), "")
    except ValueError:
        pass
    folded = fold(raw)
    words = set(_WORD.findall(folded))
    found = [
        c
        for c in Condition
        if any(s in folded for s in _CONDITION_STEMS.get(c, ()))
        or words & set(_CONDITION_WORDS.get(c, ()))
    ]
    if len(found) == 1:
        return ConditionReading(found[0], "")
    if found:
        names = " of ".join(c.label.lower() for c in found)
        return ConditionReading(
            None, f"de diagnose '{raw}' past bij {names}; kies de categorie zelf."
        )
    return ConditionReading(
        None, f"bij de diagnose '{raw}' is geen categorie gevonden; kies die zelf."
    )
