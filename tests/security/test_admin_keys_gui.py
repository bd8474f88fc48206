"""Beheer in the GUI: deactivation rotates the key with progress; a new password per user."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pzmdo.gui.admin_page import AdminPage
from pzmdo.gui.context import GuiContext
from pzmdo.gui.key_dialogs import RecoveryKeyDialog, ResetPasswordDialog
from pzmdo.services import unlock
from tests.conftest import ADMIN, PASSWORD
from tests.security.helpers import GP, POH, POH_PASSWORD, add_team, sqlcipher_opens
from tests.security.test_recovery_gui import _shot

pytestmark = pytest.mark.file_only  # deactivation rotates the file's data key


def _idle(qtbot, gctx) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=30_000)


def _select(page: AdminPage, login: str) -> None:
    row = [u.login for u in page.users.rows].index(login)
    page.users.table.setCurrentCell(row, 0)


def test_deactivate_rotates_and_shows_the_new_recovery_key(qtbot, ctx, db_path: Path, monkeypatch):
    add_team(ctx)
    old_key = ctx.db.data_key
    gctx = GuiContext(ctx)
    page = AdminPage(gctx)
    qtbot.addWidget(page)
    page.show()
    _idle(qtbot, gctx)
    # The confirmation is a modal question; answer it as the beheerder would.
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    _select(page, POH)
    qtbot.mouseClick(page.users.deactivate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page.users, "key_dialog", None) is not None, timeout=30_000)
    shown = page.users.key_dialog
    assert isinstance(shown, RecoveryKeyDialog)
    assert page.users.progress.reached == 100
    new_key = shown.result_.recovery_key
    _shot(page, shown, "admin-deactivate-new-recovery-key.png")
    assert not sqlcipher_opens(db_path, old_key) and sqlcipher_opens(db_path, new_key)
    _idle(qtbot, gctx)
    assert [u.active for u in page.users.rows if u.login == POH] == [False]

    # A new password for the huisarts, through the dialog.
    _select(page, GP)
    qtbot.mouseClick(page.users.password_button, Qt.MouseButton.LeftButton)
    dialog = page.users.password_dialog
    assert isinstance(dialog, ResetPasswordDialog)
    qtbot.keyClicks(dialog.password, "huisarts-nieuw-1")
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    _idle(qtbot, gctx)
    page.close()
    gctx.app.close()
    unlock.unlock_with_password(db_path, GP, "huisarts-nieuw-1").close()
    unlock.unlock_with_password(db_path, ADMIN, PASSWORD).close()
    try:
        unlock.unlock_with_password(db_path, POH, POH_PASSWORD).close()
        raise AssertionError("a deactivated user unlocked")
    except Exception as exc:  # noqa: BLE001 - any refusal is right here
        assert "klopt niet" in str(exc) or "gedeactiveerd" in str(exc)
