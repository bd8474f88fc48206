"""The working context: an unlocked database plus the user who unlocked it."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pzmdo.domain.errors import ConflictError, DatabaseError
from pzmdo.services.events import ChangeBus
from pzmdo.store.database import Database
from pzmdo.store.files import SessionLock
from pzmdo.store.keys import KeySlotFile
from pzmdo.store.models import AuditEvent

UNIQUE_VIOLATIONS = (2067, 1555)  # SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY


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
    _local: threading.local = field(default_factory=threading.local, repr=False, compare=False)

    @contextmanager
    def unit(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE): everything inside commits together or
        not at all. A unit opened inside another on the same thread joins it, so one user
        action spanning several areas stays one transaction; change announcements made
        inside wait until the outermost unit has committed."""
        current = getattr(self._local, "session", None)
        if current is not None:
            if not self._local.write:
                raise RuntimeError("a write unit cannot be opened inside a read unit")
            yield current
            return
        with self.changes.deferred():
            try:
                with self.db.transaction(write=True) as session:
                    session.info["login"] = self.user.login  # who saved (Versioned rows)
                    self._local.session, self._local.write = session, True
                    try:
                        yield session
                    finally:
                        self._local.session = None
            except IntegrityError as exc:
                # Only a broken uniqueness rule means "stored meanwhile by someone else";
                # other constraints (immutable rows, foreign keys) are passed on as they are.
                if getattr(exc.orig, "sqlite_errorcode", None) not in UNIQUE_VIOLATIONS:
                    raise
                raise DatabaseError(
                    "Dit kon niet worden opgeslagen: iemand anders heeft hetzelfde tegelijk "
                    "gewijzigd, of het bestaat al. Er is niets opgeslagen; laad het scherm "
                    "opnieuw en probeer het nog eens."
                ) from None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit (plain BEGIN): runs beside other readers and a writer, and sees
        one consistent snapshot. Inside a write unit it reads through that unit."""
        current = getattr(self._local, "session", None)
        if current is not None:
            yield current
            return
        with self.db.transaction(write=False) as session:
            self._local.session, self._local.write = session, False
            try:
                yield session
            finally:
                self._local.session = None

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


def check_version(row: Any, expected: int | None, what: str) -> None:
    """Refuse a save that started from an older version of ``row`` (optimistic locking):
    say what changed, by whom and when; nothing is saved and the user's text stays."""
    if expected is None or row.version == expected:
        return
    who = row.changed_by or "iemand anders"
    when = row.changed_at.astimezone() if row.changed_at else None
    at = f" om {when:%H:%M} op {when:%d-%m-%Y}" if when else ""
    raise ConflictError(
        f"{what} is intussen gewijzigd door {who}{at}. Uw wijzigingen zijn niet opgeslagen: "
        "laad opnieuw en neem daarna uw tekst over (die blijft zichtbaar)."
    )
