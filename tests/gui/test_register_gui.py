"""Register page, lazy model, overview tab and import dialog (issue 3), with real widgets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pzmdo.gui.context import GuiContext
from pzmdo.gui.register_model import COL_NAME, COL_STATUS, COL_URGENCY, RegisterModel
from pzmdo.gui.register_page import RegisterPage
from pzmdo.services import demo
from pzmdo.services import register as reg
from pzmdo.services.register import RegisterQuery
from tests.services.test_import import register_csv
from tests.support.register_helpers import add_patient, gp_context


def _idle(qtbot, gctx, timeout: int = 30_000) -> None:
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=timeout)


def test_register_model_passes_qtmodeltester(qtbot, qtmodeltester, demo_ctx):
    gctx = GuiContext(demo_ctx)
    model = RegisterModel(gctx)
    model.set_query(RegisterQuery(status=None))
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.loading, timeout=20_000)
    qtmodeltester.check(model)  # rows still loading ("…")
    _idle(qtbot, gctx)
    assert model.is_complete()
    qtmodeltester.check(model)  # every row cached
    model.sort(COL_STATUS, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not model.loading, timeout=20_000)
    _idle(qtbot, gctx)
    qtmodeltester.check(model)


def test_page_filters_search_and_urgency_colour(qtbot, ctx):
    gp = gp_context(ctx)
    a = add_patient(gp, given="Anna", family="Aalst (fictief)", gp_person_id=gp.user.person_id)
    b = add_patient(gp, given="Bert", family="Bos (fictief)", birth=date(1944, 4, 4))
    reg.mark_patient(gp, reg.MarkingInput(surprise_answer="nee", patient_id=a))
    reg.set_urgency(gp, a, "rood", "pijn")
    reg.add_signal(gp, b, reg.SignalInput(source="naaste", signal_type="niet_pluis"))
    gctx = GuiContext(gp)
    page = RegisterPage(gctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=20_000)
    _idle(qtbot, gctx)
    model = page.model
    qtbot.waitUntil(lambda: model.data(model.index(0, COL_URGENCY)) == "Rood", timeout=10_000)
    assert model.data(model.index(0, COL_URGENCY), Qt.ItemDataRole.DecorationRole).name() == (
        "#d23b2f"
    )
    assert "Complexe" in model.data(model.index(0, COL_URGENCY), Qt.ItemDataRole.ToolTipRole)
    # Search by date of birth, by name; filters.
    QTest.keyClicks(page.search, "04-04-1944")
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.patient_id(0) == b, timeout=10_000)
    page.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
    page.signals.setChecked(True)
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.patient_id(0) == b, timeout=10_000)
    page.signals.setChecked(False)
    qtbot.waitUntil(lambda: page.gp.count() > 1, timeout=10_000)
    page.gp.setCurrentIndex(page.gp.findData(gp.user.person_id))
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.patient_id(0) == a, timeout=10_000)
    page.gp.setCurrentIndex(0)
    page.status.setCurrentIndex(page.status.findData("gemarkeerd"))
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.patient_id(0) == a, timeout=10_000)
    page.status.setCurrentIndex(0)
    page.never.setChecked(True)
    page.no_central.setChecked(True)
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
    # Sorting by clicking the header (descending name).
    page.table.sortByColumn(COL_NAME, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.patient_id(0) == b, timeout=10_000)
    assert page.count.text() == "2 patiënten"  # Qt plural form (%n)
    page.never.setChecked(False)
    page.status.setCurrentIndex(page.status.findData("gemarkeerd"))
    qtbot.waitUntil(lambda: page.count.text() == "1 patiënt", timeout=10_000)


@pytest.mark.slow
def test_typing_in_search_while_a_large_register_loads(qtbot, ctx):
    """Typing at 80 ms per key into a 20,000-patient register: each search ends with its own
    rows, the whole list returns after clearing. (How long the GUI thread may block is a goal
    in tests/benchmarks/bench_gui_typing.py, measured at 100,000 patients.)"""
    demo.add_demo_patients(ctx, 20_000, seed=3, areas=("register",))
    gctx = GuiContext(ctx)
    page = RegisterPage(gctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    everyone = len(reg.register_ids(ctx, page.model.query))
    assert everyone > 1_000
    qtbot.waitUntil(lambda: page.model.rowCount() == everyone, timeout=60_000)
    _idle(qtbot, gctx, 60_000)
    for text in ("jan", "de v", "bakker"):
        page.search.clear()
        for ch in text:
            QTest.keyClick(page.search, ch)
            qtbot.wait(80)
        qtbot.waitUntil(
            lambda text=text: (
                page.model.query.search == text
                and not page.model.loading
                and gctx.runner.pending() == 0
            ),
            timeout=30_000,
        )
        expected = reg.register_ids(gctx.app, page.model.query)
        assert 0 < page.model.rowCount() == len(expected) < everyone
        assert page.model.patient_id(0) == expected[0]
    page.search.clear()
    qtbot.waitUntil(
        lambda: page.model.rowCount() == everyone and not page.model.loading, timeout=30_000
    )


def test_overview_tab_actions(qtbot, ctx):
    from pzmdo.gui.patient_overview_tab import FormDialog, OverviewTab

    gp = gp_context(ctx)
    pid = add_patient(gp, gp_person_id=gp.user.person_id)
    reg.mark_patient(gp, reg.MarkingInput(surprise_answer="nee", patient_id=pid))
    gctx = GuiContext(gp)
    tab = OverviewTab(gctx, pid)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.details is not None, timeout=10_000)
    assert tab.values["status"].text().startswith("Gemarkeerd")
    assert tab.buttons["death"].isEnabled() and not tab.buttons["mark"].isEnabled()

    # Death before the marking: refused in the dialog, which stays open.
    dialog = tab._do_death()
    assert isinstance(dialog, FormDialog)
    dialog.widgets["on"].setValue(date.today() - timedelta(days=366))
    dialog.submit()
    qtbot.waitUntil(lambda: "markeringsdatum" in dialog.error.text(), timeout=10_000)
    assert reg.get_patient(gp, pid).status == "gemarkeerd"
    dialog.widgets["on"].setValue(date.today())
    dialog.widgets["place"].setCurrentIndex(dialog.widgets["place"].findData("thuis"))
    dialog.submit()
    qtbot.waitUntil(
        lambda: tab.details is not None and tab.details.status == "overleden", timeout=10_000
    )
    qtbot.waitUntil(lambda: tab.tasks.count() == 3, timeout=10_000)
    assert not tab.buttons["death"].isEnabled()
    tab.tasks.setCurrentRow(0)
    tab._task_done()
    qtbot.waitUntil(lambda: tab.tasks.count() == 2, timeout=10_000)
    assert tab.history.count() >= 3


def test_import_dialog_check_then_confirm(qtbot, ctx, tmp_path):
    from pzmdo.gui.import_dialog import ImportDialog

    path = tmp_path / "register.csv"
    path.write_bytes(register_csv())
    gctx = GuiContext(ctx)
    dialog = ImportDialog(gctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(path))
    dialog.read_file()
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=10_000)
    assert dialog.combos["family_name"].currentData() == "Achternaam"
    dialog.check()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    report = dialog.report.toPlainText()
    assert "10 rij(en) kunnen worden geïmporteerd." in report and "Rij 16:" in report
    assert reg.list_patients(ctx) == []  # nothing stored before confirming
    dialog.import_button.click()
    qtbot.waitUntil(
        lambda: (
            "10 patients imported" in dialog.report.toPlainText()
            or "10 patiënten" in dialog.report.toPlainText()
        ),
        timeout=10_000,
    )
    assert len(reg.list_patients(ctx)) == 10


def test_marked_patient_without_central_caregiver_is_flagged(qtbot, ctx):
    from pzmdo.gui.register_model import COL_CENTRAL

    gp = gp_context(ctx)
    a = add_patient(gp, given="Cor", family="Claes (fictief)")
    b = add_patient(gp, given="Dien", family="Dekker (fictief)")
    reg.mark_patient(gp, reg.MarkingInput(surprise_answer="nee", patient_id=a))
    gctx = GuiContext(gp)
    model = RegisterModel(gctx)
    model.set_query(RegisterQuery(status=None))
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=20_000)
    _idle(qtbot, gctx)
    row_of = {model.patient_id(r): r for r in range(2)}
    assert row_of[a] is not None
    marked_cell = model.index(row_of[a], COL_CENTRAL)
    signalled_cell = model.index(row_of[b], COL_CENTRAL)
    qtbot.waitUntil(lambda: model.data(marked_cell) not in (None, "…"), timeout=10_000)
    assert model.data(marked_cell) == "⚠ ontbreekt"
    assert "zonder centrale zorgverlener" in model.data(marked_cell, Qt.ItemDataRole.ToolTipRole)
    assert model.data(signalled_cell) == ""
