"""Key custody in the GUI: the recovery-key path, rotation progress, the new recovery key."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pzmdo.gui.runner import Runner
from pzmdo.services import users
from pzmdo.services.context import AppContext
from pzmdo.services.custody import RotationResult


class ProgressRelay(QObject):
    """Hands progress from the worker thread to the GUI thread (queued signal)."""

    progress = Signal(int, str)

    def report(self, percent: int, text: str) -> None:
        self.progress.emit(percent, text)


class RotationProgress(QProgressDialog):
    """Shown while the database is re-encrypted; cannot be cancelled halfway."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Replacing the database key"))
        self.setLabelText(self.tr("Starting…"))
        self.setRange(0, 100)
        self.setCancelButton(None)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAccessibleName(self.tr("Progress of replacing the database key"))
        self.relay = ProgressRelay(self)
        self.relay.progress.connect(self.step)
        self.reached = 0  # highest step reported (the dialog's own value resets on close)

    def step(self, percent: int, text: str) -> None:
        self.reached = max(self.reached, percent)
        self.setValue(percent)
        self.setLabelText(text)


def run_rotation(
    parent: QWidget,
    runner: Runner,
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> RotationProgress:
    """Run ``fn(*args, progress=...)`` off the GUI thread with a progress dialog."""
    dialog = RotationProgress(parent)
    dialog.show()

    def done(result: Any) -> None:
        dialog.close()
        on_done(result)

    def failed(exc: BaseException) -> None:
        dialog.close()
        handler = on_error or runner.error_handler
        if handler is not None:
            handler(exc)

    runner.submit(fn, *args, progress=dialog.relay.report, on_done=done, on_error=failed)
    return dialog


class RecoveryKeyDialog(QDialog):
    """The new recovery key, shown once after a rotation."""

    def __init__(self, result: RotationResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New recovery key"))
        self.setAccessibleName(self.tr("New recovery key"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The database has a new key. Write down this recovery key and keep it in a "
                "safe place: the previous one no longer works and this one is not shown again."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.key_label = QLabel(self.tr("Recovery key: %1").replace("%1", result.recovery_key))
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setStyleSheet("font-family: monospace; font-size: 12pt; font-weight: 600;")
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        layout.addWidget(self.key_label)
        if result.without_slot:
            missing = QLabel(
                self.tr("These users need a new password from the administrator: %1").replace(
                    "%1", ", ".join(result.without_slot)
                )
            )
            missing.setWordWrap(True)
            layout.addWidget(missing)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the recovery key"))
        self.copy_button.clicked.connect(
            lambda: QApplication.clipboard().setText(result.recovery_key)
        )
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.result_ = result


class RecoverDialog(QDialog):
    """Recovery key plus a new password for the beheerder who rebuilds the key file."""

    def __init__(self, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open with the recovery key"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "An administrator (%1) opens the database with the recovery key, chooses a new "
                "password and gets a new key file. The database key is then replaced: old "
                "passwords of other users and the old recovery key stop working."
            ).replace("%1", login)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.key = QLineEdit()
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        for text, widget in (
            (self.tr("&Recovery key (64 characters)"), self.key),
            (self.tr("&New password (at least 8 characters)"), self.password),
            (self.tr("Re&peat new password"), self.repeat),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            form.addRow(label, widget)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setAccessibleName(self.tr("Message"))
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _check(self) -> None:
        if not self.key.text().strip():
            self.error.setText(self.tr("Enter the recovery key."))
        elif self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ. Type them again."))
        else:
            self.accept()


class ResetPasswordDialog(QDialog):
    """A beheerder gives a user a new password (new keys; their old slot stops working)."""

    def __init__(self, runner: Runner, app: AppContext, login: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.app, self.login = runner, app, login
        self.setWindowTitle(self.tr("New password for %1").replace("%1", login))
        form = QFormLayout(self)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        text = self.tr("&New password (at least 8 characters)")
        label = QLabel(text)
        label.setBuddy(self.password)
        self.password.setAccessibleName(text.replace("&", ""))
        form.addRow(label, self.password)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setAccessibleName(self.tr("Message"))
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _save(self) -> None:
        self.buttons.setEnabled(False)
        self.runner.submit(
            users.reset_password,
            self.app,
            self.login,
            self.password.text(),
            on_done=lambda _r: self.accept(),
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(str(exc))
