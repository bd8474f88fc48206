"""One patient's record: a header and one tab per feature area (see pages.PATIENT_TABS)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from pzmdo.domain.dates import format_date
from pzmdo.gui.context import GuiContext
from pzmdo.gui.pages import PATIENT_TABS
from pzmdo.services.patients import PatientHeader, open_patient_record


class PatientView(QWidget):
    closed = Signal()

    def __init__(self, gctx: GuiContext, patient_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.patient_id = patient_id
        self.setAccessibleName(self.tr("Patient record"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back = QPushButton(self.tr("← &Back"))
        self.back.setAccessibleName(self.tr("Back to the previous screen"))
        self.back.clicked.connect(self.closed)
        self.title = QLabel(self.tr("Loading…"))
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.back)
        top.addWidget(self.title, 1)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Patient sections"))
        layout.addWidget(self.tabs, 1)
        for spec in PATIENT_TABS:
            self.tabs.addTab(spec.create(gctx, patient_id), spec.title())
        gctx.runner.submit(open_patient_record, gctx.app, patient_id, on_done=self._show_header)
        gctx.changed.connect(self._changed)

    def _changed(self, entity: str, ids: tuple[int, ...]) -> None:
        # Status or name changed (here or on another workstation): the same view, again.
        if entity in ("patient", "*") and (not ids or self.patient_id in ids):
            self.gctx.runner.submit(
                open_patient_record,
                self.gctx.app,
                self.patient_id,
                new_view=False,
                on_done=self._show_header,
            )

    def _show_header(self, header: PatientHeader) -> None:
        text = self.tr("%1 · born %2 (%3 yr) · %4").replace("%1", header.name)
        text = text.replace("%2", format_date(header.birth_date)).replace("%3", str(header.age))
        text = text.replace("%4", header.status_label)
        if header.is_fictional:
            text += " · " + self.tr("fictitious")
        self.title.setText(text)
        self.title.setAccessibleName(text)
