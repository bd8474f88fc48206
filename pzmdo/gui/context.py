"""What every screen gets: the unlocked application context, the runner, change signals."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pzmdo.domain.errors import PzmdoError
from pzmdo.gui.crashlog import write_crash_report
from pzmdo.gui.inputs import install_input_guard
from pzmdo.gui.runner import Runner
from pzmdo.services.context import AppContext
from pzmdo.services.errorlog import specific_message
from pzmdo.services.events import Change


class GuiContext(QObject):
    """Shared by all views. ``app`` is replaced when another user unlocks."""

    # entity name, ids; always emitted on the GUI thread
    changed = Signal(str, tuple)
    _relay = Signal(str, tuple)
    _remote_waiting = Signal()

    def __init__(self, app: AppContext, runner: Runner | None = None) -> None:
        super().__init__()
        app_instance = QApplication.instance()
        if isinstance(app_instance, QApplication):
            install_input_guard(app_instance)  # wheel and Enter behave safely
        self.runner = runner or Runner(self)
        self.runner.error_handler = self.show_error
        self._relay.connect(self.changed, Qt.ConnectionType.QueuedConnection)
        self._remote_waiting.connect(self._deliver_remote, Qt.ConnectionType.QueuedConnection)
        # Other workstations' changes (shared server), merged per entity until the GUI
        # thread takes them: a burst of notifications costs one refresh per view.
        self._remote_lock = threading.Lock()
        self._remote: dict[str, set[int] | None] = {}  # None: all rows of the entity
        # True while ``changed`` is emitted for another workstation's change (a view with
        # unsaved input says so instead of reloading under the user).
        self.remote = False
        self.app = app
        app.changes.subscribe(self._on_change)
        app.listen()
        self.main_window: QWidget | None = None

    def switch_user(self, app: AppContext) -> None:
        if app is self.app:
            return
        self.app.changes.unsubscribe(self._on_change)
        self.app.stop_listening()
        if app.db is not self.app.db:
            self.app.close()
        self.app = app
        app.changes.subscribe(self._on_change)
        app.listen()
        self.changed.emit("*", ())

    def _on_change(self, change: Change) -> None:
        # Called on whichever thread committed (or the listener's); hop to the GUI thread.
        if not change.remote:
            self._relay.emit(change.entity, change.ids)
            return
        with self._remote_lock:
            first = not self._remote
            if change.entity in self._remote:
                ids = self._remote[change.entity]
                self._remote[change.entity] = (
                    None if ids is None or not change.ids else ids | set(change.ids)
                )
            else:
                self._remote[change.entity] = set(change.ids) if change.ids else None
        if first:
            self._remote_waiting.emit()

    def _deliver_remote(self) -> None:
        with self._remote_lock:
            waiting, self._remote = self._remote, {}
        self.remote = True
        try:
            for entity, ids in waiting.items():
                self.changed.emit(entity, tuple(sorted(ids)) if ids else ())
        finally:
            self.remote = False

    def show_error(self, exc: BaseException, parent: QWidget | None = None) -> None:
        parent = parent or self.main_window
        title = QCoreApplication.translate("GuiContext", "pzmdo")
        if isinstance(exc, PzmdoError):
            QMessageBox.warning(parent, title, str(exc))
            return
        path = write_crash_report(exc)
        text = specific_message(exc) or QCoreApplication.translate(
            "GuiContext",
            "Something went wrong; nothing was saved of the last action. "
            "Try again, and report it to your administrator if it happens again.",
        )
        if path is not None:
            text += "\n\n" + QCoreApplication.translate(
                "GuiContext", "Technical details: %1"
            ).replace("%1", str(path))
        QMessageBox.critical(parent, title, text)
