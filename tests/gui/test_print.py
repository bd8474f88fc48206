"""Issue 13 item 15: print directly exactly the PDF that Save would write. The printer here
is a real QPrinter writing a PDF file (the test's path), read back; no print dialog."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication

from pzmdo.gui.context import GuiContext
from pzmdo.gui.document_actions import LAST_DIR_KEY, DocumentDialog
from pzmdo.gui.meetings_page import MeetingsPage
from pzmdo.gui.printing import print_document
from pzmdo.services import documents
from pzmdo.services import meetings as svc
from tests.gui.test_documents_gui import SHOTS, dutch, gctx  # noqa: F401 - fixtures
from tests.services.test_documents import full_ctx, outdir, zoe  # noqa: F401 - fixtures


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def printed_pages(path: Path) -> list:
    """Each printed page carries the rendered document as one image, not blank."""
    reader = PdfReader(str(path))
    for page in reader.pages:
        images = list(page.images)
        assert len(images) == 1
        image = images[0].image.convert("L")
        assert image.getextrema()[0] < 100  # dark ink (text) on the page
    return reader.pages


def test_print_button_prints_the_saved_document(qtbot, gctx, zoe, outdir, tmp_path):  # noqa: F811
    saved = documents.produce(gctx.app, "careplan", outdir / "zorgplan.pdf", patient_id=zoe)
    QSettings().setValue(LAST_DIR_KEY, str(outdir))
    dialog = DocumentDialog(gctx, "careplan", patient_id=zoe)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    out = tmp_path / "afdruk.pdf"
    dialog.printer = pdf_printer(out)  # injected: no print dialog
    assert dialog.print_button.isVisible() and dialog.print_button.text() == "&Afdrukken…"
    dialog.grab().save(str(SHOTS / "document-dialog-print.png"))

    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=60_000)
    assert "printer" in dialog.message.text()
    assert len(printed_pages(out)) == saved.pages
    assert dialog.print_job is not None and dialog.print_job.info is not None
    assert dialog.print_job.info.pages == saved.pages  # the same document Save writes
    # Nothing but the saved document in the folder: the print left no file behind.
    assert sorted(p.name for p in outdir.iterdir()) == ["zorgplan.pdf"]
    history = documents.document_history(gctx.app, zoe)
    assert history[0].file_name == "(afgedrukt)" and history[1].file_name == "zorgplan.pdf"


def test_print_a_page_range_of_the_emergency_page(qtbot, gctx, zoe, tmp_path):  # noqa: F811
    out = tmp_path / "spoed.pdf"
    printer = pdf_printer(out)
    printer.setFromTo(1, 1)
    parent = DocumentDialog(gctx, "emergency", patient_id=zoe)
    qtbot.addWidget(parent)
    job = print_document(gctx, parent, "emergency", patient_id=zoe, printer=printer)
    with qtbot.waitSignal(job.finished, timeout=60_000) as done:
        pass
    assert done.args == [1] and len(printed_pages(out)) == 1


def test_meetings_print_asks_then_prints_the_agenda(qtbot, demo_ctx, tmp_path):
    gctx = GuiContext(demo_ctx)  # noqa: F811 - the demo data, not the fixture
    meeting = svc.plan_meeting(demo_ctx, date.today() + timedelta(days=2))
    svc.propose_agenda(demo_ctx, meeting.id)
    svc.accept_all(demo_ctx, meeting.id)
    page = MeetingsPage(gctx)
    qtbot.addWidget(page)
    page.show()
    page.load_meeting(meeting.id)
    qtbot.waitUntil(lambda: page.meeting is not None and page.meeting.id == meeting.id)
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=20_000)

    # The menu entry opens Qt's print dialog (non-blocking); cancelling prints nothing.
    page.print_action.trigger()
    dialog = page._dialogs[-1]
    assert isinstance(dialog, QPrintDialog) and dialog.isVisible()
    dialog.reject()
    QApplication.processEvents()
    assert gctx.runner.pending() == 0

    # What it prints once confirmed: the agenda PDF, page by page.
    assert page.print_kind() == "agenda"
    out = tmp_path / "agenda.pdf"
    job = print_document(gctx, page, "agenda", meeting_id=meeting.id, printer=pdf_printer(out))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert job.info is not None and len(printed_pages(out)) == job.info.pages >= 1
    gctx.runner.wait()
