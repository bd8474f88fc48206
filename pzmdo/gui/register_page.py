"""The register page: search, filters and the lazy register table."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.enums import PatientStatus
from pzmdo.domain.permissions import Action
from pzmdo.gui.context import GuiContext
from pzmdo.gui.register_model import COL_NAME, COL_PRACTICE, RegisterModel
from pzmdo.gui.widgets import chain_focus, refill_choices
from pzmdo.services.register import ACTIVE, PersonChoice, RegisterQuery
from pzmdo.services.scope import ScopeInfo, current_scope

SEARCH_DELAY_MS = 200


class RegisterPage(QWidget):
    def __init__(self, gctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.setAccessibleName(self.tr("Palliative register"))
        layout = QVBoxLayout(self)

        title = QLabel(self.tr("Palliative register"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        layout.addWidget(title)
        layout.addLayout(self._build_search())
        filters, checks = self._build_filters()
        layout.addLayout(filters)
        layout.addLayout(checks)
        layout.addWidget(self._build_scope_filters())
        layout.addWidget(self._build_table(), 1)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of patients"))
        layout.addWidget(self.count)
        self._set_tab_order()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._connect()
        self._selected: int | None = None
        self._scroll = 0  # the table's scroll position before a reload
        self.count.setText(self.tr("Loading…"))
        self.apply_filters()
        from pzmdo.services.register import list_gps

        gctx.runner.submit(list_gps, gctx.app, on_done=self._show_gps)
        gctx.runner.submit(current_scope, gctx.app, on_done=self._show_scope)

    # -- building ----------------------------------------------------------------------------
    def _build_search(self) -> QHBoxLayout:
        """Search, and the buttons to mark or import patients (as far as the role may)."""
        top = QHBoxLayout()
        search_label = QLabel(self.tr("&Search:"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, BSN or date of birth (dd-mm-yyyy)"))
        self.search.setAccessibleName(self.tr("Search the register"))
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        self.mark_button = QPushButton(self.tr("&Mark patient… (Ctrl+M)"))
        self.mark_button.setAccessibleName(self.tr("Mark a patient"))
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.setAccessibleName(self.tr("Import a register from CSV or Excel"))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setAccessibleName(self.tr("Export the register to CSV or Excel"))
        user = self.gctx.app.user  # what the role may not do is not offered
        self.mark_button.setEnabled(user.may(Action.MARK))
        self.import_button.setEnabled(user.may(Action.IMPORT))
        self.export_button.setEnabled(user.may(Action.REGISTER_EXPORT))
        top.addWidget(self.mark_button)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        return top

    def _build_filters(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The drop-down filters, and a row of check boxes (so the page fits at 150%)."""
        filters = QHBoxLayout()
        status_label = QLabel(self.tr("S&tatus:"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status filter"))
        self.status.addItem(self.tr("In care (signalled, marked, dying phase)"), ACTIVE)
        for status in PatientStatus:
            self.status.addItem(status.label, status.value)
        self.status.addItem(self.tr("All"), None)
        status_label.setBuddy(self.status)
        gp_label = QLabel(self.tr("&GP:"))
        self.gp = QComboBox()
        self.gp.setAccessibleName(self.tr("GP filter"))
        self.gp.addItem(self.tr("All GPs"), None)
        gp_label.setBuddy(self.gp)
        self.no_central = QCheckBox(self.tr("Without &central caregiver"))
        self.never = QCheckBox(self.tr("&Not yet discussed"))
        self.signals = QCheckBox(self.tr("Open si&gnal (to discuss)"))
        for box in (self.no_central, self.never, self.signals):
            box.setAccessibleName(box.text().replace("&", ""))
        for w in (status_label, self.status, gp_label, self.gp):
            filters.addWidget(w)
        filters.addStretch(1)
        checks = QHBoxLayout()
        for box in (self.no_central, self.never, self.signals):
            checks.addWidget(box)
        checks.addStretch(1)
        return filters, checks

    def _build_scope_filters(self) -> QWidget:
        """Practice and team, on their own row: shown only when the user's scope holds more
        than one (issue 14)."""
        self.scope_row = QWidget()
        row = QHBoxLayout(self.scope_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.practice_label = QLabel(self.tr("&Practice:"))
        self.practice = QComboBox()
        self.practice.setAccessibleName(self.tr("Practice filter"))
        self.practice.addItem(self.tr("All my practices"), None)
        self.practice_label.setBuddy(self.practice)
        self.team_label = QLabel(self.tr("Tea&m:"))
        self.team = QComboBox()
        self.team.setAccessibleName(self.tr("Meeting team filter"))
        self.team.addItem(self.tr("All teams"), None)
        self.team_label.setBuddy(self.team)
        for w in (self.practice_label, self.practice, self.team_label, self.team):
            row.addWidget(w)
            w.hide()
        row.addStretch(1)
        self.scope_row.hide()
        return self.scope_row

    def _build_table(self) -> QTableView:
        self.model = RegisterModel(self.gctx, self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Register table"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for column, width in enumerate((90, 250, 50, 105, 170, 90, 170, 90, 90, 240)):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            # Room for the title and the sort arrow, also at 150 % scaling.
            self.table.setColumnWidth(column, max(width, metrics.horizontalAdvance(title) + 28))
        header.moveSection(COL_PRACTICE, COL_NAME + 1)  # after the name
        self.table.setColumnHidden(COL_PRACTICE, True)  # until the scope has several
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        return self.table

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.search,
            self.mark_button,
            self.import_button,
            self.export_button,
            self.status,
            self.gp,
            self.practice,
            self.team,
            self.no_central,
            self.never,
            self.signals,
            self.table,
        ]
        chain_focus(chain)

    def _connect(self) -> None:
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._search_return)
        self.status.currentIndexChanged.connect(self.apply_filters)
        self.gp.currentIndexChanged.connect(self.apply_filters)
        self.practice.currentIndexChanged.connect(self.apply_filters)
        self.team.currentIndexChanged.connect(self.apply_filters)
        self.gctx.changed.connect(self._scope_changed)
        for box in (self.no_central, self.never, self.signals):
            box.toggled.connect(self.apply_filters)
        self.model.loaded.connect(self._loaded)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.mark_button.clicked.connect(self._mark)
        self.import_button.clicked.connect(self._import)
        self.export_button.clicked.connect(self._export)

    def _show_gps(self, gps: list[PersonChoice]) -> None:
        for person in gps:
            self.gp.addItem(person.name, person.id)

    def _show_scope(self, scope: ScopeInfo) -> None:
        """A practice column and filter for several practices, a team filter for several
        teams; a user with one of each sees none of it."""
        several = len(scope.practices) > 1
        self.table.setColumnHidden(COL_PRACTICE, not several)
        lost = refill_choices(self.practice, scope.practices if several else ())
        lost |= refill_choices(self.team, scope.teams if len(scope.teams) > 1 else ())
        self.practice_label.setVisible(several)
        self.practice.setVisible(several)
        self.team_label.setVisible(len(scope.teams) > 1)
        self.team.setVisible(len(scope.teams) > 1)
        self.scope_row.setVisible(several or len(scope.teams) > 1)
        if lost:  # a chosen practice or team left the user's scope
            self.apply_filters()

    def _scope_changed(self, entity: str, _ids: tuple[int, ...]) -> None:
        if entity in ("practice", "meeting_team", "attachments", "*"):
            self.gctx.runner.submit(current_scope, self.gctx.app, on_done=self._show_scope)

    def current_query(self) -> RegisterQuery:
        return replace(
            self.model.query,
            search=self.search.text().strip(),
            status=self.status.currentData(),
            gp_person_id=self.gp.currentData(),
            without_central_caregiver=self.no_central.isChecked(),
            never_discussed=self.never.isChecked(),
            open_signals=self.signals.isChecked(),
            practice_ids=()
            if self.practice.currentData() is None
            else (self.practice.currentData(),),
            team_id=self.team.currentData(),
        )

    def apply_filters(self) -> None:
        self._timer.stop()
        self.model.set_query(self.current_query())

    def _search_return(self) -> None:
        self.apply_filters()
        self.table.setFocus()

    def _remember_selection(self) -> None:
        index = self.table.currentIndex()
        self._selected = self.model.patient_id(index.row()) if index.isValid() else None
        self._scroll = self.table.verticalScrollBar().value()

    def _loaded(self, count: int) -> None:
        self.count.setText(self.tr("%n patient(s)", "", count))
        if self._selected is not None:
            row = self.model.row_of(self._selected)
            if row >= 0:
                self.table.selectRow(row)
        elif count and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, COL_NAME))
        if self.model.same_query:  # refreshed data: the view stays where the user was
            self.table.verticalScrollBar().setValue(self._scroll)

    def _open(self, index: QModelIndex) -> None:
        pid = self.model.patient_id(index.row())
        window = self.gctx.main_window
        if pid is not None and window is not None and hasattr(window, "show_patient"):
            window.show_patient(pid)

    def _mark(self) -> None:
        from pzmdo.gui.marking_dialog import open_marking_dialog

        open_marking_dialog(self.gctx, self.window())

    def _import(self) -> None:
        from pzmdo.gui.import_dialog import open_import_dialog

        open_import_dialog(self.gctx, self.window())

    def _export(self) -> None:
        from pzmdo.gui.register_export_dialog import open_register_export

        query = self.current_query()
        dialog = open_register_export(self.gctx, query, self.model.rowCount(), self.window())
        dialog.saved.connect(self._exported)

    def _exported(self, result: object) -> None:
        count = getattr(result, "count", 0)
        self.count.setText(
            self.tr("%n patient(s) exported to %1.", "", count).replace(
                "%1", str(getattr(result, "path", ""))
            )
        )


def create_page(gctx: GuiContext) -> QWidget:
    return RegisterPage(gctx)
