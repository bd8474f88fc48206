"""Shared steps of the attack tests: users, backups, an independent SQLCipher reader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlcipher3

from pzmdo.domain.enums import Role
from pzmdo.services import users
from pzmdo.services.context import AppContext
from pzmdo.store.keys import parse_recovery_key
from pzmdo.store.paths import keyslot_path

POH = "poh1"
POH_PASSWORD = "poh1-wachtwoord"
GP = "dr.vos"
GP_PASSWORD = "vos-wachtwoord"


def add_team(ctx: AppContext) -> None:
    users.add_user(ctx, login=POH, name="P. Oh (fictief)", role=Role.POH, password=POH_PASSWORD)
    users.add_user(
        ctx, login=GP, name="Dr. V. Vos (fictief)", role=Role.HUISARTS, password=GP_PASSWORD
    )


def read_keys(db: Path) -> dict[str, Any]:
    return json.loads(keyslot_path(db).read_text(encoding="utf-8"))


def write_keys(db: Path, data: dict[str, Any]) -> None:
    """What an attacker with write access to the folder does (no pzmdo code involved)."""
    keyslot_path(db).write_text(json.dumps(data), encoding="utf-8")


def sqlcipher_opens(db: Path, key: bytes | str) -> bool:
    """An independent SQLCipher 4 reader: plain sqlcipher3 with a raw key, no pzmdo code."""
    raw = key if isinstance(key, bytes) else parse_recovery_key(key)
    conn = sqlcipher3.connect(str(db))
    try:
        conn.execute(f"PRAGMA key = \"x'{raw.hex()}'\"")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def audit_logins(ctx: AppContext, action: str) -> list[str]:
    """The user column of audit events (read directly: independent of who may read audits)."""
    from sqlalchemy import select

    from pzmdo.store.models import AuditEvent

    with ctx.db.session() as s:
        return list(
            s.scalars(
                select(AuditEvent.user_login)
                .where(AuditEvent.action == action)
                .order_by(AuditEvent.id)
            )
        )
