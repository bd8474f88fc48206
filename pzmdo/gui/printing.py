"""Print directly, besides saving a PDF: the meeting's agenda or its frozen record through
Qt's print dialog (printer, copies, pages). The printout is the screen's HTML rendering."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from pzmdo.services import meetings as svc


def agenda_html(meeting: svc.MeetingInfo, items: list[svc.AgendaItemInfo]) -> str:
    """The agenda as on screen: accepted items numbered 1..n, proposals left out."""
    e = html.escape
    rows = []
    shown = [i for i in items if i.status not in ("voorgesteld", "verwijderd")]
    for n, item in enumerate(shown, start=1):
        name = item.label + (" (fictief)" if item.is_fictional else "")
        rows.append(
            f"<tr><td>{n}.</td><td><b>{e(name)}</b><br>{e(item.detail or '')}</td>"
            f"<td>{e(item.reason_label)}</td></tr>"
        )
    title = QCoreApplication.translate("Printing", "Agenda %1").replace("%1", meeting.title)
    where = " · ".join(x for x in (meeting.place, meeting.online_link) if x)
    return (
        f"<h2>{e(title)}</h2><p>{e(where)}</p>"
        "<table cellspacing='0' cellpadding='4' border='1' width='100%'>"
        + "".join(rows)
        + "</table>"
    )


def render(printer: QPrinter, html_text: str) -> None:
    document = QTextDocument()
    document.setHtml(html_text)
    document.print_(printer)


def print_html(parent: QWidget, title: str, html_text: str) -> QPrintDialog:
    """Open Qt's print dialog (non-blocking); print when the user confirms."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print: %1").replace("%1", title))
    dialog.accepted.connect(lambda: render(printer, html_text))
    QDialog.open(dialog)  # QPrintDialog.open() itself wants a receiver and slot
    return dialog
