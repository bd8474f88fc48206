"""Document screens with real widgets (offscreen) on a real encrypted database."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from pzmdo.gui.context import GuiContext
from pzmdo.gui.document_actions import LAST_DIR_KEY, DocumentDialog
from pzmdo.services.context import AppContext
from pzmdo.services.documents import document_history
from tests.services.test_documents import full_ctx, outdir, zoe  # noqa: F401 - fixtures

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
def gctx(full_ctx: AppContext, dutch, qtbot) -> GuiContext:  # noqa: ANN001, F811
    g = GuiContext(full_ctx)
    yield g
    g.runner.wait()


def shoot(widget: QWidget, name: str) -> None:
    if os.environ.get("QT_SCALE_FACTOR"):
        name += "-150"
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / f"{name}.png"))


def test_patient_documents_tab_makes_and_lists_a_document(qtbot, gctx, zoe, outdir):  # noqa: F811
    from pzmdo.gui.patient_documents_tab import create_tab

    QSettings().setValue(LAST_DIR_KEY, str(outdir))
    tab = create_tab(gctx, zoe)
    qtbot.addWidget(tab)
    tab.resize(900, 560)
    tab.show()
    qtbot.waitUntil(lambda: tab.empty.isVisible(), timeout=10_000)
    assert "Zorgplan (voor zorgverleners)" in tab.buttons["careplan"].text()
    for button in tab.buttons.values():
        assert button.accessibleName()

    # Keyboard: the first button opens the dialog with a suggested file in the last folder.
    tab.buttons["emergency"].setFocus()
    qtbot.keyClick(tab.buttons["emergency"], Qt.Key.Key_Space)
    dialog = tab.dialog
    assert isinstance(dialog, DocumentDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    assert dialog.path.text().startswith(str(outdir))
    assert dialog.path.text().endswith(".pdf") and "Zoë" not in dialog.path.text()
    assert not dialog.initials.isVisible()  # only for agenda and minutes
    assert not list(outdir.iterdir())  # nothing written before Save
    shoot(dialog, "documents-dialog")

    # Mismatching passwords are refused in Dutch, nothing written.
    dialog.protect.setChecked(True)
    qtbot.keyClicks(dialog.password, "Geheim-wachtwoord-1")
    qtbot.keyClicks(dialog.repeat, "Anders-wachtwoord-2")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert "verschillen" in dialog.message.text()
    assert not list(outdir.iterdir())

    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "Geheim-wachtwoord-1")
    qtbot.keyClick(dialog.save, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.result_info is not None, timeout=30_000)
    info = dialog.result_info
    assert info.pages == 1 and info.protected
    assert "Opgeslagen als" in dialog.message.text() and "1 pagina" in dialog.message.text()
    assert dialog.open_button.isVisible() and not dialog.save.isVisible()
    shoot(dialog, "documents-dialog-done")
    reader = PdfReader(info.path)
    assert reader.is_encrypted and reader.decrypt("Geheim-wachtwoord-1")
    assert [p.name for p in outdir.iterdir()] == [info.path.name]
    dialog.reject()

    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=10_000)
    assert "Spoedoverzicht" in tab.table.item(0, 2).text()
    assert "(wachtwoord)" in tab.table.item(0, 2).text()
    shoot(tab, "documents-patient-tab")


def test_reports_page_for_meeting_with_initials(qtbot, gctx, outdir):  # noqa: F811
    from pzmdo.gui.reports_page import create_page

    QSettings().setValue(LAST_DIR_KEY, str(outdir))
    page = create_page(gctx)
    qtbot.addWidget(page)
    page.resize(1000, 680)
    page.show()
    qtbot.waitUntil(lambda: page.meeting.count() > 0, timeout=10_000)
    assert not page.patient_buttons["careplan"].isEnabled()  # no patient chosen yet
    closed = next(i for i in range(page.meeting.count()) if "Afgerond" in page.meeting.itemText(i))
    page.meeting.setCurrentIndex(closed)
    assert page.meeting_buttons["agenda"].isEnabled()
    page.meeting_buttons["agenda"].click()
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    assert dialog.initials.isVisible()
    dialog.initials.setChecked(True)
    dialog.save.click()
    qtbot.waitUntil(lambda: dialog.result_info is not None, timeout=30_000)
    text = PdfReader(dialog.result_info.path).pages[0].extract_text()
    assert "initialen en geboortejaar" in text
    dialog.reject()
    qtbot.waitUntil(lambda: page.table.rowCount() >= 1, timeout=10_000)
    assert page.table.item(0, 2).text() == "Agenda"
    shoot(page, "documents-reports-page")
    assert document_history(gctx.app)[0].kind == "agenda"
    assert document_history(gctx.app)[0].user == gctx.app.user.name  # a name, not a login


def test_errors_show_a_dutch_message_and_write_nothing(qtbot, gctx, zoe, outdir, monkeypatch):  # noqa: F811
    shown: list[str] = []
    monkeypatch.setattr(gctx, "show_error", lambda exc, parent=None: shown.append(str(exc)))
    dialog = DocumentDialog(gctx, "careplan", patient_id=zoe)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(outdir / "bestaat-niet" / "x.pdf"))
    dialog.save.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "bestaat niet" in shown[0]
    assert dialog.save.isEnabled()
    assert not list(outdir.iterdir())
    dialog.path.clear()
    dialog.save.click()
    assert "Kies waar" in dialog.message.text()


def test_meetings_page_offers_the_meeting_documents(qtbot, demo_ctx):
    """The meeting's agenda, minutes and batch are one menu away on the meetings page."""
    from pzmdo.gui.context import GuiContext
    from pzmdo.gui.document_actions import DocumentDialog
    from pzmdo.gui.meetings_page import MeetingsPage

    gctx = GuiContext(demo_ctx)
    page = MeetingsPage(gctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.meeting is not None, timeout=20_000)
    assert page.documents_button.isEnabled()
    actions = page.documents_button.menu().actions()
    assert [a.text() for a in actions if not a.isSeparator()] == [
        "Agenda (pdf)…",
        "Verslag en presentielijst (pdf)…",
        "Zorgplannen van alle patiënten op de agenda (pdf)…",
        "&Afdrukken…",  # print directly (issue 13)
    ]
    actions[1].trigger()
    dialog = page.findChild(DocumentDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    gctx.runner.wait()
