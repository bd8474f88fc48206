"""Several practices and teams in one register; attachments; the scope guard (issue 14)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from pzmdo.domain.enums import Role
from pzmdo.domain.errors import NotFoundError, OutOfScope, ValidationError
from pzmdo.services import attachments, practices, register, scope, teams, users
from pzmdo.services.context import AppContext, CurrentUser
from pzmdo.store.models import AuditEvent, Patient


def _as(ctx: AppContext, login: str, role: Role = Role.HUISARTS) -> AppContext:
    info = users.add_user(
        ctx, login=login, name=f"{login.title()} (fictief)", role=role, password="wachtwoord-123"
    )
    user = CurrentUser(info.id, info.login, info.name, info.roles, info.person_id)
    return AppContext(ctx.db, user, ctx.keyslots, ctx.changes)


def _patient(ctx: AppContext, name: str, practice_id: int | None = None) -> int:
    pid = register.create_patient(
        ctx, register.PatientInput("Test", f"{name} (fictief)", date(1940, 1, 1), is_fictional=True)
    )
    if practice_id is not None:
        practices.move_patient(ctx, pid, practice_id)
    return pid


def _events(ctx: AppContext, action: str) -> list[AuditEvent]:
    with ctx.db.session() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_practice_details_validated_and_unique(ctx):
    first = practices.list_practices(ctx)[0]
    added = practices.add_practice(
        ctx,
        practices.PracticeInput(
            "Huisartsen De Linde (fictief)", agb_code="01-05 1234", city="Assen",
            hap_name="HAP Drenthe (fictief)", hap_phone="0592 123 456",
        ),
    )  # fmt: skip
    assert added.agb_code == "01051234" and added.in_scope  # the beheerder sees all
    assert added.describe() == "Huisartsen De Linde (fictief), Assen"
    with pytest.raises(ValidationError, match="AGB-code van de praktijk .* 8 cijfers"):
        practices.add_practice(ctx, practices.PracticeInput("X (fictief)", agb_code="123"))
    with pytest.raises(ValidationError, match="al een praktijk met deze naam"):
        practices.add_practice(ctx, practices.PracticeInput(first.name.upper()))
    with pytest.raises(ValidationError, match="al een praktijk met deze AGB-code"):
        practices.add_practice(ctx, practices.PracticeInput("Y (fictief)", agb_code="01051234"))
    changed = practices.update_practice(
        ctx, added.id, practices.PracticeInput("Huisartsen De Linde (fictief)", city="Assen"),
        active=False,
    )  # fmt: skip
    assert not changed.active and changed.agb_code == ""
    assert [e.entity_id for e in _events(ctx, "practice_update")] == [added.id]
    assert practices.find_practice(ctx, "huisartsen de linde (fictief)").id == added.id


def test_moving_a_patient_is_dated_and_audited(ctx):
    home = practices.list_practices(ctx)[0].id
    other = practices.add_practice(ctx, practices.PracticeInput("Andere praktijk (fictief)")).id
    pid = _patient(ctx, "Verhuizer")
    with pytest.raises(ValidationError, match="hoort al bij"):
        practices.move_patient(ctx, pid, home)
    with pytest.raises(ValidationError, match="toekomst"):
        practices.move_patient(ctx, pid, other, date.today() + timedelta(days=1))
    practices.move_patient(ctx, pid, other, date.today() - timedelta(days=3), "Verhuisd")
    with pytest.raises(ValidationError, match="vóór de vorige verhuizing"):
        practices.move_patient(ctx, pid, home, date.today() - timedelta(days=5))
    (move,) = practices.practice_moves(ctx, pid)
    assert (move.to_practice, move.reason, move.by) == (
        "Andere praktijk (fictief)",
        "Verhuisd",
        ctx.user.login,
    )
    (event,) = _events(ctx, "patient_moved")
    assert event.patient_id == pid and event.entity_id == other
    with ctx.db.session() as s:
        assert s.get(Patient, pid).practice_id == other
    assert register.get_patient(ctx, pid).data.practice_id == other


def test_a_patient_without_practice_is_refused_by_the_database(ctx):
    _patient(ctx, "Ergens")
    with (
        # SQLite's trigger, PostgreSQL's NOT NULL
        pytest.raises(IntegrityError, match="belongs to a practice|practice_id.*not-null"),
        ctx.db.engine.begin() as conn,
    ):
        conn.execute(text("UPDATE patient SET practice_id = NULL"))


def test_teams_with_kind_practices_and_members(ctx):
    a = practices.list_practices(ctx)[0].id
    b = practices.add_practice(ctx, practices.PracticeInput("Praktijk B (fictief)")).id
    patz = teams.add_team(
        ctx, teams.TeamInput("PaTz Noord (fictief)", "PaTz-groep"), [a, b],
        [teams.TeamMemberInput(ctx.user.person_id, "voorzitter")],
    )  # fmt: skip
    assert (patz.kind, patz.cadence_weeks, patz.practice_ids) == ("patz", 6, tuple(sorted([a, b])))
    assert [(m.role_label, m.default_attendee) for m in patz.members] == [("Voorzitter", True)]
    with pytest.raises(ValidationError, match="al een overlegteam"):
        teams.add_team(ctx, teams.TeamInput("paTz noord (fictief)"))
    with pytest.raises(ValidationError, match="geen rol in een overlegteam"):
        teams.set_team_members(ctx, patz.id, [teams.TeamMemberInput(ctx.user.person_id, "baas")])
    with pytest.raises(NotFoundError, match="Praktijk 999"):
        teams.set_team_practices(ctx, patz.id, [999])
    assert teams.set_team_practices(ctx, patz.id, [b]).practice_ids == (b,)
    renamed = teams.update_team(
        ctx, patz.id, teams.TeamInput("Transmuraal MDO (fictief)", "transmuraal", 8), active=False
    )
    assert (renamed.kind_label, renamed.cadence_weeks, renamed.active) == (
        "Transmuraal overleg", 8, False,
    )  # fmt: skip
    assert patz.id not in {t.id for t in teams.list_teams(ctx)}  # inactive: not listed


def test_saving_a_team_with_practices_and_members_is_all_or_nothing(ctx):
    a = practices.list_practices(ctx)[0].id
    b = practices.add_practice(ctx, practices.PracticeInput("Praktijk Oost (fictief)")).id
    team = teams.add_team(ctx, teams.TeamInput("Kernteam Oost (fictief)"), [a])
    # A bad member (not in the directory) refuses the whole save: name and practices unchanged.
    with pytest.raises(NotFoundError, match="Zorgverlener 99999"):
        teams.update_team(
            ctx, team.id, teams.TeamInput("Kernteam Oost-West (fictief)"),
            practice_ids=[a, b], members=[teams.TeamMemberInput(99999)],
        )  # fmt: skip
    unchanged = teams.get_team(ctx, team.id)
    assert (unchanged.name, unchanged.practice_ids, unchanged.members) == (
        "Kernteam Oost (fictief)", (a,), (),
    )  # fmt: skip
    saved = teams.update_team(
        ctx, team.id, teams.TeamInput("Kernteam Oost-West (fictief)"),
        practice_ids=[a, b], members=[teams.TeamMemberInput(ctx.user.person_id, "voorzitter")],
    )  # fmt: skip
    assert (saved.name, saved.practice_ids, len(saved.members)) == (
        "Kernteam Oost-West (fictief)", tuple(sorted([a, b])), 1,
    )  # fmt: skip


def test_a_new_user_in_a_one_practice_register_is_attached_to_it(ctx):
    gp = _as(ctx, "dokter")
    info = attachments.user_attachments(ctx, "dokter")
    assert info.practice_ids == (practices.list_practices(ctx)[0].id,)
    assert scope.current_scope(gp).describe() == info.practices[0][1]
    practices.add_practice(ctx, practices.PracticeInput("Tweede (fictief)"))
    _as(ctx, "poh2", Role.POH)  # two practices: the beheerder decides
    assert attachments.user_attachments(ctx, "poh2").practice_ids == ()


def test_scope_refuses_another_practice_with_one_dutch_sentence_and_an_audit_event(ctx):
    home = practices.list_practices(ctx)[0].id
    other = practices.add_practice(ctx, practices.PracticeInput("Buren (fictief)")).id
    team = teams.add_team(ctx, teams.TeamInput("Kernteam Buren (fictief)"), [other])
    mine, theirs = _patient(ctx, "Eigen"), _patient(ctx, "Buur", other)
    gp = _as(ctx, "arts")
    attachments.set_attachments(ctx, "arts", [home], [])
    scope.require_patient_in_scope(gp, mine)
    with pytest.raises(OutOfScope, match="niet bent gekoppeld.*beheerder"):
        scope.require_patient_in_scope(gp, theirs)
    (event,) = _events(ctx, "scope_denied")
    assert (event.user_login, event.patient_id, event.entity) == ("arts", theirs, "patient")
    with pytest.raises(OutOfScope):
        practices.practice_moves(gp, theirs)
    with pytest.raises(OutOfScope):
        scope.require_team_in_scope(gp, team.id)
    # Attached to the neighbours' team: their practice comes into view, and the team.
    attachments.attach_user(ctx, "arts", team_ids=[team.id])
    scope.require_patient_in_scope(gp, theirs)
    seen = scope.current_scope(gp)
    assert set(seen.practice_ids) == {home, other} and seen.team_ids == (team.id,)
    assert [p.in_scope for p in practices.list_practices(gp)] == [True, True]
    detached = attachments.detach_user(ctx, "arts", practice_ids=[home])
    assert detached.practice_ids == () and detached.team_ids == (team.id,)
    assert json.loads(_events(ctx, "user_detached")[-1].detail) == {
        "praktijken": [home],
        "teams": [],
    }
    with pytest.raises(OutOfScope):
        scope.require_patient_in_scope(gp, mine)


def test_emergency_page_takes_the_patients_own_practice_hap(ctx):
    from pzmdo.services import documents

    other = practices.add_practice(
        ctx,
        practices.PracticeInput(
            "Praktijk Hap (fictief)", hap_name="HAP Zuid (fictief)", hap_phone="0900-1112223"
        ),
    )
    pid = _patient(ctx, "Spoed", other.id)
    assert documents.careplan_data(ctx, pid).gp_post_phone == "0900-1112223"
    home_patient = _patient(ctx, "Thuis")  # the own practice has no HAP number: the setting
    assert documents.careplan_data(ctx, home_patient).gp_post_phone != "0900-1112223"


def test_a_user_loses_sight_of_a_patient_moved_out_of_their_practices(ctx):
    gp = _as(ctx, "verhuizer")  # one practice in the register: attached to it
    other = practices.add_practice(ctx, practices.PracticeInput("Elders (fictief)")).id
    pid = _patient(gp, "Weg")
    assert [p.id for p in register.search_patients(gp, "Weg")] == [pid]
    practices.move_patient(gp, pid, other, reason="Verhuisd naar elders (fictief)")
    assert register.search_patients(gp, "Weg") == []
    with pytest.raises(OutOfScope):
        register.get_patient(gp, pid)


def test_a_workbook_with_a_sheet_per_practice_imports_each_sheet_into_its_practice(ctx, tmp_path):
    from openpyxl import Workbook

    from pzmdo.services import importer

    home = practices.list_practices(ctx)[0].id
    other = practices.add_practice(ctx, practices.PracticeInput("Dr. Oost (fictief)")).id
    book = Workbook()
    first = book.active
    first.title = "Dr. West"
    first.append(["voornaam", "achternaam", "geboortedatum"])
    first.append(["Wim", "Westblad (fictief)", "01-02-1940"])
    second = book.create_sheet("Dr. Oost")
    second.append(["voornaam", "achternaam", "geboortedatum"])
    second.append(["Olga", "Oostblad (fictief)", "03-04-1941"])
    path = tmp_path / "patz.xlsx"
    book.save(path)
    with pytest.raises(ValidationError, match="geen werkblad 'Dr. Noord'"):
        importer.import_file(ctx, path, sheet_practices={"Dr. Noord": other}, dry_run=True)
    _plan, result = importer.import_file(
        ctx, path, practice_id=home, sheet_practices={"Dr. Oost": other}
    )
    assert result is not None and result.added == 2
    with ctx.db.session() as s:
        where = dict(
            s.execute(
                select(Patient.family_name, Patient.practice_id).where(
                    Patient.id.in_(result.patient_ids)
                )
            ).all()
        )
    assert where == {"Westblad (fictief)": home, "Oostblad (fictief)": other}
