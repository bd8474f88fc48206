"""Logging in to a practice server as oneself: TLS with the practice's CA, SCRAM passwords,
the OS keyring, the command line, and Dutch messages for what goes wrong."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from pzmdo.domain.enums import Role
from pzmdo.domain.errors import DatabaseError, UnlockError, ValidationError
from pzmdo.services import about, register, unlock, users
from pzmdo.store import migrate
from pzmdo.store.database import Database, explain_pg_error, is_unique_violation
from pzmdo.store.keys import SERVER_KEYRING_SERVICE
from pzmdo.store.server import WRONG_LOGIN, parse_url
from tests.support.pg_users import PASSWORD, ServerDb, unique_login
from tests.support.postgres import PgCluster
from tests.support.server import other_ca, server_with_login


@dataclass(frozen=True)
class Server:
    cluster: PgCluster
    database: str
    login: str  # a huisarts of the server's practice, added by its beheerder
    db: ServerDb

    def url(self, **extra: str) -> str:
        """The URL a workstation uses: TLS, verify-full, no login, no password."""
        url = self.cluster.url(self.database, tcp=True).replace("postgres@", "")
        return url + "".join(f"&{k}={v}" for k, v in extra.items())


@pytest.fixture
def srv(pg_cluster: PgCluster, pg_url: str) -> Iterator[Server]:
    """A server set up with ``pzmdo server init`` and a login added with ``add-user``."""
    with server_with_login(pg_cluster, pg_url) as (server, login):
        yield Server(pg_cluster, server.name, login, server)


def test_login_over_tls_with_the_practice_ca(srv: Server) -> None:
    ctx = unlock.unlock_on_server(srv.url(), srv.login.upper(), PASSWORD)
    try:
        assert ctx.user.login == srv.login
        assert ctx.db.server_label == f"localhost/{srv.database}"
        shown = about.about(ctx.db.path, ctx.db)  # Help › About names the server, no file
        assert (shown.server, shown.database, shown.backups) == (ctx.db.server_label, None, None)
        with ctx.read() as s:
            assert s.execute(text("SELECT session_user")).scalar() == srv.login
            tls = s.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
            assert tls.scalar() is True
        pid = register.create_patient(
            ctx,
            register.PatientInput(
                given_name="Gerrit",
                family_name="Server (fictief)",
                birth_date=dt.date(1938, 2, 3),
                is_fictional=True,
            ),
        )
        assert [h.id for h in register.search_patients(ctx, "server")] == [pid]
    finally:
        ctx.close()
    with srv.cluster.connect(srv.database) as conn:
        row = conn.execute(
            "SELECT user_login, action FROM audit_event WHERE action = 'unlock' "
            "AND user_login = %s ORDER BY seq",
            (srv.login,),
        ).fetchall()
    assert row == [(srv.login, "unlock")]  # the server set the user: session_user


def test_a_certificate_from_another_ca_is_refused(srv: Server, tmp_path: Path) -> None:
    url = srv.url().replace(str(srv.cluster.ca_cert), str(other_ca(tmp_path)))
    with pytest.raises(DatabaseError) as refused:
        unlock.unlock_on_server(url, srv.login, PASSWORD)
    assert "niet ondertekend door het CA-certificaat van de praktijk" in str(refused.value)


def test_a_certificate_for_another_host_name_is_refused(srv: Server) -> None:
    # The certificate names localhost and 127.0.0.1; the name asked for here is another.
    url = srv.url(hostaddr="127.0.0.1").replace("//localhost:", "//pzmdo-elders.invalid:")
    with pytest.raises(DatabaseError) as refused:
        unlock.unlock_on_server(url, srv.login, PASSWORD)
    assert "hoort niet bij de naam pzmdo-elders.invalid" in str(refused.value)


def test_without_verified_tls_neither_pzmdo_nor_the_server_connects(srv: Server) -> None:
    for mode in ("disable", "require", "verify-ca"):
        weak = srv.url().replace("sslmode=verify-full", f"sslmode={mode}")
        with pytest.raises(ValidationError, match="alleen versleuteld"):
            unlock.unlock_on_server(weak, srv.login, PASSWORD)
    # The server itself refuses a connection without TLS (hostssl only), in Dutch.
    with pytest.raises(psycopg.OperationalError) as refused:
        psycopg.connect(
            host="localhost",
            port=srv.cluster.port,
            dbname=srv.database,
            user=srv.login,
            password=PASSWORD,
            sslmode="disable",
        )
    url = parse_url(srv.url())
    assert "niet toe" in str(explain_pg_error(refused.value, url))


def test_wrong_password_says_so_and_stores_nothing(srv: Server, memory_keyring) -> None:
    for login, password in ((srv.login, "fout-wachtwoord"), ("niemand", PASSWORD)):
        with pytest.raises(UnlockError) as refused:
            unlock.unlock_on_server(srv.url(), login, password, remember=True)
        assert str(refused.value) == WRONG_LOGIN
    assert memory_keyring.store == {}


def test_a_remembered_password_comes_from_the_keyring(srv: Server, memory_keyring) -> None:
    assert not unlock.server_password_remembered(srv.url(), srv.login)
    unlock.unlock_on_server(srv.url(), srv.login, PASSWORD, remember=True).close()
    assert [service for service, _ in memory_keyring.store] == [SERVER_KEYRING_SERVICE]
    assert unlock.server_password_remembered(srv.url(), srv.login)
    ctx = unlock.unlock_on_server_with_keyring(srv.url(), srv.login)
    assert ctx.user.login == srv.login
    ctx.close()
    # The beheerder gave a new password: the remembered one is forgotten, with a message.
    srv.cluster.execute(f"ALTER ROLE {srv.login} PASSWORD 'nieuw-wachtwoord-2'", srv.database)
    with pytest.raises(UnlockError, match="klopt niet meer"):
        unlock.unlock_on_server_with_keyring(srv.url(), srv.login)
    assert memory_keyring.store == {}


def test_an_inactive_user_and_a_login_without_user_are_refused(srv: Server) -> None:
    admin = srv.db.login()
    other = srv.db.add_user(admin, [Role.POH], prefix="oud")
    users.deactivate_user(admin, srv.login)  # the server takes the login away
    admin.close()
    with pytest.raises(UnlockError):
        unlock.unlock_on_server(srv.url(), srv.login, PASSWORD)
    # An inactive user whose login still works (changed behind pzmdo's back): refused too.
    srv.cluster.execute(f"UPDATE app_user SET active = false WHERE login = '{other}'", srv.database)
    with pytest.raises(UnlockError, match="gedeactiveerd"):
        unlock.unlock_on_server(srv.url(), other, PASSWORD)
    stranger = unique_login("los")
    srv.cluster.execute(f"CREATE ROLE {stranger} LOGIN PASSWORD '{PASSWORD}'", srv.database)
    # Without CONNECT on the register's database (the server gives it to pzmdo's groups only).
    with pytest.raises(UnlockError, match="u mag er niet mee verbinden"):
        unlock.unlock_on_server(srv.url(), stranger, PASSWORD)
    srv.cluster.execute(
        f"GRANT CONNECT ON DATABASE {srv.database} TO {stranger}; "
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {stranger}",
        srv.database,
    )
    try:
        with pytest.raises(UnlockError, match="pzmdo server add-user"):
            unlock.unlock_on_server(srv.url(), stranger, PASSWORD)
    finally:
        srv.cluster.execute(f"DROP OWNED BY {stranger}", srv.database)
        srv.cluster.execute(f"DROP ROLE {stranger}", "postgres")


def test_an_older_or_newer_schema_is_refused_without_ddl(srv: Server) -> None:
    with srv.cluster.connect(srv.database) as conn:
        conn.execute("DELETE FROM alembic_version")
        conn.execute("INSERT INTO alembic_version VALUES ('0001')")
    with pytest.raises(DatabaseError, match="'pzmdo server init'"):
        unlock.unlock_on_server(srv.url(), srv.login, PASSWORD)
    owner = Database.open_url(srv.cluster.url(srv.database))
    assert migrate.current_revisions(owner) == ("0001",)  # nothing was upgraded
    srv.cluster.execute("UPDATE alembic_version SET version_num = '9999zz'", srv.database)
    with pytest.raises(DatabaseError, match="nieuwere versie van pzmdo"):
        unlock.unlock_on_server(srv.url(), srv.login, PASSWORD)
    owner.close()


@pytest.mark.parametrize(
    ("state", "says"),
    [
        ("42501", "Daarvoor heeft u op de server geen rechten"),
        ("40001", "tegelijk aan dezelfde gegevens"),
        ("40P01", "tegelijk aan dezelfde gegevens"),
        ("53100", "De schijf van de server is vol"),
        ("25006", "alleen-lezen reserveserver"),
        ("08006", "De verbinding met de server is verbroken"),
    ],
)
def test_server_errors_are_explained_by_sqlstate(srv: Server, state: str, says: str) -> None:
    ctx = unlock.unlock_on_server(srv.url(), srv.login, PASSWORD)
    try:
        # A real error from the server with this SQLSTATE (its text is English on purpose).
        raise_it = f"DO $$ BEGIN RAISE EXCEPTION 'probe' USING ERRCODE = '{state}'; END $$"
        with pytest.raises(DatabaseError) as explained, ctx.unit() as s:
            s.execute(text(raise_it))
        assert says in str(explained.value)
        assert "probe" not in str(explained.value)
    finally:
        ctx.close()


def test_a_refused_privilege_and_a_unique_violation_on_the_server(srv: Server) -> None:
    ctx = unlock.unlock_on_server(srv.url(), srv.login, PASSWORD)
    try:
        # A huisarts's group has no right to add practices (the server's grants).
        with pytest.raises(DatabaseError, match="geen rechten"), ctx.unit() as s:
            s.execute(text("INSERT INTO practice (name) VALUES ('Nieuw (fictief)')"))
        srv.cluster.execute(
            f"CREATE TABLE probe_unique (k int PRIMARY KEY); "
            f"GRANT INSERT ON probe_unique TO {srv.login}",
            srv.database,
        )
        with pytest.raises(Exception) as twice, ctx.db.transaction() as s:
            s.execute(text("INSERT INTO probe_unique VALUES (1), (1)"))
        assert is_unique_violation(twice.value)
    finally:
        ctx.close()


def test_a_connection_lost_mid_work_is_explained(srv: Server) -> None:
    ctx = unlock.unlock_on_server(srv.url(), srv.login, PASSWORD)
    try:
        with pytest.raises(DatabaseError, match="mogelijk niet opgeslagen"), ctx.unit() as s:
            pid = s.execute(text("SELECT pg_backend_pid()")).scalar()
            srv.cluster.execute(f"SELECT pg_terminate_backend({pid})", srv.database)
            s.execute(text("SELECT 1"))
    finally:
        ctx.close()


def test_an_unreachable_or_silent_server_is_explained(srv: Server) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    url = srv.url().replace(f":{srv.cluster.port}/", f":{port}/")
    with pytest.raises(DatabaseError, match="is niet bereikbaar"):
        unlock.unlock_on_server(url, srv.login, PASSWORD)
    with _silent_server() as silent_port:
        url = srv.url().replace(f":{srv.cluster.port}/", f":{silent_port}/")
        with pytest.raises(DatabaseError, match="antwoordt niet"):
            unlock.unlock_on_server(url, srv.login, PASSWORD)


@contextmanager
def _silent_server() -> Iterator[int]:
    """A port that accepts connections and never answers (a hung server)."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                held.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield listener.getsockname()[1]
    finally:
        listener.close()
        for conn in held:
            conn.close()


def _cli(srv: Server, *args: str, password: str = PASSWORD) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PZMDO_SERVER": srv.url(),
        "PZMDO_USER": srv.login,
        "PZMDO_PASSWORD": password,
    }
    env.pop("PZMDO_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "pzmdo", *args], env=env, capture_output=True, text=True
    )


def test_cli_lists_patients_on_the_server(srv: Server) -> None:
    ctx = unlock.unlock_on_server(srv.url(), srv.login, PASSWORD)
    register.create_patient(
        ctx,
        register.PatientInput(
            given_name="Hendrika",
            family_name="Opdrachtregel (fictief)",
            birth_date=dt.date(1940, 7, 1),
            is_fictional=True,
        ),
    )
    ctx.close()
    done = subprocess.run(
        [sys.executable, "-m", "pzmdo", "--server", srv.url(), "patient", "list"],
        env={**os.environ, "PZMDO_USER": srv.login, "PZMDO_PASSWORD": PASSWORD},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "Opdrachtregel (fictief)" in done.stdout
    listed = _cli(srv, "patient", "list", "--json")  # PZMDO_SERVER
    assert listed.returncode == 0, listed.stderr
    assert "Opdrachtregel (fictief)" in listed.stdout
    # Nothing of the login is written anywhere: config, data and log folders of this home.
    for path in Path(os.environ["HOME"]).rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path


def test_cli_wrong_password_is_one_dutch_line(srv: Server) -> None:
    done = _cli(srv, "patient", "list", password="fout-wachtwoord")
    assert done.returncode == 1
    assert done.stderr == f"pzmdo: {WRONG_LOGIN}\n"
    assert "fout-wachtwoord" not in done.stderr + done.stdout


def test_cli_refuses_a_password_inside_the_server_address(srv: Server) -> None:
    url = srv.url().replace("postgresql+psycopg://", f"postgresql://{srv.login}:{PASSWORD}@")
    done = subprocess.run(
        [sys.executable, "-m", "pzmdo", "--server", url, "patient", "list"],
        env={**os.environ, "PZMDO_USER": srv.login, "PZMDO_PASSWORD": PASSWORD},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "Zet geen wachtwoord in het serveradres" in done.stderr


@pytest.mark.parametrize(
    ("command", "says"),
    [
        (["backup", "--out", "x.db"], "docs/server.md"),
        (["restore", "x.db"], "pg_dump"),
        (["init", "--admin", "beheer"], "pzmdo server init"),
        (["rotate"], "geen databasesleutel"),
        (["password"], "beheerder van de server"),
    ],
)
def test_cli_file_only_commands_say_what_to_do_on_a_server(
    srv: Server, command: list[str], says: str
) -> None:
    done = _cli(srv, *command)
    assert done.returncode == 1
    assert done.stderr.startswith("pzmdo: Deze opdracht is er alleen voor een lokaal")
    assert says in done.stderr
    assert "Traceback" not in done.stderr
