"""The Spiegelinformatie page: figures, trend chart, definition, drill-down, roles."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pzmdo.domain.enums import Role
from pzmdo.gui.context import GuiContext
from pzmdo.gui.kpi_dialogs import PatientsDialog
from pzmdo.gui.kpi_page import KpiPage
from pzmdo.gui.main_window import MainWindow
from pzmdo.services.context import AppContext
from tests.services.kpi_world import H1, build
from tests.support.roles import with_roles

SHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("PZMDO_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "pzmdo-test-screenshots"
)


def _idle(qtbot, gctx) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=30_000)


def _row(page: KpiPage, key: str) -> int:
    for r in range(page.table.rowCount()):
        if page.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == key:
            return r
    raise AssertionError(key)


def _open(qtbot, ctx: AppContext) -> tuple[MainWindow, KpiPage, GuiContext]:  # noqa: ANN001
    gctx = GuiContext(ctx)
    window = MainWindow(gctx, ctx.db.path, idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_nav("kpi")
    page = window.pages.currentWidget()
    assert isinstance(page, KpiPage)
    _idle(qtbot, gctx)
    return window, page, gctx


def test_dashboard_shows_figures_trend_definition_and_patients(qtbot, ctx):  # noqa: ANN001
    build(ctx)
    window, page, gctx = _open(qtbot, ctx)
    page.start.setValue(H1[0])
    page.end.setValue(H1[1])
    QTest.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, gctx)
    k1 = _row(page, "K1")
    assert page.table.item(k1, 2).text() == "25%"
    assert (page.table.item(k1, 3).text(), page.table.item(k1, 4).text()) == ("1", "4")
    assert "2026-H1" in page.message.text()
    page.table.selectRow(_row(page, "K13"))
    assert "Overleden op de gewenste plek" in page.heading.text()
    assert "gewenst" in page.definition.text() and "L537" in page.source.text()
    series = page.chart.series()[0]
    values = [series.barSets()[0].at(i) for i in range(series.barSets()[0].count())]
    assert len(values) == 4 and round(values[-1], 1) == 66.7
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(100)  # let the chart's scene repaint before the screenshot
    window.grab().save(str(SHOTS / "kpi-dashboard.png"))
    assert page.numerator_button.isVisible() and page.numerator_button.isEnabled()
    QTest.mouseClick(page.numerator_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in page.dialogs if isinstance(d, PatientsDialog))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=20_000)
    names = sorted(dialog.table.item(r, 0).text().split()[0] for r in range(2))
    assert names == ["Anna", "Gerda"]
    dialog.grab().save(str(SHOTS / "kpi-patients.png"))
    QTest.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: type(window.pages.currentWidget()).__name__ == "PatientView")


def test_coordinator_enters_denominators_but_sees_no_patients(qtbot, ctx):  # noqa: ANN001
    build(ctx)
    coordinator = with_roles(ctx, Role.COORDINATOR)
    _window, page, gctx = _open(qtbot, coordinator)
    assert page.denominator_button.isVisible()
    coordinator.user = coordinator.user.__class__(
        coordinator.user.id, coordinator.user.login, coordinator.user.name,
        frozenset({Role.COORDINATOR.value}), coordinator.user.person_id,
    )  # fmt: skip
    w2, only_coordinator, gctx2 = _open(qtbot, coordinator)
    assert w2.width() <= 1280  # every button of the coordinator fits the screen
    assert only_coordinator.denominator_button.isVisible()
    assert not only_coordinator.numerator_button.isVisible()
    only_coordinator.open_denominators()
    dialog = only_coordinator.dialogs[-1]
    qtbot.waitUntil(lambda: dialog.practice.count() == 1, timeout=20_000)
    dialog.start.setValue(H1[0])
    dialog.end.setValue(H1[1])
    dialog.count.setValue(10)
    dialog.submit()
    _idle(qtbot, gctx2)
    qtbot.waitUntil(lambda: not dialog.isVisible() or bool(dialog.error.text()), timeout=20_000)
    assert dialog.error.text() == ""
    only_coordinator.start.setValue(H1[0])
    only_coordinator.end.setValue(H1[1])
    only_coordinator.refresh()
    _idle(qtbot, gctx2)
    k1 = _row(only_coordinator, "K1.extern")
    assert only_coordinator.table.item(k1, 2).text() == "10%"
