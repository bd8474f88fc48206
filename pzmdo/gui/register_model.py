"""The register as a lazy table model: a list of ids (filtered and sorted by the database)
plus a cache of rows fetched in blocks through the background runner.

At 100,000 patients the GUI thread never queries: ``set_query`` and block fetches run in
the runner; until a block arrives its rows show "…".
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from pzmdo.domain.dates import format_date
from pzmdo.domain.register import MARKED_STATUSES, UrgencyLevel
from pzmdo.gui.context import GuiContext
from pzmdo.services.register import RegisterQuery, RegisterRow

BLOCK = 200
Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("RegisterModel", text)


# (header source text, sort key)
COLUMNS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("RegisterModel", "Urgency"), "urgency"),
    (QT_TRANSLATE_NOOP("RegisterModel", "Name"), "name"),
    (QT_TRANSLATE_NOOP("RegisterModel", "Age"), "age"),
    (QT_TRANSLATE_NOOP("RegisterModel", "Status"), "status"),
    (QT_TRANSLATE_NOOP("RegisterModel", "GP"), "gp"),
    (QT_TRANSLATE_NOOP("RegisterModel", "Marked since"), "marked_on"),
    (QT_TRANSLATE_NOOP("RegisterModel", "Central caregiver"), "central"),
    (QT_TRANSLATE_NOOP("RegisterModel", "Last discussed"), "last_discussed_on"),
    (QT_TRANSLATE_NOOP("RegisterModel", "Next review"), "next_review_on"),
    # Last in the model, shown after the name (the page hides it for a one-practice user).
    (QT_TRANSLATE_NOOP("RegisterModel", "Practice"), "practice"),
)
COL_URGENCY, COL_NAME, COL_AGE, COL_STATUS = 0, 1, 2, 3
COL_CENTRAL = 6
COL_PRACTICE = 9


def _fetch_ids(app: Any, query: RegisterQuery) -> tuple[list[int], tuple[UrgencyLevel, ...]]:
    from pzmdo.services import register as reg

    levels = reg.urgency_levels_for(app)
    return reg.register_ids(app, query, levels), levels


class RegisterModel(QAbstractTableModel):
    loaded = Signal(int)  # number of rows after a (re)load

    def __init__(self, gctx: GuiContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.query = RegisterQuery()
        self._ids: list[int] = []
        self._rows: dict[int, RegisterRow] = {}
        self._requested: set[int] = set()  # block numbers in flight
        self._levels: tuple[UrgencyLevel, ...] = ()
        self._generation = 0
        self.loading = False
        # The last load was a refresh of the same query (data changed, here or on another
        # workstation): the page keeps the user's selection and scroll position.
        self.same_query = False
        self._refreshing: set[int] = set()  # generations that only reload the same query
        gctx.changed.connect(self._on_changed)

    # -- loading ------------------------------------------------------------------------------
    def set_query(self, query: RegisterQuery) -> None:
        self.query = query
        self.refresh()

    def refresh(self, same_query: bool = False) -> None:
        self._generation += 1
        generation = self._generation
        if same_query:
            self._refreshing.add(generation)
        self.loading = True
        self.gctx.runner.submit(
            _fetch_ids,
            self.gctx.app,
            self.query,
            on_done=lambda result: self._ids_loaded(result, generation),
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.gctx.show_error(exc)

    def _ids_loaded(
        self, result: tuple[list[int], tuple[UrgencyLevel, ...]], generation: int
    ) -> None:
        if generation != self._generation:
            return  # a newer query was started meanwhile
        ids, levels = result
        self.same_query = generation in self._refreshing
        self._refreshing.clear()
        self.beginResetModel()
        self._ids = ids
        self._levels = levels
        self._rows.clear()
        self._requested.clear()
        self.endResetModel()
        self.loading = False
        self.loaded.emit(len(ids))

    def _request_block(self, block: int) -> None:
        if block in self._requested:
            return
        self._requested.add(block)
        generation = self._generation
        ids = self._ids[block * BLOCK : (block + 1) * BLOCK]
        from pzmdo.services.register import register_rows

        self.gctx.runner.submit(
            register_rows,
            self.gctx.app,
            ids,
            self._levels,
            on_done=lambda rows: self._rows_loaded(rows, block, generation),
            on_error=self._failed,
        )

    def _rows_loaded(self, rows: list[RegisterRow], block: int, generation: int) -> None:
        if generation != self._generation:
            return
        for row in rows:
            self._rows[row.id] = row
        first = block * BLOCK
        last = min(first + BLOCK, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def _on_changed(self, entity: str, _ids: tuple) -> None:
        if entity in (
            "patient",
            "careteam",
            "meeting",
            "setting",
            "attachments",
            "meeting_team",
            "*",
        ):
            self.refresh(same_query=True)

    # -- access ---------------------------------------------------------------------------------
    def patient_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, patient_id: int) -> int:
        try:
            return self._ids.index(patient_id)
        except ValueError:
            return -1

    def cached(self, row: int) -> RegisterRow | None:
        pid = self.patient_id(row)
        return self._rows.get(pid) if pid is not None else None

    def is_complete(self, first: int = 0, last: int | None = None) -> bool:
        last = len(self._ids) - 1 if last is None else last
        return all(self._ids[i] in self._rows for i in range(first, last + 1))

    # -- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        ):
            return _t(COLUMNS[section][0])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if not (0 <= index.column() < len(COLUMNS)):
            return None
        pid = self._ids[index.row()]
        row = self._rows.get(pid)
        if role == Qt.ItemDataRole.UserRole:
            return pid
        if row is None:
            self._request_block(index.row() // BLOCK)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return "…"
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column, role == Qt.ItemDataRole.AccessibleTextRole)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_URGENCY and row.urgency_colour:
            return QColor(row.urgency_colour)
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_URGENCY and row.urgency_colour:
            colour = QColor(row.urgency_colour)
            colour.setAlpha(70)
            return QBrush(colour)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_URGENCY and row.urgency:
            meaning = next((lv.meaning for lv in self._levels if lv.code == row.urgency), "")
            return f"{row.urgency_label}: {meaning}" if meaning else row.urgency_label
        if column == COL_CENTRAL and _lacks_central_caregiver(row):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#b00020"))
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(
                    "RegisterModel",
                    "Marked patient without a central care provider: agree one in the team.",
                )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: RegisterRow, column: int, accessible: bool) -> str:
        if column == COL_URGENCY:
            text = row.urgency_label or ""
            return text or (
                QCoreApplication.translate("RegisterModel", "no urgency") if accessible else ""
            )
        if column == COL_NAME:
            if row.is_fictional and "fictief" not in row.name:
                mark = QCoreApplication.translate("RegisterModel", "(fictitious)")
                return f"{row.name} {mark}"
            return row.name
        if column == COL_AGE:
            return str(row.age)
        if column == COL_STATUS:
            return row.status_label
        if column == COL_CENTRAL and _lacks_central_caregiver(row):
            return "⚠ " + QCoreApplication.translate("RegisterModel", "missing")
        values = {
            4: row.gp_name or "",
            5: format_date(row.marked_on),
            COL_CENTRAL: row.central_caregiver_name or "",
            7: format_date(row.last_discussed_on),
            8: format_date(row.next_review_on),
            COL_PRACTICE: row.practice_name,
        }
        text = values.get(column, "")
        if accessible and not text:
            return QCoreApplication.translate("RegisterModel", "empty")
        return text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(COLUMNS)):
            return
        self.set_query(
            replace(
                self.query,
                sort=COLUMNS[column][1],
                descending=order == Qt.SortOrder.DescendingOrder,
            )
        )


def _lacks_central_caregiver(row: RegisterRow) -> bool:
    """Marked patients must have a centrale zorgverlener; flag those who have none."""
    return not row.central_caregiver_name and row.status in MARKED_STATUSES
