"""The quality figures against the hand-computed register of kpi_world (read its docstring)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from pzmdo.domain.enums import Role
from pzmdo.domain.errors import TransitionError, ValidationError
from pzmdo.services import kpi, kpi_detail, register
from pzmdo.services.context import AppContext
from pzmdo.store.models import AuditEvent
from tests.services.kpi_world import H1, H1_2025, World, build
from tests.support.roles import with_roles


@pytest.fixture
def world(ctx: AppContext) -> World:
    return build(ctx)


def _v(report: kpi.KpiReport, key: str) -> tuple:
    m = report.get(key)
    return m.value, m.numerator, m.denominator


def test_figures_of_the_hand_computed_register(ctx: AppContext, world: World) -> None:
    r = kpi.compute(ctx, *H1)
    # K1: A marked before death; B marked on the day of death, C and H never marked.
    assert _v(r, "K1") == (25.0, 1, 4)
    assert _v(r, "K1.extern") == (None, 1, None)
    assert _v(r, "K1.weken") == (21.6, 1, None)
    # K2: B, D, E, G new; prevalent also A (marked in 2025, died in the period); not F.
    assert _v(r, "K2") == (4.0, 4, None)
    assert _v(r, "K2.prevalent") == (5.0, 5, None)
    assert _v(r, "K3") == (20.0, 1, 5)
    assert _v(r, "K3.dagen") == (14.0, 1, None)
    assert _v(r, "K5") == (80.0, 4, 5)
    assert _v(r, "CZ") == (20.0, 1, 5)
    # K6: the meeting without the specialist does not count; July is outside the period.
    assert _v(r, "K6") == (50.0, 1, 2)
    assert _v(r, "K7") == (None, 1, None)
    # K8: 3 working days (late) and 0.75 (weekend + Easter Monday): one of two in time.
    assert _v(r, "K8") == (50.0, 1, 2)
    assert _v(r, "K8.werkdagen") == (1.9, 2, None)
    # D: 41 days from marking; E asked before being marked: 0. Median 20.5.
    assert _v(r, "K8.markering") == (20.5, 2, None)
    assert _v(r, "K9") == (2.0, 2, None)
    assert _v(r, "K9.vorm.telefonisch") == (1.0, 1, 2)
    assert _v(r, "K9.vorm.bedside") == (1.0, 1, 2)
    assert _v(r, "K9.complexiteit.middel") == (2.0, 2, 2)
    assert _v(r, "K12") == (1.0, 1, None)
    assert _v(r, "K12.besproken") == (40.0, 2, 5)
    assert _v(r, "K12.dagen") == (19.0, 1, None)
    # K13 over all five deaths: wishes of A, B, G known (C, H unknown); A and G fulfilled.
    assert _v(r, "K13") == (66.7, 2, 3)
    assert _v(r, "K13.wens") == (60.0, 3, 5)
    assert len(r.denominators_missing) == 2


def test_a_period_without_deaths(ctx: AppContext, world: World) -> None:
    r = kpi.compute(ctx, *H1_2025)
    assert _v(r, "K1") == (None, 0, 0)
    assert _v(r, "K1.weken") == (None, 0, None)
    assert _v(r, "K13") == (None, 0, 0)
    assert _v(r, "K2") == (0.0, 0, None)
    assert _v(r, "K2.prevalent") == (1.0, 1, None)  # F, deregistered 01-06-2025


def test_marking_after_death_is_refused_upstream(ctx: AppContext, world: World) -> None:
    with pytest.raises(TransitionError):
        register.mark_patient(
            ctx,
            register.MarkingInput(
                surprise_answer="nee", marked_on=date(2026, 3, 12), patient_id=world.ids["H"]
            ),
        )
    assert _v(kpi.compute(ctx, *H1), "K1") == (25.0, 1, 4)


def test_external_denominators_entered(ctx: AppContext, world: World) -> None:
    coordinator = with_roles(ctx, Role.COORDINATOR)
    kpi_detail.set_denominator(coordinator, world.practice_id, "niet_onverwacht_overleden", *H1, 10)
    kpi_detail.set_denominator(coordinator, world.practice_id, "ziekenhuis_mdo_pz_lijst", *H1, 4)
    r = kpi.compute(ctx, *H1)
    assert _v(r, "K1.extern") == (10.0, 1, 10)
    assert _v(r, "K1") == (25.0, 1, 4)  # both shown
    assert _v(r, "K7") == (25.0, 1, 4)
    assert r.denominators_missing == ()
    # Another period has none entered; a correction replaces the count.
    assert _v(kpi.compute(ctx, *H1_2025), "K1.extern")[2] is None
    kpi_detail.set_denominator(coordinator, world.practice_id, "niet_onverwacht_overleden", *H1, 5)
    assert _v(kpi.compute(ctx, *H1), "K1.extern") == (20.0, 1, 5)
    assert [d.count for d in kpi_detail.list_denominators(ctx)] == [5, 4] or sorted(
        d.count for d in kpi_detail.list_denominators(ctx)
    ) == [4, 5]


def test_patients_behind_a_number(ctx: AppContext, world: World) -> None:
    names = lambda rows: sorted(r.name.split()[0] for r in rows)  # noqa: E731
    assert names(kpi_detail.patients_behind(ctx, "K1", "teller", *H1)) == ["Anna"]
    assert names(kpi_detail.patients_behind(ctx, "K1", "noemer", *H1)) == [
        "Anna",
        "Bert",
        "Cor",
        "Hans",
    ]
    assert names(kpi_detail.patients_behind(ctx, "K13", "teller", *H1)) == ["Anna", "Gerda"]
    assert names(kpi_detail.patients_behind(ctx, "K9.vorm.bedside", "teller", *H1)) == ["Els"]
    assert names(kpi_detail.patients_behind(ctx, "CZ", "teller", *H1)) == ["Dirk"]
    # K8: only Els had advice within the threshold (Dirk waited 3 working days).
    assert names(kpi_detail.patients_behind(ctx, "K8", "teller", *H1)) == ["Els"]
    assert names(kpi_detail.patients_behind(ctx, "K8", "noemer", *H1)) == ["Dirk", "Els"]
    with ctx.read() as s:
        event = s.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == "kpi_drilldown")
            .order_by(AuditEvent.id.desc())
        ).first()
    assert event is not None and event.patient_id is None
    assert json.loads(event.detail) == {
        "kengetal": "K8", "deel": "noemer", "periode": "2026-H1", "bereik": "Alle praktijken",
        "aantal": 2,
    }  # fmt: skip
    with pytest.raises(ValidationError):
        kpi_detail.patients_behind(ctx, "K6", "teller", *H1)  # meetings, not patients


def test_scope_by_practice_and_team(ctx: AppContext, world: World) -> None:
    by_practice = kpi.compute(ctx, *H1, practice_id=world.practice_id)
    by_team = kpi.compute(ctx, *H1, team_id=world.team_id)
    assert _v(by_practice, "K1") == _v(by_team, "K1") == (25.0, 1, 4)
    assert _v(by_team, "K6") == (50.0, 1, 2)


def test_trend_over_half_years(ctx: AppContext, world: World) -> None:
    reports = kpi.trend(ctx, *H1, count=3)
    assert [r.period.label() for r in reports] == ["2025-H1", "2025-H2", "2026-H1"]
    assert [r.get("K2").value for r in reports] == [0.0, 1.0, 4.0]


def test_a_user_sees_the_figures_of_their_own_practices_only(ctx: AppContext, world: World) -> None:
    from pzmdo.domain.errors import OutOfScope
    from pzmdo.services import attachments, practices, users
    from pzmdo.services.context import CurrentUser

    other = practices.add_practice(ctx, practices.PracticeInput("Andere praktijk (fictief)")).id
    practices.move_patient(ctx, world.ids["A"], other)  # A: the one marked before death
    info = users.add_user(
        ctx, login="gp2", name="Gp Twee (fictief)", role=Role.HUISARTS, password="wachtwoord-123"
    )
    attachments.set_attachments(ctx, "gp2", [world.practice_id], [])
    gp2 = AppContext(
        ctx.db, CurrentUser(info.id, info.login, info.name, info.roles, info.person_id)
    )
    mine = kpi.compute(gp2, *H1)
    assert mine.scope == "Al uw praktijken"
    assert _v(mine, "K1") == (0.0, 0, 3)  # A is in the other practice now
    assert "Anna" not in [
        r.name.split()[0] for r in kpi_detail.patients_behind(gp2, "K1", "noemer", *H1)
    ]
    assert _v(kpi.compute(ctx, *H1), "K1") == (25.0, 1, 4)  # the beheerder-GP sees all
    assert _v(kpi.compute(ctx, *H1, practice_id=other), "K1") == (100.0, 1, 1)
    with pytest.raises(OutOfScope):
        kpi.compute(gp2, *H1, practice_id=other)
    assert [c.id for c in kpi_detail.scope_choices(gp2)[0]] == [world.practice_id]
    coordinator = with_roles(gp2, Role.COORDINATOR)
    with pytest.raises(OutOfScope):
        kpi_detail.set_denominator(coordinator, other, "niet_onverwacht_overleden", *H1, 9)


@pytest.mark.file_only  # SQLite's page cache; a server sizes its own
def test_the_figures_read_with_a_larger_page_cache_and_give_it_back(
    ctx: AppContext, world: World
) -> None:
    """The quality figures ask for a 64 MB page cache for their own unit (a region's figures
    read more pages than the usual 16 MB hold) and leave the pooled connection as it was."""

    def cache_size() -> int:
        with ctx.db.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())

    usual = cache_size()
    with ctx.read() as s, kpi.larger_page_cache(s, kpi.KPI_CACHE_MIB):
        inside = int(s.connection().exec_driver_sql("PRAGMA cache_size").scalar_one())
    assert inside == -kpi.KPI_CACHE_MIB * 1024 != usual
    kpi.compute(ctx, *H1)
    kpi.trend(ctx, *H1, count=2)
    assert cache_size() == usual
