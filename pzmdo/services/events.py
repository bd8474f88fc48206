"""A tiny publish/subscribe bus: services announce which entities changed after commit."""

from collections.abc import Callable
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

    def subscribe(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def publish(self, entity: str, *ids: int) -> None:
        change = Change(entity, tuple(ids))
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(change)
