"""Issue 10, deliver 3 in the GUI: a stale care-plan save is refused, the user's own text
stays visible to copy, and the screen offers (and does) a reload."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtTest import QTest

from pzmdo.domain.careplan import CarePlanContent
from pzmdo.gui.careplan_tab import CarePlanTab
from pzmdo.gui.conflict import ConflictDialog
from pzmdo.gui.context import GuiContext
from pzmdo.services import careplan
from tests.services.test_careplan import new_patient
from tests.support.register_helpers import gp_context

SHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("PZMDO_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "pzmdo-test-screenshots"
)


def test_stale_care_plan_save_offers_reload_and_keeps_my_text(qtbot, ctx):
    pid = new_patient(ctx)
    careplan.save_plan(ctx, pid, CarePlanContent(wishes="Eerste wens (fictief)"))
    gctx = GuiContext(ctx)
    tab = CarePlanTab(gctx, pid)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded, timeout=20_000)

    # Meanwhile a GP on another workstation saves version 2.
    gp = gp_context(ctx)
    careplan.save_plan(
        gp, pid, CarePlanContent(wishes="Wens van de huisarts (fictief)"), expected_version=1
    )

    tab.editor.wishes.setFocus()
    tab.editor.wishes.selectAll()
    QTest.keyClicks(tab.editor.wishes, "Mijn nieuwe tekst (fictief)")
    tab.save()
    qtbot.waitUntil(
        lambda: isinstance(getattr(tab, "conflict", None), ConflictDialog), timeout=20_000
    )
    dialog = tab.conflict
    assert "intussen gewijzigd door Dr. H. Huisman (fictief)" in dialog.message.text()
    assert "Mijn nieuwe tekst (fictief)" in dialog.mine.toPlainText()
    assert careplan.current_plan(ctx, pid).version == 2  # nothing of mine was stored
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "conflict-careplan.png"))

    dialog.reload_button.click()
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.version == 2, timeout=20_000)
    assert tab.editor.value().wishes == "Wens van de huisarts (fictief)"
    assert "Mijn nieuwe tekst (fictief)" in dialog.mine.toPlainText()  # still there to copy
    dialog.close()
    gctx.runner.wait()
