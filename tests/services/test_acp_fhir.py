"""Exchange of the care plan with the national IKNL ACP form (FHIR R4 QuestionnaireResponse)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pzmdo.domain.errors import ValidationError
from pzmdo.services import acp_fhir, careplan
from tests.support.shared import shared_path

IKNL = shared_path("standards", "iknl-pzp")
QUESTIONNAIRE = IKNL / "Questionnaire-ACP-zib2020.json"
EXAMPLE = IKNL / "QuestionnaireResponse-HendrikHartman-20201001.json"

pytestmark = pytest.mark.needs_shared


def answers_by_link(items: list[dict], path: tuple[str, ...] = ()) -> list[tuple]:
    """(linkId path, answer value) pairs, nested answers included, sorted."""
    out: list[tuple] = []
    for item in items:
        here = (*path, item["linkId"])
        for answer in item.get("answer", []):
            value = {k: v for k, v in answer.items() if k != "item"}
            out.append((here, json.dumps(value, sort_keys=True, ensure_ascii=False)))
            out += answers_by_link(answer.get("item", []), here)
        out += answers_by_link(item.get("item", []), here)
    return sorted(out)


def questionnaire_index() -> dict[str, dict]:
    q = json.loads(QUESTIONNAIRE.read_text(encoding="utf-8"))
    index: dict[str, dict] = {}

    def walk(items: list[dict], parent: str | None) -> None:
        for it in items:
            index[it["linkId"]] = {**it, "_parent": parent}
            walk(it.get("item", []), it["linkId"])

    walk(q["item"], None)
    return index


def check_against_questionnaire(items: list[dict], parent: str | None = None) -> int:
    """Every linkId exists, sits under its form parent, and has an allowed answer type/code."""
    index = questionnaire_index()
    count = 0

    def walk(items: list[dict], parent: str | None) -> None:
        nonlocal count
        seen: dict[str, int] = {}
        for item in items:
            link = item["linkId"]
            assert link in index, f"linkId {link} is not in the Questionnaire"
            q = index[link]
            assert q["_parent"] == parent, f"{link} under {parent}, form has {q['_parent']}"
            seen[link] = seen.get(link, 0) + 1
            answers = item.get("answer", [])
            if q["type"] == "group":
                assert not answers, f"group {link} has answers"
            if len(answers) > 1 or seen[link] > 1:
                assert q.get("repeats"), f"{link} repeats but the form does not allow it"
            for answer in answers:
                count += 1
                value_keys = [k for k in answer if k.startswith("value")]
                assert len(value_keys) == 1
                key = value_keys[0]
                if q["type"] in ("choice", "open-choice"):
                    if key == "valueString":
                        assert q["type"] == "open-choice", f"{link}: string in a choice"
                    else:
                        assert key == "valueCoding", f"{link}: {key}"
                        allowed = {
                            (o["valueCoding"].get("system"), o["valueCoding"]["code"])
                            for o in q.get("answerOption", [])
                        }
                        coding = answer["valueCoding"]
                        assert (coding.get("system"), coding["code"]) in allowed, (
                            f"{link}: code {coding} not allowed"
                        )
                elif q["type"] == "string":
                    assert key == "valueString", f"{link}: {key}"
                elif q["type"] == "dateTime":
                    assert key == "valueDateTime", f"{link}: {key}"
                else:  # pragma: no cover - the form uses only these types
                    raise AssertionError(q["type"])
                walk(answer.get("item", []), link)
            walk(item.get("item", []), link)

    walk(items, parent)
    return count


def empty_strings(node: object, path: str = "") -> list[str]:
    """Where a resource carries an empty string (FHIR forbids them)."""
    if isinstance(node, str):
        return [path] if not node.strip() else []
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in empty_strings(v, f"{path}.{k}")]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in empty_strings(v, f"{path}[{i}]")]
    return []


def validate_fhir(resource: dict) -> None:
    """Valid FHIR R4 (the R4B models of fhir.resources: QuestionnaireResponse is the same),
    no empty strings, and every item's text is the form's own text."""
    assert resource["resourceType"] == "QuestionnaireResponse"
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

    QuestionnaireResponse.model_validate(resource)  # raises on any violation
    assert empty_strings(resource) == []
    index = questionnaire_index()

    def walk(items: list[dict]) -> None:
        for item in items:
            if "text" in item:  # the form's own text (a no-break space counts as a space)
                ours, form = item["text"].split(), index[item["linkId"]]["text"].split()
                assert ours == form, item["linkId"]
            walk(item.get("item", []))
            for answer in item.get("answer", []):
                walk(answer.get("item", []))

    walk(resource["item"])


def test_example_round_trip_same_answers_and_valid(ctx, tmp_path):
    original = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    result = acp_fhir.import_response(ctx, acp_fhir.read_file(EXAMPLE))
    assert result.created_patient and result.version == 1
    assert result.patient_name == "Hendrik Hartman"

    plan = careplan.current_plan(ctx, result.patient_id)
    assert plan is not None
    c = plan.content
    # a few values read into the plan's own fields
    assert c.reanimatie.decision == "ja" and c.overige.decision == "nee"
    assert c.place_of_death == "nog_onbekend" and c.euthanasia == "nog_onbekend"
    assert c.icd == "ja" and c.icd_off == "niet_besproken"
    assert c.representative.name.given == "Michiel" and c.representative.relation == "broer"
    assert c.reanimatie.discussed_on == date(2020, 10, 1)
    assert plan.effective_on == date(2020, 10, 1)

    out = acp_fhir.write_export(ctx, result.patient_id, tmp_path / "export.json")
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert answers_by_link(exported["item"]) == answers_by_link(original["item"])
    assert check_against_questionnaire(exported["item"]) == len(answers_by_link(original["item"]))
    validate_fhir(exported)
    validate_fhir(original)  # the IKNL example itself, as the yardstick

    # importing it again, into the same (found) patient, is the same plan: "ongewijzigd"
    again = acp_fhir.import_response(ctx, exported)
    assert again.unchanged and again.version == 1 and not again.created_patient
    assert again.patient_id == result.patient_id
    assert careplan.current_plan(ctx, result.patient_id).version == 1


def test_example_itself_passes_the_conformance_check():
    original = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert check_against_questionnaire(original["item"]) > 30


def test_full_plan_export_is_valid_and_reimports_equal(ctx):
    from pzmdo.domain import careplan as cp
    from tests.services.test_careplan import full_content, new_patient

    pid = new_patient(ctx)
    content = full_content()
    careplan.save_plan(ctx, pid, content)
    exported = acp_fhir.export_response(ctx, pid)
    check_against_questionnaire(exported["item"])
    validate_fhir(exported)
    back, who = acp_fhir.content_from_response(exported)
    assert who.family == "Test (fictief)"
    # the form carries everything of the national form; our extra parts stay local
    local_only = {
        "fysiek", "psychisch", "sociaal", "zingeving", "scenarios", "acute", "other_agreements",
        "form_birth",
    }  # fmt: skip
    for f in cp.dataclasses.fields(cp.CarePlanContent):
        if f.name in local_only:
            continue
        if f.name in cp.LIMIT_KEYS:
            mine, theirs = getattr(content, f.name), getattr(back, f.name)
            assert (mine.decision, mine.restriction, mine.note, mine.treatment) == (
                theirs.decision,
                theirs.restriction,
                theirs.note,
                theirs.treatment,
            ), f.name
            continue
        assert getattr(back, f.name) == getattr(content, f.name), f.name


def test_refuses_files_that_are_not_the_form(ctx, tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="geen leesbaar JSON"):
        acp_fhir.read_file(bad)
    with pytest.raises(ValidationError, match="geen FHIR QuestionnaireResponse"):
        acp_fhir.import_response(ctx, {"resourceType": "Patient"})
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["item"][0]["answer"][0]["valueDateTime"] = "gisteren"
    with pytest.raises(ValidationError, match="geen geldige datum"):
        acp_fhir.import_response(ctx, data)
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert data["item"][6]["item"][1]["linkId"] == "999"
    data["item"][6]["item"][1]["answer"][0]["valueCoding"]["code"] = "12345"
    with pytest.raises(ValidationError, match="landelijke ACP-formulier niet kent"):
        acp_fhir.import_response(ctx, data)
    # nothing was half-written: no patient, no plan
    from pzmdo.store.models import Patient
    from pzmdo.store.models.careplan import CarePlanVersion

    with ctx.unit() as s:
        assert s.query(Patient).count() == 0
        assert s.query(CarePlanVersion).count() == 0
