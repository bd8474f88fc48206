"""The audit trail's hash chain: append inside the writing transaction, verify all of it.

``hash_n = SHA-256(hash_{n-1} || canonical JSON of event n)``; the first event's
predecessor is 64 zeros. The canonical content is every stored column except ``id`` (ids
may be renumbered by an attacker; ``seq`` is part of what is hashed).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from pzmdo.store.models import AuditEvent

GENESIS = "0" * 64


def canonical(event: AuditEvent) -> bytes:
    at = event.at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    content = {
        "seq": event.seq,
        "at": at,
        "user_id": event.user_id,
        "user_login": event.user_login,
        "action": event.action,
        "patient_id": event.patient_id,
        "entity": event.entity,
        "entity_id": event.entity_id,
        "detail": event.detail,
    }
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def link_hash(prev_hash: str, event: AuditEvent) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical(event)).hexdigest()


def append(session: Session, event: AuditEvent) -> None:
    """Number and hash ``event`` after the current head, inside the caller's transaction.

    The unique ``seq`` turns any race into a refused write, never a fork. On PostgreSQL an
    advisory transaction lock serialises writers; on SQLite the write lock does.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7513)"))
    elif dialect == "sqlite":
        # Hold the write lock before reading the head: the driver defers BEGIN to the first
        # write, so a head read before it could be stale. Touches no row.
        session.execute(text("UPDATE audit_event SET seq = seq WHERE 0"))
    head = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    event.at = event.at or datetime.now(UTC)
    event.seq = (head.seq if head else 0) + 1
    event.prev_hash = head.hash if head else GENESIS
    event.hash = link_hash(event.prev_hash, event)
    session.add(event)


@dataclass(frozen=True)
class ChainHead:
    seq: int
    hash: str

    @property
    def short(self) -> str:
        """What goes on paper and in manifests: sequence and the first 16 hex digits."""
        return f"{self.seq}:{self.hash[:16]}"


@dataclass(frozen=True)
class BrokenLink:
    seq: int  # the sequence number where the chain breaks
    event_id: int | None
    reason: str  # Dutch


def head(session: Session) -> ChainHead:
    row = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    return ChainHead(row.seq, row.hash) if row else ChainHead(0, GENESIS)


def verify(session: Session) -> tuple[int, BrokenLink | None]:
    """Walk the whole chain in order; (events checked, first broken link or None)."""
    expected_seq, prev = 1, GENESIS
    count = 0
    for event in session.scalars(
        select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=2000)
    ):
        count += 1
        if event.seq != expected_seq:
            what = "ontbreekt" if event.seq > expected_seq else "komt dubbel voor"
            return count, BrokenLink(
                expected_seq,
                event.id,
                f"gebeurtenis {expected_seq} {what} (verwijderd of omgenummerd)",
            )
        if event.prev_hash != prev:
            return count, BrokenLink(
                event.seq, event.id, f"gebeurtenis {event.seq} verwijst niet naar haar voorganger"
            )
        if link_hash(prev, event) != event.hash:
            return count, BrokenLink(
                event.seq, event.id, f"gebeurtenis {event.seq} is na het vastleggen gewijzigd"
            )
        prev = event.hash
        expected_seq += 1
    return count, None
