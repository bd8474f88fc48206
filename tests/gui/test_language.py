"""Issue 13 item 13: no English left where users look — the unlock window title, Qt's own
file dialog, the CLI's argparse texts — Dutch plural forms, one word per concept."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel

from pzmdo.gui.context import GuiContext
from pzmdo.gui.pages import NAV_PAGES
from pzmdo.gui.reports_page import create_page
from pzmdo.gui.start import Starter


def test_unlock_window_title_is_dutch(qtbot, ctx):
    starter = Starter(ctx.db.path)
    starter.start()
    screen = starter.first_screen
    assert screen is not None
    qtbot.addWidget(screen)
    assert screen.windowTitle() == "pzmdo — ontgrendelen"
    screen.close()
    starter.runner.wait()


def test_qt_file_dialog_speaks_dutch(qtbot):
    dialog = QFileDialog(None, "Back-up terugzetten")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = {label.text().replace("&", "") for label in dialog.findChildren(QLabel)}
    assert "Zoeken in:" in texts and "Bestandstype:" in texts
    assert not texts & {"Look in:", "Files of type:", "File name:"}
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "Bestanden van type:"


def test_documents_is_one_word_for_one_page(qtbot, ctx):
    spec = next(p for p in NAV_PAGES if p.create is create_page)
    page = create_page(GuiContext(ctx))
    qtbot.addWidget(page)
    headings = {label.text() for label in page.findChildren(QLabel)}
    assert spec.title() == "Documenten" and "Documenten" in headings
    from pzmdo._data import resources_dir

    manual = (resources_dir() / "help" / "handleiding.html").read_text(encoding="utf-8")
    assert "<b>Documenten</b>" in manual and "Rapportages" not in manual


def test_cli_help_and_usage_errors_are_dutch():
    help_text = subprocess.run(
        [sys.executable, "-m", "pzmdo", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert help_text.startswith("gebruik: pzmdo")
    assert "opties:" in help_text and "toon deze hulp en stop" in help_text
    assert "usage" not in help_text and "show this help" not in help_text
    wrong = subprocess.run(
        [sys.executable, "-m", "pzmdo", "meeting", "nieuw"], capture_output=True, text=True
    )
    assert wrong.returncode == 2
    assert "ongeldige keuze: 'nieuw'" in wrong.stderr and "invalid choice" not in wrong.stderr
