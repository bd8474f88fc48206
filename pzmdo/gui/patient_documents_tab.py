"""Patient tab 'Documents': make the care plan, emergency overview and patient version, and
see which documents were made before (from the audit trail)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pzmdo.gui.context import GuiContext
from pzmdo.gui.document_actions import kind_label, produce_document
from pzmdo.gui.widgets import chain_focus, read_only_table
from pzmdo.services.documents import DocumentRecord, document_history


class PatientDocumentsTab(QWidget):
    def __init__(self, gctx: GuiContext, patient_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.patient_id = patient_id
        self.setAccessibleName(self.tr("Documents"))
        self.dialog = None

        make = QGroupBox(self.tr("Make a document"))
        grid = QGridLayout(make)
        descriptions = {
            "careplan": self.tr(
                "The whole care plan in the order of the national form, with the care team."
            ),
            "emergency": self.tr(
                "One page for the out-of-hours GP service and the ambulance: treatment limits, "
                "contacts, wishes."
            ),
            "patient": self.tr(
                "Wishes, agreements and contacts in plain language, without internal notes."
            ),
        }
        self.buttons: dict[str, QPushButton] = {}
        shortcuts = {"careplan": "&1", "emergency": "&2", "patient": "&3"}
        for row, (kind, text) in enumerate(descriptions.items()):
            button = QPushButton(f"{shortcuts[kind]} {kind_label(kind)}…")
            button.setAccessibleName(kind_label(kind))
            button.setAccessibleDescription(text)
            button.clicked.connect(lambda _=False, k=kind: self.make(k))
            label = QLabel(text)
            label.setWordWrap(True)
            grid.addWidget(button, row, 0)
            grid.addWidget(label, row, 1)
            self.buttons[kind] = button
        grid.setColumnStretch(1, 1)

        history = QGroupBox(self.tr("Documents made earlier"))
        self.table = read_only_table(
            [
                self.tr("Made on"),
                self.tr("By"),
                self.tr("Document"),
                self.tr("Care plan version"),
                self.tr("File (SHA-256)"),
            ],
            self.tr("Documents made earlier"),
        )
        self.empty = QLabel(self.tr("No documents have been made for this patient yet."))
        box = QVBoxLayout(history)
        box.addWidget(self.table)
        box.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.addWidget(make)
        layout.addWidget(history, 1)
        order = [self.buttons[k] for k in ("careplan", "emergency", "patient")] + [self.table]
        chain_focus(order)
        gctx.changed.connect(self._changed)
        self.refresh()

    def make(self, kind: str) -> None:
        self.dialog = produce_document(self.gctx, self, kind, patient_id=self.patient_id)
        self.dialog.finished.connect(lambda _result: self.refresh())

    def refresh(self) -> None:
        self.gctx.runner.submit(
            document_history, self.gctx.app, self.patient_id, on_done=self._show
        )

    def _changed(self, entity: str, ids: tuple) -> None:
        if entity in ("*", "document") or (entity == "patient" and self.patient_id in ids):
            self.refresh()

    def _show(self, rows: list[DocumentRecord]) -> None:
        self.table.setRowCount(len(rows))
        for r, doc in enumerate(rows):
            version = str(doc.careplan_version) if doc.careplan_version else "—"
            title = doc.title + (" " + self.tr("(password)") if doc.protected else "")
            values = [
                doc.at.astimezone().strftime("%d-%m-%Y %H:%M"),
                doc.user,
                title,
                version,
                f"{doc.file_name} ({doc.sha256[:12]}…)",
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))


def create_tab(gctx: GuiContext, patient_id: int) -> QWidget:
    return PatientDocumentsTab(gctx, patient_id)
