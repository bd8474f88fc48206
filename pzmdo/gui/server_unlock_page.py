"""Logging in to the practice server (start-up and after auto-lock): user name and password,
or the password this computer remembers. Connecting runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.errors import PzmdoError
from pzmdo.gui import server_settings
from pzmdo.gui.runner import Runner
from pzmdo.services import unlock
from pzmdo.services.context import AppContext


class ServerUnlockPage(QWidget):
    unlocked = Signal(object)  # AppContext
    other_server = Signal()  # the user wants to choose another server or a file

    def __init__(
        self, url: str, runner: Runner, parent: QWidget | None = None, *, can_switch: bool = False
    ) -> None:
        super().__init__(parent)
        self.url = url
        self.runner = runner
        self.setAccessibleName(self.tr("Log in to the server"))
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMinimumWidth(460)
        card.setMaximumWidth(560)
        title = QLabel(self.tr("Log in to the server"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        title.setAccessibleName(self.tr("Log in to the server"))
        self.server_label = QLabel(self.tr("Server: %1").replace("%1", unlock.server_label(url)))
        self.server_label.setWordWrap(True)
        self.server_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.login = QLineEdit()
        self.login.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.remember = QCheckBox(self.tr("&Remember on this computer"))
        self.remember.setAccessibleName(self.tr("Remember on this computer"))
        self.remember.setToolTip(
            self.tr("The password is kept in this computer's keyring, never in a file.")
        )
        self.remember.setVisible(unlock.keyring_present())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(420)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setAccessibleName(self.tr("Message"))
        self.switch_button = QPushButton(self.tr("Other &server or file…"))
        self.switch_button.setAccessibleName(self.tr("Other server or file"))
        self.switch_button.setVisible(can_switch)
        self.keyring_button = QPushButton(self.tr("Log in with this &computer"))
        self.keyring_button.setAccessibleName(self.tr("Log in with this computer"))
        self.unlock_button = QPushButton(self.tr("&Log in"))
        self.unlock_button.setAccessibleName(self.tr("Log in"))
        self.unlock_button.setDefault(True)

        form = QFormLayout()
        for text, widget in (
            (self.tr("&User name"), self.login),
            (self.tr("&Password"), self.password),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.keyring_button)
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(card)
        inner.addWidget(title)
        inner.addWidget(self.server_label)
        inner.addLayout(form)
        inner.addWidget(self.remember)
        inner.addWidget(self.message)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        for first, second in (
            (self.login, self.password),
            (self.password, self.remember),
            (self.remember, self.switch_button),
            (self.switch_button, self.keyring_button),
            (self.keyring_button, self.unlock_button),
        ):
            self.setTabOrder(first, second)

        self.unlock_button.clicked.connect(self.try_password)
        self.password.returnPressed.connect(self.try_password)
        self.login.returnPressed.connect(self.password.setFocus)
        self.keyring_button.clicked.connect(self.try_keyring)
        self.switch_button.clicked.connect(self.other_server.emit)
        self.login.textChanged.connect(self._update_keyring_button)
        self.refresh()

    def refresh(self, login: str | None = None) -> None:
        """Reset the fields (called each time the screen is shown)."""
        self.login.setText(login or server_settings.last_login())
        self.password.clear()
        self._say("")
        self._update_keyring_button()
        self._set_busy(False)
        (self.password if self.login.text() else self.login).setFocus()

    def _say(self, text: str) -> None:
        """Show a message; the card grows to hold it (a centred card gets only its size
        hint, which does not follow a wrapped label's height)."""
        self.message.setText(text)
        width = max(self.message.width(), self.message.minimumWidth())
        self.message.setMinimumHeight(self.message.heightForWidth(width) if text else 0)

    def _update_keyring_button(self) -> None:
        # Offered only when this computer remembers this login's password for this server.
        login = self.login.text().strip()
        self.keyring_button.setVisible(unlock.server_password_remembered(self.url, login))

    def _set_busy(self, busy: bool) -> None:
        for w in (self.unlock_button, self.keyring_button, self.login, self.password):
            w.setEnabled(not busy)

    def _start(self, fn: Callable[..., AppContext], *args: object, **kwargs: object) -> None:
        self._say(self.tr("Connecting to the server…"))
        self._set_busy(True)
        self.runner.submit(fn, *args, on_done=self._done, on_error=self._failed, **kwargs)

    def try_password(self) -> None:
        login = self.login.text().strip()
        if not login or not self.password.text():
            self._say(self.tr("Enter your user name and password."))
            return
        self._start(
            unlock.unlock_on_server,
            self.url,
            login,
            self.password.text(),
            remember=self.remember.isChecked(),
        )

    def try_keyring(self) -> None:
        login = self.login.text().strip()
        if not login:
            self._say(self.tr("Enter your user name."))
            return
        self._start(unlock.unlock_on_server_with_keyring, self.url, login)

    def _done(self, ctx: AppContext) -> None:
        server_settings.remember_login(ctx.user.login)
        self.password.clear()
        self._say("")
        self.remember.setChecked(False)
        self._set_busy(False)
        self.unlocked.emit(ctx)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.password.clear()
        self._update_keyring_button()
        self.password.setFocus()
        if isinstance(exc, PzmdoError):
            self._say(str(exc))
        else:
            self._say(self.tr("Logging in failed unexpectedly. Try again."))
