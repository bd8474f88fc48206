"""Setting up a practice's server and its people (issue 18): ``server init`` by the owner,
``add-user`` and role changes by a beheerder, each on a real cluster with real logins."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from pzmdo.domain.enums import Role
from pzmdo.domain.errors import PermissionDenied, PzmdoError, UnlockError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.services import practices, register, server_admin, server_migrate, unlock, users
from pzmdo.store import audit_chain, migrate, server_schema
from pzmdo.store.database import Database
from pzmdo.store.models import AppUser, AppUserRole, AuditEvent, Person
from tests.conftest import ADMIN
from tests.conftest import PASSWORD as FILE_PASSWORD
from tests.support.cli import run_pzmdo
from tests.support.pg_users import PASSWORD, init_server_db, unique_login


def _groups(server, login: str) -> set[str]:
    db = server.owner()
    try:
        with db.engine.connect() as conn:
            return server_schema.login_groups(conn, login)
    finally:
        db.close()


def test_init_on_an_empty_database_then_again_changes_nothing(pg_cluster, pg_url):
    server = init_server_db(pg_cluster, pg_url)
    db = server.owner()
    try:
        assert not migrate.needs_upgrade(db)
        assert server_admin.check_server(db) == []
        with db.transaction(write=False) as s:
            events = s.scalar(select(func.count()).select_from(AuditEvent))
            admin = s.scalars(select(AppUser)).one()
            assert admin.login == server.admin
            assert admin.roles == {Role.BEHEERDER.value, Role.HUISARTS.value}
        assert _groups(server, server.admin) == {"pzmdo_beheerder", "pzmdo_huisarts"}
        again = server_admin.init_server(db)  # no first beheerder needed: nothing to add
        assert again.admin is None and not again.upgraded
        with db.transaction(write=False) as s:
            assert s.scalar(select(func.count()).select_from(AppUser)) == 1
            assert s.scalar(select(func.count()).select_from(AuditEvent)) == events
            assert audit_chain.verify(s)[1] is None
        assert server_admin.check_server(db) == []
    finally:
        db.close()
    # The first beheerder logs in with the password given at init.
    ctx = server.login()
    assert ctx.user.login == server.admin and ctx.user.may(Action.USERS)
    ctx.close()


def test_only_the_owner_runs_init(pg_cluster, pg_url):
    server = init_server_db(pg_cluster, pg_url)
    db = Database.open_url(server.url(server.admin, PASSWORD))
    try:
        with pytest.raises(ValidationError, match="alleen de eigenaar"):
            server_admin.init_server(db)
    finally:
        db.close()


def test_init_without_a_beheerder_leaves_an_empty_register_for_a_move(
    pg_cluster, pg_url, ctx, db_path
):
    """``server init`` then ``pzmdo migrate --to`` then ``server init --admin``: the moved
    register's beheerder logs in, the rules hold, the copied chain verifies."""
    db = Database.open_url(pg_url)
    try:
        first = server_admin.init_server(db)
        assert first.admin is None and not server_admin.has_users(db)
        assert server_admin.check_server(db) == []
        pid = register.create_patient(
            ctx, register.PatientInput("Verhuis", "Server (fictief)", date(1940, 1, 1))
        )
        moved = server_migrate.migrate_to_server(db_path, ADMIN, FILE_PASSWORD, pg_url)
        assert moved.audit_events > 1
        server_admin.init_server(db, server_admin.FirstAdmin(ADMIN, "", PASSWORD, ""))
        assert server_admin.check_server(db) == []
        with db.transaction(write=False) as s:
            assert audit_chain.verify(s)[1] is None
    finally:
        db.close()
    name = make_url(pg_url).database
    try:
        admin = unlock.unlock_on_server(pg_url, ADMIN, PASSWORD)
        try:
            assert pid in {p.id for p in register.list_patients(admin)}
        finally:
            admin.close()
    finally:  # the fixed login of the file's beheerder: free it for later tests
        pg_cluster.execute(f"DROP OWNED BY {ADMIN}", name)
        pg_cluster.execute(f"DROP ROLE IF EXISTS {ADMIN}", "postgres")


def test_add_user_then_log_in_as_that_user(pg_cluster, pg_url):
    server = init_server_db(pg_cluster, pg_url)
    admin = server.login()
    try:
        practice = practices.list_practices(admin)[0].id
        login = server.add_user(admin, [Role.POH, Role.COORDINATOR], practice_ids=[practice])
        with pytest.raises(ValidationError, match="bestaat al"):
            server_admin.add_server_user(
                admin, login=login, name="Dubbel (fictief)", roles=[Role.POH], password=PASSWORD
            )
    finally:
        admin.close()
    poh = server.login(login)
    try:
        assert poh.user.roles == {Role.POH.value, Role.COORDINATOR.value}
        assert practices.list_practices(poh, in_scope_only=True)[0].id == practice
        # A POH adds nobody: refused by the application, and by the server too.
        with pytest.raises(PermissionDenied):
            server_admin.add_server_user(
                poh, login=unique_login("x"), name="X (fictief)", roles=[Role.POH],
                password=PASSWORD,
            )  # fmt: skip
    finally:
        poh.close()
    assert _groups(server, login) == {"pzmdo_poh", "pzmdo_coordinator"}
    with pytest.raises(PzmdoError):  # a wrong password is no way in
        server.login(login, "verkeerd-wachtwoord")


def test_passwords_on_a_server_are_the_logins_own(pg_cluster, pg_url):
    server = init_server_db(pg_cluster, pg_url)
    admin = server.login()
    try:
        login = server.add_user(admin, [Role.POH])
        users.reset_password(admin, login, "nieuw-wachtwoord-1")  # the beheerder resets
    finally:
        admin.close()
    with pytest.raises(PzmdoError):
        server.login(login)  # the old password no longer works
    poh = server.login(login, "nieuw-wachtwoord-1")
    try:
        users.change_password(poh, "eigen-wachtwoord-2")  # and she picks her own
        with pytest.raises(PermissionDenied):
            users.reset_password(poh, server.admin, "overgenomen-1")
    finally:
        poh.close()
    server.login(login, "eigen-wachtwoord-2").close()
    db = server.owner()
    with db.transaction(write=False) as s:
        actions = s.scalars(
            select(AuditEvent.action).where(AuditEvent.action.like("password%"))
        ).all()
    db.close()
    assert actions == ["password_reset", "password_change"]


def test_a_role_change_changes_the_server_membership(pg_cluster, pg_url):
    server = init_server_db(pg_cluster, pg_url)
    admin = server.login()
    try:
        login = server.add_user(admin, [Role.POH])
        users.set_roles(admin, login, [Role.HUISARTS, Role.OVERIG])
        assert _groups(server, login) == {"pzmdo_huisarts", "pzmdo_overig"}
        users.deactivate_user(admin, login)
        assert _groups(server, login) == set()
    finally:
        admin.close()
    with pytest.raises(PzmdoError):
        server.login(login)  # NOLOGIN now: the server itself refuses


def test_a_login_that_is_no_pzmdo_user_is_refused(pg_cluster, pg_url):
    server = init_server_db(pg_cluster, pg_url)
    stranger = unique_login("vreemd")
    pg_cluster.execute(f"CREATE ROLE {stranger} LOGIN PASSWORD '{PASSWORD}'")
    pg_cluster.execute(f"GRANT CONNECT ON DATABASE {server.name} TO {stranger}", server.name)
    with pytest.raises(UnlockError, match="geen pzmdo-gebruiker"):
        server.login(stranger)
    engine_db = Database.open_url(server.url(stranger))
    try:
        with engine_db.engine.connect() as conn, pytest.raises(Exception, match="permission"):
            conn.execute(text("SELECT * FROM patient"))
    finally:
        engine_db.close()


def test_the_commands_init_check_and_add_user(pg_cluster, pg_url):
    """The real ``pzmdo server`` commands: init (owner), check, add-user (beheerder)."""
    admin = unique_login("cli")
    first = run_pzmdo(
        "server", "init", "--server", pg_url, "--admin", admin, "--name", "Cor Cli (fictief)",
        "--practice", "Praktijk Cli (fictief)", "--also-role", "huisarts",
        user=None, password=None, extra_env={"PZMDO_NEW_PASSWORD": PASSWORD},
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert f"Beheerder met login: {admin}" in first.stdout and "Server: in orde" in first.stdout
    again = run_pzmdo("server", "init", "--server", pg_url, user=None, password=None)
    assert again.returncode == 0, again.stderr
    assert "Schema was al actueel" in again.stdout and "Beheerder met login" not in again.stdout

    server_url = make_url(pg_url)
    name = server_url.database
    login_url = pg_cluster.url(name, admin)  # the password comes from PZMDO_PASSWORD
    poh = unique_login("clipoh")
    added = run_pzmdo(
        "server", "add-user", poh, "--server", login_url, "--name", "Pim Poh (fictief)",
        "--role", "poh", "--practice", "1",
        user=admin, password=PASSWORD, extra_env={"PZMDO_NEW_PASSWORD": "poh-wachtwoord-1"},
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert f"Gebruiker {poh} (POH) toegevoegd" in added.stdout
    ctx = unlock.unlock_on_server(pg_url, poh, "poh-wachtwoord-1")
    assert ctx.user.roles == {"poh"}
    ctx.close()
    refused = run_pzmdo(
        "server", "add-user", unique_login("x"), "--server", pg_cluster.url(name, poh),
        "--name", "X (fictief)", "--role", "poh", user=poh, password="poh-wachtwoord-1",
        extra_env={"PZMDO_NEW_PASSWORD": PASSWORD},
    )  # fmt: skip
    assert refused.returncode == 1
    assert refused.stderr.startswith("pzmdo: U mag") and "Traceback" not in refused.stderr

    pg_cluster.execute("DROP POLICY pzmdo_scope ON patient", name)
    check = run_pzmdo("server", "check", "--server", pg_url, user=None, password=None)
    assert check.returncode == 1
    assert "Probleem: Het beleid pzmdo_scope op de tabel patient ontbreekt." in check.stdout


def test_a_moved_register_gets_its_logins(pg_cluster, pg_url):
    """After ``pzmdo migrate --to`` the users exist but have no login: the owner gives a
    beheerder one (``server init --admin``), that beheerder gives the others theirs."""
    db = Database.open_url(pg_url)
    migrate.upgrade(db)
    moved = {unique_login("oud"): Role.BEHEERDER, unique_login("oudpoh"): Role.POH}
    with db.transaction() as s:  # rows as a copy brings them, no login on the server
        for login, role in moved.items():
            person = Person(name=f"{login} (fictief)", discipline="poh")
            s.add(person)
            s.flush()
            user = AppUser(login=login, person_id=person.id)
            user.role_rows = [AppUserRole(role=role.value)]
            s.add(user)
    admin, poh = list(moved)
    try:
        result = server_admin.init_server(db)
        assert result.admin is None and result.without_login == tuple(sorted(moved))
        with pytest.raises(ValidationError, match="geen actieve beheerder"):
            server_admin.init_server(db, server_admin.FirstAdmin(poh, "", PASSWORD, ""))
        result = server_admin.init_server(db, server_admin.FirstAdmin(admin, "", PASSWORD, ""))
        assert result.admin == admin and result.without_login == (poh,)
    finally:
        db.close()
    ctx = unlock.unlock_on_server(pg_url, admin, PASSWORD)
    try:
        server_admin.give_login(ctx, poh, "poh-wachtwoord-1")
        with pytest.raises(ValidationError, match="al een login"):
            server_admin.give_login(ctx, poh, "poh-wachtwoord-1")
    finally:
        ctx.close()
    mover = unlock.unlock_on_server(pg_url, poh, "poh-wachtwoord-1")
    assert mover.user.roles == {"poh"}
    mover.close()
