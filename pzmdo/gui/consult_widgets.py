"""Building blocks shared by the consultation screens: the table model, the detail panel with
the lifecycle buttons, and the small dialogs (advice, cancel, turn advice into agreements)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.consultations import (
    ConsultStatus,
    format_hours,
    format_working_days,
    local_zone,
    to_local,
)
from pzmdo.domain.enums import Dimension
from pzmdo.domain.errors import PzmdoError
from pzmdo.domain.permissions import Action
from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import ErrorLabel, SaveDialog
from pzmdo.gui.inputs import DateInput, DateTimeInput
from pzmdo.services import consultations as svc
from pzmdo.services.consultations import ConsultationInfo

OVERDUE_COLOUR = QColor("#a4262c")  # dark red, AA contrast on white


def when(at: datetime | None) -> str:
    return to_local(at).strftime("%d-%m-%Y %H:%M") if at else ""


def now_input(name: str, what: str) -> DateTimeInput:
    """A date-and-time field set to now (Dutch local time)."""
    edit = DateTimeInput(name, what=what)
    edit.setDateTime(datetime.now(local_zone()).replace(tzinfo=None, second=0, microsecond=0))
    return edit


def aware(edit: DateTimeInput) -> datetime:
    """The typed wall-clock time read as Dutch local time (a Dutch error when invalid)."""
    return edit.value().replace(tzinfo=local_zone())


def timing_text(i: ConsultationInfo) -> str:
    if i.response_hours is not None and i.response_working_days is not None:
        return f"{format_hours(i.response_hours)} ({format_working_days(i.response_working_days)})"
    if i.is_open:
        text = format_working_days(i.elapsed_working_days)
        return f"{text} — te laat" if i.overdue else text
    return ""


def submit_for(
    owner: Any,
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    **kwargs: Any,
) -> int:
    """``gctx.runner.submit`` with the widget's application context as first argument.
    (The runner itself drops results for widgets closed meanwhile.)"""
    gctx: GuiContext = owner.gctx
    return gctx.runner.submit(fn, gctx.app, *args, on_done=on_done, on_error=on_error, **kwargs)

def report(gctx: GuiContext, label: ErrorLabel, exc: BaseException) -> None:
    """Domain errors inline (Dutch, as is); anything else through the generic handler."""
    if isinstance(exc, PzmdoError):
        label.show_message(str(exc))
    else:
        gctx.show_error(exc)


class ConsultTableModel(QAbstractTableModel):
    """Consultations as rows; ``columns`` picks and orders what is shown."""

    ALL = ("patient", "requested", "team", "mode", "complexity", "status", "timing")

    def __init__(self, columns: tuple[str, ...] = ALL, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[ConsultationInfo] = []
        self._headers = {
            "patient": self.tr("Patient"),
            "requested": self.tr("Requested"),
            "team": self.tr("Team"),
            "mode": self.tr("Mode"),
            "complexity": self.tr("Complexity"),
            "status": self.tr("Status"),
            "timing": self.tr("Response time / waiting"),
        }

    def set_rows(self, rows: list[ConsultationInfo]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[self.columns[section]]
        return None

    def _text(self, i: ConsultationInfo, column: str) -> str:
        if column == "patient":
            return i.patient_name
        if column == "requested":
            return when(i.requested_at)
        if column == "team":
            return i.team_name
        if column == "mode":
            return i.mode_label
        if column == "complexity":
            return i.complexity_label
        if column == "status":
            return i.status_label
        return timing_text(i)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        i = self.rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(i, column)
        if role == Qt.ItemDataRole.ForegroundRole and i.overdue and column in ("timing", "status"):
            return QBrush(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and i.overdue and column == "timing":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return i.id
        return None


def make_table(model: QAbstractTableModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class ConsultDetail(QWidget):
    """The selected consultation in full, with the steps its status allows."""

    changed = Signal()

    def __init__(self, gctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.info: ConsultationInfo | None = None
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Consultation details"))
        self.text.setOpenLinks(False)
        self.text.setMinimumHeight(120)
        self.start_button = QPushButton(self.tr("In &progress"))
        self.start_button.setAccessibleName(self.tr("Mark the consultation as in progress"))
        self.advice_button = QPushButton(self.tr("Record &advice…"))
        self.advice_button.setAccessibleName(self.tr("Record the specialist's advice"))
        self.close_button = QPushButton(self.tr("C&lose"))
        self.close_button.setAccessibleName(self.tr("Close the consultation"))
        self.cancel_button = QPushButton(self.tr("Ca&ncel request…"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the consultation request"))
        self.process_button = QPushButton(self.tr("&Use advice…"))
        self.process_button.setAccessibleName(
            self.tr("Turn the advice into care plan agreements or meeting actions")
        )
        self.error = ErrorLabel()
        buttons = QHBoxLayout()
        for b in (
            self.start_button,
            self.advice_button,
            self.close_button,
            self.process_button,
            self.cancel_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.start_button.clicked.connect(self.start)
        self.advice_button.clicked.connect(self.record_advice)
        self.close_button.clicked.connect(self.close_consultation)
        self.cancel_button.clicked.connect(self.cancel)
        self.process_button.clicked.connect(self.process)
        self.show_info(None)

    def show_info(self, info: ConsultationInfo | None) -> None:
        self.info = info
        self.error.show_message("")
        status = ConsultStatus(info.status) if info else None
        user = self.gctx.app.user  # the permission matrix decides who may press what
        advises = user.may(Action.CONSULT_ADVICE)
        requests = user.may(Action.CONSULT_REQUEST)
        self.start_button.setEnabled(advises and status is ConsultStatus.AANGEVRAAGD)
        self.advice_button.setEnabled(
            advises and status in (ConsultStatus.AANGEVRAAGD, ConsultStatus.IN_BEHANDELING)
        )
        self.close_button.setEnabled(
            (advises or requests) and status is ConsultStatus.ADVIES_GEGEVEN
        )
        self.cancel_button.setEnabled(
            requests and status in (ConsultStatus.AANGEVRAAGD, ConsultStatus.IN_BEHANDELING)
        )
        self.process_button.setEnabled(
            user.may(Action.CAREPLAN_EDIT)
            and info is not None
            and bool(info.advice)
            and not info.processed_into
        )
        if info is None:
            self.text.setHtml(
                "<p>" + html.escape(self.tr("Select a consultation to see its details.")) + "</p>"
            )
            return
        self.text.setHtml(self._html(info))

    def _html(self, i: ConsultationInfo) -> str:
        e = html.escape
        rows = [
            (
                self.tr("Patient"),
                i.patient_name
                + (" (fictief)" if i.patient_fictional and "fictief" not in i.patient_name else ""),
            ),
            (self.tr("Team"), f"{i.team_name} — {i.team_type_label}"),
            (self.tr("Requested"), f"{when(i.requested_at)} · {i.time_window_label}"),
            (self.tr("Phone"), i.phone or self.tr("no number known for this time window")),
            (self.tr("Requested by"), i.requested_by_name),
            (self.tr("Mode"), i.mode_label),
            (self.tr("Complexity"), i.complexity_label),
            (self.tr("Dimensions"), ", ".join(i.dimension_labels) or "—"),
            (self.tr("Status"), i.status_label + (" — " + self.tr("overdue") if i.overdue else "")),
        ]
        if i.consultant_name:
            rows.append((self.tr("Consultant"), i.consultant_name))
        steps = [
            (self.tr("In progress"), i.accepted_at),
            (self.tr("Advice given"), i.advice_at),
            (self.tr("Closed"), i.closed_at),
            (self.tr("Cancelled"), i.cancelled_at),
        ]
        for label, at in steps:
            if at:
                rows.append((label, when(at)))
        timing = timing_text(i)
        if timing:
            rows.append((self.tr("Response time") if i.advice_at else self.tr("Waiting"), timing))
        if i.processed_into:
            rows.append((self.tr("Advice used"), i.processed_into))
        table = "".join(
            f"<tr><td style='padding-right:12px'><b>{e(k)}</b></td><td>{e(v)}</td></tr>"
            for k, v in rows
        )
        out = f"<table>{table}</table>"
        sections = [(self.tr("Question"), i.question)]
        if i.advice:
            sections.append((self.tr("Advice"), i.advice))
        if i.cancel_reason:
            sections.append((self.tr("Reason for cancelling"), i.cancel_reason))
        for title, body in sections:
            out += f"<p><b>{e(title)}</b><br>{e(body).replace(chr(10), '<br>')}</p>"
        return out

    # -- actions ----------------------------------------------------------------------------
    def _run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.error.show_message("")
        submit_for(
            self,
            fn,
            *args,
            on_done=self._done,
            on_error=lambda exc: report(self.gctx, self.error, exc),
            **kwargs,
        )

    def _done(self, result: Any) -> None:
        if isinstance(result, ConsultationInfo):
            self.show_info(result)
        self.changed.emit()

    def start(self) -> None:
        if self.info:
            self._run(svc.start_consultation, self.info.id)

    def close_consultation(self) -> None:
        if self.info:
            self._run(svc.close_consultation, self.info.id)

    def record_advice(self) -> QDialog | None:
        if not self.info:
            return None
        dialog = AdviceDialog(self.gctx, self.info, self)
        dialog.saved.connect(self._done)
        dialog.open()
        return dialog

    def cancel(self) -> QDialog | None:
        if not self.info:
            return None
        dialog = CancelDialog(self.gctx, self.info, self)
        dialog.saved.connect(self._done)
        dialog.open()
        return dialog

    def process(self) -> QDialog | None:
        if not self.info:
            return None
        dialog = ProcessAdviceDialog(self.gctx, self.info, self)
        dialog.saved.connect(self._done)
        dialog.open()
        return dialog


class AdviceDialog(SaveDialog):
    def __init__(
        self, gctx: GuiContext, info: ConsultationInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(gctx, parent)
        self.info = info
        self.setWindowTitle(self.tr("Record advice — %1").replace("%1", info.patient_name))
        self.setAccessibleName(self.windowTitle())
        self.advice = QPlainTextEdit()
        self.advice.setAccessibleName(self.tr("Advice of the specialist"))
        self.advice.setPlaceholderText(
            self.tr("One item per line, e.g. '- start oxycodone 5 mg as needed'")
        )
        self.advice.setTabChangesFocus(True)
        self.at = now_input(self.tr("Date and time of the advice"), "De datum van het advies")
        self.close_too = QCheckBox(self.tr("&Close the consultation now"))
        self.close_too.setChecked(True)
        self.close_too.setAccessibleName(
            self.tr("Close the consultation when the advice is recorded")
        )
        self.ok.setText(self.tr("&Save advice"))
        form = QFormLayout()
        label = QLabel(self.tr("&Advice:"))
        label.setBuddy(self.advice)
        form.addRow(label, self.advice)
        label = QLabel(self.tr("&Given on:"))
        label.setBuddy(self.at)
        form.addRow(label, self.at)
        form.addRow("", self.close_too)
        question = QLabel(self.tr("Question: %1").replace("%1", info.question))
        question.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.advice, self.at)
        self.setTabOrder(self.at, self.close_too)
        self.resize(560, 380)
        self.advice.setFocus()

    def submit(self) -> None:
        try:
            at = aware(self.at)
        except PzmdoError as exc:
            self.error.show_message(str(exc))
            return
        self.run(
            svc.record_advice,
            self.info.id,
            self.advice.toPlainText(),
            at=at,
            close=self.close_too.isChecked(),
            # Refused (text kept in this dialog) when someone changed it since it was opened.
            expected_version=self.info.version,
        )


class CancelDialog(SaveDialog):
    def __init__(
        self, gctx: GuiContext, info: ConsultationInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(gctx, parent)
        self.info = info
        self.setWindowTitle(self.tr("Cancel consultation request"))
        self.setAccessibleName(self.windowTitle())
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason for cancelling"))
        self.reason.setTabChangesFocus(True)
        self.ok.setText(self.tr("Cancel &request"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("&Keep request")
        )
        label = QLabel(self.tr("&Reason (required):"))
        label.setBuddy(self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 240)

    def submit(self) -> None:
        self.run(svc.cancel_consultation, self.info.id, self.reason.toPlainText())


class ProcessAdviceDialog(SaveDialog):
    """With one action: the chosen advice items become agreements or meeting actions."""

    def __init__(
        self, gctx: GuiContext, info: ConsultationInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(gctx, parent)
        self.info = info
        self.setWindowTitle(self.tr("Use advice — %1").replace("%1", info.patient_name))
        self.setAccessibleName(self.windowTitle())
        self.to_plan = QRadioButton(self.tr("As &agreements in the care plan"))
        self.to_actions = QRadioButton(self.tr("As &actions for the meeting"))
        self.to_plan.setAccessibleName(self.to_plan.text().replace("&", ""))
        self.to_actions.setAccessibleName(self.to_actions.text().replace("&", ""))
        self.to_plan.setChecked(True)
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Advice items to take over"))
        for text in svc.advice_items(info.advice or ""):
            item = QListWidgetItem(text)
            item.setFlags(
                item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
            )
            item.setCheckState(Qt.CheckState.Checked)
            self.items.addItem(item)
        self.dimension = QComboBox()
        self.dimension.setAccessibleName(self.tr("Dimension of the agreements"))
        self.dimension.addItem(self.tr("(none)"), None)
        for d in Dimension:
            self.dimension.addItem(d.label, d.value)
        self.owner = QComboBox()
        self.owner.setAccessibleName(self.tr("Who carries out the actions"))
        self.owner.addItem(self.tr("(nobody yet)"), None)
        self.due = DateInput(
            date.today() + timedelta(days=7),
            self.tr("Due date of the actions"),
            what="De streefdatum van de acties",
        )
        self.close_too = QCheckBox(self.tr("C&lose the consultation"))
        self.close_too.setChecked(True)
        self.close_too.setAccessibleName(
            self.tr("Close the consultation after taking over the advice")
        )
        self.close_too.setVisible(info.status == ConsultStatus.ADVIES_GEGEVEN.value)
        self.ok.setText(self.tr("&Take over"))
        form = QFormLayout()
        form.addRow(self.to_plan)
        label = QLabel(self.tr("&Dimension:"))
        label.setBuddy(self.dimension)
        form.addRow(label, self.dimension)
        form.addRow(self.to_actions)
        label = QLabel(self.tr("&Who:"))
        label.setBuddy(self.owner)
        form.addRow(label, self.owner)
        label = QLabel(self.tr("D&ue:"))
        label.setBuddy(self.due)
        form.addRow(label, self.due)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Each ticked line becomes one agreement or action; you can edit a line (F2) first."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.items, 1)
        layout.addLayout(form)
        layout.addWidget(self.close_too)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.to_plan.toggled.connect(self._sync)
        self._sync()
        self.resize(600, 460)
        submit_for(self, svc.list_requesters, on_done=self._people)

    def _people(self, people: list[svc.PersonChoice]) -> None:
        for p in people:
            self.owner.addItem(f"{p.name} ({p.discipline_label})", p.id)

    def _sync(self) -> None:
        plan = self.to_plan.isChecked()
        self.dimension.setEnabled(plan)
        self.owner.setEnabled(not plan)
        self.due.setEnabled(not plan)

    def chosen(self) -> list[str]:
        out = []
        for row in range(self.items.count()):
            item = self.items.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.text())
        return out

    def submit(self) -> None:
        plan = self.to_plan.isChecked()
        try:
            due = None if plan else self.due.required_value()
        except PzmdoError as exc:
            self.error.show_message(str(exc))
            return
        self.run(
            svc.process_advice,
            self.info.id,
            "careplan" if plan else "actions",
            self.chosen(),
            owner_person_id=None if plan else self.owner.currentData(),
            due=due,
            dimension=self.dimension.currentData() if plan else None,
            meeting_id=self.info.meeting_id,
            close=self.close_too.isChecked(),
        )
