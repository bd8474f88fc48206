"""Screens for several practices and teams (issue 14), on a real encrypted database.

Two practices (Linde and Buiten), a kernteam for each; user "twee" is attached to both,
user "een" to Linde and its team only. The register shows a practice column and practice /
team filters only to "twee"; the meetings page a team filter; the status bar the scope;
Beheer creates practices and teams and attaches users; a patient moves practice.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pzmdo.domain.enums import Role
from pzmdo.gui.admin_page import AdminPage
from pzmdo.gui.admin_scope import AttachDialog, PracticeDialog, TeamDialog
from pzmdo.gui.context import GuiContext
from pzmdo.gui.main_window import MainWindow
from pzmdo.gui.meeting_dialogs import PlanMeetingDialog
from pzmdo.gui.meetings_page import MeetingsPage
from pzmdo.gui.practice_move_dialog import MovePracticeDialog
from pzmdo.gui.register_model import COL_NAME, COL_PRACTICE
from pzmdo.gui.register_page import RegisterPage
from pzmdo.services import attachments, meetings, practices, register, teams, users
from pzmdo.services.context import AppContext, CurrentUser
from tests.conftest import PASSWORD

# Screens are always rendered; they replace the committed review images only on request.
SHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("PZMDO_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "pzmdo-test-screenshots"
)
CLINICAL = frozenset({Role.HUISARTS.value, Role.POH.value})


def _idle(qtbot, gctx: GuiContext) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=30_000)
    QApplication.processEvents()


def _user(admin: AppContext, login: str, name: str, practice_ids, team_ids) -> AppContext:  # noqa: ANN001
    info = users.add_user(admin, login=login, name=name, role=Role.HUISARTS, password=PASSWORD)
    attachments.set_attachments(admin, login, practice_ids, team_ids)
    user = CurrentUser(info.id, info.login, info.name, CLINICAL, info.person_id)
    return AppContext(admin.db, user, admin.keyslots, admin.changes)


def _patient(admin: AppContext, family: str, practice_id: int) -> int:
    return register.create_patient(
        admin,
        register.PatientInput(
            given_name="Wim",
            family_name=f"{family} (fictief)",
            birth_date=date(1940, 2, 2),
            is_fictional=True,
            practice_id=practice_id,
        ),  # fmt: skip
    )


@pytest.fixture
def world(ctx: AppContext) -> dict:
    admin = ctx
    home = practices.list_practices(admin)[0]
    practices.update_practice(
        admin, home.id, practices.PracticeInput("Huisartsenpraktijk De Linde (fictief)")
    )
    other = practices.add_practice(
        admin, practices.PracticeInput("Praktijk Buiten (fictief)", hap_name="HAP Buiten")
    ).id
    team_a = teams.add_team(admin, teams.TeamInput("Kernteam De Linde (fictief)"), [home.id]).id
    team_b = teams.add_team(admin, teams.TeamInput("Kernteam Buiten (fictief)"), [other]).id
    linde = [_patient(admin, f"Lindeman {i}", home.id) for i in range(3)]
    buiten = [_patient(admin, f"Buitenhof {i}", other) for i in range(2)]
    for team in (team_a, team_b):
        meetings.plan_meeting(admin, date.today() + timedelta(days=7), team_id=team)
    return {
        "admin": admin,
        "home": home.id,
        "other": other,
        "team_a": team_a,
        "team_b": team_b,
        "linde": linde,
        "buiten": buiten,
        "twee": _user(
            admin, "twee", "Twee Praktijken (fictief)", [home.id, other], [team_a, team_b]
        ),
        "een": _user(admin, "een", "Een Praktijk (fictief)", [home.id], [team_a]),
    }


def _register(qtbot, ctx: AppContext) -> tuple[RegisterPage, GuiContext]:  # noqa: ANN001
    gctx = GuiContext(ctx)
    page = RegisterPage(gctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.model.loading, timeout=20_000)
    page.status.setCurrentIndex(page.status.count() - 1)  # all statuses
    _idle(qtbot, gctx)
    qtbot.waitUntil(lambda: page.model.is_complete(), timeout=20_000)
    return page, gctx


def _names(page: RegisterPage, qtbot=None) -> list[str]:  # noqa: ANN001
    model = page.model
    names = [model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())]
    if qtbot is not None:  # the first read asks for the rows; wait for them
        qtbot.waitUntil(model.is_complete, timeout=20_000)
        names = [model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())]
    return names


def test_register_for_two_practices_shows_column_and_filters(qtbot, world):
    page, gctx = _register(qtbot, world["twee"])
    assert not page.table.isColumnHidden(COL_PRACTICE)
    assert page.table.horizontalHeader().visualIndex(COL_PRACTICE) == COL_NAME + 1
    assert page.practice.isVisible() and page.team.isVisible()
    assert page.practice.accessibleName() and page.team.accessibleName()
    assert len(_names(page)) == 5
    practice_texts = {
        page.model.data(page.model.index(r, COL_PRACTICE)) for r in range(page.model.rowCount())
    }
    assert practice_texts == {"Huisartsenpraktijk De Linde (fictief)", "Praktijk Buiten (fictief)"}
    # Filter by practice: only Buiten's patients (the service query, in the runner).
    page.practice.setCurrentIndex(page.practice.findData(world["other"]))
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 2, timeout=20_000)
    _idle(qtbot, gctx)
    assert all("Buitenhof" in n for n in _names(page, qtbot))
    # Filter by team: the practices of Kernteam De Linde.
    page.practice.setCurrentIndex(0)
    page.team.setCurrentIndex(page.team.findData(world["team_a"]))
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 3, timeout=20_000)
    _idle(qtbot, gctx)
    assert all("Lindeman" in n for n in _names(page, qtbot))
    # Keyboard: Tab goes from the GP filter to the practice filter, then the team filter.
    page.gp.setFocus()
    QTest.keyClick(page.gp, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.practice
    QTest.keyClick(page.practice, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.team


def test_register_for_one_practice_has_no_extra_clutter(qtbot, world):
    page, gctx = _register(qtbot, world["een"])
    assert page.table.isColumnHidden(COL_PRACTICE)
    assert not page.practice.isVisible() and not page.team.isVisible()
    assert not page.practice_label.isVisible()
    assert sorted(_names(page, qtbot)) == [f"Wim Lindeman {i} (fictief)" for i in range(3)]


def test_register_follows_a_new_attachment(qtbot, world):
    """The beheerder attaches user "een" to a second practice: their open register shows
    the practice column and filter without a restart."""
    page, gctx = _register(qtbot, world["een"])
    assert page.table.isColumnHidden(COL_PRACTICE)
    attachments.set_attachments(
        world["admin"], "een", [world["home"], world["other"]], [world["team_a"]]
    )
    qtbot.waitUntil(lambda: not page.table.isColumnHidden(COL_PRACTICE), timeout=20_000)
    assert page.practice.isVisible() and page.practice.count() == 3
    _idle(qtbot, gctx)
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=20_000)


def _meetings(qtbot, ctx: AppContext) -> tuple[MeetingsPage, GuiContext]:  # noqa: ANN001
    gctx = GuiContext(ctx)
    page = MeetingsPage(gctx)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    _idle(qtbot, gctx)
    return page, gctx


def test_meetings_page_filters_by_team_and_plans_for_a_chosen_team(qtbot, world):
    page, gctx = _meetings(qtbot, world["twee"])
    assert page.team_filter.isVisible()
    assert page.meeting_list.count() == 2
    page.team_filter.setCurrentIndex(page.team_filter.findData(world["team_b"]))
    qtbot.waitUntil(lambda: page.meeting_list.count() == 1, timeout=20_000)
    _idle(qtbot, gctx)
    assert page.meeting is not None and page.meeting.team_id == world["team_b"]
    # Planning: the team drop-down starts on the filtered team; the meeting belongs to it.
    dialog = PlanMeetingDialog(gctx, page, teams=page.teams, team_id=page.team_id())
    qtbot.addWidget(dialog)
    dialog.show()
    _idle(qtbot, gctx)
    assert dialog.team.isVisible() and dialog.team_id() == world["team_b"]
    dialog.day.setText((date.today() + timedelta(days=21)).strftime("%d-%m-%Y"))
    with qtbot.waitSignal(dialog.saved, timeout=20_000) as saved:
        dialog.ok.click()
    assert saved.args[0].team_id == world["team_b"]
    names = {m.team_id for m in meetings.list_meetings(world["admin"], world["team_b"])}
    assert names == {world["team_b"]}
    assert len(meetings.list_meetings(world["admin"], world["team_b"])) == 2


def test_meetings_page_for_one_team_has_no_team_filter(qtbot, world):
    page, gctx = _meetings(qtbot, world["een"])
    assert not page.team_filter.isVisible()
    assert page.meeting_list.count() == 1
    dialog = PlanMeetingDialog(gctx, page, teams=page.teams, team_id=page.team_id())
    qtbot.addWidget(dialog)
    dialog.show()
    _idle(qtbot, gctx)
    assert not dialog.team.isVisible()


def test_status_bar_shows_the_scope(qtbot, world):
    texts = {}
    for login in ("twee", "een"):
        gctx = GuiContext(world[login])
        window = MainWindow(gctx, world["admin"].db.path, idle_ms=3_600_000)
        qtbot.addWidget(window)
        _idle(qtbot, gctx)
        texts[login] = (window.scope_label.text(), window.scope_label.toolTip())
        window.idle.stop()
    assert texts["een"][0] == "Praktijk: Huisartsenpraktijk De Linde (fictief)"
    assert texts["twee"][0] == "2 praktijken, 2 teams"
    assert "Praktijk Buiten (fictief)" in texts["twee"][1]
    assert "Kernteam Buiten (fictief)" in texts["twee"][1]


def _admin_page(qtbot, world) -> tuple[AdminPage, GuiContext]:  # noqa: ANN001
    gctx = GuiContext(world["admin"])
    page = AdminPage(gctx)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    _idle(qtbot, gctx)
    return page, gctx


def _save(qtbot, gctx: GuiContext, dialog: QWidget) -> None:  # noqa: ANN001
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.ok.click()
    _idle(qtbot, gctx)


def test_admin_tabs_create_a_practice_and_a_team_and_attach_a_user(qtbot, world):
    page, gctx = _admin_page(qtbot, world)
    tabs = [page.tabText(i).replace("&", "") for i in range(page.count())]
    assert {"Praktijken", "Overlegteams", "Wie ziet wat"} <= set(tabs)
    # A practice.
    page.setCurrentWidget(page.practices)
    _idle(qtbot, gctx)
    assert page.practices.table.rowCount() == 2
    dialog = PracticeDialog(gctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.fields["name"], "Gezondheidscentrum Oost (fictief)")
    QTest.keyClicks(dialog.fields["agb_code"], "01234567")
    QTest.keyClicks(dialog.fields["hap_phone"], "088-1234567")
    _save(qtbot, gctx, dialog)
    qtbot.waitUntil(lambda: page.practices.table.rowCount() == 3, timeout=20_000)
    oost = practices.find_practice(world["admin"], "Gezondheidscentrum Oost (fictief)")
    assert (oost.agb_code, oost.hap_phone) == ("01234567", "088-1234567")
    # A team of that practice, with a member in a role.
    page.setCurrentWidget(page.teams)
    _idle(qtbot, gctx)
    dialog = TeamDialog(gctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    _idle(qtbot, gctx)
    QTest.keyClicks(dialog.name, "PaTz Oost (fictief)")
    dialog.kind.setCurrentIndex(dialog.kind.findData("patz"))
    assert dialog.cadence.value() == 6
    for i in range(dialog.practices.count()):
        item = dialog.practices.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == oost.id:
            item.setCheckState(Qt.CheckState.Checked)
    dialog.members.item(0, dialog.MEMBER).setCheckState(Qt.CheckState.Checked)
    role = dialog.members.cellWidget(0, dialog.ROLE)
    role.setCurrentIndex(role.findData("voorzitter"))
    dialog.resize(1000, 700)
    dialog.grab().save(str(SHOTS / "beheer-team-dialog.png"))
    _save(qtbot, gctx, dialog)
    team = teams.find_team(world["admin"], "PaTz Oost (fictief)")
    assert team.kind == "patz" and team.practices == ((oost.id, oost.name),)
    assert [m.role for m in team.members] == ["voorzitter"]
    # Attach user "een" to the new practice and team.
    page.setCurrentWidget(page.attachments)
    _idle(qtbot, gctx)
    een = attachments.user_attachments(world["admin"], "een")
    dialog = AttachDialog(gctx, page, een)
    qtbot.addWidget(dialog)
    dialog.show()
    _idle(qtbot, gctx)
    for box, wanted in ((dialog.practices, oost.id), (dialog.teams, team.id)):
        for i in range(box.count()):
            if box.item(i).data(Qt.ItemDataRole.UserRole) == wanted:
                box.item(i).setCheckState(Qt.CheckState.Checked)
    _save(qtbot, gctx, dialog)
    after = attachments.user_attachments(world["admin"], "een")
    assert set(after.practice_ids) == {world["home"], oost.id}
    assert set(after.team_ids) == {world["team_a"], team.id}


def test_admin_tabs_follow_the_permission_matrix(qtbot, world):
    gctx = GuiContext(world["twee"])  # a huisarts: no practices, teams or attachments
    page = AdminPage(gctx)
    qtbot.addWidget(page)
    tabs = {page.tabText(i).replace("&", "") for i in range(page.count())}
    assert not tabs & {"Praktijken", "Overlegteams", "Wie ziet wat"}


def test_moving_a_patient_to_another_practice(qtbot, world):
    gctx = GuiContext(world["twee"])
    pid = world["linde"][0]
    details = register.get_patient(world["twee"], pid)
    dialog = MovePracticeDialog(gctx, pid, details.version)
    qtbot.addWidget(dialog)
    dialog.show()
    _idle(qtbot, gctx)
    assert dialog.current.text() == "Huisartsenpraktijk De Linde (fictief)"
    dialog.target.setCurrentIndex(dialog.target.findData(world["other"]))
    QTest.keyClicks(dialog.reason, "verhuisd")
    dialog.grab().save(str(SHOTS / "move-practice-dialog.png"))
    _save(qtbot, gctx, dialog)
    assert register.register_rows(world["admin"], [pid])[0].practice_id == world["other"]
    moves = practices.practice_moves(world["admin"], pid)
    assert [(m.to_practice, m.reason) for m in moves] == [("Praktijk Buiten (fictief)", "verhuisd")]


def _window(qtbot, ctx: AppContext) -> tuple[MainWindow, GuiContext]:  # noqa: ANN001
    gctx = GuiContext(ctx)
    window = MainWindow(gctx, ctx.db.path, idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    _idle(qtbot, gctx)
    return window, gctx


def _shot(qtbot, gctx: GuiContext, window: MainWindow, name: str) -> None:  # noqa: ANN001
    _idle(qtbot, gctx)
    page = window.pages.currentWidget()
    if isinstance(page, RegisterPage):  # every row fetched before the picture
        _names(page, qtbot)
    qtbot.wait(50)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / f"{name}.png"))


def test_screenshots_at_1280_by_800(qtbot, world):
    """Register and meetings for a user with two practices and with one; the Beheer tabs."""
    for login, suffix in (("twee", "two-practices"), ("een", "one-practice")):
        window, gctx = _window(qtbot, world[login])
        for key in ("register", "meetings"):
            window.show_nav(key)
            _shot(qtbot, gctx, window, f"{key}-{suffix}")
        window.idle.stop()
    window, gctx = _window(qtbot, world["admin"])
    window.show_nav("admin")
    admin = window.pages.currentWidget()
    assert isinstance(admin, AdminPage)
    for tab, name in (
        (admin.practices, "beheer-practices"),
        (admin.teams, "beheer-teams"),
        (admin.attachments, "beheer-attachments"),
    ):
        admin.setCurrentWidget(tab)
        _shot(qtbot, gctx, window, name)
    window.idle.stop()


def test_new_screens_are_accessible(qtbot, world):
    """Every control of the filters, the Beheer tabs and the new dialogs has a name and
    takes keyboard focus (the check of tests/gui/test_accessibility.py)."""
    from tests.gui.test_accessibility import _problems

    problems: list[str] = []
    page, gctx = _register(qtbot, world["twee"])
    problems += _problems(page, "register")
    meetings_page, gctx = _meetings(qtbot, world["twee"])
    problems += _problems(meetings_page, "meetings")
    admin, agctx = _admin_page(qtbot, world)
    for tab in (admin.practices, admin.teams, admin.attachments):
        admin.setCurrentWidget(tab)
        _idle(qtbot, agctx)
        problems += _problems(tab, type(tab).__name__)
    a = world["admin"]
    dialogs = [
        PracticeDialog(agctx, admin, practices.list_practices(a)[0]),
        TeamDialog(agctx, admin, teams.list_teams(a)[0]),
        AttachDialog(agctx, admin, attachments.user_attachments(a, "een")),
        MovePracticeDialog(gctx, world["linde"][0]),
        PlanMeetingDialog(gctx, meetings_page, teams=meetings_page.teams),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        _idle(qtbot, gctx)
        _idle(qtbot, agctx)
        problems += _problems(dialog, type(dialog).__name__)
    assert problems == []


def test_marking_a_new_patient_asks_the_practice_only_of_a_user_with_several(qtbot, world):  # noqa: ANN001
    from pzmdo.gui.marking_dialog import MarkingDialog

    def dialog_for(user: AppContext) -> MarkingDialog:
        gctx = GuiContext(user)
        dialog = MarkingDialog(gctx)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.marked_by.count() > 0, timeout=20_000)
        _idle(qtbot, gctx)
        dialog.new_button.setChecked(True)
        dialog.answer_no.setChecked(True)
        dialog.given.setText("Gerrit")
        dialog.birth.setText("03-04-1939")
        return dialog

    one = dialog_for(world["een"])
    assert not one.practice.isVisible()  # one practice: no extra field
    one.family.setText("Eenhoorn (fictief)")
    one.submit()
    qtbot.waitUntil(lambda: not one.isVisible(), timeout=20_000)

    two = dialog_for(world["twee"])
    assert two.practice.isVisible() and two.practice.accessibleName()
    assert two.practice.count() == 2 and two.practice.currentIndex() == -1
    two.family.setText("Tweespan (fictief)")
    two.submit()
    assert "Praktijk" in two.error.text() and two.isVisible()  # nothing guessed, nothing saved
    two.practice.setCurrentIndex(two.practice.findData(world["other"]))
    two.submit()
    qtbot.waitUntil(lambda: not two.isVisible(), timeout=20_000)

    admin = world["admin"]
    for family, practice in (("eenhoorn", world["home"]), ("tweespan", world["other"])):
        (found,) = register.search_patients(admin, family)
        assert register.get_patient(admin, found.id).data.practice_id == practice


def test_import_puts_each_worksheet_in_the_practice_the_user_chooses(qtbot, world, tmp_path):  # noqa: ANN001
    from openpyxl import Workbook

    from pzmdo.gui.import_dialog import ImportDialog

    wb = Workbook()
    wb.active.title = "Dokter Linde"
    wb.active.append(["Naam", "Geboortedatum"])
    wb.active.append(["Aart Lindeboom (fictief)", "01-01-1940"])
    other = wb.create_sheet("Dokter Buiten")
    other.append(["Naam", "Geboortedatum"])
    other.append(["Bep Buitenweg (fictief)", "02-02-1941"])
    path = tmp_path / "patz.xlsx"
    wb.save(path)

    def opened(user: AppContext) -> ImportDialog:
        gctx = GuiContext(user)
        dialog = ImportDialog(gctx)
        qtbot.addWidget(dialog)
        dialog.show()
        _idle(qtbot, gctx)
        dialog.path.setText(str(path))
        dialog.read_file()
        qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=20_000)
        return dialog

    assert not opened(world["een"]).practice.isVisible()  # one practice: implied
    dialog = opened(world["twee"])
    assert dialog.practice.isVisible() and dialog.practice.currentIndex() == -1
    dialog.check()  # no practice chosen: nothing checked, a Dutch instruction
    assert "Kies bij 'Praktijk van dit werkblad'" in dialog.report.toPlainText()
    assert not dialog.import_button.isEnabled()
    for index, practice in ((0, world["home"]), (1, world["other"])):
        dialog.sheet.setCurrentIndex(index)
        dialog.practice.setCurrentIndex(dialog.practice.findData(practice))
        dialog.practice.activated.emit(dialog.practice.currentIndex())
    dialog.sheet.setCurrentIndex(0)
    assert dialog.practice.currentData() == world["home"]  # the choice stays with its sheet
    dialog.check()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20_000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(register.search_patients(world["admin"], "buitenweg")), timeout=20_000)
    admin = world["admin"]
    for family, practice in (("lindeboom", world["home"]), ("buitenweg", world["other"])):
        (found,) = register.search_patients(admin, family)
        assert register.get_patient(admin, found.id).data.practice_id == practice
