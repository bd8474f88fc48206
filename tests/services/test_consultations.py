"""Consultation service on a real encrypted database: request, lifecycle, overviews, agenda."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from pzmdo.domain.agenda import AgendaReason
from pzmdo.domain.consultations import ALLOWED, ConsultStatus
from pzmdo.domain.enums import Role
from pzmdo.domain.errors import NotFoundError, TransitionError, ValidationError
from pzmdo.services import careplan, meetings
from pzmdo.services import consultations as svc
from pzmdo.services.context import AppContext
from pzmdo.store.models import AuditEvent, Patient, Person, Practice
from pzmdo.store.models.consultations import Consultation
from tests.support.roles import with_roles

AMS = ZoneInfo("Europe/Amsterdam")


def local(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=AMS)


def add_patient(ctx: AppContext, given: str = "Ëlla", family: str = "Testpersoon (fictief)") -> int:
    with ctx.unit() as s:
        p = Patient(
            practice_id=s.scalar(select(Practice.id).order_by(Practice.id)),
            given_name=given,
            family_name=family,
            search_name=f"{family} {given}".lower(),
            birth_date=date(1940, 3, 1),
            status="gemarkeerd",
            is_fictional=True,
        )
        s.add(p)
        s.flush()
        return p.id


def add_person(ctx: AppContext, name: str, discipline: str = "specialist_pz") -> int:
    with ctx.unit() as s:
        p = Person(name=name, discipline=discipline, phone="0592-000555")
        s.add(p)
        s.flush()
        return p.id


@pytest.fixture
def ctx(ctx: AppContext) -> AppContext:
    """A GP who is also kaderarts palliatieve zorg: requests and gives advice."""
    return with_roles(ctx, Role.SPECIALIST_PZ)


@pytest.fixture
def world(ctx: AppContext) -> dict[str, int]:
    consultant = add_person(ctx, "Dr. K. Consulent (fictief)")
    team = svc.save_team(
        ctx,
        None,
        name="STOP Zuid (fictief)",
        team_type="stop",
        subregion="Zuid",
        phone_office="0592-000101",
        phone_anw="0592-000199",
        member_ids=[consultant],
    )
    return {"patient": add_patient(ctx), "team": team, "consultant": consultant}


def request(ctx: AppContext, world: dict[str, int], at: datetime | None = None, **kw) -> int:
    args = {
        "team_id": world["team"],
        "question": "Pijnbestrijding bij doorbraakpijn (fictief)",
        "mode": "telefonisch",
        "complexity": "middel",
        "dimensions": ["fysiek", "psychisch"],
        "requested_at": at,
    }
    args.update(kw)
    return svc.request_consultation(ctx, world["patient"], **args)


def snapshot(ctx: AppContext, cid: int) -> tuple:
    with ctx.db.session() as s:
        c = s.get(Consultation, cid)
        row = tuple(
            getattr(c, col.key) for col in Consultation.__table__.columns if col.key != "team"
        )
        audits = s.scalar(select(func.count()).select_from(AuditEvent))
        return row, audits


def bring_to(ctx: AppContext, cid: int, status: ConsultStatus) -> None:
    if status is ConsultStatus.AANGEVRAAGD:
        return
    if status is ConsultStatus.GEANNULEERD:
        svc.cancel_consultation(ctx, cid, "Vraag vervallen (fictief)")
        return
    svc.start_consultation(ctx, cid)
    if status is ConsultStatus.IN_BEHANDELING:
        return
    svc.record_advice(ctx, cid, "Start oxycodon 5 mg zo nodig (fictief)")
    if status is ConsultStatus.AFGESLOTEN:
        svc.close_consultation(ctx, cid)


def test_request_shows_on_patient_and_in_open_list(ctx, world):
    saturday = local(2025, 11, 22, 10, 30)
    cid = request(ctx, world, saturday)
    [info] = svc.list_consultations(ctx, world["patient"])
    assert info.id == cid
    assert info.status_label == "Aangevraagd"
    assert info.time_window == "anw" and info.phone == "0592-000199"
    assert info.dimension_labels == ("Fysiek", "Psychisch")
    assert info.requested_by_name == "Bea Beheer (fictief)"
    assert [i.id for i in svc.list_consultations(ctx, open_only=True)] == [cid]
    # An office-hours request shows the office number.
    cid2 = request(ctx, world, local(2025, 11, 24, 10, 0))
    assert svc.get_consultation(ctx, cid2).phone == "0592-000101"
    # Reading a patient's consultations is audited as a read of the record.
    with ctx.db.session() as s:
        actions = s.scalars(
            select(AuditEvent.action).where(AuditEvent.patient_id == world["patient"])
        ).all()
    assert "consult_request" in actions and "patient_open" in actions


@pytest.mark.parametrize("current", list(ConsultStatus))
def test_every_illegal_transition_is_refused_and_nothing_stored(ctx, world, current):
    cid = request(ctx, world, local(2025, 11, 20, 10, 0))
    bring_to(ctx, cid, current)
    assert svc.get_consultation(ctx, cid).status == current.value
    illegal = [t for t in ConsultStatus if t not in ALLOWED[current]]
    assert illegal
    for target in illegal:
        before = snapshot(ctx, cid)
        with pytest.raises(TransitionError) as err:
            svc.change_status(ctx, cid, target, text="tekst (fictief)")
        assert "consultatie" in str(err.value).lower()
        assert snapshot(ctx, cid) == before, f"{current} → {target} changed something"
    # The dedicated calls refuse as well (except record_advice from aangevraagd, which
    # walks the legal path aangevraagd → in behandeling → advies gegeven).
    calls = {
        ConsultStatus.IN_BEHANDELING: lambda: svc.start_consultation(ctx, cid),
        ConsultStatus.AFGESLOTEN: lambda: svc.close_consultation(ctx, cid),
        ConsultStatus.GEANNULEERD: lambda: svc.cancel_consultation(ctx, cid, "reden (fictief)"),
        ConsultStatus.ADVIES_GEGEVEN: lambda: svc.record_advice(ctx, cid, "advies (fictief)"),
    }
    for target, call in calls.items():
        if target not in illegal or (
            target is ConsultStatus.ADVIES_GEGEVEN and current is ConsultStatus.AANGEVRAAGD
        ):
            continue
        before = snapshot(ctx, cid)
        with pytest.raises(TransitionError):
            call()
        assert snapshot(ctx, cid) == before


def test_full_lifecycle_timestamps_and_response_time_across_weekend(ctx, world):
    friday = local(2025, 11, 21, 16, 0)
    cid = request(ctx, world, friday)
    info = svc.start_consultation(
        ctx, cid, at=local(2025, 11, 21, 16, 45), consultant_person_id=world["consultant"]
    )
    assert info.status == "in_behandeling" and info.consultant_name == "Dr. K. Consulent (fictief)"
    info = svc.record_advice(
        ctx, cid, "- Start oxycodon\n- Bespreek zorgen partner", at=local(2025, 11, 24, 10, 0)
    )
    assert info.status == "advies_gegeven"
    assert info.response_hours == pytest.approx(66)
    assert info.response_working_days == pytest.approx(0.75)
    assert not info.overdue and not info.is_open
    assert info.advice_by_name == "Dr. K. Consulent (fictief)"
    info = svc.close_consultation(ctx, cid, at=local(2025, 11, 24, 11, 0))
    assert info.status == "afgesloten"
    assert info.requested_at == friday and info.accepted_at and info.advice_at and info.closed_at
    assert svc.list_consultations(ctx, open_only=True) == []


def test_advice_on_a_fresh_request_records_both_steps_and_can_close(ctx, world):
    cid = request(ctx, world, local(2025, 11, 24, 9, 0))
    info = svc.record_advice(
        ctx, cid, "Advies (fictief)", at=local(2025, 11, 24, 9, 20), close=True
    )
    assert info.status == "afgesloten"
    assert info.accepted_at == info.advice_at == info.closed_at == local(2025, 11, 24, 9, 20)
    assert info.response_hours == pytest.approx(1 / 3)


def test_bad_input_is_refused_in_dutch_and_nothing_stored(ctx, world):
    def count() -> int:
        with ctx.db.session() as s:
            return s.scalar(select(func.count()).select_from(Consultation))

    cases = [
        ({"question": "   "}, "consultatievraag"),
        ({"mode": "per duif"}, "vorm van consultatie"),
        ({"complexity": "heel erg"}, "complexiteit"),
        ({"dimensions": ["financieel"]}, "dimensie"),
        ({"at": datetime.now(UTC) + timedelta(days=1)}, "toekomst"),
        ({"requested_by_person_id": 9999}, "zorgverlenerslijst"),
    ]
    for kwargs, words in cases:
        at = kwargs.pop("at", None)
        with pytest.raises((ValidationError, NotFoundError), match=words):
            request(ctx, world, at, **kwargs)
    with pytest.raises(NotFoundError, match="bestaat niet"):
        svc.request_consultation(
            ctx, 9999, team_id=world["team"], question="x", mode="bedside", complexity="laag"
        )
    svc.deactivate_team(ctx, world["team"])
    with pytest.raises(ValidationError, match="actief consultatieteam"):
        request(ctx, world)
    assert count() == 0
    # Advice before the request, or an empty advice, is refused too.
    svc.save_team(
        ctx, world["team"], name="STOP Zuid (fictief)", team_type="stop", phone_office="0592-000101"
    )
    cid = request(ctx, world, local(2025, 11, 24, 9, 0))
    before = snapshot(ctx, cid)
    with pytest.raises(ValidationError, match="vóór de"):
        svc.record_advice(ctx, cid, "advies", at=local(2025, 11, 23, 9, 0))
    with pytest.raises(ValidationError, match="advies"):
        svc.record_advice(ctx, cid, "  ")
    with pytest.raises(ValidationError, match="reden"):
        svc.cancel_consultation(ctx, cid, "")
    assert snapshot(ctx, cid) == before


def test_deceased_patient_cannot_get_a_new_request(ctx, world):
    with ctx.unit() as s:
        s.get(Patient, world["patient"]).status = "overleden"
    with pytest.raises(ValidationError, match="overleden"):
        request(ctx, world)


def test_teams_crud_and_validation(ctx, world):
    [team] = svc.list_teams(ctx)
    assert team.type_label.startswith("STOP") and [m.name for m in team.members] == [
        "Dr. K. Consulent (fictief)"
    ]
    other = add_person(ctx, "Mr. P. Pact (fictief)")
    pact = svc.save_team(
        ctx,
        None,
        name="PACT Ziekenhuis (fictief)",
        team_type="PACT (palliatief team ziekenhuis)",
        phone_office="088-0000101",
        member_ids=[other, other],
    )
    assert svc.get_team(ctx, pact).team_type == "pact"
    assert [m.person_id for m in svc.get_team(ctx, pact).members] == [other]
    svc.save_team(
        ctx,
        pact,
        name="PACT Ziekenhuis (fictief)",
        team_type="pact",
        phone_anw="088-0000199",
        member_ids=[],
    )
    assert (
        svc.get_team(ctx, pact).members == () and svc.get_team(ctx, pact).phone_anw == "088-0000199"
    )
    with pytest.raises(ValidationError, match="bestaat al"):
        svc.save_team(
            ctx, None, name="STOP Zuid (fictief)", team_type="stop", phone_office="0592-000101"
        )
    with pytest.raises(ValidationError, match="telefoonnummer"):
        svc.save_team(ctx, None, name="X (fictief)", team_type="stop")
    with pytest.raises(ValidationError, match="ongeldig"):
        svc.save_team(ctx, None, name="X (fictief)", team_type="stop", phone_office="bel maar")
    with pytest.raises(ValidationError, match="soort team"):
        svc.save_team(ctx, None, name="X (fictief)", team_type="ufo", phone_office="0592-000101")
    with pytest.raises(NotFoundError, match="zorgverlenerslijst"):
        svc.save_team(
            ctx,
            None,
            name="X (fictief)",
            team_type="stop",
            phone_office="0592-000101",
            member_ids=[9999],
        )
    assert len(svc.list_teams(ctx)) == 2


def test_overdue_overview_threshold_and_per_team(ctx, world):
    now = datetime.now(UTC)
    old = request(ctx, world, now - timedelta(days=14))
    fresh = request(ctx, world, now - timedelta(minutes=5))
    assert [i.id for i in svc.overdue_consultations(ctx)] == [old]
    assert svc.overdue_threshold(ctx) == 2
    svc.set_overdue_threshold(ctx, 20)
    assert svc.overdue_consultations(ctx) == []
    with pytest.raises(ValidationError):
        svc.set_overdue_threshold(ctx, 0)
    svc.set_overdue_threshold(ctx, 2)
    svc.record_advice(ctx, fresh, "Advies (fictief)")
    [load] = svc.per_team(ctx)
    assert (load.open, load.overdue, load.advised, load.total) == (1, 1, 1, 2)
    assert load.median_response_working_days is not None


def test_agenda_candidates(ctx, world):
    now = datetime.now(UTC)
    open_id = request(ctx, world, now - timedelta(days=14))
    advised = request(ctx, world, now - timedelta(days=3))
    svc.record_advice(ctx, advised, "Advies (fictief)", at=now - timedelta(days=2))
    cancelled = request(ctx, world, now - timedelta(days=3))
    svc.cancel_consultation(ctx, cancelled, "vervallen (fictief)")
    today = date.today()
    cands = svc.agenda_candidates(ctx, today - timedelta(days=30), today)
    assert len(cands) == 2
    assert all(c.reason is AgendaReason.OPEN_CONSULTATION_OR_OVERDUE_ACTION for c in cands)
    assert all(c.patient_id == world["patient"] for c in cands)
    texts = " | ".join(c.detail for c in cands)
    assert "te laat" in texts and "nog te verwerken" in texts
    # Advice given before the last meeting and already closed is not proposed again.
    svc.close_consultation(ctx, advised)
    assert len(svc.agenda_candidates(ctx, today, today)) == 1
    assert open_id


def test_process_advice_refuses_without_advice(ctx, world):
    cid = request(ctx, world)
    with pytest.raises(ValidationError, match="nog geen advies"):
        svc.process_advice(ctx, cid, "careplan")
    svc.record_advice(ctx, cid, "x")
    with pytest.raises(ValidationError, match="careplan"):
        svc.process_advice(ctx, cid, "elders")


def test_advice_items():
    text = "1. Start oxycodon 5 mg\n- Bespreek zorgen partner\n\n• Overweeg VPTZ (fictief)"
    assert svc.advice_items(text) == [
        "Start oxycodon 5 mg",
        "Bespreek zorgen partner",
        "Overweeg VPTZ (fictief)",
    ]


def test_advice_into_care_plan_agreements_with_one_action(ctx, world):
    cid = request(ctx, world, local(2025, 11, 24, 9, 0))
    svc.record_advice(
        ctx, cid, "- Start oxycodon 5 mg zo nodig (fictief)\n- Evalueer na een week (fictief)",
        at=local(2025, 11, 24, 11, 0), advice_by_person_id=world["consultant"],
    )  # fmt: skip
    result = svc.process_advice(ctx, cid, "careplan", dimension="fysiek")
    # Both agreements form one new plan version (one user action, one version).
    assert result.target == "careplan" and result.created == (1,)
    assert "2 afspraken in het zorgplan (versie 1)" in result.description
    plan = careplan.current_plan(ctx, world["patient"])
    assert plan is not None and plan.version == result.created[-1]
    assert "Evalueer na een week (fictief)" in repr(plan.content)
    info = svc.get_consultation(ctx, cid)
    assert info.status == "afgesloten" and info.processed_into == result.description
    # Not twice.
    with pytest.raises(ValidationError, match="al verwerkt"):
        svc.process_advice(ctx, cid, "careplan")


def test_advice_into_meeting_actions(ctx, world):
    cid = request(ctx, world, local(2025, 11, 24, 9, 0))
    svc.record_advice(ctx, cid, "Bel de apotheek (fictief)\nPlan familiegesprek (fictief)")
    due = date.today() + timedelta(days=7)
    result = svc.process_advice(
        ctx, cid, "actions", ["Bel de apotheek (fictief)"],
        owner_person_id=world["consultant"], due=due, close=False,
    )  # fmt: skip
    [action] = [a for a in meetings.open_actions(ctx, world["patient"]) if a.id in result.created]
    assert action.what == "Bel de apotheek (fictief)" and action.due == due
    assert action.owner_person_id == world["consultant"]
    assert svc.get_consultation(ctx, cid).status == "advies_gegeven"  # close=False
