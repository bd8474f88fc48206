"""A database as pzmdo made it before key custody (format-1 ``.keys``, no key tables).

The format-1 slot is reproduced here on purpose, independent of pzmdo's current code:
AES-256-GCM over the data key itself, key = Argon2id(password), associated data = db_id.
"""

from __future__ import annotations

import base64
import json
import secrets
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pzmdo.domain.enums import Role
from pzmdo.services import unlock, users
from pzmdo.store import migrate
from pzmdo.store.paths import keyslot_path

PARAMS = {"t": 3, "m": 65536, "p": 2}


def old_slot(password: str, data_key: bytes, db_id: str) -> dict:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    key = hash_secret_raw(
        password.encode(),
        salt,
        time_cost=3,
        memory_cost=65536,
        parallelism=2,
        hash_len=32,
        type=Type.ID,
    )
    wrapped = AESGCM(key).encrypt(nonce, data_key, db_id.encode())
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    return {
        "kdf": "argon2id",
        "params": PARAMS,
        "salt": b64(salt),
        "nonce": b64(nonce),
        "wrapped": b64(wrapped),
    }


def make_old_database(path: Path, admin: str, admin_password: str, others: dict[str, str]) -> bytes:
    """Users ``admin`` (beheerder) and ``others`` (poh); returns the data key."""
    made = unlock.init_database(
        path,
        practice_name="Oude praktijk (fictief)",
        admin_login=admin,
        admin_name="Oud Beheer (fictief)",
        password=admin_password,
    )
    ctx = made.context
    for login, password in others.items():
        users.add_user(
            ctx, login=login, name=f"{login} (fictief)", role=Role.POH, password=password
        )
    data_key = ctx.db.data_key
    from alembic import command

    cfg = migrate.config()
    with ctx.db.engine.begin() as conn:  # the key tables did not exist yet
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007-1")
    ctx.close()
    db_id = secrets.token_hex(16)
    slots = {
        login: old_slot(pw, data_key, db_id)
        for login, pw in {admin: admin_password, **others}.items()
    }
    failures = [
        {"login": "Typfout-Wachtwoord", "at": "2026-11-01T08:00:00+00:00"},
        {"login": admin, "at": "2026-11-01T08:00:05+00:00"},
    ]
    keyslot_path(path).write_text(
        json.dumps({"format": 1, "db_id": db_id, "slots": slots, "failures": failures}, indent=1)
    )
    return data_key
