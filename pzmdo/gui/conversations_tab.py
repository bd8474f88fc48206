"""Patient tab 'Gesprekken': PZP/ACP conversations; the first one marks 'PZP gestart'."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.careteam import ConversationSetting, ConversationTopic
from pzmdo.domain.dates import format_date
from pzmdo.domain.errors import ValidationError
from pzmdo.gui.care_widgets import (
    combo_code,
    date_field,
    enum_combo,
    fill_table,
    form_label,
    make_table,
)
from pzmdo.gui.context import GuiContext
from pzmdo.gui.person_picker import PersonPicker
from pzmdo.gui.widgets import button_row, chain_focus
from pzmdo.services import careteam

_Loaded = tuple[list[careteam.ConversationInfo], list[careteam.NaasteInfo]]


def _load(ctx: Any, pid: int) -> _Loaded:
    return careteam.list_conversations(ctx, pid), careteam.list_naasten(ctx, pid)


def create_tab(gctx: GuiContext, patient_id: int) -> QWidget:
    return ConversationsTab(gctx, patient_id)


class ConversationsTab(QWidget):
    def __init__(self, gctx: GuiContext, patient_id: int) -> None:
        super().__init__()
        self.gctx = gctx
        self.patient_id = patient_id
        self.setAccessibleName(self.tr("PZP conversations"))
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Loading…"))
        self.status.setAccessibleName(self.tr("PZP status"))
        layout.addWidget(self.status)
        self.table = make_table(
            [
                self.tr("Date"),
                self.tr("Conducted by"),
                self.tr("Present"),
                self.tr("Topics"),
                self.tr("Summary"),
            ],
            self.tr("Conversations"),
        )
        layout.addWidget(self.table, 1)

        layout.addWidget(self._build_form())
        order = [
            self.table,
            self.held_on,
            self.patient_present,
            self.by,
            self.setting,
            self.others,
            *self.topic_checks.values(),
            self.summary,
            self.save_button,
        ]
        chain_focus(order)
        self.save_button.clicked.connect(self.save)
        gctx.changed.connect(self._on_changed)
        self.loads = 0
        self.refresh()

    # -- building -----------------------------------------------------------------------------
    def _build_form(self) -> QGroupBox:
        """A new conversation: date, who, where, who was present, topics, summary."""
        box = QGroupBox(self.tr("New conversation"))
        grid = QGridLayout(box)
        self.held_on = date_field(
            self.tr("Date of the conversation"), date.today(), what="het gesprek"
        )
        self.by = PersonPicker(self.gctx)
        self.by.setAccessibleName(self.tr("Conducted by"))
        self.setting = enum_combo(
            list(ConversationSetting), self.tr("Where"), self.tr("— not filled in —")
        )
        self.patient_present = QCheckBox(self.tr("Patient &present"))
        self.patient_present.setChecked(True)
        self.others = QLineEdit()
        self.others.setAccessibleName(self.tr("Others present"))
        self.naasten_box = QWidget()
        self.naasten_layout = QHBoxLayout(self.naasten_box)
        self.naasten_layout.setContentsMargins(0, 0, 0, 0)
        self.naaste_checks: dict[int, QCheckBox] = {}
        topics = self._build_topics()
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(90)
        self.save_button = QPushButton(self.tr("&Save conversation"))
        self.save_button.setAccessibleName(self.tr("Save conversation"))

        rows = [
            (self.tr("&Date:"), self.held_on),
            (self.tr("Conducted &by:"), self.by),
            (self.tr("&Where:"), self.setting),
            (self.tr("Naasten present:"), self.naasten_box),
            (self.tr("&Others present:"), self.others),
            (self.tr("Topics:"), topics),
            (self.tr("S&ummary:"), self.summary),
        ]
        first = QWidget()
        first_row = QHBoxLayout(first)
        first_row.setContentsMargins(0, 0, 0, 0)
        first_row.addWidget(self.held_on)
        first_row.addWidget(self.patient_present)
        first_row.addStretch(1)
        rows[0] = (rows[0][0], first)
        for r, (label, widget) in enumerate(rows):
            lab = form_label(label, self.held_on if r == 0 else widget, wrap=False)
            grid.addWidget(lab, r, 0)
            grid.addWidget(widget, r, 1)
        grid.addLayout(button_row(self.save_button), len(rows), 1)
        grid.setColumnStretch(0, 0)
        grid.setColumnStretch(1, 1)
        return box

    def _build_topics(self) -> QWidget:
        topics = QWidget()
        topic_grid = QGridLayout(topics)
        topic_grid.setContentsMargins(0, 0, 0, 0)
        self.topic_checks: dict[str, QCheckBox] = {}
        for i, topic in enumerate(ConversationTopic):
            check = QCheckBox(topic.label)
            check.setAccessibleName(topic.label)
            self.topic_checks[topic.value] = check
            topic_grid.addWidget(check, i // 5, i % 5)
        return topics

    def _on_changed(self, entity: str, ids: tuple[int, ...]) -> None:
        if entity in ("careteam", "*") and (not ids or self.patient_id in ids):
            self.refresh()

    def refresh(self) -> None:
        self.gctx.runner.submit(_load, self.gctx.app, self.patient_id, on_done=self._show)

    def _show(self, data: _Loaded) -> None:
        convs, naasten = data
        self.loads += 1
        first = next((c for c in convs if c.is_first), None)
        self.status.setText(
            self.tr("PZP started on %1 (first conversation).").replace(
                "%1", format_date(first.held_on)
            )
            if first
            else self.tr("PZP not started yet: no conversation recorded.")
        )
        fill_table(
            self.table,
            [
                [
                    format_date(c.held_on) + (" ★" if c.is_first else ""),
                    c.conducted_by.name if c.conducted_by else "",
                    c.present_text(),
                    ", ".join(c.topic_labels),
                    c.summary,
                ]
                for c in convs
            ],
            [c.id for c in convs],
        )
        for check in self.naaste_checks.values():
            check.setParent(None)
        self.naaste_checks = {}
        for n in naasten:
            check = QCheckBox(f"{n.relation_label} ({n.name})")
            check.setAccessibleName(f"{n.relation_label} {n.name}")
            self.naaste_checks[n.id] = check
            self.naasten_layout.addWidget(check)
        if not naasten:
            check = QCheckBox(self.tr("no naasten recorded"))
            check.setEnabled(False)
            self.naaste_checks[-1] = check
            self.naasten_layout.addWidget(check)

    def save(self) -> None:
        try:
            held = self.held_on.required_value()
        except ValidationError as exc:
            self.gctx.show_error(exc, self)
            return
        data = careteam.ConversationInput(
            held_on=held,
            conducted_by_id=self.by.get_person_id(),
            summary=self.summary.toPlainText(),
            topics=tuple(k for k, c in self.topic_checks.items() if c.isChecked()),
            present_patient=self.patient_present.isChecked(),
            present_naasten=tuple(
                k for k, c in self.naaste_checks.items() if k > 0 and c.isChecked()
            ),
            present_other=self.others.text(),
            setting=combo_code(self.setting) or "",
        )
        self.save_button.setEnabled(False)
        self.gctx.runner.submit(
            careteam.add_conversation,
            self.gctx.app,
            self.patient_id,
            data,
            on_done=self._saved,
            on_error=self._failed,
        )

    def _saved(self, _id: int) -> None:
        self.save_button.setEnabled(True)
        self.summary.clear()
        self.others.clear()
        for c in self.topic_checks.values():
            c.setChecked(False)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.gctx.show_error(exc, self)
