"""First run on a practice server: the wizard's server path with real widgets, a real TLS
connection to the test cluster, the login screen, the main window, and auto-lock."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWizard

from pzmdo.gui.server_unlock_page import ServerUnlockPage
from pzmdo.gui.setup_wizard import SetupWizard
from pzmdo.gui.start import Starter
from pzmdo.store.keys import SERVER_KEYRING_SERVICE
from pzmdo.store.server import WRONG_LOGIN
from tests.support.pg_users import PASSWORD
from tests.support.postgres import PgCluster
from tests.support.server import other_ca, server_with_login

SHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("PZMDO_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "pzmdo-test-screenshots"
)


@pytest.fixture
def server_db(pg_cluster: PgCluster, pg_url: str) -> Iterator[tuple[str, str]]:
    """A server set up with ``pzmdo server init``; a huisarts added with ``add-user``."""
    with server_with_login(pg_cluster, pg_url, prefix="wiz") as (server, login):
        yield server.name, login


def _shot(widget, name: str) -> None:  # noqa: ANN001 - any QWidget
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.resize(1280, 800)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def _dispose(*objects) -> None:  # noqa: ANN002 - QObjects
    """Delete the starters and windows now, on this thread, not in a later garbage
    collection inside another test's event loop."""
    for obj in objects:
        runner = getattr(obj, "runner", None)
        if runner is not None:
            runner.wait()
        screen = getattr(obj, "first_screen", None)
        if screen is not None:
            screen.close()
            screen.deleteLater()
        obj.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _fill_server_page(qtbot, wizard: SetupWizard, cluster: PgCluster, database: str) -> None:  # noqa: ANN001
    qtbot.keyClicks(wizard.host, "localhost")
    wizard.port.setValue(cluster.port)
    wizard.database.clear()
    qtbot.keyClicks(wizard.database, database)


def test_wizard_server_path_to_the_main_window(
    qtbot, tmp_path: Path, pg_cluster: PgCluster, server_db, memory_keyring
) -> None:  # noqa: ANN001
    database, login = server_db
    starter = Starter(tmp_path / "geen-bestand.db", idle_ms=3_600_000)
    starter.start()
    wizard = starter.first_screen
    assert isinstance(wizard, SetupWizard)  # the starter closes and deletes its screens
    assert wizard.currentId() == 0 and wizard.file_choice.isChecked()  # the file stays default
    assert wizard.file_choice.text().replace("&", "") == "Lokaal bestand"
    assert wizard.server_choice.text().replace("&", "") == "Server van de praktijk/het kernteam"
    _shot(wizard, "server-wizard-choice")
    # Keyboard: the arrow key moves the choice to the server.
    wizard.activateWindow()
    wizard.file_choice.setFocus()
    qtbot.waitUntil(wizard.file_choice.hasFocus)
    qtbot.keyClick(wizard.file_choice, Qt.Key.Key_Down)
    assert wizard.server_choice.isChecked()
    wizard.next()
    assert wizard.currentPage() is wizard.server_page
    assert wizard.port.value() == 5432

    _fill_server_page(qtbot, wizard, pg_cluster, database)
    # Without the practice's CA certificate the wizard cannot finish.
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert "CA-certificaat" in wizard.server_status.text()
    assert wizard.currentPage() is wizard.server_page

    # A certificate from another CA: the test says so in Dutch.
    wizard.ca_file.setText(str(other_ca(tmp_path)))
    wizard.test_button.click()
    qtbot.waitUntil(lambda: "niet ondertekend" in wizard.server_status.text(), timeout=20_000)

    wizard.ca_file.setText(str(pg_cluster.ca_cert))
    wizard.test_button.click()
    qtbot.waitUntil(lambda: "antwoordt" in wizard.server_status.text(), timeout=20_000)
    _shot(wizard, "server-wizard-server-page")
    wizard.button(QWizard.WizardButton.FinishButton).click()

    qtbot.waitUntil(lambda: isinstance(starter.first_screen, ServerUnlockPage), timeout=20_000)
    page = starter.first_screen
    assert isinstance(page, ServerUnlockPage)
    assert page.server_label.text() == f"Server: localhost/{database}"
    assert QSettings().value("server/host") == "localhost"

    # A wrong password: one Dutch sentence, nothing remembered.
    qtbot.keyClicks(page.login, login)
    qtbot.keyClicks(page.password, "fout-wachtwoord")
    page.remember.setChecked(True)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.text() == WRONG_LOGIN, timeout=20_000)
    assert page.password.text() == "" and page.unlock_button.isEnabled()
    assert memory_keyring.store == {}
    _shot(page, "server-unlock-page-error")

    qtbot.keyClicks(page.password, PASSWORD)
    assert page.remember.isChecked()
    page.unlock_button.click()
    qtbot.waitUntil(
        lambda: starter.window is not None and starter.window.isVisible(), timeout=30_000
    )
    window = starter.window
    assert window.db_label.text() == f"Server: localhost/{database}"
    assert f"{login.title()} (fictief)" in window.user_label.text()
    assert [s for s, _ in memory_keyring.store] == [SERVER_KEYRING_SERVICE]
    qtbot.waitUntil(lambda: starter.runner.pending() == 0, timeout=30_000)
    _shot(window, "server-main-window")

    # The password is in the keyring only: not in QSettings, not anywhere under the home.
    QSettings().sync()
    home = Path(os.environ["HOME"])
    for path in home.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path

    # Auto-lock: the server's login screen, and this computer's remembered password.
    window.lock()
    assert window.is_locked and isinstance(window.unlock_page, ServerUnlockPage)
    assert window.unlock_page.login.text() == login
    assert window.unlock_page.keyring_button.isVisible()
    window.unlock_page.keyring_button.click()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=20_000)
    window.idle.stop()
    window.close()
    _dispose(window, starter)


def test_next_start_goes_to_the_server_login(
    qtbot, tmp_path: Path, pg_cluster: PgCluster, server_db, memory_keyring
) -> None:  # noqa: ANN001
    database, login = server_db
    settings = QSettings()
    for key, value in (
        ("server/host", "localhost"),
        ("server/port", pg_cluster.port),
        ("server/database", database),
        ("server/ca_file", str(pg_cluster.ca_cert)),
        ("server/last_login", login),
    ):
        settings.setValue(key, value)
    starter = Starter(tmp_path / "geen-bestand.db", idle_ms=3_600_000)
    starter.start()
    page = starter.first_screen
    assert isinstance(page, ServerUnlockPage)
    page.activateWindow()
    assert page.login.text() == login  # the last user name, never the password
    qtbot.waitUntil(page.password.hasFocus)
    # Tab follows the reading order: user name, password, remember.
    page.login.setFocus()
    qtbot.waitUntil(page.login.hasFocus)
    for widget in (page.password, page.remember, page.switch_button, page.unlock_button):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.waitUntil(widget.hasFocus)
    _shot(page, "server-unlock-page")
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: starter.window is not None and starter.window.isVisible(), timeout=30_000
    )
    window = starter.window
    assert window.db_label.text() == f"Server: localhost/{database}"
    window.idle.stop()
    window.close()
    _dispose(window, starter)

    # "Other server or file": the saved server is forgotten, the wizard asks again.
    again = Starter(tmp_path / "geen-bestand.db", idle_ms=3_600_000)
    again.start()
    page = again.first_screen
    assert isinstance(page, ServerUnlockPage)
    page.switch_button.click()
    assert isinstance(again.first_screen, SetupWizard)
    assert QSettings().value("server/host") is None
    _dispose(again)
