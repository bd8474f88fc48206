"""Move a patient to another practice: dated, with a reason, audited by the service
(``practices.move_patient``); earlier moves are listed under the form (issue 14)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.dates import format_date
from pzmdo.domain.errors import ValidationError
from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import SaveDialog
from pzmdo.gui.inputs import DateInput
from pzmdo.gui.widgets import add_labelled_rows, chain_focus
from pzmdo.services import practices, register
from pzmdo.services.practices import PracticeInfo, PracticeMove


def _load(ctx: Any, patient_id: int) -> tuple[int | None, list[PracticeInfo], list[PracticeMove]]:
    """The patient's practice now, the practices to choose from and earlier moves."""
    rows = register.register_rows(ctx, [patient_id], ())
    return (
        rows[0].practice_id if rows else None,
        practices.list_practices(ctx, active_only=True),
        practices.practice_moves(ctx, patient_id),
    )


class MovePracticeDialog(SaveDialog):
    def __init__(
        self,
        gctx: GuiContext,
        patient_id: int,
        version: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(gctx, parent)
        self.patient_id = patient_id
        self.current_practice_id: int | None = None
        self.version = version
        title = self.tr("Move the patient to another practice")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.current = QLabel("…")
        self.current.setAccessibleName(self.tr("Current practice"))
        self.target = QComboBox()
        self.target.setAccessibleName(self.tr("New practice"))
        self.day = DateInput(date.today(), self.tr("Date of the move"), what="De datum")
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for the move"))
        self.reason.setPlaceholderText(self.tr("e.g. moved house, registered with another GP"))
        self.moves = QListWidget()
        self.moves.setAccessibleName(self.tr("Earlier moves"))
        self.moves.setMaximumHeight(110)
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Current practice:")), self.current)
        add_labelled_rows(
            form,
            (
                (self.tr("&New practice:"), self.target),
                (self.tr("&Date:"), self.day),
                (self.tr("&Reason:"), self.reason),
                (self.tr("&Earlier moves:"), self.moves),
            ),
        )
        note = QLabel(
            self.tr(
                "The move is recorded with its date in the audit trail. Users who are not "
                "attached to the new practice no longer see the patient."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        chain_focus([self.target, self.day, self.reason, self.moves, self.buttons])
        self.ok.setText(self.tr("&Move"))
        self.ok.setEnabled(False)
        gctx.runner.submit(_load, gctx.app, patient_id, on_done=self._loaded)

    def _loaded(self, data: tuple[int | None, list[PracticeInfo], list[PracticeMove]]) -> None:
        self.current_practice_id, choices, moves = data
        self.current.setText("—")  # an inactive practice is not among the choices
        for p in choices:
            if p.id == self.current_practice_id:
                self.current.setText(p.name)
            else:
                self.target.addItem(p.name, p.id)
        for m in moves:
            reason = f" — {m.reason}" if m.reason else ""
            self.moves.addItem(
                f"{format_date(m.moved_on)}: {m.from_practice} → {m.to_practice}{reason}"
            )
        if not moves:
            self.moves.addItem(self.tr("(none)"))
        self.ok.setEnabled(self.target.count() > 0)

    def submit(self) -> None:
        try:
            day = self.day.required_value()
        except ValidationError as exc:
            self.show_error(str(exc))
            return
        self.run(
            practices.move_patient,
            self.patient_id,
            int(self.target.currentData()),
            day,
            self.reason.text(),
            expected_version=self.version,
        )
