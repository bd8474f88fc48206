"""Print directly: exactly the PDF that "Save" would write, sent to a printer.

    job = print_document(gctx, parent, "careplan", patient_id=12)  # asks via Qt's dialog
    job = print_document(gctx, parent, "agenda", meeting_id=3, printer=printer)  # no dialog

The PDF is made in memory by the service (and recorded in the audit trail), never written
to disk. Each page is rendered to an image by pypdfium2 in the runner (one page at a time,
so a long batch does not fill the memory) and painted onto the printer on the GUI thread.
"""

from __future__ import annotations

import threading

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QObject, QRect, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from pzmdo.domain.errors import PzmdoError
from pzmdo.gui.context import GuiContext
from pzmdo.services import documents
from pzmdo.services.documents import DocumentInfo

NOT_STARTED = (
    "De printer kon niet worden gestart. Controleer of hij aan staat en verbonden is, "
    "en probeer het opnieuw."
)
STOPPED = "De printer is gestopt tijdens het afdrukken. Controleer de printer en druk opnieuw af."
_PDFIUM = threading.Lock()  # pdfium is not thread-safe; the runner has more than one thread
MAX_DPI = 300  # sharp on paper; higher only costs memory (an A4 page at 300 dpi is ~35 MB)


def render_page(data: bytes, index: int, dpi: int) -> QImage:
    """Page ``index`` of the PDF ``data`` as an image at ``dpi`` (runs in the runner)."""
    with _PDFIUM:
        return _render_page(data, index, dpi)


def _render_page(data: bytes, index: int, dpi: int) -> QImage:
    pdf = pdfium.PdfDocument(data)
    try:
        bitmap = pdf[index].render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
        image = QImage(
            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
        )
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        return image.copy()  # own the pixels before pdfium frees its buffer
    finally:
        pdf.close()


class PrintJob(QObject):
    """Make the document, then render and paint it page by page; ``finished(pages)`` or
    ``failed(exc)`` at the end."""

    finished = Signal(int)
    failed = Signal(object)

    def __init__(
        self,
        gctx: GuiContext,
        printer: QPrinter,
        kind: str,
        *,
        patient_id: int | None = None,
        meeting_id: int | None = None,
        initials_only: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.printer = printer
        self.kind = kind
        self.request = {
            "patient_id": patient_id,
            "meeting_id": meeting_id,
            "initials_only": initials_only,
        }
        self.info: DocumentInfo | None = None
        self._data = b""
        self._pages: list[int] = []
        self._printed = 0
        self._painter: QPainter | None = None
        self.dialog: QPrintDialog | None = None  # when the user was asked

    def start(self) -> None:
        self.gctx.runner.submit(
            documents.produce_for_print,
            self.gctx.app,
            self.kind,
            **self.request,
            on_done=self._made,
            on_error=self._fail,
        )

    def _made(self, result: tuple[bytes, DocumentInfo]) -> None:
        self._data, self.info = result
        self.printer.setDocName(self.info.title)
        self.printer.setFullPage(True)  # the PDF has its own margins
        first, last = self.printer.fromPage(), self.printer.toPage()  # 0: all pages
        if first <= 0:
            first, last = 1, self.info.pages
        self._pages = list(range(first - 1, min(last, self.info.pages)))
        self._next()

    def _next(self) -> None:
        if not self._pages:
            self._end()
            self.finished.emit(self._printed)
            return
        dpi = min(self.printer.resolution(), MAX_DPI)
        self.gctx.runner.submit(
            render_page,
            self._data,
            self._pages.pop(0),
            dpi,
            on_done=self._paint,
            on_error=self._fail,
        )

    def _paint(self, image: QImage) -> None:
        if self._painter is None:
            self._painter = QPainter()
            if not self._painter.begin(self.printer):
                self._painter = None
                self._fail(PzmdoError(NOT_STARTED))
                return
        elif not self.printer.newPage():
            self._fail(PzmdoError(STOPPED))
            return
        target = self._painter.viewport()
        size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
        self._painter.drawImage(QRect(target.topLeft(), size), image)
        self._printed += 1
        self._next()

    def _end(self) -> None:
        if self._painter is not None:
            self._painter.end()
            self._painter = None
        self._data = b""

    def _fail(self, exc: BaseException) -> None:
        if self._painter is not None:
            self.printer.abort()
        self._end()
        self._pages = []
        self.failed.emit(exc)


def print_document(
    gctx: GuiContext,
    parent: QWidget,
    kind: str,
    *,
    patient_id: int | None = None,
    meeting_id: int | None = None,
    initials_only: bool = False,
    printer: QPrinter | None = None,
) -> PrintJob:
    """Print the document ``kind``. Without ``printer`` Qt's print dialog asks first
    (non-blocking; the job starts when the user confirms). Errors go to ``job.failed``."""
    asked = printer is None
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    job = PrintJob(
        gctx,
        printer,
        kind,
        patient_id=patient_id,
        meeting_id=meeting_id,
        initials_only=initials_only,
        parent=parent,
    )
    if not asked:
        job.start()
        return job
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setWindowTitle(
        QCoreApplication.translate("Printing", "Print: %1").replace(
            "%1", documents.kind_title(kind)
        )
    )
    dialog.accepted.connect(job.start)
    job.dialog = dialog
    QDialog.open(dialog)  # QPrintDialog.open() itself wants a receiver and slot
    return job
