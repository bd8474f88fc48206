"""Directory, care team with dated history, naasten, burden checks, VPTZ, PZP conversations."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pzmdo.domain.errors import ValidationError
from pzmdo.services import careteam, directory
from pzmdo.services.directory import PersonInput
from pzmdo.store.models import Patient
from tests.services.test_careplan import new_patient


def person(ctx, name: str, discipline: str = "huisarts", big: bool = True) -> int:
    return directory.add_person(
        ctx, PersonInput(name=name, discipline=discipline, big_registered=big)
    ).id


def test_directory_validates_agb_and_big(ctx):
    info = directory.add_person(
        ctx,
        PersonInput(
            name="Dr. Ü. Özdemir (fictief)",
            discipline="Specialist ouderengeneeskunde",
            organisation="Zorggroep Voorbeeld (fictief)",
            phone="0592-111111",
            phone_out_of_hours="0592-999999",
            agb_code="0123 4567",
            big_registered=True,
            big_number="12345678901",
        ),
    )
    assert info.agb_code == "01234567" and info.discipline == "specialist_ouderengeneeskunde"
    with pytest.raises(ValidationError, match="AGB-code bestaat uit precies 8 cijfers"):
        directory.add_person(ctx, PersonInput("X (fictief)", "poh", agb_code="1234"))
    with pytest.raises(ValidationError, match="BIG-nummer bestaat uit 11 cijfers"):
        directory.add_person(
            ctx, PersonInput("X (fictief)", "poh", big_registered=True, big_number="12")
        )
    with pytest.raises(ValidationError, match="Kies uit"):
        directory.add_person(ctx, PersonInput("X (fictief)", "tandarts"))
    names = [p.name for p in directory.list_persons(ctx, ["specialist_ouderengeneeskunde"])]
    assert names == ["Dr. Ü. Özdemir (fictief)"]


def test_central_caregiver_must_be_big_and_changes_keep_history(ctx):
    pid = new_patient(ctx)
    poh = person(ctx, "S. Bakker, POH (fictief)", "poh", big=False)
    gp1 = person(ctx, "Dr. A. Jansen (fictief)")
    gp2 = person(ctx, "Dr. M. de Vries (fictief)")
    with pytest.raises(ValidationError, match="BIG-geregistreerde professional"):
        careteam.set_central_caregiver(ctx, pid, poh, "POH doet de coördinatie")
    assert careteam.team_summary(ctx, pid).central_caregiver is None

    day1 = date.today() - timedelta(days=30)
    careteam.set_central_caregiver(ctx, pid, gp1, "Eigen huisarts", on=day1)
    careteam.set_central_caregiver(ctx, pid, gp2, "Huisarts met pensioen")
    with ctx.unit() as s:
        assert s.get(Patient, pid).central_caregiver_id == gp2

    history = [h for h in careteam.team_history(ctx, pid) if h.role == "centrale_zorgverlener"]
    assert [(h.person.id, h.start_on, h.end_on) for h in history] == [
        (gp2, date.today(), None),
        (gp1, day1, date.today()),
    ]
    assert history[1].end_reason == "Huisarts met pensioen"
    assert history[0].start_reason == "Huisarts met pensioen"
    summary = careteam.team_summary(ctx, pid)
    assert summary.central_caregiver.person.id == gp2
    assert not any("centrale zorgverlener" in w for w in summary.warnings)

    with pytest.raises(ValidationError, match="reden"):
        careteam.set_central_caregiver(ctx, pid, gp1, "   ")
    # the BIG flag cannot be switched off while someone is centrale zorgverlener
    with pytest.raises(ValidationError, match="Draag die rol eerst over"):
        directory.update_person(
            ctx, gp2, PersonInput("Dr. M. de Vries (fictief)", "huisarts", big_registered=False)
        )
    with pytest.raises(ValidationError, match="Draag die rol eerst over"):
        directory.set_active(ctx, gp2, False)


def test_roles_members_and_register_flag(ctx):
    pid = new_patient(ctx)
    with ctx.unit() as s:
        s.get(Patient, pid).status = "gemarkeerd"
    assert pid in careteam.missing_central_caregiver(ctx)
    gp = person(ctx, "Dr. A. Jansen (fictief)")
    poh = person(ctx, "S. Bakker, POH (fictief)", "poh", big=False)
    nurse = person(ctx, "L. Visser (fictief)", "wijkverpleegkundige")
    careteam.set_central_caregiver(ctx, pid, gp, "Eigen huisarts")
    careteam.set_role_holder(ctx, pid, "eerste_aanspreekpunt", poh, "POH belt wekelijks")
    careteam.set_role_holder(ctx, pid, "casemanager", nurse, "Casemanager dementie")
    careteam.add_member(ctx, pid, nurse, "teamlid")
    assert pid not in careteam.missing_central_caregiver(ctx)
    summary = careteam.team_summary(ctx, pid)
    assert summary.first_contact.person.id == poh
    assert summary.casemanager.person.id == nurse
    assert [m.role for m in summary.members] == [
        "centrale_zorgverlener",
        "eerste_aanspreekpunt",
        "casemanager",
        "teamlid",
    ]
    teamlid = summary.members[-1]
    careteam.end_membership(ctx, teamlid.membership_id, "Zorg overgedragen")
    assert len(careteam.team_summary(ctx, pid).members) == 3


def test_naasten_burden_vptz_and_conversations(ctx):
    pid = new_patient(ctx)
    gp = person(ctx, "Dr. A. Jansen (fictief)")
    anna = careteam.add_naaste(
        ctx,
        pid,
        careteam.NaasteInput(
            "Anna Berg (fictief)", "dochter", is_mantelzorger=True, is_first_contact=True
        ),
    )
    kees = careteam.add_naaste(
        ctx, pid, careteam.NaasteInput("Kees (fictief)", "partner", is_first_contact=True)
    )
    naasten = {n.id: n for n in careteam.list_naasten(ctx, pid)}
    assert naasten[kees].is_first_contact and not naasten[anna].is_first_contact
    with pytest.raises(ValidationError, match="welke relatie"):
        careteam.add_naaste(ctx, pid, careteam.NaasteInput("X (fictief)", "anders"))

    with pytest.raises(ValidationError, match="EDIZ-score"):
        careteam.add_burden_check(ctx, anna, date.today(), "ediz", "verhoogd", score="40")
    with pytest.raises(ValidationError, match="welke actie"):
        careteam.add_burden_check(ctx, anna, date.today(), "vrije_vraag", "overbelast")
    careteam.add_burden_check(
        ctx, anna, date.today(), "vrije_vraag", "overbelast", "nog 2 weken", "VPTZ aanbieden"
    )
    summary = careteam.team_summary(ctx, pid)
    assert any("overbelast" in w for w in summary.warnings)

    with pytest.raises(ValidationError, match="organisatie"):
        careteam.add_vptz_event(ctx, pid, "aangevraagd", date.today())
    careteam.add_vptz_event(ctx, pid, "aangeboden", date.today() - timedelta(days=2))
    careteam.add_vptz_event(ctx, pid, "aangevraagd", date.today(), "VPTZ Regio (fictief)")
    assert [v.status for v in careteam.vptz_history(ctx, pid)] == ["aangeboden", "aangevraagd"]
    assert careteam.team_summary(ctx, pid).vptz.status == "aangevraagd"

    assert careteam.team_summary(ctx, pid).pzp_started_on is None
    first = date.today() - timedelta(days=10)
    careteam.add_conversation(
        ctx,
        pid,
        careteam.ConversationInput(
            first, gp, "Eerste gesprek over wensen.", ("waarden", "behandelgrenzen"), True, (anna,)
        ),
    )
    careteam.add_conversation(
        ctx, pid, careteam.ConversationInput(date.today(), gp, "Vervolg.", ("plek_van_zorg",))
    )
    convs = careteam.list_conversations(ctx, pid)
    assert [c.is_first for c in convs] == [False, True]
    assert convs[1].present_text() == "patiënt, dochter (Anna Berg (fictief))"
    assert careteam.team_summary(ctx, pid).pzp_started_on == first
    with pytest.raises(ValidationError, match="samenvatting"):
        careteam.add_conversation(ctx, pid, careteam.ConversationInput(date.today(), gp, " "))
