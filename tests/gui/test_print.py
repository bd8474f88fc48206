"""Issue 13 item 15: print the meeting's agenda (or its frozen record) directly through
Qt's print dialog; here the printer writes a PDF file that is read back."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta

from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from pzmdo.gui.context import GuiContext
from pzmdo.gui.meetings_page import MeetingsPage
from pzmdo.gui.printing import render
from pzmdo.services import meetings as svc


def test_print_the_agenda(qtbot, demo_ctx, tmp_path):
    gctx = GuiContext(demo_ctx)
    meeting = svc.plan_meeting(demo_ctx, date.today() + timedelta(days=2))
    svc.propose_agenda(demo_ctx, meeting.id)
    svc.accept_all(demo_ctx, meeting.id)
    first = next(i for i in svc.agenda(demo_ctx, meeting.id) if i.patient_id)
    page = MeetingsPage(gctx)
    qtbot.addWidget(page)
    page.show()
    page.load_meeting(meeting.id)
    qtbot.waitUntil(lambda: page.meeting is not None and page.meeting.id == meeting.id)
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=20_000)

    # The menu entry opens Qt's print dialog (non-blocking).
    page.print_action.trigger()
    dialog = page._dialogs[-1]
    assert isinstance(dialog, QPrintDialog) and dialog.isVisible()
    dialog.reject()

    # What it prints: rendered to a PDF "printer" and read back.
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "afdruk.pdf"
    printer.setOutputFileName(str(out))
    title, html_text = page.printable()
    render(printer, html_text)
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"Agenda {title}" in text and first.label in text and "1." in text
    gctx.runner.wait()
