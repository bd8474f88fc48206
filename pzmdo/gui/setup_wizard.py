"""First run: a local encrypted file (practice, first user, password, then the recovery key)
or the practice's server (address, database and CA certificate; people log in afterwards)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pzmdo.domain.enums import Role
from pzmdo.domain.errors import PzmdoError
from pzmdo.gui import server_settings
from pzmdo.gui.runner import Runner
from pzmdo.gui.server_settings import ServerChoice
from pzmdo.services import unlock

PAGE_CHOICE, PAGE_ACCOUNT, PAGE_RECOVERY, PAGE_SERVER = range(4)


def _create(
    path: Path,
    practice: str,
    login: str,
    name: str,
    password: str,
    remember: bool,
    demo: bool,
    also: tuple[Role, ...] = (),
) -> unlock.InitResult:
    result = unlock.init_database(
        path,
        practice_name=practice,
        admin_login=login,
        admin_name=name,
        password=password,
        remember_on_this_computer=remember,
        also_roles=also,
    )
    if demo:
        from pzmdo.services.demo import add_demo_patients

        add_demo_patients(result.context)
    return result


class _ChoicePage(QWizardPage):
    """Where the register lives: a file on this computer, or the practice's server."""

    def __init__(self, server_button: QRadioButton) -> None:
        super().__init__()
        self.server_button = server_button

    def nextId(self) -> int:  # noqa: N802 - Qt API
        return PAGE_SERVER if self.server_button.isChecked() else PAGE_ACCOUNT


class _FinalPage(QWizardPage):
    """A page that ends its path (Finish), with an optional check before finishing."""

    def __init__(self, validate: Callable[[], bool] | None = None) -> None:
        super().__init__()
        self._validate = validate

    def nextId(self) -> int:  # noqa: N802 - Qt API
        return -1

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        return self._validate() if self._validate is not None else True


def _wait_for(runner: Runner, fn: Callable[..., Any], *args: object) -> tuple[Any, Any]:
    """Run ``fn`` in the runner while the wizard's events keep flowing (no frozen window);
    (result, None) or (None, error)."""
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    runner.submit(fn, *args, on_done=done, on_error=failed)
    loop.exec()
    return outcome.get("result"), outcome.get("error")


class SetupWizard(QWizard):
    created = Signal(object)  # AppContext, after the recovery key was acknowledged
    server_chosen = Signal(str)  # the server's URL, saved in the settings (no password)

    def __init__(self, db_path: Path, runner: Runner) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.runner = runner
        self.result_: unlock.InitResult | None = None
        self.server_url: str | None = None
        self.setWindowTitle(self.tr("Set up pzmdo"))
        self.setAccessibleName(self.tr("Set up pzmdo"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)

        self.choice = self._build_choice_page()
        self.account = self._build_account_page()
        self.recovery = self._build_recovery_page()
        self.server_page = self._build_server_page()
        self.setPage(PAGE_CHOICE, self.choice)
        self.setPage(PAGE_ACCOUNT, self.account)
        self.setPage(PAGE_RECOVERY, self.recovery)
        self.setPage(PAGE_SERVER, self.server_page)
        self.setStartId(PAGE_CHOICE)
        self.setMinimumWidth(600)  # explanations wrap in a few lines, not a narrow column
        self.file_choice.setFocus()

    def _build_choice_page(self) -> QWizardPage:
        """Page 0: a local encrypted file (the default) or the practice's server."""
        self.file_choice = QRadioButton(self.tr("&Local file"))
        self.server_choice = QRadioButton(self.tr("&Server of the practice/core team"))
        page = _ChoicePage(self.server_choice)
        page.setTitle(self.tr("Where is the register kept?"))
        page.setSubTitle(self.tr("Choose where pzmdo keeps the data."))
        self.file_choice.setAccessibleName(self.tr("Local file"))
        self.file_choice.setAccessibleDescription(
            self.tr("An encrypted database file on this computer.")
        )
        self.server_choice.setAccessibleName(self.tr("Server of the practice/core team"))
        self.server_choice.setAccessibleDescription(
            self.tr("A shared PostgreSQL server; everyone logs in as themselves.")
        )
        self.file_choice.setChecked(True)
        group = QButtonGroup(page)
        group.addButton(self.file_choice)
        group.addButton(self.server_choice)
        col = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "One person on one computer: a local encrypted file. Several workstations or a "
                "core team across practices: the server the administrator set up."
            )
        )
        intro.setWordWrap(True)
        col.addWidget(intro)
        col.addSpacing(8)
        for button, note in (
            (
                self.file_choice,
                self.tr("Encrypted on this computer, with a recovery key on paper."),
            ),
            (
                self.server_choice,
                self.tr(
                    "Shared by the workstations of the practice or core team; the server keeps "
                    "the data and its backups."
                ),
            ),
        ):
            col.addWidget(button)
            explanation = QLabel(note)
            explanation.setWordWrap(True)
            explanation.setIndent(24)
            col.addWidget(explanation)
        col.addStretch(1)
        self.setTabOrder(self.file_choice, self.server_choice)
        return page

    def _build_server_page(self) -> QWizardPage:
        """The server: address, port, database and the practice's CA certificate."""
        page = _FinalPage(self._choose_server)
        page.setTitle(self.tr("The practice's server"))
        page.setSubTitle(self.tr("Always encrypted (TLS); you log in afterwards."))
        intro = QLabel(
            self.tr(
                "The connection is always encrypted (TLS) and pzmdo checks the server's "
                "certificate against the practice's CA certificate. You log in afterwards; "
                "your password is never stored in a file."
            )
        )
        intro.setWordWrap(True)
        self.host = QLineEdit()
        self.host.setPlaceholderText("db.praktijk.nl")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(server_settings.DEFAULT_PORT)
        self.database = QLineEdit("pzmdo")
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("for example praktijk-ca.crt"))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setAccessibleName(self.tr("Choose the CA certificate file"))
        self.browse.clicked.connect(self._browse_ca)
        ca_row = QWidget()
        ca_layout = QHBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.addWidget(self.ca_file, 1)
        ca_layout.addWidget(self.browse)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.test_button.clicked.connect(self._test_server)
        self.server_status = QLabel()
        self.server_status.setWordWrap(True)
        self.server_status.setAccessibleName(self.tr("Connection test result"))
        col = QVBoxLayout(page)
        col.addWidget(intro)
        form = QFormLayout()
        col.addLayout(form)
        for label_text, widget, buddy in (
            (self.tr("Server &name"), self.host, self.host),
            (self.tr("P&ort"), self.port, self.port),
            (self.tr("&Database"), self.database, self.database),
            (self.tr("&CA certificate of the practice"), ca_row, self.ca_file),
        ):
            label = QLabel(label_text)
            label.setBuddy(buddy)
            buddy.setAccessibleName(label_text.replace("&", ""))
            form.addRow(label, widget)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        col.addLayout(test_row)
        col.addWidget(self.server_status)
        col.addStretch(1)
        for first, second in (
            (self.host, self.port),
            (self.port, self.database),
            (self.database, self.ca_file),
            (self.ca_file, self.browse),
            (self.browse, self.test_button),
        ):
            self.setTabOrder(first, second)
        return page

    def _server_choice(self) -> ServerChoice:
        return ServerChoice(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.ca_file.text().strip(),
        )

    def _browse_ca(self) -> None:
        dialog = QFileDialog(self, self.tr("CA certificate of the practice"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [self.tr("Certificates (*.crt *.pem *.cer)"), self.tr("All files (*)")]
        )
        dialog.fileSelected.connect(self.ca_file.setText)
        self.ca_dialog = dialog
        dialog.open()

    def _show_server_result(self, ok: bool, text: str) -> None:
        self.server_status.setStyleSheet("color: #1b5e20;" if ok else "color: #b00020;")
        self.server_status.setText(text)

    def _test_server(self) -> None:
        """Reach the server and check its certificate (no login needed), off the GUI thread."""
        try:
            url = self._server_choice().url()
        except PzmdoError as exc:
            self._show_server_result(False, str(exc))
            return
        self._show_server_result(True, self.tr("Connecting to the server…"))
        self.test_button.setEnabled(False)

        def done(label: str) -> None:
            self.test_button.setEnabled(True)
            self._show_server_result(
                True,
                self.tr(
                    "The server %1 answers and proves its identity with the practice's certificate."
                ).replace("%1", label),
            )

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self._show_server_result(False, self._error_text(exc))

        self.runner.submit(unlock.probe_server, url, on_done=done, on_error=failed)

    def _error_text(self, exc: BaseException) -> str:
        if isinstance(exc, PzmdoError):
            return str(exc)
        return self.tr("The connection test failed unexpectedly. Try again.")

    def _choose_server(self) -> bool:
        """Finish on the server path: the server must answer and prove who it is; then the
        choice is saved (without any password) and the login screen follows."""
        choice = self._server_choice()
        try:
            url = choice.url()
        except PzmdoError as exc:
            self._show_server_result(False, str(exc))
            return False
        self._show_server_result(True, self.tr("Connecting to the server…"))
        self.setEnabled(False)
        _label, error = _wait_for(self.runner, unlock.probe_server, url)
        self.setEnabled(True)
        if error is not None:
            self._show_server_result(False, self._error_text(error))
            return False
        server_settings.save(choice)
        self.server_url = url
        return True

    def _build_account_page(self) -> QWizardPage:
        """Page 1: the practice and the first user."""
        page = QWizardPage()
        page.setTitle(self.tr("Practice and first user"))
        page.setSubTitle(
            self.tr(
                "The first user manages pzmdo (role: administrator). Data are stored encrypted at %1."
            ).replace("%1", str(self.db_path))
        )
        form = QFormLayout(page)
        self.practice = QLineEdit()
        self.name = QLineEdit()
        self.login = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        # In a small practice the administrator is often also a GP: roles are given by
        # someone else later (nobody changes their own), so the first user's is asked here.
        self.own_role = QComboBox()
        self.own_role.addItem(self.tr("none (only administrator)"), None)
        for role in (Role.HUISARTS, Role.POH, Role.WIJKVERPLEEGKUNDIGE, Role.SPECIALIST_PZ,
                     Role.COORDINATOR):  # fmt: skip
            self.own_role.addItem(role.label, role.value)
        self.own_role.setCurrentIndex(1)
        self.remember = QCheckBox(self.tr("&Remember on this computer (OS keyring)"))
        self.remember.setVisible(unlock.keyring_present())
        self.demo = QCheckBox(self.tr("Add &fictitious demo patients"))
        self.demo.setChecked(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        for label, widget in (
            (self.tr("&Practice name"), self.practice),
            (self.tr("Your &full name"), self.name),
            (self.tr("&User name"), self.login),
            (self.tr("Pass&word (at least 8 characters)"), self.password),
            (self.tr("Repeat p&assword"), self.password2),
            (self.tr("Your own r&ole besides administrator"), self.own_role),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        form.addRow(self.remember)
        form.addRow(self.demo)
        form.addRow(self.error)
        page.validatePage = self._create_database  # type: ignore[method-assign]
        return page

    def _build_recovery_page(self) -> QWizardPage:
        """Page 2: the recovery key, shown once."""
        page = _FinalPage()
        page.setTitle(self.tr("Your recovery key"))
        page.setSubTitle(
            self.tr(
                "With this key the data can always be opened, also when every password is lost. "
                "It is shown only now: print it or write it down and keep it in a safe place."
            )
        )
        col = QVBoxLayout(page)
        self.key_label = QLabel()
        font = QFont("DejaVu Sans Mono")
        font.setPointSize(13)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        self.key_label.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Print recovery key…"))
        self.print_button.setAccessibleName(self.tr("Print recovery key"))
        self.print_button.clicked.connect(self._print_key)
        self.stored = QCheckBox(self.tr("I have &printed or written down the recovery key"))
        self.stored.setAccessibleName(self.tr("I have printed or written down the recovery key"))
        col.addWidget(self.key_label)
        col.addWidget(self.print_button)
        col.addWidget(self.stored)
        col.addStretch(1)
        page.registerField("stored*", self.stored)
        return page

    def _create_database(self) -> bool:
        if self.result_ is not None:
            return True
        if self.password.text() != self.password2.text():
            self.error.setText(self.tr("The two passwords differ."))
            return False
        self.error.setText(self.tr("Creating the encrypted database…"))
        self.setEnabled(False)
        # Wait for the worker: the wizard may only continue once the database exists.
        result, exc = _wait_for(
            self.runner,
            _create,
            self.db_path,
            self.practice.text(),
            self.login.text(),
            self.name.text(),
            self.password.text(),
            self.remember.isChecked(),
            self.demo.isChecked(),
            (Role(self.own_role.currentData()),) if self.own_role.currentData() else (),
        )
        self.setEnabled(True)
        if exc is not None:
            self.error.setText(
                str(exc)
                if isinstance(exc, PzmdoError)
                else self.tr("Creating the database failed.")
            )
            return False
        assert isinstance(result, unlock.InitResult)
        self.result_ = result
        self.key_label.setText(result.recovery_key)
        self.error.clear()
        return True

    def _print_key(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        assert self.result_ is not None
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        doc = QTextDocument()
        doc.setHtml(
            "<h2>pzmdo — " + self.tr("recovery key") + "</h2>"
            f"<p>{self.tr('Database')}: {self.db_path}</p>"
            f"<p style='font-family:monospace;font-size:16pt'>Herstelsleutel: {self.result_.recovery_key}</p>"
        )
        doc.print_(printer)

    def accept(self) -> None:
        if self.currentId() == PAGE_SERVER:
            super().accept()  # validates the page first: the server must answer
            if self.server_url is not None:
                self.server_chosen.emit(self.server_url)
            return
        if self.result_ is None:
            return
        super().accept()
        self.created.emit(self.result_.context)

    def reject(self) -> None:
        if self.result_ is not None:
            QMessageBox.information(
                self,
                self.tr("Set up pzmdo"),
                self.tr("The database has been created. Confirm that you stored the recovery key."),
            )
            return
        super().reject()
