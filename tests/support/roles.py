"""Test setup: give the fixture user extra roles (directly in the store, as an earlier
beheerder would have; the services refuse a user changing their own roles)."""

from __future__ import annotations

import dataclasses

from pzmdo.domain.enums import Role
from pzmdo.services.context import AppContext
from pzmdo.store.models import AppUser, AppUserRole, Person


def with_roles(ctx: AppContext, *roles: Role, big_registered: bool | None = None) -> AppContext:
    """The same user and database, now also holding ``roles``."""
    with ctx.db.transaction() as s:
        user = s.get(AppUser, ctx.user.id)
        for role in roles:
            if role.value not in user.roles:
                s.add(AppUserRole(user_id=user.id, role=role.value))
        if big_registered is not None:
            s.get(Person, user.person_id).big_registered = big_registered
    held = ctx.user.roles | {r.value for r in roles}
    ctx.user = dataclasses.replace(ctx.user, roles=frozenset(held))
    return ctx
