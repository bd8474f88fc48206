"""Navigation page 'Reports': make PDF documents for a patient or a meeting, and see the
documents made recently (from the audit trail)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pzmdo.gui.context import GuiContext
from pzmdo.gui.document_actions import DocumentDialog, kind_label, produce_document
from pzmdo.gui.widgets import chain_focus, read_only_table
from pzmdo.services.documents import DocumentRecord, document_history
from pzmdo.services.meetings import MeetingInfo, list_meetings

PATIENT_KINDS = ("careplan", "emergency", "patient")
MEETING_KINDS = ("agenda", "minutes", "batch")


class ReportsPage(QWidget):
    def __init__(self, gctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.setAccessibleName(self.tr("Reports"))
        self.dialog: DocumentDialog | None = None
        title = QLabel(self.tr("Documents"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")

        patient_box = self._build_patient_box()
        meeting_box = self._build_meeting_box()
        recent_box = self._build_recent_box()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(patient_box)
        layout.addWidget(meeting_box)
        layout.addWidget(recent_box, 1)
        order: list[QWidget] = [self.picker.search]
        order += [self.patient_buttons[k] for k in PATIENT_KINDS]
        order += [self.meeting]
        order += [self.meeting_buttons[k] for k in MEETING_KINDS]
        order += [self.table]
        chain_focus(order)
        gctx.changed.connect(self._changed)
        self.refresh()

    # -- building ---------------------------------------------------------------------------
    def _build_patient_box(self) -> QGroupBox:
        """A patient, and one button per patient document."""
        patient_box = QGroupBox(self.tr("For a patient"))
        pgrid = QGridLayout(patient_box)
        from pzmdo.gui.patient_picker import PatientPicker

        self.picker = PatientPicker(self.gctx)
        self.picker.setAccessibleName(self.tr("Patient for the document"))
        picker_label = QLabel(self.tr("&Patient:"))
        picker_label.setBuddy(self.picker.search)
        pgrid.addWidget(picker_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        pgrid.addWidget(self.picker, 0, 1, 1, 3)
        self.patient_buttons: dict[str, QPushButton] = {}
        for col, kind in enumerate(PATIENT_KINDS, start=1):
            button = QPushButton(kind_label(kind) + "…")
            button.setAccessibleName(kind_label(kind))
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, k=kind: self.make_for_patient(k))
            pgrid.addWidget(button, 1, col)
            self.patient_buttons[kind] = button
        for col in (1, 2, 3):
            pgrid.setColumnStretch(col, 1)
        self.picker.picked.connect(lambda _pid: self._patient_changed())
        self.picker.cleared.connect(self._patient_changed)
        return patient_box

    def _build_meeting_box(self) -> QGroupBox:
        """A meeting, and one button per meeting document."""
        meeting_box = QGroupBox(self.tr("For a meeting"))
        mgrid = QGridLayout(meeting_box)
        self.meeting = QComboBox()
        self.meeting.setAccessibleName(self.tr("Meeting for the document"))
        self.meeting.setMinimumContentsLength(30)
        meeting_label = QLabel(self.tr("&Meeting:"))
        meeting_label.setBuddy(self.meeting)
        mgrid.addWidget(meeting_label, 0, 0)
        mgrid.addWidget(self.meeting, 0, 1, 1, 3)
        self.meeting_buttons: dict[str, QPushButton] = {}
        for col, kind in enumerate(MEETING_KINDS, start=1):
            button = QPushButton(kind_label(kind) + "…")
            button.setAccessibleName(kind_label(kind))
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, k=kind: self.make_for_meeting(k))
            mgrid.addWidget(button, 1, col)
            self.meeting_buttons[kind] = button
        for col in (1, 2, 3):
            mgrid.setColumnStretch(col, 1)
        self.no_meetings = QLabel(self.tr("There are no meetings yet; plan one under Meetings."))
        self.no_meetings.hide()
        mgrid.addWidget(self.no_meetings, 2, 1, 1, 3)
        self.meeting.currentIndexChanged.connect(self._meeting_changed)
        return meeting_box

    def _build_recent_box(self) -> QGroupBox:
        recent_box = QGroupBox(self.tr("Made recently"))
        self.table = read_only_table(
            [
                self.tr("Made on"),
                self.tr("By"),
                self.tr("Document"),
                self.tr("Pages"),
                self.tr("File"),
            ],
            self.tr("Documents made recently"),
        )
        rbox = QVBoxLayout(recent_box)
        rbox.addWidget(self.table)
        return recent_box

    # -- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.gctx.runner.submit(list_meetings, self.gctx.app, on_done=self._show_meetings)
        self.gctx.runner.submit(
            document_history, self.gctx.app, None, 50, on_done=self._show_recent
        )

    def _changed(self, entity: str, _ids: tuple[int, ...]) -> None:
        if entity in ("*", "document", "meeting"):
            self.refresh()

    def _show_meetings(self, meetings: list[MeetingInfo]) -> None:
        current = self.meeting.currentData()
        self.meeting.blockSignals(True)
        self.meeting.clear()
        for m in meetings:
            label = f"{m.held_on:%d-%m-%Y}"
            if m.start_time:
                label += f" {m.start_time:%H:%M}"
            label += f" · {m.team_name} · {m.status_label}"
            self.meeting.addItem(label, m.id)
        index = self.meeting.findData(current)
        self.meeting.setCurrentIndex(index if index >= 0 else (0 if meetings else -1))
        self.meeting.blockSignals(False)
        self.no_meetings.setVisible(not meetings)
        self._meeting_changed()

    def _show_recent(self, rows: list[DocumentRecord]) -> None:
        self.table.setRowCount(len(rows))
        for r, doc in enumerate(rows):
            values = [
                doc.at.astimezone().strftime("%d-%m-%Y %H:%M"),
                doc.user,
                doc.title + (" " + self.tr("(password)") if doc.protected else ""),
                str(doc.pages or ""),
                doc.file_name,
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    # -- actions ----------------------------------------------------------------------------
    def _patient_changed(self) -> None:
        for button in self.patient_buttons.values():
            button.setEnabled(self.picker.patient_id is not None)

    def _meeting_changed(self, *_args: object) -> None:
        for button in self.meeting_buttons.values():
            button.setEnabled(self.meeting.currentData() is not None)

    def make_for_patient(self, kind: str) -> None:
        if self.picker.patient_id is None:
            return
        self.dialog = produce_document(self.gctx, self, kind, patient_id=self.picker.patient_id)

    def make_for_meeting(self, kind: str) -> None:
        meeting_id = self.meeting.currentData()
        if meeting_id is None:
            return
        self.dialog = produce_document(self.gctx, self, kind, meeting_id=int(meeting_id))


def create_page(gctx: GuiContext) -> QWidget:
    return ReportsPage(gctx)
