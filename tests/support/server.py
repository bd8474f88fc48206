"""A pzmdo server database made by ``pzmdo server init`` with two workstation users who log
in as themselves: the first beheerder (also the huisarts) and a POH of the same practice."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from pzmdo.domain.enums import Role
from pzmdo.services import practices, unlock
from pzmdo.services.context import AppContext, CurrentUser
from pzmdo.store.database import Database
from pzmdo.store.models import AppUser, Person
from tests.support.pg_users import PASSWORD, ServerDb, drop_server_db, init_server_db
from tests.support.postgres import PgCluster

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


def prepare(cluster: PgCluster, owner_url: str) -> Workstations:
    server = init_server_db(cluster, owner_url)
    admin = server.login()
    try:
        practice_ids = tuple(p.id for p in practices.list_practices(admin))
        poh = server.add_user(admin, (Role.POH,), practice_ids=practice_ids, prefix="poh")
    finally:
        admin.close()
    return Workstations(server, server.admin, poh)


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
