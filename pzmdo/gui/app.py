"""Starting the GUI: display check, translations, single instance, set-up or unlock."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pzmdo._data import resources_dir

if TYPE_CHECKING:  # Qt is imported only once a display is known to exist
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtWidgets import QApplication

from pzmdo.services.files import FileLock, instance_lock, set_program_name

NO_DISPLAY = (
    "pzmdo: er is geen beeldscherm beschikbaar (geen DISPLAY of WAYLAND_DISPLAY); start pzmdo "
    "op een computer met een grafische omgeving, of gebruik de opdrachtregel (pzmdo --help)."
)


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def install_translations(app: QCoreApplication, language: str = "nl") -> list[QTranslator]:
    """Qt's own Dutch strings plus every compiled pzmdo translation file."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    base = QTranslator(app)
    if base.load(f"qtbase_{language}", qt_dir):
        translators.append(base)
    for qm in sorted((resources_dir() / "i18n" / language).glob("*.qm")):
        tr = QTranslator(app)
        if tr.load(str(qm)):
            translators.append(tr)
    for tr in translators:
        app.installTranslator(tr)
    return translators


def create_application(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    QCoreApplication.setOrganizationName("pzmdo")
    QCoreApplication.setApplicationName("pzmdo")
    install_translations(app, os.environ.get("PZMDO_LANG", "nl"))
    from pzmdo.gui.inputs import install_input_guard

    install_input_guard(app)
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "pzmdo.svg")))
    stylesheet = resources_dir() / "style.qss"
    if stylesheet.exists():
        app.setStyleSheet(stylesheet.read_text(encoding="utf-8"))
    return app


def acquire_instance_lock(db_path: Path) -> FileLock | None:
    """One pzmdo window per database on this computer (the database's own lock protocol).
    Returns the held lock, or None when another running pzmdo holds it."""
    set_program_name("pzmdo (venster)")
    return instance_lock(db_path)


def _install_error_handler() -> object:
    """Uncaught errors of any thread: scrubbed to the error log, one Dutch line in a
    message box on the GUI thread (never a traceback)."""
    from PySide6.QtCore import QObject, Qt, Signal
    from PySide6.QtWidgets import QMessageBox

    from pzmdo.services import errorlog

    class Relay(QObject):
        show = Signal(str)

    relay = Relay()
    relay.show.connect(
        lambda line: QMessageBox.critical(None, "pzmdo", line),
        Qt.ConnectionType.QueuedConnection,
    )
    errorlog.install(relay.show.emit)
    return relay


def run_gui(args: argparse.Namespace) -> int:
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    from pzmdo.services.unlock import check_server_url, default_database_path

    db_path = Path(args.db).expanduser() if getattr(args, "db", None) else default_database_path()
    app = create_application()

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from pzmdo.domain.errors import PzmdoError
    from pzmdo.gui.start import Starter

    given = getattr(args, "server", None) or (
        None if getattr(args, "db", None) else os.environ.get("PZMDO_SERVER")
    )
    server_url = None
    if given:
        try:
            server_url = check_server_url(given)
        except PzmdoError as exc:
            QMessageBox.warning(None, "pzmdo", str(exc))
            return 1
    # One window per database file; a server serves many windows and workstations.
    lock = acquire_instance_lock(db_path) if server_url is None else None
    if server_url is None and lock is None:
        QMessageBox.warning(
            None,
            "pzmdo",
            QCoreApplication.translate(
                "App",
                "pzmdo is already open with this database on this computer. "
                "Switch to that window, or close it first.",
            ),
        )
        return 1
    relay = _install_error_handler()
    starter = Starter(db_path, server_url=server_url)
    starter.start()
    code = app.exec()
    del relay
    if lock is not None:
        lock.release()
    return code
