"""Dialogs of the Spiegelinformatie page: the patients behind a number (audited listing;
Enter or double-click opens a record) and the external denominators (coordinator)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain import kpi as k
from pzmdo.domain.dates import format_date
from pzmdo.domain.errors import PzmdoError
from pzmdo.domain.kpi import Denominator
from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import SaveDialog
from pzmdo.gui.inputs import DateInput
from pzmdo.gui.widgets import add_labelled_rows, read_only_table
from pzmdo.services.kpi_detail import (
    Choice,
    DenominatorRow,
    PatientRow,
    list_denominators,
    patients_behind,
    scope_choices,
    set_denominator,
)


class PatientsDialog(QDialog):
    """The patients counted in a measure's numerator or denominator."""

    def __init__(
        self,
        gctx: GuiContext,
        parent: QWidget | None,
        key: str,
        part: str,
        start: date,
        end: date,
        practice_id: int | None,
        team_id: int | None,
    ) -> None:
        super().__init__(parent)
        self.gctx = gctx
        which = self.tr("numerator") if part == "teller" else self.tr("denominator")
        self.setWindowTitle(
            self.tr("Patients behind %1 (%2)").replace("%1", key).replace("%2", which)
        )
        self.resize(560, 460)
        self.summary = QLabel(self.tr("Loading…"))
        self.table = read_only_table(
            [self.tr("Patient"), self.tr("Date of birth")], self.tr("Patients behind the figure")
        )
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        hint = QLabel(self.tr("Enter or double-click opens the record."))
        hint.setStyleSheet("color: #5a6270;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.rows: list[PatientRow] = []
        gctx.runner.submit(
            patients_behind,
            gctx.app,
            key,
            part,
            start,
            end,
            practice_id,
            team_id,
            on_done=self._show,
            on_error=self._failed,
        )

    def _show(self, rows: list[PatientRow]) -> None:
        self.rows = rows
        self.summary.setText(self.tr("%n patient(s)", "", len(rows)))
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(row.name))
            self.table.setItem(r, 1, QTableWidgetItem(format_date(row.birth_date)))
        if rows:
            self.table.selectRow(0)
            self.table.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(str(exc) if isinstance(exc, PzmdoError) else "")
        if not isinstance(exc, PzmdoError):
            self.gctx.show_error(exc, self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.open_selected()
            return
        super().keyPressEvent(event)

    def open_selected(self) -> None:
        row = self.table.currentRow()
        window = self.gctx.main_window
        if 0 <= row < len(self.rows) and window is not None and hasattr(window, "show_patient"):
            self.accept()
            window.show_patient(self.rows[row].patient_id)


class DenominatorDialog(SaveDialog):
    """Enter a count the register cannot know, per practice and period."""

    def __init__(
        self,
        gctx: GuiContext,
        parent: QWidget | None,
        chosen: tuple[date, date, int | None, int | None] | None,
    ) -> None:
        super().__init__(gctx, parent)
        self.setWindowTitle(self.tr("External denominators"))
        self.resize(620, 520)
        period = k.half_year(date.today())
        start, end = (chosen[0], chosen[1]) if chosen else (period.start, period.end)
        self.practice = QComboBox()
        self.practice.setAccessibleName(self.tr("Practice"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of count"))
        for d in Denominator:
            self.kind.addItem(d.label, d.value)
        self.start = DateInput(start, self.tr("Period from"), what=self.tr("The start date"))
        self.end = DateInput(end, self.tr("Period to"), what=self.tr("The end date"))
        self.count = QSpinBox()
        self.count.setRange(0, 1_000_000)
        self.count.setAccessibleName(self.tr("Number"))
        intro = QLabel(
            self.tr(
                "The register does not know every death of the practice's patient list, nor "
                "every patient on a hospital's MDO-PZ list. Enter those counts per practice and "
                "period (from the HIS or the practice's own count); the figures use them when "
                "the period matches exactly."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        add_labelled_rows(
            form,
            [
                (self.tr("&Practice:"), self.practice),
                (self.tr("&Kind:"), self.kind),
                (self.tr("&From:"), self.start),
                (self.tr("&To:"), self.end),
                (self.tr("&Number:"), self.count),
            ],
        )
        self.table = read_only_table(
            [
                self.tr("Period"),
                self.tr("Practice"),
                self.tr("Kind"),
                self.tr("Number"),
                self.tr("By"),
            ],
            self.tr("Entered denominators"),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        layout.addWidget(QLabel(self.tr("Entered so far:")))
        layout.addWidget(self.table, 1)
        gctx.runner.submit(scope_choices, gctx.app, on_done=self._show_practices)
        gctx.runner.submit(list_denominators, gctx.app, on_done=self._show_rows)

    def _show_practices(self, choices: tuple[list[Choice], list[Choice]]) -> None:
        for p in choices[0]:
            self.practice.addItem(p.name, p.id)

    def _show_rows(self, rows: list[DenominatorRow]) -> None:
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [
                k.Period(row.start, row.end).label(),
                row.practice_name,
                row.kind_label,
                str(row.count),
                row.entered_by,
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def submit(self) -> None:
        try:
            start, end = self.start.required_value(), self.end.required_value()
        except PzmdoError as exc:
            self.show_error(str(exc))
            return
        practice_id = self.practice.currentData()
        if practice_id is None:
            self.show_error(self.tr("Choose a practice."))
            return
        self.run(
            set_denominator,
            int(practice_id),
            self.kind.currentData(),
            start,
            end,
            self.count.value(),
        )
