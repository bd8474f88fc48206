"""Page 'Nabesprekingen': the knelpunten and leerpunten of the after-death reviews per team
and period, for the network coordinator; the export carries no patient data (issue 17)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.errors import ValidationError
from pzmdo.gui.care_widgets import fill_table, form_label, make_table
from pzmdo.gui.context import GuiContext
from pzmdo.gui.inputs import DateInput
from pzmdo.gui.widgets import chain_focus
from pzmdo.services import trajectory


def create_page(gctx: GuiContext) -> QWidget:
    return LessonsPage(gctx)


class LessonsPage(QWidget):
    def __init__(self, gctx: GuiContext) -> None:
        super().__init__()
        self.gctx = gctx
        self.loads = 0
        self.summary: trajectory.LessonsSummary | None = None
        self.setAccessibleName(self.tr("Bottlenecks and lessons learned"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<h2>Bottlenecks and lessons learned</h2>"))
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "From the after-death reviews, per team and month of the review. The list and "
                "its export hold no patient data."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        today = date.today()
        self.start = DateInput(today - timedelta(days=365), self.tr("From"))
        self.end = DateInput(today, self.tr("Until"))
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setAccessibleName(self.tr("Show the list"))
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.setAccessibleName(self.tr("Export the list as CSV"))
        row = QHBoxLayout()
        row.addWidget(form_label(self.tr("&From:"), self.start, wrap=False))
        row.addWidget(self.start)
        row.addWidget(form_label(self.tr("&Until:"), self.end, wrap=False))
        row.addWidget(self.end)
        row.addWidget(self.show_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Summary"))
        layout.addWidget(self.status)
        self.table = make_table(
            [self.tr("Team"), self.tr("Month"), self.tr("Kind"), self.tr("Point")],
            self.tr("Bottlenecks and lessons learned"),
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        chain_focus([self.start, self.end, self.show_button, self.export_button, self.table])
        self.show_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self._export)
        gctx.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, entity: str, _ids: tuple[int, ...]) -> None:
        if entity in ("patient", "*"):  # a review is recorded on the patient
            self.refresh()

    def _period(self) -> tuple[date, date]:
        return self.start.required_value(), self.end.required_value()

    def refresh(self) -> None:
        try:
            start, end = self._period()
        except ValidationError as exc:
            self.status.setText(str(exc))
            return
        self.gctx.runner.submit(
            trajectory.lessons,
            self.gctx.app,
            start,
            end,
            on_done=self._show,
            on_error=lambda e: self.gctx.show_error(e, self),
        )

    def _show(self, summary: trajectory.LessonsSummary) -> None:
        self.summary = summary
        self.loads += 1
        kinds = {"knelpunt": self.tr("bottleneck"), "leerpunt": self.tr("lesson learned")}
        fill_table(
            self.table,
            [[r.team_name, r.month, kinds.get(r.kind, r.kind), r.text] for r in summary.rows],
        )
        self.status.setText(
            self.tr(
                "%1 review(s); place of death as wished in %2; care plan known to the HAP in %3."
            )
            .replace("%1", str(summary.reviews))
            .replace("%2", str(summary.place_as_wished))
            .replace("%3", str(summary.plan_known_hap))
        )

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the list"), "knelpunten.csv", self.tr("CSV file (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        try:
            start, end = self._period()
        except ValidationError as exc:
            self.status.setText(str(exc))
            return
        self.gctx.runner.submit(
            trajectory.export_lessons,
            self.gctx.app,
            path,
            start,
            end,
            on_done=lambda p: self.status.setText(self.tr("Exported to %1.").replace("%1", str(p))),
            on_error=lambda e: self.gctx.show_error(e, self),
        )
