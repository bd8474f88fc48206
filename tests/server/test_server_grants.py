"""The server's grants are enough for the application: every service entry point, called
as every role allowed to call it, writes only tables that role's group may write
(``server_schema.WRITES`` / ``DELETES``, derived from the permission matrix).

Runs on a local file (fast, no server needed): the statements each call sends are
recorded and compared with the privileges the server would grant.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

import pytest
from sqlalchemy import event

from pzmdo.domain.enums import Role
from pzmdo.domain.errors import PzmdoError
from pzmdo.domain.permissions import MATRIX, Action, allowed
from pzmdo.services.context import AppContext
from pzmdo.store import server_schema
from pzmdo.store.models import Base
from tests.security.entry_points import ENTRY_POINTS
from tests.security.world import add_role_users, build_world

# Not on a server: demo data (the owner's), file backups and a local file's key custody.
FILE_ONLY = {Action.DEMO, Action.BACKUP, Action.RESTORE}
KEY_CUSTODY = {"custody.", "users.change_password", "users.reset_password", "unlock."}
_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b(?:\s+OR\s+\w+)?\s+(?:INTO\s+|FROM\s+)?\"?(\w+)")


@pytest.fixture(scope="module")
def world(_demo_template_db, tmp_path_factory):
    folder = tmp_path_factory.mktemp("grants")
    admin = _demo_template_db.copy_to(folder / "praktijk.db")
    w = build_world(admin, folder)
    w["users"] = add_role_users(admin, w, Role, prefix="recht", password="recht-wachtwoord-1")
    yield w
    admin.close()


def _server_entry(name: str) -> bool:
    entry = ENTRY_POINTS[name]
    return not set(entry.actions) & FILE_ONLY and not any(name.startswith(k) for k in KEY_CUSTODY)


def test_every_action_that_writes_is_in_the_table():
    """A new action must say what it writes on a server (or that it writes nothing)."""
    writes_nothing = {
        Action.SESSION, Action.VIEW_DIRECTORY, Action.VIEW_REGISTER, Action.VIEW_RECORD,
        Action.REGISTER_EXPORT, Action.MEETING_VIEW, Action.DOCUMENTS, Action.KPI_AGGREGATE,
        Action.KPI_DRILLDOWN, Action.AUDIT_READ, Action.ALL_PRACTICES,
    }  # fmt: skip
    assert set(server_schema.WRITES) | writes_nothing | FILE_ONLY == set(Action)
    tables = {t.name for t in Base.metadata.sorted_tables}
    for listed in (*server_schema.WRITES.values(), *server_schema.DELETES.values()):
        assert listed <= tables


@pytest.mark.parametrize("name", sorted(n for n in ENTRY_POINTS if _server_entry(n)))
def test_entry_point_writes_only_what_its_roles_may(world, name):
    entry = ENTRY_POINTS[name]
    admin: AppContext = world["admin"]
    tables = [t.name for t in Base.metadata.sorted_tables]
    seen: set[tuple[str, str]] = set()

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        found = _WRITE.match(statement)
        if found and not statement.rstrip().endswith("WHERE 0"):  # SQLite's write-lock probe
            seen.add((found.group(1).upper(), found.group(2)))

    event.listen(admin.db.engine, "before_cursor_execute", record)
    try:
        for role in Role:
            user = world["users"][role]
            if not any(allowed(user.roles, a) for a in entry.actions):
                continue
            seen.clear()
            ctx = AppContext(admin.db, user, admin.keyslots, admin.changes)
            # A domain rule after the guard: what the call wrote before still counts.
            with contextlib.suppress(PzmdoError):
                entry.call(ctx, world)
            granted = server_schema.expected_privileges(role, tables)
            missing = sorted(
                (verb, table) for verb, table in seen if verb not in granted.get(table, set())
            )
            assert not missing, f"{name} as {role.value} writes without a grant: {missing}"
    finally:
        event.remove(admin.db.engine, "before_cursor_execute", record)


def test_only_a_beheerder_changes_users_and_attachments():
    tables = [t.name for t in Base.metadata.sorted_tables]
    admin_only = {"app_user", "app_user_role", "user_practice", "user_team", "user_key",
                  "key_state", "practice", "meeting_team_practice"}  # fmt: skip
    for role in Role:
        granted = server_schema.table_privileges(role)
        writes = {t for t in granted if granted[t] - {"SELECT"}}
        if role != Role.BEHEERDER:
            assert not writes & admin_only, role
        assert "alembic_version" not in granted
    assert MATRIX[Action.USERS] == {Role.BEHEERDER}
    for role in Role:
        audit = server_schema.expected_privileges(role, tables)["audit_event"]
        assert audit == {"SELECT", "INSERT"}
