"""From start-up to the main window: set-up wizard on first run, else the unlock screen of
the local file, or the login screen of the practice's server (``--server`` or the wizard's
saved choice)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from pzmdo.domain.errors import PzmdoError
from pzmdo.gui import server_settings
from pzmdo.gui.runner import Runner
from pzmdo.gui.server_unlock_page import ServerUnlockPage
from pzmdo.gui.setup_wizard import SetupWizard
from pzmdo.gui.unlock_page import UnlockPage
from pzmdo.services import unlock

if TYPE_CHECKING:
    from pzmdo.gui.main_window import MainWindow
    from pzmdo.services.context import AppContext


class Starter(QObject):
    def __init__(
        self, db_path: Path, *, idle_ms: int | None = None, server_url: str | None = None
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.idle_ms = idle_ms
        self.given_server = server_url  # --server / PZMDO_SERVER: not switchable here
        self.server_url: str | None = None
        self.runner = Runner(self)
        self.window: MainWindow | None = None
        self.first_screen: QWidget | None = None

    def start(self) -> None:
        url = self.given_server or _saved_server()
        if url is not None:
            self._show_server_login(url)
            return
        if unlock.database_exists(self.db_path):
            page = UnlockPage(self.db_path, self.runner)
            page.setWindowTitle(QCoreApplication.translate("Starter", "pzmdo — unlock"))
            page.setProperty("fitToContents", True)  # an error message never squashes it
            page.resize(640, 420)
            page.unlocked.connect(self.open_main)
            self._show(page)
        else:
            wizard = SetupWizard(self.db_path, self.runner)
            wizard.created.connect(self._file_created)
            wizard.server_chosen.connect(self._show_server_login)
            self._show(wizard)

    def _show(self, screen: QWidget) -> None:
        if self.first_screen is not None:
            self.first_screen.close()
            self.first_screen.deleteLater()
        self.first_screen = screen
        screen.show()

    def _file_created(self, ctx: AppContext) -> None:
        server_settings.forget()  # this computer now works with its own file
        self.open_main(ctx)

    def _show_server_login(self, url: str) -> None:
        self.server_url = url
        page = ServerUnlockPage(url, self.runner, can_switch=self.given_server is None)
        page.setWindowTitle(QCoreApplication.translate("Starter", "pzmdo — log in"))
        page.setProperty("fitToContents", True)
        page.resize(640, 440)
        page.unlocked.connect(self.open_main)
        page.other_server.connect(self._other_server)
        self._show(page)

    def _other_server(self) -> None:
        """Forget the saved server: the local file's unlock screen, or the wizard."""
        server_settings.forget()
        self.server_url = None
        self.start()

    def open_main(self, ctx: AppContext) -> None:
        # Start-up time: the main window and its pages (about a second of imports) load
        # once unlocked, so the unlock screen is up first (issue 20).
        from pzmdo.gui.context import GuiContext
        from pzmdo.gui.main_window import MainWindow

        gctx = GuiContext(ctx, self.runner)
        self.window = MainWindow(
            gctx, self.db_path, idle_ms=self.idle_ms, server_url=self.server_url
        )
        self.window.show()
        if self.first_screen is not None:
            self.first_screen.close()
            self.first_screen.deleteLater()
            self.first_screen = None


def _saved_server() -> str | None:
    """The server the wizard saved on this computer (None: the local file)."""
    choice = server_settings.load()
    if choice is None:
        return None
    try:
        return choice.url()
    except PzmdoError:
        return None  # incomplete settings: the wizard asks again
