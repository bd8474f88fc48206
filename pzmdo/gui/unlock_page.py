"""The unlock screen (start-up and after auto-lock): password, this computer's keyring,
or the recovery key. Unlocking runs off the GUI thread (Argon2id takes ~0.2 s)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.errors import PzmdoError
from pzmdo.gui.forms import child, load_form
from pzmdo.gui.key_dialogs import RecoverDialog, RecoveryKeyDialog, run_rotation
from pzmdo.gui.runner import Runner
from pzmdo.services import unlock
from pzmdo.services.context import AppContext


class UnlockPage(QWidget):
    unlocked = Signal(object)  # AppContext

    def __init__(self, db_path: Path, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.runner = runner
        form = load_form("unlock_page", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        self.login = child(form, QComboBox, "login")
        self.password = child(form, QLineEdit, "password")
        self.remember = child(form, QCheckBox, "remember")
        self.message = child(form, QLabel, "message")
        self.unlock_button = child(form, QPushButton, "unlockButton")
        self.keyring_button = child(form, QPushButton, "keyringButton")
        self.recovery_button = child(form, QPushButton, "recoveryButton")
        title = child(form, QLabel, "title")
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        child(form, QLabel, "databaseLabel").setText(
            self.tr("Database: %1").replace("%1", str(self.db_path))
        )
        self.message.setStyleSheet("color: #b00020;")
        self.remember.setVisible(unlock.keyring_present())
        self.unlock_button.clicked.connect(self.try_password)
        self.password.returnPressed.connect(self.try_password)
        self.keyring_button.clicked.connect(self.try_keyring)
        self.recovery_button.clicked.connect(self.try_recovery)
        self.login.currentTextChanged.connect(self._update_keyring_button)
        self.refresh()

    def refresh(self, login: str | None = None) -> None:
        """Reset the fields (called each time the screen is shown)."""
        self.login.clear()
        self.login.addItems(unlock.known_logins(self.db_path))
        if login:
            self.login.setCurrentText(login)
        self.password.clear()
        self.message.clear()
        self._update_keyring_button()
        self._set_busy(False)
        self.password.setFocus()

    def _update_keyring_button(self) -> None:
        # "Remember on this computer" is per login: offered only for a remembered one.
        login = self.login.currentText().strip()
        self.keyring_button.setVisible(unlock.remembered_here(self.db_path, login))

    def _set_busy(self, busy: bool) -> None:
        for w in (self.unlock_button, self.keyring_button, self.recovery_button, self.password):
            w.setEnabled(not busy)

    def _start(self, fn, *args: object) -> None:  # noqa: ANN001
        self.message.setText(self.tr("Unlocking…"))
        self._set_busy(True)
        self.runner.submit(fn, *args, on_done=self._done, on_error=self._failed)

    def try_password(self) -> None:
        login = self.login.currentText().strip()
        if not login or not self.password.text():
            self.message.setText(self.tr("Enter your user name and password."))
            return
        self._start(unlock.unlock_with_password, self.db_path, login, self.password.text())

    def try_keyring(self) -> None:
        login = self.login.currentText().strip()
        if not login:
            self.message.setText(self.tr("Enter your user name."))
            return
        self._start(unlock.unlock_with_keyring, self.db_path, login)

    def try_recovery(self) -> None:
        """Recovery key → new key file and password for this beheerder → key rotation."""
        login = self.login.currentText().strip()
        if not login:
            self.message.setText(self.tr("Enter your user name."))
            return
        self.recover_dialog = RecoverDialog(login, self)
        self.recover_dialog.accepted.connect(lambda: self._recover(login))
        self.recover_dialog.open()

    def _recover(self, login: str) -> None:
        dialog = self.recover_dialog
        self.message.setText(self.tr("Unlocking…"))
        self._set_busy(True)
        self.rotation_progress = run_rotation(
            self,
            self.runner,
            unlock.recover,
            self.db_path,
            dialog.key.text(),
            login,
            dialog.password.text(),
            on_done=self._recovered,
            on_error=self._failed,
        )

    def _recovered(self, result: unlock.RecoverResult) -> None:
        self.recovery_key_dialog = RecoveryKeyDialog(result.rotation, self)
        self.recovery_key_dialog.finished.connect(lambda _r: self._done(result.context))
        self.recovery_key_dialog.open()

    def _done(self, ctx: AppContext) -> None:
        if self.remember.isChecked():
            unlock.remember_on_this_computer(ctx)
        self.password.clear()
        self.message.clear()
        self._set_busy(False)
        self.unlocked.emit(ctx)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.password.clear()
        self.password.setFocus()
        if isinstance(exc, PzmdoError):
            self.message.setText(str(exc))
        else:
            self.message.setText(self.tr("Unlocking failed unexpectedly. Try again."))
