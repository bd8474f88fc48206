"""The small dialogs of meetings: planning one, a text (theme, amendment, decision), and in
meeting mode attendance (F2), centrale zorgverlener, colour, and correcting an action. Each
saves through its own area's service and closes on success."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.dates import format_date
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.meetings import MeetingFunction
from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import SaveDialog
from pzmdo.gui.inputs import DateInput
from pzmdo.gui.person_picker import PersonPicker
from pzmdo.gui.widgets import add_labelled_rows
from pzmdo.services import careteam, register
from pzmdo.services import meetings as svc


class PlanMeetingDialog(SaveDialog):
    """Plan a meeting: its team (when the user sees several), date and time, place or
    online link, chair, scribe, theme."""

    def __init__(
        self,
        gctx: GuiContext,
        parent: QWidget | None = None,
        *,
        teams: tuple[tuple[int, str], ...] = (),
        team_id: int | None = None,
    ) -> None:
        super().__init__(gctx, parent)
        self.setWindowTitle(self.tr("Plan a meeting"))
        self.setAccessibleName(self.tr("Plan a meeting"))
        self.team = QComboBox()
        self.team.setAccessibleName(self.tr("Meeting team"))
        for tid, name in teams:
            self.team.addItem(name, tid)
        if team_id is not None:
            self.team.setCurrentIndex(max(0, self.team.findData(team_id)))
        self.day = DateInput(
            date.today() + timedelta(days=7), self.tr("Date"), what="De datum van het overleg"
        )
        self.time = QTimeEdit(QTime(12, 30))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(self.tr("Start time"))
        self.place = QLineEdit()
        self.place.setAccessibleName(self.tr("Place"))
        self.link = QLineEdit()
        self.link.setPlaceholderText("https://")
        self.link.setAccessibleName(self.tr("Online link"))
        self.chair = QComboBox()
        self.chair.setAccessibleName(self.tr("Chair"))
        self.scribe = QComboBox()
        self.scribe.setAccessibleName(self.tr("Scribe"))
        self.theme = QLineEdit()
        self.theme.setAccessibleName(self.tr("Theme"))
        form = QFormLayout()
        if len(teams) > 1:  # one team: nothing to choose, no clutter
            add_labelled_rows(form, ((self.tr("T&eam:"), self.team),))
        else:
            self.team.hide()
        add_labelled_rows(
            form,
            (
                (self.tr("&Date:"), self.day),
                (self.tr("&Time:"), self.time),
                (self.tr("&Place:"), self.place),
                (self.tr("Online &link:"), self.link),
                (self.tr("&Chair:"), self.chair),
                (self.tr("&Scribe:"), self.scribe),
                (self.tr("T&heme:"), self.theme),
            ),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.ok.setText(self.tr("&Plan"))
        self.ok.setEnabled(False)
        self._people_loaded = False
        self.team.currentIndexChanged.connect(self._team_changed)
        self._team_changed()

    def team_id(self) -> int | None:
        data = self.team.currentData()
        return None if data is None else int(data)

    def _team_changed(self) -> None:
        """The chosen team's next date, time and place (its own rhythm)."""
        self.ok.setEnabled(False)
        self.gctx.runner.submit(self._load, self.gctx.app, self.team_id(), on_done=self._loaded)

    @staticmethod
    def _load(ctx: Any, team_id: int | None) -> tuple[date, svc.TeamInfo, list[svc.PersonBrief]]:
        return (
            svc.suggest_next_date(ctx, team_id=team_id),
            svc.get_team(ctx, team_id),
            svc.list_people(ctx),
        )

    def _loaded(self, data: tuple[date, svc.TeamInfo, list[svc.PersonBrief]]) -> None:
        day, team, people = data
        self.day.setValue(day)
        if team.default_time:
            self.time.setTime(QTime(team.default_time.hour, team.default_time.minute))
        self.place.setText(team.default_place)
        if not self._people_loaded:
            self._people_loaded = True
            for combo in (self.chair, self.scribe):
                combo.addItem(self.tr("(not chosen yet)"), None)
                for p in people:
                    combo.addItem(f"{p.name} — {p.discipline_label}", p.id)
        self.ok.setEnabled(True)

    def submit(self) -> None:
        try:
            day = self.day.required_value()
        except ValidationError as exc:
            self.show_error(str(exc))
            return
        t = self.time.time()
        self.run(
            svc.plan_meeting,
            day,
            start_time=f"{t.hour():02d}:{t.minute():02d}",
            place=self.place.text(),
            online_link=self.link.text(),
            chair_person_id=self.chair.currentData(),
            scribe_person_id=self.scribe.currentData(),
            theme=self.theme.text(),
            team_id=self.team_id(),
        )


class TextDialog(SaveDialog):
    """One text field (an amendment, a theme, a reason)."""

    def __init__(
        self, gctx: GuiContext, title: str, prompt: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(gctx, parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(title)
        self.text.setTabChangesFocus(True)
        label.setBuddy(self.text)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, 260)
        self.action: Any = None

    def submit(self) -> None:
        if self.action is not None:
            self.action(self.text.toPlainText())


class AttendanceDialog(SaveDialog):
    """Who is present, with role (discipline) and function; shows the triad check."""

    def __init__(self, gctx: GuiContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(gctx, parent)
        self.meeting_id = meeting_id
        self.setWindowTitle(self.tr("Attendance"))
        self.setAccessibleName(self.tr("Attendance"))
        self.resize(760, 520)
        label = QLabel(
            self.tr(
                "&Present (Space ticks; a huisarts, a wijkverpleegkundige and a specialist "
                "palliatieve zorg should all be there):"
            )
        )
        label.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Attendance list"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Present"), self.tr("Name"), self.tr("Role"), self.tr("Function")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        label.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.ok.setEnabled(False)
        gctx.runner.submit(self._load, gctx.app, meeting_id, on_done=self._loaded)

    @staticmethod
    def _load(ctx: Any, meeting_id: int) -> tuple[list[svc.AttendanceInfo], list[svc.PersonBrief]]:
        return svc.attendance(ctx, meeting_id), svc.list_people(ctx)

    def _loaded(self, data: tuple[list[svc.AttendanceInfo], list[svc.PersonBrief]]) -> None:
        rows, people = data
        known = {a.person_id: a for a in rows}
        ordered = [p for p in people if p.id in known] + [p for p in people if p.id not in known]
        self.table.setRowCount(len(ordered))
        for r, p in enumerate(ordered):
            a = known.get(p.id)
            check = QTableWidgetItem()
            check.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            check.setCheckState(
                Qt.CheckState.Checked if a and a.present else Qt.CheckState.Unchecked
            )
            check.setData(Qt.ItemDataRole.UserRole, p.id)
            check.setData(Qt.ItemDataRole.AccessibleTextRole, p.name)
            self.table.setItem(r, 0, check)
            self.table.setItem(r, 1, QTableWidgetItem(p.name))
            role = QTableWidgetItem(p.discipline_label)
            role.setData(Qt.ItemDataRole.UserRole, a.role if a else p.discipline)
            self.table.setItem(r, 2, role)
            function = QComboBox()
            function.setAccessibleName(self.tr("Function of %1").replace("%1", p.name))
            for f in MeetingFunction:
                function.addItem(f.label, f.value)
            function.setCurrentIndex(
                max(0, function.findData(a.function if a else MeetingFunction.DEELNEMER.value))
            )
            self.table.setCellWidget(r, 3, function)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # Wide enough for full names ("Dr. A. Jansen (fictief)"), within the screen.
        needed = header.length() + self.table.verticalScrollBar().sizeHint().width() + 48
        screen = self.screen().availableGeometry().width() if self.screen() else needed
        if needed > self.width():
            self.resize(min(needed, screen - 40), self.height())
        if ordered:
            self.table.setCurrentCell(0, 0)
        self.ok.setEnabled(True)

    def entries(self) -> list[tuple[int, str, str, bool | None]]:
        out: list[tuple[int, str, str, bool | None]] = []
        for r in range(self.table.rowCount()):
            check, role = self.table.item(r, 0), self.table.item(r, 2)
            combo = self.table.cellWidget(r, 3)
            if check is None or role is None or not isinstance(combo, QComboBox):
                continue
            present = check.checkState() == Qt.CheckState.Checked
            function = str(combo.currentData())
            invited = function != MeetingFunction.DEELNEMER.value
            if present or invited:
                person = int(check.data(Qt.ItemDataRole.UserRole))
                out.append((person, str(role.data(Qt.ItemDataRole.UserRole)), function, present))
        return out

    def submit(self) -> None:
        self.run(svc.set_attendance, self.meeting_id, self.entries())


class CaregiverDialog(SaveDialog):
    """Set the centrale zorgverlener from the meeting (the care-team area's service)."""

    def __init__(
        self,
        gctx: GuiContext,
        patient_id: int,
        meeting: svc.MeetingInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(gctx, parent)
        self.patient_id = patient_id
        self.setWindowTitle(self.tr("Centrale zorgverlener"))
        self.setAccessibleName(self.tr("Set the centrale zorgverlener"))
        # Only who can qualify (active, BIG-registered), and nobody chosen in advance.
        self.person = PersonPicker(gctx, big_only=True)
        self.person.setAccessibleName(self.tr("Centrale zorgverlener"))
        self.reason = QLineEdit(
            self.tr("Agreed in the meeting of %1").replace("%1", format_date(meeting.held_on))
        )
        self.reason.setAccessibleName(self.tr("Reason"))
        form = QFormLayout()
        add_labelled_rows(
            form,
            (
                (self.tr("&Person:"), self.person),
                (self.tr("&Reason:"), self.reason),
            ),
        )
        note = QLabel(self.tr("Only a BIG-registered care provider can be centrale zorgverlener."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        person_id = self.person.person_id
        if person_id is None:
            self.show_error(self.tr("Choose the new centrale zorgverlener (BIG-registered)."))
            return
        self.run(careteam.set_central_caregiver, self.patient_id, person_id, self.reason.text())


class ActionDialog(SaveDialog):
    """Correct an action (what, who, by when) while the meeting runs."""

    def __init__(
        self,
        gctx: GuiContext,
        people: list[svc.PersonBrief],
        what: str,
        owner: int | None,
        due: date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(gctx, parent)
        self.action_id = 0
        self.values: tuple[str, int | None, date | None] = (what, owner, due)
        self.setWindowTitle(self.tr("Correct the action"))
        self.setAccessibleName(self.tr("Correct the action"))
        self.what = QLineEdit(what)
        self.what.setAccessibleName(self.tr("Action: what"))
        self.owner = QComboBox()
        self.owner.setAccessibleName(self.tr("Action: who"))
        self.owner.addItem(self.tr("(nobody yet)"), None)
        for p in people:
            self.owner.addItem(p.name, p.id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(owner)))
        self.due = DateInput(due, self.tr("Action: by when"), what="De streefdatum van de actie")
        form = QFormLayout()
        add_labelled_rows(
            form,
            (
                (self.tr("&What:"), self.what),
                (self.tr("&Who:"), self.owner),
                (self.tr("&By when:"), self.due),
            ),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        try:
            due = self.due.value()
        except ValidationError as exc:
            self.show_error(str(exc))
            return
        self.values = (self.what.text().strip(), self.owner.currentData(), due)
        self.run(svc.update_action, self.action_id, *self.values)


class UrgencyDialog(SaveDialog):
    """Change the urgency colour from the meeting (the register's service)."""

    def __init__(self, gctx: GuiContext, patient_id: int, parent: QWidget | None = None) -> None:
        super().__init__(gctx, parent)
        self.patient_id = patient_id
        self.setWindowTitle(self.tr("Change colour"))
        self.setAccessibleName(self.tr("Change the urgency colour"))
        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Colour"))
        self.meaning = QLabel()
        self.meaning.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note"))
        form = QFormLayout()
        for text, widget in ((self.tr("&Colour:"), self.level), (self.tr("&Note:"), self.note)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.meaning)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.level.currentIndexChanged.connect(self._explain)
        self.ok.setEnabled(False)
        gctx.runner.submit(register.urgency_levels_for, gctx.app, on_done=self._loaded)

    def _loaded(self, levels: Any) -> None:
        self._levels = list(levels)
        for level in self._levels:
            self.level.addItem(level.label, level.code)
        self.ok.setEnabled(bool(self._levels))

    def _explain(self, index: int) -> None:
        levels = getattr(self, "_levels", [])
        if 0 <= index < len(levels):
            self.meaning.setText(levels[index].meaning)

    def submit(self) -> None:
        self.run(register.set_urgency, self.patient_id, self.level.currentData(), self.note.text())
