"""Need to know (issue 14): every service entry point × a user of the other practice.

Two practices (A with the demo data, B built like the role test's world), a team for each
and a user holding every clinical role but attached only to practice A and team A. Every
entry point is classified here (a new one fails ``test_every_entry_point_is_classified``):
given an id from practice B it refuses with the one Dutch sentence and an audit event;
a list, search, agenda, document or count contains no patient of practice B; the rest
holds no patient data.
"""

from __future__ import annotations

import contextlib
import dataclasses
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from pzmdo.domain.enums import Role
from pzmdo.domain.errors import OutOfScope, PzmdoError
from pzmdo.domain.practices import OUT_OF_SCOPE
from pzmdo.services import attachments, meetings, practices, register, teams, users
from pzmdo.services.context import AppContext, CurrentUser
from pzmdo.store.models import AuditEvent
from tests.security.entry_points import ENTRY_POINTS
from tests.security.world import build_world

TAG = "Buitenpraktijk"  # in the family name of every patient of practice B

# Entry points that return lists, searches, agenda proposals or counts.
LISTS = {
    "careteam.missing_central_caregiver", "consultations.agenda_candidates",
    "consultations.overdue_consultations", "consultations.per_team", "meetings.list_meetings",
    "register.agenda_candidates", "register.count_by_status", "register.list_patients",
    "register.open_tasks", "register.register_ids", "register.search_patients",
    "register.signal_queue", "kpi.compute", "kpi.trend", "kpi_detail.patients_behind",
    "kpi_export.export", "register_export.export_register", "trajectory.lessons",
    "trajectory.export_lessons",
}  # fmt: skip
# Entry points without patient data (directory, users, keys, settings, practices and teams
# themselves, the beheerder's audit trail and backups, demo data, a new patient of one's own).
NEUTRAL = {
    "attachments.attach_user", "attachments.detach_user", "attachments.list_attachments",
    "attachments.set_attachments", "attachments.user_attachments", "audit_log.audit_ids",
    "audit_log.audit_rows", "audit_log.audit_users", "audit_log.check_chain",
    "audit_log.export_audit", "audit_log.list_audit", "backup.automatic_backup", "backup.backup",
    "backup.restore_in_place", "care_demo.add_demo", "consultations.deactivate_team",
    "consultations.get_team", "consultations.list_consultant_candidates",
    "consultations.list_requesters", "consultations.list_teams", "consultations.overdue_threshold",
    "consultations.save_team", "consultations.set_overdue_threshold", "consultations_demo.add_demo",
    "custody.change_own_password", "custody.rebuild_slots", "custody.remember_device",
    "custody.remember_on_this_computer", "custody.reset_password", "custody.rotate_data_key",
    "demo.add_demo_patients", "demo.ensure_demo_team", "demo.run_area_demos",
    "directory.add_person", "directory.get_person", "directory.list_persons",
    "directory.set_active", "directory.update_person", "importer.apply_import",
    "importer.import_file", "importer.plan_import", "importer.plan_sheets",
    "importer.export_report", "kpi_detail.list_denominators",
    "kpi_detail.scope_choices", "kpi_detail.set_denominator", "meetings.get_team",
    "meetings.list_people", "meetings.trigger_settings", "meetings.save_trigger_settings",
    "meetings.plan_meeting", "meetings.save_team", "meetings.suggest_next_date",
    "meetings_demo.add_demo", "practices.add_practice", "practices.find_practice",
    "practices.get_practice", "practices.list_practices", "practices.update_practice",
    "practices_demo.ensure_region",
    "register.create_patient", "register.default_marker_id", "register.list_gps",
    "register.list_physicians", "register.mark_patient", "register.register_hospital_mdo",
    "register.urgency_levels_for", "register_demo.add_demo", "scope.current_scope",
    "server_admin.add_server_user", "server_admin.give_login",
    "settings.get_setting", "settings.set_setting", "settings.set_settings", "teams.add_team",
    "teams.find_team", "teams.get_team", "teams.list_teams", "teams.set_team_practices",
    "teams.update_team", "unlock.record_lock", "unlock.remember_on_this_computer",
    "users.add_user", "users.change_password", "users.deactivate_user", "users.list_users",
    "users.reset_password", "users.set_roles",
}  # fmt: skip
# Everything else takes the id of a patient, meeting, consultation or a row of one.
BY_ID = set(ENTRY_POINTS) - LISTS - NEUTRAL
CLINICAL = frozenset(r.value for r in Role if r not in (Role.BEHEERDER,))


def test_every_entry_point_is_classified():
    assert set(ENTRY_POINTS) >= LISTS | NEUTRAL
    assert not LISTS & NEUTRAL
    assert len(BY_ID) > 80  # sanity: most entry points take an id


@pytest.fixture(scope="module")
def two_practices(_demo_template_db, tmp_path_factory):
    """Practice A (the demo data, team A) and practice B (a world of its own, team B)."""
    folder = tmp_path_factory.mktemp("scope")
    admin = _demo_template_db.copy_to(folder / "praktijk.db")
    home = practices.list_practices(admin)[0].id
    other = practices.add_practice(admin, practices.PracticeInput("Buitenpraktijk (fictief)")).id
    team_a = meetings.get_team(admin).id
    team_b = teams.add_team(admin, teams.TeamInput("Kernteam Buiten (fictief)"), [other]).id
    w = build_world(admin, folder, practice_id=other, team_id=team_b, family=TAG)
    info = users.add_user(
        admin, login="binnen", name="Binnen Arts (fictief)", role=Role.HUISARTS,
        password="binnen-wachtwoord-1",
    )  # fmt: skip
    attachments.set_attachments(admin, "binnen", [home], [team_a])
    inside = CurrentUser(info.id, info.login, info.name, CLINICAL, info.person_id)
    w["inside"] = AppContext(admin.db, inside, admin.keyslots, admin.changes)
    w["home"], w["other"], w["team_a"], w["team_b"] = home, other, team_a, team_b
    yield w
    admin.close()


def _scope_denials(ctx: AppContext, user_id: int) -> int:
    with ctx.db.session() as s:
        return s.scalar(
            select(func.count()).where(
                AuditEvent.action == "scope_denied", AuditEvent.user_id == user_id
            )
        )


@pytest.mark.parametrize("name", sorted(BY_ID))
def test_an_id_of_the_other_practice_is_refused_and_audited(two_practices, name):
    w = two_practices
    ctx: AppContext = w["inside"]
    before = _scope_denials(w["admin"], ctx.user.id)
    with pytest.raises(OutOfScope) as refused:
        ENTRY_POINTS[name].call(ctx, w)
    assert str(refused.value) == OUT_OF_SCOPE
    assert _scope_denials(w["admin"], ctx.user.id) == before + 1


def _walk(value: Any) -> Any:
    """Every leaf of a result (dataclasses, mappings, sequences)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _walk(getattr(value, field.name))
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(k)
            yield from _walk(v)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from _walk(v)
    else:
        yield value


def _other_pids(w: dict[str, Any]) -> set[int]:
    return {v for k, v in w.items() if k.startswith("pid")}


@pytest.mark.parametrize("name", sorted(LISTS))
def test_lists_of_one_practice_hold_no_patient_of_the_other(two_practices, name):
    w = two_practices
    try:
        result = ENTRY_POINTS[name].call(w["inside"], w)
    except PzmdoError as exc:  # a domain rule with the minimal arguments, never a refusal
        assert not isinstance(exc, OutOfScope), exc
        return
    leaves = list(_walk(result))
    assert not [v for v in leaves if isinstance(v, str) and TAG in v], name
    if isinstance(result, list) and result and all(isinstance(v, int) for v in result):
        assert not set(result) & _other_pids(w), name  # lists of patient ids


def test_the_same_lists_do_show_the_other_practice_to_its_own_users(two_practices):
    """The lists above would show practice B's patients: the test above can fail."""
    w = two_practices
    found = register.search_patients(w["admin"], TAG)
    assert {p.id for p in found} & _other_pids(w)


def test_register_export_holds_only_the_users_practices(two_practices, tmp_path):
    """The export file itself (not just its count): practice B's patients only for B's users."""
    from pzmdo.services import register_export
    from pzmdo.services.register import RegisterQuery

    w = two_practices
    inside = register_export.export_register(
        w["inside"], RegisterQuery(status=None), tmp_path / "a.csv"
    )
    everyone = register_export.export_register(
        w["admin"], RegisterQuery(status=None), tmp_path / "b.csv"
    )
    assert TAG not in inside.path.read_text("utf-8-sig") and inside.count > 0
    assert TAG in everyone.path.read_text("utf-8-sig") and everyone.count > inside.count


def test_agenda_of_team_a_never_holds_a_patient_outside_team_a(two_practices):
    w = two_practices
    admin: AppContext = w["admin"]
    for pid in _other_pids(w):
        with contextlib.suppress(PzmdoError):  # deceased or deregistered: no nomination
            meetings.nominate(admin, pid, "Graag bespreken (fictief)")
    meeting = meetings.plan_meeting(admin, date.today() + timedelta(days=90), team_id=w["team_a"])
    meetings.propose_agenda(admin, meeting.id)
    items = meetings.agenda(admin, meeting.id)
    assert items and not {i.patient_id for i in items} & _other_pids(w)
    with pytest.raises(PzmdoError, match="praktijk van dit team"):
        meetings.add_patient(admin, meeting.id, w["pid2"], "Toch (fictief)")


def test_knelpunten_of_another_practice_stay_with_its_users(two_practices):
    """The after-death reviews' free text may name someone: only reviews of patients in scope."""
    from pzmdo.services import trajectory

    w = two_practices
    admin: AppContext = w["admin"]
    pid = max(_other_pids(w))
    with contextlib.suppress(PzmdoError):  # already deceased in the world
        register.record_death(admin, pid, register.DeathInput(date.today() - timedelta(days=3)))
    trajectory.record_review(
        admin, pid, trajectory.ReviewInput("ja", "nee", "nee", knelpunten=(f"{TAG} knelpunt",))
    )
    period = (date.today() - timedelta(days=30), date.today())
    assert f"{TAG} knelpunt" in [r.text for r in trajectory.lessons(admin, *period).rows]
    assert f"{TAG} knelpunt" not in [r.text for r in trajectory.lessons(w["inside"], *period).rows]


def test_agenda_triggers_of_another_team_are_refused(two_practices):
    w = two_practices
    team_b = teams.find_team(w["admin"], "Kernteam Buiten (fictief)").id
    settings = meetings.trigger_settings(w["admin"], team_b)
    with pytest.raises(OutOfScope):
        meetings.trigger_settings(w["inside"], team_b)
    with pytest.raises(OutOfScope):
        meetings.save_trigger_settings(w["inside"], settings, team_b)
