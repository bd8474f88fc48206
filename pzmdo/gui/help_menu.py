"""Help menu: a short Dutch manual (F1), and "About" with the version and where the data
lives; plus the busy indicator that shows any job running longer than a second."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pzmdo import __version__
from pzmdo._data import resources_dir
from pzmdo.gui.crashlog import crash_dir
from pzmdo.gui.runner import Runner
from pzmdo.services.backup import backup_folder


class ManualDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("HelpMenu", "pzmdo manual"))
        self.setAccessibleName(QCoreApplication.translate("HelpMenu", "pzmdo manual"))
        self.view = QTextBrowser()
        self.view.setAccessibleName(QCoreApplication.translate("HelpMenu", "Manual text"))
        self.view.setMarkdown((resources_dir() / "handleiding.txt").read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            QCoreApplication.translate("HelpMenu", "&Close")
        )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(720, 600)


def about_text(db_path: Path) -> str:
    rows = [
        (QCoreApplication.translate("HelpMenu", "Version"), __version__),
        (QCoreApplication.translate("HelpMenu", "Database (encrypted)"), str(db_path)),
        (QCoreApplication.translate("HelpMenu", "Backups"), str(backup_folder(db_path))),
        (
            QCoreApplication.translate("HelpMenu", "Error reports (no patient data)"),
            str(crash_dir()),
        ),
    ]
    body = "".join(
        f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in rows
    )
    return (
        "<p><b>pzmdo</b> — "
        + html.escape(
            QCoreApplication.translate("HelpMenu", "palliative care register for GP practices")
        )
        + "</p>"
        + f"<table cellspacing='4'>{body}</table>"
    )


def add_help_menu(window: QMainWindow, db_path: Path) -> list[QDialog]:
    """Adds Help › Manual (F1) and Help › About; returns the list that keeps dialogs open."""
    kept: list[QDialog] = []
    menu = window.menuBar().addMenu(QCoreApplication.translate("HelpMenu", "&Help"))
    manual = QAction(QCoreApplication.translate("HelpMenu", "&Manual"), window)
    manual.setShortcut(QKeySequence.StandardKey.HelpContents)

    def show_manual() -> None:
        dialog = ManualDialog(window)
        kept[:] = [dialog]
        dialog.open()

    manual.triggered.connect(show_manual)
    menu.addAction(manual)
    window.addAction(manual)
    about = QAction(QCoreApplication.translate("HelpMenu", "&About pzmdo…"), window)

    def show_about() -> None:
        box = QMessageBox(window)
        box.setWindowTitle(QCoreApplication.translate("HelpMenu", "About pzmdo"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(about_text(db_path))
        kept[:] = [box]
        box.open()

    about.triggered.connect(show_about)
    menu.addAction(about)
    return kept


class BusyIndicator(QWidget):
    """'Busy…' with a moving bar in the status bar while a job has run for over a second
    (backup, batch PDF, import, a large search); hidden again when all jobs are done."""

    SHOW_AFTER_MS = 1000

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.label = QLabel(QCoreApplication.translate("HelpMenu", "Busy…"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # no known end: a moving bar
        self.bar.setMaximumWidth(160)
        self.bar.setAccessibleName(QCoreApplication.translate("HelpMenu", "Work in progress"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.since = QElapsedTimer()
        self.timer = QTimer(self)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self._check)
        self.timer.start()
        self.hide()

    def _check(self) -> None:
        if self.runner.pending() == 0:
            self.since.invalidate()
            self.hide()
            return
        if not self.since.isValid():
            self.since.start()
        if self.since.elapsed() >= self.SHOW_AFTER_MS:
            self.show()
