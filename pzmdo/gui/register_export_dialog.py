"""Export the register selection (the page's filters) to CSV or Excel with chosen columns.

The dialog says before saving that the file holds patient data; the service writes it
private (0600) and audits the export.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import SaveDialog
from pzmdo.services import register_export
from pzmdo.services.register import RegisterQuery


class RegisterExportDialog(SaveDialog):
    def __init__(
        self, gctx: GuiContext, query: RegisterQuery, count: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(gctx, parent)
        self.query = query
        self.setWindowTitle(self.tr("Export register"))
        self.setAccessibleName(self.tr("Export register"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Exports the %n patient(s) of the register as it is filtered now, for the PaTz "
                "Portal, the HIS or a spreadsheet. A name ending in .xlsx gives an Excel file, "
                ".csv a CSV file.",
                "",
                count,
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        warning = QLabel(register_export.PATIENT_DATA_WARNING)
        warning.setWordWrap(True)
        warning.setStyleSheet("font-weight: 600;")
        warning.setAccessibleName(register_export.PATIENT_DATA_WARNING)
        layout.addWidget(warning)

        row = QHBoxLayout()
        file_label = QLabel(self.tr("&File:"))
        self.path = QLineEdit(str(Path.home() / "register.xlsx"))
        self.path.setAccessibleName(self.tr("File to write"))
        file_label.setBuddy(self.path)
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setAccessibleName(self.tr("Choose where to save"))
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._browse)
        for w in (file_label, self.path, self.browse):
            row.addWidget(w, 1 if w is self.path else 0)
        layout.addLayout(row)

        box = QGroupBox(self.tr("Columns"))
        grid = QGridLayout(box)
        self.columns: dict[str, QCheckBox] = {}
        for i, column in enumerate(register_export.COLUMNS):
            check = QCheckBox(column.label)
            check.setAccessibleName(column.label)
            check.setChecked(column.key in register_export.DEFAULT_COLUMNS)
            grid.addWidget(check, i // 3, i % 3)
            self.columns[column.key] = check
        layout.addWidget(box)
        layout.addWidget(self.error)
        self.ok.setText(self.tr("&Export"))
        layout.addWidget(self.buttons)
        self.setTabOrder(self.path, self.browse)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export register"),
            self.path.text(),
            self.tr("Excel (*.xlsx);;CSV (*.csv)"),
        )
        if path:
            self.path.setText(path)

    def chosen(self) -> list[str]:
        return [key for key, check in self.columns.items() if check.isChecked()]

    def submit(self) -> None:
        path = self.path.text().strip()
        if not path:
            self.show_error(self.tr("Choose a file name ending in .xlsx or .csv."))
            return
        self.run(register_export.export_register, self.query, Path(path), self.chosen())


def open_register_export(
    gctx: GuiContext, query: RegisterQuery, count: int, parent: QWidget | None = None
) -> RegisterExportDialog:
    dialog = RegisterExportDialog(gctx, query, count, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.path.setFocus()
    return dialog
