"""The IKNL ACP form (Questionnaire ACP-zib2020): linkIds, texts and codes."""

from __future__ import annotations

from dataclasses import dataclass

from pzmdo.domain import careplan as cp
from pzmdo.domain.careplan import Option

QUESTIONNAIRE = "https://fhir.iknl.nl/fhir/Questionnaire/ACP-zib2020"


QUESTIONNAIRE_VERSION = "0.1.3-beta3"


TEXT = {
    "963": "Datum van invullen",
    "7": "Naam patiënt",
    "964": "Voornamen",
    "965": "Voorvoegsels",
    "966": "Achternaam",
    "967": "Geboortedatum patiënt",
    "8": "Gesprek gevoerd door:",
    "16": "Naam zorgverlener",
    "968": "Voornamen",
    "969": "Voorvoegsels",
    "970": "Achternaam",
    "1405": "Functie (Specialisme)",
    "26": "1. Wilsbekwaamheid & Wettelijke vertegenwoordiging",
    "1406": "Is de patiënt op dit moment wilsbekwaam m.b.t. medische behandelbeslissingen?",
    "1407": "Toelichting",
    "29": "Bij wilsonbekwaamheid m.b.t. medische behandelbeslissingen is/wordt de wettelijke "
    "vertegenwoordiger:",
    "30": "a) Naam wettelijk vertegenwoordiger",
    "973": "Voornamen",
    "974": "Voorvoegsels",
    "975": "Achternaam",
    "39": "b) Contactgegevens wettelijk vertegenwoordiger",
    "40": "Telefoonnummers",
    "976": "Telefoonnummer",
    "977": "TelecomType",
    "978": "NummerSoort",
    "979": "Toelichting",
    "41": "EmailAdressen",
    "980": "EmailAdres",
    "981": "EmailSoort",
    "982": "c) Relatie tot patiënt (1)",
    "411": "Anders, namelijk:",
    "983": "c) Relatie tot patiënt (2)",
    "408": "Anders, namelijk:",
    "984": "d) Is de wettelijk vertegenwoordiger ook de eerste contactpersoon?",
    "53": "e) Naam eerste contactpersoon",
    "985": "Voornamen",
    "986": "Voorvoegsels",
    "987": "Achternaam",
    "61": "f) Contactgegevens eerste contactpersoon",
    "62": "Telefoonnummers",
    "988": "Telefoonnummer",
    "989": "TelecomType",
    "990": "NummerSoort",
    "991": "Toelichting",
    "66": "EmailAdressen",
    "992": "EmailAdres",
    "993": "EmailSoort",
    "995": "g) Relatie tot patiënt",
    "412": "Anders, namelijk:",
    "78": "2 Gesprek gevoerd in bijzijn van",
    "82": "Patiënt",
    "997": "Rol",
    "414": "Anders, namelijk:",
    "998": "Relatie tot patiënt",
    "413": "Anders, namelijk:",
    "586": "3. Belangrijkste overeengekomen doel van medisch beleid",
    "1408": "Belangrijkste doel van behandeling ([MetingNaam])",
    "999": "Doel ([MetingWaarde])",
    "83": "4. Behandelgrenzen",
    "1006": "h) Heeft de patiënt een ICD?",
    "1008": "ProductType van ICD",
    "1009": "Toelichting",
    "1425": "i) Is er een afspraak over het moment van uitzetten ICD?",
    "1426": "Behandeling van uitzetten ICD (Behandeling)",
    "1005": "Afspraak uitzetten ICD (BehandelBesluit)",
    "1010": "Toelichting gemaakte afspraken",
    "107": "5. Behandelwensen",
    "1427": "a) Wat zouden zorgverleners, volgens de patiënt, moeten weten om goede zorg te "
    "kunnen verlenen? Heeft deze patiënt specifieke wensen met betrekking tot zijn zorg? "
    "(incl. culturele/religieuze/sociale/spirituele aspecten)\xa0",
    "1428": "Wens en verwachting patient ([MetingNaam])",
    "1190": "Wens en verwachting patient ([MetingWaarde])",
    "1429": "b) Gewenste plek van overlijden",
    "1430": "Gewenste plek van overlijden ([MetingNaam])",
    "1191": "Voorkeursplek ([MetingWaarde])",
    "1192": "Toelichting",
    "1431": "c) Euthanasie standpunt",
    "1432": "Euthanasie standpunt ([MetingNaam])",
    "1193": "Euthanasie standpunt ([MetingWaarde])",
    "1194": "Toelichting",
    "1433": "d) Keuze orgaandonatie vastgelegd in donorregister?",
    "1434": "Keuze orgaandonatie vastgelegd in donorregister? ([MetingNaam])",
    "1435": "Keuze orgaandonatie in donorregister ([MetingWaarde])",
    "598": "6. Wat verder nog belangrijk is",
    "1436": "Wat verder nog belangrijk is ([MetingNaam])",
    "1196": "Wat verder nog belangrijk is ([MetingWaarde])",
    "115": "7. Eerder vastgelegde behandelwensen",
    "1197": "a) Heeft de patiënt eerder behandelafspraken vastgelegd?",
    "1198": "Toelichting",
    "1199": "b) Staan in eerder vastgelegde behandelafspraken andere wensen dan nu in deze "
    "verklaring?",
    "119": "8. Informatie delen",
    "1200": "a) Heeft u patient geïnformeerd over eigen verantwoordelijkheid om deze "
    "behandelafspraken met naasten te bespreken?",
    "1201": "b) Patiënt gaat akkoord met het delen van deze behandelafspraken met andere "
    "betrokken hulpverleners",
    # The treatment-limit rows (section 4) and their decision items, as the form names them.
    "1386": "BehandelBesluit",
    "1387": "BehandelBesluit",
    "1390": "BehandelBesluit",
    "1393": "BehandelBesluit",
    "1396": "BehandelBesluit",
    "1399": "BehandelBesluit",
    "1402": "BehandelBesluit",
    "1404": "Toelichting",
    "1409": "a) Reanimatie",
    "1410": "Behandeling",
    "1411": "b) Kunstmatige invasieve beademing",
    "1412": "Behandeling",
    "1413": "c) Opname op intensive care",
    "1414": "Behandeling",
    "1415": "d) Opname in ziekenhuis",
    "1416": "Behandeling",
    "1417": "e) Behandeling met antibiotica",
    "1418": "Behandeling",
    "1419": "f) Toediening van een bloedproduct",
    "1420": "Behandeling",
    "1421": "g) Overige behandelgrenzen",
    "1422": "Behandeling",
}


@dataclass(frozen=True)
class LimitItems:
    key: str
    group: str
    text: str
    treatment: str
    treatment_coding: Option
    decision: str
    specification: str | None
    note: str


def _fixed(code: str, display: str, system: str | None = cp.SNOMED) -> Option:
    return Option(code, display, code, display, system)


LIMITS = (
    LimitItems(
        "reanimatie", "1409", "a) Reanimatie", "1410",
        _fixed("89666000", "cardiopulmonale resuscitatie"), "1386", "1001", "1002",
    ),
    LimitItems(
        "beademing", "1411", "b) Kunstmatige invasieve beademing", "1412",
        _fixed("40617009", "kunstmatige beademing"), "1387", "1388", "1389",
    ),
    LimitItems(
        "ic_opname", "1413", "c) Opname op intensive care", "1414",
        _fixed("305351004", "opname op intensive care"), "1390", "1391", "1392",
    ),
    LimitItems(
        "ziekenhuisopname", "1415", "d) Opname in ziekenhuis", "1416",
        _fixed("32485007", "opname in ziekenhuis"), "1393", "1394", "1395",
    ),
    LimitItems(
        "antibiotica", "1417", "e) Behandeling met antibiotica", "1418",
        _fixed("281789004", "antibiotische therapie"), "1396", "1397", "1398",
    ),
    LimitItems(
        "bloedproducten", "1419", "f) Toediening van een bloedproduct", "1420",
        _fixed("116762002", "toediening van bloedproduct"), "1399", "1400", "1401",
    ),
    LimitItems(
        "overige", "1421", "g) Overige behandelgrenzen", "1422",
        _fixed("OTH", "Other", cp.NULLFLAVOR), "1402", None, "1404",
    ),
)  # fmt: skip


FIXED = {
    "1408": _fixed("180771000146100", "Focus van behandeling (waarneembare entiteit)"),
    "1426": _fixed(
        "400231000146108",
        "uitzetten van cardioverter-defibrillator in laatste levensfase (verrichting)",
    ),
    "1428": _fixed(
        "153851000146100",
        "Wensen en verwachtingen met betrekking tot uitkomst van behandeling",
    ),
    "1430": _fixed("395091006", "Gewenste plek van overlijden"),
    "1432": _fixed(
        "340171000146104", "Standpunt ten opzichte van euthanasie (waarneembare entiteit)"
    ),
    "1434": _fixed("570801000146104", "Geregistreerd in orgaan donorregister (bevinding)"),
    "1436": _fixed("247751003", "Gevoel van zingeving (waarneembare entiteit)"),
    "1008": Option("ICD", "ICD", "ICD", "ICD", None),
}


PATIENT_PRESENT = Option("patient", "Patiënt", "Patiënt", "Patiënt", None)


# (name group, given, prefix, family, phones group, number, kind, use, note,
#  emails group, address, use)
REPRESENTATIVE_LINKS = (
    "30",
    "973",
    "974",
    "975",
    "40",
    "976",
    "977",
    "978",
    "979",
    "41",
    "980",
    "981",
)


FIRST_CONTACT_LINKS = ("53", "985", "986", "987", "62", "988", "989", "990", "991", "66", "992", "993")  # fmt: skip
