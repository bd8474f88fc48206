"""Exchange of the care plan as a FHIR R4 QuestionnaireResponse of the IKNL ACP form.

The national form (Questionnaire ``ACP-zib2020``) is identified by linkIds; this module maps
each linkId to a field of ``CarePlanContent`` and back. Items follow the form's nesting:
children of a group under ``item``, children of a question under ``answer[].item``.
Only the linkIds and codes of the form are written.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from pzmdo.domain import careplan as cp
from pzmdo.domain.audit import AuditAction
from pzmdo.domain.careplan import (
    CarePlanContent,
    Contact,
    Email,
    Option,
    PersonName,
    Phone,
    TreatmentLimit,
)
from pzmdo.domain.errors import NotFoundError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import display_name, fold, search_key
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.practices import practice_for_new_patient
from pzmdo.services.scope import patient_clause, scope_of
from pzmdo.store.files import write_atomic
from pzmdo.store.models import Patient

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


# ---------------------------------------------------------------------------------------
# Export


def _coding(opt: Option) -> dict[str, Any]:
    coding: dict[str, Any] = {}
    if opt.system:
        coding["system"] = opt.system
    coding["code"] = opt.fhir_code
    coding["display"] = opt.display
    return coding


def _q(link: str, answers: list[dict] | None = None, items: list[dict] | None = None) -> dict:
    node: dict[str, Any] = {"linkId": link, "text": TEXT.get(link, "")}
    if answers:
        node["answer"] = answers
    if items:
        node["item"] = items
    return node


def _group(link: str, items: list[dict | None], text: str | None = None) -> dict | None:
    kept = [i for i in items if i]
    if not kept:
        return None
    node = _q(link, items=kept)
    if text is not None:
        node["text"] = text
    return node


def _string(link: str, value: str) -> dict | None:
    return _q(link, [{"valueString": value}]) if value else None


def _choice(
    link: str, answer_set: cp.AnswerSet, code: str | None, children: list[dict | None] = ()
) -> dict | None:
    opt = cp.option(answer_set, code)
    if opt is None:
        return None
    answer: dict[str, Any] = {"valueCoding": _coding(opt)}
    kept = [c for c in children if c]
    if kept:
        answer["item"] = kept
    return _q(link, [answer])


def _multi(
    link: str,
    answer_set: cp.AnswerSet,
    codes: tuple[str, ...],
    other_link: str,
    other_text: str,
) -> dict | None:
    answers = []
    for code in codes:
        opt = cp.option(answer_set, code)
        if opt is None:
            continue
        answer: dict[str, Any] = {"valueCoding": _coding(opt)}
        if code == "anders" and other_text:
            answer["item"] = [_q(other_link, [{"valueString": other_text}])]
        answers.append(answer)
    return _q(link, answers) if answers else None


def _instant(text: str | None) -> dict | None:
    return {"valueDateTime": cp.normalise_instant(text)} if text else None


def _name_items(name: PersonName, given: str, prefix: str, family: str) -> list[dict | None]:
    return [_string(given, name.given), _string(prefix, name.prefix), _string(family, name.family)]


def _contact_items(contact: Contact, links: tuple[str, ...]) -> tuple[dict | None, dict | None]:
    name_g, given, prefix, family, ph_g, num, kind, use, note, em_g, addr, em_use = links
    name = _group(name_g, _name_items(contact.name, given, prefix, family))
    details: list[dict | None] = []
    for ph in contact.phones:
        details.append(
            _group(
                ph_g,
                [
                    _string(num, ph.number),
                    _choice(kind, cp.TELECOM_TYPE, ph.kind),
                    _choice(use, cp.NUMBER_USE, ph.use),
                    _string(note, ph.note),
                ],
            )
        )
    for em in contact.emails:
        details.append(
            _group(em_g, [_string(addr, em.address), _choice(em_use, cp.EMAIL_USE, em.use)])
        )
    return name, details  # type: ignore[return-value]


def response_from_content(
    content: CarePlanContent,
    *,
    given: str,
    prefix: str | None,
    family: str,
    birth_date: date,
    authored: datetime | None = None,
) -> dict:
    """A QuestionnaireResponse of the national form holding ``content``."""
    c = content
    items: list[dict | None] = []
    filled = _instant(c.filled_at)
    items.append(_q("963", [filled]) if filled else None)
    items.append(
        _group("7", _name_items(PersonName(given, prefix or "", family), "964", "965", "966"))
    )
    birth = birth_date.isoformat()
    if c.form_birth and cp.instant_date(c.form_birth) == birth_date:
        birth = cp.normalise_instant(c.form_birth)
    items.append(_q("967", [{"valueDateTime": birth}]))
    items.append(
        _group(
            "8",
            [
                _group("16", _name_items(c.conducted_by, "968", "969", "970")),
                _choice("1405", cp.FUNCTION, c.conducted_by_function),
            ],
        )
    )
    # 1. wilsbekwaamheid en vertegenwoordiging
    rep_name, rep_details = _contact_items(c.representative, REPRESENTATIVE_LINKS)
    fc_name, fc_details = _contact_items(c.first_contact, FIRST_CONTACT_LINKS)
    section1 = [
        _choice("1406", cp.YES_NO, c.capable, [_string("1407", c.capable_note)]),
        _group(
            "29",
            [
                rep_name,
                _group("39", rep_details),  # type: ignore[arg-type]
                _multi(
                    "982",
                    cp.REPRESENTATIVE_ROLE,
                    c.representative_roles,
                    "411",
                    c.representative_role_other,
                ),
                _choice(
                    "983",
                    cp.RELATION,
                    c.representative.relation,
                    [_string("408", c.representative.relation_other)],
                ),
                _choice("984", cp.YES_NO, c.representative_is_first_contact),
                fc_name,
                _group("61", fc_details),  # type: ignore[arg-type]
                _choice(
                    "995",
                    cp.RELATION,
                    c.first_contact.relation,
                    [_string("412", c.first_contact.relation_other)],
                ),
            ],
        ),
    ]
    items.append(_group("26", section1))
    # 2. in bijzijn van
    items.append(
        _group(
            "78",
            [
                _q("82", [{"valueCoding": _coding(PATIENT_PRESENT)}])
                if c.present_patient
                else None,
                _multi("997", cp.PRESENT_ROLE, c.present_roles, "414", c.present_role_other),
                _multi("998", cp.RELATION, c.present_relations, "413", c.present_relation_other),
            ],
        )
    )
    # 3. doel
    goal = _choice("999", cp.GOAL, c.goal)
    items.append(_group("586", [_fixed_item("1408"), goal] if goal else []))
    # 4. behandelgrenzen
    limits: list[dict | None] = []
    for spec in LIMITS:
        lim = c.limit(spec.key)
        answer_set = cp.DECISION_OTHER if spec.key == "overige" else cp.DECISION
        children = [_string(spec.note, lim.note)]
        if spec.specification:
            children.insert(0, _string(spec.specification, lim.restriction))
        decision = _choice(spec.decision, answer_set, lim.decision, children)
        if decision is None:
            continue
        if spec.key == "overige" and lim.treatment:
            treatment = _q(spec.treatment, [{"valueString": lim.treatment}])
        else:
            treatment = _q(spec.treatment, [{"valueCoding": _coding(spec.treatment_coding)}])
        limits.append(_group(spec.group, [treatment, decision]))
    icd_children: list[dict | None] = []
    if c.icd == "ja":
        icd_children = [_fixed_item("1008"), _string("1009", c.icd_note)]
    limits.append(_choice("1006", cp.YES_NO_UNKNOWN, c.icd, icd_children))
    icd_off = _choice("1005", cp.ICD_OFF, c.icd_off, [_string("1010", c.icd_off_note)])
    if icd_off:
        limits.append(_group("1425", [_fixed_item("1426"), icd_off]))
    items.append(_group("83", limits))
    # 5. behandelwensen
    wishes = _string("1190", c.wishes)
    place = _choice(
        "1191", cp.PLACE_OF_DEATH, c.place_of_death, [_string("1192", c.place_of_death_note)]
    )
    euth = _choice("1193", cp.EUTHANASIA, c.euthanasia, [_string("1194", c.euthanasia_note)])
    organ = _choice("1435", cp.YES_NO_UNKNOWN, c.organ_donation)
    items.append(
        _group(
            "107",
            [
                _group("1427", [_fixed_item("1428"), wishes] if wishes else []),
                _group("1429", [_fixed_item("1430"), place] if place else []),
                _group("1431", [_fixed_item("1432"), euth] if euth else []),
                _group("1433", [_fixed_item("1434"), organ] if organ else []),
            ],
        )
    )
    # 6. - 8.
    other = _string("1196", c.other_important)
    items.append(_group("598", [_fixed_item("1436"), other] if other else []))
    items.append(
        _group(
            "115",
            [
                _choice(
                    "1197",
                    cp.YES_NO_UNKNOWN,
                    c.earlier_agreements,
                    [_string("1198", c.earlier_agreements_note)],
                ),
                _choice("1199", cp.YES_NO_UNKNOWN, c.earlier_differ),
            ],
        )
    )
    items.append(
        _group(
            "119",
            [
                _choice("1200", cp.YES_NO, c.informed_responsibility),
                _choice("1201", cp.SHARE_CONSENT, c.share_consent),
            ],
        )
    )
    stamp = (authored or datetime.now(UTC)).astimezone(UTC)
    return {
        "resourceType": "QuestionnaireResponse",
        "status": "completed",
        "questionnaire": f"{QUESTIONNAIRE}|{QUESTIONNAIRE_VERSION}",
        "authored": stamp.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "item": [i for i in items if i],
    }


def _fixed_item(link: str) -> dict:
    return _q(link, [{"valueCoding": _coding(FIXED[link])}])


# ---------------------------------------------------------------------------------------
# Import


@dataclass(frozen=True)
class FormIdentity:
    given: str
    prefix: str
    family: str
    birth_date: date | None


class _Reader:
    """Finds answers by linkId anywhere in a (sub)tree of response items."""

    def __init__(self, items: list[dict]) -> None:
        self.items = items

    def nodes(self, link: str) -> list[dict]:
        found: list[dict] = []

        def walk(items: list[dict]) -> None:
            for it in items:
                if not isinstance(it, dict):
                    continue
                if it.get("linkId") == link:
                    found.append(it)
                walk(it.get("item") or [])
                for ans in it.get("answer") or []:
                    if isinstance(ans, dict):
                        walk(ans.get("item") or [])

        walk(self.items)
        return found

    def sub(self, node: dict) -> _Reader:
        children = list(node.get("item") or [])
        for ans in node.get("answer") or []:
            children += ans.get("item") or []
        return _Reader(children)

    def answers(self, link: str) -> list[dict]:
        out: list[dict] = []
        for node in self.nodes(link):
            out += [a for a in node.get("answer") or [] if isinstance(a, dict)]
        return out

    def string(self, link: str) -> str:
        for a in self.answers(link):
            if "valueString" in a:
                return str(a["valueString"])
        return ""

    def instant(self, link: str) -> str | None:
        for a in self.answers(link):
            for key in ("valueDateTime", "valueDate"):
                if key in a:
                    return cp.normalise_instant(str(a[key]))
        return None

    def codes(self, link: str, answer_set: cp.AnswerSet) -> list[str]:
        out = []
        for a in self.answers(link):
            coding = a.get("valueCoding")
            if not isinstance(coding, dict):
                continue
            out.append(_match(link, answer_set, coding))
        return out

    def code(self, link: str, answer_set: cp.AnswerSet) -> str | None:
        codes = self.codes(link, answer_set)
        return codes[0] if codes else None


def _match(link: str, answer_set: cp.AnswerSet, coding: dict) -> str:
    code, system = coding.get("code"), coding.get("system")
    for opt in answer_set:
        if opt.fhir_code == code and (opt.system is None or system in (None, opt.system)):
            return opt.code
    shown = coding.get("display") or code
    raise ValidationError(
        f"Het formulier bevat bij vraag {link} het antwoord '{shown}', dat het landelijke "
        "ACP-formulier niet kent. Controleer het bestand of vul dit antwoord met de hand in."
    )


def _name(r: _Reader, given: str, prefix: str, family: str) -> PersonName:
    return PersonName(r.string(given), r.string(prefix), r.string(family))


def _contact(r: _Reader, links: tuple[str, ...], relation_link: str, other_link: str) -> Contact:
    name_g, given, prefix, family, ph_g, num, kind, use, note, em_g, addr, em_use = links
    phones = []
    for node in r.nodes(ph_g):
        s = r.sub(node)
        phones.append(
            Phone(
                s.string(num),
                s.code(kind, cp.TELECOM_TYPE),
                s.code(use, cp.NUMBER_USE),
                s.string(note),
            )
        )
    emails = []
    for node in r.nodes(em_g):
        s = r.sub(node)
        emails.append(Email(s.string(addr), s.code(em_use, cp.EMAIL_USE)))
    return Contact(
        name=_name(r, given, prefix, family),
        phones=tuple(phones),
        emails=tuple(emails),
        relation=r.code(relation_link, cp.RELATION),
        relation_other=r.string(other_link),
    )


def content_from_response(data: Any) -> tuple[CarePlanContent, FormIdentity]:
    """Read a QuestionnaireResponse of the national ACP form; Dutch errors when it is not one."""
    if not isinstance(data, dict) or data.get("resourceType") != "QuestionnaireResponse":
        raise ValidationError(
            "Dit bestand is geen FHIR QuestionnaireResponse. Kies een export van het landelijke "
            "ACP-formulier (IKNL)."
        )
    questionnaire = str(data.get("questionnaire") or "")
    if questionnaire and not questionnaire.startswith(QUESTIONNAIRE):
        raise ValidationError(
            f"Dit formulier hoort bij '{questionnaire}', niet bij het landelijke ACP-formulier "
            f"({QUESTIONNAIRE}). Het kan niet worden ingelezen."
        )
    items = data.get("item")
    if not isinstance(items, list) or not items:
        raise ValidationError("Het formulier is leeg: er staan geen antwoorden in.")
    r = _Reader(items)
    filled_at = r.instant("963")
    form_birth = r.instant("967")
    identity = FormIdentity(
        given=r.string("964"),
        prefix=r.string("965"),
        family=r.string("966"),
        birth_date=cp.instant_date(form_birth) if form_birth else None,
    )
    discussed = cp.instant_date(filled_at) if filled_at else None
    if discussed and discussed > date.today():
        discussed = None
    limits = {}
    for spec in LIMITS:
        answer_set = cp.DECISION_OTHER if spec.key == "overige" else cp.DECISION
        decision = r.code(spec.decision, answer_set)
        treatment = ""
        if spec.key == "overige":
            treatment = r.string(spec.treatment)
        limit = TreatmentLimit(
            decision=decision,
            restriction=r.string(spec.specification) if spec.specification else "",
            note=r.string(spec.note),
            discussed_on=discussed if decision else None,
            treatment=treatment,
        )
        limits[spec.key] = limit
    present_patient = any(
        (a.get("valueCoding") or {}).get("code") == PATIENT_PRESENT.fhir_code
        or a.get("valueBoolean") is True
        for a in r.answers("82")
    )
    content = CarePlanContent(
        filled_at=filled_at,
        form_birth=form_birth,
        conducted_by=_name(r, "968", "969", "970"),
        conducted_by_function=r.code("1405", cp.FUNCTION),
        capable=r.code("1406", cp.YES_NO),
        capable_note=r.string("1407"),
        representative=_contact(r, REPRESENTATIVE_LINKS, "983", "408"),
        representative_roles=tuple(r.codes("982", cp.REPRESENTATIVE_ROLE)),
        representative_role_other=r.string("411"),
        representative_is_first_contact=r.code("984", cp.YES_NO),
        first_contact=_contact(r, FIRST_CONTACT_LINKS, "995", "412"),
        present_patient=present_patient,
        present_roles=tuple(r.codes("997", cp.PRESENT_ROLE)),
        present_role_other=r.string("414"),
        present_relations=tuple(r.codes("998", cp.RELATION)),
        present_relation_other=r.string("413"),
        goal=r.code("999", cp.GOAL),
        icd=r.code("1006", cp.YES_NO_UNKNOWN),
        icd_note=r.string("1009"),
        icd_off=r.code("1005", cp.ICD_OFF),
        icd_off_note=r.string("1010"),
        wishes=r.string("1190"),
        place_of_death=r.code("1191", cp.PLACE_OF_DEATH),
        place_of_death_note=r.string("1192"),
        euthanasia=r.code("1193", cp.EUTHANASIA),
        euthanasia_note=r.string("1194"),
        organ_donation=r.code("1435", cp.YES_NO_UNKNOWN),
        other_important=r.string("1196"),
        earlier_agreements=r.code("1197", cp.YES_NO_UNKNOWN),
        earlier_agreements_note=r.string("1198"),
        earlier_differ=r.code("1199", cp.YES_NO_UNKNOWN),
        informed_responsibility=r.code("1200", cp.YES_NO),
        share_consent=r.code("1201", cp.SHARE_CONSENT),
        **limits,
    )
    return cp.validate(content), identity


MAX_FHIR_BYTES = 2 * 1024 * 1024  # an ACP form is tens of kilobytes
MAX_FHIR_DEPTH = 64  # the form nests items a few levels deep


def read_file(path: Path) -> Any:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FHIR_BYTES:
            raise ValidationError(
                f"Het bestand '{path.name}' is groter dan {MAX_FHIR_BYTES // (1024 * 1024)} MB; "
                "dat is geen ACP-formulier. Kies de FHIR-export van het formulier."
            )
        raw = path.read_bytes()[: MAX_FHIR_BYTES + 1]
    except FileNotFoundError:
        raise ValidationError(f"Het bestand '{path}' bestaat niet. Controleer de naam.") from None
    except OSError as exc:
        raise ValidationError(
            f"Het bestand '{path}' kan niet worden gelezen ({exc.strerror})."
        ) from None
    if len(raw) > MAX_FHIR_BYTES or _depth(raw) > MAX_FHIR_DEPTH:
        raise ValidationError(
            f"Het bestand '{path.name}' is te groot of te diep genest voor een ACP-formulier. "
            "Kies de FHIR-export van het formulier."
        )
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ValidationError(
            f"Het bestand '{path}' is geen leesbaar JSON-bestand. Kies een FHIR-export (.json) "
            "van het landelijke ACP-formulier."
        ) from None


def _depth(raw: bytes) -> int:
    """The deepest nesting of brackets outside strings (checked before parsing)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


@dataclass(frozen=True)
class ImportResult:
    patient_id: int
    patient_name: str
    version: int
    created_patient: bool


def import_response(ctx: AppContext, data: Any, patient_id: int | None = None) -> ImportResult:
    """Store the form as a new care-plan version.

    Without ``patient_id`` the patient is found by the form's name and birth date (or created
    when there is none); with it, the form must not belong to someone else.
    """
    require(ctx, Action.CAREPLAN_EDIT)
    from pzmdo.services.careplan import _store

    content, who = content_from_response(data)
    effective = cp.instant_date(content.filled_at) if content.filled_at else date.today()
    effective = min(effective, date.today())
    created = False
    with ctx.unit() as s:
        if patient_id is not None:
            patient = s.get(Patient, patient_id)
            if patient is None:
                raise NotFoundError(f"Patiënt {patient_id} bestaat niet (meer).")
            _check_same_person(patient, who)
        else:
            patient, created = _find_or_create(s, ctx, who)
        version = _store(
            s, ctx, patient.id, content, effective, "Ingelezen uit het landelijke ACP-formulier",
            "import", None,
        )  # fmt: skip
        ctx.audit(
            s,
            AuditAction.ACP_IMPORT,
            patient_id=patient.id,
            detail={"versie": version, "nieuwe_patient": created},
        )
        result = ImportResult(
            patient.id,
            display_name(patient.given_name, patient.name_prefix, patient.family_name),
            version,
            created,
        )
    ctx.changes.publish("careplan", result.patient_id)
    ctx.changes.publish("patient", result.patient_id)
    return result


def _check_same_person(patient: Patient, who: FormIdentity) -> None:
    name = display_name(patient.given_name, patient.name_prefix, patient.family_name)
    if who.birth_date and who.birth_date != patient.birth_date:
        raise ValidationError(
            f"Het formulier hoort bij iemand geboren op {who.birth_date:%d-%m-%Y}, maar {name} "
            f"is geboren op {patient.birth_date:%d-%m-%Y}. Controleer of u de juiste patiënt "
            "en het juiste bestand hebt gekozen."
        )
    if who.family and fold(who.family) != fold(patient.family_name):
        form_name = display_name(who.given, who.prefix, who.family)
        raise ValidationError(
            f"Het formulier staat op naam van {form_name}, niet van {name}. Controleer of u de "
            "juiste patiënt en het juiste bestand hebt gekozen."
        )


def _find_or_create(s: Any, ctx: AppContext, who: FormIdentity) -> tuple[Patient, bool]:
    if not who.family or who.birth_date is None:
        raise ValidationError(
            "Het formulier bevat geen achternaam en geboortedatum van de patiënt, dus de "
            "patiënt kan niet worden gevonden. Geef de patiënt op met --patient ID."
        )
    candidates = [
        p
        for p in s.scalars(
            select(Patient).where(
                Patient.birth_date == who.birth_date, patient_clause(scope_of(s, ctx))
            )
        )
        if fold(p.family_name) == fold(who.family)
        and (not who.given or fold(p.given_name).split()[:1] == fold(who.given).split()[:1])
    ]
    if len(candidates) > 1:
        raise ValidationError(
            f"Er zijn {len(candidates)} patiënten met deze naam en geboortedatum. Geef de juiste "
            "patiënt op met --patient ID."
        )
    if candidates:
        return candidates[0], False
    if not who.given:
        raise ValidationError(
            "Het formulier bevat geen voornaam; een nieuwe patiënt kan niet worden aangemaakt. "
            "Geef de patiënt op met --patient ID."
        )
    practice_id = practice_for_new_patient(s, ctx, None)
    patient = Patient(
        practice_id=practice_id,
        given_name=who.given,
        name_prefix=who.prefix or None,
        family_name=who.family,
        search_name=search_key(who.given, who.prefix or None, who.family),
        birth_date=who.birth_date,
        notes="Aangemaakt bij het inlezen van een ACP-formulier",
    )
    s.add(patient)
    s.flush()
    return patient, True


def export_response(ctx: AppContext, patient_id: int) -> dict:
    """The current care plan as a QuestionnaireResponse of the national form."""
    require(ctx, Action.DOCUMENTS)
    with ctx.unit() as s:
        patient = s.get(Patient, patient_id)
        if patient is None:
            raise NotFoundError(f"Patiënt {patient_id} bestaat niet (meer).")
        given, prefix, family, birth = (
            patient.given_name,
            patient.name_prefix,
            patient.family_name,
            patient.birth_date,
        )
    from pzmdo.services.careplan import current_plan

    plan = current_plan(ctx, patient_id)
    if plan is None:
        raise ValidationError(
            "Deze patiënt heeft nog geen zorgplan; er is niets om te exporteren. Vul eerst het "
            "zorgplan in."
        )
    content = plan.content
    if not content.filled_at:
        content = dataclasses.replace(content, filled_at=plan.effective_on.isoformat())
    response = response_from_content(
        content, given=given, prefix=prefix, family=family, birth_date=birth
    )
    with ctx.unit() as s:
        ctx.audit(s, AuditAction.ACP_EXPORT, patient_id=patient_id, detail={"versie": plan.version})
    return response


def write_export(ctx: AppContext, patient_id: int, out: Path) -> Path:
    """Write the export; the file appears complete or not at all."""
    require(ctx, Action.DOCUMENTS)
    response = export_response(ctx, patient_id)
    out = Path(out)
    if out.is_dir():
        raise ValidationError(
            f"'{out}' is een map. Geef een bestandsnaam op, bijvoorbeeld acp.json."
        )
    if not out.parent.exists():
        raise ValidationError(f"De map '{out.parent}' bestaat niet. Kies een bestaande map.")
    try:
        write_atomic(out, json.dumps(response, ensure_ascii=False, indent=2).encode("utf-8"))
    except OSError as exc:
        raise ValidationError(
            f"Het bestand '{out}' kan niet worden geschreven ({exc.strerror})."
        ) from None
    return out
