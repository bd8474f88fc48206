"""Issue 13 item 14: Enter presses a focused button on pages, Enter in the PDF file name
saves (never browses), Ctrl+L locks from meeting mode."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from pzmdo.gui.context import GuiContext
from pzmdo.gui.document_actions import DocumentDialog
from pzmdo.gui.main_window import MainWindow
from pzmdo.gui.meeting_mode import open_meeting_mode
from pzmdo.gui.meetings_page import MeetingsPage, PlanMeetingDialog
from pzmdo.services import meetings as svc


@pytest.fixture
def gctx(demo_ctx, qtbot) -> GuiContext:  # noqa: ANN001
    g = GuiContext(demo_ctx)
    yield g
    g.runner.wait()


def idle(qtbot, gctx) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=20_000)


def test_enter_presses_the_focused_button_on_a_page(qtbot, gctx):
    page = MeetingsPage(gctx)
    qtbot.addWidget(page)
    page.show()
    idle(qtbot, gctx)
    page.plan_button.setFocus()
    qtbot.keyClick(page.plan_button, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: any(isinstance(d, PlanMeetingDialog) and d.isVisible() for d in page._dialogs),
        timeout=5_000,
    )
    idle(qtbot, gctx)


def test_enter_in_the_pdf_file_name_saves(qtbot, gctx, demo_ctx, tmp_path):
    meeting = svc.plan_meeting(demo_ctx, date.today() + timedelta(days=3))
    svc.propose_agenda(demo_ctx, meeting.id)
    dialog = DocumentDialog(gctx, "agenda", meeting_id=meeting.id)
    qtbot.addWidget(dialog)
    dialog.show()
    target = tmp_path / "agenda-fictief.pdf"
    dialog.path.setText(str(target))
    dialog.path.setFocus()
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: target.exists(), timeout=30_000)
    idle(qtbot, gctx)
    assert not [w for w in dialog.findChildren(QFileDialog) if w.isVisible()]


def test_ctrl_l_locks_from_meeting_mode(qtbot, gctx, demo_ctx):
    meeting = svc.plan_meeting(demo_ctx, date.today())
    svc.propose_agenda(demo_ctx, meeting.id)
    svc.accept_all(demo_ctx, meeting.id)
    svc.start_meeting(demo_ctx, meeting.id)
    window = MainWindow(gctx, demo_ctx.db.path, idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.show()
    idle(qtbot, gctx)
    mode = open_meeting_mode(gctx, meeting.id, window, full_screen=False)
    qtbot.addWidget(mode)
    qtbot.waitUntil(lambda: mode.record is not None, timeout=20_000)
    mode.activateWindow()
    qtbot.waitUntil(mode.isActiveWindow, timeout=5_000)
    qtbot.keyClick(mode.notes["fysiek"], Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.is_locked, timeout=5_000)
    assert not mode.isVisible()
    window.idle.stop()
    idle(qtbot, gctx)
