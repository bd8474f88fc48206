"""Every service entry point × every role, driven by the permission matrix (issue 11).

Refused calls raise a Dutch PermissionDenied and leave one audit event; allowed calls get
past the guard (most complete; a few meet a later domain rule with these minimal
arguments, which is still a Dutch domain error, never a refusal by role).
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pzmdo.domain.enums import Role
from pzmdo.domain.errors import PermissionDenied, PzmdoError
from pzmdo.domain.permissions import MATRIX, Action, allowed
from pzmdo.services.context import AppContext
from pzmdo.store.models import AuditEvent
from tests.security.entry_points import ENTRY_POINTS, MODULES, NOT_ENTRY_POINTS
from tests.security.world import add_role_users, build_world

ROLES = list(Role)


def _service_modules() -> list[tuple[str, object]]:
    """Every module of ``pzmdo.services`` with the name callers use: a package (the split
    big services, e.g. ``meetings``) stands for all its submodules."""
    import pzmdo.services as package

    found = []
    for path in sorted(Path(package.__file__).parent.iterdir()):
        if path.suffix == ".py":
            found.append((path.stem, __import__(f"pzmdo.services.{path.stem}", fromlist=["_"])))
        elif (path / "__init__.py").exists():
            for sub in sorted(path.glob("*.py")):
                name = f"pzmdo.services.{path.name}.{sub.stem}"
                found.append((path.name, __import__(name, fromlist=["_"])))
    return found


def _public_entry_points() -> set[str]:
    import pzmdo.services as package

    found = set()
    for public, module in _service_modules():
        for name, fn in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(fn):
                continue
            if fn.__module__ != module.__name__:
                continue
            params = list(inspect.signature(fn).parameters)
            if params and params[0] == "ctx":
                # Reachable under the public name, where the table (and every caller) finds it.
                assert getattr(getattr(package, public), name) is fn, f"{public}.{name}"
                found.add(f"{public}.{name}")
    return found - NOT_ENTRY_POINTS


def test_table_covers_every_entry_point():
    """A new public service function taking ``ctx`` must be added to the table (and guarded)."""
    assert _public_entry_points() == set(ENTRY_POINTS)
    assert {m.__name__.rsplit(".", 1)[1] for m in MODULES} >= {
        k.split(".")[0] for k in ENTRY_POINTS
    }


def test_matrix_is_complete_and_marking_stays_a_physicians_act():
    assert set(MATRIX) == set(Action)
    assert MATRIX[Action.MARK] == {Role.HUISARTS}
    assert MATRIX[Action.END_OF_LIFE] == {Role.HUISARTS}
    for role in Role:
        if role != Role.BEHEERDER:
            for admin in (Action.USERS, Action.SETTINGS, Action.BACKUP, Action.RESTORE,
                          Action.AUDIT_READ, Action.DIRECTORY):  # fmt: skip
                assert not allowed({role.value}, admin), (role, admin)
    assert allowed({Role.POH.value, Role.BEHEERDER.value}, Action.AUDIT_READ)


@pytest.fixture(scope="module")
def world(_demo_template_db, tmp_path_factory):
    folder = tmp_path_factory.mktemp("roles")
    admin = _demo_template_db.copy_to(folder / "praktijk.db")
    w = build_world(admin, folder)
    w["users"] = add_role_users(admin, w, ROLES, prefix="rol", password="rol-wachtwoord-1")
    yield w
    admin.close()


def _denials(ctx: AppContext, user_id: int) -> int:
    with ctx.db.session() as s:
        return s.scalar(
            select(func.count()).where(
                AuditEvent.action == "permission_denied", AuditEvent.user_id == user_id
            )
        )


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
def test_entry_point_as_every_role(world, name):
    entry = ENTRY_POINTS[name]
    admin: AppContext = world["admin"]
    outcomes = {}
    for role in ROLES:
        user = world["users"][role]
        ctx = AppContext(admin.db, user, admin.keyslots, admin.changes)
        permitted = any(allowed(user.roles, a) for a in entry.actions)
        before = _denials(admin, user.id)
        try:
            entry.call(ctx, world)
        except PermissionDenied as exc:
            assert not permitted, f"{name} refused {role.value}: {exc}"
            assert str(exc).startswith("U ") and "rol" in str(exc)  # Dutch, says why
            assert _denials(admin, user.id) == before + 1, "refusal not audited"
            outcomes[role] = "geweigerd"
            continue
        except PzmdoError as exc:
            assert permitted, f"{name} let {role.value} past the guard ({exc})"
            outcomes[role] = "toegestaan (domeinregel)"
            continue
        assert permitted, f"{name} let {role.value} do it"
        assert _denials(admin, user.id) == before
        outcomes[role] = "toegestaan"
