"""The patient's consultations: request one, follow it, record and use the advice."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from pzmdo.gui.consult_widgets import ConsultDetail, ConsultTableModel, make_table, submit_for
from pzmdo.gui.context import GuiContext
from pzmdo.services import consultations as svc
from pzmdo.services.consultations import ConsultationInfo


def create_tab(gctx: GuiContext, patient_id: int) -> QWidget:
    return PatientConsultationsTab(gctx, patient_id)


class PatientConsultationsTab(QWidget):
    def __init__(self, gctx: GuiContext, patient_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.patient_id = patient_id
        self.setAccessibleName(self.tr("Consultations of this patient"))
        self.request_button = QPushButton(self.tr("&Request consultation…"))
        self.request_button.setAccessibleName(self.tr("Request a specialist consultation"))
        self.request_button.clicked.connect(self.request)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Summary"))
        self.model = ConsultTableModel(
            ("requested", "team", "mode", "complexity", "status", "timing"), self
        )
        self.table = make_table(self.model, self.tr("Consultations"))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.detail = ConsultDetail(gctx)
        self.detail.changed.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.request_button)
        top.addWidget(self.summary, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.request_button, self.table)
        self.setTabOrder(self.table, self.detail.text)
        self.dialog = None
        self._select_id: int | None = None
        gctx.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, entity: str, ids: tuple) -> None:
        if entity in ("consultation", "consult_team", "*") or (
            entity == "patient" and self.patient_id in ids
        ):
            self.refresh()

    def refresh(self) -> None:
        submit_for(self, svc.list_consultations, self.patient_id, on_done=self._show)

    def _show(self, rows: list[ConsultationInfo]) -> None:
        keep = self._select_id or (self.detail.info.id if self.detail.info else None)
        self._select_id = None
        self.model.set_rows(rows)
        open_count = sum(1 for r in rows if r.is_open)
        if not rows:
            text = self.tr("No consultations yet.")
        else:
            text = (
                self.tr("%1 consultation(s), %2 waiting for advice")
                .replace("%1", str(len(rows)))
                .replace("%2", str(open_count))
            )
        self.summary.setText(text)
        row = next((n for n, r in enumerate(rows) if r.id == keep), 0 if rows else -1)
        if row >= 0:
            self.table.selectRow(row)
            self.detail.show_info(rows[row])
        else:
            self.detail.show_info(None)

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.detail.show_info(self.model.rows[rows[0].row()] if rows else None)

    def request(self) -> None:
        from pzmdo.gui.consult_request_dialog import open_consult_request

        self.dialog = open_consult_request(self.gctx, self, self.patient_id)
        self.dialog.submitted.connect(self._requested)

    def _requested(self, consultation_id: int) -> None:
        self._select_id = consultation_id
        self.refresh()
