"""The database enforces the rules (issue 18): an attacker with a normal login — a POH of
practice Noord — types SQL straight at the server, past the application.

Real cluster, real logins with SCRAM passwords, data made through the services by the
beheerder (also a huisarts) of a database set up with ``server init``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import Role
from pzmdo.services import (
    careplan,
    consultations,
    meetings,
    practices,
    register,
    server_admin,
    teams,
)
from pzmdo.services.context import AppContext
from pzmdo.store import audit_chain, server_schema
from pzmdo.store.models import AuditEvent
from tests.support.pg_users import PASSWORD, ServerDb, drop_server_db, init_server_db

SOUTH = "Zuid"  # in the family name of practice Zuid's patients


def _patient(ctx: AppContext, practice_id: int, family: str) -> int:
    pid = register.mark_patient(
        ctx,
        register.MarkingInput(
            surprise_answer="nee",
            new_patient=register.PatientInput(
                "Test",
                f"{family} (fictief)",
                date(1939, 2, 2),
                is_fictional=True,
                practice_id=practice_id,
            ),  # fmt: skip
            to_agenda=False,
        ),
    )
    careplan.add_agreement(ctx, pid, f"Afspraak {family} (fictief)", "fysiek", None)
    return pid


@pytest.fixture(scope="module")
def world(pg_cluster) -> Iterator[dict[str, Any]]:
    """Practice Noord and Zuid, a team for each, a marked patient in each with a care plan,
    an agenda item, a theme and a consultation; a POH attached to Noord only."""
    name = pg_cluster.create_database()
    server = init_server_db(pg_cluster, pg_cluster.url(name))
    admin = server.login()
    w: dict[str, Any] = {"server": server, "admin": admin}
    north = practices.list_practices(admin)[0].id
    south = practices.add_practice(admin, practices.PracticeInput("Praktijk Zuid (fictief)")).id
    team_n = teams.add_team(admin, teams.TeamInput("MDO Noord (fictief)"), [north]).id
    team_s = teams.add_team(admin, teams.TeamInput("MDO Zuid (fictief)"), [south]).id
    consult_team = consultations.save_team(
        admin, None, name="Consultteam (fictief)", team_type="regionaal",
        phone_office="0201234567",
    )  # fmt: skip
    for key, practice, team, family in (
        ("n", north, team_n, "Noord"),
        ("s", south, team_s, SOUTH),
    ):
        pid = _patient(admin, practice, family)
        meeting = meetings.plan_meeting(admin, date.today() + timedelta(days=14), team_id=team)
        meetings.add_patient(admin, meeting.id, pid, "")
        meetings.add_theme(admin, meeting.id, f"Thema {family} (fictief)")
        consultations.request_consultation(
            admin, pid, team_id=consult_team, question="Vraag (fictief)?",
            mode="telefonisch", complexity="middel",
        )  # fmt: skip
        w[f"pid_{key}"], w[f"meeting_{key}"], w[f"practice_{key}"] = pid, meeting.id, practice
        w[f"team_{key}"] = team
    w["poh"] = server.add_user(admin, [Role.POH], practice_ids=[north], team_ids=[team_n])
    yield w
    admin.close()
    drop_server_db(server)


def _raw(server: ServerDb, login: str) -> psycopg.Connection:
    """A plain connection as ``login``: what an attacker with psql has."""
    info = server.cluster
    return psycopg.connect(
        host=str(info.folder), port=info.port, dbname=server.name, user=login,
        password=PASSWORD, autocommit=True,
    )  # fmt: skip


def _refused(conn: psycopg.Connection, sql: str, params: Any = None) -> str:
    with pytest.raises(psycopg.errors.InsufficientPrivilege) as caught:
        conn.execute(sql, params)
    return str(caught.value)


def test_select_shows_nothing_of_another_practice(world):
    with _raw(world["server"], world["poh"]) as poh:
        patients = poh.execute("SELECT id, family_name FROM patient").fetchall()
        assert [p for p, _ in patients] == [world["pid_n"]]
        assert not poh.execute("SELECT * FROM patient WHERE id = %s", [world["pid_s"]]).fetchall()
        # Every table linked to a patient: nothing of Zuid's patient, by id or by scan.
        for table in server_schema.scoped_tables():
            columns = [r[0] for r in poh.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
                [table],
            )]  # fmt: skip
            if "patient_id" in columns:
                rows = poh.execute(
                    f"SELECT count(*) FROM {table} WHERE patient_id = %s", [world["pid_s"]]
                ).fetchone()
                assert rows == (0,), table
        # The care plan, agenda (patient and theme), consultation: only Noord's.
        for table, column in (
            ("care_plan_version", "patient_id"),
            ("meeting_agenda_item", "meeting_id"),
            ("consultation", "patient_id"),
            ("marking", "patient_id"),
            ("meeting", "id"),
        ):
            wanted = world["meeting_n" if "meeting" in (column, table) else "pid_n"]
            seen = {r[0] for r in poh.execute(f"SELECT {column} FROM {table}")}
            assert seen == {wanted}, table
        themes = poh.execute("SELECT title FROM meeting_agenda_item WHERE patient_id IS NULL")
        assert [t for (t,) in themes] == ["Thema Noord (fictief)"]
    # The owner sees both (so the filter above had something to hide).
    with world["server"].owner().engine.connect() as owner:
        count = owner.execute(text("SELECT count(DISTINCT patient_id) FROM care_plan_version"))
        assert count.scalar() == 2


def test_writing_into_another_practice_is_refused(world):
    with _raw(world["server"], world["poh"]) as poh:
        message = _refused(
            poh, "UPDATE patient SET practice_id = %s WHERE id = %s",
            [world["practice_s"], world["pid_n"]],
        )  # fmt: skip
        assert "row-level security" in message
        for sql, ids in (
            (
                "INSERT INTO care_plan_version (patient_id, version, content, effective_on, "
                "created_at, author_name, source) SELECT %s, 99, content, effective_on, "
                "created_at, author_name, source FROM care_plan_version WHERE patient_id = %s",
                [world["pid_s"], world["pid_n"]],
            ),
            (
                "INSERT INTO meeting_agenda_item (meeting_id, position, reason, reasons, "
                "detail, title, status, seconds_spent, created_at) SELECT %s, 99, reason, "
                "reasons, detail, title, status, seconds_spent, created_at "
                "FROM meeting_agenda_item WHERE meeting_id = %s",
                [world["meeting_s"], world["meeting_n"]],
            ),
            (
                "INSERT INTO patient (practice_id, given_name, family_name, search_name, "
                "birth_date, sex, status, status_since, sharing_objection, wlz_indication, "
                "is_fictional, created_at, updated_at, version) SELECT %s, given_name, "
                "family_name, search_name, birth_date, sex, status, status_since, "
                "sharing_objection, wlz_indication, is_fictional, created_at, updated_at, 1 "
                "FROM patient WHERE id = %s",
                [world["practice_s"], world["pid_n"]],
            ),
        ):
            assert "row-level security" in _refused(poh, sql, ids)
        # A row of Zuid cannot even be found to change.
        done = poh.execute("UPDATE patient SET family_name = 'Weg' WHERE id = %s", [world["pid_s"]])
        assert done.rowcount == 0
    with world["server"].owner().engine.connect() as owner:
        moved = owner.execute(
            text("SELECT practice_id FROM patient WHERE id = :p"), {"p": world["pid_n"]}
        )
        assert moved.scalar() == world["practice_n"]


def test_the_audit_trail_cannot_be_changed_or_forged(world):
    server, poh_login = world["server"], world["poh"]
    admin = world["admin"].user
    with _raw(server, poh_login) as poh:
        assert "permission denied" in _refused(poh, "UPDATE audit_event SET action = 'x'")
        assert "permission denied" in _refused(poh, "DELETE FROM audit_event")
        poh.execute(
            "INSERT INTO audit_event (seq, prev_hash, hash, at, user_id, user_login, action, "
            "patient_id, entity, detail) VALUES (1, %s, %s, '2001-01-01', %s, %s, "
            "'record_opened', %s, 'vervalst', 'door de POH')",
            ["0" * 64, "f" * 64, admin.id, admin.login, world["pid_n"]],
        )  # fmt: skip
    db = server.owner()
    with db.transaction(write=False) as s:
        forged = s.scalars(select(AuditEvent).where(AuditEvent.entity == "vervalst")).one()
        poh_id = s.execute(
            text("SELECT id FROM app_user WHERE login = :l"), {"l": poh_login}
        ).scalar()
        assert (forged.user_login, forged.user_id) == (poh_login, poh_id)
        assert forged.at.year == date.today().year and forged.seq > 1
        assert audit_chain.verify(s)[1] is None
    db.close()


def test_nobody_gives_themselves_a_role(world):
    server, poh_login = world["server"], world["poh"]
    with _raw(server, poh_login) as poh:
        me = poh.execute("SELECT id FROM app_user WHERE login = session_user").fetchone()[0]
        _refused(poh, "INSERT INTO app_user_role (user_id, role) VALUES (%s, 'beheerder')", [me])
        _refused(poh, "UPDATE app_user_role SET role = 'beheerder' WHERE user_id = %s", [me])
        _refused(poh, f"GRANT pzmdo_beheerder TO {poh_login}")
        _refused(poh, "SELECT pzmdo_sync_login(%s)", [poh_login])
        _refused(poh, "INSERT INTO user_practice (user_id, practice_id) VALUES (%s, %s)",
                 [me, world["practice_s"]])  # fmt: skip
    # Not even a beheerder changes their own roles, in the table or on the server.
    with _raw(server, server.admin) as admin:
        me = admin.execute("SELECT id FROM app_user WHERE login = session_user").fetchone()[0]
        assert "row-level security" in _refused(
            admin, "INSERT INTO app_user_role (user_id, role) VALUES (%s, 'poh')", [me]
        )
        _refused(admin, "SELECT pzmdo_sync_login(%s)", [server.admin])
    db = server.owner()
    with db.engine.connect() as conn:
        assert server_schema.login_groups(conn, poh_login) == {"pzmdo_poh"}
    db.close()


def test_settings_are_the_beheerders_except_a_teams_agenda_triggers(world):
    with _raw(world["server"], world["poh"]) as poh:
        assert "row-level security" in _refused(
            poh, "INSERT INTO setting (key, value) VALUES ('idle_lock_minutes', '1')"
        )
        poh.execute(
            "INSERT INTO setting (key, value) VALUES (%s, '{}')",
            [f"agenda_triggers.{world['team_n']}"],
        )
        assert poh.execute("SELECT count(*) FROM setting").fetchone()[0] >= 1


def test_a_beheerder_sees_every_practice(world):
    with _raw(world["server"], world["server"].admin) as admin:
        seen = {r[0] for r in admin.execute("SELECT id FROM patient")}
        assert seen == {world["pid_n"], world["pid_s"]}
        plans = {r[0] for r in admin.execute("SELECT patient_id FROM care_plan_version")}
        assert plans == seen


def test_the_poh_works_normally_in_her_own_practice(world):
    """The grants are enough for the application: a POH's own work goes through."""
    ctx = world["server"].login(world["poh"])
    try:
        careplan.add_agreement(
            ctx, world["pid_n"], "Afspraak van de POH (fictief)", "sociaal", None
        )
        listed = register.list_patients(ctx)
        assert {p.id for p in listed} == {world["pid_n"]}
        with ctx.read() as s:
            head = audit_chain.head(s)  # the real head, though most events are hidden
        with world["server"].owner().engine.connect() as conn:
            last = conn.execute(text("SELECT max(seq) FROM audit_event")).scalar()
        assert head.seq == last
    finally:
        ctx.close()


def test_a_server_written_chain_with_every_kind_of_text_verifies(world):
    """The server's canonical JSON equals Python's: non-ASCII, quotes, backslashes, newlines,
    control characters, NULL columns and JSON detail."""
    ctx = world["server"].login(world["poh"])
    tricky = 'Zoë "José" \\ pad\nregel\ttab \x01\x1f\x7f \u2028 ☃ 𝄞 \' ; -- '
    try:
        with ctx.unit() as s:
            ctx.audit(
                s,
                AuditAction.RECORD_OPENED,
                patient_id=world["pid_n"],
                entity=tricky[:40],
                entity_id=7,
                detail={"tekst": tricky, "n": [1, None]},
            )
            ctx.audit(s, AuditAction.RECORD_OPENED, detail=tricky)
            ctx.audit(s, AuditAction.RECORD_OPENED)  # NULL patient, entity and detail
            ctx.audit(
                s,
                AuditAction.RECORD_OPENED,
                detail="".join(chr(c) for c in range(1, 128)) + "ëéïü€",
            )
    finally:
        ctx.close()
    db = world["server"].owner()
    with db.transaction(write=False) as s:
        count, broken = audit_chain.verify(s)
        assert broken is None and count > 4
        stored = s.scalars(
            select(AuditEvent.detail)
            .where(AuditEvent.user_login == world["poh"])
            .order_by(AuditEvent.seq.desc())
            .limit(4)
        ).all()
        assert json.loads(stored[3])["tekst"] == tricky
        assert stored[2] == tricky and stored[1] is None
    db.close()


def test_server_check_finds_a_missing_policy(pg_cluster, pg_url):
    server = init_server_db(pg_cluster, pg_url)
    db = server.owner()
    try:
        assert server_admin.check_server(db) == []
        with db.engine.begin() as conn:
            conn.execute(text("DROP POLICY pzmdo_scope ON consultation"))
            conn.execute(text("ALTER TABLE naaste DISABLE ROW LEVEL SECURITY"))
            conn.execute(text("GRANT DELETE ON audit_event TO pzmdo_poh"))
        found = server_admin.check_server(db)
        assert "Het beleid pzmdo_scope op de tabel consultation ontbreekt." in found
        assert any("staat uit op de tabel naaste" in f for f in found)
        assert any("pzmdo_poh heeft DELETE op audit_event" in f for f in found)
        assert found[-1].startswith("Voer 'pzmdo server init' uit")
        server_admin.init_server(db)  # re-applies: in order again
        assert server_admin.check_server(db) == []
    finally:
        db.close()


def test_every_scoped_table_has_row_level_security_in_the_catalog(pg_cluster, pg_url):
    """The policies cover what the models say is patient-linked (derived, not listed)."""
    server = init_server_db(pg_cluster, pg_url)
    engine = create_engine(server.url())
    with engine.connect() as conn:
        enabled = {
            r[0] for r in conn.execute(text(
                "SELECT relname FROM pg_class WHERE relrowsecurity AND relkind = 'r' "
                "AND relnamespace = current_schema()::regnamespace"
            ))
        }  # fmt: skip
    engine.dispose()
    scoped = set(server_schema.scoped_tables())
    assert {"patient", "care_plan_version", "meeting_agenda_item", "consultation",
            "carer_burden_check", "meeting_note", "meeting"} <= scoped  # fmt: skip
    assert scoped | {"audit_event", "setting", "app_user_role"} == enabled
    with pytest.raises(DBAPIError):
        engine = create_engine(server.url("niemand", "fout-wachtwoord-1"))
        engine.connect()
