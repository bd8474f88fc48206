"""The import preview: every row of the checked plan with its outcome and, for a file with
one name column, the split into voornaam / tussenvoegsel / achternaam — editable, so the
user corrects a split before anything is stored."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from pzmdo.services import importer

Index = QModelIndex | QPersistentModelIndex

COL_WHERE, COL_TEXT, COL_GIVEN, COL_PREFIX, COL_FAMILY, COL_OUTCOME = range(6)
NAME_COLUMNS = (COL_GIVEN, COL_PREFIX, COL_FAMILY)
_WARN = QColor("#fff4c2")
_BAD = QColor("#f8d7d7")
_GREY = QColor("#eeeeee")


@dataclass
class PreviewRow:
    sheet: str
    row_number: int
    where: str  # "Rij 3" / "Blad 'Noord', rij 3"
    name_text: str  # the full name as written ('' with separate name columns)
    parts: list[str]  # voornaam, tussenvoegsel, achternaam
    outcome: str  # importer.IMPORT / SKIP / REJECT
    remarks: str  # reason and warnings, Dutch


class ImportPreviewModel(QAbstractTableModel):
    """Rows of an :class:`importer.ImportPlan`; the name cells of rows to import are
    editable when the file had one name column. ``name_corrected`` carries the key."""

    name_corrected = Signal(str, int, tuple)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PreviewRow] = []

    def set_plan(self, plan: importer.ImportPlan) -> None:
        self.beginResetModel()
        warnings: dict[tuple[str, int], list[str]] = {}
        for w in plan.row_warnings:
            warnings.setdefault((w.sheet, w.row_number), []).append(w.text)
        rows = [
            PreviewRow(
                r.sheet, r.row_number, plan.where(r.sheet, r.row_number), r.name_text,
                [r.patient.given_name, r.patient.name_prefix or "", r.patient.family_name],
                importer.IMPORT, "; ".join(warnings.get((r.sheet, r.row_number), [])),
            )
            for r in plan.rows
        ]  # fmt: skip
        rows += [
            PreviewRow(
                x.sheet, x.row_number, plan.where(x.sheet, x.row_number), "", ["", "", ""],
                importer.SKIP, x.reason,
            )
            for x in plan.skipped
        ]  # fmt: skip
        rows += [
            PreviewRow(
                x.sheet, x.row_number, plan.where(x.sheet, x.row_number), x.name_text,
                list(x.name_parts), importer.REJECT, x.reason,
            )
            for x in plan.rejected
        ]  # fmt: skip
        order = {s: i for i, s in enumerate(dict.fromkeys(r.sheet for r in plan.rows))}
        self.rows = sorted(rows, key=lambda r: (order.get(r.sheet, 99), r.row_number))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("ImportPreviewModel", "Row"),
            QCoreApplication.translate("ImportPreviewModel", "Name in the file"),
            QCoreApplication.translate("ImportPreviewModel", "First name(s)"),
            QCoreApplication.translate("ImportPreviewModel", "Prefix"),
            QCoreApplication.translate("ImportPreviewModel", "Family name"),
            QCoreApplication.translate("ImportPreviewModel", "Outcome"),
        )[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self._editable(index):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _editable(self, index: Index) -> bool:
        row = self.rows[index.row()]
        # A split to import, or a rejected one (a voornaam to add), can be corrected.
        return (
            bool(row.name_text)
            and row.outcome != importer.SKIP
            and index.column() in NAME_COLUMNS
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            if col == COL_WHERE:
                return row.where
            if col == COL_TEXT:
                return row.name_text
            if col in NAME_COLUMNS:
                return row.parts[col - COL_GIVEN]
            label = {
                importer.IMPORT: QCoreApplication.translate("ImportPreviewModel", "import"),
                importer.SKIP: QCoreApplication.translate("ImportPreviewModel", "skipped"),
                importer.REJECT: QCoreApplication.translate("ImportPreviewModel", "rejected"),
            }[row.outcome]
            if row.remarks and row.outcome == importer.IMPORT:
                label = QCoreApplication.translate("ImportPreviewModel", "import, check:")
                return f"{label} {row.remarks}"
            return f"{label}: {row.remarks}" if row.remarks else label
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.outcome == importer.REJECT:
                return QBrush(_BAD)
            if row.outcome == importer.SKIP:
                return QBrush(_GREY)
            if row.remarks:
                return QBrush(_WARN)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self._editable(index):
            return False
        row = self.rows[index.row()]
        text = str(value).strip()
        if row.parts[index.column() - COL_GIVEN] == text:
            return False
        row.parts[index.column() - COL_GIVEN] = text
        self.dataChanged.emit(index, index)
        self.name_corrected.emit(row.sheet, row.row_number, tuple(row.parts))
        return True
