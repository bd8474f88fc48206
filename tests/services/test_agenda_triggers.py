"""Agenda triggers on a hand-built register (real encrypted database, real services):
each reason appears on the proposal exactly when its condition holds, per team settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pzmdo.domain.agenda_triggers import Trigger, TriggerSettings
from pzmdo.domain.careplan import CarePlanContent
from pzmdo.domain.enums import Role
from pzmdo.services import careplan, careteam, consultations, meetings, register
from tests.services.test_consultations import world as consult_world  # noqa: F401
from tests.services.test_trajectory import TODAY, marked, person
from tests.support.roles import with_roles


def reasons(ctx, meeting_id: int) -> dict[int, tuple[str, str]]:
    return {
        i.patient_id: (",".join(i.reasons), i.detail)
        for i in meetings.propose_agenda(ctx, meeting_id)
        if i.patient_id is not None
    }


def quiet(ctx, family: str, plan_days_ago: int | None = 0) -> int:
    """Marked 60 days ago with a centrale zorgverlener and (by default) a fresh care plan."""
    pid = marked(ctx, family)
    gp = person(ctx, f"Dr. {family}")
    careteam.set_central_caregiver(ctx, pid, gp, "Eigen huisarts", on=TODAY - timedelta(days=50))
    if plan_days_ago is not None:
        careplan.save_plan(
            ctx, pid, CarePlanContent(wishes="Thuis blijven"),
            effective_on=TODAY - timedelta(days=plan_days_ago),
        )  # fmt: skip
    return pid


def test_each_trigger_on_the_proposal_with_its_reason(ctx):
    calm = quiet(ctx, "Rustig (fictief)")
    no_cz = marked(ctx, "Zonder CZV (fictief)")
    careplan.save_plan(ctx, no_cz, CarePlanContent(wishes="x"), effective_on=TODAY)
    no_plan = quiet(ctx, "Zonder plan (fictief)", plan_days_ago=None)
    overloaded = quiet(ctx, "Mantelzorg (fictief)")
    naaste = careteam.add_naaste(
        ctx, overloaded, careteam.NaasteInput(name="Partner (fictief)", relation="partner")
    )
    careteam.add_burden_check(
        ctx, naaste, TODAY - timedelta(days=2), "mantelzorgbalans", "overbelast",
        action="Respijtzorg aangeboden (fictief)",
    )  # fmt: skip
    dying = quiet(ctx, "Stervend (fictief)", plan_days_ago=20)  # plan from before the dying phase
    register.record_stervensfase(
        ctx,
        dying,
        register.StervensfaseInput(judged_by="huisarts", started_on=TODAY - timedelta(days=1)),
    )
    meeting = meetings.plan_meeting(ctx, TODAY + timedelta(days=7))
    got = reasons(ctx, meeting.id)

    assert got[calm][0] == "periodic_review_or_never_discussed"  # never discussed; no trigger
    assert got[no_cz][0].startswith("no_central_caregiver")
    assert "gemarkeerd zonder centrale zorgverlener" in got[no_cz][1]
    assert got[no_plan][0].startswith("no_careplan") and "nog geen zorgplan" in got[no_plan][1]
    assert "carer_overloaded" in got[overloaded][0] and "vptz_not_discussed" in got[overloaded][0]
    assert "mantelzorger overbelast (belastingscheck" in got[overloaded][1]
    assert got[dying][0].split(",")[:2] == ["stervensfase_started", "careplan_not_reviewed"]
    assert "van vóór de stervensfase: herzien" in got[dying][1]

    # The team switches the carer triggers off: the next proposal leaves them out.
    settings = TriggerSettings(
        enabled=frozenset(Trigger) - {Trigger.CARER_OVERLOADED, Trigger.VPTZ_NOT_DISCUSSED}
    )
    meetings.save_trigger_settings(ctx, settings)
    assert meetings.trigger_settings(ctx) == settings
    other = meetings.plan_meeting(ctx, TODAY + timedelta(days=35))
    assert reasons(ctx, other.id)[overloaded][0] == "periodic_review_or_never_discussed"


def test_unprocessed_advice_is_a_trigger_until_processed(ctx, consult_world):  # noqa: F811
    pid = consult_world["patient"]
    cid = consultations.request_consultation(
        ctx, pid, team_id=consult_world["team"], question="Pijn (fictief)?", mode="telefonisch",
        complexity="middel", requested_at=datetime.now(UTC) - timedelta(days=5),
    )  # fmt: skip
    consultations.record_advice(
        with_roles(ctx, Role.SPECIALIST_PZ), cid, "Advies (fictief)",
        at=datetime.now(UTC) - timedelta(days=3),
    )  # fmt: skip
    with ctx.unit() as s:  # a marked patient (the consultation world adds a plain one)
        from pzmdo.store.models import Patient

        s.get(Patient, pid).status = "gemarkeerd"
    meeting = meetings.plan_meeting(ctx, TODAY + timedelta(days=7))
    got = reasons(ctx, meeting.id)
    assert "advice_not_processed" in got[pid][0]
    assert "nog niet verwerkt" in got[pid][1]
    consultations.process_advice(ctx, cid, "careplan")
    other = meetings.plan_meeting(ctx, TODAY + timedelta(days=35))
    assert "advice_not_processed" not in reasons(ctx, other.id).get(pid, ("", ""))[0]
