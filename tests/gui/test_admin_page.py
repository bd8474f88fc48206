"""Beheer: add a user through the dialog, save settings, see it all in the audit trail."""

from PySide6.QtCore import Qt

from pzmdo.gui.admin_page import AddUserDialog, AdminPage
from pzmdo.gui.context import GuiContext
from pzmdo.services import settings, unlock, users


def _idle(qtbot, gctx):
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=20_000)


def test_add_user_and_save_settings(qtbot, ctx, db_path):
    gctx = GuiContext(ctx)
    page = AdminPage(gctx)
    qtbot.addWidget(page)
    page.show()
    _idle(qtbot, gctx)
    assert page.users.table.rowCount() == 1

    dialog = AddUserDialog(gctx, page)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.login, "poh.visser")
    qtbot.keyClicks(dialog.name, "L. Visser (fictief)")
    dialog.role.setCurrentIndex(dialog.role.findData("poh"))
    qtbot.keyClicks(dialog.password, "kort")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "8 tekens" in dialog.error.text(), timeout=10_000)
    assert [u.login for u in users.list_users(ctx)] == ["beheer"]

    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "poh-wachtwoord")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    page.users.refresh()
    _idle(qtbot, gctx)
    assert page.users.table.rowCount() == 2

    page.settings.idle.setValue(15)
    page.settings.gp_post.setText("0900-1234567")
    page.settings._save()
    _idle(qtbot, gctx)
    assert settings.get_setting(ctx, settings.IDLE_LOCK_MINUTES) == 15
    assert settings.get_setting(ctx, settings.GP_POST_PHONE) == "0900-1234567"

    page.audit.refresh()
    _idle(qtbot, gctx)
    model = page.audit.model
    for row in range(model.rowCount()):
        model.data(model.index(row, 3))  # asks for the block
    _idle(qtbot, gctx)
    actions = {model.data(model.index(r, 3)) for r in range(model.rowCount())}
    assert {"Gebruiker toegevoegd", "Instelling gewijzigd", "Database aangemaakt"} <= actions
    gctx.runner.wait()
    ctx.close()
    unlock.unlock_with_password(db_path, "poh.visser", "poh-wachtwoord").close()
