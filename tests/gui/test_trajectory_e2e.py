"""Issue 17 end to end with real widgets: admitted to hospital, the specialist contacted,
transferred to a hospice with warme overdracht and a new centrale zorgverlener, dies there;
the next agenda proposes only the nabespreking; the review is recorded in meeting mode;
the knelpunten list shows it. With PZMDO_SCREENSHOTS=1 it saves docs/screenshots/
trajectory-transfer-dialog.png, trajectory-tab.png, trajectory-review.png, lessons-page.png."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from pzmdo.gui.context import GuiContext
from pzmdo.gui.lessons_page import LessonsPage
from pzmdo.gui.meeting_mode import MeetingMode
from pzmdo.gui.trajectory_dialogs import ContactDialog, ReviewDialog, TransferDialog
from pzmdo.gui.trajectory_tab import TrajectoryTab
from pzmdo.services import careteam, meetings, register, trajectory
from pzmdo.store.models import Patient
from pzmdo.store.models.register import FollowUpTask
from tests.gui.test_meeting_e2e import dutch, idle, shot  # noqa: F401
from tests.services.test_trajectory import marked, person

TODAY = date.today()


def choose(combo, code: str) -> None:
    combo.setCurrentIndex(combo.findData(code))


def ok(qtbot, gctx, dialog) -> None:
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    idle(qtbot, gctx)


def test_patient_trajectory_to_nabespreking(qtbot, ctx, dutch):  # noqa: F811
    pid = marked(ctx, "Traject (fictief)", hospital="Ziekenhuis Noord (fictief)")
    gp = person(ctx, "Dr. A. Jansen (fictief)")
    hospice_doctor = person(ctx, "Dr. H. Linde (fictief)", "specialist_ouderengeneeskunde")
    careteam.set_central_caregiver(ctx, pid, gp, "Eigen huisarts", on=TODAY - timedelta(days=50))
    meetings.save_team(
        ctx, name="Kernteam Noord (fictief)", kind="kernteam", cadence_weeks=4,
        review_interval_weeks=8, members=[],
    )  # fmt: skip
    gctx = GuiContext(ctx)
    tab = TrajectoryTab(gctx, pid)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitUntil(lambda: tab.loads == 1, timeout=10_000)
    assert tab.transfers.rowCount() == 0 and not tab.after.isVisible()

    # -- admitted to hospital ------------------------------------------------------------
    qtbot.mouseClick(tab.transfer_button, Qt.MouseButton.LeftButton)
    d = tab.dialog
    assert isinstance(d, TransferDialog)
    d.on.setValue(TODAY - timedelta(days=12))
    choose(d.from_setting, "thuis")
    choose(d.to_setting, "ziekenhuis")
    qtbot.keyClicks(d.to_name, "Ziekenhuis Noord (fictief)")
    qtbot.keyClicks(d.reason, "Opname met longontsteking")
    ok(qtbot, gctx, d)
    qtbot.waitUntil(lambda: tab.transfers.rowCount() == 1, timeout=10_000)

    # -- the specialist contacted: closes the task "tweede lijn informeren" ---------------
    qtbot.mouseClick(tab.contact_button, Qt.MouseButton.LeftButton)
    c = tab.dialog
    assert isinstance(c, ContactDialog)
    c.on.setValue(TODAY - timedelta(days=11))
    choose(c.direction, "uitgaand")
    choose(c.channel, "telefoon")
    qtbot.keyClicks(c.counterpart, "Dr. Long (fictief)")
    qtbot.keyClicks(c.subject, "Markering en beleid doorgesproken")
    choose(c.received, "markering_acp")
    ok(qtbot, gctx, c)
    qtbot.waitUntil(lambda: tab.contacts.rowCount() == 1, timeout=10_000)
    with ctx.read() as s:
        task = s.scalars(
            select(FollowUpTask).where(
                FollowUpTask.patient_id == pid, FollowUpTask.kind == "tweede_lijn_informeren"
            )
        ).one()
        assert task.done_on == TODAY

    # -- to the hospice: warme overdracht and a new centrale zorgverlener in one step ------
    qtbot.mouseClick(tab.transfer_button, Qt.MouseButton.LeftButton)
    h = tab.dialog
    assert isinstance(h, TransferDialog)
    assert h.from_setting.currentData() == "ziekenhuis"  # from where the patient is now
    assert h.to_setting.currentData() == "hospice"
    qtbot.waitUntil(lambda: h.new_cz.is_loaded and h.by.is_loaded, timeout=10_000)
    h.on.setValue(TODAY - timedelta(days=6))
    qtbot.keyClicks(h.to_name, "Hospice De Linde (fictief)")
    qtbot.keyClicks(h.reason, "Wens van patient: sterven in het hospice")
    h.by.set_person_id(gp)
    qtbot.keyClicks(h.to_whom, "Verpleegkundige J. Wit (fictief)")
    h.items["medicatie"].setChecked(True)
    h.confirmed.setChecked(True)
    h.new_cz.set_person_id(hospice_doctor)
    h.resize(760, h.sizeHint().height())
    shot(h, "trajectory-transfer-dialog")
    ok(qtbot, gctx, h)
    qtbot.waitUntil(lambda: tab.transfers.rowCount() == 2, timeout=10_000)
    assert "Hospice" in tab.where.text()
    with ctx.read() as s:
        assert s.get(Patient, pid).central_caregiver_id == hospice_doctor
    assert "Dr. H. Linde" in tab.transfers.item(1, 6).text()
    assert tab.steps.rowCount() == 1  # hospice referral step "opgenomen"

    # -- dies there ----------------------------------------------------------------------
    register.record_death(ctx, pid, register.DeathInput(TODAY - timedelta(days=2), place="hospice"))
    idle(qtbot, gctx)
    qtbot.waitUntil(lambda: tab.after.isVisible(), timeout=10_000)
    shot(tab, "trajectory-tab")

    # -- the next agenda: only the nabespreking -------------------------------------------
    meeting = meetings.plan_meeting(ctx, TODAY)
    proposal = [i for i in meetings.propose_agenda(ctx, meeting.id) if i.patient_id == pid]
    assert [(i.reason, i.reasons) for i in proposal] == [("deceased", ("deceased",))]
    meetings.accept_all(ctx, meeting.id)
    meetings.start_meeting(ctx, meeting.id)

    mode = MeetingMode(gctx, meeting.id)
    qtbot.addWidget(mode)
    mode.resize(1280, 800)
    mode.show()
    qtbot.waitUntil(lambda: mode.record is not None and not mode._loading_item, timeout=20_000)
    idle(qtbot, gctx)
    while mode.current is not None and mode.current.patient_id != pid:
        mode.go(mode.index + 1, save=False)
        qtbot.waitUntil(lambda: mode.record is not None and not mode._loading_item)
        idle(qtbot, gctx)
    assert mode.review_button.isVisible() and mode.review_button.isEnabled()
    for living in (mode.caregiver_button, mode.urgency_button, mode.consult_button):
        assert not living.isEnabled()  # no living-patient actions after death
    qtbot.mouseClick(mode.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(x, ReviewDialog) for x in mode._dialogs), timeout=10_000)
    r = next(x for x in mode._dialogs if isinstance(x, ReviewDialog))
    choose(r.expected, "ja")
    choose(r.hap, "nee")
    choose(r.ambulance, "ja")
    qtbot.keyClicks(r.went_well, "Warme overdracht naar het hospice")
    qtbot.keyClicks(r.knel, "Zorgplan niet bekend bij de HAP")
    qtbot.keyClicks(r.leer, "Noodblad direct naar de HAP sturen")
    shot(r, "trajectory-review")
    ok(qtbot, gctx, r)
    with ctx.read() as s:
        done = s.scalars(
            select(FollowUpTask.done_on).where(
                FollowUpTask.patient_id == pid, FollowUpTask.kind == "nabespreking"
            )
        ).one()
        assert done == TODAY
    later = meetings.plan_meeting(ctx, TODAY + timedelta(days=28))
    assert all(i.patient_id != pid for i in meetings.propose_agenda(ctx, later.id))

    # -- the knelpunten list shows it, without patient data --------------------------------
    page = LessonsPage(gctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=10_000)
    idle(qtbot, gctx)
    cells = [
        [page.table.item(row, col).text() for col in range(4)]
        for row in range(page.table.rowCount())
    ]
    assert ["Kernteam Noord (fictief)", TODAY.strftime("%Y-%m"), "knelpunt",
            "Zorgplan niet bekend bij de HAP"] in cells  # fmt: skip
    assert not any("Traject" in cell for row in cells for cell in row)
    shot(page, "lessons-page")
    for w in (tab, mode, page):
        w.close()
    assert isinstance(tab, QWidget)


def test_trigger_settings_dialog_saves_the_team_choice(qtbot, ctx):
    from pzmdo.domain.agenda_triggers import Trigger
    from pzmdo.gui.trigger_settings_dialog import TriggerSettingsDialog

    gctx = GuiContext(ctx)
    dialog = TriggerSettingsDialog(gctx)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert all(c.isChecked() for c in dialog.checks.values())  # the defaults: all on
    dialog.checks[Trigger.NO_CENTRAL_CAREGIVER].setChecked(False)
    dialog.careplan_weeks.setValue(6)
    ok(qtbot, gctx, dialog)
    saved = meetings.trigger_settings(ctx)
    assert Trigger.NO_CENTRAL_CAREGIVER not in saved.enabled and saved.careplan_weeks == 6


def test_transfer_without_a_date_says_so_and_stores_nothing(qtbot, ctx, dutch):  # noqa: F811
    pid = marked(ctx, "Zonderdatum (fictief)")
    gctx = GuiContext(ctx)
    dialog = TransferDialog(gctx, None, pid, "ziekenhuis")
    qtbot.addWidget(dialog)
    dialog.show()
    idle(qtbot, gctx)
    dialog.on.setText("")
    dialog.submit()
    assert "datum" in dialog.error.text().lower() and dialog.isVisible()
    idle(qtbot, gctx)
    assert trajectory.list_transfers(ctx, pid) == []
