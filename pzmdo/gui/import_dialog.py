"""Import an existing register: choose a file, map its columns (per worksheet), check,
correct name splits in the preview, then confirm.

Nothing is stored until "Import" is pressed; reading, checking and storing run in the
background runner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.errors import PzmdoError, ValidationError
from pzmdo.gui.context import GuiContext
from pzmdo.gui.import_preview import COL_GIVEN, ImportPreviewModel
from pzmdo.services import importer, practices
from pzmdo.services.importer import FIELDS


def _read(path: str) -> tuple[importer.SourceTable, ...]:
    try:
        data = Path(path).read_bytes()
    except OSError:
        raise ValidationError(
            "Het bestand kan niet worden gelezen. Controleer of het bestaat en niet open "
            "staat in een ander programma."
        ) from None
    return importer.read_tables(data, Path(path).name)


class ImportDialog(QDialog):
    def __init__(self, gctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.tables: tuple[importer.SourceTable, ...] = ()
        self.table: importer.SourceTable | None = None  # the sheet shown in the mapping
        self.mappings: dict[str, dict[str, str]] = {}
        self.skipped_sheets: set[str] = set()
        # A user who sees several practices says which practice each worksheet joins
        # (PaTz groups keep one sheet per practice); with one practice it is implied.
        self.sheet_practices: dict[str, int] = {}
        self.several_practices = False
        self.names: dict[tuple[str, int], tuple[str, str, str]] = {}
        self.plan: importer.ImportPlan | None = None
        self.setWindowTitle(self.tr("Import register"))
        self.setAccessibleName(self.tr("Import register"))
        self.resize(1180, 740)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose a CSV file (separated by ; or ,) or an Excel file (.xlsx). Dates as "
                "dd-mm-yyyy. Check shows every row; correct a name split in the preview. "
                "Nothing is stored until you press Import."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._file_row())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._mapping_side())
        splitter.addWidget(self._preview_side())
        splitter.setSizes([380, 800])
        layout.addWidget(splitter, 1)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("Save report &to file…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setAccessibleName(self.tr("Save the report per row as CSV"))
        self.export_button.setEnabled(False)
        self.export_button.setAutoDefault(False)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(self.tr("Import the checked rows"))
        self.import_button.setEnabled(False)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self._export_report)
        layout.addWidget(self.buttons)

        self.browse.clicked.connect(self._browse)
        self.read_button.clicked.connect(self.read_file)
        self.path.returnPressed.connect(self.read_file)
        self.check_button.clicked.connect(self.check)
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.use_sheet.toggled.connect(self._use_sheet_toggled)
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._mapping_changed)
        self.preview_model.name_corrected.connect(self._name_corrected)
        self.practice.activated.connect(self._practice_chosen)
        gctx.runner.submit(
            practices.list_practices, gctx.app, in_scope_only=True, active_only=True,
            on_done=self._show_practices, on_error=self._failed,
        )  # fmt: skip
        self.setTabOrder(self.path, self.browse)
        self.setTabOrder(self.browse, self.read_button)
        self.setTabOrder(self.read_button, self.sheet)
        self.setTabOrder(self.sheet, self.use_sheet)
        self.setTabOrder(self.use_sheet, self.practice)

    # -- building -----------------------------------------------------------------------------

    def _file_row(self) -> QHBoxLayout:
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
        return row

    def _mapping_side(self) -> QWidget:
        side = QWidget()
        box = QVBoxLayout(side)
        box.setContentsMargins(0, 0, 0, 0)
        sheet_row = QHBoxLayout()
        sheet_label = QLabel(self.tr("&Worksheet:"))
        self.sheet = QComboBox()
        self.sheet.setAccessibleName(self.tr("Worksheet"))
        sheet_label.setBuddy(self.sheet)
        self.use_sheet = QCheckBox(self.tr("Import this &sheet"))
        self.use_sheet.setAccessibleName(self.tr("Import this worksheet"))
        self.use_sheet.setChecked(True)
        for w in (sheet_label, self.sheet, self.use_sheet):
            sheet_row.addWidget(w, 1 if w is self.sheet else 0)
        box.addLayout(sheet_row)
        practice_row = QHBoxLayout()
        self.practice_label = QLabel(self.tr("P&ractice of this sheet:"))
        self.practice = QComboBox()
        self.practice.setAccessibleName(self.tr("Practice the rows of this worksheet join"))
        self.practice.setPlaceholderText(self.tr("Choose the practice…"))
        self.practice_label.setBuddy(self.practice)
        practice_row.addWidget(self.practice_label)
        practice_row.addWidget(self.practice, 1)
        box.addLayout(practice_row)
        self.practice_label.hide()
        self.practice.hide()
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
        hint = QLabel(
            self.tr(
                "* required. A full name in one column: choose it at 'Naam (volledig)' "
                "instead of the three name fields."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        scroll = QScrollArea()
        scroll.setWidget(self.mapping_box)
        scroll.setWidgetResizable(True)
        box.addWidget(scroll, 1)
        self.check_button = QPushButton(self.tr("&Check"))
        self.check_button.setAccessibleName(self.tr("Check the rows"))
        self.check_button.setEnabled(False)
        self.check_button.setAutoDefault(False)
        box.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        return side

    def _preview_side(self) -> QWidget:
        side = QWidget()
        box = QVBoxLayout(side)
        box.setContentsMargins(0, 0, 0, 0)
        preview_label = QLabel(
            self.tr("Pre&view (double-click a name part or press F2 to correct it):")
        )
        self.preview_model = ImportPreviewModel()
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.setAccessibleName(self.tr("Preview of every row"))
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.preview.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.preview.verticalHeader().setVisible(False)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((100, 210, 120, 105, 150)):
            self.preview.setColumnWidth(col, width)
        self.preview.setWordWrap(False)
        self.preview.setTabKeyNavigation(False)
        preview_label.setBuddy(self.preview)
        box.addWidget(preview_label)
        box.addWidget(self.preview, 3)
        report_label = QLabel(self.tr("Re&port:"))
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Check report"))
        report_label.setBuddy(self.report)
        box.addWidget(report_label)
        box.addWidget(self.report, 1)
        return side

    # -- reading ------------------------------------------------------------------------------

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

    def _file_read(self, tables: tuple[importer.SourceTable, ...]) -> None:
        self.tables = tables
        self.mappings = {
            t.sheet: importer.suggest_mapping(t.columns) for t in tables if not t.empty
        }
        self.skipped_sheets = {t.sheet for t in tables if t.empty}
        self.sheet_practices = {}
        self.names = {}
        self.table = None
        self.sheet.blockSignals(True)
        self.sheet.clear()
        for t in tables:
            label = t.sheet or self.tr("(the file)")
            if t.empty:
                label += " " + self.tr("(empty)")
            self.sheet.addItem(label, t.sheet)
        self.sheet.blockSignals(False)
        several = len(tables) > 1
        self.sheet.setEnabled(several)
        self.use_sheet.setEnabled(several)
        first = next(i for i, t in enumerate(tables) if not t.empty)
        self.sheet.setCurrentIndex(first)
        self._show_sheet(first)
        self.check_button.setEnabled(True)
        rows = sum(len(t.rows) for t in tables)
        self.report.setPlainText(
            self.tr("%1 rows read. Check the columns, then press Check.").replace("%1", str(rows))
        )
        self.check_button.setFocus()

    def _show_sheet(self, index: int) -> None:
        table = self.tables[index]
        self.table = table
        mapping = self.mappings.get(table.sheet, {})
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not used)"), "")
            for column in table.columns:
                combo.addItem(column, column)
            combo.setCurrentIndex(max(combo.findData(mapping.get(key, "")), 0))
            combo.setEnabled(not table.empty)
            combo.blockSignals(False)
        self.use_sheet.blockSignals(True)
        self.use_sheet.setChecked(table.sheet not in self.skipped_sheets)
        self.use_sheet.setEnabled(len(self.tables) > 1 and not table.empty)
        self.use_sheet.blockSignals(False)
        self._show_sheet_practice()

    def _show_practices(self, mine: list[practices.PracticeInfo]) -> None:
        self.practice.clear()
        for practice in mine:
            self.practice.addItem(practice.name, practice.id)
        self.several_practices = len(mine) > 1
        self.practice_label.setVisible(self.several_practices)
        self.practice.setVisible(self.several_practices)
        self._show_sheet_practice()

    def _show_sheet_practice(self) -> None:
        sheet = self.table.sheet if self.table is not None else None
        chosen = self.sheet_practices.get(sheet) if sheet is not None else None
        self.practice.setCurrentIndex(self.practice.findData(chosen) if chosen else -1)
        self.practice.setEnabled(self.table is not None and not self.table.empty)

    def _practice_chosen(self, index: int) -> None:
        if self.table is None or index < 0:
            return
        self.sheet_practices[self.table.sheet] = self.practice.itemData(index)
        self._mapping_changed()

    def _sheet_changed(self, index: int) -> None:
        if 0 <= index < len(self.tables):
            self._show_sheet(index)

    def _use_sheet_toggled(self, checked: bool) -> None:
        if self.table is None:
            return
        if checked:
            self.skipped_sheets.discard(self.table.sheet)
        else:
            self.skipped_sheets.add(self.table.sheet)
        self._mapping_changed()

    def mapping(self) -> dict[str, str]:
        """The mapping of the sheet shown."""
        return {
            key: combo.currentData() for key, combo in self.combos.items() if combo.currentData()
        }

    def _mapping_changed(self) -> None:
        if self.table is not None and not self.table.empty:
            self.mappings[self.table.sheet] = self.mapping()
        self.plan = None
        self.import_button.setEnabled(False)
        self.export_button.setEnabled(False)

    # -- checking -----------------------------------------------------------------------------

    def check(self) -> None:
        if not self.tables:
            return
        if self.several_practices:
            for t in self.tables:
                if t.sheet not in self.skipped_sheets and t.sheet not in self.sheet_practices:
                    where = f"werkblad '{t.sheet}'" if len(self.tables) > 1 else "het bestand"
                    self.report.setPlainText(
                        f"Kies bij 'Praktijk van dit werkblad' bij welke praktijk de patiënten van {where} "
                        "horen; er is nog niets ingelezen of opgeslagen."
                    )
                    return
        self.report.setPlainText(self.tr("Checking…"))
        self.gctx.runner.submit(
            importer.plan_sheets,
            self.gctx.app,
            self.tables,
            dict(self.mappings),
            skip=sorted(self.skipped_sheets),
            names=dict(self.names),
            sheet_practices={
                sheet: practice
                for sheet, practice in self.sheet_practices.items()
                if sheet not in self.skipped_sheets
            },
            on_done=self._checked,
            on_error=self._failed,
        )

    def _checked(self, plan: importer.ImportPlan) -> None:
        self.plan = plan
        self.preview_model.set_plan(plan)
        self.report.setPlainText("\n".join(plan.report()))
        self.import_button.setEnabled(bool(plan.rows))
        self.export_button.setEnabled(True)
        if plan.rows:
            self.import_button.setFocus()

    def _name_corrected(self, sheet: str, row: int, parts: tuple[str, str, str]) -> None:
        self.names[(sheet, row)] = (parts[0], parts[1], parts[2])
        self.plan = None  # stale until checked again
        self.import_button.setEnabled(False)
        self.check()  # the corrected name is checked (and matched) again

    def first_editable_name(self) -> int:
        """The preview row of the first name a user may correct (-1: none)."""
        model = self.preview_model
        return next(
            (r for r in range(model.rowCount()) if model.flags(model.index(r, COL_GIVEN))
             & Qt.ItemFlag.ItemIsEditable),
            -1,
        )  # fmt: skip

    # -- storing ------------------------------------------------------------------------------

    def _import(self) -> None:
        if self.plan is None:
            return
        self.import_button.setEnabled(False)
        self.gctx.runner.submit(
            importer.apply_import,
            self.gctx.app,
            self.plan,
            on_done=self._imported,
            on_error=self._failed,
        )

    def _imported(self, result: importer.ImportResult) -> None:
        self.report.appendPlainText(
            "\n"
            + self.tr("%1 patients imported, %2 skipped, %3 rejected.")
            .replace("%1", str(result.added))
            .replace("%2", str(result.skipped_existing))
            .replace("%3", str(result.rejected))
        )

    def _export_report(self) -> None:
        if self.plan is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), "importverslag.csv", self.tr("CSV (*.csv)")
        )
        if path:
            self.save_report(Path(path))

    def save_report(self, path: Path) -> None:
        if self.plan is None:
            return
        self.gctx.runner.submit(
            importer.export_report,
            self.gctx.app,
            self.plan,
            path,
            on_done=self._report_saved,
            on_error=self._failed,
        )

    def _report_saved(self, path: Path) -> None:
        self.report.appendPlainText(
            "\n"
            + self.tr("Report saved in %1. It holds patient data: keep it safe.").replace(
                "%1", str(path)
            )
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
