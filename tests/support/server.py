"""A pzmdo database on the test cluster with two workstation users, and how a client
opens it (as the owner until the server's own logins exist: contract 2 picks the user)."""

from __future__ import annotations

from sqlalchemy import select

from pzmdo.domain.enums import Discipline, Role
from pzmdo.services.context import AppContext, CurrentUser
from pzmdo.store import migrate
from pzmdo.store.database import Database
from pzmdo.store.models import AppUser, AppUserRole, Person, Practice
from pzmdo.store.models.practices import UserPractice

# login -> (name, roles): a GP in the consultation room and a POH at her desk.
CLIENTS = {
    "arts": ("Dr. A. Arts (fictief)", (Role.HUISARTS, Role.BEHEERDER)),
    "poh": ("P. Ondersteuner (fictief)", (Role.POH,)),
}


def prepare(url: str) -> None:
    """Schema, one practice and the two users attached to it."""
    db = Database.open_url(url)
    try:
        migrate.upgrade(db)
        with db.transaction() as s:
            practice = Practice(name="Gedeelde praktijk (fictief)")
            s.add(practice)
            s.flush()
            for login, (name, roles) in CLIENTS.items():
                physician = Role.HUISARTS in roles
                person = Person(
                    name=name,
                    discipline=(Discipline.HUISARTS if physician else Discipline.POH).value,
                    big_registered=physician,
                )
                s.add(person)
                s.flush()
                user = AppUser(login=login, person_id=person.id)
                user.role_rows = [AppUserRole(role=r.value) for r in roles]
                s.add(user)
                s.flush()
                s.add(UserPractice(user_id=user.id, practice_id=practice.id))
    finally:
        db.close()


def open_client(url: str, login: str) -> AppContext:
    """One workstation's context: its own engine (connections) and change bus."""
    db = Database.open_url(url)
    with db.transaction(write=False) as s:
        user = s.scalars(select(AppUser).where(AppUser.login == login)).one()
        person = s.get(Person, user.person_id)
        assert person is not None
        current = CurrentUser(user.id, login, person.name, user.roles, person.id)
    return AppContext(db, current)
