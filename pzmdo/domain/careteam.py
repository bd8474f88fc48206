"""Care team, directory rules, naasten, carer burden, VPTZ and PZP conversations (issue 4).

Plain Python: enums with their Dutch labels and the validation rules that the services
apply before anything is written.
"""

from __future__ import annotations

from datetime import date

from pzmdo.domain.enums import Discipline, LabelledEnum, register_labels
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.text import clean_text


class TeamRole(LabelledEnum):
    """A person's role in one patient's care team."""

    CENTRALE_ZORGVERLENER = "centrale_zorgverlener"
    EERSTE_AANSPREEKPUNT = "eerste_aanspreekpunt"
    CASEMANAGER = "casemanager"
    HOOFDBEHANDELAAR = "hoofdbehandelaar"  # second-line (hospital) treating specialist
    TEAMLID = "teamlid"


# Roles that at most one person holds at a time (a change ends the previous holder).
SINGLE_HOLDER_ROLES = (
    TeamRole.CENTRALE_ZORGVERLENER,
    TeamRole.EERSTE_AANSPREEKPUNT,
    TeamRole.CASEMANAGER,
)


class Relation(LabelledEnum):
    """How a naaste is related to the patient."""

    PARTNER = "partner"
    ECHTGENOOT = "echtgenoot"
    ECHTGENOTE = "echtgenote"
    ZOON = "zoon"
    DOCHTER = "dochter"
    VADER = "vader"
    MOEDER = "moeder"
    BROER = "broer"
    ZUS = "zus"
    KLEINKIND = "kleinkind"
    SCHOONFAMILIE = "schoonfamilie"
    VRIEND = "vriend"
    BUUR = "buur"
    ANDERS = "anders"


class BurdenInstrument(LabelledEnum):
    EDIZ = "ediz"
    MANTELZORGBALANS = "mantelzorgbalans"
    VRIJE_VRAAG = "vrije_vraag"


class BurdenOutcome(LabelledEnum):
    LAAG = "laag"
    VERHOOGD = "verhoogd"
    OVERBELAST = "overbelast"


class VptzStatus(LabelledEnum):
    """Steps of volunteer palliative terminal care (VPTZ); each is recorded with a date."""

    BESPROKEN = "besproken"
    AANGEBODEN = "aangeboden"
    AANGEVRAAGD = "aangevraagd"
    GESTART = "gestart"
    AFGEWEZEN = "afgewezen"


class ConversationTopic(LabelledEnum):
    WAARDEN = "waarden"
    WENSEN = "wensen"
    BEHOEFTEN = "behoeften"
    LEVENSDOELEN = "levensdoelen"
    BEHANDELWENSEN = "behandelwensen"
    BEHANDELGRENZEN = "behandelgrenzen"
    INFORMELE_ZORG = "informele_zorg"
    VIER_DIMENSIES = "vier_dimensies"
    PLEK_VAN_ZORG = "plek_van_zorg"
    WAT_KAN_NOG_WEL = "wat_kan_nog_wel"


class ConversationSetting(LabelledEnum):
    HUISARTSENPRAKTIJK = "huisartsenpraktijk"
    THUIS = "thuis"
    ZIEKENHUIS = "ziekenhuis"
    ANDERS = "anders"


# One dict per enum: members of different enums with equal codes would collide in one dict.
for _labels in (
    {
        TeamRole.CENTRALE_ZORGVERLENER: "Centrale zorgverlener",
        TeamRole.EERSTE_AANSPREEKPUNT: "Eerste aanspreekpunt",
        TeamRole.CASEMANAGER: "Casemanager",
        TeamRole.HOOFDBEHANDELAAR: "Hoofdbehandelaar (tweede lijn)",
        TeamRole.TEAMLID: "Teamlid",
    },
    {
        Relation.PARTNER: "Partner",
        Relation.ECHTGENOOT: "Echtgenoot",
        Relation.ECHTGENOTE: "Echtgenote",
        Relation.ZOON: "Zoon",
        Relation.DOCHTER: "Dochter",
        Relation.VADER: "Vader",
        Relation.MOEDER: "Moeder",
        Relation.BROER: "Broer",
        Relation.ZUS: "Zus",
        Relation.KLEINKIND: "Kleinkind",
        Relation.SCHOONFAMILIE: "Schoonfamilie",
        Relation.VRIEND: "Vriend(in)",
        Relation.BUUR: "Buur",
        Relation.ANDERS: "Anders",
    },
    {
        BurdenInstrument.EDIZ: "EDIZ-score",
        BurdenInstrument.MANTELZORGBALANS: "Mantelzorgbalans",
        BurdenInstrument.VRIJE_VRAAG: "Vraag: hoe lang houdt u het nog vol?",
    },
    {
        BurdenOutcome.LAAG: "Laag",
        BurdenOutcome.VERHOOGD: "Verhoogd",
        BurdenOutcome.OVERBELAST: "Overbelast",
    },
    {
        VptzStatus.BESPROKEN: "Besproken",
        VptzStatus.AANGEBODEN: "Aangeboden",
        VptzStatus.AANGEVRAAGD: "Aangevraagd",
        VptzStatus.GESTART: "Gestart",
        VptzStatus.AFGEWEZEN: "Afgewezen",
    },
    {
        ConversationTopic.WAARDEN: "Waarden",
        ConversationTopic.WENSEN: "Wensen",
        ConversationTopic.BEHOEFTEN: "Behoeften",
        ConversationTopic.LEVENSDOELEN: "Levensdoelen",
        ConversationTopic.BEHANDELWENSEN: "Behandelwensen",
        ConversationTopic.BEHANDELGRENZEN: "Behandelgrenzen",
        ConversationTopic.INFORMELE_ZORG: "Informele zorg",
        ConversationTopic.VIER_DIMENSIES: "Vier dimensies",
        ConversationTopic.PLEK_VAN_ZORG: "Plek van zorg en overlijden",
        ConversationTopic.WAT_KAN_NOG_WEL: "Wat kan nog wél",
    },
    {
        ConversationSetting.HUISARTSENPRAKTIJK: "Huisartsenpraktijk",
        ConversationSetting.THUIS: "Thuis",
        ConversationSetting.ZIEKENHUIS: "Ziekenhuis",
        ConversationSetting.ANDERS: "Anders",
    },
):
    register_labels(_labels)  # type: ignore[arg-type]

MAX_NAME = 200


def parse_enum(enum: type[LabelledEnum], raw: str, what: str) -> LabelledEnum:
    """A member from its code or Dutch label, or a Dutch error listing the choices."""
    try:
        return enum.from_text(raw)
    except ValueError:
        choices = ", ".join(m.label.lower() for m in enum)
        raise ValidationError(
            f"'{raw}' is geen geldige keuze voor {what}. Kies uit: {choices}."
        ) from None


def validate_agb(raw: str | None) -> str | None:
    """AGB code: optional, exactly 8 digits (spaces and dots are ignored)."""
    digits = "".join(ch for ch in (raw or "") if ch not in " .-")
    if not digits:
        return None
    if len(digits) != 8 or not digits.isdigit():
        raise ValidationError(
            f"De AGB-code '{raw}' is ongeldig: een AGB-code bestaat uit precies 8 cijfers. "
            "Controleer de code of laat het veld leeg."
        )
    return digits


def validate_big(registered: bool, raw: str | None) -> str | None:
    """BIG number: optional (11 digits); only meaningful for a BIG-registered person."""
    digits = "".join(ch for ch in (raw or "") if ch not in " .-")
    if not digits:
        return None
    if not registered:
        raise ValidationError(
            "Er is een BIG-nummer ingevuld, maar 'BIG-geregistreerd' staat uit. Zet het vinkje "
            "aan of laat het BIG-nummer leeg."
        )
    if len(digits) != 11 or not digits.isdigit():
        raise ValidationError(
            f"Het BIG-nummer '{raw}' is ongeldig: een BIG-nummer bestaat uit 11 cijfers. "
            "Controleer het nummer of laat het veld leeg."
        )
    return digits


def check_central_caregiver(name: str, big_registered: bool, active: bool) -> None:
    """The centrale zorgverlener must be an active, BIG-registered professional."""
    if not active:
        raise ValidationError(
            f"{name} is niet meer actief in de zorgverlenerslijst en kan geen centrale "
            "zorgverlener worden. Kies een actieve zorgverlener."
        )
    if not big_registered:
        raise ValidationError(
            f"{name} kan geen centrale zorgverlener worden: de centrale zorgverlener moet een "
            "BIG-geregistreerde professional zijn (bijvoorbeeld huisarts, wijkverpleegkundige "
            "of specialist ouderengeneeskunde). Kies een BIG-geregistreerde zorgverlener, of "
            "leg de BIG-registratie eerst vast in de zorgverlenerslijst."
        )


def check_reason(reason: str) -> str:
    return clean_text(reason, "de reden van de wijziging", required=True, limit=500)


def check_date_not_future(day: date, what: str, today: date | None = None) -> date:
    if day > (today or date.today()):
        raise ValidationError(
            f"De datum van {what} ({day:%d-%m-%Y}) ligt in de toekomst. Vul een datum van "
            "vandaag of eerder in."
        )
    return day


def parse_discipline(raw: str) -> Discipline:
    return Discipline(parse_enum(Discipline, raw, "de discipline"))
