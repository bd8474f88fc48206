"""A tiny publish/subscribe bus: services announce which entities changed after commit."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from threading import Lock


@dataclass(frozen=True)
class Change:
    entity: str  # "patient", "meeting", "careplan", ...
    ids: tuple[int, ...] = ()


Listener = Callable[[Change], None]


@dataclass
class ChangeBus:
    _listeners: list[Listener] = field(default_factory=list)
    _lock: Lock = field(default_factory=Lock)
    _held: threading.local = field(default_factory=threading.local)

    def subscribe(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Hold this thread's announcements until the block ends without error (the
        transaction committed); drop them when it fails (nothing changed)."""
        if getattr(self._held, "changes", None) is not None:
            yield
            return
        held: list[Change] = []
        self._held.changes = held
        try:
            yield
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

    def _send(self, change: Change) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(change)
