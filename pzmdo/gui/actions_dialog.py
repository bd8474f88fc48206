"""Open actions from the meetings: see who does what by when, and mark them done.

Actions come back on every agenda until they are marked done here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.dates import format_date
from pzmdo.gui.context import GuiContext
from pzmdo.services import meetings as svc


class OpenActionsDialog(QDialog):
    def __init__(self, gctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.actions_: list[svc.ActionInfo] = []
        self.setWindowTitle(self.tr("Open actions"))
        self.setAccessibleName(self.tr("Open actions"))
        self.resize(900, 480)
        intro = QLabel(self.tr("Actions stay on every agenda until they are marked done."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Patient"), self.tr("What"), self.tr("Who"), self.tr("Due")]
        )
        self.table.setAccessibleName(self.tr("Open actions, earliest due date first"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        note_label = QLabel(self.tr("&Note (optional)"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note with the completed action"))
        note_label.setBuddy(self.note)
        self.done_button = QPushButton(self.tr("Mark &done"))
        self.done_button.setAccessibleName(self.tr("Mark the selected action done"))
        self.done_button.setEnabled(False)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(note_label)
        row.addWidget(self.note, 1)
        row.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(
            lambda: self.done_button.setEnabled(bool(self.table.selectedItems()))
        )
        self.done_button.clicked.connect(self.mark_done)
        self.refresh()

    def refresh(self) -> None:
        self.gctx.runner.submit(svc.open_actions, self.gctx.app, on_done=self._show)

    def _show(self, actions: list[svc.ActionInfo]) -> None:
        self.actions_ = actions
        self.table.setRowCount(len(actions))
        for r, a in enumerate(actions):
            due = format_date(a.due) or "—"
            if a.overdue:
                due += " " + self.tr("(overdue)")
            cells = (a.patient_name or self.tr("(no patient)"), a.what, a.owner_name or "—", due)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if a.overdue and c == 3:
                    item.setForeground(QBrush(QColor("#b00020")))
                self.table.setItem(r, c, item)
        if not actions:
            self.status.setText(self.tr("There are no open actions."))
        self.done_button.setEnabled(bool(self.table.selectedItems()))

    def mark_done(self) -> None:
        row = self.table.currentRow()
        if not (0 <= row < len(self.actions_)):
            return
        action = self.actions_[row]
        self.done_button.setEnabled(False)

        def done(_result: object) -> None:
            self.note.clear()
            self.status.setText(self.tr("Done: %1").replace("%1", action.what))
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.status.setText(str(exc))
            self.done_button.setEnabled(True)

        self.gctx.runner.submit(
            svc.complete_action,
            self.gctx.app,
            action.id,
            self.note.text(),
            on_done=done,
            on_error=failed,
        )


def open_actions_dialog(gctx: GuiContext, parent: QWidget | None = None) -> OpenActionsDialog:
    dialog = OpenActionsDialog(gctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
