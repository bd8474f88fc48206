"""A pzmdo server database made by ``pzmdo server init`` with workstation users who log in
as themselves: the first beheerder (also the huisarts) and the users added to its practice;
plus a CA that signed nothing, for the certificate tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from sqlalchemy import select

from pzmdo.domain.enums import Role
from pzmdo.services import practices, unlock
from pzmdo.services.context import AppContext, CurrentUser
from pzmdo.store.database import Database
from pzmdo.store.models import AppUser, Person
from tests.support.pg_users import PASSWORD, ServerDb, drop_server_db, init_server_db
from tests.support.postgres import PgCluster, make_ca

ARTS_NAME = "Bea Beheer (fictief)"  # the first beheerder, a huisarts (pg_users.init_server_db)


@dataclass(frozen=True)
class Workstations:
    server: ServerDb
    arts: str  # the huisarts's login (the first beheerder)
    poh: str  # the POH's login

    @property
    def url(self) -> str:
        """The server as a workstation names it; each client adds its own login."""
        return self.server.url()

    def close(self) -> None:
        drop_server_db(self.server)


def add_member(server: ServerDb, roles: tuple[Role, ...], prefix: str) -> str:
    """A user of the register's practice, added by the first beheerder; their login."""
    admin = server.login()
    try:
        practice_ids = tuple(p.id for p in practices.list_practices(admin))
        return server.add_user(admin, roles, practice_ids=practice_ids, prefix=prefix)
    finally:
        admin.close()


def prepare(cluster: PgCluster, owner_url: str) -> Workstations:
    server = init_server_db(cluster, owner_url)
    return Workstations(server, server.admin, add_member(server, (Role.POH,), "poh"))


@contextmanager
def server_with_login(
    cluster: PgCluster, owner_url: str, prefix: str = "anna"
) -> Iterator[tuple[ServerDb, str]]:
    """``server init`` on the empty database of ``owner_url``, then a huisarts of its practice;
    the logins are dropped afterwards (they are the cluster's)."""
    server = init_server_db(cluster, owner_url)
    try:
        yield server, add_member(server, (Role.HUISARTS,), prefix)
    finally:
        drop_server_db(server)


def other_ca(folder: Path) -> Path:
    """A CA nobody used to sign the server's certificate."""
    _key, cert = make_ca("andere CA (fictief)")
    path = folder / "andere-ca.crt"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


def open_client(url: str, login: str) -> AppContext:
    """One workstation, logged in as ``login``: its own engine, connections and change bus."""
    return unlock.unlock_on_server(url, login, PASSWORD)


def as_owner(url: str, login: str) -> AppContext:
    """The schema owner's connection acting for ``login`` (to provoke what a login may not)."""
    db = Database.open_url(url)
    with db.transaction(write=False) as s:
        user = s.scalars(select(AppUser).where(AppUser.login == login)).one()
        person = s.get(Person, user.person_id)
        assert person is not None
        current = CurrentUser(user.id, login, person.name, user.roles, person.id)
    return AppContext(db, current)
