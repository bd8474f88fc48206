"""The unlock screen's recovery-key path: new key file, new password, rotation with progress."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from pzmdo.gui.key_dialogs import RecoverDialog, RecoveryKeyDialog, RotationProgress
from pzmdo.gui.runner import Runner
from pzmdo.gui.unlock_page import UnlockPage
from pzmdo.services import unlock
from pzmdo.store.paths import keyslot_path
from tests.conftest import ADMIN, PASSWORD
from tests.security.helpers import add_team, sqlcipher_opens

pytestmark = pytest.mark.file_only  # the file's recovery key and key file

SHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("PZMDO_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "pzmdo-test-screenshots"
)


def _shot(page: QWidget, dialog: QWidget | None, name: str) -> Path:
    """The page at 1280×800 with the dialog drawn where it would sit (centred)."""
    page.resize(1280, 800)
    canvas = QPixmap(page.size())
    page.render(canvas)
    if dialog is not None:
        # Offscreen windows have no decorations: shade the page, draw a title bar and frame.
        image = dialog.grab()
        x, y = (1280 - image.width()) // 2, (800 - image.height()) // 2
        painter = QPainter(canvas)
        painter.fillRect(canvas.rect(), QColor(0, 0, 0, 70))
        painter.fillRect(x - 1, y - 27, image.width() + 2, 27, QColor("#3c4a5a"))
        painter.setPen(QColor("white"))
        painter.drawText(x + 8, y - 9, dialog.windowTitle())
        painter.drawPixmap(QPoint(x, y), image)
        painter.setPen(QColor("#3c4a5a"))
        painter.drawRect(x - 1, y - 27, image.width() + 1, image.height() + 27)
        painter.end()
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    canvas.save(str(path))
    return path


def test_recovery_key_path_rebuilds_the_key_file_and_rotates(qtbot, db_path: Path):
    made = unlock.init_database(
        db_path,
        practice_name="Praktijk Herstel (fictief)",
        admin_login=ADMIN,
        admin_name="Bea Beheer (fictief)",
        password=PASSWORD,
    )
    add_team(made.context)
    made.context.close()
    keyslot_path(db_path).unlink()  # the key file is lost

    runner = Runner()
    page = UnlockPage(db_path, runner)
    qtbot.addWidget(page)
    page.show()
    page.login.setCurrentText(ADMIN)
    opened: list = []
    page.unlocked.connect(opened.append)

    qtbot.mouseClick(page.recovery_button, Qt.MouseButton.LeftButton)
    dialog = page.recover_dialog
    assert isinstance(dialog, RecoverDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.key, made.recovery_key)
    qtbot.keyClicks(dialog.password, "herstel-wachtwoord")
    qtbot.keyClicks(dialog.repeat, "anders-getypt")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert "verschillen" in dialog.error.text() and dialog.isVisible()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "herstel-wachtwoord")
    _shot(page, dialog, "unlock-recovery-key.png")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    progress = page.rotation_progress
    assert isinstance(progress, RotationProgress)
    qtbot.waitUntil(lambda: getattr(page, "recovery_key_dialog", None) is not None, timeout=30_000)
    shown = page.recovery_key_dialog
    assert isinstance(shown, RecoveryKeyDialog) and shown.isVisible()
    assert "Herstelsleutel: " in shown.key_label.text()
    assert progress.reached == 100  # the worker reported every step up to the end
    new_key = shown.result_.recovery_key
    _shot(page, shown, "unlock-new-recovery-key.png")
    shown.accept()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    ctx = opened[0]
    assert ctx.user.login == ADMIN
    ctx.close()
    runner.wait()

    assert not sqlcipher_opens(db_path, made.recovery_key)
    assert sqlcipher_opens(db_path, new_key)
    unlock.unlock_with_password(db_path, ADMIN, "herstel-wachtwoord").close()


def test_rotation_progress_screenshot(qtbot, ctx, db_path: Path):
    """What the user sees while the key is replaced (a step of the real dialog)."""
    ctx.close()
    page = UnlockPage(db_path, Runner())
    qtbot.addWidget(page)
    page.show()
    progress = RotationProgress(page)
    qtbot.addWidget(progress)
    progress.relay.report(20, "Database opnieuw versleutelen")
    qtbot.waitUntil(lambda: progress.value() == 20, timeout=5_000)
    assert progress.labelText() == "Database opnieuw versleutelen"
    _shot(page, progress, "rotation-progress.png")
