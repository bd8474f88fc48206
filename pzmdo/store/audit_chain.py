"""The audit trail's hash chain: append inside the writing transaction, verify all of it.

``hash_n = SHA-256(hash_{n-1} || canonical JSON of event n)``; the first event's
predecessor is 64 zeros. The canonical content is every stored column except ``id`` (ids
may be renumbered by an attacker; ``seq`` is part of what is hashed).

On a PostgreSQL server the server stamps each event (``SERVER_TRIGGER``): time, user (the
session's login, not what the client says), sequence and hashes, with the same canonical
JSON, so ``verify`` checks a server-written chain like a local one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, DateTime, select, text, type_coerce
from sqlalchemy.orm import Session

from pzmdo.store.models import AuditEvent

GENESIS = "0" * 64
_LOCK = 7513  # the advisory lock that serialises writers of the chain on a server


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


# What a client sends on a server (user_id and user_login count only for the schema owner).
_CLIENT_COLUMNS = ("user_id", "user_login", "action", "patient_id", "entity", "entity_id", "detail")
_SERVER_INSERT = text(
    f"INSERT INTO audit_event ({', '.join(_CLIENT_COLUMNS)}) "
    f"VALUES ({', '.join(':' + c for c in _CLIENT_COLUMNS)})"
)


def append(session: Session, event: AuditEvent) -> None:
    """Number and hash ``event`` after the current head, inside the caller's transaction.

    The unique ``seq`` turns any race into a refused write, never a fork. On SQLite the
    write lock serialises writers. On PostgreSQL the client sends only the content: the
    server's trigger stamps time, user, sequence and hashes under an advisory lock (the
    event object is not filled in; nothing reads it back)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        # Plain SQL: no RETURNING (row-level security lets a clinician add any event but
        # read back only the document history), and the trigger fills in the rest.
        session.execute(_SERVER_INSERT, {c: getattr(event, c) for c in _CLIENT_COLUMNS})
        return
    if dialect == "sqlite":
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
    if session.get_bind().dialect.name == "postgresql":
        # Row-level security shows a clinician only some events: the server tells the head.
        row = session.execute(text("SELECT seq, hash FROM pzmdo_audit_head()")).first()
    else:
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


# -- the server's side (PostgreSQL) --------------------------------------------------------

# The same canonical JSON as ``_canonical``: keys sorted, no spaces, strings escaped as
# Python's json does with ensure_ascii=False (PostgreSQL's to_json escapes the same
# characters the same way), time as naive UTC with microseconds.
_CANONICAL_SQL = """
    '{"action":' || to_json(NEW.action)::text
    || ',"at":' || to_json(to_char(NEW.at, 'YYYY-MM-DD"T"HH24:MI:SS.US'))::text
    || ',"detail":' || coalesce(to_json(NEW.detail)::text, 'null')
    || ',"entity":' || coalesce(to_json(NEW.entity)::text, 'null')
    || ',"entity_id":' || coalesce(NEW.entity_id::text, 'null')
    || ',"patient_id":' || coalesce(NEW.patient_id::text, 'null')
    || ',"seq":' || NEW.seq::text
    || ',"user_id":' || coalesce(NEW.user_id::text, 'null')
    || ',"user_login":' || to_json(NEW.user_login)::text || '}'
"""

# BEFORE INSERT on audit_event, run as the schema owner (SECURITY DEFINER: it reads the
# head, which row-level security hides from a clinician). An application login's events
# get the server's time and the login's own user; the owner's sessions (migration, tests)
# keep the user they give; a copy by the owner (``SET LOCAL pzmdo.bulk_copy = 'on'``)
# keeps every column, so a copied chain stays as it was.
SERVER_TRIGGER = (
    f"""
CREATE OR REPLACE FUNCTION pzmdo_audit_stamp() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {{schema}}, pg_temp AS $fn$
DECLARE
    is_owner boolean := pg_has_role(
        session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER');
    last_seq integer;
    last_hash text;
BEGIN
    IF is_owner AND current_setting('pzmdo.bulk_copy', true) = 'on' THEN
        RETURN NEW;
    END IF;
    PERFORM pg_advisory_xact_lock({_LOCK});
    IF NOT is_owner OR NEW.user_login IS NULL THEN
        NEW.user_login := session_user::text;
        NEW.user_id := (SELECT id FROM app_user WHERE login = session_user::text);
    END IF;
    NEW.at := clock_timestamp() AT TIME ZONE 'UTC';
    SELECT seq, hash INTO last_seq, last_hash FROM audit_event ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, '{GENESIS}');
    NEW.hash := encode(sha256(convert_to(NEW.prev_hash || {_CANONICAL_SQL}, 'UTF8')), 'hex');
    RETURN NEW;
END
$fn$""",
    "DROP TRIGGER IF EXISTS audit_event_stamp ON audit_event",
    "CREATE TRIGGER audit_event_stamp BEFORE INSERT ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION pzmdo_audit_stamp()",
    f"""
CREATE OR REPLACE FUNCTION pzmdo_audit_head(OUT seq integer, OUT hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {{schema}}, pg_temp AS $fn$
    SELECT e.seq, e.hash FROM audit_event e
    UNION ALL SELECT 0, '{GENESIS}'
    ORDER BY 1 DESC LIMIT 1
$fn$""",
)


def install_server_trigger(conn: Connection) -> None:
    """Create (or replace) the stamping trigger and the head function: idempotent."""
    schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    for statement in SERVER_TRIGGER:
        conn.exec_driver_sql(statement.replace("{schema}", _quote_ident(schema)))


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
