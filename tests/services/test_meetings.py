"""Meetings service on a real encrypted database: plan, agenda, record, close, amend."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from pzmdo.domain.errors import (
    NotFoundError,
    ReadOnlyError,
    TransitionError,
    ValidationError,
)
from pzmdo.services import meetings as m
from pzmdo.services import register
from pzmdo.services.audit_log import list_audit
from pzmdo.services.context import AppContext
from pzmdo.services.demo import ensure_demo_team
from pzmdo.store.models import Patient, Practice
from pzmdo.store.models.meetings import MeetingAgendaItem, MeetingNote

TODAY = date.today()


def make_patients(ctx: AppContext, n: int, status: str = "gemarkeerd") -> list[int]:
    with ctx.unit() as s:
        rows = [
            Patient(
                practice_id=s.scalar(select(Practice.id).order_by(Practice.id)),
                given_name=f"Test{i}",
                family_name="Fictief (fictief)",
                search_name=f"fictief test{i}",
                birth_date=date(1940, 1, 1) + timedelta(days=i),
                status=status,
                is_fictional=True,
            )
            for i in range(n)
        ]
        s.add_all(rows)
        s.flush()
        return [p.id for p in rows]


@pytest.fixture
def team(ctx: AppContext) -> list[int]:
    ids = ensure_demo_team(ctx)
    m.save_team(
        ctx,
        name="Kernteam De Test (fictief)",
        kind="kernteam",
        cadence_weeks=4,
        review_interval_weeks=8,
        members=[(pid, True) for pid in ids],
    )
    return ids


def run_through(ctx: AppContext, meeting_id: int) -> list[m.AgendaItemInfo]:
    m.propose_agenda(ctx, meeting_id)
    m.accept_all(ctx, meeting_id)
    m.start_meeting(ctx, meeting_id)
    return m.agenda(ctx, meeting_id, include_proposed=False)


def test_team_settings_round_trip_and_validation(ctx, team):
    info = m.get_team(ctx)
    assert info.kind_label == "Kernteam"
    assert len(info.members) == len(team)
    assert all(x.default_attendee for x in info.members)
    with pytest.raises(ValidationError, match="tussen 1 en 26 weken"):
        m.save_team(ctx, name="X", kind="patz", cadence_weeks=40)
    with pytest.raises(ValidationError, match="Onbekend soort overleg"):
        m.save_team(ctx, name="X", kind="vergadering")
    patz = m.save_team(ctx, name="PaTz Noord (fictief)", kind="PaTz-groep", members=[])
    assert patz.cadence_weeks == 6 and patz.members == ()


def test_plan_invites_default_attendees_and_refuses_bad_input(ctx, team):
    info = m.plan_meeting(
        ctx,
        TODAY + timedelta(days=7),
        start_time="12:30",
        place="Praktijk",
        chair_person_id=team[0],
    )
    assert info.status == "gepland" and info.start_time.hour == 12
    people = m.attendance(ctx, info.id)
    assert len(people) == len(team)
    assert {p.function for p in people if p.person_id == team[0]} == {"voorzitter"}
    assert all(p.present is None for p in people)
    before = len(m.list_meetings(ctx))
    with pytest.raises(ValidationError, match="al een overleg"):
        m.plan_meeting(ctx, TODAY + timedelta(days=7))
    with pytest.raises(ValidationError, match="uu:mm"):
        m.plan_meeting(ctx, TODAY + timedelta(days=8), start_time="half een")
    with pytest.raises(ValidationError, match="https://"):
        m.plan_meeting(ctx, TODAY + timedelta(days=9), online_link="teams")
    with pytest.raises(ValidationError, match="twee jaar"):
        m.plan_meeting(ctx, TODAY + timedelta(days=900))
    with pytest.raises(NotFoundError):
        m.plan_meeting(ctx, TODAY + timedelta(days=10), chair_person_id=99999)
    assert len(m.list_meetings(ctx)) == before  # nothing half-written


@pytest.mark.parametrize(
    ("offset", "accepted"),
    [(2 * 366, True), (2 * 366 + 1, False), (-366, True), (-367, False)],
)
def test_plan_and_move_share_one_date_rule(ctx, team, offset, accepted):
    """Planning and moving a meeting: the same limits (two years ahead, one year back)."""
    day = TODAY + timedelta(days=offset)
    moved = m.plan_meeting(ctx, TODAY + timedelta(days=14), today=TODAY)
    if accepted:
        assert m.plan_meeting(ctx, day, today=TODAY).held_on == day
        other = day + timedelta(days=-1 if offset > 0 else 1)
        assert m.update_meeting(ctx, moved.id, held_on=other, today=TODAY).held_on == other
    else:
        with pytest.raises(ValidationError, match="Controleer het jaartal"):
            m.plan_meeting(ctx, day, today=TODAY)
        with pytest.raises(ValidationError, match="Controleer het jaartal"):
            m.update_meeting(ctx, moved.id, held_on=day, today=TODAY)
        assert m.get_meeting(ctx, moved.id).held_on == TODAY + timedelta(days=14)


def test_agenda_builder_accept_remove_add_reorder(ctx, team):
    pids = make_patients(ctx, 4)
    meeting = m.plan_meeting(ctx, TODAY + timedelta(days=3), theme="Zingeving (fictief thema)")
    proposal = m.propose_agenda(ctx, meeting.id)
    assert [i.patient_id for i in proposal if i.patient_id] == pids  # never discussed
    assert all(i.status == "voorgesteld" for i in proposal)
    assert proposal[-1].reason == "theme"
    assert m.get_meeting(ctx, meeting.id).status == "in_voorbereiding"

    first, second = proposal[0], proposal[1]
    m.accept_items(ctx, [first.id, second.id])
    m.remove_item(ctx, proposal[2].id, "volgende keer")
    # Proposing again adds nothing new: removed patients stay removed.
    again = m.propose_agenda(ctx, meeting.id)
    assert len(again) == len(proposal) - 1
    assert proposal[2].patient_id not in [i.patient_id for i in again]

    # Add by hand: a removed patient comes back; a listed one is refused.
    m.add_patient(ctx, meeting.id, proposal[2].patient_id, "toch bespreken")
    with pytest.raises(ValidationError, match="staat al op de agenda"):
        m.add_patient(ctx, meeting.id, first.patient_id)
    with pytest.raises(NotFoundError):
        m.add_patient(ctx, meeting.id, 999999)

    ids = [i.id for i in m.agenda(ctx, meeting.id)]
    m.reorder(ctx, meeting.id, list(reversed(ids)))
    assert [i.id for i in m.agenda(ctx, meeting.id)] == list(reversed(ids))
    m.move_item(ctx, ids[0], -1)  # now last-but-one... moves one up
    order = [i.id for i in m.agenda(ctx, meeting.id)]
    assert order.index(ids[0]) == len(ids) - 2
    with pytest.raises(ValidationError, match="dubbel"):
        m.reorder(ctx, meeting.id, [ids[0], ids[0]])

    on_agenda = m.agenda(ctx, meeting.id, include_proposed=False)
    assert {i.patient_id for i in on_agenda if i.patient_id} == {
        first.patient_id,
        second.patient_id,
        proposal[2].patient_id,
    }


def test_full_meeting_close_freeze_amend_and_follow_up(ctx, team):
    pids = make_patients(ctx, 4)
    meeting = m.plan_meeting(ctx, TODAY, scribe_person_id=team[2])
    with pytest.raises(ValidationError, match="nog niets op de agenda"):
        m.start_meeting(ctx, meeting.id)
    items = run_through(ctx, meeting.id)
    assert len(items) == 4
    with pytest.raises(TransitionError, match="al gestart"):
        m.propose_agenda(ctx, meeting.id)

    huisarts, _, _, wijk, spec, *_ = team
    triad = m.set_attendance(
        ctx,
        meeting.id,
        [
            (huisarts, "huisarts", "voorzitter", True),
            (wijk, "wijkverpleegkundige", "deelnemer", True),
            (spec, "specialist_pz", "deelnemer", False),
        ],
    )
    assert not triad.complete
    triad = m.set_attendance(
        ctx,
        meeting.id,
        [
            (huisarts, "huisarts", "voorzitter", True),
            (wijk, "wijkverpleegkundige", "deelnemer", True),
            (spec, "specialist_pz", "deelnemer", True),
        ],
    )
    assert triad.complete

    # Three patients discussed; the fourth is not reached.
    for n, item in enumerate(items[:3]):
        info = m.save_discussion(
            ctx,
            item.id,
            notes={"fysiek": f"Pijn beter onder controle ({n})", "zingeving": "Wil thuis sterven"},
            checklist={"vptz": "ja", "mantelzorg": "ja", "specialist_pz": "nee"},
            seconds_spent=300 + n,
        )
        assert info.status == "besproken"
    m.add_decision(ctx, items[0].id, "Centrale zorgverlener blijft de huisarts")
    action_id = m.add_action(
        ctx,
        pids[0],
        "Gesprek met mantelzorger plannen",
        wijk,
        TODAY + timedelta(days=14),
        meeting_id=meeting.id,
    )
    with pytest.raises(ValidationError, match="in het verleden"):
        m.add_action(ctx, pids[0], "Te laat", wijk, TODAY - timedelta(days=1), meeting.id)

    closed = m.close_meeting(ctx, meeting.id)
    assert closed.status == "afgerond" and closed.discussed_count == 3

    # The record is read-only.
    with pytest.raises(ReadOnlyError, match="aanvulling"):
        m.save_discussion(ctx, items[0].id, notes={"fysiek": "stilletjes wijzigen"})
    with pytest.raises(ReadOnlyError):
        m.add_decision(ctx, items[0].id, "nog een besluit")
    with pytest.raises(ReadOnlyError):
        m.add_patient(ctx, meeting.id, pids[3])
    with pytest.raises(ReadOnlyError):
        m.set_attendance(ctx, meeting.id, [])
    with pytest.raises(ReadOnlyError):
        m.close_meeting(ctx, meeting.id)
    with pytest.raises(ReadOnlyError):
        m.add_action(ctx, pids[1], "Na afloop", wijk, None, meeting_id=meeting.id)

    # Amendments are dated records, the notes stay as they were.
    m.amend(ctx, meeting.id, "Aanvulling: dochter belt zelf de VPTZ.", items[0].id)
    record = m.meeting_record(ctx, meeting.id)
    assert record.read_only and record.triad.complete
    assert record.items[0].notes["fysiek"] == "Pijn beter onder controle (0)"
    assert record.items[0].checklist["vptz"] == "ja"
    assert record.items[0].checklist["team_aanspreekpunt"] == "open"
    assert [d.text for d in record.decisions] == ["Centrale zorgverlener blijft de huisarts"]
    assert [a.id for a in record.actions] == [action_id]
    assert record.actions[0].owner_name.startswith("L. Visser")
    assert record.amendments[0].text.startswith("Aanvulling")
    assert [i.item.status for i in record.items] == ["besproken"] * 3 + ["niet_toegekomen"]
    assert [p.role for p in record.attendance if p.present] != []

    # Patients keep last_discussed_on / next_review_on current.
    with ctx.db.session() as s:
        p0 = s.get(Patient, items[0].patient_id)
        p3 = s.get(Patient, items[3].patient_id)
        assert p0.last_discussed_on == TODAY
        assert p0.next_review_on == TODAY + timedelta(weeks=8)
        assert p3.last_discussed_on is None

    # Next meeting: the open action and the not-reached item come back.
    nxt = m.plan_meeting(ctx, TODAY + timedelta(days=28))
    proposal = m.propose_agenda(ctx, nxt.id)
    by_patient = {i.patient_id: i for i in proposal if i.patient_id}
    assert by_patient[pids[0]].reason == "open_consultation_or_overdue_action"
    assert "Gesprek met mantelzorger plannen" in by_patient[pids[0]].detail
    assert by_patient[items[3].patient_id].reason == "carried_over"
    assert by_patient[items[3].patient_id].carried_from_id == items[3].id
    # discussed patients are not due for review yet
    assert items[1].patient_id not in by_patient

    # Done actions no longer come back.
    assert [a.id for a in m.open_actions(ctx, pids[0])] == [action_id]
    m.complete_action(ctx, action_id, "gebeld")
    assert m.open_actions(ctx, pids[0]) == []
    with pytest.raises(ValidationError, match="al afgerond"):
        m.complete_action(ctx, action_id)

    # The audit trail has it all.
    actions = [e.action for e in list_audit(ctx)]
    for expected in (
        "meeting_planned",
        "meeting_agenda_proposed",
        "meeting_item_accepted",
        "meeting_started",
        "meeting_attendance",
        "meeting_discussion",
        "meeting_decision",
        "meeting_action_added",
        "meeting_closed",
        "meeting_patient_discussed",
        "meeting_amended",
        "meeting_action_done",
    ):
        assert expected in actions, expected
    per_patient = [e.action for e in list_audit(ctx, patient_id=items[0].patient_id)]
    assert "meeting_discussion" in per_patient and "meeting_patient_discussed" in per_patient


def test_discussion_writes_only_changes_and_refuses_before_start(ctx, team):
    make_patients(ctx, 1)
    meeting = m.plan_meeting(ctx, TODAY)
    m.propose_agenda(ctx, meeting.id)
    m.accept_all(ctx, meeting.id)
    item = m.agenda(ctx, meeting.id)[0]
    with pytest.raises(TransitionError, match="nog niet gestart"):
        m.save_discussion(ctx, item.id, notes={"fysiek": "x"})
    m.start_meeting(ctx, meeting.id)
    m.save_discussion(ctx, item.id, notes={"fysiek": "Benauwd", "sociaal": ""})
    count = len([e for e in list_audit(ctx) if e.action != "audit_read"])
    m.save_discussion(ctx, item.id, notes={"fysiek": "Benauwd"})  # unchanged: no event
    assert len([e for e in list_audit(ctx) if e.action != "audit_read"]) == count
    m.save_discussion(ctx, item.id, notes={"fysiek": ""}, discussed=False)  # cleared
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(MeetingNote)) == 0
        assert s.get(MeetingAgendaItem, item.id).status == "geagendeerd"
    with pytest.raises(ValidationError, match="Onbekende dimensie"):
        m.save_discussion(ctx, item.id, notes={"financieel": "x"})
    with pytest.raises(ValidationError, match="Onbekend punt"):
        m.save_discussion(ctx, item.id, checklist={"koffie": "ja"})


def test_nominations_are_proposed_and_used_once(ctx, team):
    pids = make_patients(ctx, 2)
    meeting = m.plan_meeting(ctx, TODAY)
    # patient 0 was discussed recently, so only the nomination brings them in
    with ctx.unit() as s:
        s.get(Patient, pids[0]).last_discussed_on = TODAY - timedelta(days=3)
        s.get(Patient, pids[1]).last_discussed_on = TODAY - timedelta(days=3)
    m.nominate(ctx, pids[0], "pijn neemt toe")
    proposal = m.propose_agenda(ctx, meeting.id)
    assert [(i.patient_id, i.reason) for i in proposal] == [(pids[0], "nominated")]
    assert "pijn neemt toe" in proposal[0].detail
    m.accept_all(ctx, meeting.id)
    m.start_meeting(ctx, meeting.id)
    m.save_discussion(ctx, proposal[0].id, discussed=True)
    m.close_meeting(ctx, meeting.id)
    nxt = m.plan_meeting(ctx, TODAY + timedelta(days=28))
    assert m.propose_agenda(ctx, nxt.id) == []


def test_deceased_patient_nabespreking_from_the_register(ctx, team):
    (pid,) = make_patients(ctx, 1)
    with ctx.unit() as s:
        s.get(Patient, pid).last_discussed_on = TODAY - timedelta(days=10)
    register.record_death(
        ctx, pid, register.DeathInput(died_on=TODAY - timedelta(days=2), place="thuis")
    )
    meeting = m.plan_meeting(ctx, TODAY)
    proposal = m.propose_agenda(ctx, meeting.id)
    assert proposal[0].patient_id == pid and proposal[0].reason == "deceased"
    assert "plek van overlijden" in proposal[0].detail
    m.accept_all(ctx, meeting.id)
    m.start_meeting(ctx, meeting.id)
    m.save_discussion(ctx, proposal[0].id, notes={"zingeving": "Rustig thuis overleden"})
    m.close_meeting(ctx, meeting.id)
    assert not [t for t in register.open_tasks(ctx, pid) if t.kind == "nabespreking"]
    with ctx.db.session() as s:
        assert s.get(Patient, pid).next_review_on is None  # deceased: no periodic review


def test_periodic_review_is_capped_for_a_large_register(ctx, team):
    make_patients(ctx, m.MAX_REVIEW_PROPOSALS + 10)
    meeting = m.plan_meeting(ctx, TODAY)
    proposal = m.propose_agenda(ctx, meeting.id)
    assert len(proposal) == m.MAX_REVIEW_PROPOSALS
