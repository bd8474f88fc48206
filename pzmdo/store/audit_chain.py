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

from sqlalchemy import DateTime, select, text, type_coerce
from sqlalchemy.orm import Session

from pzmdo.store.models import AuditEvent

GENESIS = "0" * 64


# json.dumps with these options builds a new encoder per call; one shared encoder gives
# the same bytes at a fraction of the cost (verifying a chain of a million events).
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical(event: AuditEvent) -> bytes:
    return _canonical(
        event.seq,
        event.at,
        event.user_id,
        event.user_login,
        event.action,
        event.patient_id,
        event.entity,
        event.entity_id,
        event.detail,
    )


def _canonical(
    seq: int,
    at: datetime,
    user_id: int | None,
    user_login: str,
    action: str,
    patient_id: int | None,
    entity: str | None,
    entity_id: int | None,
    detail: str | None,
) -> bytes:
    content = {
        "seq": seq,
        "at": _naive_utc(at).isoformat(timespec="microseconds"),
        "user_id": user_id,
        "user_login": user_login,
        "action": action,
        "patient_id": patient_id,
        "entity": entity,
        "entity_id": entity_id,
        "detail": detail,
    }
    return _ENCODER.encode(content).encode()


def _naive_utc(at: datetime) -> datetime:
    """Stored timestamps are naive UTC (read as such by ``verify``); events in memory are aware."""
    return at if at.tzinfo is None else at.astimezone(UTC).replace(tzinfo=None)


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
    """Walk the whole chain in order; (events checked, first broken link or None).

    Reads plain rows (Core, timestamps as stored: naive UTC), not ORM objects: at a
    million events object loading was most of the time (issue 20)."""
    expected_seq, prev = 1, GENESIS
    count = 0
    rows = session.connection().execute(
        select(
            AuditEvent.id,
            AuditEvent.prev_hash,
            AuditEvent.hash,
            *_CONTENT,
        )
        .order_by(AuditEvent.seq)
        .execution_options(yield_per=5000)
    )
    for event_id, prev_hash, stored, *content in rows:
        count += 1
        seq = content[0]
        if seq != expected_seq:
            what = "ontbreekt" if seq > expected_seq else "komt dubbel voor"
            return count, BrokenLink(
                expected_seq,
                event_id,
                f"gebeurtenis {expected_seq} {what} (verwijderd of omgenummerd)",
            )
        if prev_hash != prev:
            return count, BrokenLink(
                seq, event_id, f"gebeurtenis {seq} verwijst niet naar haar voorganger"
            )
        digest = hashlib.sha256(prev.encode("ascii") + _canonical(*content)).hexdigest()
        if digest != stored:
            return count, BrokenLink(
                seq, event_id, f"gebeurtenis {seq} is na het vastleggen gewijzigd"
            )
        prev = stored
        expected_seq += 1
    return count, None


# The hashed content, in the order of ``_canonical``'s parameters.
_CONTENT = (
    AuditEvent.seq,
    type_coerce(AuditEvent.at, DateTime()),
    AuditEvent.user_id,
    AuditEvent.user_login,
    AuditEvent.action,
    AuditEvent.patient_id,
    AuditEvent.entity,
    AuditEvent.entity_id,
    AuditEvent.detail,
)
