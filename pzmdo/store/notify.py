"""Working together on a shared server: PostgreSQL LISTEN/NOTIFY on channel ``pzmdo``.

A writing transaction announces what it changed with ``pg_notify('pzmdo', 'patient:12,13')``
(ids only, never patient data); PostgreSQL delivers it at commit and drops it on rollback.
Every workstation listens on a dedicated connection of its own and hands the other
workstations' announcements to its change bus.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Connection, Engine, text

CHANNEL = "pzmdo"
# PostgreSQL refuses payloads of 8000 bytes or more: longer id lists become "all of them".
MAX_PAYLOAD = 7900
# How long a backend that sent our notifications still counts as ours (its notifications
# arrive within milliseconds; after closing, its pid may be reused by someone else).
OWN_SENDER_SECONDS = 60.0
WAIT_SECONDS = 0.5  # the longest a stop request waits for the listener thread to notice
RETRY_SECONDS = (0.5, 1.0, 2.0, 5.0)  # reconnecting after a lost connection

_log = logging.getLogger(__name__)

Deliver = Callable[[str, tuple[int, ...]], None]


def payload(entity: str, ids: Iterable[int]) -> str:
    """``entity:id,id`` (an empty id list means some or all rows of the entity)."""
    text_ = f"{entity}:{','.join(str(int(i)) for i in ids)}"
    return text_ if len(text_.encode()) <= MAX_PAYLOAD else f"{entity}:"


def parse(message: str) -> tuple[str, tuple[int, ...]] | None:
    """The entity and ids of a payload; None for anything that is not one of ours."""
    entity, sep, rest = message.partition(":")
    if not sep or not entity:
        return None
    try:
        ids = tuple(int(i) for i in rest.split(",") if i)
    except ValueError:
        return None
    return entity, ids


class OwnSenders:
    """The server processes (backend pids) that sent this workstation's notifications, so
    the listener skips our own announcements (they were delivered locally already)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pids: dict[int, float] = {}

    def note(self, pid: int) -> None:
        with self._lock:
            self._pids[pid] = time.monotonic()

    def is_own(self, pid: int) -> bool:
        now = time.monotonic()
        with self._lock:
            self._pids = {p: t for p, t in self._pids.items() if now - t < OWN_SENDER_SECONDS}
            return pid in self._pids


def send(conn: Connection, changes: Iterable[tuple[str, tuple[int, ...]]], own: OwnSenders) -> None:
    """Announce ``changes`` inside the transaction of ``conn`` (delivered at its commit)."""
    payloads = list(dict.fromkeys(payload(entity, ids) for entity, ids in changes))
    if not payloads:
        return
    own.note(_backend_pid(conn))
    conn.execute(
        text("SELECT pg_notify(:channel, p) FROM unnest(CAST(:payloads AS text[])) AS p"),
        {"channel": CHANNEL, "payloads": payloads},
    )


def _backend_pid(conn: Connection) -> int:
    dbapi: Any = conn.connection.dbapi_connection
    return int(dbapi.info.backend_pid)


class Listener:
    """Listens on its own connection in a daemon thread and hands every notification from
    another workstation to ``deliver(entity, ids)``; reconnects after a lost connection and
    then calls ``deliver("*", ())`` (what changed meanwhile is unknown)."""

    def __init__(self, engine: Engine, deliver: Deliver, own: OwnSenders) -> None:
        self._engine = engine
        self._deliver = deliver
        self._own = own
        self._stop = threading.Event()
        self.listening = threading.Event()  # set while LISTEN is active (tests wait on it)
        self._conn: Any = None
        self._thread = threading.Thread(target=self._run, name="pzmdo-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=5 * WAIT_SECONDS)

    def _connect(self) -> Any:
        # A connection made like every other (login, TLS, timeouts), then taken out of the
        # pool: it does nothing but wait for notifications.
        proxy = self._engine.raw_connection()
        proxy.detach()
        conn: Any = proxy.dbapi_connection
        conn.rollback()
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                self._conn = self._connect()
                self.listening.set()
                if failures:
                    self._hand_on("*", ())
                failures = 0
                self._wait(self._conn)
            except Exception:  # noqa: BLE001 - any lost connection: wait and reconnect
                _log.warning("change notifications: connection lost, reconnecting")
                self.listening.clear()
                failures += 1
            finally:
                self._close()
            if not self._stop.is_set() and failures:
                self._stop.wait(RETRY_SECONDS[min(failures, len(RETRY_SECONDS)) - 1])
        self.listening.clear()

    def _wait(self, conn: Any) -> None:
        while not self._stop.is_set():
            for note in conn.notifies(timeout=WAIT_SECONDS):
                if note.channel != CHANNEL or self._own.is_own(note.pid):
                    continue
                parsed = parse(note.payload)
                if parsed is not None:
                    self._hand_on(*parsed)
                if self._stop.is_set():
                    return

    def _hand_on(self, entity: str, ids: tuple[int, ...]) -> None:
        try:
            self._deliver(entity, ids)
        except Exception as exc:  # noqa: BLE001 - a failing receiver must not stop listening
            _log.warning("change notification not handled: %s", type(exc).__name__)

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):  # closing a broken connection may fail too
                conn.close()
