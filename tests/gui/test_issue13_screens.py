"""Issue 13 screenshots at 1280×800 with the application's stylesheet: meeting mode, the
care-plan editor, the unlock error and the agenda builder. Always rendered (a crash while
painting fails the test); written to docs/screenshots only with PZMDO_SCREENSHOTS=1."""

from __future__ import annotations

import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from pzmdo.domain.errors import UnlockError
from pzmdo.gui.careplan_tab import CarePlanTab
from pzmdo.gui.context import GuiContext
from pzmdo.gui.meeting_mode import MeetingMode
from pzmdo.gui.meetings_page import MeetingsPage
from pzmdo.gui.unlock_page import UnlockPage
from pzmdo.services import meetings as svc

SHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("PZMDO_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "pzmdo-test-screenshots"
)
SIZE = (1280, 800)


@pytest.fixture
def styled(qapp):  # noqa: ANN001
    """The stylesheet the application uses (focus rings, drop-down colours)."""
    from pzmdo._data import resources_dir

    before = qapp.styleSheet()
    qapp.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    yield
    qapp.setStyleSheet(before)


def idle(qtbot, gctx) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=30_000)


def shot(widget: QWidget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    suffix = "-150" if os.environ.get("QT_SCALE_FACTOR") else ""
    path = SHOTS / f"{name}{suffix}.png"
    assert widget.grab().save(str(path))
    return path


def test_issue13_screens_at_1280_by_800(qtbot, demo_ctx, styled):
    gctx = GuiContext(demo_ctx)
    meeting = svc.plan_meeting(demo_ctx, date.today() + timedelta(days=1))
    svc.propose_agenda(demo_ctx, meeting.id)

    page = MeetingsPage(gctx)
    qtbot.addWidget(page)
    page.resize(*SIZE)
    page.show()
    page.load_meeting(meeting.id)
    qtbot.waitUntil(lambda: page.meeting is not None and page.meeting.id == meeting.id)
    idle(qtbot, gctx)
    page.agenda_list.setFocus()
    page.agenda_list.setCurrentRow(2)
    qtbot.keyClick(page.agenda_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.items[2].status == "geagendeerd", timeout=10_000)
    idle(qtbot, gctx)
    # Dutch plural forms (%n): "1 punt", never "1 punten".
    qtbot.waitUntil(
        lambda: any(
            page.meeting_list.item(r).text().endswith("· 1 punt")
            for r in range(page.meeting_list.count())
        ),
        timeout=10_000,
    )
    shot(page, "issue13-agenda-builder")

    svc.accept_all(demo_ctx, meeting.id)
    svc.start_meeting(demo_ctx, meeting.id)
    mode = MeetingMode(gctx, meeting.id)
    qtbot.addWidget(mode)
    mode.resize(*SIZE)
    mode.show()
    qtbot.waitUntil(lambda: mode.record is not None and not mode._loading_item, timeout=20_000)
    idle(qtbot, gctx)
    qtbot.keyClicks(mode.notes["fysiek"], "Pijn goed onder controle (fictief)")
    mode.checklist["vptz"].setCurrentIndex(1)
    qtbot.waitUntil(lambda: mode.width() <= SIZE[0])
    shot(mode, "issue13-meeting-mode")
    mode.close()
    idle(qtbot, gctx)

    pid = next(i.patient_id for i in svc.agenda(demo_ctx, meeting.id) if i.patient_id)
    tab = CarePlanTab(gctx, pid)
    qtbot.addWidget(tab)
    tab.resize(*SIZE)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded, timeout=20_000)
    idle(qtbot, gctx)
    shot(tab, "issue13-care-plan-editor")

    unlock_page = UnlockPage(demo_ctx.db.path, gctx.runner)
    unlock_page.setProperty("fitToContents", True)
    qtbot.addWidget(unlock_page)
    unlock_page.resize(640, 420)
    unlock_page.show()
    idle(qtbot, gctx)
    unlock_page._failed(
        UnlockError(
            "De gebruikersnaam of het wachtwoord klopt niet. Controleer beide en probeer het "
            "opnieuw; na vijf pogingen wacht pzmdo een minuut."
        )
    )
    qtbot.wait(50)
    QApplication.processEvents()
    assert (
        unlock_page.message.height()
        >= unlock_page.message.heightForWidth(unlock_page.message.width()) - 2
    )
    shot(unlock_page, "issue13-unlock-error")
