"""The audit trail for the privacy officer: names, filters, every event paged, CSV export.

A lazy model over event ids (all matching ids are fetched once, rows in blocks through the
runner), so a trail of millions of events stays responsive. Reading and exporting are
audited by the services.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.errors import PzmdoError
from pzmdo.gui.context import GuiContext
from pzmdo.gui.inputs import DateInput
from pzmdo.services import audit_log
from pzmdo.services.audit_log import AuditEntry, AuditFilter

BLOCK = 200
Index = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[str, ...] = (
    str(QT_TRANSLATE_NOOP("AuditModel", "No.")),
    str(QT_TRANSLATE_NOOP("AuditModel", "When")),
    str(QT_TRANSLATE_NOOP("AuditModel", "User")),
    str(QT_TRANSLATE_NOOP("AuditModel", "Action")),
    str(QT_TRANSLATE_NOOP("AuditModel", "Patient")),
    str(QT_TRANSLATE_NOOP("AuditModel", "Details")),
)


def _value_text(value: Any) -> str:
    """Stored yes/no values read as Dutch, not as Python's True/False."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def _detail_text(detail: dict[str, Any] | str | None) -> str:
    if isinstance(detail, dict):
        return ", ".join(f"{k}: {_value_text(v)}" for k, v in detail.items())
    return detail or ""


class AuditModel(QAbstractTableModel):
    """Newest first: ids of the whole selection, rows fetched a block at a time."""

    def __init__(self, gctx: GuiContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self._ids: list[int] = []
        self._rows: dict[int, AuditEntry] = {}
        self._requested: set[int] = set()
        self._generation = 0
        self.loading = False

    def load(self, flt: AuditFilter, on_loaded: Any = None) -> None:
        self._generation += 1
        generation = self._generation
        self.loading = True

        def loaded(ids: list[int]) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            self._ids = list(reversed(ids))
            self._rows.clear()
            self._requested.clear()
            self.endResetModel()
            self.loading = False
            if on_loaded is not None:
                on_loaded(len(ids))

        self.gctx.runner.submit(
            audit_log.audit_ids, self.gctx.app, flt, on_done=loaded, on_error=self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.gctx.show_error(exc)

    def entry(self, row: int) -> AuditEntry | None:
        return self._rows.get(self._ids[row]) if 0 <= row < len(self._ids) else None

    def _request(self, block: int) -> None:
        if block in self._requested:
            return
        self._requested.add(block)
        generation = self._generation
        ids = self._ids[block * BLOCK : (block + 1) * BLOCK]

        def arrived(entries: list[AuditEntry]) -> None:
            if generation != self._generation:
                return
            for e in entries:
                self._rows[e.id] = e
            first = block * BLOCK
            self.dataChanged.emit(
                self.index(first, 0), self.index(first + len(ids) - 1, len(COLUMNS) - 1)
            )

        self.gctx.runner.submit(
            audit_log.audit_rows, self.gctx.app, ids, on_done=arrived, on_error=self._failed
        )

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AuditModel", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        e = self.entry(index.row())
        if e is None:
            self._request(index.row() // BLOCK)
            return "…"
        values = (
            str(e.seq),
            e.at.astimezone().strftime("%d-%m-%Y %H:%M:%S"),
            e.user_name if e.user_name == e.user else f"{e.user_name} ({e.user})",
            e.action_label,
            e.patient_name or (str(e.patient_id) if e.patient_id else ""),
            _detail_text(e.detail),
        )
        return values[index.column()]


class AuditPage(QWidget):
    def __init__(self, gctx: GuiContext) -> None:
        super().__init__()
        self.gctx = gctx
        self.setAccessibleName(self.tr("Audit trail"))

        grid = self._build_filters()
        self._build_table()
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        for first, second in (
            (self.patient, self.user),
            (self.user, self.action),
            (self.action, self.period),
            (self.period, self.since),
            (self.since, self.until),
            (self.until, self.search),
            (self.search, self.export),
            (self.export, self.table),
        ):
            self.setTabOrder(first, second)

        gctx.runner.submit(audit_log.audit_users, gctx.app, on_done=self._users)
        self.refresh()

    def _build_filters(self) -> QGridLayout:
        """Patient, user, action and period; Show and Export."""
        self.patient = QLineEdit()
        self.patient.setPlaceholderText(self.tr("name or number"))
        self.patient.setAccessibleName(self.tr("Filter by patient"))
        self.user = QComboBox()
        self.user.setAccessibleName(self.tr("Filter by user"))
        self.user.addItem(self.tr("All users"), None)
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Filter by action"))
        self.action.addItem(self.tr("All actions"), None)
        for a in sorted(AuditAction, key=lambda a: a.label):
            self.action.addItem(a.label, a.value)
        self.period = QCheckBox(self.tr("&Period"))
        self.period.setAccessibleName(self.tr("Filter by period"))
        self.since = self._date_edit(self.tr("From date"), date.today() - timedelta(days=30))
        self.until = self._date_edit(self.tr("To date"), date.today())
        self.period.toggled.connect(self.since.setEnabled)
        self.period.toggled.connect(self.until.setEnabled)
        self.since.setEnabled(False)
        self.until.setEnabled(False)
        self.search = QPushButton(self.tr("&Show"))
        self.search.setAccessibleName(self.tr("Show the events that match"))
        self.search.setDefault(True)
        self.search.clicked.connect(self.refresh)
        self.patient.returnPressed.connect(self.refresh)
        self.export = QPushButton(self.tr("E&xport selection (CSV)…"))
        self.export.setAccessibleName(self.tr("Export the selection as CSV"))
        self.export.clicked.connect(self._export)

        grid = QGridLayout()
        patient_label = QLabel(self.tr("Pa&tient"))
        patient_label.setBuddy(self.patient)
        user_label = QLabel(self.tr("&User"))
        user_label.setBuddy(self.user)
        action_label = QLabel(self.tr("A&ction"))
        action_label.setBuddy(self.action)
        grid.addWidget(patient_label, 0, 0)
        grid.addWidget(self.patient, 0, 1)
        grid.addWidget(user_label, 0, 2)
        grid.addWidget(self.user, 0, 3)
        grid.addWidget(action_label, 0, 4)
        grid.addWidget(self.action, 0, 5)
        grid.addWidget(self.period, 1, 0)
        period_row = QHBoxLayout()
        period_row.addWidget(self.since)
        period_row.addWidget(QLabel(self.tr("to")))
        period_row.addWidget(self.until)
        period_row.addStretch(1)
        grid.addLayout(period_row, 1, 1, 1, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.search)
        buttons.addWidget(self.export)
        grid.addLayout(buttons, 1, 4, 1, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(5, 2)
        return grid

    def _build_table(self) -> None:
        self.model = AuditModel(self.gctx, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit events"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col, width in enumerate((60, 140, 200, 200, 180)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)

    def _date_edit(self, name: str, day: date) -> DateInput:
        return DateInput(day, name, what=name)

    def _users(self, rows: list[tuple[str, str]]) -> None:
        for login, name in rows:
            self.user.addItem(f"{name} ({login})", login)

    def current_filter(self) -> AuditFilter:
        text = self.patient.text().strip()
        since = until = None
        if self.period.isChecked():  # a typing error raises the field's Dutch message
            since, until = self.since.value(), self.until.value()
        return AuditFilter(
            patient_id=int(text) if text.isdigit() else None,
            patient_name=text if text and not text.isdigit() else None,
            user_login=self.user.currentData(),
            action=self.action.currentData(),
            since=since,
            until=until,
        )

    def refresh(self) -> None:
        try:
            flt = self.current_filter()
        except PzmdoError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(self.tr("Searching…"))
        self.model.load(
            flt,
            on_loaded=lambda n: self.status.setText(
                self.tr("%1 events match (newest first).").replace("%1", str(n))
            ),
        )

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export audit trail"), "audittrail.csv", self.tr("CSV file (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        self.status.setText(self.tr("Exporting…"))
        self.gctx.runner.submit(
            audit_log.export_audit,
            self.gctx.app,
            self.current_filter(),
            path,
            on_done=lambda n: self.status.setText(
                self.tr("%1 events exported to %2.").replace("%1", str(n)).replace("%2", str(path))
            ),
        )
