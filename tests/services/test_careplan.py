"""Care plan versions: immutable, diffable, with "actueel per"; add_agreement contract."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from sqlalchemy import select, text

from pzmdo.domain import careplan as cp
from pzmdo.domain.errors import ConflictError, ValidationError
from pzmdo.services import careplan
from pzmdo.services.context import AppContext
from pzmdo.store.models import Patient, Practice


def new_patient(ctx: AppContext, family: str = "Test (fictief)") -> int:
    with ctx.unit() as s:
        p = Patient(
            practice_id=s.scalar(select(Practice.id).order_by(Practice.id)),
            given_name="Ëlla",
            family_name=family,
            search_name=family.lower(),
            birth_date=date(1940, 5, 17),
            is_fictional=True,
        )
        s.add(p)
        s.flush()
        return p.id


def full_content() -> cp.CarePlanContent:
    """Every item of the national form filled in (fictional)."""
    lim = cp.TreatmentLimit
    return cp.CarePlanContent(
        filled_at="2026-11-20T09:15:00.000Z",
        conducted_by=cp.PersonName("Anna", "de", "Vries (fictief)"),
        conducted_by_function="huisarts",
        capable="nee",
        capable_note="Wisselend helder",
        representative=cp.Contact(
            name=cp.PersonName("Jörg", "van der", "Berg (fictief)"),
            phones=(cp.Phone("06-00000000", "mobiel", "thuis", "liefst na 18 uur"),),
            emails=(cp.Email("jorg@example.invalid", "prive"),),
            relation="anders",
            relation_other="neef",
        ),
        representative_roles=("mentor", "anders"),
        representative_role_other="via rechtbank",
        representative_is_first_contact="nee",
        first_contact=cp.Contact(
            name=cp.PersonName("Zoë", "", "Berg (fictief)"),
            phones=(cp.Phone("0592-000000", "vast", "thuis", ""),),
            relation="dochter",
        ),
        present_patient=True,
        present_roles=("mentor", "anders"),
        present_role_other="buurvrouw",
        present_relations=("dochter", "anders"),
        present_relation_other="kleinzoon",
        goal="palliatief_symptoomverlichting",
        reanimatie=lim("nee", "", "Uitdrukkelijke wens", date(2026, 11, 20)),
        beademing=lim("nee"),
        ic_opname=lim("ja_beperkt", "alleen kort, max. 48 uur", "", date(2026, 11, 1)),
        ziekenhuisopname=lim("ja"),
        antibiotica=lim("onbekend", "", "nog bespreken"),
        bloedproducten=lim("ja"),
        overige=lim("nee", "", "geen sondevoeding", None, "sondevoeding"),
        icd="ja",
        icd_note="sinds 2019",
        icd_off="ja",
        icd_off_note="uitzetten bij start stervensfase",
        wishes="Wil thuis blijven; katholiek, wil de pastoor zien.",
        place_of_death="thuis",
        place_of_death_note="in eigen bed",
        euthanasia="mogelijk_verzoek",
        euthanasia_note="wil er later over praten",
        organ_donation="nee",
        other_important="Kleinkinderen zien",
        earlier_agreements="ja",
        earlier_agreements_note="wilsverklaring 2015",
        earlier_differ="nee",
        informed_responsibility="ja",
        share_consent="akkoord",
        fysiek=cp.DimensionPlan("pijn", "pijnvrij", "morfine pomp", "wijkverpleging"),
        scenarios=(cp.Scenario("benauwd", "morfine s.c. en HAP bellen", "mantelzorger"),),
        acute=cp.AcuteAgreements(True, "Geen opname gewenst", "Niet reanimeren"),
    )


def test_edit_one_limit_makes_version_2_and_history_shows_exactly_that(ctx):
    pid = new_patient(ctx)
    v1 = careplan.save_plan(ctx, pid, full_content(), note="eerste versie")
    assert v1 == 1
    first = careplan.current_plan(ctx, pid)
    assert first is not None and first.version == 1 and first.effective_on == date.today()

    changed = dataclasses.replace(
        first.content,
        antibiotica=dataclasses.replace(first.content.antibiotica, decision="nee"),
    )
    v2 = careplan.save_plan(ctx, pid, changed, expected_version=1)
    assert v2 == 2

    old = careplan.get_version(ctx, pid, 1)
    assert old.content == full_content() and not old.is_current
    assert old.content.antibiotica.decision == "onbekend"
    now = careplan.current_plan(ctx, pid)
    assert now is not None and now.version == 2 and now.is_current
    changes = careplan.diff_versions(ctx, pid, 1, 2)
    assert changes == [cp.Change("Behandeling met antibiotica › besluit", "Onbekend", "Nee")]
    assert [v.version for v in careplan.list_versions(ctx, pid)] == [2, 1]
    assert "actueel per" in now.header_text()


def test_versions_are_immutable_in_the_database(ctx):
    pid = new_patient(ctx)
    careplan.save_plan(ctx, pid, full_content())
    refused = "immutable|append-only"  # SQLite's and PostgreSQL's trigger
    with pytest.raises(Exception, match=refused), ctx.unit() as s:
        s.execute(text("UPDATE care_plan_version SET content = '{}'"))
    with pytest.raises(Exception, match=refused), ctx.unit() as s:
        s.execute(text("DELETE FROM care_plan_version"))
    assert careplan.current_plan(ctx, pid).content == full_content()


def test_nog_onbekend_is_distinct_from_not_filled_in(ctx):
    pid = new_patient(ctx)
    careplan.save_plan(ctx, pid, cp.CarePlanContent(place_of_death="nog_onbekend"))
    plan = careplan.current_plan(ctx, pid)
    assert plan.content.place_of_death == "nog_onbekend"
    assert plan.content.euthanasia is None
    flat = cp.flatten(plan.content)
    assert flat["Gewenste plek van overlijden"] == "Nog onbekend"
    assert not any(k.startswith("Euthanasie") for k in flat)


def test_bad_plans_are_refused_with_dutch_messages_and_nothing_written(ctx):
    pid = new_patient(ctx)
    bad = [
        (cp.CarePlanContent(reanimatie=cp.TreatmentLimit("ja_beperkt")), "welke beperkingen"),
        (cp.CarePlanContent(goal="weet niet"), "geen geldig antwoord"),
        (cp.CarePlanContent(icd="nee", icd_off="ja"), "alleen als de patiënt een ICD"),
        (cp.CarePlanContent(scenarios=(cp.Scenario("koorts", ""),)), "Scenario 1"),
        (
            cp.CarePlanContent(
                reanimatie=cp.TreatmentLimit("nee", discussed_on=date.today() + timedelta(1))
            ),
            "toekomst",
        ),
        (cp.CarePlanContent(overige=cp.TreatmentLimit("ja_beperkt", "x")), "alleen Ja, Nee"),
        (cp.CarePlanContent(euthanasia_note="x"), "toelichting maar geen antwoord"),
    ]
    for content, message in bad:
        with pytest.raises(ValidationError, match=message):
            careplan.save_plan(ctx, pid, content)
    assert careplan.current_plan(ctx, pid) is None


def test_concurrent_edit_is_refused(ctx):
    pid = new_patient(ctx)
    careplan.save_plan(ctx, pid, cp.CarePlanContent(goal="curatief"))
    careplan.save_plan(ctx, pid, cp.CarePlanContent(goal="nog_onbekend"), expected_version=1)
    with pytest.raises(ConflictError, match="intussen gewijzigd"):
        careplan.save_plan(ctx, pid, cp.CarePlanContent(wishes="x"), expected_version=1)


def test_add_agreement_contract(ctx):
    pid = new_patient(ctx)
    assert careplan.add_agreement(ctx, pid, "Morfine-pomp regelen", "fysiek", "POH") == 1
    assert careplan.add_agreement(ctx, pid, "Familiegesprek plannen") == 2
    v = careplan.add_agreement(ctx, pid, "Pastor uitnodigen", "Zingeving")
    plan = careplan.current_plan(ctx, pid)
    assert v == 3 and plan.version == 3
    assert plan.content.fysiek.agreements == "Morfine-pomp regelen (wie: POH)"
    assert plan.content.zingeving.agreements == "Pastor uitnodigen"
    assert plan.content.other_agreements == "Familiegesprek plannen"
    with pytest.raises(ValidationError, match="geen dimensie"):
        careplan.add_agreement(ctx, pid, "x", "medisch")
