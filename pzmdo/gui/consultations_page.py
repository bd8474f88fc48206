"""Consultations: open and overdue requests, the load per team, and the teams themselves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.consultations import TeamType, format_working_days
from pzmdo.gui.consult_widgets import (
    ConsultDetail,
    ConsultTableModel,
    make_table,
    report,
    submit_for,
)
from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import ErrorLabel
from pzmdo.gui.widgets import add_labelled_rows, button_row, chain_focus
from pzmdo.services import consultations as svc
from pzmdo.services.consultations import ConsultationInfo, TeamInfo, TeamLoad


def create_page(gctx: GuiContext) -> QWidget:
    return ConsultationsPage(gctx)


class ConsultationsPage(QTabWidget):
    def __init__(self, gctx: GuiContext) -> None:
        super().__init__()
        self.gctx = gctx
        self.setAccessibleName(self.tr("Consultations"))
        self.open_list = ConsultListTab(gctx, self.tr("Open consultations"), overdue=False)
        self.overdue_list = ConsultListTab(gctx, self.tr("Overdue consultations"), overdue=True)
        self.per_team = PerTeamTab(gctx)
        self.teams = TeamsTab(gctx)
        self.addTab(self.open_list, self.tr("&Open"))
        self.addTab(self.overdue_list, self.tr("O&verdue"))
        self.addTab(self.per_team, self.tr("&Per team"))
        self.addTab(self.teams, self.tr("&Teams"))
        gctx.changed.connect(self._on_changed)

    def _on_changed(self, entity: str, _ids: tuple[int, ...]) -> None:
        if entity in ("consultation", "consult_team", "setting", "*"):
            self.open_list.refresh()
            self.overdue_list.refresh()
            self.per_team.refresh()
        if entity in ("consult_team", "person", "*"):
            self.teams.refresh()


class ConsultListTab(QWidget):
    """Open (or only overdue) consultations of all patients; Enter opens the patient."""

    def __init__(self, gctx: GuiContext, title: str, *, overdue: bool) -> None:
        super().__init__()
        self.gctx = gctx
        self.overdue = overdue
        self.setAccessibleName(title)
        self.model = ConsultTableModel(parent=self)
        self.table = make_table(self.model, title)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.activated.connect(lambda _i: self.open_patient())
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Summary"))
        self.open_button = QPushButton(self.tr("Open &patient"))
        self.open_button.setAccessibleName(self.tr("Open the record of the selected patient"))
        self.open_button.clicked.connect(self.open_patient)
        self.detail = ConsultDetail(gctx)
        self.detail.changed.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        if overdue:
            self.threshold = QDoubleSpinBox()
            self.threshold.setRange(0.5, 30)
            self.threshold.setSingleStep(0.5)
            self.threshold.setDecimals(1)
            self.threshold.setSuffix(" " + self.tr("working days"))
            self.threshold.setAccessibleName(
                self.tr("Overdue after this many working days without advice")
            )
            label = QLabel(self.tr("Overdue &after:"))
            label.setBuddy(self.threshold)
            self.save_threshold = QPushButton(self.tr("&Apply"))
            self.save_threshold.setAccessibleName(self.tr("Apply the overdue threshold"))
            self.save_threshold.clicked.connect(self._set_threshold)
            top.addWidget(label)
            top.addWidget(self.threshold)
            top.addWidget(self.save_threshold)
        top.addWidget(self.open_button)
        self.error = ErrorLabel()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        self.refresh()

    def refresh(self) -> None:
        fetch: Callable[..., Any] = (
            svc.overdue_consultations if self.overdue else _open_consultations
        )
        submit_for(self, fetch, on_done=self._show)
        if self.overdue:
            submit_for(self, svc.overdue_threshold, on_done=self.threshold.setValue)

    def _show(self, rows: list[ConsultationInfo]) -> None:
        keep = self.detail.info.id if self.detail.info else None
        self.model.set_rows(rows)
        late = sum(1 for r in rows if r.overdue)
        if self.overdue:
            text = (
                self.tr("No overdue consultations.")
                if not rows
                else self.tr("%1 consultation(s) without advice for too long.").replace(
                    "%1", str(len(rows))
                )
            )
        else:
            text = (
                self.tr("No open consultations.")
                if not rows
                else self.tr("%1 open consultation(s), of which %2 overdue.")
                .replace("%1", str(len(rows)))
                .replace("%2", str(late))
            )
        self.summary.setText(text)
        row = next((n for n, r in enumerate(rows) if r.id == keep), 0 if rows else -1)
        if row >= 0:
            self.table.selectRow(row)
            self.detail.show_info(rows[row])
        else:
            self.detail.show_info(None)
        self.open_button.setEnabled(bool(rows))

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.detail.show_info(self.model.rows[rows[0].row()] if rows else None)

    def open_patient(self) -> None:
        info = self.detail.info
        window = self.gctx.main_window
        if info is not None and window is not None and hasattr(window, "show_patient"):
            window.show_patient(info.patient_id)

    def _set_threshold(self) -> None:
        self.error.show_message("")
        submit_for(
            self,
            svc.set_overdue_threshold,
            self.threshold.value(),
            on_done=lambda _v: self.refresh(),
            on_error=lambda exc: report(self.gctx, self.error, exc),
        )


def _open_consultations(ctx: Any) -> list[ConsultationInfo]:
    rows = svc.list_consultations(ctx, open_only=True)
    return sorted(rows, key=lambda r: (not r.overdue, r.requested_at))


class PerTeamTab(QWidget):
    def __init__(self, gctx: GuiContext) -> None:
        super().__init__()
        self.gctx = gctx
        self.setAccessibleName(self.tr("Consultations per team"))
        headers = [
            self.tr("Team"),
            self.tr("Type"),
            self.tr("Subregion"),
            self.tr("Open"),
            self.tr("Overdue"),
            self.tr("Advised"),
            self.tr("Total"),
            self.tr("Median response"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(self.tr("Consultations per team"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(
            self.tr(
                "Response time runs from the request to the advice, counted in working days "
                "(weekends and public holidays do not count)."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        self.refresh()

    def refresh(self) -> None:
        submit_for(self, svc.per_team, on_done=self._show)

    def _show(self, rows: list[TeamLoad]) -> None:
        self.table.setRowCount(len(rows))
        for n, r in enumerate(rows):
            median = (
                format_working_days(r.median_response_working_days)
                if r.median_response_working_days is not None
                else "—"
            )
            values = [
                r.team_name,
                r.type_label,
                r.subregion or "—",
                str(r.open),
                str(r.overdue),
                str(r.advised),
                str(r.total),
                median,
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if 3 <= col <= 6:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(n, col, item)


class TeamsTab(QWidget):
    """Manage consultation teams: type, subregion, office-hours and ANW numbers, members."""

    def __init__(self, gctx: GuiContext) -> None:
        super().__init__()
        self.gctx = gctx
        self.setAccessibleName(self.tr("Consultation teams"))
        self.teams: list[TeamInfo] = []
        self.editing: int | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Consultation teams"))
        self.list.setSpacing(3)
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._pick)
        self.show_inactive = QPushButton(self.tr("Show &deactivated teams"))
        self.show_inactive.setCheckable(True)
        self.show_inactive.setAccessibleName(self.tr("Also show deactivated teams"))
        self.show_inactive.toggled.connect(lambda _c: self.refresh())

        right = self._build_editor()
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.show_inactive)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        order: list[QWidget] = [
            self.list,
            self.show_inactive,
            self.name,
            self.kind,
            self.subregion,
            self.phone_office,
            self.phone_anw,
            self.email,
            self.members,
            self.new_button,
            self.save_button,
            self.deactivate_button,
        ]
        chain_focus(order)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.people: list[svc.PersonChoice] = []
        self.refresh()

    def _build_editor(self) -> QVBoxLayout:
        """The selected team's details and members, with New, Save and Deactivate."""
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Team name"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Type of team"))
        for t in TeamType:
            self.kind.addItem(t.label, t.value)
        self.subregion = QLineEdit()
        self.subregion.setAccessibleName(self.tr("Subregion"))
        self.phone_office = QLineEdit()
        self.phone_office.setAccessibleName(self.tr("Phone during office hours"))
        self.phone_anw = QLineEdit()
        self.phone_anw.setAccessibleName(self.tr("Phone evening, night and weekend (ANW)"))
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("E-mail"))
        self.members = QListWidget()
        self.members.setAccessibleName(self.tr("Members: tick the consultants of this team"))
        self.members.setMinimumHeight(240)
        self.new_button = QPushButton(self.tr("&New team"))
        self.new_button.setAccessibleName(self.tr("Start a new consultation team"))
        self.save_button = QPushButton(self.tr("&Save team"))
        self.save_button.setAccessibleName(self.tr("Save the consultation team"))
        self.save_button.setDefault(True)
        self.deactivate_button = QPushButton(self.tr("De&activate"))
        self.deactivate_button.setAccessibleName(self.tr("Deactivate the selected team"))
        self.new_button.clicked.connect(self.new_team)
        self.save_button.clicked.connect(self.save)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.error = ErrorLabel()
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Result"))

        form = QFormLayout()
        add_labelled_rows(
            form,
            (
                (self.tr("&Name:"), self.name),
                (self.tr("T&ype:"), self.kind),
                (self.tr("Su&bregion:"), self.subregion),
                (self.tr("Phone &office hours:"), self.phone_office),
                (self.tr("Phone A&NW:"), self.phone_anw),
                (self.tr("&E-mail:"), self.email),
                (self.tr("&Members:"), self.members),
            ),
        )
        hint = QLabel(
            self.tr(
                "Office hours: working days 08:00–17:00 (per subregion). ANW: evenings, "
                "nights, weekends and public holidays (region-wide)."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #44515e;")
        buttons = button_row(self.new_button, self.save_button, self.deactivate_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(hint)
        right.addWidget(self.error)
        right.addWidget(self.status)
        right.addLayout(buttons)
        right.addStretch(1)
        return right

    def refresh(self) -> None:
        submit_for(
            self,
            svc.list_teams,
            active_only=not self.show_inactive.isChecked(),
            on_done=self._show,
        )
        submit_for(self, svc.list_consultant_candidates, on_done=self._people)

    def _people(self, people: list[svc.PersonChoice]) -> None:
        self.people = people
        self._fill_members(self._team(self.editing))

    def _show(self, teams: list[TeamInfo]) -> None:
        self.teams = teams
        keep = self.editing
        self.list.blockSignals(True)
        self.list.clear()
        for t in teams:
            text = f"{t.name}\n{t.type_label}"
            if not t.active:
                text += " — " + self.tr("deactivated")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((n for n, t in enumerate(teams) if t.id == keep), 0 if teams else -1)
        if row >= 0:
            self.list.setCurrentRow(row)
            self._pick(row)
        else:
            self.new_team()

    def _team(self, team_id: int | None) -> TeamInfo | None:
        return next((t for t in self.teams if t.id == team_id), None)

    def _pick(self, row: int) -> None:
        if row < 0 or row >= len(self.teams):
            return
        team = self.teams[row]
        self.editing = team.id
        self.name.setText(team.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(team.team_type)))
        self.subregion.setText(team.subregion or "")
        self.phone_office.setText(team.phone_office or "")
        self.phone_anw.setText(team.phone_anw or "")
        self.email.setText(team.email or "")
        self.deactivate_button.setEnabled(team.active)
        self.error.show_message("")
        self._fill_members(team)

    def _fill_members(self, team: TeamInfo | None) -> None:
        chosen = {m.person_id for m in team.members} if team else set()
        self.members.clear()
        for p in self.people:
            item = QListWidgetItem(f"{p.name} ({p.discipline_label})")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.id in chosen else Qt.CheckState.Unchecked)
            self.members.addItem(item)

    def new_team(self) -> None:
        self.editing = None
        self.list.clearSelection()
        for field in (self.name, self.subregion, self.phone_office, self.phone_anw, self.email):
            field.clear()
        self.kind.setCurrentIndex(0)
        self.deactivate_button.setEnabled(False)
        self.error.show_message("")
        self.status.setText("")
        self._fill_members(None)
        self.name.setFocus()

    def member_ids(self) -> list[int]:
        ids = []
        for row in range(self.members.count()):
            item = self.members.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def save(self) -> None:
        self.error.show_message("")
        team = self._team(self.editing)
        submit_for(
            self,
            svc.save_team,
            self.editing,
            name=self.name.text(),
            team_type=self.kind.currentData(),
            subregion=self.subregion.text(),
            phone_office=self.phone_office.text(),
            phone_anw=self.phone_anw.text(),
            email=self.email.text(),
            notes=team.notes if team else None,
            member_ids=self.member_ids(),
            active=team.active if team else True,
            on_done=self._saved,
            on_error=lambda exc: report(self.gctx, self.error, exc),
        )

    def _saved(self, team_id: int) -> None:
        self.editing = team_id
        self.status.setText(self.tr("Team saved."))
        self.refresh()

    def deactivate(self) -> None:
        if self.editing is None:
            return

        def deactivated(_r: object) -> None:
            self.status.setText(self.tr("Team deactivated."))
            self.refresh()

        submit_for(
            self,
            svc.deactivate_team,
            self.editing,
            on_done=deactivated,
            on_error=lambda exc: report(self.gctx, self.error, exc),
        )
