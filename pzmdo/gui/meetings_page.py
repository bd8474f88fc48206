"""The meetings page: the list of meetings, planning, and the agenda builder for the POH.

The POH builds the agenda from the proposal (reasons shown per line), accepts, removes,
adds patients and themes, and reorders by drag and drop or with Ctrl+Up / Ctrl+Down.
A closed meeting shows its frozen record; changes after closing are dated amendments.
"""

from __future__ import annotations

import html
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.errors import ValidationError
from pzmdo.domain.meetings import time_budget
from pzmdo.gui.context import GuiContext
from pzmdo.gui.meeting_dialogs import PlanMeetingDialog, TextDialog
from pzmdo.gui.meeting_record import record_html
from pzmdo.gui.patient_picker import PatientPicker
from pzmdo.gui.printing import print_document
from pzmdo.gui.team_settings_dialog import open_team_settings
from pzmdo.gui.trigger_settings_dialog import TriggerSettingsDialog
from pzmdo.gui.widgets import button_row, chain_focus, keep_alive, refill_choices
from pzmdo.services import meetings as svc
from pzmdo.services import settings
from pzmdo.services.scope import ScopeInfo, current_scope


def create_page(gctx: GuiContext) -> QWidget:
    return MeetingsPage(gctx)


def _load_meeting(ctx: Any, meeting_id: int) -> tuple[svc.MeetingInfo, list[svc.AgendaItemInfo]]:
    return svc.get_meeting(ctx, meeting_id), svc.agenda(ctx, meeting_id)


def _load_budget(ctx: Any, team_id: int | None = None) -> tuple[int, int]:
    """Minutes per patient (of the meeting's team) and the length of a meeting."""
    return svc.get_team(ctx, team_id).minutes_per_patient, int(
        settings.get_setting(ctx, settings.MEETING_MINUTES)
    )


class MeetingsPage(QWidget):
    def __init__(self, gctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.meeting: svc.MeetingInfo | None = None
        self.items: list[svc.AgendaItemInfo] = []
        self._pending_select: int | None = None
        self._dialogs: list[QWidget] = []
        self._undo: dict[int, str] = {}
        self.mode_window: QWidget | None = None
        self.teams: tuple[tuple[int, str], ...] = ()  # the teams the user sees
        self.setAccessibleName(self.tr("Meetings"))

        splitter = QSplitter()
        splitter.addWidget(self._build_meeting_list())
        splitter.addWidget(self._build_meeting_view())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._set_tab_order()
        self._connect()
        self._update_buttons()
        self.refresh()
        gctx.runner.submit(current_scope, gctx.app, on_done=self._show_scope)

    # -- building ----------------------------------------------------------------------------
    def _build_meeting_list(self) -> QWidget:
        """Left: the meetings, and planning."""
        # The team filter: only when the user sees more than one team (issue 14).
        self.team_label = QLabel(self.tr("T&eam:"))
        self.team_filter = QComboBox()
        self.team_filter.setAccessibleName(self.tr("Show the meetings of team"))
        self.team_filter.addItem(self.tr("All my teams"), None)
        self.team_label.setBuddy(self.team_filter)
        self.team_label.hide()
        self.team_filter.hide()
        list_label = QLabel(self.tr("&Meetings"))
        list_label.setStyleSheet("font-weight: 600;")
        self.meeting_list = QListWidget()
        self.meeting_list.setAccessibleName(self.tr("Meetings, newest first"))
        list_label.setBuddy(self.meeting_list)
        self.plan_button = QPushButton(self.tr("Pla&n a meeting…"))
        self.plan_button.setAccessibleName(self.tr("Plan a meeting"))
        self.team_button = QPushButton(self.tr("Team &settings…"))
        self.team_button.setAccessibleName(self.tr("Team settings"))
        self.triggers_button = QPushButton(self.tr("Agen&da triggers…"))
        self.triggers_button.setAccessibleName(self.tr("Agenda triggers of the team"))
        self.actions_button = QPushButton(self.tr("Open a&ctions…"))
        self.actions_button.setAccessibleName(self.tr("Open actions: see and mark done"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.team_label)
        left_layout.addWidget(self.team_filter)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.meeting_list, 1)
        left_layout.addWidget(self.plan_button)
        left_layout.addWidget(self.team_button)
        left_layout.addWidget(self.triggers_button)
        left_layout.addWidget(self.actions_button)
        return left

    def _build_meeting_view(self) -> QWidget:
        """Right: the header and buttons, then the agenda builder or the frozen record."""
        self.header = QLabel(self.tr("Choose a meeting on the left, or plan a new one."))
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setAccessibleName(self.tr("Meeting details"))
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top_buttons = self._build_meeting_buttons()
        builder = self._build_agenda_builder()
        self.record_view = QTextBrowser()
        self.record_view.setAccessibleName(self.tr("Meeting record (read-only)"))
        self.record_view.setOpenLinks(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(builder)
        self.stack.addWidget(self.record_view)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.header)
        right_layout.addLayout(top_buttons)
        right_layout.addWidget(self.stack, 1)
        return right

    def _build_meeting_buttons(self) -> QHBoxLayout:
        self.propose_button = QPushButton(self.tr("Build p&roposal"))
        self.propose_button.setAccessibleName(self.tr("Build the agenda proposal"))
        self.accept_all_button = QPushButton(self.tr("Accept a&ll proposals"))
        self.accept_all_button.setAccessibleName(self.tr("Accept all proposals"))
        self.start_button = QPushButton(self.tr("S&tart meeting mode"))
        self.start_button.setAccessibleName(self.tr("Start meeting mode"))
        self.amend_button = QPushButton(self.tr("Add amen&dment…"))
        self.amend_button.setAccessibleName(self.tr("Add an amendment to the closed record"))
        self.documents_button = QPushButton(self.tr("Docu&ments"))
        self.documents_button.setAccessibleName(self.tr("Make a document of this meeting"))
        documents_menu = QMenu(self.documents_button)
        for kind, text in (
            ("agenda", self.tr("Agenda (PDF)…")),
            ("minutes", self.tr("Minutes and attendance list (PDF)…")),
            ("batch", self.tr("Care plans of all patients on the agenda (PDF)…")),
        ):
            documents_menu.addAction(text, partial(self.make_document, kind))
        documents_menu.addSeparator()
        self.print_action = documents_menu.addAction(self.tr("&Print…"), self.print_current)
        self.documents_button.setMenu(documents_menu)
        return button_row(
            self.propose_button,
            self.accept_all_button,
            self.start_button,
            self.amend_button,
            self.documents_button,
        )

    def _build_agenda_builder(self) -> QWidget:
        """The agenda list, its item buttons, undo, the time budget and adding a patient."""
        agenda_label = QLabel(
            self.tr(
                "&Agenda (drag to reorder, or Ctrl+Up / Ctrl+Down; Enter accepts, Delete removes):"
            )
        )
        self.agenda_list = QListWidget()
        self.agenda_list.setAccessibleName(self.tr("Agenda"))
        self.agenda_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.agenda_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.agenda_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.agenda_list.setWordWrap(True)
        self.agenda_list.setSpacing(2)
        self.agenda_list.setUniformItemSizes(False)
        agenda_label.setBuddy(self.agenda_list)
        self.accept_button = QPushButton(self.tr("A&ccept"))
        self.accept_button.setAccessibleName(self.tr("Accept the selected items"))
        self.remove_button = QPushButton(self.tr("Remo&ve"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected items from the agenda"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.up_button.setAccessibleName(self.tr("Move the item up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.down_button.setAccessibleName(self.tr("Move the item down"))
        self.theme_button = QPushButton(self.tr("Add t&heme…"))
        self.theme_button.setAccessibleName(self.tr("Add a theme to the agenda"))
        item_buttons = button_row(
            self.accept_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.theme_button,
        )
        self.undo_label = QLabel()
        self.undo_label.setAccessibleName(self.tr("Last removal"))
        self.undo_label.setWordWrap(True)
        self.undo_label.hide()
        self.undo_button = QPushButton(self.tr("&Undo removal (Ctrl+Z)"))
        self.undo_button.setAccessibleName(self.tr("Put the removed items back"))
        self.undo_button.hide()
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_label, 1)
        undo_row.addWidget(self.undo_button)
        add_row = self._build_add_patient()
        builder = QWidget()
        builder_layout = QVBoxLayout(builder)
        builder_layout.setContentsMargins(0, 0, 0, 0)
        builder_layout.addWidget(agenda_label)
        builder_layout.addWidget(self.agenda_list, 1)
        builder_layout.addLayout(item_buttons)
        builder_layout.addLayout(undo_row)
        self.budget = QLabel()
        self.budget.setWordWrap(True)
        builder_layout.addWidget(self.budget)
        builder_layout.addLayout(add_row)
        return builder

    def _build_add_patient(self) -> QHBoxLayout:
        add_label = QLabel(self.tr("Add &patient:"))
        self.picker = PatientPicker(self.gctx)
        self.picker.setAccessibleName(self.tr("Patient to add"))
        add_label.setBuddy(self.picker.search)
        self.add_button = QPushButton(self.tr("Add to a&genda"))
        self.add_button.setAccessibleName(self.tr("Add the chosen patient to the agenda"))
        add_row = QHBoxLayout()
        add_row.addWidget(add_label, 0, Qt.AlignmentFlag.AlignTop)
        add_row.addWidget(self.picker, 1)
        add_row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        return add_row

    def _set_tab_order(self) -> None:
        """Tab order follows reading order."""
        order: list[QWidget] = [
            self.team_filter,
            self.meeting_list,
            self.plan_button,
            self.team_button,
            self.triggers_button,
            self.actions_button,
            self.propose_button,
            self.accept_all_button,
            self.start_button,
            self.amend_button,
            self.agenda_list,
            self.accept_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.theme_button,
            self.picker,
            self.add_button,
            self.record_view,
        ]
        chain_focus(order)

    def _connect(self) -> None:
        self.meeting_list.currentRowChanged.connect(self._meeting_chosen)
        self.team_filter.currentIndexChanged.connect(self._team_chosen)
        self.plan_button.clicked.connect(self.plan_meeting)
        self.team_button.clicked.connect(self.team_settings)
        self.triggers_button.clicked.connect(self.trigger_settings)
        self.actions_button.clicked.connect(self.show_open_actions)
        self.propose_button.clicked.connect(self.build_proposal)
        self.accept_all_button.clicked.connect(self.accept_all)
        self.start_button.clicked.connect(self.start_meeting_mode)
        self.amend_button.clicked.connect(self.add_amendment)
        self.accept_button.clicked.connect(self.accept_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_button.clicked.connect(self.undo_remove)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_remove)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.theme_button.clicked.connect(self.add_theme)
        self.add_button.clicked.connect(self.add_patient)
        self.picker.picked.connect(lambda _pid: self.add_button.setFocus())
        self.agenda_list.model().rowsMoved.connect(self._rows_moved)
        self.agenda_list.itemSelectionChanged.connect(self._update_buttons)
        self.agenda_list.installEventFilter(self)
        self.gctx.changed.connect(self._changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Keyboard for the agenda: Enter accepts, Delete removes, Ctrl+Up/Down moves."""
        if watched is self.agenda_list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, mods = event.key(), event.modifiers()
            ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
            if ctrl and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_selected(-1 if key == Qt.Key.Key_Up else 1)
                return True
            if not ctrl and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept_selected()
                return True
            if key == Qt.Key.Key_Delete:
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    # -- loading ---------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        if select_id is not None:
            self._pending_select = select_id
        elif self.meeting is not None and self._pending_select is None:
            self._pending_select = self.meeting.id
        self.gctx.runner.submit(
            svc.list_meetings, self.gctx.app, self.team_id(), on_done=self._show_meetings
        )

    def team_id(self) -> int | None:
        """The team chosen in the filter (None: all the user's teams)."""
        data = self.team_filter.currentData()
        return None if data is None else int(data)

    def _team_chosen(self) -> None:
        self.meeting = None  # the next meeting of the chosen team is selected
        self.refresh()

    def _show_scope(self, scope: ScopeInfo) -> None:
        self.teams = scope.teams
        several = len(scope.teams) > 1
        lost = refill_choices(self.team_filter, scope.teams if several else ())
        self.team_label.setVisible(several)
        self.team_filter.setVisible(several)
        if several or lost:
            self.refresh()  # the list names each meeting's team; a team that left the scope

    def _show_meetings(self, rows: list[svc.MeetingInfo]) -> None:
        wanted = self._pending_select
        self._pending_select = None
        scroll = self.meeting_list.verticalScrollBar().value()  # a refresh keeps the view
        self.meeting_list.blockSignals(True)
        self.meeting_list.clear()
        select_row = -1
        for row, m in enumerate(rows):
            text = f"{m.title}\n{m.status_label}"
            if len(self.teams) > 1:  # whose meeting it is, when the user sees several teams
                text = f"{m.title}\n{m.team_name} · {m.status_label}"
            if m.item_count:
                text += " · " + self.tr("%n item(s)", "", m.item_count)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ", "))
            self.meeting_list.addItem(item)
            if m.id == wanted:
                select_row = row
        if select_row < 0 and rows and wanted is None:
            # Default: the first meeting that is not closed yet (the next one), else the newest.
            open_rows = [i for i, m in enumerate(rows) if not m.read_only]
            select_row = open_rows[-1] if open_rows else 0
        self.meeting_list.blockSignals(False)
        if select_row >= 0:
            self.meeting_list.setCurrentRow(select_row)
            if wanted is not None:
                self.meeting_list.verticalScrollBar().setValue(scroll)
            self._meeting_chosen(select_row)
        else:
            self.meeting = None
            self._update_buttons()

    def _meeting_chosen(self, row: int) -> None:
        item = self.meeting_list.item(row) if row >= 0 else None
        if item is None:
            return
        meeting_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.load_meeting(meeting_id)

    def load_meeting(self, meeting_id: int) -> None:
        self.gctx.runner.submit(_load_meeting, self.gctx.app, meeting_id, on_done=self._show)

    def _show(self, data: tuple[svc.MeetingInfo, list[svc.AgendaItemInfo]]) -> None:
        info, items = data
        self.meeting, self.items = info, items
        self.header.setText(self._header_html(info))
        self.header.setAccessibleName(self.tr("Meeting details") + ": " + info.title)
        if info.read_only:
            self.stack.setCurrentIndex(1)
            self.gctx.runner.submit(
                svc.meeting_record, self.gctx.app, info.id, on_done=self._show_record
            )
        else:
            self.stack.setCurrentIndex(0)
            self._fill_agenda(items)
            self.gctx.runner.submit(
                _load_budget, self.gctx.app, info.team_id, on_done=self._show_budget
            )
        self._update_buttons()

    def _show_budget(self, budget: tuple[int, int]) -> None:
        """Warn on screen when the accepted patients take longer than the meeting."""
        per_patient, length = budget
        patients = sum(
            1 for i in self.items if i.patient_id is not None and i.status != "voorgesteld"
        )
        text, over = time_budget(patients, per_patient, length)
        self.budget.setText(("⚠ " if over else "") + text)
        self.budget.setStyleSheet("color: #a4262c; font-weight: 600;" if over else "")
        self.budget.setAccessibleName(text)

    def _header_html(self, m: svc.MeetingInfo) -> str:
        e = html.escape
        parts = [f"<b style='font-size:14pt'>{e(m.title)}</b> — {e(m.status_label)}"]
        details = [e(m.team_name)] if len(self.teams) > 1 else []
        if m.place:
            details.append(e(m.place))
        if m.online_link:
            details.append(e(m.online_link))
        if m.chair_name:
            details.append(self.tr("chair: %1").replace("%1", e(m.chair_name)))
        if m.scribe_name:
            details.append(self.tr("scribe: %1").replace("%1", e(m.scribe_name)))
        if m.theme:
            details.append(self.tr("theme: %1").replace("%1", e(m.theme)))
        if details:
            parts.append(" · ".join(details))
        if m.status in ("bezig", "afgerond"):
            parts.append(e(m.triad.text()))
        return "<br>".join(parts)

    def _fill_agenda(self, items: list[svc.AgendaItemInfo]) -> None:
        # Keep the keyboard position on the same item (or the same row when it left), and
        # select only that one: a stale multi-selection must never reach Delete.
        current_item = self.agenda_list.currentItem()
        current_id = current_item.data(Qt.ItemDataRole.UserRole) if current_item else None
        current_row = self.agenda_list.currentRow()
        scroll = self.agenda_list.verticalScrollBar().value()
        self.agenda_list.blockSignals(True)
        self.agenda_list.clear()
        number = 0
        for info in items:
            proposed = info.status == "voorgesteld"
            if not proposed:
                number += 1
            prefix = self.tr("proposal") if proposed else f"{number}."
            name = info.label
            if info.is_fictional:
                name += " " + self.tr("(fictitious)")
            text = f"{prefix}  {name}   [{info.reason_label}]"
            if info.status not in ("voorgesteld", "geagendeerd"):
                text += f" — {info.status_label}"
            if info.detail and info.patient_id is not None:
                text += f"\n      {info.detail}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ". "))
            if proposed:
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(QBrush(QColor("#555555")))
                item.setBackground(QBrush(QColor("#fff7e0")))
            self.agenda_list.addItem(item)
        ids = [info.id for info in items]
        row = ids.index(current_id) if current_id in ids else min(max(current_row, 0), len(ids) - 1)
        if row >= 0:
            self.agenda_list.setCurrentRow(row, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.agenda_list.verticalScrollBar().setValue(scroll)
        self.agenda_list.blockSignals(False)
        self._update_buttons()

    def print_kind(self) -> str:
        """What Print… prints: the minutes of a closed meeting, else the agenda."""
        assert self.meeting is not None
        return "minutes" if self.meeting.read_only else "agenda"

    def print_current(self) -> None:
        """The same PDF as Documents › Agenda/Minutes would save, sent to a printer."""
        if self.meeting is None:
            return
        job = print_document(self.gctx, self, self.print_kind(), meeting_id=self.meeting.id)
        job.failed.connect(lambda exc: self.gctx.show_error(exc, self))
        if job.dialog is not None:
            self._keep(job.dialog)

    def _show_record(self, record: svc.MeetingRecord) -> None:
        self.record_view.setHtml(record_html(record))

    def _changed(self, entity: str, ids: tuple[int, ...]) -> None:
        if entity in ("meeting_team", "attachments", "*"):  # teams may have come or gone
            self.gctx.runner.submit(current_scope, self.gctx.app, on_done=self._show_scope)
        if entity in ("meeting", "*", "meeting_team"):
            self.refresh()

    def _update_buttons(self) -> None:
        m = self.meeting
        editable = m is not None and not m.read_only
        has_selection = bool(self.agenda_list.selectedItems())
        self.propose_button.setEnabled(m is not None and editable and m.status != "bezig")
        self.accept_all_button.setEnabled(
            editable and any(i.status == "voorgesteld" for i in self.items)
        )
        self.start_button.setEnabled(editable)
        self.start_button.setText(
            self.tr("Con&tinue meeting mode")
            if m is not None and m.status == "bezig"
            else self.tr("S&tart meeting mode")
        )
        self.amend_button.setEnabled(m is not None and m.read_only)
        self.documents_button.setEnabled(m is not None)
        for b in (self.accept_button, self.remove_button, self.up_button, self.down_button):
            b.setEnabled(editable and has_selection)
        for w in (self.theme_button, self.add_button, self.picker):
            w.setEnabled(editable)

    # -- actions ---------------------------------------------------------------------------
    def _run(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        self.gctx.runner.submit(
            fn, self.gctx.app, *args, on_done=lambda _r: self._reload(), **kwargs
        )

    def _reload(self) -> None:
        if self.meeting is not None:
            self.load_meeting(self.meeting.id)

    def _selected_ids(self) -> list[int]:
        return [
            int(i.data(Qt.ItemDataRole.UserRole))
            for i in sorted(self.agenda_list.selectedItems(), key=self.agenda_list.row)
        ]

    def plan_meeting(self) -> None:
        dialog = PlanMeetingDialog(self.gctx, self, teams=self.teams, team_id=self.team_id())
        dialog.saved.connect(lambda info: self.refresh(select_id=info.id))
        self._keep(dialog)
        dialog.open()

    def team_settings(self) -> None:
        team_id = self.meeting.team_id if self.meeting is not None else self.team_id()
        self._keep(open_team_settings(self.gctx, self, team_id))

    def trigger_settings(self) -> None:
        # The team of the meeting shown (or of the team filter), like the team settings.
        team_id = self.meeting.team_id if self.meeting is not None else self.team_id()
        dialog = TriggerSettingsDialog(self.gctx, self, team_id=team_id)
        self._keep(dialog)
        dialog.open()

    def build_proposal(self) -> None:
        if self.meeting is not None:
            self._run(svc.propose_agenda, self.meeting.id)

    def accept_all(self) -> None:
        if self.meeting is not None:
            self._run(svc.accept_all, self.meeting.id)

    def accept_selected(self) -> None:
        ids = self._selected_ids()
        if ids and self.meeting is not None and not self.meeting.read_only:
            self._run(svc.accept_items, ids)

    def remove_selected(self) -> None:
        ids = self._selected_ids()
        if not ids or self.meeting is None or self.meeting.read_only:
            return
        by_id = {i.id: i for i in self.items}
        if len(ids) > 1:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(self.tr("Remove agenda items"))
            names = "\n".join(f"• {by_id[i].label}" for i in ids if i in by_id)
            box.setText(
                self.tr("Remove %n item(s) from the agenda?", "", len(ids)) + "\n\n" + names
            )
            yes = box.addButton(self.tr("&Remove"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Keep them"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(yes)
            box.buttonClicked.connect(lambda b: self._remove(ids) if b is yes else None)
            self.confirm_box = box
            box.open()
            return
        self._remove(ids)

    def _remove(self, ids: list[int]) -> None:
        by_id = {i.id: i for i in self.items}
        previous = {i: by_id[i].status for i in ids if i in by_id}
        labels = [by_id[i].label for i in ids if i in by_id]

        def removed(_r: object) -> None:
            self._undo = previous
            self.undo_label.setText(
                self.tr("Removed from the agenda: %1").replace("%1", ", ".join(labels))
            )
            self.undo_label.show()
            self.undo_button.show()
            self._reload()

        self.gctx.runner.submit(svc.remove_items, self.gctx.app, ids, on_done=removed)

    def undo_remove(self) -> None:
        if not self._undo or self.meeting is None or self.meeting.read_only:
            return
        previous, self._undo = self._undo, {}
        self.undo_label.hide()
        self.undo_button.hide()
        self._run(svc.restore_items, previous)

    def move_selected(self, delta: int) -> None:
        """Move the current item (the one with the keyboard focus) one place."""
        row = self.agenda_list.currentRow()
        if row < 0 or self.meeting is None or self.meeting.read_only:
            return
        target = row + delta
        if not 0 <= target < self.agenda_list.count():
            return
        item = self.agenda_list.takeItem(row)
        self.agenda_list.insertItem(target, item)
        self.agenda_list.clearSelection()
        self.agenda_list.setCurrentRow(target)
        item.setSelected(True)
        self._save_order()

    def _rows_moved(self, *_args: Any) -> None:
        self._save_order()

    def _save_order(self) -> None:
        if self.meeting is None:
            return
        ids = [
            int(self.agenda_list.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.agenda_list.count())
        ]
        self._run(svc.reorder, self.meeting.id, ids)

    def add_patient(self) -> None:
        pid = self.picker.patient_id
        if self.meeting is None:
            return
        if pid is None:
            self.gctx.show_error(
                ValidationError(self.tr("Choose a patient first: type part of the name.")), self
            )
            return
        self._run(svc.add_patient, self.meeting.id, int(pid))

    def add_theme(self) -> None:
        if self.meeting is None:
            return
        meeting_id = self.meeting.id
        dialog = TextDialog(
            self.gctx,
            self.tr("Add theme"),
            self.tr("&Theme for this meeting (education, a case reflection, …):"),
            self,
        )
        dialog.action = lambda text: dialog.run(svc.add_theme, meeting_id, text)
        dialog.saved.connect(lambda _r: self._reload())
        self._keep(dialog)
        dialog.open()

    def add_amendment(self) -> None:
        if self.meeting is None or not self.meeting.read_only:
            return
        meeting_id = self.meeting.id
        dialog = TextDialog(
            self.gctx,
            self.tr("Add amendment"),
            self.tr(
                "The record is closed and stays as it was. Your &amendment is stored with "
                "today's date and your name:"
            ),
            self,
        )
        dialog.action = lambda text: dialog.run(svc.amend, meeting_id, text)
        dialog.saved.connect(lambda _r: self._reload())
        self._keep(dialog)
        dialog.open()

    def show_open_actions(self) -> None:
        from pzmdo.gui.actions_dialog import open_actions_dialog

        self._keep(open_actions_dialog(self.gctx, self))

    def make_document(self, kind: str) -> None:
        if self.meeting is None:
            return
        from pzmdo.gui.document_actions import produce_document

        self._keep(
            produce_document(
                self.gctx, self, kind, meeting_id=self.meeting.id, on=self.meeting.held_on
            )
        )

    def start_meeting_mode(self) -> None:
        if self.meeting is None or self.meeting.read_only:
            return
        from pzmdo.gui.meeting_mode import open_meeting_mode

        meeting_id = self.meeting.id

        def started(_info: svc.MeetingInfo) -> None:
            self.mode_window = open_meeting_mode(self.gctx, meeting_id, self)
            self.mode_window.closed.connect(self._reload)

        self.gctx.runner.submit(svc.start_meeting, self.gctx.app, meeting_id, on_done=started)

    def _keep(self, dialog: QWidget) -> None:
        self._dialogs = keep_alive(self._dialogs, dialog)
