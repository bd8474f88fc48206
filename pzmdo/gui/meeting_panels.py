"""The panels of meeting mode: the agenda, the patient summary, the notes per dimension, the checklist,
decisions and actions. Each panel builds its own widgets; MeetingMode loads, saves and
wires them (keyboard shortcuts, tab order, the runner)."""

from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import Qt
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
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.dates import format_date
from pzmdo.domain.enums import Dimension
from pzmdo.domain.meetings import ChecklistAnswer, ChecklistItem
from pzmdo.gui.inputs import DateInput
from pzmdo.gui.meeting_record import action_line, action_text
from pzmdo.services import meetings as svc


def _short_list(name: str) -> QListWidget:
    """The recorded decisions or actions of the patient: a few lines, wrapped."""
    items = QListWidget()
    items.setAccessibleName(name)
    items.setMaximumHeight(72)
    items.setWordWrap(True)
    return items


class AgendaPanel(QWidget):
    """The agenda with each item's state, and under it the attendance check (the triad)."""

    def __init__(self) -> None:
        super().__init__()
        label = QLabel(self.tr("A&genda"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Agenda"))
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(200)  # names stay readable next to the form
        label.setBuddy(self.list)
        self.triad = QLabel()
        self.triad.setWordWrap(True)
        self.triad.setAccessibleName(self.tr("Attendance check"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.triad)

    def fill(self, items: list[svc.AgendaItemInfo], current: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for n, info in enumerate(items, start=1):
            mark = {"besproken": "✔ ", "niet_toegekomen": "↷ "}.get(info.status, "")
            text = f"{mark}{n}. {info.label}\n    {info.reason_label}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{text} ({info.status_label})")
            self.list.addItem(item)
        if 0 <= current < len(items):
            self.list.setCurrentRow(current)
        self.list.blockSignals(False)

    def select(self, row: int) -> None:
        """Show the current item without announcing a choice."""
        self.list.blockSignals(True)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)

    def show_attendance(self, m: svc.MeetingInfo) -> None:
        if not m.triad.present:
            self.triad.setText(self.tr("Attendance not recorded yet (F2)."))
            return
        colour = "#1b7a2b" if m.triad.complete else "#a05a00"
        mark = "✔" if m.triad.complete else "⚠"
        self.triad.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.triad.setText(f"{mark} {m.triad.text()}")


class PatientSummary(QScrollArea):
    """Who is discussed and why, with colour, team, plan highlights and open items."""

    def __init__(self) -> None:
        super().__init__()
        self.patient_label = QLabel()
        self.patient_label.setObjectName("patient")
        self.patient_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Patient summary"))
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addWidget(self.patient_label)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.setWidgetResizable(True)
        self.setWidget(box)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_item(self, item: svc.AgendaItemInfo, brief: svc.PatientBrief | None) -> None:
        e = html.escape
        because = self.tr("On the agenda because:")
        reason = f"<p><b>{e(because)}</b> {e(item.reason_label)}"
        if item.detail:
            reason += f"<br>{e(item.detail)}"
        reason += "</p>"
        if brief is None:
            self.patient_label.setText(item.label)
            self.summary.setText(reason)
            return
        b = brief
        name = b.name + (" " + self.tr("(fictitious)") if b.is_fictional else "")
        self.patient_label.setText(f"{name}, {b.age} " + self.tr("yr") + f" · {b.status_label}")
        self.summary.setText(reason + self._facts(b) + self._blocks(b))

    def _facts(self, b: svc.PatientBrief) -> str:
        e = html.escape
        swatch = ""
        if b.urgency_label:
            colour = b.urgency_colour or "#888888"
            swatch = (
                f"<span style='background:{colour}; color:{colour}'>&nbsp;■■&nbsp;</span> "
                f"{e(b.urgency_label)}"
            )
        none = self.tr("none")
        rows = (
            (self.tr("Colour:"), swatch or e(self.tr("not set"))),
            (
                self.tr("Centrale zorgverlener:"),
                e(b.central_caregiver) or f"<span style='color:#a01010'>{e(none)}</span>",
            ),
            (
                self.tr("Last discussed:"),
                e(format_date(b.last_discussed_on)) if b.last_discussed_on else e(self.tr("never")),
            ),
        )
        cells = "".join(
            f"<tr><td><b>{e(label)}</b></td><td>{value}</td></tr>" for label, value in rows
        )
        return f"<table cellspacing='4'>{cells}</table>"

    def _blocks(self, b: svc.PatientBrief) -> str:
        e = html.escape
        parts: list[str] = []

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
        return "".join(parts)


class NotesBox(QGroupBox):
    """One text field per dimension, two by two, with mnemonics Alt+1 … Alt+4."""

    def __init__(self) -> None:
        super().__init__(self.tr("Notes per dimension"))
        self.edits: dict[str, QPlainTextEdit] = {}
        grid = QGridLayout(self)
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
            self.edits[dim.value] = edit

    def values(self) -> dict[str, str]:
        return {k: e.toPlainText() for k, e in self.edits.items()}

    def set_values(self, notes: dict[str, str]) -> None:
        for key, edit in self.edits.items():
            edit.setPlainText(notes.get(key, ""))


class ChecklistBox(QGroupBox):
    """The questions asked for every palliative patient: open, yes or no."""

    def __init__(self) -> None:
        super().__init__(self.tr("Checklist for every palliative patient"))
        form = QFormLayout(self)
        self.combos: dict[str, QComboBox] = {}
        for item in ChecklistItem:
            combo = QComboBox()
            for answer in (ChecklistAnswer.OPEN, ChecklistAnswer.JA, ChecklistAnswer.NEE):
                combo.addItem(answer.label, answer.value)
            combo.setAccessibleName(item.label)
            label = QLabel(item.label)
            label.setWordWrap(True)
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.combos[item.value] = combo

    def values(self) -> dict[str, str]:
        return {k: c.currentData() for k, c in self.combos.items()}

    def set_values(self, answers: dict[str, str]) -> None:
        for key, combo in self.combos.items():
            combo.setCurrentIndex(max(0, combo.findData(answers.get(key, "open"))))


class DecisionsBox(QGroupBox):
    """A line to record a decision (Enter) and the decisions recorded for the patient."""

    def __init__(self) -> None:
        super().__init__(self.tr("Decisions"))
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Decision (Ctrl+B), Enter to record"))
        self.field.setAccessibleName(self.tr("New decision"))
        self.button = QPushButton(self.tr("Record &decision"))
        self.button.setAccessibleName(self.tr("Record the decision"))
        self.list = _short_list(self.tr("Decisions for this patient"))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.button)
        layout.addLayout(row)
        layout.addWidget(self.list)

    def show_decisions(self, decisions: tuple[svc.DecisionInfo, ...]) -> None:
        self.list.clear()
        for d in decisions:
            self.add_row(d.id, d.text)

    def add_row(self, decision_id: int, text: str) -> None:
        row = QListWidgetItem(text)
        row.setData(Qt.ItemDataRole.UserRole, decision_id)
        row.setToolTip(self.tr("Enter or double-click: correct the decision"))
        self.list.addItem(row)


class ActionsBox(QGroupBox):
    """What, who and by when for a new action, and the actions recorded for the patient."""

    def __init__(self) -> None:
        super().__init__(self.tr("Actions (what, who, by when)"))
        self.what = QLineEdit()
        self.what.setPlaceholderText(self.tr("What has to happen (Ctrl+J)"))
        self.what.setAccessibleName(self.tr("Action: what"))
        self.owner = QComboBox()
        self.owner.setAccessibleName(self.tr("Action: who"))
        self.due = DateInput(name=self.tr("Action: by when"), what="De streefdatum van de actie")
        self.button = QPushButton(self.tr("Add &action"))
        self.button.setAccessibleName(self.tr("Add the action"))
        self.list = _short_list(self.tr("Actions for this patient"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        self.owner.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.owner.setMinimumContentsLength(12)
        row = QHBoxLayout()
        row.addWidget(self.owner, 1)
        row.addWidget(self.due)
        layout.addLayout(row)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.list)

    def set_people(self, people: list[svc.PersonBrief]) -> None:
        self.owner.clear()
        self.owner.addItem(self.tr("(nobody yet)"), None)
        for p in people:
            self.owner.addItem(f"{p.name}", p.id)

    def show_actions(self, actions: tuple[svc.ActionInfo, ...]) -> None:
        """The patient's recorded actions; a new one is due in four weeks by default."""
        self.list.clear()
        for a in actions:
            self.add_row(a.id, a.what, a.owner_person_id, a.owner_name, a.due)
        self.due.setValue(date.today() + timedelta(days=28))

    def add_row(
        self, action_id: int, what: str, owner: int | None, owner_name: str, due: date | None
    ) -> None:
        row = QListWidgetItem(action_line(what, owner_name, format_date(due)))
        row.setData(Qt.ItemDataRole.UserRole, (action_id, what, owner, due))
        row.setToolTip(self.tr("Enter or double-click: correct the action"))
        self.list.addItem(row)
