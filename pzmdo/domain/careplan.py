"""The individual care plan (IZP) with the sections and answer sets of the national form.

The form is the IKNL "Uniform vastleggen proactieve zorgplanning (ACP)" (zib2020); its
answer sets are encoded here as ``Option`` tuples: our storage code, the Dutch label we
show, and the coding the national form uses (for FHIR exchange, see services/acp_fhir.py).

Rules that matter:
- ``None`` means *not filled in*; "nog onbekend" / "onbekend" is an answer of its own.
- A plan is immutable once saved; every save is a new version (services/careplan.py).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from pzmdo.domain.errors import ValidationError

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_T = TypeVar("_T", bound="DataclassInstance")

NULLFLAVOR = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor"
SNOMED = "http://snomed.info/sct"
ROLECODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
ADDRESSUSE = "http://terminology.hl7.org/CodeSystem/v3-AddressUse"
UZI_ROLE = "http://fhir.nl/fhir/NamingSystem/uzi-rolcode"
ROLE_OID = "urn:oid:2.16.840.1.113883.2.4.3.11.22.472"
DECISION_OID = "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.25.1"
TELECOM_OID = "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.22.1"


@dataclass(frozen=True)
class Option:
    code: str  # our storage code
    label: str  # Dutch label shown in pzmdo
    fhir_code: str
    display: str  # the display text of the national form
    system: str | None = None


AnswerSet = tuple[Option, ...]

YES_NO: AnswerSet = (
    Option("ja", "Ja", "1", "Ja"),
    Option("nee", "Nee", "0", "Nee"),
)
YES_NO_UNKNOWN: AnswerSet = (
    Option("ja", "Ja", "373066001", "Ja", SNOMED),
    Option("nee", "Nee", "373067005", "Nee", SNOMED),
    Option("nog_onbekend", "Nog onbekend", "UNK", "Nog onbekend", NULLFLAVOR),
)
FUNCTION: AnswerSet = (
    Option("arts", "Arts", "01.000", "Arts", UZI_ROLE),
    Option("huisarts", "Huisarts", "01.015", "Huisarts", UZI_ROLE),
    Option(
        "specialist_ouderengeneeskunde",
        "Specialist ouderengeneeskunde",
        "01.047",
        "Specialist ouderengeneeskunde",
        UZI_ROLE,
    ),
    Option("verpleegkundige", "Verpleegkundige", "30.000", "Verpleegkundige", UZI_ROLE),
    Option("physician_assistant", "Physician assistant", "81.000", "Physician assistant", UZI_ROLE),
    Option(
        "andere_zorg", "Zorgverlener andere zorg", "99.000", "Zorgverlener andere zorg", UZI_ROLE
    ),
)
REPRESENTATIVE_ROLE: AnswerSet = (
    Option(
        "wettelijk_vertegenwoordiger",
        "Wettelijk vertegenwoordiger",
        "24",
        "Wettelijke vertegenwoordiger",
        ROLE_OID,
    ),
    Option(
        "eerste_contactpersoon",
        "Eerste relatie/contactpersoon",
        "01",
        "Eerste relatie/contactpersoon",
        ROLE_OID,
    ),
    Option(
        "schriftelijk_gemachtigde",
        "Schriftelijk gemachtigde",
        "310141000146103",
        "Schriftelijk gemachtigde",
        SNOMED,
    ),
    Option("curator", "Curator (juridisch)", "03", "Curator (juridisch)", ROLE_OID),
    Option("mentor", "Mentor", "15", "Mentor", ROLE_OID),
    Option("anders", "Anders", "09", "Anders", ROLE_OID),
)
PRESENT_ROLE: AnswerSet = (
    Option("curator", "Curator (juridisch)", "03", "Curator (juridisch)", ROLE_OID),
    Option("mentor", "Mentor", "15", "Mentor", ROLE_OID),
    Option(
        "schriftelijk_gemachtigde",
        "Schriftelijk gemachtigde",
        "310141000146103",
        "Schriftelijk gemachtigde",
        SNOMED,
    ),
    Option("anders", "Anders", "09", "Anders", ROLE_OID),
)
RELATION: AnswerSet = (
    Option("partner", "Partner", "DOMPART", "Partner", ROLECODE),
    Option("echtgenoot", "Echtgenoot", "HUSB", "Echtgenoot", ROLECODE),
    Option("echtgenote", "Echtgenote", "WIFE", "Echtgenote", ROLECODE),
    Option("vader", "Vader", "FTH", "Vader", ROLECODE),
    Option("moeder", "Moeder", "MTH", "Moeder", ROLECODE),
    Option("zoon", "Zoon", "SONC", "Zoon", ROLECODE),
    Option("dochter", "Dochter", "DAUC", "Dochter", ROLECODE),
    Option("broer", "Broer", "BRO", "Broer", ROLECODE),
    Option("zus", "Zus", "SIS", "Zuster", ROLECODE),
    Option("anders", "Anders", "OTH", "Anders", NULLFLAVOR),
)
TELECOM_TYPE: AnswerSet = (
    Option("vast", "Vaste lijn", "LL", "Land Line", TELECOM_OID),
    Option("fax", "Fax", "FAX", "Fax", TELECOM_OID),
    Option("pieper", "Pieper", "PG", "Pieper", ADDRESSUSE),
    Option("mobiel", "Mobiel", "MC", "Mobiel telefoonnummer", ADDRESSUSE),
)
NUMBER_USE: AnswerSet = (
    Option("thuis", "Thuis", "HP", "Telefoonnummer thuis", ADDRESSUSE),
    Option("tijdelijk", "Tijdelijk", "TMP", "Tijdelijk telefoonnummer", ADDRESSUSE),
    Option("zakelijk", "Zakelijk", "WP", "Zakelijk telefoonnummer", ADDRESSUSE),
)
EMAIL_USE: AnswerSet = (
    Option("prive", "Privé", "HP", "Privé e-mailadres", ADDRESSUSE),
    Option("zakelijk", "Zakelijk", "WP", "Zakelijk e-mailadres", ADDRESSUSE),
)
GOAL: AnswerSet = (
    Option(
        "curatief",
        "Curatief / actief ziektebeleid",
        "385987000",
        "Curatief / actief ziektebeleid",
        SNOMED,
    ),
    Option(
        "palliatief_levensverlenging",
        "Palliatief: levensverlenging én symptoomverlichting",
        "1351964001",
        "Palliatief met als doel levensverlenging én symptoomverlichting",
        SNOMED,
    ),
    Option(
        "palliatief_symptoomverlichting",
        "Palliatief: symptoomverlichting, levensverlenging niet gewenst",
        "225353007",
        "Palliatief met als doel symptoomverlichting, waarbij levensverlenging niet gewenst is",
        SNOMED,
    ),
    Option("nog_onbekend", "Nog onbekend", "UNK", "Nog onbekend", NULLFLAVOR),
)
DECISION: AnswerSet = (
    Option("ja", "Ja", "0", "Wel uitvoeren", DECISION_OID),
    Option("ja_beperkt", "Ja, maar met beperkingen", "1", "Anders", DECISION_OID),
    Option("nee", "Nee", "2", "Niet uitvoeren", DECISION_OID),
    Option("onbekend", "Onbekend", "UNK", "Onbekend", NULLFLAVOR),
)
# "g) Overige behandelgrenzen" has no "Anders" on the national form.
DECISION_OTHER: AnswerSet = tuple(o for o in DECISION if o.code != "ja_beperkt")
ICD_OFF: AnswerSet = (
    Option("ja", "Ja, ICD uitzetten", "0", "Wel uitvoeren", DECISION_OID),
    Option(
        "nog_geen_besluit",
        "Nee, nog geen besluit genomen",
        "ASKU",
        "Nee, nog geen besluit genomen",
        NULLFLAVOR,
    ),
    Option("niet_besproken", "Niet besproken", "NASK", "Niet besproken", NULLFLAVOR),
)
PLACE_OF_DEATH: AnswerSet = (
    Option("thuis", "Thuis", "264362003", "Thuis", SNOMED),
    Option("ziekenhuis", "Ziekenhuis", "22232009", "Ziekenhuis", SNOMED),
    Option("verpleeghuis", "Verpleeghuis", "108344006", "Verpleeghuis", SNOMED),
    Option("hospice", "Hospice", "284546000", "Hospice", SNOMED),
    Option("anders", "Anders", "OTH", "Anders", NULLFLAVOR),
    Option("nog_onbekend", "Nog onbekend", "UNK", "Nog onbekend", NULLFLAVOR),
)
EUTHANASIA: AnswerSet = (
    Option(
        "verklaring",
        "Heeft euthanasieverklaring",
        "340181000146102",
        "Heeft euthanasieverklaring",
        SNOMED,
    ),
    Option(
        "geen_euthanasie",
        "Wenst geen euthanasie",
        "340201000146103",
        "Wenst geen euthanasie",
        SNOMED,
    ),
    Option(
        "mogelijk_verzoek",
        "Geen verklaring, zou wel verzoek kunnen doen",
        "340191000146100",
        "Geen euthanasieverklaring, zou wel verzoek kunnen doen in bepaalde situaties",
        SNOMED,
    ),
    Option("nog_onbekend", "Nog onbekend", "UNK", "Nog onbekend", NULLFLAVOR),
)
SHARE_CONSENT: AnswerSet = (
    Option("akkoord", "Akkoord", "441898007", "Akkoord", SNOMED),
    Option("nog_onbekend", "Nog onbekend", "UNK", "Nog onbekend", NULLFLAVOR),
)
YES_NO_BOOL: AnswerSet = (  # for booleans of our own (not on the national form)
    Option("ja", "Ja", "", "Ja"),
    Option("nee", "Nee", "", "Nee"),
)


def option(answer_set: AnswerSet, code: str | None) -> Option | None:
    if code is None:
        return None
    for opt in answer_set:
        if opt.code == code:
            return opt
    return None


def label_of(answer_set: AnswerSet, code: str | None) -> str:
    opt = option(answer_set, code)
    return opt.label if opt else ""


# --------------------------------------------------------------------------------------
# Content. Field metadata: "label" (Dutch, used in the diff) and "options" (answer set).


def _f(label: str, options: AnswerSet | None = None, default: Any = None) -> Any:
    meta: dict[str, Any] = {"label": label}
    if options is not None:
        meta["options"] = options
    return field(default=default, metadata=meta)


def _t(label: str) -> Any:
    return field(default="", metadata={"label": label})


def _sub(label: str, factory: Any) -> Any:
    return field(default_factory=factory, metadata={"label": label})


def _many(label: str, options: AnswerSet | None = None, item: str | None = None) -> Any:
    meta: dict[str, Any] = {"label": label, "item_label": item or label}
    if options is not None:
        meta["options"] = options
    return field(default=(), metadata=meta)


@dataclass(frozen=True)
class PersonName:
    given: str = _t("voornamen")
    prefix: str = _t("voorvoegsels")
    family: str = _t("achternaam")

    def display(self) -> str:
        return " ".join(p for p in (self.given, self.prefix, self.family) if p)


@dataclass(frozen=True)
class Phone:
    number: str = _t("telefoonnummer")
    kind: str | None = _f("soort lijn", TELECOM_TYPE)
    use: str | None = _f("nummersoort", NUMBER_USE)
    note: str = _t("toelichting")


@dataclass(frozen=True)
class Email:
    address: str = _t("e-mailadres")
    use: str | None = _f("soort", EMAIL_USE)


@dataclass(frozen=True)
class Contact:
    name: PersonName = _sub("naam", PersonName)
    phones: tuple[Phone, ...] = _many("telefoonnummers", item="telefoonnummer")
    emails: tuple[Email, ...] = _many("e-mailadressen", item="e-mailadres")
    relation: str | None = _f("relatie tot patiënt", RELATION)
    relation_other: str = _t("relatie, anders namelijk")

    def is_empty(self) -> bool:
        return self == Contact()


@dataclass(frozen=True)
class TreatmentLimit:
    decision: str | None = _f("besluit", DECISION)
    restriction: str = _t("beperkingen")
    note: str = _t("toelichting")
    discussed_on: date | None = _f("meest recent besproken op")
    treatment: str = _t("behandeling")  # only for "overige behandelgrenzen"

    def is_empty(self) -> bool:
        return self == TreatmentLimit()


@dataclass(frozen=True)
class DimensionPlan:
    problems: str = _t("problemen en behoeften")
    goals: str = _t("doelen")
    agreements: str = _t("afspraken")
    who: str = _t("wie")


@dataclass(frozen=True)
class Scenario:
    trigger: str = _t("als dit")
    action: str = _t("dan dat")
    who: str = _t("wie")


@dataclass(frozen=True)
class AcuteAgreements:
    call_hap_not_112: bool | None = _f("bel de huisartsenpost in plaats van 112", YES_NO_BOOL)
    hap_must_know: str = _t("wat de huisartsenpost moet weten")
    ambulance_must_know: str = _t("wat de ambulance moet weten")
    # Issue 17: the emergency page also needs these (003 L884, L1058).
    medication_at_home: str = _t("medicatie in huis (palliatieve thuiskist, bij-nodig-medicatie)")
    seh_agreements: str = _t("afspraken voor de spoedeisende hulp (SEH)")


LIMIT_KEYS = (
    "reanimatie",
    "beademing",
    "ic_opname",
    "ziekenhuisopname",
    "antibiotica",
    "bloedproducten",
    "overige",
)
DIMENSION_KEYS = ("fysiek", "psychisch", "sociaal", "zingeving")

# The source's guiding question per dimension, shown as a hint where the dimension is
# written (000 L124-130): the patient's own question, not a checklist.
DIMENSION_QUESTIONS = {
    "fysiek": "Hoe kan ik zo min mogelijk pijn en lichamelijke klachten ervaren?",
    "psychisch": (
        "Hoe kan ik leven tot het einde? Wat kan ik doen als ik last heb van rouw, verdriet, "
        "gevoelens van angst of depressie?"
    ),
    "sociaal": (
        "Hoe kan ik mijn leven leiden tot het einde? Hoe krijg ik ondersteuning bij mijn ziekte, "
        "mijn sociale netwerk, hulpmiddelen, passend wonen of verlies van inkomen?"
    ),
    "zingeving": (
        "Wat is nog belangrijk voor me? Heeft mijn leven nog zin, heeft mijn lijden zin? "
        "Waarom overkomt mij dit?"
    ),
}


@dataclass(frozen=True)
class CarePlanContent:
    # header of the national form
    filled_at: str | None = _f("datum van invullen")  # ISO date or UTC instant
    form_birth: str | None = _f("geboortedatum op het formulier")
    conducted_by: PersonName = _sub("gesprek gevoerd door", PersonName)
    conducted_by_function: str | None = _f("functie gespreksvoerder", FUNCTION)
    # 1. wilsbekwaamheid & vertegenwoordiging
    capable: str | None = _f("wilsbekwaam m.b.t. medische behandelbeslissingen", YES_NO)
    capable_note: str = _t("toelichting wilsbekwaamheid")
    representative: Contact = _sub("wettelijk vertegenwoordiger", Contact)
    representative_roles: tuple[str, ...] = _many(
        "rol wettelijk vertegenwoordiger", REPRESENTATIVE_ROLE
    )
    representative_role_other: str = _t("rol vertegenwoordiger, anders namelijk")
    representative_is_first_contact: str | None = _f(
        "vertegenwoordiger is ook eerste contactpersoon", YES_NO
    )
    first_contact: Contact = _sub("eerste contactpersoon", Contact)
    # 2. gesprek gevoerd in bijzijn van
    present_patient: bool = _f("in bijzijn van de patiënt", None, False)
    present_roles: tuple[str, ...] = _many("in bijzijn van (rol)", PRESENT_ROLE)
    present_role_other: str = _t("in bijzijn van (rol), anders namelijk")
    present_relations: tuple[str, ...] = _many("in bijzijn van (relatie)", RELATION)
    present_relation_other: str = _t("in bijzijn van (relatie), anders namelijk")
    # 3. doel van medisch beleid
    goal: str | None = _f("belangrijkste doel van medisch beleid", GOAL)
    # 4. behandelgrenzen
    reanimatie: TreatmentLimit = _sub("reanimatie", TreatmentLimit)
    beademing: TreatmentLimit = _sub("kunstmatige invasieve beademing", TreatmentLimit)
    ic_opname: TreatmentLimit = _sub("opname op intensive care", TreatmentLimit)
    ziekenhuisopname: TreatmentLimit = _sub("opname in ziekenhuis", TreatmentLimit)
    antibiotica: TreatmentLimit = _sub("behandeling met antibiotica", TreatmentLimit)
    bloedproducten: TreatmentLimit = _sub("toediening van bloedproducten", TreatmentLimit)
    overige: TreatmentLimit = _sub("overige behandelgrenzen", TreatmentLimit)
    icd: str | None = _f("heeft een ICD", YES_NO_UNKNOWN)
    icd_note: str = _t("toelichting ICD")
    icd_off: str | None = _f("afspraak over uitzetten ICD", ICD_OFF)
    icd_off_note: str = _t("toelichting afspraak uitzetten ICD")
    # 5. behandelwensen
    wishes: str = _t("wat zorgverleners moeten weten (specifieke wensen)")
    place_of_death: str | None = _f("gewenste plek van overlijden", PLACE_OF_DEATH)
    place_of_death_note: str = _t("toelichting plek van overlijden")
    preferred_place_of_care: str | None = _f("gewenste plek van zorg", PLACE_OF_DEATH)
    euthanasia: str | None = _f("euthanasie standpunt", EUTHANASIA)
    euthanasia_note: str = _t("toelichting euthanasie")
    organ_donation: str | None = _f("orgaandonatie vastgelegd in donorregister", YES_NO_UNKNOWN)
    # 6. - 8.
    other_important: str = _t("wat verder nog belangrijk is")
    earlier_agreements: str | None = _f("eerder behandelafspraken vastgelegd", YES_NO_UNKNOWN)
    earlier_agreements_note: str = _t("toelichting eerdere behandelafspraken")
    earlier_differ: str | None = _f("eerdere afspraken wijken af", YES_NO_UNKNOWN)
    informed_responsibility: str | None = _f(
        "patiënt geïnformeerd over eigen verantwoordelijkheid", YES_NO
    )
    share_consent: str | None = _f("akkoord met delen", SHARE_CONSENT)
    # beyond the form: the four dimensions, scenarios, acute agreements
    fysiek: DimensionPlan = _sub("fysiek", DimensionPlan)
    psychisch: DimensionPlan = _sub("psychisch", DimensionPlan)
    sociaal: DimensionPlan = _sub("sociaal", DimensionPlan)
    zingeving: DimensionPlan = _sub("zingeving", DimensionPlan)
    other_agreements: str = _t("overige afspraken")
    scenarios: tuple[Scenario, ...] = _many("scenario's (als dit … dan dat)", item="scenario")
    acute: AcuteAgreements = _sub("acute afspraken", AcuteAgreements)

    def limit(self, key: str) -> TreatmentLimit:
        found: TreatmentLimit = getattr(self, key)
        return found

    def dimension(self, key: str) -> DimensionPlan:
        found: DimensionPlan = getattr(self, key)
        return found


SECTION_LABELS = {
    "reanimatie": "Reanimatie",
    "beademing": "Kunstmatige invasieve beademing",
    "ic_opname": "Opname op intensive care",
    "ziekenhuisopname": "Opname in ziekenhuis",
    "antibiotica": "Behandeling met antibiotica",
    "bloedproducten": "Toediening van bloedproducten",
    "overige": "Overige behandelgrenzen",
}

# --------------------------------------------------------------------------------------
# JSON round trip (the stored form of a version)


def to_data(obj: Any) -> Any:
    """Plain JSON-able data from a content object (dates as ISO strings)."""
    if dataclasses.is_dataclass(obj):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple):
        return [to_data(x) for x in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def from_data(cls: type[_T], data: Any) -> _T:
    """Build ``cls`` from plain data; unknown keys are ignored, missing keys get defaults."""
    if not isinstance(data, dict):
        raise ValidationError(
            "Het zorgplan is onleesbaar opgeslagen. Neem contact op met de beheerder."
        )
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def _convert(tp: Any, value: Any) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if value is None:
        return None
    if origin is tuple:
        return tuple(_convert(args[0], v) for v in value)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_data(tp, value)
    if tp is date:
        return date.fromisoformat(value)
    if tp is bool:
        return bool(value)
    if tp is str:
        return str(value)
    return value


def content_from_data(data: Any) -> CarePlanContent:
    return from_data(CarePlanContent, data)


# --------------------------------------------------------------------------------------
# Flattening (for diff and display) and validation


def flatten(content: CarePlanContent) -> dict[str, str]:
    """Every filled-in value as 'Section › item' -> display text (Dutch)."""
    out: dict[str, str] = {}
    _flatten(content, (), out)
    return out


def _flatten(obj: Any, path: tuple[str, ...], out: dict[str, str]) -> None:
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        label = f.metadata.get("label", f.name)
        here = (*path, label)
        options = f.metadata.get("options")
        if dataclasses.is_dataclass(value):
            _flatten(value, here, out)
        elif isinstance(value, tuple):
            if value and dataclasses.is_dataclass(value[0]):
                for i, item in enumerate(value, 1):
                    _flatten(item, (*path, f"{f.metadata['item_label']} {i}"), out)
            elif value:
                out[_key(here)] = ", ".join((options and label_of(options, v)) or v for v in value)
        elif value is None or value == "" or value is False and options is None:
            continue
        elif isinstance(value, bool):
            out[_key(here)] = "Ja" if value else "Nee"
        elif isinstance(value, date):
            out[_key(here)] = value.strftime("%d-%m-%Y")
        elif options is not None:
            out[_key(here)] = label_of(options, value) or str(value)
        else:
            out[_key(here)] = str(value)


def _key(path: tuple[str, ...]) -> str:
    text = " › ".join(path)
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Change:
    item: str
    before: str  # "" = not filled in
    after: str


def diff(old: CarePlanContent, new: CarePlanContent) -> list[Change]:
    """What changed from ``old`` to ``new``, item by item, in form order."""
    a, b = flatten(old), flatten(new)
    order = flatten_order(new, old)
    return [Change(k, a.get(k, ""), b.get(k, "")) for k in order if a.get(k, "") != b.get(k, "")]


def flatten_order(*contents: CarePlanContent) -> list[str]:
    seen: dict[str, None] = {}
    for c in contents:
        for k in flatten(c):
            seen.setdefault(k, None)
    return list(seen)


MAX_TEXT = 4000


def validate(content: CarePlanContent, today: date | None = None) -> CarePlanContent:
    """Raise a Dutch ValidationError for anything the plan cannot hold; return it unchanged."""
    _validate_obj(content, ())
    for key in LIMIT_KEYS:
        limit = content.limit(key)
        name = SECTION_LABELS[key]
        if key == "overige" and limit.decision == "ja_beperkt":
            raise ValidationError(
                "Bij 'Overige behandelgrenzen' kent het landelijke formulier alleen Ja, Nee of "
                "Onbekend. Beschrijf de beperking in de toelichting."
            )
        if limit.decision == "ja_beperkt" and not limit.restriction.strip():
            raise ValidationError(
                f"Vul bij '{name}' in welke beperkingen gelden (u koos 'Ja, maar met beperkingen')."
            )
        if limit.decision != "ja_beperkt" and limit.restriction.strip():
            raise ValidationError(
                f"Bij '{name}' zijn beperkingen ingevuld, maar het besluit is niet 'Ja, maar met "
                "beperkingen'. Kies dat besluit of maak het veld beperkingen leeg."
            )
        if limit.treatment and key != "overige":
            raise ValidationError(f"Bij '{name}' hoort geen eigen behandelingsnaam.")
        if limit.discussed_on and limit.discussed_on > (today or date.today()):
            raise ValidationError(
                f"De bespreekdatum bij '{name}' ({limit.discussed_on:%d-%m-%Y}) ligt in de "
                "toekomst. Vul de datum in waarop dit het laatst besproken is."
            )
    # A toelichting belongs to an answer (as on the form): no note without a choice.
    needs_answer = [
        (content.capable, content.capable_note, "Wilsbekwaamheid"),
        (content.place_of_death, content.place_of_death_note, "Gewenste plek van overlijden"),
        (content.euthanasia, content.euthanasia_note, "Euthanasie standpunt"),
        (content.earlier_agreements, content.earlier_agreements_note, "Eerdere behandelafspraken"),
        (content.icd_off, content.icd_off_note, "Afspraak uitzetten ICD"),
    ]
    needs_answer += [
        (content.limit(k).decision, content.limit(k).note, SECTION_LABELS[k]) for k in LIMIT_KEYS
    ]
    needs_answer.append(
        (content.overige.decision, content.overige.treatment, SECTION_LABELS["overige"])
    )
    for answer, note, name in needs_answer:
        if note.strip() and answer is None:
            raise ValidationError(
                f"Bij '{name}' staat een toelichting maar geen antwoord. Kies een antwoord "
                "(desnoods 'Nog onbekend' of 'Onbekend')."
            )
    if content.icd_note.strip() and content.icd != "ja":
        raise ValidationError(
            "Een toelichting bij de ICD hoort bij 'Ja, de patiënt heeft een ICD'. Kies Ja of "
            "maak de toelichting leeg."
        )
    for contact, who in (
        (content.representative, "wettelijk vertegenwoordiger"),
        (content.first_contact, "eerste contactpersoon"),
    ):
        if contact.relation_other.strip() and contact.relation != "anders":
            raise ValidationError(
                f"Bij de {who} is 'relatie, anders namelijk' ingevuld; kies dan als relatie "
                "'Anders' of maak dat veld leeg."
            )
    if content.representative_role_other.strip() and "anders" not in content.representative_roles:
        raise ValidationError(
            "Bij de rol van de vertegenwoordiger is 'anders, namelijk' ingevuld; vink dan ook "
            "'Anders' aan of maak het veld leeg."
        )
    if content.present_role_other.strip() and "anders" not in content.present_roles:
        raise ValidationError(
            "Bij 'in bijzijn van (rol)' is 'anders, namelijk' ingevuld; vink dan ook 'Anders' "
            "aan of maak het veld leeg."
        )
    if content.present_relation_other.strip() and "anders" not in content.present_relations:
        raise ValidationError(
            "Bij 'in bijzijn van (relatie)' is 'anders, namelijk' ingevuld; vink dan ook "
            "'Anders' aan of maak het veld leeg."
        )
    if not content.first_contact.is_empty() and content.representative_is_first_contact != "nee":
        raise ValidationError(
            "Een aparte eerste contactpersoon kan alleen als de wettelijk vertegenwoordiger "
            "niet ook de eerste contactpersoon is. Kies bij die vraag 'Nee', of maak de "
            "gegevens van de eerste contactpersoon leeg."
        )
    if content.icd != "ja" and (content.icd_off or content.icd_off_note):
        raise ValidationError(
            "Een afspraak over het uitzetten van de ICD kan alleen als de patiënt een ICD heeft. "
            "Kies bij 'Heeft de patiënt een ICD?' Ja, of maak de afspraak leeg."
        )
    if content.earlier_agreements != "ja" and content.earlier_differ:
        raise ValidationError(
            "'Wijken eerdere afspraken af?' kan alleen als er eerder behandelafspraken zijn "
            "vastgelegd. Kies daar Ja, of maak de vraag leeg."
        )
    for i, sc in enumerate(content.scenarios, 1):
        if not sc.trigger.strip() or not sc.action.strip():
            raise ValidationError(
                f"Scenario {i} is onvolledig: vul zowel 'als dit' als 'dan dat' in, of verwijder "
                "het scenario."
            )
    for who, contact in (
        ("wettelijk vertegenwoordiger", content.representative),
        ("eerste contactpersoon", content.first_contact),
    ):
        for ph in contact.phones:
            if not ph.number.strip():
                raise ValidationError(
                    f"Een telefoonnummer van de {who} is leeg. Vul het in of verwijder het."
                )
        for em in contact.emails:
            if "@" not in em.address:
                raise ValidationError(
                    f"'{em.address}' is geen geldig e-mailadres ({who}). Controleer het adres."
                )
    if content.filled_at:
        parse_instant(content.filled_at)
    return content


def _validate_obj(obj: Any, path: tuple[str, ...]) -> None:
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        label = f.metadata.get("label", f.name)
        options = f.metadata.get("options")
        if dataclasses.is_dataclass(value):
            _validate_obj(value, (*path, label))
        elif isinstance(value, tuple):
            for v in value:
                if dataclasses.is_dataclass(v):
                    _validate_obj(v, (*path, label))
                elif options is not None and option(options, v) is None:
                    raise ValidationError(_bad_choice((*path, label), v, options))
        elif isinstance(value, str):
            if options is not None and option(options, value) is None:
                raise ValidationError(_bad_choice((*path, label), value, options))
            if len(value) > MAX_TEXT:
                raise ValidationError(
                    f"De tekst bij '{_key((*path, label))}' is te lang ({len(value)} tekens, "
                    f"hoogstens {MAX_TEXT}). Maak de tekst korter."
                )


def _bad_choice(path: tuple[str, ...], value: str, options: AnswerSet) -> str:
    choices = ", ".join(o.label for o in options)
    return f"'{value}' is geen geldig antwoord bij '{_key(path)}'. Kies uit: {choices}."


def parse_instant(text: str) -> datetime | date:
    """A FHIR dateTime (date or instant); raise a Dutch error when unreadable."""
    try:
        if "T" in text:
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            f"'{text}' is geen geldige datum/tijd. Gebruik bijvoorbeeld 2026-11-25 of "
            "2026-11-25T14:30:00Z."
        ) from None


def normalise_instant(text: str) -> str:
    """Date stays a date; an instant becomes UTC with milliseconds ('...T16:27:36.364Z')."""
    from datetime import UTC

    value = parse_instant(text)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return value.isoformat()


def instant_date(text: str) -> date:
    value = parse_instant(text)
    return value.date() if isinstance(value, datetime) else value


def summary_lines(content: CarePlanContent) -> list[tuple[str, str]]:
    """The treatment limits in one line each (for headers, team views and the CLI)."""
    lines = []
    for key in LIMIT_KEYS:
        lim = content.limit(key)
        if lim.is_empty():
            continue
        text = label_of(DECISION, lim.decision) or "niet ingevuld"
        if lim.restriction:
            text += f": {lim.restriction}"
        name = SECTION_LABELS[key]
        if key == "overige" and lim.treatment:
            name = f"{name} ({lim.treatment})"
        lines.append((name, text))
    return lines


# Section titles of the care plan (the national form's numbering for sections 1-8).
SECTION_TITLES = {
    "header": "Gesprek",
    "s1": "1. Wilsbekwaamheid en wettelijke vertegenwoordiging",
    "s2": "2. Gesprek gevoerd in bijzijn van",
    "s3": "3. Belangrijkste overeengekomen doel van medisch beleid",
    "s4": "4. Behandelgrenzen",
    "s5": "5. Behandelwensen",
    "s6": "6. Wat verder nog belangrijk is",
    "s7": "7. Eerder vastgelegde behandelwensen",
    "s8": "8. Informatie delen",
    "dimensions": "Vier dimensies",
    "scenarios": "Scenario's: als dit … dan dat",
    "acute": "Acute afspraken",
    "other": "Overige afspraken",
}


def field_label(cls: type, name: str) -> str:
    """The Dutch label of a content field, capitalised ('Gewenste plek van overlijden')."""
    for f in dataclasses.fields(cls):
        if f.name == name:
            text: str = f.metadata.get("label", name)
            return text[:1].upper() + text[1:]
    raise KeyError(name)
