"""Open actions can be marked done; they then leave the list (and the next agenda)."""

from PySide6.QtCore import Qt

from pzmdo.gui.actions_dialog import OpenActionsDialog
from pzmdo.gui.context import GuiContext
from pzmdo.gui.meetings_page import MeetingsPage
from pzmdo.services import meetings
from pzmdo.services.audit_log import list_audit


def test_mark_an_open_action_done_by_keyboard(qtbot, demo_ctx):
    before = meetings.open_actions(demo_ctx)
    done_before = {e.id for e in list_audit(demo_ctx) if e.action == "meeting_action_done"}
    assert before, "the demo has open actions"
    gctx = GuiContext(demo_ctx)
    page = MeetingsPage(gctx)
    qtbot.addWidget(page)
    page.show()
    page.actions_button.click()
    dialog = page.findChild(OpenActionsDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == len(before), timeout=20_000)
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    qtbot.keyClicks(dialog.note, "Gebeld met de apotheek")
    qtbot.keyClick(dialog.done_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == len(before) - 1, timeout=20_000)
    assert "Afgerond" in dialog.status.text()
    assert before[0].id not in {a.id for a in meetings.open_actions(demo_ctx)}
    done = [
        e
        for e in list_audit(demo_ctx)
        if e.action == "meeting_action_done" and e.id not in done_before
    ]
    assert [e.entity_id for e in done] == [before[0].id]
    dialog.close()
    gctx.runner.wait()
