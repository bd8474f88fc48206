"""A busy indicator in the status bar: shown while any job has run for over a second
(backup, batch PDF, import, a large search), hidden when all jobs are done."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from pzmdo.gui.runner import Runner


class BusyIndicator(QWidget):
    """'Busy…' with a moving bar; polls the runner, so every job is covered."""

    SHOW_AFTER_MS = 1000

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.label = QLabel(QCoreApplication.translate("BusyIndicator", "Busy…"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # no known end: a moving bar
        self.bar.setMaximumWidth(160)
        self.bar.setAccessibleName(QCoreApplication.translate("BusyIndicator", "Work in progress"))
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
