"""Issue 13 item 12: every page, patient tab, dialog and meeting mode fits a 1280×800 screen,
at 100% and at 150% scaling (QT_SCALE_FACTOR=1.5, run in a subprocess): no label, button
or input narrower (or, wrapped, shorter) than its text needs, no dialog larger than the
screen. The 150% run is a separate process because the scale factor is read at start."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from pzmdo.gui.context import GuiContext
from pzmdo.gui.main_window import MainWindow
from pzmdo.gui.pages import NAV_PAGES
from pzmdo.services import meetings as svc

SCREEN_W, SCREEN_H = 1280, 800
MIN_DIALOG_W = 420


def idle(qtbot, gctx) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=30_000)


def _inside_scroller(w: QWidget, root: QWidget) -> bool:
    """Widgets in a list, table or tree viewport scroll or elide by design."""
    from PySide6.QtWidgets import QAbstractItemView

    parent = w.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def clipped(root: QWidget, where: str) -> list[str]:
    """Labels, buttons and inputs that cannot show their text in the space they got."""
    problems = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.width() <= 0 or _inside_scroller(w, root):
            continue
        name = f"{where}: {type(w).__name__} {w.accessibleName() or ''!r}"
        if isinstance(w, QLabel) and w.text().strip() and w.pixmap().isNull():
            if w.wordWrap():
                need = w.heightForWidth(w.width())
                if need > 0 and w.height() + 2 < need:
                    problems.append(f"{name} {w.text()[:40]!r}: {w.height()} px high, needs {need}")
            elif w.width() + 2 < w.minimumSizeHint().width():
                problems.append(
                    f"{name} {w.text()[:40]!r}: {w.width()} px, needs {w.minimumSizeHint().width()}"
                )
        elif isinstance(w, QPushButton | QCheckBox | QRadioButton) and w.text().strip():
            if w.width() + 2 < w.sizeHint().width():
                problems.append(
                    f"{name} {w.text()!r}: {w.width()} px, needs {w.sizeHint().width()}"
                )
        elif isinstance(w, QComboBox) and w.count() and w.currentText():
            needed = w.fontMetrics().horizontalAdvance(w.currentText()) + 30
            if w.width() < min(needed, 220):  # long entries may elide, short ones never
                problems.append(f"{name} {w.currentText()!r}: {w.width()} px, needs {needed}")
    return problems


def too_big(dialog: QWidget, where: str) -> list[str]:
    size = dialog.size().expandedTo(dialog.sizeHint()).expandedTo(dialog.minimumSizeHint())
    if size.width() > SCREEN_W or size.height() > SCREEN_H:
        return [f"{where}: {size.width()}×{size.height()} is larger than {SCREEN_W}×{SCREEN_H}"]
    if dialog.width() < MIN_DIALOG_W:  # a Dutch sentence in it would wrap word by word
        return [f"{where}: {dialog.width()} px wide, at least {MIN_DIALOG_W} needed"]
    return []


LONG_ERROR = (
    "Dr. A. Jansen (fictief) kan geen centrale zorgverlener worden: de centrale zorgverlener "
    "moet een BIG-geregistreerde professional zijn (bijvoorbeeld huisarts, wijkverpleegkundige "
    "of specialist ouderengeneeskunde). Kies een BIG-geregistreerde zorgverlener."
)


def _show_long_error(dialog: QWidget) -> bool:
    """Show a long Dutch error the way the dialog itself does; False if it has none."""
    if hasattr(dialog, "show_error") and callable(dialog.show_error):
        dialog.show_error(LONG_ERROR)
        return True
    error = getattr(dialog, "error", None)
    if error is not None and hasattr(error, "show_message"):
        error.show_message(LONG_ERROR)
        return True
    from pzmdo.gui.admin_page import AddUserDialog
    from pzmdo.gui.marking_dialog import MarkingDialog

    if isinstance(dialog, AddUserDialog | MarkingDialog):  # they show errors inline
        from pzmdo.domain.errors import ValidationError

        dialog._failed(ValidationError(LONG_ERROR))
        return True
    return False


def _settle(qtbot, gctx, widget: QWidget) -> None:  # noqa: ANN001
    idle(qtbot, gctx)
    qtbot.wait(30)  # layout requests and the resizes they cause
    QApplication.processEvents()


def _meeting(ctx) -> int:  # noqa: ANN001
    m = svc.plan_meeting(ctx, date.today() + timedelta(days=1))
    svc.propose_agenda(ctx, m.id)
    svc.accept_all(ctx, m.id)
    svc.start_meeting(ctx, m.id)
    return m.id


def _dialogs(
    gctx: GuiContext, ctx, parent: QWidget, meeting_id: int, pid: int
) -> list[  # noqa: ANN001
    tuple[str, Callable[[], QWidget]]
]:
    from pzmdo.gui.actions_dialog import open_actions_dialog
    from pzmdo.gui.admin_page import AddUserDialog
    from pzmdo.gui.admin_scope import AttachDialog, PracticeDialog, TeamDialog
    from pzmdo.gui.consult_request_dialog import open_consult_request
    from pzmdo.gui.document_actions import DocumentDialog
    from pzmdo.gui.import_dialog import ImportDialog
    from pzmdo.gui.kpi_dialogs import DenominatorDialog, PatientsDialog
    from pzmdo.gui.marking_dialog import MarkingDialog
    from pzmdo.gui.meeting_mode import AttendanceDialog, CaregiverDialog, UrgencyDialog
    from pzmdo.gui.meetings_page import PlanMeetingDialog, TextDialog
    from pzmdo.gui.practice_move_dialog import MovePracticeDialog
    from pzmdo.gui.register_export_dialog import RegisterExportDialog
    from pzmdo.gui.team_settings_dialog import TeamSettingsDialog
    from pzmdo.gui.trajectory_dialogs import (
        ContactDialog,
        NazorgDialog,
        ReviewDialog,
        TransferDialog,
    )
    from pzmdo.gui.trigger_settings_dialog import TriggerSettingsDialog
    from pzmdo.services import attachments, practices, teams
    from pzmdo.services.register import RegisterQuery
    from pzmdo.services.trajectory import ReviewFacts

    meeting = svc.get_meeting(ctx, meeting_id)
    practice = practices.list_practices(ctx)[0]
    team = teams.list_teams(ctx)[0]
    user = attachments.list_attachments(ctx)[0]
    return [
        ("practice", lambda: PracticeDialog(gctx, parent, practice)),
        ("meeting team", lambda: TeamDialog(gctx, parent, team)),
        ("attachments", lambda: AttachDialog(gctx, parent, user)),
        ("move practice", lambda: MovePracticeDialog(gctx, pid, None, parent)),
        ("plan meeting", lambda: PlanMeetingDialog(gctx, parent)),
        ("team settings", lambda: TeamSettingsDialog(gctx, parent)),
        ("attendance", lambda: AttendanceDialog(gctx, meeting_id, parent)),
        ("centrale zorgverlener", lambda: CaregiverDialog(gctx, pid, meeting, parent)),
        ("colour", lambda: UrgencyDialog(gctx, pid, parent)),
        ("consultation", lambda: open_consult_request(gctx, parent, pid, meeting_id)),
        ("marking", lambda: MarkingDialog(gctx, parent)),
        ("add user", lambda: AddUserDialog(gctx, parent)),
        ("document", lambda: DocumentDialog(gctx, "agenda", meeting_id=meeting_id, parent=parent)),
        ("open actions", lambda: open_actions_dialog(gctx, parent)),
        ("theme", lambda: TextDialog(gctx, "Thema", "&Thema:", parent)),
        ("import", lambda: ImportDialog(gctx, parent)),
        ("register export", lambda: RegisterExportDialog(gctx, RegisterQuery(), 40, parent)),
        ("kpi denominators", lambda: DenominatorDialog(gctx, parent, None)),
        ("transfer", lambda: TransferDialog(gctx, parent, pid, "ziekenhuis")),
        ("second-line contact", lambda: ContactDialog(gctx, parent, pid)),
        ("nazorg", lambda: NazorgDialog(gctx, parent, pid)),
        ("agenda triggers", lambda: TriggerSettingsDialog(gctx, parent)),
        (
            "after-death review",
            lambda: ReviewDialog(
                gctx, parent, pid,
                ReviewFacts(pid, date.today(), "hospice", "Hospice", "thuis", "Thuis", "nee"),
            ),  # fmt: skip
        ),
        (
            "kpi patients",
            lambda: PatientsDialog(
                gctx, parent, "K2.prevalent", "teller", date(2020, 1, 1), date.today(), None, None
            ),
        ),
    ]


def _second_practice_and_team(ctx) -> None:  # noqa: ANN001
    """Several practices and teams: the register and meetings pages show their filters."""
    from pzmdo.services import practices, teams

    other = practices.add_practice(ctx, practices.PracticeInput("Praktijk Buiten (fictief)"))
    teams.add_team(ctx, teams.TeamInput("Kernteam Buiten (fictief)"), [other.id])


def test_everything_fits_1280_by_800(qtbot, demo_ctx):
    _second_practice_and_team(demo_ctx)
    gctx = GuiContext(demo_ctx)
    window = MainWindow(gctx, demo_ctx.db.path, idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.resize(SCREEN_W, SCREEN_H - 40)
    window.show()
    problems: list[str] = []
    for spec in NAV_PAGES:
        window.show_nav(spec.key)
        _settle(qtbot, gctx, window)
        problems += clipped(window.pages.currentWidget(), f"page {spec.key}")
    window.show_patient(1)
    _settle(qtbot, gctx, window)
    view = window.pages.currentWidget()
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        _settle(qtbot, gctx, window)
        problems += clipped(view.tabs.currentWidget(), f"tab {view.tabs.tabText(index)}")

    meeting_id = _meeting(demo_ctx)
    from pzmdo.gui.meeting_mode import MeetingMode

    mode = MeetingMode(gctx, meeting_id)
    qtbot.addWidget(mode)
    mode.resize(SCREEN_W, SCREEN_H)
    mode.show()
    qtbot.waitUntil(lambda: mode.record is not None, timeout=20_000)
    _settle(qtbot, gctx, mode)
    problems += clipped(mode, "meeting mode")
    if mode.minimumSizeHint().width() > SCREEN_W:
        problems.append(f"meeting mode needs {mode.minimumSizeHint().width()} px")
    pid = next(i.patient_id for i in mode.items if i.patient_id)
    mode.close()

    for where, make in _dialogs(gctx, demo_ctx, window, meeting_id, pid):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        _settle(qtbot, gctx, dialog)
        dialog.adjustSize() if dialog.size().isEmpty() else None
        problems += too_big(dialog, f"dialog {where}")
        problems += clipped(dialog, f"dialog {where}")
        if _show_long_error(dialog):  # an error message must not squash the dialog
            _settle(qtbot, gctx, dialog)
            problems += too_big(dialog, f"dialog {where} with an error")
            problems += clipped(dialog, f"dialog {where} with an error")
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()
        idle(qtbot, gctx)
    # The unlock window (before the main window exists) with a long error under the form.
    from pzmdo.domain.errors import UnlockError
    from pzmdo.gui.unlock_page import UnlockPage

    page = UnlockPage(demo_ctx.db.path, gctx.runner)
    page.setProperty("fitToContents", True)  # as the starter shows it
    qtbot.addWidget(page)
    page.resize(640, 420)
    page.show()
    _settle(qtbot, gctx, page)
    page._failed(UnlockError(LONG_ERROR))
    _settle(qtbot, gctx, page)
    problems += clipped(page, "unlock with an error")
    # The same for the practice server's login window and the wizard's server page.
    from pzmdo.gui.server_unlock_page import ServerUnlockPage
    from pzmdo.gui.setup_wizard import PAGE_SERVER, SetupWizard

    server = ServerUnlockPage(
        "postgresql://db.praktijk.nl/pzmdo?sslrootcert=/tmp/ca.crt", gctx.runner, can_switch=True
    )
    server.setProperty("fitToContents", True)
    qtbot.addWidget(server)
    server.resize(640, 440)
    server.show()
    _settle(qtbot, gctx, server)
    server._failed(UnlockError(LONG_ERROR))
    _settle(qtbot, gctx, server)
    problems += clipped(server, "server login with an error")
    wizard = SetupWizard(demo_ctx.db.path.with_name("nieuw.db"), gctx.runner)
    qtbot.addWidget(wizard)
    wizard.show()
    for page_id in (0, PAGE_SERVER):
        if page_id == PAGE_SERVER:
            wizard.server_choice.setChecked(True)
            wizard.next()
            wizard._show_server_result(False, LONG_ERROR)
        _settle(qtbot, gctx, wizard)
        problems += too_big(wizard, f"set-up wizard page {page_id}")
        problems += clipped(wizard, f"set-up wizard page {page_id}")
    wizard.close()
    window.idle.stop()
    assert problems == [], "\n".join(problems)


@pytest.mark.skipif(bool(os.environ.get("QT_SCALE_FACTOR")), reason="this is the 150% run itself")
def test_everything_fits_at_150_percent(tmp_path: Path):
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-x",
            f"{__file__}::test_everything_fits_1280_by_800",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-4000:]


__all__ = ["QAbstractButton", "Qt"]
