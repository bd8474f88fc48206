"""Which practice server this computer uses, kept in QSettings (never a password)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from pzmdo.services import unlock

DEFAULT_PORT = 5432
_KEYS = ("server/host", "server/port", "server/database", "server/ca_file")
LAST_LOGIN = "server/last_login"


@dataclass(frozen=True)
class ServerChoice:
    host: str
    port: int
    database: str
    ca_file: str

    def url(self) -> str:
        """The URL pzmdo connects with (TLS, verify-full); raises a Dutch ValidationError."""
        return unlock.server_url(self.host, self.port, self.database, self.ca_file)


def load() -> ServerChoice | None:
    """The server chosen in the set-up wizard, or None (this computer uses a file)."""
    settings = QSettings()
    host = str(settings.value("server/host", "") or "")
    if not host:
        return None
    try:
        port = int(str(settings.value("server/port", DEFAULT_PORT)))
    except (TypeError, ValueError):
        port = DEFAULT_PORT
    return ServerChoice(
        host,
        port,
        str(settings.value("server/database", "") or ""),
        str(settings.value("server/ca_file", "") or ""),
    )


def save(choice: ServerChoice) -> None:
    settings = QSettings()
    for key, value in zip(
        _KEYS, (choice.host, choice.port, choice.database, choice.ca_file), strict=True
    ):
        settings.setValue(key, value)
    settings.sync()


def forget() -> None:
    """Back to the local file."""
    settings = QSettings()
    for key in (*_KEYS, LAST_LOGIN):
        settings.remove(key)
    settings.sync()


def last_login() -> str:
    return str(QSettings().value(LAST_LOGIN, "") or "")


def remember_login(login: str) -> None:
    """The user name (not the password) is offered again at the next start."""
    QSettings().setValue(LAST_LOGIN, login)
