"""The patient's trajectory: transfers with warme overdracht, second-line contacts,
hospice referral steps, nazorg and the after-death review (nabespreking), issue 17.

Plain Python: enums with their Dutch labels and the rules the services apply before
anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from pzmdo.domain.dates import format_date
from pzmdo.domain.enums import LabelledEnum, register_labels
from pzmdo.domain.errors import ValidationError


class CareSetting(LabelledEnum):
    """Where the patient is cared for (both ends of a transfer)."""

    THUIS = "thuis"
    ZIEKENHUIS = "ziekenhuis"
    HOSPICE = "hospice"
    VERPLEEGHUIS = "verpleeghuis"
    PALLIATIEVE_UNIT = "palliatieve_unit"
    ANDERE_PRAKTIJK = "andere_praktijk"
    ANDERS = "anders"


class HandoverItem(LabelledEnum):
    """What went with the patient in the warme overdracht (003 L1633-1639)."""

    ZORGPLAN = "zorgplan"
    NOODBLAD = "noodblad"
    MEDICATIEOVERZICHT = "medicatie"
    BEHANDELWENSEN = "behandelwensen"
    WILSVERKLARING = "wilsverklaring"
    MONDELING = "mondeling"  # a phone call between the professionals


class HospiceStep(LabelledEnum):
    """The steps of a hospice referral, in order."""

    BESPROKEN = "besproken"  # discussed with patient and naasten
    AANGEMELD = "aangemeld"  # referred to the hospice
    INTAKE = "intake"  # intake held / accepted by the hospice
    WACHTLIJST = "wachtlijst"
    OPGENOMEN = "opgenomen"  # admitted (the transfer itself)
    AFGEZIEN = "afgezien"  # referral withdrawn


class ContactDirection(LabelledEnum):
    UITGAAND = "uitgaand"  # we informed / asked the hospital
    INKOMEND = "inkomend"  # the hospital informed us


class ContactChannel(LabelledEnum):
    TELEFOON = "telefoon"
    BEVEILIGD_BERICHT = "bericht"  # secure message (Zorgmail, Siilo, ...)
    BRIEF = "brief"
    OVERLEG = "overleg"  # a (transmural) meeting
    ANDERS = "anders"


class Received(LabelledEnum):
    """What came back from the hospital with the contact."""

    NIETS = "niets"
    MARKERING = "markering"
    ACP = "acp"
    MARKERING_EN_ACP = "markering_acp"


class Answer(LabelledEnum):
    """A three-way answer of the nabespreking."""

    JA = "ja"
    NEE = "nee"
    DEELS = "deels"
    ONBEKEND = "onbekend"


class NazorgOutcome(LabelledEnum):
    GESPREK_GEVOERD = "gesprek"
    DOORVERWEZEN = "doorverwezen"  # to rouwbegeleiding, POH-GGZ, ...
    GEEN_BEHOEFTE = "geen_behoefte"
    NIET_BEREIKT = "niet_bereikt"


#: Settings that end in a hospice admission: a referral step "opgenomen" follows the transfer.
HOSPICE_SETTINGS = (CareSetting.HOSPICE, CareSetting.PALLIATIEVE_UNIT)

MAX_REASON = 500
MAX_NOTE = 2000
MAX_POINTS = 20  # knelpunten / leerpunten per nabespreking
MAX_POINT = 300


def check_transfer(
    on: date, today: date, from_setting: CareSetting, to_setting: CareSetting, died_on: date | None
) -> None:
    """A transfer is dated, not in the future, between two different settings, before death."""
    if on > today:
        raise ValidationError(
            f"De overplaatsing ligt in de toekomst ({format_date(on)}). Leg haar vast op de dag "
            "zelf of daarna."
        )
    if from_setting is to_setting and from_setting is not CareSetting.ANDERS:
        raise ValidationError(
            f"Van en naar zijn allebei '{from_setting.label.lower()}'. Kies waar de patiënt "
            "naartoe gaat."
        )
    if died_on is not None and on > died_on:
        raise ValidationError(
            f"De patiënt is overleden op {format_date(died_on)}; een overplaatsing daarna kan "
            "niet. Controleer de datum."
        )


def check_confirmation(confirmed_on: date, transfer_on: date, today: date) -> None:
    if confirmed_on > today or confirmed_on < transfer_on:
        raise ValidationError(
            f"De bevestiging moet tussen de overplaatsing ({format_date(transfer_on)}) en vandaag "
            "liggen. Controleer de datum."
        )


def check_not_future(on: date, today: date, what: str) -> None:
    if on > today:
        raise ValidationError(
            f"{what} ({format_date(on)}) ligt in de toekomst. Vul de datum in waarop het gebeurde."
        )


def clean_points(lines: Iterable[str], what: str) -> list[str]:
    """Knelpunten or leerpunten: one short line each, empty lines dropped."""
    out = []
    for raw in lines:
        text = " ".join((raw or "").split())
        if not text:
            continue
        if len(text) > MAX_POINT:
            raise ValidationError(
                f"Een van de {what} is te lang ({len(text)} tekens, hoogstens {MAX_POINT}). "
                "Maak het punt korter of splits het."
            )
        out.append(text)
    if len(out) > MAX_POINTS:
        raise ValidationError(
            f"Er zijn {len(out)} {what}; hoogstens {MAX_POINTS}. Voeg verwante punten samen."
        )
    return out


def place_matches_wish(place_code: str | None, wish_code: str | None) -> Answer:
    """Did the patient die where they wished? Unknown when either is unknown."""
    if not place_code or not wish_code or "onbekend" in (place_code, wish_code):
        return Answer.ONBEKEND
    return Answer.JA if place_code == wish_code else Answer.NEE


register_labels(
    {
        CareSetting.THUIS: "Thuis",
        CareSetting.ZIEKENHUIS: "Ziekenhuis",
        CareSetting.HOSPICE: "Hospice",
        CareSetting.VERPLEEGHUIS: "Verpleeghuis",
        CareSetting.PALLIATIEVE_UNIT: "Palliatieve unit",
        CareSetting.ANDERE_PRAKTIJK: "Andere huisartsenpraktijk",
        CareSetting.ANDERS: "Anders",
    }
)
register_labels(
    {
        HandoverItem.ZORGPLAN: "Zorgplan",
        HandoverItem.NOODBLAD: "Noodblad (HAP/ambulance)",
        HandoverItem.MEDICATIEOVERZICHT: "Medicatieoverzicht",
        HandoverItem.BEHANDELWENSEN: "Behandelwensen en -grenzen",
        HandoverItem.WILSVERKLARING: "Wilsverklaring",
        HandoverItem.MONDELING: "Mondelinge overdracht",
    }
)
register_labels(
    {
        HospiceStep.BESPROKEN: "Besproken met patiënt en naasten",
        HospiceStep.AANGEMELD: "Aangemeld bij het hospice",
        HospiceStep.INTAKE: "Intake / akkoord hospice",
        HospiceStep.WACHTLIJST: "Op de wachtlijst",
        HospiceStep.OPGENOMEN: "Opgenomen",
        HospiceStep.AFGEZIEN: "Van afgezien",
    }
)
register_labels({ContactDirection.UITGAAND: "Uitgaand", ContactDirection.INKOMEND: "Inkomend"})
register_labels(
    {
        ContactChannel.TELEFOON: "Telefoon",
        ContactChannel.BEVEILIGD_BERICHT: "Beveiligd bericht",
        ContactChannel.BRIEF: "Brief",
        ContactChannel.OVERLEG: "Overleg",
        ContactChannel.ANDERS: "Anders",
    }
)
register_labels(
    {
        Received.NIETS: "Niets",
        Received.MARKERING: "Markering uit het ziekenhuis",
        Received.ACP: "ACP / behandelwensen",
        Received.MARKERING_EN_ACP: "Markering en ACP",
    }
)
register_labels(
    {Answer.JA: "Ja", Answer.NEE: "Nee", Answer.DEELS: "Deels", Answer.ONBEKEND: "Onbekend"}
)
register_labels(
    {
        NazorgOutcome.GESPREK_GEVOERD: "Gesprek gevoerd",
        NazorgOutcome.DOORVERWEZEN: "Doorverwezen (rouwbegeleiding)",
        NazorgOutcome.GEEN_BEHOEFTE: "Geen behoefte",
        NazorgOutcome.NIET_BEREIKT: "Niet bereikt",
    }
)
