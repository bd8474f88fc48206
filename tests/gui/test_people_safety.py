"""Issue 13 items 10 and 11: a new patient marked by a GP gets that GP as huisarts and the
confirmation names the patient; the centrale zorgverlener dialog offers only who can
qualify and pre-selects nobody; a GP account links to (never duplicates) the directory."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow

from pzmdo.domain.errors import ValidationError
from pzmdo.gui.admin_page import AddUserDialog
from pzmdo.gui.context import GuiContext
from pzmdo.gui.marking_dialog import open_marking_dialog
from pzmdo.gui.meeting_mode import CaregiverDialog
from pzmdo.services import directory, register, users
from pzmdo.services import meetings as svc
from pzmdo.services.directory import PersonInput
from tests.conftest import PASSWORD
from tests.support.register_helpers import gp_context


def idle(qtbot, gctx) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=20_000)


def test_new_patient_marked_by_a_gp_gets_that_gp_and_a_named_confirmation(qtbot, ctx):
    gp = gp_context(ctx)
    gctx = GuiContext(gp)
    window = QMainWindow()
    qtbot.addWidget(window)
    gctx.main_window = window
    dialog = open_marking_dialog(gctx, window)
    qtbot.waitUntil(lambda: dialog.marked_by.currentData() == gp.user.person_id, timeout=10_000)
    dialog.new_button.setChecked(True)
    dialog.given.setText("Bert")
    dialog.family.setText("Bos (fictief)")
    dialog.birth.setText("01-02-1940")
    dialog.answer_no.setChecked(True)
    dialog.submit()
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=10_000)
    idle(qtbot, gctx)
    (found,) = register.search_patients(gp, "bos")
    assert register.get_patient(gp, found.id).gp_name == gp.user.name
    message = window.statusBar().currentMessage()
    assert "Bert Bos (fictief)" in message and date.today().strftime("%d-%m-%Y") in message


def test_central_caregiver_dialog_offers_only_who_can_qualify(qtbot, demo_ctx):
    gctx = GuiContext(demo_ctx)
    pharmacy = directory.add_person(
        demo_ctx, PersonInput(name="Apotheek De Linde (fictief)", discipline="apotheker")
    )
    meeting = svc.plan_meeting(demo_ctx, date.today() + timedelta(days=1))
    proposal = svc.propose_agenda(demo_ctx, meeting.id)
    patient_id = next(i.patient_id for i in proposal if i.patient_id)
    dialog = CaregiverDialog(gctx, patient_id, svc.get_meeting(demo_ctx, meeting.id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.person.is_loaded, timeout=10_000)
    offered = [dialog.person.itemData(i) for i in range(1, dialog.person.count())]
    assert offered and pharmacy.id not in offered
    assert all(dialog.person.persons[pid].big_registered for pid in offered)
    assert dialog.person.person_id is None  # nothing chosen for the user
    dialog.submit()
    assert dialog.error.isVisible() and "BIG" in dialog.error.text()
    dialog.person.setCurrentIndex(1)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    idle(qtbot, gctx)


def test_a_gp_account_links_to_the_directory_entry(qtbot, ctx):
    gctx = GuiContext(ctx)
    entry = directory.add_person(
        ctx,
        PersonInput(name="Dr. K. Kuiper (fictief)", discipline="huisarts", big_registered=True),
    )
    with pytest.raises(ValidationError, match="staat al in de zorgverlenerslijst"):
        users.add_user(
            ctx,
            login="kuiper",
            name="dr. k. kuiper (fictief)",
            role=users.Role.HUISARTS,
            password=PASSWORD,
        )
    dialog = AddUserDialog(gctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.existing.is_loaded, timeout=10_000)
    dialog.existing.set_person_id(entry.id)
    assert dialog.name.text() == entry.name and not dialog.name.isEnabled()
    assert dialog.big.isChecked()
    dialog.login.setText("kuiper")
    dialog.role.setCurrentIndex(dialog.role.findData("huisarts"))
    dialog.password.setText(PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    idle(qtbot, gctx)
    account = next(u for u in users.list_users(ctx) if u.login == "kuiper")
    assert account.person_id == entry.id
    assert [p.name for p in directory.list_persons(ctx)].count(entry.name) == 1
    assert QApplication.instance() is not None
