"""Moving house (issue 18): a demo database to a real PostgreSQL server and back, every table
compared row by row; a full target refused; a copy killed mid-way leaves nothing behind."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, func, select, text
from sqlalchemy.engine import make_url

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import Role
from pzmdo.domain.errors import DatabaseError, PermissionDenied
from pzmdo.services import register, server_migrate, trajectory, users
from pzmdo.services.context import AppContext
from pzmdo.services.unlock import unlock_on_server as server_unlock
from pzmdo.services.unlock import unlock_with_password
from pzmdo.store import audit_chain, migrate
from pzmdo.store.database import Database
from pzmdo.store.models import Base, Patient
from pzmdo.store.paths import keyslot_path
from tests.conftest import ADMIN, PASSWORD
from tests.support import postgres
from tests.support.cli import run_pzmdo
from tests.support.pg_users import unique_login

pytestmark = [pytest.mark.usefixtures("pg_cluster"), pytest.mark.file_only]

NEW_PASSWORD = "nieuw-wachtwoord-1"
KEY_TABLES = ("key_state", "user_key")


# -- helpers ------------------------------------------------------------------------------------
def read_all(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, values as the models give them back (aware UTC datetimes, bools),
    sorted by primary key in Python (no collation involved). The one setting that names the
    program which wrote a database is left out: each database has its own."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = [tuple(r) for r in conn.execute(select(table))]
            if table.name == "setting":
                rows = [r for r in rows if r[0] != migrate.WRITTEN_BY]
            found[table.name] = sorted(rows, key=_pk_of(table))
    return found


def _pk_of(table: Table):  # noqa: ANN202 - a sort key
    positions = [list(table.columns).index(c) for c in table.primary_key.columns]
    return lambda row: tuple(row[i] for i in positions)


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def empty_server(url: str) -> None:
    """A server database at the schema head, as ``pzmdo server init`` leaves it."""
    db = Database.open_url(url)
    migrate.upgrade(db)
    db.close()


def chain_of(db: Database) -> tuple[int, Any]:
    with db.session() as s:
        return audit_chain.verify(s)


def server_rows(url: str, table: str) -> int:
    db = Database.open_url(url)
    try:
        with db.engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        db.close()


@pytest.fixture
def source(demo_ctx: AppContext) -> Path:
    """The demo database plus trajectory rows, as a closed file (its WAL checkpointed):
    what a practice moves."""
    add_trajectory(demo_ctx)
    users.add_user(
        demo_ctx, login="poh.test", name="P. Oh (fictief)", role=Role.POH, password=PASSWORD
    )
    path = demo_ctx.db.path
    assert path is not None
    demo_ctx.close()
    return path


def add_trajectory(ctx: AppContext) -> None:
    """A transfer to the hospice (with its step) and a hospital contact for one patient."""
    today = date.today()
    pid = register.mark_patient(
        ctx,
        register.MarkingInput(
            surprise_answer="nee",
            marked_on=today - timedelta(days=40),
            new_patient=register.PatientInput(
                given_name="Zoë", family_name="Hébert-Traject (fictief)",
                birth_date=date(1940, 1, 2), is_fictional=True,
            ),
            to_agenda=False,
        ),
    )  # fmt: skip
    trajectory.record_transfer(
        ctx,
        pid,
        trajectory.TransferInput(
            transfer_on=today - timedelta(days=3), from_setting="thuis", to_setting="hospice",
            to_name="Hospice De Linde (fictief)", reason="Thuis niet meer haalbaar",
            handed_over_to="Verpleegkundige J. Wit (fictief)", handed_over=("zorgplan",),
            confirmed=True,
        ),
    )  # fmt: skip
    trajectory.record_contact(
        ctx,
        pid,
        trajectory.ContactInput(
            today - timedelta(days=2), "inkomend", "brief", "Dr. Long (fictief)",
            "Ontslagbrief na opname", received="markering_acp",
        ),
    )  # fmt: skip


# -- the round trip -----------------------------------------------------------------------------
def test_demo_database_to_server_and_back_is_identical(source, pg_url, tmp_path):
    original = Database.open_file(source, _key(source), read_only=True)
    before = read_all(original)
    original.close()
    filled = [name for name, rows in before.items() if rows]
    # The demo fills every area: care plans, meetings, consultations, trajectory, audit.
    for name in ("care_plan_version", "meeting", "meeting_decision", "consultation",
                 "transfer", "hospice_referral_step", "second_line_contact", "audit_event",
                 "marking", "patient"):  # fmt: skip
        assert name in filled, name
    untouched = fingerprint(source)
    empty_server(pg_url)

    out = run_pzmdo("migrate", "--to", pg_url, db=source)
    assert out.returncode == 0, out.stderr
    assert "Verhuizing geslaagd" in out.stdout
    assert "patient" in out.stdout and "controlesom" in out.stdout
    assert fingerprint(source) == untouched  # read-only: not a byte, not the mtime

    server = Database.open_url(pg_url)
    on_server = read_all(server)
    events, broken = chain_of(server)
    server.close()
    assert broken is None
    assert on_server["audit_event"][: len(before["audit_event"])] == before["audit_event"]
    added = on_server["audit_event"][len(before["audit_event"]) :]
    assert [e[_col("action")] for e in added] == [AuditAction.MIGRATE_IN.value]
    assert added[0][_col("user_login")] == ADMIN
    assert {k: v for k, v in on_server.items() if k != "audit_event"} == {
        k: v for k, v in before.items() if k != "audit_event"
    }

    back = tmp_path / "terug" / "praktijk.db"
    out = run_pzmdo("migrate", "--from", pg_url, db=back, password=NEW_PASSWORD)
    assert out.returncode == 0, out.stderr
    assert "Herstelsleutel:" in out.stdout
    assert "poh.test" in out.stdout and "nieuw wachtwoord" in out.stdout
    ctx = unlock_with_password(back, ADMIN, NEW_PASSWORD)
    try:
        after = read_all(ctx.db)
        assert chain_of(ctx.db)[1] is None
    finally:
        ctx.close()
    for name in before:
        if name == "audit_event":
            assert after[name][: len(before[name])] == before[name]
        elif name not in KEY_TABLES:
            assert after[name] == before[name], name
    actions = [e[_col("action")] for e in after["audit_event"][len(before["audit_event"]) :]]
    # The server's receipt, the new file's receipt, then this unlock.
    assert actions[:2] == [AuditAction.MIGRATE_IN.value, AuditAction.MIGRATE_IN.value]
    # The new file has keys of its own: the beheerder's only (others get a new password).
    assert [r[0] for r in after["user_key"]] == [ctx.user.id]
    server = Database.open_url(pg_url)
    assert chain_of(server)[1] is None  # the export is recorded on the server, chained
    server.close()
    assert server_rows(pg_url, "audit_event") == len(before["audit_event"]) + 2


def _col(name: str) -> int:
    return list(Base.metadata.tables["audit_event"].columns.keys()).index(name)


def _key(path: Path) -> bytes:
    from pzmdo.services.unlock import data_key_for

    return data_key_for(path, ADMIN, PASSWORD)


def test_an_owner_account_over_tls_moves_the_file(source, pg_cluster):
    """As on a practice's server: the owner is no superuser, logs in with a SCRAM password
    (from PZMDO_SERVER_PASSWORD, never in the URL) over TLS with verify-full."""
    owner, secret = unique_login("eigenaar"), "eigenaar-wachtwoord"
    pg_cluster.execute(
        f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD '{secret}'", database="postgres"
    )
    name = pg_cluster.create_database()
    pg_cluster.execute(f"ALTER DATABASE {name} OWNER TO {owner}", database="postgres")
    url = pg_cluster.url(name, owner, tcp=True)
    try:
        schema = Database.open_url(url, password=secret)
        migrate.upgrade(schema)
        schema.close()
        with_password = pg_cluster.url(name, owner, secret, tcp=True)
        refused = run_pzmdo("migrate", "--to", with_password, db=source)
        assert refused.returncode == 1 and "wachtwoord" in refused.stderr
        out = run_pzmdo(
            "migrate", "--to", url, db=source, extra_env={"PZMDO_SERVER_PASSWORD": secret}
        )
        assert out.returncode == 0, out.stderr
        assert "Verhuizing geslaagd" in out.stdout and secret not in out.stdout
        server = Database.open_url(url, password=secret)
        try:
            assert chain_of(server)[1] is None
        finally:
            server.close()
    finally:
        pg_cluster.drop_database(name)
        pg_cluster.execute(f"DROP ROLE IF EXISTS {owner}", database="postgres")


# -- refusals -----------------------------------------------------------------------------------
def test_a_server_database_with_data_is_refused_and_left_alone(source, pg_url):
    empty_server(pg_url)
    first = server_migrate.migrate_to_server(source, ADMIN, PASSWORD, pg_url)
    assert first.rows > 0 and first.audit_events > 0
    events = server_rows(pg_url, "audit_event")
    untouched = fingerprint(source)
    out = run_pzmdo("migrate", "--to", pg_url, db=source)
    assert out.returncode == 1
    assert "niet leeg" in out.stderr and "niets geschreven" in out.stderr
    assert "Traceback" not in out.stderr
    assert server_rows(pg_url, "audit_event") == events
    assert fingerprint(source) == untouched


def test_a_new_server_database_gets_the_schema_and_the_beheerder_logs_in(source, pg_cluster):
    """The server's administrator only made the database: the copy makes the schema first;
    then ``server init --admin`` gives a beheerder of the moved register a login, who logs in
    as themselves and sees the register (grants and row-level security on copied data)."""
    other = unique_login("beheer")
    ctx = unlock_with_password(source, ADMIN, PASSWORD)
    users.add_user(
        ctx, login=other, name="B. Twee (fictief)", role=Role.BEHEERDER, password=PASSWORD
    )
    with ctx.read() as s:
        patients = s.scalar(select(func.count()).select_from(Patient))
    ctx.close()
    name = pg_cluster.create_database()
    url = pg_cluster.url(name)
    try:
        out = run_pzmdo("migrate", "--to", url, db=source)
        assert out.returncode == 0, out.stderr
        assert "schema is eerst aangemaakt" in out.stdout and "server init --admin" in out.stdout
        init = run_pzmdo(
            "server", "init", "--server", url, "--admin", other, user=None, password=None,
            extra_env={"PZMDO_NEW_PASSWORD": NEW_PASSWORD},
        )  # fmt: skip
        assert init.returncode == 0, init.stderr
        assert ADMIN in init.stdout  # still without a login: listed
        server_ctx = server_unlock(pg_cluster.url(name, other), other, NEW_PASSWORD)
        try:
            with server_ctx.read() as s:
                assert s.scalar(select(func.count()).select_from(Patient)) == patients
            assert chain_of(server_ctx.db)[1] is None
        finally:
            server_ctx.close()
    finally:
        pg_cluster.drop_database(name)
        pg_cluster.execute(f'DROP ROLE IF EXISTS "{other}"', database="postgres")


def test_a_database_holding_something_else_is_refused(source, pg_url):
    pg_cluster_execute(pg_url, "CREATE TABLE boekhouding (id integer)")
    out = run_pzmdo("migrate", "--to", pg_url, db=source)
    assert out.returncode == 1
    assert "pzmdo server init" in out.stderr and "niets gewijzigd" in out.stderr
    assert server_rows_or_none(pg_url) is None


def pg_cluster_execute(url: str, sql: str) -> None:
    db = Database.open_url(url)
    try:
        with db.engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        db.close()


def server_rows_or_none(url: str) -> int | None:
    db = Database.open_url(url)
    try:
        with db.engine.connect() as conn:
            return conn.execute(text("SELECT to_regclass('patient') IS NOT NULL")).scalar() or None
    finally:
        db.close()


def test_an_existing_file_is_not_overwritten(source, pg_url):
    untouched = fingerprint(source)
    out = run_pzmdo("migrate", "--from", pg_url, db=source, password=NEW_PASSWORD)
    assert out.returncode == 1
    assert "staat al een database" in out.stderr
    assert fingerprint(source) == untouched


def test_only_a_beheerder_moves_the_database(source, pg_url, tmp_path):
    empty_server(pg_url)
    out = run_pzmdo("migrate", "--to", pg_url, db=source, user="poh.test")
    assert out.returncode == 1
    assert "beheerder" in out.stderr.lower() or "geen recht" in out.stderr.lower(), out.stderr
    assert server_rows(pg_url, "patient") == 0
    server_migrate.migrate_to_server(source, ADMIN, PASSWORD, pg_url)
    with pytest.raises(PermissionDenied):
        server_migrate.migrate_from_server(pg_url, tmp_path / "poh.db", "poh.test", NEW_PASSWORD)
    assert not (tmp_path / "poh.db").exists()
    assert not keyslot_path(tmp_path / "poh.db").exists()


def test_a_row_the_server_refuses_stops_the_copy_with_nothing_written(source, pg_url):
    """SQLite does not enforce a text column's length; PostgreSQL does: the copy stops with
    one Dutch sentence naming the table, and the server stays empty."""
    db = Database.open_file(source, _key(source))
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE practice SET name = :n"), {"n": "Praktijk (fictief) " * 20})
    db.close()
    empty_server(pg_url)
    with pytest.raises(DatabaseError, match="tabel practice kon niet worden overgezet"):
        server_migrate.migrate_to_server(source, ADMIN, PASSWORD, pg_url)
    for table in ("audit_event", "practice", "person"):
        assert server_rows(pg_url, table) == 0


def test_the_copy_names_another_workstation_that_has_the_file_open(source, pg_url, tmp_path):
    """A session in another process keeps the file open (and reading) during the copy: the
    copy works from its own snapshot and says who else had the file open."""
    empty_server(pg_url)
    other = subprocess.Popen(
        [sys.executable, "-m", "tests.support.workers", "hold", str(source), ADMIN,
         str(tmp_path / "go")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert other.stdout is not None and "ready" in other.stdout.readline()
        result = server_migrate.migrate_to_server(source, ADMIN, PASSWORD, pg_url)
    finally:
        other.communicate("", timeout=60)
    assert result.others_open is not None and "pzmdo" in result.others_open
    assert server_rows(pg_url, "patient") == {t.table: t.rows for t in result.tables}["patient"]


# -- a copy killed half-way ---------------------------------------------------------------------
def test_a_killed_copy_leaves_the_server_empty_and_the_file_unchanged(source, pg_url, pg_cluster):
    empty_server(pg_url)
    original = Database.open_file(source, _key(source), read_only=True)
    rows = read_all(original)
    original.close()
    # The last table (in copy order) that has rows: the copy waits for it while we hold it.
    last = [t.name for t in Base.metadata.sorted_tables if rows[t.name]][-1]
    untouched = fingerprint(source)
    database = make_url(pg_url).database
    blocker = pg_cluster.connect(database)
    blocker.autocommit = False
    blocker.execute(f"LOCK TABLE {last} IN SHARE MODE")  # type: ignore[arg-type]
    env = dict(os.environ, PZMDO_DB=str(source), PZMDO_USER=ADMIN, PZMDO_PASSWORD=PASSWORD)
    proc = subprocess.Popen(
        [sys.executable, "-m", "pzmdo", "migrate", "--to", pg_url],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        waiting = _wait_for_lock_wait(pg_cluster, database, proc)
        assert waiting, "the copy never reached the held table"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        blocker.rollback()
        blocker.close()
    _wait_until_gone(pg_cluster, database)
    for table in ("patient", "audit_event", "app_user", last):
        assert server_rows(pg_url, table) == 0, table
    assert fingerprint(source) == untouched
    # The file still opens for its users, and the server takes a new attempt.
    assert server_migrate.migrate_to_server(source, ADMIN, PASSWORD, pg_url).rows > 0


def _wait_for_lock_wait(cluster: Any, database: str, proc: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + 120
    with cluster.connect(database) as conn:
        while time.monotonic() < deadline and proc.poll() is None:
            found = conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                "AND wait_event_type = 'Lock' AND backend_type = 'client backend'",
                (database,),
            ).fetchone()
            if found and found[0]:
                return True
            time.sleep(0.05)
    return False


def _wait_until_gone(cluster: Any, database: str) -> None:
    """The killed client's server process ends (its transaction rolled back)."""
    deadline = time.monotonic() + 60
    with cluster.connect(database) as conn:
        while time.monotonic() < deadline:
            others = conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                "AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
                (database,),
            ).fetchone()
            if not others or not others[0]:
                return
            time.sleep(0.05)
    raise AssertionError("the killed copy's server process did not end")


# -- from Python (the region benchmark loads its database this way) ------------------------------
def test_copy_to_server_from_an_open_database(demo_ctx, pg_url):
    empty_server(pg_url)
    result = server_migrate.copy_to_server(demo_ctx.db, pg_url)
    assert {t.table for t in result.tables} == set(Base.metadata.tables)
    assert result.audit_events == chain_of(demo_ctx.db)[0]
    server = Database.open_url(pg_url)
    try:
        assert chain_of(server)[1] is None
        # The ids continue after the copied ones: a new row gets the next id.
        with server.engine.begin() as conn:
            highest = conn.execute(text("SELECT max(id) FROM patient")).scalar_one()
            following = conn.execute(
                text("SELECT nextval(pg_get_serial_sequence('patient', 'id'))")
            ).scalar_one()
        assert following == highest + 1
    finally:
        server.close()


# -- the restore rehearsal of docs/server.md ----------------------------------------------------
def test_restore_rehearsal_from_pg_dump(source, pg_url, pg_cluster, tmp_path):
    """pg_dump of the server database, pg_restore into a scratch database, and
    ``migrate --from`` proves the restored copy complete with its audit chain intact."""
    empty_server(pg_url)
    moved = server_migrate.migrate_to_server(source, ADMIN, PASSWORD, pg_url)
    bin_dir = postgres.PG_BIN
    where = ["--host", str(pg_cluster.folder), "--port", str(pg_cluster.port), "-U", "postgres"]
    dump = tmp_path / "praktijk.dump"
    name = make_url(pg_url).database
    subprocess.run(
        [str(bin_dir / "pg_dump"), *where, "--format=custom", f"--file={dump}", name],
        check=True,
        capture_output=True,
    )
    scratch = pg_cluster.create_database()
    try:
        subprocess.run(
            [str(bin_dir / "pg_restore"), *where, f"--dbname={scratch}", str(dump)],
            check=True,
            capture_output=True,
        )
        proef = tmp_path / "proef.db"
        back = server_migrate.migrate_from_server(
            pg_cluster.url(scratch), proef, ADMIN, NEW_PASSWORD
        )
    finally:
        pg_cluster.drop_database(scratch)
    # Everything the server held, plus the server's receipt of the move.
    assert back.audit_events == moved.audit_events + 1
    assert {t.table: t.rows for t in back.tables}["patient"] == {
        t.table: t.rows for t in moved.tables
    }["patient"]
