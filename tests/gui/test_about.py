"""Help › About: version, licence, data folders, backup advice, manual and components."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

import pzmdo
from pzmdo.gui.about_dialog import AboutDialog
from pzmdo.gui.context import GuiContext
from pzmdo.gui.main_window import MainWindow
from pzmdo.services import about

SHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("PZMDO_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "pzmdo-test-screenshots"
)


def test_components_come_from_the_installed_distributions():
    info = about.about()
    assert info.version == pzmdo.__version__
    names = {c.name.lower(): c for c in info.components}
    for runtime in ("pyside6-essentials", "sqlalchemy", "sqlcipher3", "reportlab", "holidays"):
        assert runtime in {n.replace("_", "-") for n in names}, runtime
    assert names["sqlalchemy"].licence == "MIT"
    assert "pytest" not in names and "ruff" not in names  # test tools are not in the program
    assert any(c.name.startswith("DejaVu") for c in info.components)


def test_about_dialog_from_the_help_menu(qtbot, ctx):
    gctx = GuiContext(ctx)
    window = MainWindow(gctx, ctx.db.path, idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.show()
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.components.rowCount() > 10, timeout=20_000)
    text = dialog.summary.text()
    assert f"pzmdo {pzmdo.__version__}" in text
    assert str(ctx.db.path) in text and "backups" in text
    assert f"Database geschreven door:</b> pzmdo {pzmdo.__version__} (schema " in text
    assert "pzmdo backup --out" in text and "Licentie" in text
    assert "Korte handleiding" in dialog.manual.toPlainText()
    dialog.resize(1280 // 2 + 80, 560)
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "about.png"))
    dialog.tabs.setCurrentIndex(2)
    dialog.grab().save(str(SHOTS / "about-components.png"))
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    window.idle.stop()
    gctx.runner.wait()
