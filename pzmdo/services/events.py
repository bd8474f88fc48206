"""A tiny publish/subscribe bus: services announce which entities changed after commit.

On a shared server the same announcements also travel to the other workstations
(``outbound``, PostgreSQL NOTIFY) and theirs arrive here as remote changes."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from threading import Lock


@dataclass(frozen=True)
class Change:
    entity: str  # "patient", "meeting", "careplan", ...; "*" means anything may have changed
    ids: tuple[int, ...] = ()  # empty: some or all rows of the entity
    remote: bool = False  # made on another workstation (never sent on again)


Listener = Callable[[Change], None]


@dataclass
class ChangeBus:
    _listeners: list[Listener] = field(default_factory=list)
    _lock: Lock = field(default_factory=Lock)
    _held: threading.local = field(default_factory=threading.local)
    # Sends this workstation's changes made outside a unit to the others (a shared server
    # sets it; changes held by a unit are sent inside the unit's transaction instead).
    outbound: Callable[[list[Change]], None] | None = None

    def subscribe(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    @contextmanager
    def deferred(self) -> Iterator[list[Change]]:
        """Hold this thread's announcements until the block ends without error (the
        transaction committed); drop them when it fails (nothing changed). Yields the
        held list, so the unit can send it to other workstations before it commits."""
        outer = getattr(self._held, "changes", None)
        if outer is not None:
            yield outer
            return
        held: list[Change] = []
        self._held.changes = held
        try:
            yield held
        finally:
            self._held.changes = None
        for change in dict.fromkeys(held):
            self._send(change)

    def publish(self, entity: str, *ids: int) -> None:
        change = Change(entity, tuple(ids))
        held = getattr(self._held, "changes", None)
        if held is not None:
            held.append(change)
            return
        self._send(change)
        if self.outbound is not None:
            self.outbound([change])

    def publish_remote(self, entity: str, ids: tuple[int, ...] = ()) -> None:
        """A change another workstation made: for this workstation's listeners only."""
        self._send(Change(entity, tuple(ids), remote=True))

    def _send(self, change: Change) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(change)
