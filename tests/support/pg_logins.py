"""A pzmdo server on the test cluster with a person who logs in as themselves: set up with
``pzmdo server init`` and ``add-user`` (srvsec's ``tests/support/pg_users``), plus a CA that
signed nothing, for the certificate tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from pzmdo.domain.enums import Role
from pzmdo.services import practices
from tests.support.pg_users import ServerDb, drop_server_db, init_server_db
from tests.support.postgres import PgCluster, make_ca


@contextmanager
def server_with_login(
    cluster: PgCluster, owner_url: str, prefix: str = "anna"
) -> Iterator[tuple[ServerDb, str]]:
    """``server init`` on the empty database of ``owner_url``, then a huisarts of its practice
    added by the first beheerder; the logins are dropped afterwards (they are the cluster's)."""
    server = init_server_db(cluster, owner_url)
    try:
        admin = server.login()
        try:
            practice = practices.list_practices(admin)[0].id
            login = server.add_user(admin, [Role.HUISARTS], practice_ids=[practice], prefix=prefix)
        finally:
            admin.close()
        yield server, login
    finally:
        drop_server_db(server)


def other_ca(folder: Path) -> Path:
    """A CA nobody used to sign the server's certificate."""
    _key, cert = make_ca("andere CA (fictief)")
    path = folder / "andere-ca.crt"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path
