"""The back end the store, services and security suites run against.

``PZMDO_TEST_BACKEND=postgresql`` puts the ``ctx`` fixtures on a fresh database of the
session's PostgreSQL cluster (a copy of a template database built once); unset, they use the
encrypted file (SQLCipher) as always. Tests about the encrypted file itself carry the
``file_only`` marker and are skipped on the server.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from pzmdo.domain.enums import Role
from pzmdo.services.context import AppContext, CurrentUser
from pzmdo.services.server_admin import FirstAdmin, init_server
from pzmdo.store.database import Database
from pzmdo.store.models import AppUser
from tests.support.postgres import PgCluster

BACKEND_VARIABLE = "PZMDO_TEST_BACKEND"
ON_POSTGRESQL = os.environ.get(BACKEND_VARIABLE, "").strip().lower() == "postgresql"
LABEL = "Server (PostgreSQL)" if ON_POSTGRESQL else "Bestand (SQLCipher)"
# Where scripts/test.sh collects the count lines; taken out of the environment so that a
# pytest run inside a test (the 150% layout run) does not add its own.
COUNTS_FILE = os.environ.pop("PZMDO_TEST_COUNTS", None)
FILE_ONLY = "file_only: about the encrypted file itself (SQLCipher), not a server database"


def count_line(stats: dict[str, list[Any]]) -> str:
    """``Server (PostgreSQL): 412 passed, 60 skipped (58 file_only)`` from pytest's stats."""
    parts = []
    for key in ("passed", "failed", "error", "skipped", "xfailed", "xpassed"):
        reports = stats.get(key, [])  # as pytest counts them in its last line
        if not reports:
            continue
        part = f"{len(reports)} {key}"
        if key == "skipped":
            file_only = sum(1 for r in reports if FILE_ONLY in str(r.longrepr))
            part += f" ({file_only} file_only)" if file_only else ""
        parts.append(part)
    return f"{LABEL}: {', '.join(parts) or 'no tests'}"


class ServerTestDatabase(Database):
    """A test's own database on the cluster: dropped when the test closes it, with the
    logins its users got (logins are the cluster's, not the database's)."""

    def __init__(self, cluster: PgCluster, name: str, keep: frozenset[str]) -> None:
        fresh = Database.open_url(cluster.url(name))
        super().__init__(fresh.engine, None, None)
        self.cluster, self.name, self.keep = cluster, name, keep
        self.closed = False

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        super().close()
        logins = _logins(self.cluster, self.name) - self.keep
        self.cluster.drop_database(self.name)
        for login in sorted(logins):
            self.cluster.execute(f'DROP ROLE IF EXISTS "{login}"', database="postgres")


def _logins(cluster: PgCluster, database: str) -> frozenset[str]:
    """The pzmdo users of ``database`` that have a login on the cluster."""
    with cluster.connect(database) as conn:
        rows = conn.execute(
            "SELECT login FROM app_user WHERE login IN (SELECT rolname FROM pg_roles)"
        ).fetchall()
    return frozenset(r[0] for r in rows)


@dataclass(frozen=True)
class ServerTemplate:
    """A database on the cluster to copy (``CREATE DATABASE ... TEMPLATE``), with the user
    the copies are opened as (the tests connect as the owner; see tests/conftest.py)."""

    cluster: PgCluster
    name: str
    user: CurrentUser
    logins: frozenset[str] = frozenset()  # the template's own (kept when a copy is dropped)
    data_key: None = None  # the file template's key; a server keeps its own
    private_key: None = None

    def copy_to(self, db_path: Path | None = None) -> AppContext:
        """A fresh copy (``db_path`` is the file back end's; unused here)."""
        name = self.cluster.create_database(template=self.name)
        return AppContext(ServerTestDatabase(self.cluster, name, self.logins), self.user)


def build_server_template(
    cluster: PgCluster, *, login: str, name: str, password: str, practice: str
) -> ServerTemplate:
    """``pzmdo server init`` on a new database of the cluster: schema at head, the server's
    roles, grants and policies, and the same first user as ``unlock.init_database`` makes in
    a file (beheerder and huisarts of one practice; a BIG-registered GP, as with_roles sets
    it in the file template)."""
    database = cluster.create_database()
    db = Database.open_url(cluster.url(database))
    try:
        admin = FirstAdmin(login, name, password, practice, also_roles=(Role.HUISARTS,))
        init_server(db, admin)
        with db.transaction() as s:
            user = s.scalars(select(AppUser).where(AppUser.login == login)).one()
            user.person.big_registered = True
            current = CurrentUser(user.id, login, user.person.name, user.roles, user.person_id)
    finally:
        db.close()
    return finished(cluster, database, current)


def finished(cluster: PgCluster, name: str, user: CurrentUser) -> ServerTemplate:
    """A template ready to copy (nobody connected to it any more)."""
    return ServerTemplate(cluster, name, user, _logins(cluster, name))
