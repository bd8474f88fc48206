"""First run: practice name, first user (beheerder) and password, then the recovery key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from pzmdo.domain.enums import Role
from pzmdo.domain.errors import PzmdoError
from pzmdo.gui.runner import Runner
from pzmdo.services import unlock


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


class SetupWizard(QWizard):
    created = Signal(object)  # AppContext, after the recovery key was acknowledged

    def __init__(self, db_path: Path, runner: Runner) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.runner = runner
        self.result_: unlock.InitResult | None = None
        self.setWindowTitle(self.tr("Set up pzmdo"))
        self.setAccessibleName(self.tr("Set up pzmdo"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)

        self.account = self._build_account_page()
        self.recovery = self._build_recovery_page()
        self.addPage(self.account)
        self.addPage(self.recovery)
        self.practice.setFocus()

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
        page = QWizardPage()
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
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()
        outcome: dict[str, object] = {}

        def done(result: unlock.InitResult) -> None:
            outcome["result"] = result
            loop.quit()

        def failed(exc: BaseException) -> None:
            outcome["error"] = exc
            loop.quit()

        self.runner.submit(
            _create,
            self.db_path,
            self.practice.text(),
            self.login.text(),
            self.name.text(),
            self.password.text(),
            self.remember.isChecked(),
            self.demo.isChecked(),
            (Role(self.own_role.currentData()),) if self.own_role.currentData() else (),
            on_done=done,
            on_error=failed,
        )
        loop.exec()
        self.setEnabled(True)
        if "error" in outcome:
            exc = outcome["error"]
            self.error.setText(
                str(exc)
                if isinstance(exc, PzmdoError)
                else self.tr("Creating the database failed.")
            )
            return False
        result = outcome["result"]
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
