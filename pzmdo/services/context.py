"""The working context: an unlocked database plus the user who unlocked it."""

from __future__ import annotations

import json
import logging
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, object_session
from sqlalchemy.orm.exc import StaleDataError

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.errors import ConflictError, DatabaseError
from pzmdo.domain.permissions import Action, allowed
from pzmdo.services.events import Change, ChangeBus
from pzmdo.store import audit_chain, notify
from pzmdo.store.database import STORED_MEANWHILE, Database, is_unique_violation
from pzmdo.store.files import SessionLock
from pzmdo.store.keys import KeySlotFile
from pzmdo.store.models import AuditEvent

CHANGED_MEANWHILE = (
    "Dit is intussen gewijzigd door iemand anders. Uw wijzigingen zijn niet opgeslagen: "
    "laad opnieuw en neem daarna uw tekst over (die blijft zichtbaar)."
)

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CurrentUser:
    id: int
    login: str
    name: str
    roles: frozenset[str]  # Role codes; a string is taken as a single role
    person_id: int

    def __post_init__(self) -> None:
        if isinstance(self.roles, str):
            object.__setattr__(self, "roles", frozenset({self.roles}))
        else:
            object.__setattr__(self, "roles", frozenset(self.roles))

    def may(self, action: Action) -> bool:
        return allowed(self.roles, action)


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
    # The patient whose record this session last opened: tabs of one patient view read
    # parts of the record, but NEN 7513 wants one "record opened" event per view.
    opened_patient: int | None = field(default=None, compare=False)
    _local: threading.local = field(default_factory=threading.local, repr=False, compare=False)
    # On a shared server: which server processes sent our notifications, and the listener
    # that hears the other workstations' changes (None on a file).
    _senders: notify.OwnSenders | None = field(default=None, init=False, repr=False, compare=False)
    _listener: notify.Listener | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.db.is_sqlite:
            self._senders = notify.OwnSenders()
            self.changes.outbound = self._announce

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
        with self.changes.deferred() as held:
            try:
                with self.db.transaction(write=True) as session:
                    session.info["login"] = self.user.login  # who saved (Versioned rows)
                    self._local.session, self._local.write = session, True
                    try:
                        yield session
                    finally:
                        self._local.session = None
                    if held and self._senders is not None:
                        # Other workstations hear of it when (and only if) this commits.
                        notify.send(session.connection(), _pairs(held), self._senders)
            except IntegrityError as exc:
                # Only a broken uniqueness rule means "stored meanwhile by someone else";
                # other constraints (immutable rows, foreign keys) are passed on as they are.
                if not is_unique_violation(exc):
                    raise
                raise DatabaseError(STORED_MEANWHILE) from None
            except StaleDataError:
                # A versioned UPDATE found another version than it read: a save that
                # raced another workstation's (on a server), refused like check_version.
                raise ConflictError(CHANGED_MEANWHILE) from None

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
        action: AuditAction,
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

    def record_opened(
        self,
        session: Session,
        patient_id: int,
        *,
        new_view: bool = False,
        detail: dict[str, Any] | None = None,
    ) -> None:
        """Audit that the record was opened, once per patient view.

        ``new_view`` (opening a patient window, a command-line read) always records; reads
        of parts of the record (tabs) only when another patient was opened in between.
        """
        if not new_view and self.opened_patient == patient_id:
            return
        self.audit(session, AuditAction.RECORD_OPENED, patient_id=patient_id, detail=detail)
        self.opened_patient = patient_id

    def listen(self) -> None:
        """Hear the other workstations' changes (a shared server; nothing on a file): they
        arrive on this context's change bus as remote changes, on the listener's thread."""
        if self._senders is None or self._listener is not None:
            return
        self._listener = notify.Listener(self.db.engine, self.changes.publish_remote, self._senders)
        self._listener.start()

    def stop_listening(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()

    def _announce(self, changes: list[Change]) -> None:
        """Tell the other workstations about changes announced after their unit committed."""
        assert self._senders is not None
        try:
            with self.db.engine.begin() as conn:
                notify.send(conn, _pairs(changes), self._senders)
        except SQLAlchemyError as exc:
            # The change is stored; only the others' refresh is missed: never fail the action.
            _log.warning("change notification not sent: %s", type(exc).__name__)

    def close(self) -> None:
        self.stop_listening()
        self.db.close()
        if self.session_lock is not None:
            self.session_lock.release()


def audit(
    session: Session,
    user: CurrentUser | None,
    action: AuditAction,
    *,
    patient_id: int | None = None,
    entity: str | None = None,
    entity_id: int | None = None,
    detail: dict[str, Any] | str | None = None,
    login: str | None = None,
) -> None:
    if isinstance(detail, dict):
        detail = json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True)
    audit_chain.append(
        session,
        AuditEvent(
            user_id=user.id if user else None,
            user_login=user.login if user else (login or "-"),
            action=AuditAction(action).value,
            patient_id=patient_id,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        ),
    )


def _pairs(changes: list[Change]) -> list[tuple[str, tuple[int, ...]]]:
    return [(c.entity, c.ids) for c in changes]


def lock_row(session: Session, model: Any, row_id: int) -> None:
    """Serialise the writers of one row until this transaction ends. On a server a
    transaction-scoped advisory lock on (table, id): READ COMMITTED would let two saves read
    the same state, and ``FOR UPDATE`` needs the right to update the row, which not every
    role that writes beside it has. SQLite's BEGIN IMMEDIATE already serialises every writer."""
    if session.get_bind().dialect.name == "sqlite":
        return
    space = zlib.crc32(model.__tablename__.encode()) & 0x7FFFFFFF
    session.execute(
        text("SELECT pg_advisory_xact_lock(CAST(:space AS integer), CAST(:id AS integer))"),
        {"space": space, "id": row_id},
    )


def check_version(row: Any, expected: int | None, what: str) -> None:
    """Refuse a save that started from an older version of ``row`` (optimistic locking):
    say what changed, by whom and when; nothing is saved and the user's text stays.

    On a server the row is locked first and its committed version read, so a save racing
    another workstation's waits for it and is then refused here."""
    if expected is None:
        return
    version, who, when = row.version, row.changed_by, row.changed_at
    session = object_session(row)
    if session is not None and session.get_bind().dialect.name != "sqlite":
        model = type(row)
        with session.no_autoflush:
            version, who, when = session.execute(
                select(model.version, model.changed_by, model.changed_at)
                .where(model.id == row.id)
                .with_for_update()
            ).one()
    if version == expected:
        return
    who = who or "iemand anders"
    when = when.astimezone() if when else None
    at = f" om {when:%H:%M} op {when:%d-%m-%Y}" if when else ""
    raise ConflictError(
        f"{what} is intussen gewijzigd door {who}{at}. Uw wijzigingen zijn niet opgeslagen: "
        "laad opnieuw en neem daarna uw tekst over (die blijft zichtbaar)."
    )
