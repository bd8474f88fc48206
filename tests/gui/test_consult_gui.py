"""Consultation screens with real widgets (offscreen) on a real encrypted database."""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from pzmdo.domain.enums import Role
from pzmdo.gui.context import GuiContext
from pzmdo.services import consultations as svc
from pzmdo.services.context import AppContext
from tests.services.test_consultations import add_patient, add_person
from tests.support.roles import with_roles

# Screens are always rendered; they replace the committed review images only on request.
SHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("PZMDO_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "pzmdo-test-screenshots"
)


@pytest.fixture(scope="module")
def dutch(qapp):  # noqa: ANN001
    from pzmdo.gui.app import install_translations

    translators = install_translations(qapp)
    yield
    for tr in translators:
        qapp.removeTranslator(tr)


@pytest.fixture
def ctx(ctx: AppContext) -> AppContext:
    """A GP who is also kaderarts palliatieve zorg: requests and gives advice."""
    return with_roles(ctx, Role.SPECIALIST_PZ)


@pytest.fixture
def gctx(ctx: AppContext, dutch, qtbot) -> GuiContext:  # noqa: ANN001
    g = GuiContext(ctx)
    # A message box would block the test: collect errors instead and fail on them.
    g.errors = []  # type: ignore[attr-defined]
    g.show_error = lambda exc, parent=None: g.errors.append(exc)  # type: ignore[method-assign]
    g.runner.error_handler = g.show_error
    yield g
    g.runner.wait()
    assert not g.errors, g.errors


@pytest.fixture
def world(ctx: AppContext) -> dict[str, int]:
    consultant = add_person(ctx, "Dr. K. Consulent (fictief)")
    team = svc.save_team(
        ctx,
        None,
        name="STOP Zuid (fictief)",
        team_type="stop",
        subregion="Zuid",
        phone_office="0592-000101",
        phone_anw="0592-000199",
        member_ids=[consultant],
    )
    return {"patient": add_patient(ctx), "team": team, "consultant": consultant}


def _qdt(dt: datetime) -> QDateTime:
    return QDateTime(dt.replace(tzinfo=None))


def fill_request(qtbot, dialog, question: str = "Onrust in de nacht (fictief)") -> None:  # noqa: ANN001
    qtbot.waitUntil(dialog.ok.isEnabled, timeout=10_000)
    qtbot.keyClicks(dialog.question, question)
    dialog.mode.setCurrentIndex(dialog.mode.findData("bedside"))
    dialog.complexity["complex"].click()
    dialog.dimensions["psychisch"].click()
    dialog.dimensions["sociaal"].click()


def test_request_dialog_shows_matching_number_and_stores(qtbot, gctx, world):
    from pzmdo.gui.consult_request_dialog import open_consult_request

    dialog = open_consult_request(gctx, None, world["patient"])
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.ok.isEnabled, timeout=10_000)
    assert "Testpersoon" in dialog.patient.text()
    assert dialog.ok.text() == "&Aanvragen"
    # A Wednesday afternoon is office hours; Saturday morning is ANW.
    dialog.at.setDateTime(QDateTime(2025, 11, 26, 14, 0, 0))
    assert "Kantoortijd" in dialog.phone.text() and "0592-000101" in dialog.phone.text()
    dialog.at.setDateTime(QDateTime(2025, 11, 29, 10, 0, 0))
    assert "ANW" in dialog.phone.text() and "0592-000199" in dialog.phone.text()

    # Without a question: a Dutch message in the dialog, nothing stored.
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert "consultatievraag" in dialog.error.text()
    assert dialog.isVisible() and svc.list_consultations(gctx.app) == []

    fill_request(qtbot, dialog)
    with qtbot.waitSignal(dialog.submitted, timeout=10_000) as sig:
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    info = svc.get_consultation(gctx.app, sig.args[0])
    assert info.mode == "bedside" and info.complexity == "complex"
    assert info.dimensions == ("psychisch", "sociaal")
    assert info.time_window == "anw" and info.phone == "0592-000199"
    assert info.requested_by_name == "Bea Beheer (fictief)"


def test_request_dialog_is_keyboard_usable(qtbot, gctx, world):
    from pzmdo.gui.consult_request_dialog import ConsultRequestDialog

    dialog = ConsultRequestDialog(gctx, world["patient"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.ok.isEnabled, timeout=10_000)
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateTimeEdit, QPlainTextEdit

    kinds = (QComboBox, QDateTimeEdit, QPlainTextEdit, QAbstractButton)
    for w in dialog.findChildren(QWidget):
        if isinstance(w, kinds) and w.isVisible():
            assert w.accessibleName() or w.text(), w
    # Reading order: team → requested by → date/time → question → mode → complexity.
    chain = [dialog.team]
    for _ in range(5):
        chain.append(chain[-1].nextInFocusChain())
        while not chain[-1].focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain[-1] = chain[-1].nextInFocusChain()
    assert chain[1] is dialog.requested_by
    assert dialog.at in (chain[2], chain[2].parent())
    dialog.close()


def test_patient_tab_request_advice_closes_it(qtbot, gctx, world):
    from pzmdo.gui.consult_widgets import AdviceDialog
    from pzmdo.gui.patient_consultations_tab import create_tab

    tab = create_tab(gctx, world["patient"])
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: "Nog geen consultaties" in tab.summary.text(), timeout=10_000)
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.addWidget(dialog)
    fill_request(qtbot, dialog)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: tab.detail.info is not None, timeout=10_000)
    assert tab.model.rows[0].status_label == "Aangevraagd"
    assert "1 wacht op advies" in tab.summary.text() or "1 consultatie" in tab.summary.text()
    assert tab.detail.advice_button.isEnabled() and not tab.detail.close_button.isEnabled()

    advice = tab.detail.record_advice()
    assert isinstance(advice, AdviceDialog)
    qtbot.addWidget(advice)
    assert advice.close_too.isChecked()
    qtbot.keyClicks(advice.advice, "- Start midazolam (fictief)")
    qtbot.mouseClick(advice.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: tab.model.rows and tab.model.rows[0].status == "afgesloten", timeout=10_000
    )
    assert svc.list_consultations(gctx.app, open_only=True) == []
    assert "Start midazolam" in tab.detail.text.toPlainText()
    assert not tab.detail.cancel_button.isEnabled()


def test_overview_lists_open_and_overdue_and_manages_teams(qtbot, gctx, world):
    from pzmdo.gui.consultations_page import create_page

    now = datetime.now(UTC)
    late = svc.request_consultation(
        gctx.app, world["patient"], team_id=world["team"], question="Pijn (fictief)",
        mode="telefonisch", complexity="middel", requested_at=now - timedelta(days=10),
    )  # fmt: skip
    svc.request_consultation(
        gctx.app, world["patient"], team_id=world["team"], question="Angst (fictief)",
        mode="bedside", complexity="laag", requested_at=now - timedelta(minutes=3),
    )  # fmt: skip
    page = create_page(gctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: page.open_list.model.rowCount() == 2, timeout=10_000)
    assert page.open_list.model.rows[0].id == late  # overdue first
    assert "waarvan 1 te laat" in page.open_list.summary.text()
    qtbot.waitUntil(lambda: page.overdue_list.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: page.per_team.table.rowCount() == 1, timeout=10_000)
    assert page.per_team.table.item(0, 3).text() == "2"

    # Threshold: 20 working days → nothing overdue any more.
    page.overdue_list.threshold.setValue(20)
    qtbot.mouseClick(page.overdue_list.save_threshold, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.overdue_list.model.rowCount() == 0, timeout=10_000)
    assert svc.overdue_threshold(gctx.app) == 20

    # Cancel from the overview: a reason is required (Dutch, inline), then it leaves the list.
    page.setCurrentWidget(page.open_list)
    page.open_list.table.selectRow(0)
    dialog = page.open_list.detail.cancel()
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert "reden" in dialog.error.text()
    qtbot.keyClicks(dialog.reason, "Vraag vervallen (fictief)")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.open_list.model.rowCount() == 1, timeout=10_000)

    # Teams: add a PACT team through the form.
    teams = page.teams
    page.setCurrentWidget(teams)
    qtbot.waitUntil(lambda: teams.list.count() == 1 and teams.members.count() > 0, timeout=10_000)
    qtbot.mouseClick(teams.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(teams.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(teams.error.isVisible, timeout=10_000)
    assert "naam" in teams.error.text()
    qtbot.keyClicks(teams.name, "PACT Ziekenhuis (fictief)")
    teams.kind.setCurrentIndex(teams.kind.findData("pact"))
    qtbot.keyClicks(teams.phone_office, "088-0000101")
    teams.members.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(teams.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: teams.list.count() == 2, timeout=10_000)
    pact = next(t for t in svc.list_teams(gctx.app) if t.team_type == "pact")
    assert pact.phone_office == "088-0000101" and len(pact.members) == 1


def test_agenda_sees_a_request_made_in_the_gui(qtbot, gctx, world):
    from datetime import date

    from pzmdo.gui.consult_request_dialog import open_consult_request

    dialog = open_consult_request(gctx, None, world["patient"], meeting_id=None)
    qtbot.addWidget(dialog)
    fill_request(qtbot, dialog)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    [cand] = svc.agenda_candidates(gctx.app, date.today() - timedelta(days=30), date.today())
    assert cand.patient_id == world["patient"] and "STOP Zuid" in cand.detail


@pytest.mark.skipif(not os.environ.get("PZMDO_SCREENSHOTS"), reason="screenshots on request")
def test_screenshots(qtbot, gctx):
    """PZMDO_SCREENSHOTS=1 (and QT_SCALE_FACTOR=1.5 for the -150 set) writes docs/screenshots."""
    from pzmdo.gui.consult_request_dialog import open_consult_request
    from pzmdo.gui.consultations_page import create_page
    from pzmdo.gui.patient_consultations_tab import create_tab
    from pzmdo.services.demo import add_demo_patients

    add_demo_patients(gctx.app, 12, seed=5)
    suffix = "-150" if os.environ.get("QT_SCALE_FACTOR") == "1.5" else ""
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.instance().setStyleSheet(
        (Path(__file__).resolve().parents[2] / "resources" / "style.qss").read_text("utf-8")
    )
    page = create_page(gctx)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitUntil(lambda: page.open_list.model.rowCount() >= 2, timeout=15_000)
    page.open_list.table.selectRow(0)
    qtbot.wait(200)
    page.grab().save(str(SHOTS / f"consultations{suffix}.png"))
    page.setCurrentWidget(page.per_team)
    qtbot.wait(200)
    page.grab().save(str(SHOTS / f"consultations-per-team{suffix}.png"))
    page.setCurrentWidget(page.teams)
    qtbot.waitUntil(lambda: page.teams.members.count() > 0, timeout=10_000)
    qtbot.wait(200)
    page.grab().save(str(SHOTS / f"consultations-teams{suffix}.png"))

    rows = svc.list_consultations(gctx.app)
    advised = next(r for r in rows if r.status == "advies_gegeven")
    tab = create_tab(gctx, advised.patient_id)
    qtbot.addWidget(tab)
    tab.resize(1000, 640)
    tab.show()
    qtbot.waitUntil(lambda: tab.detail.info is not None, timeout=10_000)
    qtbot.wait(200)
    tab.grab().save(str(SHOTS / f"consultations-patient-tab{suffix}.png"))
    dialog = tab.detail.process()
    qtbot.addWidget(dialog)
    qtbot.wait(300)
    dialog.grab().save(str(SHOTS / f"consultations-use-advice{suffix}.png"))
    dialog.reject()

    dialog = open_consult_request(gctx, None, advised.patient_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.ok.isEnabled, timeout=10_000)
    dialog.at.setDateTime(QDateTime(2025, 11, 29, 10, 0, 0))
    qtbot.keyClicks(dialog.question, "Toenemende benauwdheid, welke medicatie? (fictief)")
    dialog.dimensions["fysiek"].click()
    qtbot.wait(200)
    dialog.grab().save(str(SHOTS / f"consultations-request{suffix}.png"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()


def test_request_from_meeting_mode_end_to_end(qtbot, gctx, world):
    """Issue 6 acceptance: request from meeting mode → on the patient, in the open list and
    on the next agenda; recording the advice closes it."""
    from datetime import date

    from pzmdo.gui.consult_request_dialog import ConsultRequestDialog
    from pzmdo.gui.consultations_page import create_page
    from pzmdo.gui.meeting_mode import MeetingMode
    from pzmdo.gui.patient_consultations_tab import create_tab
    from pzmdo.services import meetings

    ctx = gctx.app
    today = date.today()
    meeting = meetings.plan_meeting(ctx, today, theme="Casusbespreking (fictief)")
    meetings.add_patient(ctx, meeting.id, world["patient"])
    meetings.start_meeting(ctx, meeting.id)
    mode = MeetingMode(gctx, meeting.id)
    qtbot.addWidget(mode)
    mode.resize(1400, 900)
    mode.show()
    qtbot.waitUntil(
        lambda: mode.current is not None and mode.current.patient_id == world["patient"],
        timeout=15_000,
    )
    qtbot.waitUntil(mode.consult_button.isEnabled, timeout=10_000)
    assert mode.consult_button.accessibleName()
    qtbot.mouseClick(mode.consult_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in mode._dialogs if isinstance(d, ConsultRequestDialog))
    assert dialog.meeting_id == meeting.id and dialog.isVisible()
    fill_request(qtbot, dialog, "Regie bij complexe thuissituatie (fictief)")
    with qtbot.waitSignal(dialog.submitted, timeout=10_000) as sig:
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    cid = sig.args[0]
    info = svc.get_consultation(ctx, cid)
    assert info.meeting_id == meeting.id and info.patient_id == world["patient"]
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=10_000)
    mode.close()  # saves the discussion; the meeting is closed below
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=10_000)

    # On the patient.
    tab = create_tab(gctx, world["patient"])
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: [r.id for r in tab.model.rows] == [cid], timeout=10_000)
    # In the open list.
    page = create_page(gctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: [r.id for r in page.open_list.model.rows] == [cid], timeout=10_000)
    # On the next agenda (the meetings area asks consultations.agenda_candidates).
    meetings.close_meeting(ctx, meeting.id)
    following = meetings.plan_meeting(ctx, today + timedelta(days=28))
    proposal = meetings.propose_agenda(ctx, following.id)
    ours = [i for i in proposal if i.patient_id == world["patient"]]
    assert ours and "open_consultation_or_overdue_action" in ours[0].reasons
    assert "STOP Zuid" in " ".join(i.detail for i in ours)

    # Recording the advice closes it: gone from the open list, closed on the patient.
    page.open_list.table.selectRow(0)
    advice = page.open_list.detail.record_advice()
    qtbot.addWidget(advice)
    qtbot.keyClicks(advice.advice, "- Casemanager PZ neemt tijdelijk regie (fictief)")
    qtbot.mouseClick(advice.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.open_list.model.rowCount() == 0, timeout=10_000)
    qtbot.waitUntil(
        lambda: tab.model.rows and tab.model.rows[0].status == "afgesloten", timeout=10_000
    )
