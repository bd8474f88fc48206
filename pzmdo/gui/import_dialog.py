"""Import an existing register: choose a file, map its columns, check, then confirm.

Nothing is stored until "Import" is pressed; reading, checking and storing run in the
background runner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.errors import PzmdoError, ValidationError
from pzmdo.gui.context import GuiContext
from pzmdo.services import importer
from pzmdo.services.importer import FIELDS


def _read(path: str) -> tuple[importer.SourceTable, dict[str, str]]:
    try:
        data = Path(path).read_bytes()
    except OSError:
        raise ValidationError(
            "Het bestand kan niet worden gelezen. Controleer of het bestaat en niet open "
            "staat in een ander programma."
        ) from None
    table = importer.read_table(data, Path(path).name)
    return table, importer.suggest_mapping(table.columns)


class ImportDialog(QDialog):
    def __init__(self, gctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.table: importer.SourceTable | None = None
        self.plan: importer.ImportPlan | None = None
        self.setWindowTitle(self.tr("Import register"))
        self.setAccessibleName(self.tr("Import register"))
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose a CSV file (separated by ; or ,) or an Excel file (.xlsx). Dates as "
                "dd-mm-yyyy. Nothing is stored until you press Import."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        file_label = QLabel(self.tr("&File:"))
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("File to import"))
        file_label.setBuddy(self.path)
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setAccessibleName(self.tr("Choose the file"))
        self.read_button = QPushButton(self.tr("&Read"))
        self.read_button.setAccessibleName(self.tr("Read the file"))
        self.browse.setAutoDefault(False)
        self.read_button.setAutoDefault(False)
        for w in (file_label, self.path, self.browse, self.read_button):
            row.addWidget(w, 1 if w is self.path else 0)
        layout.addLayout(row)

        self.mapping_box = QGroupBox(self.tr("Columns (which column holds which field)"))
        form = QFormLayout(self.mapping_box)
        self.combos: dict[str, QComboBox] = {}
        for spec in FIELDS:
            combo = QComboBox()
            combo.setAccessibleName(spec.label)
            label = QLabel(spec.label + (" *" if spec.required else "") + ":")
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.combos[spec.key] = combo
        scroll = QScrollArea()
        scroll.setWidget(self.mapping_box)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll, 2)
        self.check_button = QPushButton(self.tr("&Check"))
        self.check_button.setAccessibleName(self.tr("Check the rows"))
        self.check_button.setEnabled(False)
        self.check_button.setAutoDefault(False)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        report_label = QLabel(self.tr("Re&port:"))
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Check report"))
        report_label.setBuddy(self.report)
        layout.addWidget(report_label)
        layout.addWidget(self.report, 2)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(self.tr("Import the checked rows"))
        self.import_button.setEnabled(False)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.browse.clicked.connect(self._browse)
        self.read_button.clicked.connect(self.read_file)
        self.path.returnPressed.connect(self.read_file)
        self.check_button.clicked.connect(self.check)
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._mapping_changed)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the register"), "", self.tr("Register (*.csv *.txt *.xlsx)")
        )
        if path:
            self.path.setText(path)
            self.read_file()

    def read_file(self) -> None:
        path = self.path.text().strip()
        if not path:
            self.report.setPlainText(self.tr("Choose a file first."))
            return
        self.report.setPlainText(self.tr("Reading…"))
        self.gctx.runner.submit(_read, path, on_done=self._file_read, on_error=self._failed)

    def _file_read(self, result: tuple) -> None:
        self.table, suggestion = result
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not used)"), "")
            for column in self.table.columns:
                combo.addItem(column, column)
            index = combo.findData(suggestion.get(key, ""))
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self.check_button.setEnabled(True)
        self.report.setPlainText(
            self.tr("%1 rows read. Check the columns, then press Check.").replace(
                "%1", str(len(self.table.rows))
            )
        )
        self.check_button.setFocus()

    def mapping(self) -> dict[str, str]:
        return {
            key: combo.currentData() for key, combo in self.combos.items() if combo.currentData()
        }

    def _mapping_changed(self) -> None:
        self.plan = None
        self.import_button.setEnabled(False)

    def check(self) -> None:
        if self.table is None:
            return
        self.report.setPlainText(self.tr("Checking…"))
        self.gctx.runner.submit(
            importer.plan_import,
            self.gctx.app,
            self.table,
            self.mapping(),
            on_done=self._checked,
            on_error=self._failed,
        )

    def _checked(self, plan: importer.ImportPlan) -> None:
        self.plan = plan
        self.report.setPlainText("\n".join(plan.report()))
        self.import_button.setEnabled(bool(plan.rows))
        if plan.rows:
            self.import_button.setFocus()

    def _import(self) -> None:
        if self.plan is None:
            return
        self.import_button.setEnabled(False)
        self.gctx.runner.submit(
            importer.apply_import, self.gctx.app, self.plan, on_done=self._imported, on_error=self._failed
        )

    def _imported(self, result: importer.ImportResult) -> None:
        self.plan = None
        self.report.appendPlainText(
            "\n"
            + self.tr("%1 patients imported, %2 skipped (already in the register).")
            .replace("%1", str(result.added))
            .replace("%2", str(result.skipped_existing))
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, PzmdoError):
            self.report.setPlainText(str(exc))
            return
        self.report.clear()
        self.gctx.show_error(exc, self)


def open_import_dialog(gctx: GuiContext, parent: QWidget | None = None) -> ImportDialog:
    dialog = ImportDialog(gctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.path.setFocus()
    return dialog
