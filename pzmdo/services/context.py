"""The working context: an unlocked database plus the user who unlocked it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.permissions import Action, allowed
from pzmdo.services.events import ChangeBus
from pzmdo.store import audit_chain
from pzmdo.store.database import Database
from pzmdo.store.files import SessionLock
from pzmdo.store.keys import KeySlotFile
from pzmdo.store.models import AuditEvent


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

    @contextmanager
    def unit(self) -> Iterator[Session]:
        """One transaction. Everything inside commits together or not at all."""
        with self.db.transaction() as session:
            yield session

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

    def close(self) -> None:
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
