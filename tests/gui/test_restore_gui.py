"""Issue 13 item 8: restore refuses the live database itself, and its file dialog opens in
the backups folder (not in the database's own folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pzmdo.domain.errors import DatabaseError
from pzmdo.gui.admin_page import AdminPage
from pzmdo.gui.context import GuiContext
from pzmdo.services import backup


def test_restore_refuses_the_live_database_and_opens_in_backups(qtbot, ctx):
    live = Path(ctx.db.path)
    with pytest.raises(DatabaseError, match="in gebruik is, geen back-up"):
        backup.restore_in_place(ctx, live)
    assert ctx.db.path == live  # still open: nothing was closed or replaced

    gctx = GuiContext(ctx)
    page = AdminPage(gctx)
    qtbot.addWidget(page)
    page.show()
    page.settings._restore()
    dialog = page.settings.restore_dialog
    assert dialog.isVisible()
    shown = Path(dialog.directory().absolutePath()).resolve()
    assert shown == backup.backup_folder(live).resolve() and shown != live.parent.resolve()
    dialog.reject()
    gctx.runner.wait()
