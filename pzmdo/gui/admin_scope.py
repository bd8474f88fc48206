"""Beheer tabs for practices, meeting teams and who is attached to them (issue 14).

Each tab is a read-only table with buttons; the dialogs save through
``services.practices`` / ``teams`` / ``attachments`` in the runner. Which tab shows follows
the permission matrix (``Action.PRACTICES``, ``TEAMS``, ``ATTACHMENTS``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.meetings import TeamKind
from pzmdo.domain.practices import TeamMemberRole
from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import SaveDialog
from pzmdo.gui.widgets import (
    add_labelled_rows,
    button_row,
    chain_focus,
    keep_alive,
    read_only_table,
)
from pzmdo.services import attachments, practices, teams
from pzmdo.services.meetings import PersonBrief, list_people
from pzmdo.services.practices import PracticeInfo, PracticeInput
from pzmdo.services.teams import TeamInfo, TeamInput, TeamMemberInput


def fill_checklist(box: QListWidget, items: Sequence[tuple[int, str]], checked: set[int]) -> None:
    """Fill a keyboard list of check boxes (Space ticks) holding ids."""
    box.clear()
    for item_id, text in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, item_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if item_id in checked else Qt.CheckState.Unchecked)
        box.addItem(item)
    if box.count():
        box.setCurrentRow(0)


def checked_ids(box: QListWidget) -> list[int]:
    return [
        int(box.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(box.count())
        if box.item(i).checkState() == Qt.CheckState.Checked
    ]


class _ListTab(QWidget):
    """A table of rows with Add / Edit buttons; reloads when ``entities`` change."""

    entities: tuple[str, ...] = ()

    def __init__(self, gctx: GuiContext, table: QTableWidget, buttons: list[QPushButton]) -> None:
        super().__init__()
        self.gctx = gctx
        self.table = table
        self._dialogs: list[QWidget] = []
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addLayout(button_row(*buttons))
        chain_focus([table, *buttons])
        table.activated.connect(lambda _i: self.edit())
        gctx.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, entity: str, _ids: tuple[int, ...]) -> None:
        if entity in (*self.entities, "*"):
            self.refresh()

    def refresh(self) -> None:  # overridden
        raise NotImplementedError

    def edit(self) -> None:  # overridden
        raise NotImplementedError

    def _fill(self, rows: Sequence[Sequence[str]]) -> None:
        current = max(0, self.table.currentRow())
        self.table.setRowCount(len(rows))
        for i, texts in enumerate(rows):
            for col, text in enumerate(texts):
                self.table.setItem(i, col, QTableWidgetItem(text))
        if rows:
            self.table.selectRow(min(current, len(rows) - 1))

    def _open(self, dialog: SaveDialog) -> None:
        self._dialogs = keep_alive(self._dialogs, dialog)
        dialog.open()


# -- practices -------------------------------------------------------------------------------


class PracticesTab(_ListTab):
    entities = ("practice", "patient")

    def __init__(self, gctx: GuiContext) -> None:
        self.rows: list[PracticeInfo] = []
        table = read_only_table(
            [
                self.tr("Practice"),
                self.tr("AGB code"),
                self.tr("Place"),
                self.tr("Phone"),
                self.tr("Out-of-hours GP post"),
                self.tr("Patients"),
                self.tr("Status"),
            ],  # fmt: skip
            self.tr("Practices"),
        )
        self.add_button = QPushButton(self.tr("&Add practice…"))
        self.add_button.setAccessibleName(self.tr("Add a practice"))
        self.edit_button = QPushButton(self.tr("&Edit practice…"))
        self.edit_button.setAccessibleName(self.tr("Edit the selected practice"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        super().__init__(gctx, table, [self.add_button, self.edit_button])

    def refresh(self) -> None:
        self.gctx.runner.submit(practices.list_practices, self.gctx.app, on_done=self._show)

    def _show(self, rows: list[PracticeInfo]) -> None:
        self.rows = rows
        self._fill(
            [
                (
                    p.name,
                    p.agb_code,
                    p.city,
                    p.phone,
                    " ".join(x for x in (p.hap_name, p.hap_phone) if x),
                    str(p.patient_count) if p.in_scope else "—",
                    self.tr("active") if p.active else self.tr("inactive"),
                )  # fmt: skip
                for p in rows
            ]
        )

    def add(self) -> None:
        self._open(PracticeDialog(self.gctx, self))

    def edit(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self._open(PracticeDialog(self.gctx, self, self.rows[row]))


class PracticeDialog(SaveDialog):
    """A practice's name, AGB code, address, phone and out-of-hours GP post (HAP)."""

    def __init__(
        self, gctx: GuiContext, parent: QWidget | None = None, info: PracticeInfo | None = None
    ) -> None:
        super().__init__(gctx, parent)
        self.info = info
        title = self.tr("Edit practice") if info else self.tr("Add practice")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.fields: dict[str, QLineEdit] = {}
        rows = (
            ("name", self.tr("&Name:"), self.tr("Practice name")),
            ("agb_code", self.tr("&AGB code:"), self.tr("AGB code of the practice (8 digits)")),
            ("address", self.tr("A&ddress:"), self.tr("Address")),
            ("postcode", self.tr("&Postcode:"), self.tr("Postcode")),
            ("city", self.tr("P&lace:"), self.tr("Place")),
            ("phone", self.tr("P&hone:"), self.tr("Phone number of the practice")),
            ("hap_name", self.tr("Out-of-hours &GP post:"), self.tr("Out-of-hours GP post")),
            ("hap_phone", self.tr("Ou&t-of-hours phone:"), self.tr("Phone of the GP post")),
        )
        form = QFormLayout()
        for key, label, name in rows:
            edit = QLineEdit(str(getattr(info, key, "") or ""))
            edit.setAccessibleName(name)
            self.fields[key] = edit
            add_labelled_rows(form, ((label, edit),))
        self.active = QCheckBox(self.tr("A&ctive (new patients can join it)"))
        self.active.setAccessibleName(self.tr("Practice is active"))
        self.active.setChecked(info.active if info else True)
        self.active.setVisible(info is not None)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.active)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        chain_focus([*self.fields.values(), self.active, self.buttons])

    def data(self) -> PracticeInput:
        return PracticeInput(**{k: w.text() for k, w in self.fields.items()})

    def submit(self) -> None:
        if self.info is None:
            self.run(practices.add_practice, self.data())
        else:
            self.run(
                practices.update_practice, self.info.id, self.data(), active=self.active.isChecked()
            )


# -- teams -----------------------------------------------------------------------------------


class TeamsTab(_ListTab):
    entities = ("meeting_team", "practice")

    def __init__(self, gctx: GuiContext) -> None:
        self.rows: list[TeamInfo] = []
        table = read_only_table(
            [
                self.tr("Team"),
                self.tr("Kind"),
                self.tr("Practices"),
                self.tr("Members"),
                self.tr("Meets every"),
                self.tr("Review after"),
                self.tr("Status"),
            ],  # fmt: skip
            self.tr("Meeting teams"),
        )
        self.add_button = QPushButton(self.tr("&Add team…"))
        self.add_button.setAccessibleName(self.tr("Add a meeting team"))
        self.edit_button = QPushButton(self.tr("&Edit team…"))
        self.edit_button.setAccessibleName(self.tr("Edit the selected meeting team"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        super().__init__(gctx, table, [self.add_button, self.edit_button])

    def refresh(self) -> None:
        self.gctx.runner.submit(
            teams.list_teams, self.gctx.app, active_only=False, on_done=self._show
        )

    def _show(self, rows: list[TeamInfo]) -> None:
        self.rows = rows
        weeks = self.tr("%1 wk")
        self._fill(
            [
                (
                    t.name,
                    t.kind_label,
                    ", ".join(n for _, n in t.practices),
                    str(len(t.members)),
                    weeks.replace("%1", str(t.cadence_weeks)),
                    weeks.replace("%1", str(t.review_interval_weeks)),
                    self.tr("active") if t.active else self.tr("ended"),
                )  # fmt: skip
                for t in rows
            ]
        )

    def add(self) -> None:
        self._open(TeamDialog(self.gctx, self))

    def edit(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self._open(TeamDialog(self.gctx, self, self.rows[row]))


def _save_team(
    ctx: Any,
    team_id: int | None,
    data: TeamInput,
    practice_ids: list[int],
    members: list[TeamMemberInput],
    active: bool,
) -> TeamInfo:
    """One service call, so settings, practices and members are saved all or nothing."""
    if team_id is None:
        return teams.add_team(ctx, data, practice_ids, members)
    return teams.update_team(
        ctx, team_id, data, active=active, practice_ids=practice_ids, members=members
    )


class TeamDialog(SaveDialog):
    """A meeting team: kind, member practices, members with their role, default attendees,
    rhythm and review interval."""

    MEMBER, ROLE, INVITE = 2, 3, 4

    def __init__(
        self, gctx: GuiContext, parent: QWidget | None = None, info: TeamInfo | None = None
    ) -> None:
        super().__init__(gctx, parent)
        self.info = info
        title = self.tr("Edit meeting team") if info else self.tr("Add meeting team")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(820, 620)
        self.name = QLineEdit(info.name if info else "")
        self.name.setAccessibleName(self.tr("Team name"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of meeting"))
        for kind in TeamKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(info.kind if info else "")))
        self.cadence = self._spin(1, 26, self.tr(" weeks"), self.tr("Meets every (weeks)"))
        self.cadence.setValue(info.cadence_weeks if info else 4)
        self.review = self._spin(1, 52, self.tr(" weeks"), self.tr("Periodic review after (weeks)"))
        self.review.setValue(info.review_interval_weeks if info else 8)
        self.minutes = self._spin(1, 120, self.tr(" min"), self.tr("Time per patient (minutes)"))
        self.minutes.setValue(info.minutes_per_patient if info else 10)
        self.place = QLineEdit(info.default_place if info else "")
        self.place.setAccessibleName(self.tr("Usual place"))
        self.time = QTimeEdit(QTime(12, 30))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(self.tr("Usual start time"))
        if info and info.default_time:
            self.time.setTime(QTime(info.default_time.hour, info.default_time.minute))
        self.active = QCheckBox(self.tr("A&ctive"))
        self.active.setAccessibleName(self.tr("Team is active"))
        self.active.setChecked(info.active if info else True)
        self.active.setVisible(info is not None)
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
        self.practices = QListWidget()
        self.practices.setAccessibleName(self.tr("Member practices (Space ticks)"))
        practices_label = QLabel(self.tr("Member pr&actices:"))
        practices_label.setBuddy(self.practices)
        self.members = QTableWidget(0, 5)
        self.members.setAccessibleName(self.tr("Team members with their role"))
        self.members.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Discipline"),
                self.tr("Member"),
                self.tr("Role"),
                self.tr("Invite"),
            ]  # fmt: skip
        )
        self.members.verticalHeader().hide()
        self.members.setTabKeyNavigation(False)
        header = self.members.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        members_label = QLabel(
            self.tr("&Members (Space ticks a box; default attendees are invited to each meeting):")
        )
        members_label.setWordWrap(True)
        members_label.setBuddy(self.members)
        top = QHBoxLayout()
        top.addLayout(form, 3)
        side = QVBoxLayout()
        side.addWidget(practices_label)
        side.addWidget(self.practices, 1)
        side.addWidget(self.active)
        top.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(members_label)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        chain_focus(
            [
                self.name,
                self.kind,
                self.cadence,
                self.review,
                self.minutes,
                self.place,
                self.time,
                self.practices,
                self.active,
                self.members,
                self.buttons,
            ]  # fmt: skip
        )
        self.ok.setEnabled(False)
        gctx.runner.submit(self._load, gctx.app, on_done=self._loaded)

    @staticmethod
    def _spin(low: int, high: int, suffix: str, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setAccessibleName(name)
        return spin

    @staticmethod
    def _load(ctx: Any) -> tuple[list[PracticeInfo], list[PersonBrief]]:
        return practices.list_practices(ctx, active_only=True), list_people(ctx)

    def _loaded(self, data: tuple[list[PracticeInfo], list[PersonBrief]]) -> None:
        all_practices, people = data
        mine = {p for p, _ in self.info.practices} if self.info else set()
        choices = [(p.id, p.name) for p in all_practices]
        known = {c for c, _ in choices}  # an inactive member practice stays listed
        choices += [(p, n) for p, n in (self.info.practices if self.info else ()) if p not in known]
        fill_checklist(self.practices, choices, mine)
        members = {m.person_id: m for m in self.info.members} if self.info else {}
        self.members.setRowCount(len(people))
        for row, person in enumerate(people):
            name = QTableWidgetItem(person.name)
            name.setData(Qt.ItemDataRole.UserRole, person.id)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.members.setItem(row, 0, name)
            discipline = QTableWidgetItem(person.discipline_label)
            discipline.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.members.setItem(row, 1, discipline)
            member = members.get(person.id)
            for column, checked in (
                (self.MEMBER, member is not None),
                (self.INVITE, bool(member and member.default_attendee)),
            ):
                cell = QTableWidgetItem()
                cell.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                cell.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.members.setItem(row, column, cell)
            role = QComboBox()
            role.setAccessibleName(self.tr("Role of %1 in the team").replace("%1", person.name))
            for r in TeamMemberRole:
                role.addItem(r.label, r.value)
            role.setCurrentIndex(max(0, role.findData(member.role if member else "lid")))
            self.members.setCellWidget(row, self.ROLE, role)
        if people:
            self.members.setCurrentCell(0, self.MEMBER)
        self.ok.setEnabled(True)

    def _kind_changed(self) -> None:
        kind = TeamKind(self.kind.currentData())
        self.cadence.setValue(6 if kind is TeamKind.PATZ else 4)

    def selected_members(self) -> list[TeamMemberInput]:
        out = []
        for row in range(self.members.rowCount()):
            name, member, invite = (
                self.members.item(row, c) for c in (0, self.MEMBER, self.INVITE)
            )
            role = self.members.cellWidget(row, self.ROLE)
            if name is None or member is None or invite is None or not isinstance(role, QComboBox):
                continue  # not loaded yet
            invited = invite.checkState() == Qt.CheckState.Checked
            if member.checkState() == Qt.CheckState.Checked or invited:
                person_id = int(name.data(Qt.ItemDataRole.UserRole))
                out.append(TeamMemberInput(person_id, str(role.currentData()), invited))
        return out

    def submit(self) -> None:
        t = self.time.time()
        data = TeamInput(
            name=self.name.text(),
            kind=str(self.kind.currentData()),
            cadence_weeks=self.cadence.value(),
            review_interval_weeks=self.review.value(),
            minutes_per_patient=self.minutes.value(),
            default_place=self.place.text(),
            default_time=f"{t.hour():02d}:{t.minute():02d}",
        )
        self.run(
            _save_team,
            self.info.id if self.info else None,
            data,
            checked_ids(self.practices),
            self.selected_members(),
            self.active.isChecked(),
        )


# -- attachments -----------------------------------------------------------------------------


class AttachmentsTab(_ListTab):
    entities = ("attachments", "app_user", "practice", "meeting_team")

    def __init__(self, gctx: GuiContext) -> None:
        self.rows: list[attachments.UserAttachments] = []
        table = read_only_table(
            [self.tr("User name"), self.tr("Name"), self.tr("Practices"), self.tr("Teams")],
            self.tr("Users and their practices and teams"),
        )
        self.edit_button = QPushButton(self.tr("&Attach to practices and teams…"))
        self.edit_button.setAccessibleName(
            self.tr("Attach the selected user to practices and teams")
        )
        self.edit_button.clicked.connect(self.edit)
        super().__init__(gctx, table, [self.edit_button])

    def refresh(self) -> None:
        self.gctx.runner.submit(attachments.list_attachments, self.gctx.app, on_done=self._show)

    def _show(self, rows: list[attachments.UserAttachments]) -> None:
        self.rows = rows
        none = self.tr("(none)")
        self._fill(
            [
                (
                    u.login,
                    u.name,
                    ", ".join(n for _, n in u.practices) or none,
                    ", ".join(n for _, n in u.teams) or none,
                )  # fmt: skip
                for u in rows
            ]
        )

    def edit(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self._open(AttachDialog(self.gctx, self, self.rows[row]))


class AttachDialog(SaveDialog):
    """Which practices and teams one user is attached to (they see those patients)."""

    def __init__(
        self, gctx: GuiContext, parent: QWidget | None, user: attachments.UserAttachments
    ) -> None:
        super().__init__(gctx, parent)
        self.user = user
        title = self.tr("Practices and teams of %1").replace("%1", user.name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(640, 440)
        self.hint = QLabel(
            self.tr(
                "The user sees the patients of these practices and of the practices of these "
                "teams. Space ticks a box."
            )
        )
        self.hint.setWordWrap(True)
        self.practices = QListWidget()
        self.practices.setAccessibleName(self.tr("Practices of the user (Space ticks)"))
        self.teams = QListWidget()
        self.teams.setAccessibleName(self.tr("Teams of the user (Space ticks)"))
        chain_focus([self.practices, self.teams, self.buttons])
        p_label = QLabel(self.tr("&Practices:"))
        t_label = QLabel(self.tr("&Teams:"))
        p_label.setBuddy(self.practices)
        t_label.setBuddy(self.teams)
        lists = QHBoxLayout()
        for label, box in ((p_label, self.practices), (t_label, self.teams)):
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(box, 1)
            lists.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(lists, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.ok.setEnabled(False)
        gctx.runner.submit(self._load, gctx.app, on_done=self._loaded)

    @staticmethod
    def _load(ctx: Any) -> tuple[list[PracticeInfo], list[TeamInfo]]:
        return practices.list_practices(ctx), teams.list_teams(ctx)

    def _loaded(self, data: tuple[list[PracticeInfo], list[TeamInfo]]) -> None:
        all_practices, all_teams = data
        fill_checklist(
            self.practices, [(p.id, p.name) for p in all_practices], set(self.user.practice_ids)
        )
        fill_checklist(self.teams, [(t.id, t.name) for t in all_teams], set(self.user.team_ids))
        self.ok.setEnabled(True)

    def submit(self) -> None:
        self.run(
            attachments.set_attachments,
            self.user.login,
            checked_ids(self.practices),
            checked_ids(self.teams),
        )
