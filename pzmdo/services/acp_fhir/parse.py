"""Import: FHIR QuestionnaireResponse of the ACP form → CarePlanContent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pzmdo.domain import careplan as cp
from pzmdo.domain.careplan import (
    CarePlanContent,
    Contact,
    Email,
    PersonName,
    Phone,
    TreatmentLimit,
)
from pzmdo.domain.errors import ValidationError
from pzmdo.services.acp_fhir.form import (
    FIRST_CONTACT_LINKS,
    LIMITS,
    PATIENT_PRESENT,
    QUESTIONNAIRE,
    REPRESENTATIVE_LINKS,
)

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

    def __init__(self, items: list[dict[str, Any]]) -> None:
        self.items = items

    def nodes(self, link: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []

        def walk(items: list[dict[str, Any]]) -> None:
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

    def sub(self, node: dict[str, Any]) -> _Reader:
        children = list(node.get("item") or [])
        for ans in node.get("answer") or []:
            children += ans.get("item") or []
        return _Reader(children)

    def answers(self, link: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
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


def _match(link: str, answer_set: cp.AnswerSet, coding: dict[str, Any]) -> str:
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
    limits: dict[str, Any] = {}
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
