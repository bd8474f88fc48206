"""A pzmdo database on the test cluster with people who log in as themselves.

Until ``pzmdo server init`` / ``add-user`` do it, the schema is made by the owner with
``migrate.upgrade`` and each login role gets plain table grants here.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from itertools import count
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from pzmdo.domain.enums import Discipline, Role
from pzmdo.store import migrate
from pzmdo.store.database import Database
from pzmdo.store.models import AppUser, AppUserRole, Person, Practice
from pzmdo.store.models.practices import UserPractice
from tests.support.postgres import PgCluster

_numbers = count(1)


def unique_login(stem: str) -> str:
    """Login roles belong to the whole cluster: one name per test."""
    return f"{stem}{next(_numbers)}x{os.getpid()}"


def make_schema(owner_url: str) -> None:
    db = Database.open_url(owner_url)
    try:
        migrate.upgrade(db)
        with db.transaction() as s:
            s.add(Practice(name="Servergroep (fictief)"))
    finally:
        db.close()


def add_login(
    cluster: PgCluster,
    database: str,
    login: str,
    password: str,
    roles: Iterable[Role] = (Role.HUISARTS,),
    *,
    active: bool = True,
) -> None:
    """A LOGIN role with SCRAM password and an ``app_user`` of the same name."""
    cluster.execute(f"CREATE ROLE {login} LOGIN PASSWORD '{password}'", database)
    cluster.execute(
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {login}; "
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {login}",
        database,
    )
    db = Database.open_url(cluster.url(database))
    try:
        with db.transaction() as s:
            practice = s.query(Practice).order_by(Practice.id).first()
            assert practice is not None
            person = Person(name=f"{login} (fictief)", discipline=Discipline.HUISARTS.value)
            s.add(person)
            s.flush()
            user = AppUser(login=login, person_id=person.id, active=active)
            user.role_rows = [AppUserRole(role=r.value) for r in roles]
            s.add(user)
            s.flush()
            s.add(UserPractice(user_id=user.id, practice_id=practice.id))
    finally:
        db.close()


def other_ca(folder: Path) -> Path:
    """A CA nobody used to sign the server's certificate."""
    now = dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "andere CA (fictief)")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )
    path = folder / "andere-ca.crt"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path
