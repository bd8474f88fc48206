"""Real pzmdo logins on the test cluster: a database set up by ``server init`` (its first
beheerder is also a huisarts) and people added by that beheerder with ``add-user``.

Logins are cluster-wide, so every name made here is unique in the test session.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import count

from sqlalchemy.engine import make_url

from pzmdo.domain.enums import Role
from pzmdo.services import server_admin, unlock
from pzmdo.services.context import AppContext
from pzmdo.store.database import Database
from tests.support.postgres import PgCluster

PASSWORD = "server-wachtwoord-1"
_numbers = count(1)


def unique_login(prefix: str) -> str:
    return f"{prefix}{os.getpid()}x{next(_numbers)}"


@dataclass(frozen=True)
class ServerDb:
    cluster: PgCluster
    name: str
    admin: str  # the first beheerder's login (also a huisarts)

    def url(self, login: str | None = None, password: str = PASSWORD) -> str:
        """The owner's URL (the superuser, over the socket), or a login's."""
        if login is None:
            return self.cluster.url(self.name)
        return self.cluster.url(self.name, login, password)

    def owner(self) -> Database:
        return Database.open_url(self.url())

    def login(self, login: str | None = None, password: str = PASSWORD) -> AppContext:
        """A real login, as the application logs in (the beheerder's by default)."""
        return unlock.unlock_on_server(self.url(), login or self.admin, password)

    def add_user(
        self,
        admin: AppContext,
        roles: Sequence[Role],
        *,
        practice_ids: Sequence[int] = (),
        team_ids: Sequence[int] = (),
        prefix: str | None = None,
    ) -> str:
        """A new login added by ``admin`` (a beheerder's context); returns the login."""
        login = unique_login(prefix or roles[0].value.replace("_", ""))
        server_admin.add_server_user(
            admin, login=login, name=f"{login.title()} (fictief)", roles=roles,
            password=PASSWORD, practice_ids=practice_ids, team_ids=team_ids,
        )  # fmt: skip
        return login


def drop_server_db(server: ServerDb) -> None:
    """Drop the database and then the logins of its users (so fixed names such as the role
    test's 'reserve' can be made again later in the session)."""
    with server.cluster.connect(server.name) as conn:
        logins = [r[0] for r in conn.execute("SELECT login FROM app_user")]
    server.cluster.drop_database(server.name)
    for login in logins:
        server.cluster.execute(f'DROP ROLE IF EXISTS "{login}"', "postgres")


def init_server_db(cluster: PgCluster, owner_url: str) -> ServerDb:
    """``server init`` on the empty database of ``owner_url``, as the owner."""
    name = make_url(owner_url).database
    assert name
    admin = unique_login("beheer")
    db = Database.open_url(owner_url)
    try:
        server_admin.init_server(
            db,
            server_admin.FirstAdmin(
                admin,
                "Bea Beheer (fictief)",
                PASSWORD,
                "Praktijk Noord (fictief)",
                (Role.HUISARTS,),
            ),  # fmt: skip
        )
    finally:
        db.close()
    return ServerDb(cluster, name, admin)
