"""Navigation page 'Spiegelinformatie': the quality figures of a period and scope.

Left: every measure with its value, numerator and denominator. Right, for the selected
measure: its trend over the periods before (a QtCharts bar chart), the Dutch definition
and source, and — for users who may see patients behind a number — the patients of the
numerator or denominator. Export for the region (CSV, PDF) and the external denominators
(coordinator) open from the top bar.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain import kpi as k
from pzmdo.domain.errors import PzmdoError
from pzmdo.domain.kpi import Kind, Measure
from pzmdo.domain.permissions import Action
from pzmdo.gui.context import GuiContext
from pzmdo.gui.document_actions import default_folder
from pzmdo.gui.inputs import DateInput
from pzmdo.gui.kpi_dialogs import DenominatorDialog, PatientsDialog
from pzmdo.gui.widgets import chain_focus, keep_alive, read_only_table
from pzmdo.services.kpi import KpiReport, trend
from pzmdo.services.kpi_detail import Choice, scope_choices
from pzmdo.services.kpi_export import export

TREND_PERIODS = 4


class KpiPage(QWidget):
    def __init__(self, gctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.reports: list[KpiReport] = []
        self.dialogs: list[QWidget] = []
        self.setAccessibleName(self.tr("Mirror information"))
        title = QLabel(self.tr("Mirror information"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        user = gctx.app.user

        # -- top bar: period, scope, actions ---------------------------------------------
        current = k.half_year(date.today())
        self.start = DateInput(
            current.start, self.tr("Period from"), what=self.tr("The start date")
        )
        self.end = DateInput(current.end, self.tr("Period to"), what=self.tr("The end date"))
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Scope"))
        self.scope.addItem(self.tr("All practices"), (None, None))
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setAccessibleName(self.tr("Show the figures"))
        self.show_button.clicked.connect(self.refresh)
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.csv_button.setAccessibleName(self.tr("Export for the region as CSV"))
        self.csv_button.clicked.connect(lambda: self.ask_export("csv"))
        self.pdf_button = QPushButton(self.tr("Export &PDF…"))
        self.pdf_button.setAccessibleName(self.tr("Export for the region as PDF"))
        self.pdf_button.clicked.connect(lambda: self.ask_export("pdf"))
        self.denominator_button = QPushButton(self.tr("E&xternal denominators…"))
        self.denominator_button.setAccessibleName(self.tr("Enter external denominators"))
        self.denominator_button.clicked.connect(self.open_denominators)
        self.denominator_button.setVisible(user.may(Action.KPI_DENOMINATORS))
        for button in (self.csv_button, self.pdf_button, self.show_button):
            button.setVisible(user.may(Action.KPI_AGGREGATE))
        bar = QHBoxLayout()
        for text, widget in (
            (self.tr("&From:"), self.start),
            (self.tr("&To:"), self.end),
            (self.tr("S&cope:"), self.scope),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #5a6270;")
        # Second row: what the figures rest on, then the actions (fits 1280 px at 150%).
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addWidget(self.csv_button)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.denominator_button)

        # -- left: the measures ------------------------------------------------------------
        self.table = read_only_table(
            [
                self.tr("Figure"),
                self.tr("Description"),
                self.tr("Value"),
                self.tr("Numerator"),
                self.tr("Denominator"),
            ],
            self.tr("Quality figures"),
        )
        self.table.itemSelectionChanged.connect(self.show_selected)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

        # -- right: chart, definition, drill-down --------------------------------------------
        self.chart = QChart()
        self.chart.legend().hide()
        self.chart.setBackgroundRoundness(0)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(240)
        self.chart_view.setAccessibleName(self.tr("Trend over periods"))
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.definition = QLabel()
        self.definition.setWordWrap(True)
        self.definition.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.definition.setAccessibleName(self.tr("Definition"))
        self.source = QLabel()
        self.source.setStyleSheet("color: #5a6270;")
        self.numerator_button = QPushButton(self.tr("Patients in the &numerator…"))
        self.denominator_patients = QPushButton(self.tr("Patients in the d&enominator…"))
        self.numerator_button.clicked.connect(lambda: self.open_patients("teller"))
        self.denominator_patients.clicked.connect(lambda: self.open_patients("noemer"))
        drill = QHBoxLayout()
        for button in (self.numerator_button, self.denominator_patients):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            button.setVisible(user.may(Action.KPI_DRILLDOWN))
            button.setEnabled(False)
            drill.addWidget(button)
        drill.addStretch(1)
        detail = QWidget()
        right = QVBoxLayout(detail)
        right.addWidget(self.heading)
        right.addWidget(self.chart_view, 1)
        right.addWidget(self.definition)
        right.addWidget(self.source)
        right.addLayout(drill)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([680, 520])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        order: list[QWidget] = [
            self.start,
            self.end,
            self.scope,
            self.show_button,
            self.csv_button,
            self.pdf_button,
            self.denominator_button,
            self.table,
            self.numerator_button,
            self.denominator_patients,
        ]
        chain_focus(order)
        gctx.changed.connect(self._changed)
        if user.may(Action.KPI_AGGREGATE) or user.may(Action.KPI_DENOMINATORS):
            gctx.runner.submit(scope_choices, gctx.app, on_done=self._show_choices)
        self.refresh()

    # -- data -------------------------------------------------------------------------------
    def _selection(self) -> tuple[date, date, int | None, int | None] | None:
        try:
            start, end = self.start.required_value(), self.end.required_value()
        except PzmdoError as exc:  # a Dutch ValidationError from the date fields
            self.message.setText(str(exc))
            return None
        practice_id, team_id = self.scope.currentData() or (None, None)
        return start, end, practice_id, team_id

    def refresh(self) -> None:
        if not self.gctx.app.user.may(Action.KPI_AGGREGATE):
            self.message.setText(
                self.tr("Your role may enter external denominators but not see the figures.")
            )
            return
        chosen = self._selection()
        if chosen is None:
            return
        start, end, practice_id, team_id = chosen
        self.message.setText(self.tr("Computing…"))
        self.gctx.runner.submit(
            trend,
            self.gctx.app,
            start,
            end,
            practice_id,
            team_id,
            TREND_PERIODS,
            on_done=self._show,
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.message.setText("")
        self.gctx.show_error(exc, self)

    def _changed(self, entity: str, _ids: tuple[int, ...]) -> None:
        if entity in ("*", "kpi_denominator"):
            self.refresh()

    def _show_choices(self, choices: tuple[list[Choice], list[Choice]]) -> None:
        practices, teams = choices
        for p in practices:
            self.scope.addItem(self.tr("Practice: %1").replace("%1", p.name), (p.id, None))
        for t in teams:
            self.scope.addItem(self.tr("Team: %1").replace("%1", t.name), (None, t.id))
        self.practices = practices

    def _show(self, reports: list[KpiReport]) -> None:
        self.reports = reports
        current = reports[-1]
        text = self.tr("%1 · %2").replace("%1", current.scope).replace("%2", current.period.label())
        if current.denominators_missing:
            text += " · " + self.tr("Not entered: %1").replace(
                "%1", "; ".join(current.denominators_missing)
            )
        self.message.setText(text)
        selected = self._selected_key()
        # K9's breakdown lines without consultations add nothing here (the export has them).
        shown = [m for m in current.measures if m.key.count(".") < 2 or m.numerator]
        self.table.setRowCount(len(shown))
        for row, m in enumerate(shown):
            values = [
                m.key if m.key == m.figure else "",
                ("    " if m.key != m.figure else "") + m.title,
                k.format_value(m),
                "" if m.numerator is None else str(m.numerator),
                "" if m.denominator is None else str(m.denominator),
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if m.key == m.figure:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                item.setData(Qt.ItemDataRole.UserRole, m.key)
                item.setToolTip(f"{m.title}\n{m.definition}".strip())
                self.table.setItem(row, col, item)
        keys = [m.key for m in shown]
        self.table.selectRow(keys.index(selected) if selected in keys else 0)
        self.show_selected()

    def _selected_key(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def show_selected(self) -> None:
        key = self._selected_key()
        if key is None or not self.reports:
            return
        m = self.reports[-1].get(key)
        self.heading.setText(f"{m.key} — {m.title}: {k.format_value(m)}")
        self.definition.setText(m.definition)
        self.source.setText(self.tr("Source: %1").replace("%1", m.source))
        self._draw_trend(key, m)
        drillable = m.drill and bool(m.numerator or m.denominator)
        self.numerator_button.setEnabled(drillable and bool(m.numerator))
        self.denominator_patients.setEnabled(
            drillable and bool(m.denominator) and m.key not in ("K1.extern", "K7")
        )

    def _draw_trend(self, key: str, m: Measure) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        bars = QBarSet(m.title)
        bars.setColor(QColor("#8e2a77"))
        labels = []
        top = 1.0
        for report in self.reports:
            value = report.get(key).value
            bars.append(value if value is not None else 0.0)
            top = max(top, value or 0.0)
            labels.append(report.period.label())
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        self.chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append(labels)
        y_axis = QValueAxis()
        y_axis.setRange(0, 100 if m.kind is Kind.PERCENTAGE else top * 1.2)
        y_axis.setLabelFormat("%d")
        if m.kind is not Kind.PERCENTAGE:
            y_axis.applyNiceNumbers()
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        self.chart.setTitle(self.tr("Trend: %1").replace("%1", m.key))
        self.chart_view.update()
        self.chart_view.setAccessibleDescription(
            "; ".join(f"{r.period.label()}: {k.format_value(r.get(key))}" for r in self.reports)
        )

    # -- actions ----------------------------------------------------------------------------
    def open_patients(self, part: str) -> None:
        key = self._selected_key()
        chosen = self._selection()
        if key is None or chosen is None:
            return
        dialog = PatientsDialog(self.gctx, self, key, part, *chosen)
        self.dialogs = keep_alive(self.dialogs, dialog)
        dialog.open()

    def open_denominators(self) -> None:
        dialog = DenominatorDialog(self.gctx, self, self._selection())
        self.dialogs = keep_alive(self.dialogs, dialog)
        dialog.open()

    def ask_export(self, fmt: str) -> None:
        chosen = self._selection()
        if chosen is None:
            return
        dialog = QFileDialog(self, self.tr("Export for the region"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(
            self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("PDF documents (*.pdf)")
        )
        dialog.setDefaultSuffix(fmt)
        dialog.setDirectory(str(default_folder()))
        dialog.selectFile(f"spiegelinformatie-{chosen[0]:%Y%m%d}-{chosen[1]:%Y%m%d}.{fmt}")
        dialog.fileSelected.connect(lambda path: self.export_to(fmt, path))
        self.dialogs = keep_alive(self.dialogs, dialog)
        dialog.open()

    def export_to(self, fmt: str, path: str) -> None:
        chosen = self._selection()
        if chosen is None:
            return
        start, end, practice_id, team_id = chosen
        self.gctx.runner.submit(
            export,
            self.gctx.app,
            fmt,
            path,
            start,
            end,
            practice_id,
            team_id,
            TREND_PERIODS,
            on_done=lambda r: self.message.setText(
                self.tr("Exported: %1").replace("%1", str(r.path))
            ),
            on_error=self._failed,
        )


def create_page(gctx: GuiContext) -> QWidget:
    return KpiPage(gctx)
