"""The working context: an unlocked database plus the user who unlocked it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from pzmdo.services.events import ChangeBus
from pzmdo.store.database import Database
from pzmdo.store.files import SessionLock
from pzmdo.store.keys import KeySlotFile
from pzmdo.store.models import AuditEvent


@dataclass(frozen=True)
class CurrentUser:
    id: int
    login: str
    name: str
    role: str
    person_id: int


@dataclass
class AppContext:
    db: Database
    user: CurrentUser
    keyslots: KeySlotFile | None = None
    changes: ChangeBus = field(default_factory=ChangeBus)
    # The unlocked user's X25519 private key (for "remember on this computer" and
    # password changes); never written anywhere.
    private_key: bytes | None = field(default=None, repr=False)
    session_lock: SessionLock | None = field(default=None, repr=False)

    @contextmanager
    def unit(self) -> Iterator[Session]:
        """One transaction. Everything inside commits together or not at all."""
        with self.db.transaction() as session:
            yield session

    def audit(
        self,
        session: Session,
        action: str,
        *,
        patient_id: int | None = None,
        entity: str | None = None,
        entity_id: int | None = None,
        detail: dict[str, Any] | str | None = None,
    ) -> None:
        """Add an audit event to the current transaction (so it commits with the change)."""
        audit(
            session,
            self.user,
            action,
            patient_id=patient_id,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        )

    def close(self) -> None:
        self.db.close()
        if self.session_lock is not None:
            self.session_lock.release()


def audit(
    session: Session,
    user: CurrentUser | None,
    action: str,
    *,
    patient_id: int | None = None,
    entity: str | None = None,
    entity_id: int | None = None,
    detail: dict[str, Any] | str | None = None,
    login: str | None = None,
) -> None:
    if isinstance(detail, dict):
        detail = json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True)
    session.add(
        AuditEvent(
            user_id=user.id if user else None,
            user_login=user.login if user else (login or "-"),
            action=action,
            patient_id=patient_id,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        )
    )
