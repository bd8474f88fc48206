"""Export: CarePlanContent → FHIR QuestionnaireResponse of the ACP form."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from pzmdo.domain import careplan as cp
from pzmdo.domain.careplan import (
    CarePlanContent,
    Contact,
    Option,
    PersonName,
)
from pzmdo.services.acp_fhir.form import (
    FIRST_CONTACT_LINKS,
    FIXED,
    LIMITS,
    PATIENT_PRESENT,
    QUESTIONNAIRE,
    QUESTIONNAIRE_VERSION,
    REPRESENTATIVE_LINKS,
    TEXT,
)

# ---------------------------------------------------------------------------------------
# Export


def _coding(opt: Option) -> dict[str, Any]:
    coding: dict[str, Any] = {}
    if opt.system:
        coding["system"] = opt.system
    coding["code"] = opt.fhir_code
    coding["display"] = opt.display
    return coding


def _q(
    link: str,
    answers: list[dict[str, Any]] | None = None,
    items: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    node: dict[str, Any] = {"linkId": link}
    if TEXT.get(link):  # FHIR forbids empty strings: no text rather than ""
        node["text"] = TEXT[link]
    if answers:
        node["answer"] = answers
    if items:
        node["item"] = items
    return node


def _group(
    link: str, items: list[dict[str, Any] | None], text: str | None = None
) -> dict[str, Any] | None:
    kept = [i for i in items if i]
    if not kept:
        return None
    node = _q(link, items=kept)
    if text is not None:
        node["text"] = text
    return node


def _string(link: str, value: str) -> dict[str, Any] | None:
    return _q(link, [{"valueString": value}]) if value else None


def _choice(
    link: str,
    answer_set: cp.AnswerSet,
    code: str | None,
    children: Sequence[dict[str, Any] | None] = (),
) -> dict[str, Any] | None:
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
) -> dict[str, Any] | None:
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


def _instant(text: str | None) -> dict[str, Any] | None:
    return {"valueDateTime": cp.normalise_instant(text)} if text else None


def _name_items(
    name: PersonName, given: str, prefix: str, family: str
) -> list[dict[str, Any] | None]:
    return [_string(given, name.given), _string(prefix, name.prefix), _string(family, name.family)]


def _contact_items(
    contact: Contact, links: tuple[str, ...]
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    name_g, given, prefix, family, ph_g, num, kind, use, note, em_g, addr, em_use = links
    name = _group(name_g, _name_items(contact.name, given, prefix, family))
    details: list[dict[str, Any] | None] = []
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
) -> dict[str, Any]:
    """A QuestionnaireResponse of the national form holding ``content``."""
    c = content
    items: list[dict[str, Any] | None] = []
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
    limits: list[dict[str, Any] | None] = []
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
    icd_children: list[dict[str, Any] | None] = []
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


def _fixed_item(link: str) -> dict[str, Any]:
    return _q(link, [{"valueCoding": _coding(FIXED[link])}])
