"""Issue 13 items 3-6: meeting mode keeps what was typed across every dialog, the agenda's
Delete removes only what was chosen (with undo), urgent patients come back, a deceased
patient only for the nabespreking, and dialogs open again after a PDF dialog closed."""

from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from pzmdo.domain.agenda import AgendaCandidate, AgendaReason, propose
from pzmdo.gui.context import GuiContext
from pzmdo.gui.meeting_mode import AttendanceDialog, MeetingMode, UrgencyDialog
from pzmdo.gui.meetings_page import MeetingsPage, PlanMeetingDialog
from pzmdo.services import meetings as svc
from pzmdo.services import register


@pytest.fixture
def gctx(demo_ctx, qtbot) -> GuiContext:  # noqa: ANN001
    g = GuiContext(demo_ctx)
    yield g
    g.runner.wait()


def idle(qtbot, gctx) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=20_000)


def _meeting(ctx, *, start: bool) -> int:  # noqa: ANN001
    m = svc.plan_meeting(ctx, date.today() + timedelta(days=1))
    svc.propose_agenda(ctx, m.id)
    if start:
        svc.accept_all(ctx, m.id)
        svc.start_meeting(ctx, m.id)
    return m.id


def _open_mode(qtbot, gctx, meeting_id: int) -> MeetingMode:  # noqa: ANN001
    mode = MeetingMode(gctx, meeting_id)
    qtbot.addWidget(mode)
    mode.resize(1280, 800)
    mode.show()
    qtbot.waitUntil(lambda: mode.record is not None and not mode._loading_item, timeout=20_000)
    idle(qtbot, gctx)
    while mode.current.patient_id is None:
        mode.go(mode.index + 1)
        qtbot.waitUntil(lambda: not mode._loading_item, timeout=20_000)
        idle(qtbot, gctx)
    return mode


def test_meeting_mode_keeps_notes_checklist_and_timer_across_dialogs(qtbot, gctx, demo_ctx):
    mode = _open_mode(qtbot, gctx, _meeting(demo_ctx, start=True))
    item_id = mode.current.id
    qtbot.keyClicks(mode.notes["fysiek"], "Pijn wisselend (fictief)")
    mode.checklist["vptz"].setCurrentIndex(1)
    mode.base_seconds = 300  # five minutes on this patient so far

    def unchanged() -> None:
        assert mode.current.id == item_id
        assert mode.notes["fysiek"].toPlainText() == "Pijn wisselend (fictief)"
        assert mode.checklist["vptz"].currentIndex() == 1
        assert mode.seconds_spent() >= 300

    # Colour → Save.
    mode.change_urgency()
    dialog = mode._dialogs[-1]
    assert isinstance(dialog, UrgencyDialog)
    qtbot.waitUntil(dialog.ok.isEnabled, timeout=10_000)
    dialog.level.setCurrentIndex(dialog.level.count() - 1)
    dialog.ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    idle(qtbot, gctx)
    unchanged()

    # Consultation → Cancel.
    mode.request_consultation()
    consult = mode._dialogs[-1]
    qtbot.waitUntil(consult.isVisible, timeout=10_000)
    idle(qtbot, gctx)
    consult.reject()
    idle(qtbot, gctx)
    unchanged()

    # Attendance (F2) → Save.
    mode.edit_attendance()
    att = mode._dialogs[-1]
    assert isinstance(att, AttendanceDialog)
    qtbot.waitUntil(att.ok.isEnabled, timeout=10_000)
    att.table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    att.ok.click()
    qtbot.waitUntil(lambda: not att.isVisible(), timeout=10_000)
    idle(qtbot, gctx)
    unchanged()

    # And what was typed is also stored (saved before each dialog opened).
    record = svc.discussion(demo_ctx, item_id)
    assert record.notes["fysiek"] == "Pijn wisselend (fictief)"
    assert record.item.seconds_spent >= 300
    mode.close()
    idle(qtbot, gctx)


def _page(qtbot, gctx) -> MeetingsPage:  # noqa: ANN001
    page = MeetingsPage(gctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    idle(qtbot, gctx)
    return page


def test_agenda_delete_removes_only_the_chosen_item_and_can_be_undone(qtbot, gctx, demo_ctx):
    meeting_id = _meeting(demo_ctx, start=False)
    page = _page(qtbot, gctx)
    page.load_meeting(meeting_id)
    qtbot.waitUntil(lambda: page.meeting is not None and page.meeting.id == meeting_id)
    idle(qtbot, gctx)
    count = len(page.items)
    assert count > 5

    # Accept proposal 3 with Enter: afterwards exactly one row is selected, the same one.
    page.agenda_list.setFocus()
    page.agenda_list.setCurrentRow(2)
    accepted = page.items[2].id
    qtbot.keyClick(page.agenda_list, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: next(i for i in page.items if i.id == accepted).status == "geagendeerd",
        timeout=10_000,
    )
    idle(qtbot, gctx)
    assert len(page.agenda_list.selectedItems()) == 1
    assert page.agenda_list.currentRow() == 2
    # Down + Enter accepts the next one (not row 2 again).
    qtbot.keyClick(page.agenda_list, Qt.Key.Key_Down)
    following = page.items[3].id
    qtbot.keyClick(page.agenda_list, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: next(i for i in page.items if i.id == following).status == "geagendeerd",
        timeout=10_000,
    )
    idle(qtbot, gctx)
    assert page.agenda_list.currentRow() == 3
    assert len(page.agenda_list.selectedItems()) == 1

    # Delete removes that one item only; Undo puts it back as it was.
    qtbot.keyClick(page.agenda_list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(page.items) == count - 1, timeout=10_000)
    idle(qtbot, gctx)
    assert following not in [i.id for i in page.items]
    assert page.undo_button.isVisible()
    page.undo_button.click()
    qtbot.waitUntil(lambda: len(page.items) == count, timeout=10_000)
    idle(qtbot, gctx)
    assert next(i for i in page.items if i.id == following).status == "geagendeerd"

    # Several chosen: Delete asks first and names them; "keep" removes nothing.
    page.agenda_list.item(0).setSelected(True)
    page.agenda_list.item(1).setSelected(True)
    qtbot.keyClick(page.agenda_list, Qt.Key.Key_Delete)
    box = page.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    keep = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    keep.click()
    idle(qtbot, gctx)
    assert len(page.items) == count


def test_removed_patient_is_proposed_again_when_urgent(demo_ctx):
    meeting_id = _meeting(demo_ctx, start=False)
    items = svc.agenda(demo_ctx, meeting_id)
    routine = next(i for i in items if i.reason == "periodic_review_or_never_discussed")
    svc.remove_items(demo_ctx, [routine.id])
    svc.propose_agenda(demo_ctx, meeting_id)
    assert routine.patient_id not in [i.patient_id for i in svc.agenda(demo_ctx, meeting_id)]
    now = register.get_patient(demo_ctx, routine.patient_id).urgency
    level = next(lv for lv in register.urgency_levels_for(demo_ctx) if lv.code != now)
    register.set_urgency(demo_ctx, routine.patient_id, level.code, "verslechterd (fictief)")
    svc.propose_agenda(demo_ctx, meeting_id)
    again = [i for i in svc.agenda(demo_ctx, meeting_id) if i.patient_id == routine.patient_id]
    assert len(again) == 1 and again[0].status == "voorgesteld"
    assert again[0].reason == "urgency_changed"


def test_deceased_patient_only_for_the_nabespreking():
    day = date(2026, 11, 3)
    candidates = [
        AgendaCandidate(1, AgendaReason.PERIODIC_REVIEW_OR_NEVER_DISCUSSED, "nog nooit besproken"),
        AgendaCandidate(
            1, AgendaReason.OPEN_CONSULTATION_OR_OVERDUE_ACTION, "VPTZ-inzet bespreken met patiënt"
        ),
        AgendaCandidate(1, AgendaReason.DECEASED, "overleden op 03-11-2026 (thuis)", day),
        AgendaCandidate(2, AgendaReason.OPEN_CONSULTATION_OR_OVERDUE_ACTION, "open actie: bellen"),
        AgendaCandidate(3, AgendaReason.PERIODIC_REVIEW_OR_NEVER_DISCUSSED, "nog nooit besproken"),
    ]
    (first, third) = propose(candidates, deceased={1, 2})
    assert first.patient_id == 1 and first.reasons == (AgendaReason.DECEASED,)
    assert "VPTZ" not in first.detail and "Nabespreking" in first.detail
    assert third.patient_id == 3  # patient 2 died earlier: no action review after death


def test_dialogs_open_again_after_a_pdf_dialog_closed(qtbot, gctx, demo_ctx):
    meeting_id = _meeting(demo_ctx, start=False)
    page = _page(qtbot, gctx)
    page.load_meeting(meeting_id)
    qtbot.waitUntil(lambda: page.meeting is not None and page.meeting.id == meeting_id)
    page.make_document("agenda")
    document = page._dialogs[-1]
    qtbot.waitUntil(document.isVisible, timeout=10_000)
    document.reject()  # WA_DeleteOnClose: Qt deletes the C++ dialog
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    idle(qtbot, gctx)
    page.plan_meeting()
    planned = page._dialogs[-1]
    assert isinstance(planned, PlanMeetingDialog) and planned.isVisible()
    planned.reject()
    idle(qtbot, gctx)


def test_meeting_cannot_close_before_its_date_and_next_review_follows_the_agenda(demo_ctx):
    from pzmdo.domain.errors import TransitionError

    later = _meeting(demo_ctx, start=True)  # tomorrow
    with pytest.raises(TransitionError, match="pas op die dag"):
        svc.close_meeting(demo_ctx, later)
    on_agenda = next(i for i in svc.agenda(demo_ctx, later) if i.patient_id is not None)
    # Already on tomorrow's agenda: "Volgende bespreking" says tomorrow, not empty.
    patient = register.get_patient(demo_ctx, on_agenda.patient_id)
    assert patient.next_review_on == date.today() + timedelta(days=1)
    closed = svc.close_meeting(demo_ctx, later, today=date.today() + timedelta(days=1))
    assert closed.read_only


def test_agenda_pdf_numbers_like_the_screen_and_the_screen_warns_on_time(
    qtbot, gctx, demo_ctx, tmp_path
):
    from pypdf import PdfReader

    from pzmdo.services import documents, settings

    meeting_id = _meeting(demo_ctx, start=False)
    svc.accept_all(demo_ctx, meeting_id)
    items = svc.agenda(demo_ctx, meeting_id)
    svc.remove_items(demo_ctx, [items[2].id])  # a gap in the stored positions
    settings.set_setting(demo_ctx, settings.MEETING_MINUTES, 30)
    shown = [i for i in svc.agenda(demo_ctx, meeting_id) if i.status != "voorgesteld"]
    out = tmp_path / "agenda.pdf"
    documents.produce(demo_ctx, "agenda", out, meeting_id=meeting_id)
    assert len(PdfReader(str(out)).pages) >= 2
    layout = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    rows = re.findall(r"^(\d+)\s{2,}\S", layout, flags=re.MULTILINE)
    assert [int(n) for n in rows] == list(range(1, len(shown) + 1))
    first_page = layout.split("\f")[0]
    assert "Te bespreken" in first_page and re.search(r"^1\s{2,}\S", first_page, re.MULTILINE)

    page = _page(qtbot, gctx)
    page.load_meeting(meeting_id)
    qtbot.waitUntil(lambda: "te veel" in page.budget.text(), timeout=10_000)
    assert "van de 30 minuten" in page.budget.text()
    # The PDF dialog suggests a name with the meeting's date, not today's.
    page.make_document("agenda")
    dialog = page._dialogs[-1]
    assert (date.today() + timedelta(days=1)).isoformat() in dialog.path.text()
    dialog.reject()
    idle(qtbot, gctx)


def test_decisions_and_actions_can_be_corrected_until_the_meeting_closes(qtbot, gctx, demo_ctx):
    from pzmdo.gui.meeting_mode import ActionDialog

    meeting_id = _meeting(demo_ctx, start=True)
    mode = _open_mode(qtbot, gctx, meeting_id)
    item_id = mode.current.id
    qtbot.keyClicks(mode.decision_field, "Morfine starten (fictief)")
    qtbot.keyClick(mode.decision_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: mode.decision_list.count() == 1, timeout=10_000)
    qtbot.keyClicks(mode.action_what, "Apotheek bellen (fictief)")
    qtbot.keyClick(mode.action_what, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: mode.action_list.count() == 1, timeout=10_000)
    idle(qtbot, gctx)

    # Enter on the decision opens it for correction.
    mode.decision_list.setFocus()
    mode.decision_list.setCurrentRow(0)
    qtbot.keyClick(mode.decision_list, Qt.Key.Key_Return)
    dialog = mode._dialogs[-1]
    dialog.text.setPlainText("Morfine 5 mg starten (fictief)")
    dialog.ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    # And the action: a new due date.
    mode.action_list.setFocus()
    mode.action_list.setCurrentRow(0)
    qtbot.keyClick(mode.action_list, Qt.Key.Key_Return)
    edit = mode._dialogs[-1]
    assert isinstance(edit, ActionDialog)
    due = date.today() + timedelta(days=3)
    edit.due.setValue(due)
    edit.ok.click()
    qtbot.waitUntil(lambda: not edit.isVisible(), timeout=10_000)
    idle(qtbot, gctx)
    record = svc.discussion(demo_ctx, item_id)
    assert [d.text for d in record.decisions] == ["Morfine 5 mg starten (fictief)"]
    assert [a.due for a in record.actions] == [due]
    assert mode.decision_list.item(0).text() == "Morfine 5 mg starten (fictief)"
    mode.close()
    idle(qtbot, gctx)

    svc.close_meeting(demo_ctx, meeting_id, today=date.today() + timedelta(days=1))
    from pzmdo.domain.errors import PzmdoError

    with pytest.raises(PzmdoError):
        svc.update_decision(demo_ctx, record.decisions[0].id, "achteraf gewijzigd")


def test_closed_record_names_people_not_logins(demo_ctx):
    meeting_id = _meeting(demo_ctx, start=True)
    info = svc.close_meeting(demo_ctx, meeting_id, today=date.today() + timedelta(days=1))
    svc.amend(demo_ctx, meeting_id, "Aanvulling (fictief)")
    record = svc.meeting_record(demo_ctx, meeting_id)
    assert info.closed_by == demo_ctx.user.name != demo_ctx.user.login
    assert [a.by for a in record.amendments] == [demo_ctx.user.name]
