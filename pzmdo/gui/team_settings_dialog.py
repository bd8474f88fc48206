"""Team settings: kernteam / PaTz group / transmural meeting, cadence, members, attendees."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.meetings import TeamKind, default_cadence_weeks
from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import SaveDialog
from pzmdo.gui.widgets import add_labelled_rows
from pzmdo.services import meetings as svc


def open_team_settings(
    gctx: GuiContext, parent: QWidget | None = None, team_id: int | None = None
) -> TeamSettingsDialog:
    dialog = TeamSettingsDialog(gctx, parent, team_id)
    dialog.open()
    return dialog


class TeamSettingsDialog(SaveDialog):
    MEMBER, ATTENDEE = 2, 3

    def __init__(
        self, gctx: GuiContext, parent: QWidget | None = None, team_id: int | None = None
    ) -> None:
        super().__init__(gctx, parent)
        self.team_id = team_id  # None: the user's first team (set when loaded)
        self.setWindowTitle(self.tr("Team settings"))
        self.setAccessibleName(self.tr("Team settings"))
        self.resize(760, 560)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Team name"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of meeting"))
        for kind in TeamKind:
            self.kind.addItem(kind.label, kind.value)
        self.cadence = QSpinBox()
        self.cadence.setRange(1, 26)
        self.cadence.setSuffix(self.tr(" weeks"))
        self.cadence.setAccessibleName(self.tr("Meets every (weeks)"))
        self.review = QSpinBox()
        self.review.setRange(1, 52)
        self.review.setSuffix(self.tr(" weeks"))
        self.review.setAccessibleName(self.tr("Periodic review after (weeks)"))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 120)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Time per patient (minutes)"))
        self.place = QLineEdit()
        self.place.setAccessibleName(self.tr("Usual place"))
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(self.tr("Usual start time"))
        self.kind.currentIndexChanged.connect(self._kind_changed)

        form = QFormLayout()
        add_labelled_rows(
            form,
            (
                (self.tr("&Name:"), self.name),
                (self.tr("&Kind:"), self.kind),
                (self.tr("Meets &every:"), self.cadence),
                (self.tr("Periodic &review after:"), self.review),
                (self.tr("Time per &patient:"), self.minutes),
                (self.tr("Usual p&lace:"), self.place),
                (self.tr("Usual s&tart time:"), self.time),
            ),
        )

        members_label = QLabel(
            self.tr("&Members (Space ticks a box; default attendees are invited to each meeting):")
        )
        self.members = QTableWidget(0, 4)
        self.members.setAccessibleName(self.tr("Team members"))
        self.members.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Discipline"), self.tr("Member"), self.tr("Invite")]
        )
        self.members.verticalHeader().hide()
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.members.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        members_label.setBuddy(self.members)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(members_label)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.name, self.kind)
        self.setTabOrder(self.kind, self.cadence)
        self.setTabOrder(self.cadence, self.review)
        self.setTabOrder(self.review, self.minutes)
        self.setTabOrder(self.minutes, self.place)
        self.setTabOrder(self.place, self.time)
        self.setTabOrder(self.time, self.members)
        self._loading = True
        self.ok.setEnabled(False)
        gctx.runner.submit(self._load, gctx.app, team_id, on_done=self._loaded)

    @staticmethod
    def _load(ctx: Any, team_id: int | None) -> tuple[svc.TeamInfo, list[svc.PersonBrief]]:
        return svc.get_team(ctx, team_id), svc.list_people(ctx)

    def _loaded(self, data: tuple[svc.TeamInfo, list[svc.PersonBrief]]) -> None:
        team, people = data
        self.team_id = team.id
        self.name.setText(team.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(team.kind)))
        self.cadence.setValue(team.cadence_weeks)
        self.review.setValue(team.review_interval_weeks)
        self.minutes.setValue(team.minutes_per_patient)
        self.place.setText(team.default_place)
        if team.default_time:
            self.time.setTime(QTime(team.default_time.hour, team.default_time.minute))
        else:
            self.time.setTime(QTime(12, 30))
        members = {m.person_id: m for m in team.members}
        self.members.setRowCount(len(people))
        for row, person in enumerate(people):
            name = QTableWidgetItem(person.name)
            name.setData(Qt.ItemDataRole.UserRole, person.id)
            self.members.setItem(row, 0, name)
            self.members.setItem(row, 1, QTableWidgetItem(person.discipline_label))
            member = members.get(person.id)
            for column, checked in (
                (self.MEMBER, member is not None),
                (self.ATTENDEE, bool(member and member.default_attendee)),
            ):
                cell = QTableWidgetItem()
                cell.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                cell.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.members.setItem(row, column, cell)
        if people:
            self.members.setCurrentCell(0, self.MEMBER)
        self._loading = False
        self.ok.setEnabled(True)

    def _kind_changed(self) -> None:
        if self._loading:
            return
        kind = TeamKind(self.kind.currentData())
        self.cadence.setValue(default_cadence_weeks(kind))

    def selected_members(self) -> list[tuple[int, bool]]:
        out = []
        for row in range(self.members.rowCount()):
            member = self.members.item(row, self.MEMBER).checkState() == Qt.CheckState.Checked
            invite = self.members.item(row, self.ATTENDEE).checkState() == Qt.CheckState.Checked
            if member or invite:
                out.append((int(self.members.item(row, 0).data(Qt.ItemDataRole.UserRole)), invite))
        return out

    def submit(self) -> None:
        t = self.time.time()
        self.run(
            svc.save_team,
            name=self.name.text(),
            kind=self.kind.currentData(),
            cadence_weeks=self.cadence.value(),
            review_interval_weeks=self.review.value(),
            minutes_per_patient=self.minutes.value(),
            default_place=self.place.text(),
            default_time=f"{t.hour():02d}:{t.minute():02d}",
            members=self.selected_members(),
            team_id=self.team_id,
        )
