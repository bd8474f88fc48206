"""The application works within the server's rules: every service entry point, called by a
real login of every role allowed to call it, gets no refusal from PostgreSQL (no missing
grant, no row-level security policy refusing legitimate work).

The world of the role test (``tests/security/world.py``) is built by the beheerder (also a
BIG-registered huisarts) of a server set up with ``server init``; each role's login is
attached to both practices and both teams, like in the role test.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.exc import DBAPIError

from pzmdo.domain.enums import Role
from pzmdo.domain.errors import PermissionDenied, PzmdoError
from pzmdo.domain.permissions import allowed
from tests.security.entry_points import ENTRY_POINTS
from tests.security.world import build_world
from tests.server.test_server_grants import _server_entry
from tests.support.pg_users import drop_server_db, init_server_db

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def world(pg_cluster, tmp_path_factory) -> Any:
    name = pg_cluster.create_database()
    server = init_server_db(pg_cluster, pg_cluster.url(name))
    pg_cluster.execute("UPDATE person SET big_registered = true", name)  # as another beheerder
    admin = server.login()
    w = build_world(admin, tmp_path_factory.mktemp("server-world"), family="Server")
    w["logins"] = {
        role: server.add_user(
            admin,
            [role],
            practice_ids=[w["practice"], w["practice2"]],
            team_ids=[w["mteam"], w["spare_mteam"]],
        )  # fmt: skip
        for role in Role
    }
    w["contexts"] = {role: server.login(login) for role, login in w["logins"].items()}
    yield w
    for ctx in w["contexts"].values():
        ctx.close()
    admin.close()
    drop_server_db(server)


# A server's own passwords (SCRAM): a reset of another login here; one's own change is in
# test_server_admin (it would cut this module's open connections off).
SERVER_PASSWORDS = {"users.reset_password"}


@pytest.mark.parametrize(
    "name", sorted(n for n in ENTRY_POINTS if _server_entry(n) or n in SERVER_PASSWORDS)
)
def test_entry_point_as_a_real_login(world, name):
    entry = ENTRY_POINTS[name]
    for role, ctx in world["contexts"].items():
        if not any(allowed(ctx.user.roles, a) for a in entry.actions):
            continue
        try:
            entry.call(ctx, world)
        except PermissionDenied as exc:
            pytest.fail(f"{name} refused {role.value}: {exc}")
        except DBAPIError as exc:
            code = getattr(exc.orig, "sqlstate", None)
            pytest.fail(f"{name} as {role.value}: the server refused ({code}): {exc.orig}")
        except PzmdoError:
            pass  # a domain rule with these minimal arguments (as in the role test)
