"""Producing a PDF from the GUI: ask where to save, run off the GUI thread, offer to open.

    produce_document(gctx, parent, "careplan", patient_id=12)
    produce_document(gctx, parent, "agenda", meeting_id=3)

The dialog shows the suggested file (in the folder the user used last, never a temporary
folder); nothing is written until the user presses Save. Agenda and minutes can name
patients by initials and year of birth only; any document can get a password (AES-256).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pzmdo.gui.context import GuiContext
from pzmdo.gui.printing import PrintJob, print_document
from pzmdo.services import documents
from pzmdo.services.documents import DocumentInfo

LAST_DIR_KEY = "documents/last_dir"


def _t(text: str) -> str:
    return QCoreApplication.translate("DocumentDialog", text)


KIND_LABELS = {
    "careplan": QT_TRANSLATE_NOOP("DocumentDialog", "Care plan (for professionals)"),
    "emergency": QT_TRANSLATE_NOOP("DocumentDialog", "Emergency overview (one page)"),
    "patient": QT_TRANSLATE_NOOP("DocumentDialog", "For the patient and family"),
    "agenda": QT_TRANSLATE_NOOP("DocumentDialog", "Agenda"),
    "minutes": QT_TRANSLATE_NOOP("DocumentDialog", "Minutes and attendance list"),
    "batch": QT_TRANSLATE_NOOP("DocumentDialog", "Care plans of all patients on the agenda"),
}


def kind_label(kind: str) -> str:
    return _t(str(KIND_LABELS[kind]))


def default_folder() -> Path:
    stored = str(QSettings().value(LAST_DIR_KEY, "", type=str))
    if stored and Path(stored).is_dir():
        return Path(stored)
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if docs and Path(docs).is_dir():
        return Path(docs)
    return Path.home()


class DocumentDialog(QDialog):
    """Where to save, initials only, password; then Save → Open."""

    def __init__(
        self,
        gctx: GuiContext,
        kind: str,
        *,
        patient_id: int | None = None,
        meeting_id: int | None = None,
        parent: QWidget | None = None,
        on: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.kind = kind
        self.patient_id = patient_id
        self.meeting_id = meeting_id
        self.result_info: DocumentInfo | None = None
        self.setWindowTitle(self.tr("Make document: %1").replace("%1", kind_label(kind)))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(560)

        heading = QLabel(kind_label(kind))
        heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        intro = QLabel(
            self.tr(
                "The PDF contains medical data. Save it only where it is safe, and remove it "
                "when it is no longer needed."
            )
        )
        intro.setWordWrap(True)

        form = self._build_form(kind, on)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.path, self.browse)
        self.setTabOrder(self.browse, self.initials)
        self.setTabOrder(self.initials, self.protect)
        self.setTabOrder(self.protect, self.password)
        self.setTabOrder(self.password, self.repeat)
        self.setTabOrder(self.repeat, self.save)
        self.setTabOrder(self.save, self.print_button)
        self._protect_toggled(False)
        self.path.setFocus()

    def _build_form(self, kind: str, on: date | None) -> QFormLayout:
        """Where to save, initials only, and an optional password."""
        # Named after the meeting's date (not today's) when there is one.
        self.path = QLineEdit(str(default_folder() / documents.default_file_name(kind, on=on)))
        self.path.setAccessibleName(self.tr("File name"))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setAccessibleName(self.tr("Choose where to save the document"))
        self.browse.setAutoDefault(False)  # Enter in the file name saves, never browses
        self.browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        path_label = QLabel(self.tr("Save &as:"))
        path_label.setBuddy(self.path)

        self.initials = QCheckBox(self.tr("Patients by &initials and year of birth only (e-mail)"))
        self.initials.setAccessibleName(self.tr("Initials and year of birth only"))
        self.initials.setVisible(kind in ("agenda", "minutes"))

        self.protect = QCheckBox(self.tr("Protect with a &password (AES-256)"))
        self.protect.setAccessibleName(self.tr("Protect with a password"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password for the PDF"))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the password"))
        password_label = QLabel(self.tr("Pass&word:"))
        password_label.setBuddy(self.password)
        repeat_label = QLabel(self.tr("&Repeat:"))
        repeat_label.setBuddy(self.repeat)
        self.protect.toggled.connect(self._protect_toggled)

        form = QFormLayout()
        form.addRow(path_label, path_row)
        form.addRow(self.initials)
        form.addRow(self.protect)
        form.addRow(password_label, self.password)
        form.addRow(repeat_label, self.repeat)
        self._password_rows = (password_label, self.password, repeat_label, self.repeat)
        return form

    def _build_buttons(self) -> None:
        """Save, Print…, Open (after saving) and Cancel."""
        self.buttons = QDialogButtonBox()
        self.save = self.buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save.setAccessibleName(self.tr("Save the document"))
        self.save.setDefault(True)
        self.print_button = self.buttons.addButton(
            self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.setAccessibleName(self.tr("Print the document"))
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self._print)
        self.printer: QPrinter | None = None  # None: Qt's print dialog asks (tests inject one)
        self.print_job: PrintJob | None = None
        self.open_button = self.buttons.addButton(
            self.tr("&Open"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setAccessibleName(self.tr("Open the saved document"))
        self.open_button.hide()
        self.close_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setAccessibleName(self.tr("Close this window"))
        self.save.clicked.connect(self._save)
        self.open_button.clicked.connect(self.open_file)
        self.close_button.clicked.connect(self.reject)

    # -- input ------------------------------------------------------------------------------
    def _protect_toggled(self, on: bool) -> None:
        for widget in self._password_rows:
            widget.setEnabled(on)

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Save document as"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF documents (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        current = Path(self.path.text().strip() or str(default_folder()))
        dialog.setDirectory(str(current.parent if current.parent.is_dir() else default_folder()))
        dialog.selectFile(current.name)
        dialog.fileSelected.connect(self.path.setText)
        self.file_dialog = dialog
        dialog.open()

    def _save(self) -> None:
        text = self.path.text().strip()
        if not text:
            self._show_message(self.tr("Choose where to save the document."), error=True)
            self.path.setFocus()
            return
        password = None
        if self.protect.isChecked():
            password = self.password.text()
            if password != self.repeat.text():
                self._show_message(
                    self.tr("The passwords differ. Type the same password twice."), error=True
                )
                self.repeat.setFocus()
                return
        self.save.setEnabled(False)
        self._show_message(self.tr("Making the document…"))
        self.gctx.runner.submit(
            documents.produce,
            self.gctx.app,
            self.kind,
            Path(text),
            patient_id=self.patient_id,
            meeting_id=self.meeting_id,
            initials_only=self.initials.isChecked() and self.initials.isVisible(),
            password=password,
            on_done=self._done,
            on_error=self._failed,
        )

    def _print(self) -> None:
        """Print exactly what Save would write (no password: paper needs none)."""
        self.print_button.setEnabled(False)
        self._show_message(self.tr("Preparing the printout…"))
        job = print_document(
            self.gctx,
            self,
            self.kind,
            patient_id=self.patient_id,
            meeting_id=self.meeting_id,
            initials_only=self.initials.isChecked() and self.initials.isVisible(),
            printer=self.printer,
        )
        job.finished.connect(self._printed)
        job.failed.connect(self._print_failed)
        if job.dialog is not None:
            job.dialog.rejected.connect(self._print_cancelled)
        self.print_job = job

    def _printed(self, pages: int) -> None:
        self.print_button.setEnabled(True)
        self._show_message(
            self.tr("Sent to the printer (%1).").replace("%1", self.tr("%n page(s)", "", pages))
        )

    def _print_cancelled(self) -> None:
        self.print_button.setEnabled(True)
        self._show_message("")

    def _print_failed(self, exc: BaseException) -> None:
        self.print_button.setEnabled(True)
        self._show_message("")
        self.gctx.show_error(exc, self)

    # -- results ----------------------------------------------------------------------------
    def _done(self, info: DocumentInfo) -> None:
        self.result_info = info
        QSettings().setValue(LAST_DIR_KEY, str(info.path.parent))
        self.path.setText(str(info.path))
        pages = self.tr("%n page(s)", "", info.pages)
        text = self.tr("Saved as %1 (%2).").replace("%1", str(info.path)).replace("%2", pages)
        if info.protected:
            text += " " + self.tr("Send the password separately, e.g. by text message.")
        self._show_message(text)
        self.save.hide()
        self.open_button.show()
        self.close_button.setText(self.tr("Close"))
        self.open_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.save.setEnabled(True)
        self._show_message("", error=False)
        self.gctx.show_error(exc, self)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #B00020;" if error else "")

    def open_file(self) -> bool:
        if self.result_info is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_info.path)))


def produce_document(
    gctx: GuiContext,
    parent: QWidget | None,
    kind: str,
    patient_id: int | None = None,
    meeting_id: int | None = None,
    on: date | None = None,
) -> DocumentDialog:
    """Open the 'make document' dialog (non-blocking) and return it."""
    dialog = DocumentDialog(
        gctx, kind, patient_id=patient_id, meeting_id=meeting_id, parent=parent, on=on
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
