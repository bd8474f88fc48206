"""The demo shaped like a region (issue 14): practices, two kernteams, a PaTz group."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import select

from pzmdo.domain.enums import Role
from pzmdo.services import attachments, meetings, practices, register, scope, teams, users
from pzmdo.services.context import AppContext, CurrentUser
from pzmdo.services.demo import add_demo_patients
from pzmdo.services.practices_demo import ensure_region
from pzmdo.store.models import Patient


def test_region_demo_spreads_patients_over_practices_and_teams(ctx):
    add_demo_patients(ctx, 30, seed=3, region=True)
    region = ensure_region(ctx)  # a second run finds the region and adds nothing
    assert len(region.practice_ids) == 5 and len(practices.list_practices(ctx)) == 5
    by_name = {t.name: t for t in teams.list_teams(ctx)}
    assert Counter(t.kind for t in by_name.values()) == {"kernteam": 2, "patz": 1}
    patz = by_name["PaTz-groep Assen-Emmen (fictief)"]
    assert len(patz.practices) == 2 and {m.role for m in patz.members} >= {"voorzitter"}
    consulent = {t.id for t in by_name.values() for m in t.members if m.role == "consulent"}
    assert consulent == set(region.team_ids)  # the specialist PZ advises every team
    with ctx.db.session() as s:
        spread = Counter(s.scalars(select(Patient.practice_id)))
    assert set(spread) == set(region.practice_ids)
    # The demo meetings belong to the first kernteam; its agenda holds its practices only.
    first = teams.get_team(ctx, region.team_ids[0])
    meeting = meetings.plan_meeting(ctx, date.today() + timedelta(days=50), team_id=first.id)
    items = meetings.propose_agenda(ctx, meeting.id)
    with ctx.db.session() as s:
        owners = set(
            s.scalars(
                select(Patient.practice_id).where(
                    Patient.id.in_([i.patient_id for i in items if i.patient_id])
                )
            )
        )
    assert owners and owners <= set(first.practice_ids)


def test_a_user_of_one_kernteam_sees_its_practices_only(ctx):
    add_demo_patients(ctx, 20, seed=4, region=True)
    emmen = teams.find_team(ctx, "Kernteam Emmen-Zuid (fictief)")
    info = users.add_user(
        ctx, login="emmen", name="Emmen Arts (fictief)", role=Role.HUISARTS,
        password="emmen-wachtwoord-1",
    )  # fmt: skip
    attachments.set_attachments(ctx, "emmen", [], [emmen.id])
    user = CurrentUser(info.id, info.login, info.name, info.roles, info.person_id)
    gp = AppContext(ctx.db, user, ctx.keyslots, ctx.changes)
    seen = scope.current_scope(gp)
    assert set(seen.practice_ids) == set(emmen.practice_ids) and seen.team_ids == (emmen.id,)
    rows = register.list_patients(gp, status=None)
    assert rows and {r.practice_id for r in rows} <= set(emmen.practice_ids)
    assert all(r.practice_name for r in rows)
    assert {m.id for m in meetings.list_meetings(gp)} == set()  # the demo meetings: kernteam 1
