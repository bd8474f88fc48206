"""What every screen gets: the unlocked application context, the runner, change signals."""

from __future__ import annotations

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

    def __init__(self, app: AppContext, runner: Runner | None = None) -> None:
        super().__init__()
        app_instance = QApplication.instance()
        if isinstance(app_instance, QApplication):
            install_input_guard(app_instance)  # wheel and Enter behave safely
        self.runner = runner or Runner(self)
        self.runner.error_handler = self.show_error
        self._relay.connect(self.changed, Qt.ConnectionType.QueuedConnection)
        self.app = app
        app.changes.subscribe(self._on_change)
        self.main_window: QWidget | None = None

    def switch_user(self, app: AppContext) -> None:
        if app is self.app:
            return
        self.app.changes.unsubscribe(self._on_change)
        if app.db is not self.app.db:
            self.app.close()
        self.app = app
        app.changes.subscribe(self._on_change)
        self.changed.emit("*", ())

    def _on_change(self, change: Change) -> None:
        # Called on whichever thread committed; hop to the GUI thread.
        self._relay.emit(change.entity, change.ids)

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
