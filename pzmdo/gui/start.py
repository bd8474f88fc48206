"""From start-up to the main window: set-up wizard on first run, else the unlock screen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from pzmdo.gui.runner import Runner
from pzmdo.gui.setup_wizard import SetupWizard
from pzmdo.gui.unlock_page import UnlockPage
from pzmdo.services import unlock

if TYPE_CHECKING:
    from pzmdo.gui.main_window import MainWindow
    from pzmdo.services.context import AppContext


class Starter(QObject):
    def __init__(self, db_path: Path, *, idle_ms: int | None = None) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.idle_ms = idle_ms
        self.runner = Runner(self)
        self.window: MainWindow | None = None
        self.first_screen: QWidget | None = None

    def start(self) -> None:
        if unlock.database_exists(self.db_path):
            page = UnlockPage(self.db_path, self.runner)
            page.setWindowTitle(QCoreApplication.translate("Starter", "pzmdo — unlock"))
            page.setProperty("fitToContents", True)  # an error message never squashes it
            page.resize(640, 420)
            page.unlocked.connect(self.open_main)
            self.first_screen = page
        else:
            wizard = SetupWizard(self.db_path, self.runner)
            wizard.created.connect(self.open_main)
            self.first_screen = wizard
        self.first_screen.show()

    def open_main(self, ctx: AppContext) -> None:
        # Start-up time: the main window and its pages (about a second of imports) load
        # once unlocked, so the unlock screen is up first (issue 20).
        from pzmdo.gui.context import GuiContext
        from pzmdo.gui.main_window import MainWindow

        gctx = GuiContext(ctx, self.runner)
        self.window = MainWindow(gctx, self.db_path, idle_ms=self.idle_ms)
        self.window.show()
        if self.first_screen is not None:
            self.first_screen.close()
            self.first_screen.deleteLater()
            self.first_screen = None
