"""The app shell: unlock → main window → auto-lock after idle → unlock again."""

from pathlib import Path

from PySide6.QtCore import Qt

from pzmdo.gui.start import Starter
from pzmdo.gui.unlock_page import UnlockPage
from pzmdo.services.audit_log import list_audit
from tests.conftest import ADMIN, PASSWORD


def test_unlock_autolock_unlock(qtbot, ctx, db_path: Path):
    ctx.close()
    starter = Starter(db_path, idle_ms=300)
    starter.start()
    page = starter.first_screen
    assert isinstance(page, UnlockPage)
    qtbot.addWidget(page)
    page.login.setCurrentText(ADMIN)
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: starter.window is not None and starter.window.isVisible(), timeout=10_000
    )
    window = starter.window
    qtbot.addWidget(window)
    assert not window.is_locked
    assert ADMIN in window.user_label.text() or "Bea Beheer" in window.user_label.text()

    # No input for longer than the idle time: the window locks itself.
    qtbot.waitUntil(lambda: window.is_locked, timeout=5_000)
    assert window.unlock_page.isVisible()

    # A wrong password keeps it locked, with a Dutch message.
    qtbot.keyClicks(window.unlock_page.password, "fout-wachtwoord")
    qtbot.keyClick(window.unlock_page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "klopt niet" in window.unlock_page.message.text(), timeout=10_000)
    assert window.is_locked

    qtbot.keyClicks(window.unlock_page.password, PASSWORD)
    qtbot.keyClick(window.unlock_page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    actions = [e.action for e in list_audit(window.gctx.app)]
    assert actions.count("unlock") >= 2
    assert "lock" in actions and "unlock_failed" in actions
    window.idle.stop()
    window.close()
