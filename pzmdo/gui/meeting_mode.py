"""Meeting mode: full screen, large type, keyboard-driven, one patient at a time.

The chair leads; the scribe types. Per patient: a compact summary, a timer, notes per
dimension, the checklist, decisions and actions. Keys: PgDown / PgUp next / previous,
Ctrl+Enter "discussed, next", F2 attendance, Ctrl+B decision, Ctrl+J action,
Ctrl+Shift+E close the meeting, Esc leave meeting mode (everything is saved).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.dates import format_date
from pzmdo.domain.enums import Dimension
from pzmdo.domain.errors import ValidationError
from pzmdo.gui.consult_request_dialog import open_consult_request
from pzmdo.gui.context import GuiContext
from pzmdo.gui.meeting_dialogs import (
    ActionDialog,
    AttendanceDialog,
    CaregiverDialog,
    TextDialog,
    UrgencyDialog,
)
from pzmdo.gui.meeting_panels import (
    ActionsBox,
    AgendaPanel,
    ChecklistBox,
    DecisionsBox,
    NotesBox,
    PatientSummary,
)
from pzmdo.gui.meeting_record import action_line
from pzmdo.gui.widgets import chain_focus, keep_alive
from pzmdo.services import meetings as svc

STYLE = """
#MeetingMode { background: #fbfbf8; }
#MeetingMode QWidget { font-size: 14pt; }
#MeetingMode QLabel#title { font-size: 17pt; font-weight: 700; }
#MeetingMode QLabel#patient { font-size: 18pt; font-weight: 700; }
#MeetingMode QLabel#timer { font-size: 20pt; font-family: monospace; }
#MeetingMode QGroupBox { font-weight: 600; }
#MeetingMode QPlainTextEdit, #MeetingMode QLineEdit { background: white; }
"""


def open_meeting_mode(
    gctx: GuiContext, meeting_id: int, parent: QWidget | None = None, *, full_screen: bool = True
) -> MeetingMode:
    window = MeetingMode(gctx, meeting_id)
    if full_screen:
        window.showFullScreen()
    else:
        window.show()
    window.activateWindow()
    return window


_Loaded = tuple[svc.MeetingInfo, list[svc.AgendaItemInfo], list[svc.PersonBrief]]


def _load(ctx: Any, meeting_id: int) -> _Loaded:
    return (
        svc.get_meeting(ctx, meeting_id),
        svc.agenda(ctx, meeting_id, include_proposed=False),
        svc.list_people(ctx),
    )


def _load_item(
    ctx: Any, item: svc.AgendaItemInfo, meeting_id: int
) -> tuple[svc.ItemRecord, svc.PatientBrief | None]:
    record = svc.discussion(ctx, item.id)
    brief = svc.patient_brief(ctx, item.patient_id, meeting_id) if item.patient_id else None
    return record, brief


def _mmss(seconds: int) -> str:
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class MeetingMode(QWidget):
    closed = Signal()
    meeting_closed = Signal(int)

    def __init__(self, gctx: GuiContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.gctx = gctx
        self.meeting_id = meeting_id
        self.meeting: svc.MeetingInfo | None = None
        self.items: list[svc.AgendaItemInfo] = []
        self.people: list[svc.PersonBrief] = []
        self.index = -1
        self.record: svc.ItemRecord | None = None
        self.brief: svc.PatientBrief | None = None
        self.target_seconds = 600
        self.base_seconds = 0
        self.elapsed = QElapsedTimer()
        self._loading_item = False
        self._closing = False
        self._dialogs: list[QWidget] = []
        self.setObjectName("MeetingMode")
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("Meeting mode"))
        self.setAccessibleName(self.tr("Meeting mode"))

        top = self._build_top_bar()
        splitter = QSplitter()
        self.agenda = AgendaPanel()
        splitter.addWidget(self.agenda)
        splitter.addWidget(self._build_patient())
        splitter.addWidget(self._build_form())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 5)
        splitter.setSizes([250, 450, 580])  # fits 1280 px (a projector)
        splitter.setChildrenCollapsible(False)
        nav = self._build_navigation()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(nav)
        self._set_tab_order()
        self._connect()
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._update_timer)
        self.tick.start()
        self._set_form_enabled(False)
        gctx.runner.submit(svc.get_team, gctx.app, on_done=self._team_loaded)
        self.reload()

    # -- building ----------------------------------------------------------------------------
    def _build_top_bar(self) -> QHBoxLayout:
        self.title = QLabel(self.tr("Loading…"))
        self.title.setObjectName("title")
        self.title.setWordWrap(True)  # a long title wraps; the buttons never get cut
        self.position = QLabel()
        self.position.setAccessibleName(self.tr("Position on the agenda"))
        self.timer_label = QLabel("00:00")
        self.timer_label.setObjectName("timer")
        self.timer_label.setAccessibleName(self.tr("Time spent on this patient"))
        self.attendance_button = QPushButton(self.tr("Attendance (F2)"))
        self.attendance_button.setAccessibleName(self.tr("Attendance"))
        # Shortcuts too long for a button label go into the tooltip (fits 1280 px wide).
        self.close_meeting_button = QPushButton(self.tr("Close meeting…"))
        self.close_meeting_button.setToolTip(self.tr("Close the meeting (Ctrl+Shift+E)"))
        self.close_meeting_button.setAccessibleName(self.tr("Close the meeting"))
        self.leave_button = QPushButton(self.tr("Leave (Esc)"))
        self.leave_button.setAccessibleName(self.tr("Leave meeting mode"))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for w in (self.position, self.timer_label):
            top.addSpacing(16)
            top.addWidget(w)
        top.addSpacing(16)
        top.addWidget(self.attendance_button)
        top.addWidget(self.close_meeting_button)
        top.addWidget(self.leave_button)
        return top

    def _build_patient(self) -> QWidget:
        """Middle: the summary, the checklist under it, and the other areas' dialogs."""
        self.patient = PatientSummary()
        self.caregiver_button = QPushButton(self.tr("Centrale &zorgverlener…"))
        self.caregiver_button.setAccessibleName(self.tr("Set the centrale zorgverlener"))
        self.urgency_button = QPushButton(self.tr("Change &colour…"))
        self.urgency_button.setAccessibleName(self.tr("Change the urgency colour"))
        self.consult_button = QPushButton(self.tr("Request c&onsultation…"))
        self.consult_button.setAccessibleName(self.tr("Request a consultation"))
        buttons = QGridLayout()  # two per row: readable on a 1280 px projector
        for n, b in enumerate((self.caregiver_button, self.urgency_button, self.consult_button)):
            buttons.addWidget(b, n // 2, n % 2)
        self.checklist_box = ChecklistBox()
        self.checklist = self.checklist_box.combos
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.patient, 1)
        middle_layout.addLayout(buttons)
        middle_layout.insertWidget(1, self.checklist_box)  # after the buttons in the focus chain
        return middle

    def _build_form(self) -> QWidget:
        """Right: notes per dimension, decisions and actions."""
        self.notes_box = NotesBox()
        self.notes = self.notes_box.edits
        self.decision_box = DecisionsBox()
        self.decision_field = self.decision_box.field
        self.decision_button = self.decision_box.button
        self.decision_list = self.decision_box.list
        self.action_box = ActionsBox()
        self.action_what = self.action_box.what
        self.action_owner = self.action_box.owner
        self.action_due = self.action_box.due
        self.action_button = self.action_box.button
        self.action_list = self.action_box.list
        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.notes_box, 1)
        form_layout.addWidget(self.decision_box)
        form_layout.addWidget(self.action_box)
        return form

    def _build_navigation(self) -> QHBoxLayout:
        self.previous_button = QPushButton(self.tr("← Previous (PgUp)"))
        self.previous_button.setAccessibleName(self.tr("Previous patient"))
        self.discussed_button = QPushButton(self.tr("Discussed, next → (Ctrl+Enter)"))
        self.discussed_button.setAccessibleName(self.tr("Discussed, go to the next patient"))
        self.discussed_button.setStyleSheet("font-weight: 700;")
        self.next_button = QPushButton(self.tr("Next without marking (PgDown)"))
        self.next_button.setAccessibleName(self.tr("Next patient"))
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Save status"))
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.status, 1)
        nav.addWidget(self.next_button)
        nav.addWidget(self.discussed_button)
        return nav

    def _set_tab_order(self) -> None:
        """The scribe's order: notes, checklist, decisions, actions, then moving on."""
        order: list[QWidget] = [*self.notes.values(), *self.checklist.values()]
        order += [
            self.decision_field,
            self.decision_button,
            self.action_what,
            self.action_owner,
            self.action_due,
            self.action_button,
            self.discussed_button,
            self.next_button,
            self.previous_button,
            self.caregiver_button,
            self.urgency_button,
            self.consult_button,
            self.agenda.list,
            self.attendance_button,
            self.close_meeting_button,
            self.leave_button,
        ]
        chain_focus(order)

    def _connect(self) -> None:
        self.agenda.list.currentRowChanged.connect(self._row_chosen)
        self.previous_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.discussed_button.clicked.connect(self.discussed_next)
        self.decision_button.clicked.connect(self.add_decision)
        self.decision_field.returnPressed.connect(self.add_decision)
        self.action_button.clicked.connect(self.add_action)
        self.decision_list.itemActivated.connect(self.edit_decision)
        self.action_list.itemActivated.connect(self.edit_action)
        self.action_what.returnPressed.connect(self.add_action)
        self.attendance_button.clicked.connect(self.edit_attendance)
        self.close_meeting_button.clicked.connect(self.confirm_close)
        self.leave_button.clicked.connect(self.close)
        self.caregiver_button.clicked.connect(self.set_caregiver)
        self.urgency_button.clicked.connect(self.change_urgency)
        self.consult_button.clicked.connect(self.request_consultation)
        for keys, slot in (
            ("PgDown", lambda: self.go(self.index + 1)),
            ("PgUp", lambda: self.go(self.index - 1)),
            ("Ctrl+Return", self.discussed_next),
            ("Ctrl+Enter", self.discussed_next),
            ("F2", self.edit_attendance),
            ("Ctrl+B", self.decision_field.setFocus),
            ("Ctrl+J", self.action_what.setFocus),
            ("Ctrl+Shift+E", self.confirm_close),
            ("Ctrl+S", self.save_current),
            ("Escape", self.close),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    # -- loading ---------------------------------------------------------------------------
    def _team_loaded(self, team: svc.TeamInfo) -> None:
        self.target_seconds = team.minutes_per_patient * 60

    def reload(self, keep_index: bool = False) -> None:
        wanted = self.index if keep_index else None
        self.gctx.runner.submit(
            _load,
            self.gctx.app,
            self.meeting_id,
            on_done=lambda data: self._loaded(data, wanted),
        )

    def _loaded(self, data: _Loaded, wanted: int | None) -> None:
        self.meeting, self.items, self.people = data
        m = self.meeting
        self.title.setText(m.title)
        self.agenda.show_attendance(m)
        self.action_box.set_people(self.people)
        self.agenda.fill(self.items, self.index)
        if m.read_only:
            self.status.setText(self.tr("This meeting is closed; the record is read-only."))
            self._set_form_enabled(False)
            return
        if wanted is not None and 0 <= wanted < len(self.items):
            self.go(wanted, save=False)
        else:
            first_open = next((n for n, i in enumerate(self.items) if i.status != "besproken"), 0)
            self.go(first_open, save=False)

    def _row_chosen(self, row: int) -> None:
        if row != self.index:
            self.go(row)

    # -- moving between patients -------------------------------------------------------
    @property
    def current(self) -> svc.AgendaItemInfo | None:
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def go(self, index: int, *, save: bool = True, discussed: bool | None = None) -> None:
        if not self.items or self._loading_item:
            return
        index = max(0, min(len(self.items) - 1, index))
        if save and self.current is not None:
            self.save_current(discussed=discussed)
        self.index = index
        self.agenda.select(index)
        item = self.items[index]
        self.position.setText(
            self.tr("Item %1 of %2")
            .replace("%1", str(index + 1))
            .replace("%2", str(len(self.items)))
        )
        self._loading_item = True
        self._set_form_enabled(False)
        self.gctx.runner.submit(
            _load_item,
            self.gctx.app,
            item,
            self.meeting_id,
            on_done=self._item_loaded,
            on_error=self._item_failed,
        )

    def _item_failed(self, exc: BaseException) -> None:
        self._loading_item = False
        self.gctx.show_error(exc, self)

    def _item_loaded(self, data: tuple[svc.ItemRecord, svc.PatientBrief | None]) -> None:
        self._loading_item = False
        self.record, self.brief = data
        item = self.record.item
        self.items[self.index] = item
        self.base_seconds = item.seconds_spent
        self.elapsed.restart()
        self.notes_box.set_values(self.record.notes)
        self.checklist_box.set_values(self.record.checklist)
        self.decision_box.show_decisions(self.record.decisions)
        self.action_box.show_actions(self.record.actions)
        self._show_summary()
        self._set_form_enabled(self.meeting is not None and not self.meeting.read_only)
        is_patient = item.patient_id is not None
        for w in [*self.checklist.values(), self.caregiver_button, self.urgency_button]:
            w.setEnabled(w.isEnabled() and is_patient)
        self.consult_button.setEnabled(self.consult_button.isEnabled() and is_patient)
        self._update_timer()
        self.notes[Dimension.FYSIEK.value].setFocus()

    def _show_summary(self) -> None:
        if self.record is not None:
            self.patient.show_item(self.record.item, self.brief)

    def _set_form_enabled(self, enabled: bool) -> None:
        widgets: list[QWidget] = [
            *self.notes.values(),
            *self.checklist.values(),
            self.decision_field,
            self.decision_button,
            self.action_what,
            self.action_owner,
            self.action_due,
            self.action_button,
            self.discussed_button,
            self.caregiver_button,
            self.urgency_button,
            self.consult_button,
        ]
        for w in widgets:
            w.setEnabled(enabled)
        self.close_meeting_button.setEnabled(
            self.meeting is not None and not self.meeting.read_only
        )
        self.attendance_button.setEnabled(self.meeting is not None and not self.meeting.read_only)

    # -- timer ----------------------------------------------------------------------------
    def seconds_spent(self) -> int:
        extra = self.elapsed.elapsed() // 1000 if self.elapsed.isValid() else 0
        return int(self.base_seconds + extra)

    def _update_timer(self) -> None:
        if self.current is None or self.record is None:
            return
        spent = self.seconds_spent()
        self.timer_label.setText(f"{_mmss(spent)} / {_mmss(self.target_seconds)}")
        over = spent > self.target_seconds
        self.timer_label.setStyleSheet("color: #b00020;" if over else "color: #1b5e20;")
        self.timer_label.setAccessibleDescription(
            self.tr("Over the planned time") if over else self.tr("Within the planned time")
        )

    # -- saving ---------------------------------------------------------------------------
    def save_current(self, discussed: bool | None = None, then: Any = None) -> None:
        item, record = self.current, self.record
        if item is None or record is None or record.item.id != item.id:
            if then:
                then()
            return
        if self.meeting is None or self.meeting.read_only:
            if then:
                then()
            return
        notes, checklist = self.notes_box.values(), self.checklist_box.values()
        self.status.setText(self.tr("Saving…"))
        index = self.index

        def saved(info: svc.AgendaItemInfo) -> None:
            if 0 <= index < len(self.items) and self.items[index].id == info.id:
                self.items[index] = info
            self.status.setText(self.tr("Saved."))
            self.agenda.fill(self.items, self.index)
            if then:
                then()

        self.gctx.runner.submit(
            svc.save_discussion,
            self.gctx.app,
            item.id,
            notes=notes,
            checklist=checklist,
            seconds_spent=self.seconds_spent(),
            discussed=discussed,
            on_done=saved,
        )

    def discussed_next(self) -> None:
        if self.current is None:
            return
        if self.index == len(self.items) - 1:
            self.save_current(discussed=True)
            self.status.setText(self.tr("Last item done. Close the meeting with Ctrl+Shift+E."))
            return
        self.go(self.index + 1, discussed=True)

    def add_decision(self) -> None:
        text = self.decision_field.text().strip()
        item = self.current
        if not text or item is None:
            return

        def done(decision_id: int) -> None:
            self.decision_field.clear()
            self.decision_box.add_row(decision_id, text)
            self.status.setText(self.tr("Decision recorded."))

        self.gctx.runner.submit(svc.add_decision, self.gctx.app, item.id, text, on_done=done)

    def add_action(self) -> None:
        item = self.current
        what = self.action_what.text().strip()
        if item is None or not what:
            return
        try:
            due = self.action_due.value()
        except ValidationError as exc:
            self.gctx.show_error(exc, self)
            return
        owner = self.action_owner.currentData()
        owner_name = self.action_owner.currentText() if owner is not None else ""

        def done(action_id: int) -> None:
            self.action_what.clear()
            self.action_box.add_row(action_id, what, owner, owner_name, due)
            self.status.setText(self.tr("Action added."))
            self.action_what.setFocus()

        self.gctx.runner.submit(
            svc.add_action,
            self.gctx.app,
            item.patient_id,
            what,
            owner,
            due,
            self.meeting_id,
            on_done=done,
        )

    # -- refreshing after a dialog: the summary only, never the form or the timer ----------
    def _refresh_patient(self) -> None:
        """Show what a dialog changed (colour, centrale zorgverlener, consultation) in the
        summary; the notes, checklist and timer of the item stay as typed."""
        item = self.current
        if item is None or item.patient_id is None:
            return
        item_id = item.id

        def shown(brief: svc.PatientBrief) -> None:
            if self.current is not None and self.current.id == item_id:
                self.brief = brief
                self._show_summary()

        self.gctx.runner.submit(
            svc.patient_brief, self.gctx.app, item.patient_id, self.meeting_id, on_done=shown
        )

    def _refresh_meeting(self) -> None:
        """After attendance: the triad line and meeting header, not the current item."""

        def shown(info: svc.MeetingInfo) -> None:
            self.meeting = info
            self.title.setText(info.title)
            self.agenda.show_attendance(info)

        self.gctx.runner.submit(svc.get_meeting, self.gctx.app, self.meeting_id, on_done=shown)

    # -- decisions and actions: corrected until the meeting is closed ------------------------
    def edit_decision(self, row: QListWidgetItem) -> None:
        if self.meeting is None or self.meeting.read_only:
            return
        decision_id = row.data(Qt.ItemDataRole.UserRole)
        dialog = TextDialog(self.gctx, self.tr("Correct the decision"), self.tr("&Decision:"), self)
        dialog.text.setPlainText(row.text())
        dialog.action = lambda text: dialog.run(svc.update_decision, decision_id, text)

        def saved(_r: object) -> None:
            row.setText(dialog.text.toPlainText().strip())
            self.status.setText(self.tr("Decision corrected."))

        dialog.saved.connect(saved)
        self._dialogs = keep_alive(self._dialogs, dialog)
        dialog.open()

    def edit_action(self, row: QListWidgetItem) -> None:
        if self.meeting is None or self.meeting.read_only:
            return
        action_id, what, owner, due = row.data(Qt.ItemDataRole.UserRole)
        dialog = ActionDialog(self.gctx, self.people, what, owner, due, self)
        dialog.action_id = action_id

        def saved(_r: object) -> None:
            new_what, new_owner, new_due = dialog.values
            name = dialog.owner.currentText() if new_owner is not None else ""
            row.setText(action_line(new_what, name, format_date(new_due)))
            row.setData(Qt.ItemDataRole.UserRole, (action_id, new_what, new_owner, new_due))
            self.status.setText(self.tr("Action corrected."))

        dialog.saved.connect(saved)
        self._dialogs = keep_alive(self._dialogs, dialog)
        dialog.open()

    # -- attendance and closing -------------------------------------------------------------
    def edit_attendance(self) -> None:
        if self.meeting is None or self.meeting.read_only:
            return
        self.save_current()
        dialog = AttendanceDialog(self.gctx, self.meeting_id, self)
        dialog.saved.connect(lambda _t: self._refresh_meeting())
        self._dialogs = keep_alive(self._dialogs, dialog)
        dialog.open()

    def confirm_close(self) -> None:
        if self.meeting is None or self.meeting.read_only:
            return
        open_count = sum(1 for i in self.items if i.status != "besproken")
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Close the meeting"))
        text = self.tr(
            "After closing, the record is frozen: changes can only be added as dated amendments."
        )
        if open_count:
            text += "\n\n" + self.tr(
                "%1 item(s) were not discussed; they go onto the next meeting's agenda."
            ).replace("%1", str(open_count))
        box.setText(text)
        yes = box.addButton(self.tr("&Close meeting"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Go &back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.buttonClicked.connect(lambda b: self.close_meeting() if b is yes else None)
        self.confirm_box = box
        box.open()

    def close_meeting(self) -> None:
        if self.meeting is None or self.meeting.read_only or self._closing:
            return
        self._closing = True

        def closed(info: svc.MeetingInfo) -> None:
            self.meeting = info
            self.meeting_closed.emit(self.meeting_id)
            self.status.setText(self.tr("The meeting is closed."))
            self.close()

        def failed(exc: BaseException) -> None:
            self._closing = False
            self.gctx.show_error(exc, self)

        self.save_current(
            then=lambda: self.gctx.runner.submit(
                svc.close_meeting, self.gctx.app, self.meeting_id, on_done=closed, on_error=failed
            )
        )

    # -- other areas ----------------------------------------------------------------------
    def set_caregiver(self) -> None:
        item = self.current
        if item is None or item.patient_id is None or self.meeting is None:
            return
        self.save_current()
        dialog = CaregiverDialog(self.gctx, item.patient_id, self.meeting, self)
        dialog.saved.connect(lambda _r: self._refresh_patient())
        self._dialogs = keep_alive(self._dialogs, dialog)
        dialog.open()

    def change_urgency(self) -> None:
        item = self.current
        if item is None or item.patient_id is None:
            return
        self.save_current()
        dialog = UrgencyDialog(self.gctx, item.patient_id, self)
        dialog.saved.connect(lambda _r: self._refresh_patient())
        self._dialogs = keep_alive(self._dialogs, dialog)
        dialog.open()

    def request_consultation(self) -> None:
        item = self.current
        if item is None or item.patient_id is None:
            return
        self.save_current()
        dialog = open_consult_request(self.gctx, self, item.patient_id, self.meeting_id)
        dialog.finished.connect(lambda _r: self._refresh_patient())
        self._dialogs = keep_alive(self._dialogs, dialog)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.tick.stop()
        if self.meeting is not None and not self.meeting.read_only:
            self.save_current()
        self.closed.emit()
        event.accept()
