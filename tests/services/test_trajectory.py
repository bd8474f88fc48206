"""Trajectory records (issue 17): transfers with warme overdracht, hospice steps, second-line
and nazorg contacts, the nabespreking and its knelpunten list. Real encrypted databases."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from pzmdo.domain.errors import ConflictError, ValidationError
from pzmdo.services import careplan, careteam, directory, register, trajectory
from pzmdo.services.directory import PersonInput
from pzmdo.store.models import AuditEvent, Patient
from pzmdo.store.models.register import FollowUpTask
from pzmdo.store.models.trajectory import Transfer

TODAY = date.today()


def marked(ctx, family: str = "Traject (fictief)", hospital: str | None = None) -> int:
    pid = register.mark_patient(
        ctx,
        register.MarkingInput(
            surprise_answer="nee",
            marked_on=TODAY - timedelta(days=60),
            new_patient=register.PatientInput(
                given_name="Ella",
                family_name=family,
                birth_date=date(1941, 2, 3),
                is_fictional=True,
                hospital=hospital,
            ),  # fmt: skip
            to_agenda=False,
        ),
    )
    return pid


def person(ctx, name: str, discipline: str = "huisarts", big: bool = True) -> int:
    return directory.add_person(
        ctx, PersonInput(name=name, discipline=discipline, big_registered=big)
    ).id


def tasks(ctx, pid: int, kind: str) -> list[FollowUpTask]:
    with ctx.read() as s:
        return list(
            s.scalars(
                select(FollowUpTask).where(
                    FollowUpTask.patient_id == pid, FollowUpTask.kind == kind
                )
            )
        )


def audit_actions(ctx, pid: int) -> list[str]:
    with ctx.read() as s:
        return list(
            s.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.patient_id == pid)
                .order_by(AuditEvent.id)
            )
        )


def hospice_transfer(pid: int, cz: int | None, **kw) -> trajectory.TransferInput:
    base = dict(
        transfer_on=TODAY - timedelta(days=5),
        from_setting="ziekenhuis",
        to_setting="hospice",
        to_name="Hospice De Linde (fictief)",
        reason="Thuis niet meer haalbaar; wens: hospice",
        handed_over_to="Verpleegkundige J. Wit (fictief)",
        handed_over=("zorgplan", "noodblad", "medicatie"),
        confirmed=True,
        new_central_caregiver_id=cz,
    )
    base.update(kw)
    return trajectory.TransferInput(**base)


def test_transfer_with_handover_changes_central_caregiver_in_one_action(ctx):
    pid = marked(ctx)
    gp = person(ctx, "Dr. A. Jansen (fictief)")
    hospice_doctor = person(ctx, "Dr. H. Hospice (fictief)", "specialist_ouderengeneeskunde")
    careteam.set_central_caregiver(ctx, pid, gp, "Eigen huisarts", on=TODAY - timedelta(days=30))
    careplan.add_agreement(ctx, pid, "Geen ziekenhuisopname (fictief)", "fysiek", None)

    info = trajectory.record_transfer(ctx, pid, hospice_transfer(pid, hospice_doctor))

    assert (info.from_label, info.to_label) == ("Ziekenhuis", "Hospice")
    assert info.handed_over_labels == ("Zorgplan", "Noodblad (HAP/ambulance)", "Medicatieoverzicht")
    assert info.careplan_version == 1  # the version that went with the patient
    assert info.confirmed_on == TODAY - timedelta(days=5)
    assert info.new_central_caregiver == "Dr. H. Hospice (fictief)"
    summary = careteam.team_summary(ctx, pid)
    assert summary.central_caregiver is not None
    assert summary.central_caregiver.person.id == hospice_doctor
    assert summary.central_caregiver.start_on == TODAY - timedelta(days=5)
    with ctx.read() as s:
        assert s.get(Patient, pid).central_caregiver_id == hospice_doctor
    steps = trajectory.hospice_steps(ctx, pid)
    assert [(st.step, st.transfer_id) for st in steps] == [("opgenomen", info.id)]
    actions = audit_actions(ctx, pid)
    assert {"transfer", "team_role_set", "hospice_step"} <= set(actions)


def test_transfer_with_invalid_new_caregiver_writes_nothing(ctx):
    pid = marked(ctx)
    poh = person(ctx, "S. Bakker, POH (fictief)", "poh", big=False)
    with pytest.raises(ValidationError, match="BIG"):
        trajectory.record_transfer(ctx, pid, hospice_transfer(pid, poh))
    assert trajectory.list_transfers(ctx, pid) == []
    assert trajectory.hospice_steps(ctx, pid) == []


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"transfer_on": TODAY + timedelta(days=1)}, "toekomst"),
        ({"from_setting": "hospice"}, "Van en naar"),
        ({"to_setting": "maan"}, "Onbekende waarde"),
        ({"reason": ""}, "verplicht"),
        ({"confirmed_by": "", "handed_over_to": ""}, "bevestigde"),
        ({"handed_over": ("zorgplan", "röntgenfoto")}, "wat is overgedragen"),
    ],
)
def test_transfer_is_validated(ctx, kw, message):
    pid = marked(ctx)
    with pytest.raises(ValidationError, match=message):
        trajectory.record_transfer(ctx, pid, hospice_transfer(pid, None, **kw))


def test_transfer_confirmed_later_with_optimistic_version(ctx):
    pid = marked(ctx)
    info = trajectory.record_transfer(
        ctx,
        pid,
        hospice_transfer(
            pid, None, to_setting="ziekenhuis", from_setting="thuis", to_name="Ziekenhuis (fictief)",
            confirmed=False, handed_over=("noodblad",),
        ),
    )  # fmt: skip
    assert info.confirmed_on is None and info.careplan_version is None
    assert trajectory.hospice_steps(ctx, pid) == []  # not a hospice
    done = trajectory.confirm_transfer(
        ctx, info.id, "Afdeling Longziekten (fictief)", expected_version=info.version
    )
    assert done.confirmed_on == TODAY and done.confirmed_by == "Afdeling Longziekten (fictief)"
    with pytest.raises(ConflictError, match="intussen gewijzigd"):
        trajectory.confirm_transfer(ctx, info.id, "X (fictief)", expected_version=info.version)
    with pytest.raises(ValidationError, match="al bevestigd"):
        trajectory.confirm_transfer(ctx, info.id, "X (fictief)")


def test_hospice_referral_steps(ctx):
    pid = marked(ctx)
    trajectory.record_hospice_step(
        ctx, pid, "besproken", TODAY - timedelta(days=10), "De Linde (fictief)"
    )
    trajectory.record_hospice_step(
        ctx, pid, "aangemeld", TODAY - timedelta(days=9), "De Linde (fictief)"
    )
    with pytest.raises(ValidationError, match="overplaatsing naar het hospice"):
        trajectory.record_hospice_step(ctx, pid, "opgenomen", TODAY, "De Linde (fictief)")
    labels = [s.label for s in trajectory.hospice_steps(ctx, pid)]
    assert labels == ["Besproken met patiënt en naasten", "Aangemeld bij het hospice"]


def test_outgoing_second_line_contact_closes_the_inform_task(ctx):
    pid = marked(ctx, hospital="Ziekenhuis Noord (fictief)")
    assert [t.done_on for t in tasks(ctx, pid, "tweede_lijn_informeren")] == [None]
    incoming = trajectory.record_contact(
        ctx,
        pid,
        trajectory.ContactInput(
            TODAY - timedelta(days=2), "inkomend", "brief", "Dr. Long (fictief)",
            "Ontslagbrief na opname", received="markering_acp",
            received_note="Behandelwensen: geen reanimatie",
        ),
    )  # fmt: skip
    assert incoming.closed_task_id is None
    assert [t.done_on for t in tasks(ctx, pid, "tweede_lijn_informeren")] == [None]
    out = trajectory.record_contact(
        ctx,
        pid,
        trajectory.ContactInput(
            TODAY, "uitgaand", "telefoon", "Dr. Long (fictief)", "Markering doorgegeven",
            hospital="Ziekenhuis Noord (fictief)", outcome="Specialist akkoord met beleid",
        ),
    )  # fmt: skip
    task = tasks(ctx, pid, "tweede_lijn_informeren")[0]
    assert out.closed_task_id == task.id and task.done_on == TODAY
    listed = trajectory.list_contacts(ctx, pid)
    assert [c.direction for c in listed] == ["uitgaand", "inkomend"]
    assert listed[1].received_label == "Markering en ACP"
    with pytest.raises(ValidationError, match="het onderwerp"):
        trajectory.record_contact(
            ctx, pid, trajectory.ContactInput(TODAY, "uitgaand", "telefoon", "Dr. X (fictief)", "")
        )


def test_nazorg_record_after_death_closes_task(ctx):
    pid = marked(ctx)
    with pytest.raises(ValidationError, match="eerst het overlijden"):
        trajectory.record_nazorg(ctx, pid, TODAY, "Partner (fictief)", "gesprek")
    register.record_death(ctx, pid, register.DeathInput(TODAY - timedelta(days=3), place="thuis"))
    trajectory.record_nazorg(ctx, pid, TODAY - timedelta(days=1), "Zoon (fictief)", "niet bereikt")
    assert tasks(ctx, pid, "nazorg_naasten")[0].done_on is None  # not reached: still to do
    info = trajectory.record_nazorg(ctx, pid, TODAY, "Zoon (fictief)", "gesprek")
    assert info.outcome_label == "Gesprek gevoerd" and info.by
    assert tasks(ctx, pid, "nazorg_naasten")[0].done_on == TODAY
    assert [n.outcome for n in trajectory.list_nazorg(ctx, pid)] == ["niet_bereikt", "gesprek"]


def review_input(**kw) -> trajectory.ReviewInput:
    base = dict(
        death_expected="ja",
        plan_known_hap="nee",
        plan_known_ambulance="onbekend",
        went_well="Goede overdracht naar het hospice",
        knelpunten=("Zorgplan niet bij de HAP bekend", ""),
        leerpunten=("Noodblad direct naar de HAP sturen",),
    )
    base.update(kw)
    return trajectory.ReviewInput(**base)


def test_nabespreking_lifecycle_and_lessons_without_patient_data(ctx, tmp_path):
    pid = marked(ctx, family="Nabespreking (fictief)")
    content = careplan.current_plan(ctx, pid)
    assert content is None
    with pytest.raises(ValidationError, match="alleen na het overlijden"):
        trajectory.record_review(ctx, pid, review_input())
    register.record_death(
        ctx, pid, register.DeathInput(TODAY - timedelta(days=10), place="hospice")
    )
    facts = trajectory.review_facts(ctx, pid)
    assert (facts.place_of_death, facts.place_as_wished) == ("hospice", "onbekend")

    info = trajectory.record_review(ctx, pid, review_input())
    assert info.knelpunten == ("Zorgplan niet bij de HAP bekend",)
    assert tasks(ctx, pid, "nabespreking")[0].done_on == TODAY
    assert trajectory.get_review(ctx, pid) == info
    # A correction checks the version it started from.
    fixed = trajectory.record_review(
        ctx, pid, review_input(leerpunten=("Noodblad naar HAP", "Eerder VPTZ")),
        expected_version=info.version,
    )  # fmt: skip
    assert fixed.leerpunten == ("Noodblad naar HAP", "Eerder VPTZ")
    with pytest.raises(ConflictError):
        trajectory.record_review(ctx, pid, review_input(), expected_version=info.version)
    with pytest.raises(ValidationError, match="te lang"):
        trajectory.record_review(ctx, pid, review_input(knelpunten=("x" * 301,)))

    summary = trajectory.lessons(ctx, TODAY - timedelta(days=30), TODAY)
    assert summary.reviews == 1 and summary.plan_known_hap == 0
    assert [(r.kind, r.text) for r in summary.rows] == [
        ("knelpunt", "Zorgplan niet bij de HAP bekend"),
        ("leerpunt", "Eerder VPTZ"),
        ("leerpunt", "Noodblad naar HAP"),
    ]
    assert trajectory.lessons(ctx, TODAY + timedelta(days=1), TODAY + timedelta(days=2)).rows == []
    path = trajectory.export_lessons(
        ctx, tmp_path / "knelpunten", TODAY - timedelta(days=30), TODAY
    )
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert rows[0] == ["team", "maand", "soort", "punt"] and len(rows) == 4
    assert "Nabespreking" not in text and "Ella" not in text  # no names
    assert all(len(r) == 4 for r in rows)  # team, month, kind, text: nothing else
    assert "lessons_export" in {a for a in audit_actions_all(ctx)}


def audit_actions_all(ctx) -> list[str]:
    with ctx.read() as s:
        return list(s.scalars(select(AuditEvent.action)))


def test_place_matches_wish_from_care_plan(ctx):
    pid = marked(ctx)
    plan = careplan.current_plan(ctx, pid)
    assert plan is None
    from pzmdo.domain.careplan import CarePlanContent

    careplan.save_plan(
        ctx, pid, CarePlanContent(place_of_death="thuis"), effective_on=TODAY - timedelta(days=20)
    )
    register.record_death(
        ctx, pid, register.DeathInput(TODAY - timedelta(days=1), place="ziekenhuis")
    )
    facts = trajectory.review_facts(ctx, pid)
    assert (facts.wished_place, facts.place_as_wished) == ("thuis", "nee")
    with ctx.read() as s:
        assert s.scalars(select(Transfer)).first() is None


def test_register_facts_reach_the_documents_and_meeting_mode(ctx):
    """Diagnosis, dying phase, capacity and special populations (issue 17 point 7)."""
    from pzmdo.services import documents, meetings

    pid = register.mark_patient(
        ctx,
        register.MarkingInput(
            surprise_answer="nee",
            marked_on=TODAY - timedelta(days=30),
            new_patient=register.PatientInput(
                given_name="Ella",
                family_name="Feiten (fictief)",
                birth_date=date(1941, 2, 3),
                is_fictional=True,
                condition="oncologie",
                condition_note="longcarcinoom",
                wilsbekwaamheid="niet_volledig",
                populations=("laaggeletterd", "ggz"),
            ),  # fmt: skip
            to_agenda=False,
        ),
    )
    register.record_stervensfase(
        ctx, pid, register.StervensfaseInput(judged_by="huisarts", started_on=TODAY)
    )
    data = documents.careplan_data(ctx, pid)
    assert data.diagnosis.endswith(": longcarcinoom") and data.dying_since == TODAY
    assert len(data.populations) == 2 and "Laaggeletterd" in data.populations
    assert data.wilsbekwaamheid
    brief = meetings.patient_brief(ctx, pid)
    assert brief.wilsbekwaamheid == data.wilsbekwaamheid
    assert brief.populations == data.populations


def test_checklist_links_summarise_the_vptz_and_burden_records(ctx):
    from pzmdo.services import meetings

    pid = marked(ctx, "Checklist (fictief)")
    links = dict(meetings.patient_brief(ctx, pid).checklist_links)
    assert links == {
        "vptz": "VPTZ: nog geen stap vastgelegd",
        "mantelzorg": "nog geen belastingscheck vastgelegd",
    }
    naaste = careteam.add_naaste(
        ctx, pid, careteam.NaasteInput(name="Partner (fictief)", relation="partner")
    )
    careteam.add_burden_check(
        ctx, naaste, TODAY - timedelta(days=1), "mantelzorgbalans", "verhoogd"
    )
    careteam.add_vptz_event(ctx, pid, "aangeboden", TODAY, "VPTZ Noord (fictief)")
    links = dict(meetings.patient_brief(ctx, pid).checklist_links)
    assert links["vptz"] == f"VPTZ: aangeboden op {TODAY:%d-%m-%Y}"
    assert links["mantelzorg"].startswith("belastingscheck Partner (fictief): verhoogd op")
