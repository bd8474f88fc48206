"""Meeting mode: full screen, large type, keyboard-driven, one patient at a time.

The chair leads; the scribe types. Per patient: a compact summary, a timer, notes per
dimension, the checklist, decisions and actions. Keys: PgDown / PgUp next / previous,
Ctrl+Enter "discussed, next", F2 attendance, Ctrl+B decision, Ctrl+J action,
Ctrl+Shift+E close the meeting, Esc leave meeting mode (everything is saved).
"""

from __future__ import annotations

import html
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.dates import format_date
from pzmdo.domain.enums import Dimension
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.meetings import ChecklistAnswer, ChecklistItem
from pzmdo.gui.consult_request_dialog import open_consult_request
from pzmdo.gui.context import GuiContext
from pzmdo.gui.inputs import DateInput
from pzmdo.gui.meeting_dialogs import ActionDialog, AttendanceDialog, CaregiverDialog, UrgencyDialog
from pzmdo.gui.meetings_page import TextDialog, action_line, action_text
from pzmdo.gui.widgets import keep_alive
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


def _load(ctx: Any, meeting_id: int) -> tuple[svc.MeetingInfo, list[svc.AgendaItemInfo], list]:
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
        self._dialogs: list[QWidget] = []
        self.setObjectName("MeetingMode")
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("Meeting mode"))
        self.setAccessibleName(self.tr("Meeting mode"))

        # -- top bar ------------------------------------------------------------------------
        self.title = QLabel(self.tr("Loading…"))
        self.title.setObjectName("title")
        self.title.setWordWrap(True)  # a long title wraps; the buttons never get cut
        self.position = QLabel()
        self.position.setAccessibleName(self.tr("Position on the agenda"))
        self.timer_label = QLabel("00:00")
        self.timer_label.setObjectName("timer")
        self.timer_label.setAccessibleName(self.tr("Time spent on this patient"))
        self.triad = QLabel()
        self.triad.setWordWrap(True)
        self.triad.setAccessibleName(self.tr("Attendance check"))
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
        top.addSpacing(16)
        top.addWidget(self.position)
        top.addSpacing(16)
        top.addWidget(self.timer_label)
        top.addSpacing(16)
        top.addWidget(self.attendance_button)
        top.addWidget(self.close_meeting_button)
        top.addWidget(self.leave_button)

        # -- left: the agenda ---------------------------------------------------------------
        agenda_label = QLabel(self.tr("A&genda"))
        self.agenda_list = QListWidget()
        self.agenda_list.setAccessibleName(self.tr("Agenda"))
        self.agenda_list.setWordWrap(True)
        self.agenda_list.setMinimumWidth(200)  # names stay readable next to the form
        agenda_label.setBuddy(self.agenda_list)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(agenda_label)
        left_layout.addWidget(self.agenda_list, 1)
        left_layout.addWidget(self.triad)

        # -- middle: the summary ------------------------------------------------------------
        self.patient_label = QLabel()
        self.patient_label.setObjectName("patient")
        self.patient_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Patient summary"))
        summary_box = QWidget()
        summary_layout = QVBoxLayout(summary_box)
        summary_layout.addWidget(self.patient_label)
        summary_layout.addWidget(self.summary)
        summary_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(summary_box)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.caregiver_button = QPushButton(self.tr("Centrale &zorgverlener…"))
        self.caregiver_button.setAccessibleName(self.tr("Set the centrale zorgverlener"))
        self.urgency_button = QPushButton(self.tr("Change &colour…"))
        self.urgency_button.setAccessibleName(self.tr("Change the urgency colour"))
        self.consult_button = QPushButton(self.tr("Request c&onsultation…"))
        self.consult_button.setAccessibleName(self.tr("Request a consultation"))
        middle_buttons = QGridLayout()  # two per row: readable on a 1280 px projector
        for n, b in enumerate((self.caregiver_button, self.urgency_button, self.consult_button)):
            middle_buttons.addWidget(b, n // 2, n % 2)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(scroll, 1)
        middle_layout.addLayout(middle_buttons)

        # -- right: the discussion form -----------------------------------------------------
        self.notes: dict[str, QPlainTextEdit] = {}
        notes_box = QGroupBox(self.tr("Notes per dimension"))
        grid = QGridLayout(notes_box)
        mnemonics = {
            Dimension.FYSIEK: self.tr("&1 Physical (fysiek)"),
            Dimension.PSYCHISCH: self.tr("&2 Psychological (psychisch)"),
            Dimension.SOCIAAL: self.tr("&3 Social (sociaal)"),
            Dimension.ZINGEVING: self.tr("&4 Meaning (zingeving)"),
        }
        for n, dim in enumerate(Dimension):
            label = QLabel(mnemonics[dim])
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(self.tr("Notes: %1").replace("%1", dim.label))
            edit.setMinimumHeight(70)
            label.setBuddy(edit)
            grid.addWidget(label, (n // 2) * 2, n % 2)
            grid.addWidget(edit, (n // 2) * 2 + 1, n % 2)
            self.notes[dim.value] = edit

        checklist_box = QGroupBox(self.tr("Checklist for every palliative patient"))
        checklist_form = QFormLayout(checklist_box)
        self.checklist: dict[str, QComboBox] = {}
        for item in ChecklistItem:
            combo = QComboBox()
            for answer in (ChecklistAnswer.OPEN, ChecklistAnswer.JA, ChecklistAnswer.NEE):
                combo.addItem(answer.label, answer.value)
            combo.setAccessibleName(item.label)
            label = QLabel(item.label)
            label.setWordWrap(True)
            label.setBuddy(combo)
            checklist_form.addRow(label, combo)
            self.checklist[item.value] = combo

        decisions_box = QGroupBox(self.tr("Decisions"))
        self.decision_field = QLineEdit()
        self.decision_field.setPlaceholderText(self.tr("Decision (Ctrl+B), Enter to record"))
        self.decision_field.setAccessibleName(self.tr("New decision"))
        self.decision_button = QPushButton(self.tr("Record &decision"))
        self.decision_button.setAccessibleName(self.tr("Record the decision"))
        self.decision_list = QListWidget()
        self.decision_list.setAccessibleName(self.tr("Decisions for this patient"))
        self.decision_list.setMaximumHeight(72)
        self.decision_list.setWordWrap(True)
        dl = QVBoxLayout(decisions_box)
        row = QHBoxLayout()
        row.addWidget(self.decision_field, 1)
        row.addWidget(self.decision_button)
        dl.addLayout(row)
        dl.addWidget(self.decision_list)

        actions_box = QGroupBox(self.tr("Actions (what, who, by when)"))
        self.action_what = QLineEdit()
        self.action_what.setPlaceholderText(self.tr("What has to happen (Ctrl+J)"))
        self.action_what.setAccessibleName(self.tr("Action: what"))
        self.action_owner = QComboBox()
        self.action_owner.setAccessibleName(self.tr("Action: who"))
        self.action_due = DateInput(
            name=self.tr("Action: by when"), what="De streefdatum van de actie"
        )
        self.action_button = QPushButton(self.tr("Add &action"))
        self.action_button.setAccessibleName(self.tr("Add the action"))
        self.action_list = QListWidget()
        self.action_list.setAccessibleName(self.tr("Actions for this patient"))
        self.action_list.setMaximumHeight(72)
        self.action_list.setWordWrap(True)
        al = QVBoxLayout(actions_box)
        al.addWidget(self.action_what)
        self.action_owner.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.action_owner.setMinimumContentsLength(12)
        row = QHBoxLayout()
        row.addWidget(self.action_owner, 1)
        row.addWidget(self.action_due)
        al.addLayout(row)
        al.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignRight)
        al.addWidget(self.action_list)

        # The checklist sits under the summary; notes, decisions, actions on the right.
        middle_layout.insertWidget(1, checklist_box)
        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(notes_box, 1)
        form_layout.addWidget(decisions_box)
        form_layout.addWidget(actions_box)

        # -- bottom: navigation -------------------------------------------------------------
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

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(form)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 5)
        splitter.setSizes([250, 450, 580])  # fits 1280 px (a projector)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(nav)

        order: list[QWidget] = [self.notes[d.value] for d in Dimension]
        order += [self.checklist[c.value] for c in ChecklistItem]
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
            self.agenda_list,
            self.attendance_button,
            self.close_meeting_button,
            self.leave_button,
        ]
        for a, b in zip(order, order[1:], strict=False):
            self.setTabOrder(a, b)

        # -- wiring -------------------------------------------------------------------------
        self.agenda_list.currentRowChanged.connect(self._row_chosen)
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
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._update_timer)
        self.tick.start()
        self._set_form_enabled(False)
        gctx.runner.submit(svc.get_team, gctx.app, on_done=self._team_loaded)
        self.reload()

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

    def _loaded(self, data: tuple, wanted: int | None) -> None:
        self.meeting, self.items, self.people = data
        m = self.meeting
        self.title.setText(m.title)
        self.triad.setText(self._triad_text(m))
        self.action_owner.clear()
        self.action_owner.addItem(self.tr("(nobody yet)"), None)
        for p in self.people:
            self.action_owner.addItem(f"{p.name}", p.id)
        self._fill_agenda()
        if m.read_only:
            self.status.setText(self.tr("This meeting is closed; the record is read-only."))
            self._set_form_enabled(False)
            return
        if wanted is not None and 0 <= wanted < len(self.items):
            self.go(wanted, save=False)
        else:
            first_open = next((n for n, i in enumerate(self.items) if i.status != "besproken"), 0)
            self.go(first_open, save=False)

    def _triad_text(self, m: svc.MeetingInfo) -> str:
        if not m.triad.present:
            return self.tr("Attendance not recorded yet (F2).")
        colour = "#1b7a2b" if m.triad.complete else "#a05a00"
        mark = "✔" if m.triad.complete else "⚠"
        self.triad.setStyleSheet(f"color: {colour}; font-weight: 600;")
        return f"{mark} {m.triad.text()}"

    def _fill_agenda(self) -> None:
        self.agenda_list.blockSignals(True)
        self.agenda_list.clear()
        for n, info in enumerate(self.items, start=1):
            mark = {"besproken": "✔ ", "niet_toegekomen": "↷ "}.get(info.status, "")
            text = f"{mark}{n}. {info.label}\n    {info.reason_label}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{text} ({info.status_label})")
            self.agenda_list.addItem(item)
        if 0 <= self.index < len(self.items):
            self.agenda_list.setCurrentRow(self.index)
        self.agenda_list.blockSignals(False)

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
        self.agenda_list.blockSignals(True)
        self.agenda_list.setCurrentRow(index)
        self.agenda_list.blockSignals(False)
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
        for key, edit in self.notes.items():
            edit.setPlainText(self.record.notes.get(key, ""))
        for key, combo in self.checklist.items():
            combo.setCurrentIndex(max(0, combo.findData(self.record.checklist.get(key, "open"))))
        self._show_lists()
        self._show_summary()
        self._set_form_enabled(self.meeting is not None and not self.meeting.read_only)
        is_patient = item.patient_id is not None
        for w in [*self.checklist.values(), self.caregiver_button, self.urgency_button]:
            w.setEnabled(w.isEnabled() and is_patient)
        self.consult_button.setEnabled(self.consult_button.isEnabled() and is_patient)
        self._update_timer()
        self.notes[Dimension.FYSIEK.value].setFocus()

    def _show_lists(self) -> None:
        assert self.record is not None
        self.decision_list.clear()
        for d in self.record.decisions:
            self._add_decision_row(d.id, d.text)
        self.action_list.clear()
        for a in self.record.actions:
            self._add_action_row(a.id, a.what, a.owner_person_id, a.owner_name, a.due)
        self.action_due.setValue(date.today() + timedelta(days=28))

    def _show_summary(self) -> None:
        e = html.escape
        item = self.record.item if self.record else None
        if item is None:
            return
        b = self.brief
        because = self.tr("On the agenda because:")
        reason = f"<p><b>{e(because)}</b> {e(item.reason_label)}"
        if item.detail:
            reason += f"<br>{e(item.detail)}"
        reason += "</p>"
        if b is None:
            self.patient_label.setText(item.label)
            self.summary.setText(reason)
            return
        name = b.name + (" " + self.tr("(fictitious)") if b.is_fictional else "")
        self.patient_label.setText(f"{name}, {b.age} " + self.tr("yr") + f" · {b.status_label}")
        swatch = ""
        if b.urgency_label:
            colour = b.urgency_colour or "#888888"
            swatch = (
                f"<span style='background:{colour}; color:{colour}'>&nbsp;■■&nbsp;</span> "
                f"{e(b.urgency_label)}"
            )
        parts = [reason, "<table cellspacing='4'>"]

        def row(label: str, value: str) -> None:
            parts.append(f"<tr><td><b>{e(label)}</b></td><td>{value}</td></tr>")

        none = self.tr("none")
        row(self.tr("Colour:"), swatch or e(self.tr("not set")))
        row(
            self.tr("Centrale zorgverlener:"),
            e(b.central_caregiver) or f"<span style='color:#a01010'>{e(none)}</span>",
        )
        row(
            self.tr("Last discussed:"),
            e(b.last_discussed_on.strftime("%d-%m-%Y"))
            if b.last_discussed_on
            else e(self.tr("never")),
        )
        parts.append("</table>")

        def block(title: str, lines: list[str] | tuple[str, ...], empty: str) -> None:
            parts.append(f"<p><b>{e(title)}</b><br>")
            parts.append("<br>".join(f"• {e(x)}" for x in lines) if lines else e(empty))
            parts.append("</p>")

        block(self.tr("Team"), b.team, self.tr("No care team recorded."))
        block(self.tr("Care plan"), b.plan_highlights, self.tr("Not available."))
        block(
            self.tr("Open actions"),
            [action_text(a) for a in b.open_actions],
            self.tr("None."),
        )
        block(self.tr("Open consultations"), b.open_consultations, self.tr("None."))
        for note in b.notes:
            parts.append(f"<p style='color:#a05a00'>{e(note)}</p>")
        self.summary.setText("".join(parts))

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
    def _form_values(self) -> tuple[dict[str, str], dict[str, str]]:
        notes = {k: e.toPlainText() for k, e in self.notes.items()}
        checklist = {k: c.currentData() for k, c in self.checklist.items()}
        return notes, checklist

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
        notes, checklist = self._form_values()
        self.status.setText(self.tr("Saving…"))
        index = self.index

        def saved(info: svc.AgendaItemInfo) -> None:
            if 0 <= index < len(self.items) and self.items[index].id == info.id:
                self.items[index] = info
            self.status.setText(self.tr("Saved."))
            self._fill_agenda()
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
            self._add_decision_row(decision_id, text)
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
            self._add_action_row(action_id, what, owner, owner_name, due)
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
            self.triad.setText(self._triad_text(info))

        self.gctx.runner.submit(svc.get_meeting, self.gctx.app, self.meeting_id, on_done=shown)

    # -- decisions and actions: corrected until the meeting is closed ------------------------
    def _add_decision_row(self, decision_id: int, text: str) -> None:
        row = QListWidgetItem(text)
        row.setData(Qt.ItemDataRole.UserRole, decision_id)
        row.setToolTip(self.tr("Enter or double-click: correct the decision"))
        self.decision_list.addItem(row)

    def _add_action_row(
        self, action_id: int, what: str, owner: int | None, owner_name: str, due: date | None
    ) -> None:
        row = QListWidgetItem(action_line(what, owner_name, format_date(due)))
        row.setData(Qt.ItemDataRole.UserRole, (action_id, what, owner, due))
        row.setToolTip(self.tr("Enter or double-click: correct the action"))
        self.action_list.addItem(row)

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
        if self.meeting is None or self.meeting.read_only or getattr(self, "_closing", False):
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
