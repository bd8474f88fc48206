"""What each role sees: pages hidden by the matrix, landing on a usable page, the audit
page's filters and CSV export. Screenshots (1280×800) of the main window for a POH, a
huisarts and a beheerder, and of the audit page."""

from __future__ import annotations

import csv
import os
import stat
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from pzmdo.domain.enums import Role
from pzmdo.gui.admin_page import AdminPage
from pzmdo.gui.context import GuiContext
from pzmdo.gui.main_window import MainWindow
from pzmdo.services import audit_log, register, unlock, users
from pzmdo.services.context import AppContext, CurrentUser

SHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("PZMDO_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "pzmdo-test-screenshots"
)


def _as(ctx: AppContext, login: str, role: Role) -> AppContext:
    info = users.add_user(
        ctx, login=login, name=f"{role.label} {login} (fictief)", role=role,
        password="rol-wachtwoord-1",
    )  # fmt: skip
    user = CurrentUser(info.id, info.login, info.name, info.roles, info.person_id)
    return AppContext(ctx.db, user, ctx.keyslots, ctx.changes)


def _idle(qtbot, gctx):  # noqa: ANN001
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=30_000)


_CLINICAL = ["Register", "Overleggen", "Consultaties", "Documenten"]


@pytest.mark.parametrize(
    ("role", "pages", "first"),
    [
        (Role.POH, [*_CLINICAL, "Spiegelinformatie", "Nabesprekingen"], "register"),
        (Role.HUISARTS, [*_CLINICAL, "Spiegelinformatie", "Nabesprekingen"], "register"),
        (Role.COORDINATOR, [*_CLINICAL, "Spiegelinformatie", "Nabesprekingen"], "register"),
        (Role.WIJKVERPLEEGKUNDIGE, _CLINICAL, "register"),
        (Role.BEHEERDER, ["Beheer"], "admin"),
        (Role.OVERIG, ["Register"], "register"),
    ],
)
def test_main_window_shows_only_usable_pages(qtbot, demo_ctx, role, pages, first, tmp_path):
    app = _as(demo_ctx, f"rol-{role.value}", role)
    gctx = GuiContext(app)
    if app.db.is_sqlite:
        window = MainWindow(gctx, app.db.path, idle_ms=3_600_000)
    else:
        url = app.db.engine.url.render_as_string(hide_password=True)
        window = MainWindow(gctx, tmp_path / "ongebruikt", idle_ms=3_600_000, server_url=url)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    _idle(qtbot, gctx)
    shown = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert shown == pages
    assert window._specs[window.nav.currentRow()].key == first
    assert window.mark_action.isEnabled() == (role == Role.HUISARTS)
    assert role.label.lower() in window.user_label.text().lower()
    assert window.db_label.text().startswith("Database" if app.db.is_sqlite else "Server")
    if role in (Role.POH, Role.HUISARTS, Role.BEHEERDER):
        SHOTS.mkdir(parents=True, exist_ok=True)
        window.grab()  # painting asks for the visible rows; they arrive through the runner
        _idle(qtbot, gctx)
        window.grab().save(str(SHOTS / f"roles-main-{role.value}.png"))
    gctx.runner.wait()


def test_audit_page_filters_pages_and_exports(qtbot, demo_ctx, tmp_path):
    for _ in range(230):  # a trail longer than one block of rows
        unlock.record_lock(demo_ctx)
    for family in ("Zwaluw (fictief)", "Merel (fictief)"):
        register.mark_patient(
            demo_ctx,
            register.MarkingInput(
                surprise_answer="nee",
                new_patient=register.PatientInput("Audit", family, date(1939, 9, 9)),
                to_agenda=False,
            ),
        )
    gctx = GuiContext(demo_ctx)
    page = AdminPage(gctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.setCurrentWidget(page.audit)
    page.show()
    _idle(qtbot, gctx)
    audit = page.audit
    total = audit.model.rowCount()
    assert total > 200  # more than one block: rows arrive per block as they are shown
    for row in (0, total - 1):
        audit.model.data(audit.model.index(row, 3))
    _idle(qtbot, gctx)
    assert audit.model.data(audit.model.index(total - 1, 3)) == "Database aangemaakt"
    assert "(beheer)" in audit.model.data(audit.model.index(total - 1, 2))

    # Filter: one action, one patient by name.
    audit.action.setCurrentIndex(audit.action.findData("mark"))
    audit.refresh()
    _idle(qtbot, gctx)
    marks = audit.model.rowCount()
    assert 0 < marks < total
    for row in range(marks):
        audit.model.data(audit.model.index(row, 4))
    _idle(qtbot, gctx)
    name = audit.model.data(audit.model.index(0, 4))
    assert name and not name.isdigit()
    audit.patient.setText(name)
    audit.refresh()
    _idle(qtbot, gctx)
    assert audit.model.rowCount() == 1
    # A period that ended yesterday holds none of today's events; a typing error says so.
    audit.period.setChecked(True)
    audit.since.setValue(date.today() - timedelta(days=7))
    audit.until.setValue(date.today() - timedelta(days=1))
    audit.refresh()
    _idle(qtbot, gctx)
    assert audit.model.rowCount() == 0
    audit.until.setText("31-02-2026")
    audit.refresh()
    assert "datum" in audit.status.text().lower()
    audit.period.setChecked(False)
    SHOTS.mkdir(parents=True, exist_ok=True)
    audit.action.setCurrentIndex(0)
    audit.patient.clear()
    audit.refresh()
    _idle(qtbot, gctx)
    for row in range(40):
        audit.model.data(audit.model.index(row, 0))
    _idle(qtbot, gctx)
    page.grab().save(str(SHOTS / "roles-audit-page.png"))
    # Details read as Dutch: the audit reads above name their filter in Dutch words.
    details = [audit.model.data(audit.model.index(row, 5)) or "" for row in range(40)]
    assert any("actie: Gemarkeerd" in d for d in details), details[:5]
    assert not any(w in d for d in details for w in ("action:", "True", "False"))

    # Export of the selection: owner-only file, and the export is itself audited.
    audit.action.setCurrentIndex(audit.action.findData("mark"))
    out = tmp_path / "audit.csv"
    audit.export_to(out)
    _idle(qtbot, gctx)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert len(rows) == marks + 1 and all(r[4] == "Gemarkeerd" for r in rows[1:])
    exports = audit_log.list_audit(demo_ctx, flt=audit_log.AuditFilter(action="audit_export"))
    assert exports and exports[-1].detail["aantal"] == marks
    gctx.runner.wait()


def test_roles_dialog_changes_another_users_roles_never_ones_own(qtbot, ctx):
    other = _as(ctx, "dokter2", Role.POH)
    gctx = GuiContext(ctx)
    page = AdminPage(gctx)
    qtbot.addWidget(page)
    page.show()
    _idle(qtbot, gctx)
    tab = page.users
    logins = [u.login for u in tab.rows]
    tab.table.selectRow(logins.index(ctx.user.login))
    assert not tab.roles_button.isEnabled()  # one's own roles: not offered
    tab.table.selectRow(logins.index("dokter2"))
    assert tab.roles_button.isEnabled()
    tab.change_roles()
    dialog = tab.roles_dialog
    assert dialog.boxes[Role.POH].isChecked() and not dialog.boxes[Role.HUISARTS].isChecked()
    dialog.boxes[Role.COORDINATOR].setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    _idle(qtbot, gctx)
    info = {u.login: u for u in users.list_users(ctx)}["dokter2"]
    assert set(info.roles) == {"poh", "coordinator"}
    assert other.user.id == info.id
    gctx.runner.wait()
