"""Beheer: users and roles, the care-provider directory, settings, backups, audit trail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.enums import Role
from pzmdo.domain.permissions import Action
from pzmdo.gui import directory_page
from pzmdo.gui.admin_scope import AttachmentsTab, PracticesTab, TeamsTab
from pzmdo.gui.audit_page import AuditPage
from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import SaveDialog
from pzmdo.gui.key_dialogs import RecoveryKeyDialog, ResetPasswordDialog, run_rotation
from pzmdo.gui.person_picker import PersonPicker
from pzmdo.gui.widgets import read_only_table
from pzmdo.services import backup, custody, settings, users
from pzmdo.services.context import AppContext

# The page is shown to whoever may do any of these; each tab needs its own.
NEEDS = (
    Action.USERS, Action.DIRECTORY, Action.PRACTICES, Action.TEAMS, Action.ATTACHMENTS,
    Action.SETTINGS, Action.BACKUP, Action.AUDIT_READ,
)  # fmt: skip


def create_page(gctx: GuiContext) -> QWidget:
    return AdminPage(gctx)


class AdminPage(QTabWidget):
    def __init__(self, gctx: GuiContext) -> None:
        super().__init__()
        self.gctx = gctx
        self.setAccessibleName(self.tr("Administration"))
        user = gctx.app.user
        if user.may(Action.USERS):
            self.users = UsersTab(gctx)
            self.addTab(self.users, self.tr("&Users"))
        if user.may(Action.DIRECTORY):
            self.addTab(directory_page.create_page(gctx), self.tr("Care &providers"))
        if user.may(Action.PRACTICES):
            self.practices = PracticesTab(gctx)
            self.addTab(self.practices, self.tr("P&ractices"))
        if user.may(Action.TEAMS):
            self.teams = TeamsTab(gctx)
            self.addTab(self.teams, self.tr("Meeting &teams"))
        if user.may(Action.ATTACHMENTS):
            self.attachments = AttachmentsTab(gctx)
            self.addTab(self.attachments, self.tr("&Who sees what"))
        if user.may(Action.SETTINGS) or user.may(Action.BACKUP):
            self.settings = SettingsTab(gctx)
            self.addTab(self.settings, self.tr("&Settings and backup"))
        if user.may(Action.AUDIT_READ):
            self.audit = AuditPage(gctx)
            self.addTab(self.audit, self.tr("&Audit trail"))


class UsersTab(QWidget):
    def __init__(self, gctx: GuiContext) -> None:
        super().__init__()
        self.gctx = gctx
        self.table = read_only_table(
            [self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("Status")],
            self.tr("Users"),
        )
        self.add_button = QPushButton(self.tr("&Add user…"))
        self.add_button.setAccessibleName(self.tr("Add user"))
        self.deactivate_button = QPushButton(self.tr("&Deactivate"))
        self.deactivate_button.setAccessibleName(self.tr("Deactivate selected user"))
        self.rotate_button = QPushButton(self.tr("Replace database &key…"))
        self.rotate_button.setAccessibleName(self.tr("Replace the database key"))
        self.add_button.clicked.connect(self.add_user)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.rotate_button.clicked.connect(self.rotate)
        self.password_button = QPushButton(self.tr("New &password…"))
        self.password_button.setAccessibleName(self.tr("New password for the selected user"))
        self.password_button.clicked.connect(self.reset_password)
        self.roles_button = QPushButton(self.tr("R&oles…"))
        self.roles_button.setAccessibleName(self.tr("Change the roles of the selected user"))
        self.roles_button.clicked.connect(self.change_roles)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.roles_button)
        buttons.addWidget(self.deactivate_button)
        buttons.addWidget(self.password_button)
        buttons.addWidget(self.rotate_button)
        buttons.addStretch(1)
        # A server has no pzmdo database key, and its passwords are the server's logins.
        if gctx.app.db.path is None:
            self.rotate_button.hide()
            self.password_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.rows: list[users.UserInfo] = []
        gctx.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, entity: str, _ids: tuple) -> None:
        if entity in ("app_user", "*"):
            self.refresh()

    def refresh(self) -> None:
        self.gctx.runner.submit(users.list_users, self.gctx.app, on_done=self._show)

    def _show(self, rows: list[users.UserInfo]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, u in enumerate(rows):
            state = self.tr("active") if u.active else self.tr("deactivated")
            for col, text in enumerate((u.login, u.name, u.role_label, state)):
                self.table.setItem(i, col, QTableWidgetItem(text))

    def _selection_changed(self) -> None:
        row = self.table.currentRow()
        # Separation of duties: nobody changes their own roles (the service refuses too).
        own = 0 <= row < len(self.rows) and self.rows[row].login == self.gctx.app.user.login
        self.roles_button.setEnabled(not own)

    def change_roles(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.roles_dialog = RolesDialog(self.gctx, self.rows[row], self)
        self.roles_dialog.accepted.connect(self.refresh)
        self.roles_dialog.open()

    def add_user(self) -> None:
        dialog = AddUserDialog(self.gctx, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()

    def deactivate(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        login = self.rows[row].login
        answer = QMessageBox.question(
            self,
            self.tr("Deactivate user"),
            self.tr(
                "Deactivate %1? The user can no longer unlock pzmdo; their history stays. "
                "The database key is replaced and you get a new recovery key."
            ).replace("%1", login),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.progress = run_rotation(
                self,
                self.gctx.runner,
                users.deactivate_user,
                self.gctx.app,
                login,
                on_done=self._rotated,
            )

    def rotate(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Replace database key"),
            self.tr(
                "Replace the database key? Everybody else must have closed pzmdo. The old "
                "recovery key stops working and you get a new one."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.progress = run_rotation(
                self,
                self.gctx.runner,
                custody.rotate_data_key,
                self.gctx.app,
                on_done=self._rotated,
            )

    def reset_password(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.password_dialog = ResetPasswordDialog(
            self.gctx.runner, self.gctx.app, self.rows[row].login, self
        )
        self.password_dialog.open()

    def _rotated(self, result: custody.RotationResult | None) -> None:
        self.refresh()
        if result is not None:
            self.key_dialog = RecoveryKeyDialog(result, self)
            self.key_dialog.open()


class RolesDialog(QDialog):
    """Exactly which roles a user holds (a GP may also be beheerder)."""

    def __init__(self, gctx: GuiContext, user: users.UserInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.gctx = gctx
        self.login = user.login
        self.setWindowTitle(self.tr("Roles of %1").replace("%1", user.name))
        layout = QVBoxLayout(self)
        self.boxes: dict[Role, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(role.label)
            box.setAccessibleName(role.label)
            box.setChecked(role.value in user.roles)
            layout.addWidget(box)
            self.boxes[role] = box
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Error"))
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def chosen(self) -> list[Role]:
        return [role for role, box in self.boxes.items() if box.isChecked()]

    def _save(self) -> None:
        self.buttons.setEnabled(False)
        self.gctx.runner.submit(
            users.set_roles,
            self.gctx.app,
            self.login,
            self.chosen(),
            on_done=lambda _info: self.accept(),
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(str(exc))


class AddUserDialog(SaveDialog):
    def __init__(self, gctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(gctx, parent)
        self.setWindowTitle(self.tr("Add user"))
        form = QFormLayout(self)
        self.login = QLineEdit()
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role.value)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # A GP or nurse usually is in the directory already: link, never duplicate.
        self.existing = PersonPicker(gctx)
        self.existing.setItemText(0, self.tr("— new care provider —"))
        self.existing.loaded.connect(
            lambda: self.existing.setItemText(0, self.tr("— new care provider —"))
        )
        self.existing.person_changed.connect(self._existing_changed)
        self.big = QCheckBox(self.tr("&BIG-registered (huisarts, nurse, …)"))
        for label, widget in (
            (self.tr("&User name"), self.login),
            (self.tr("Full &name"), self.name),
            (self.tr("Existing care pro&vider"), self.existing),
            (self.tr("&Role"), self.role),
            (self.tr("Initial &password (at least 8 characters)"), self.password),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        self.big.setAccessibleName(self.tr("BIG-registered"))
        form.addRow(self.big)
        form.addRow(self.error)
        form.addRow(self.buttons)

    def submit(self) -> None:
        self.run(
            users.add_user,
            login=self.login.text(),
            name=self.name.text(),
            role=Role(self.role.currentData()),
            password=self.password.text(),
            person_id=self.existing.person_id,
            big_registered=self.big.isChecked(),
        )

    def _existing_changed(self, person_id: int | None) -> None:
        person = self.existing.persons.get(person_id) if person_id is not None else None
        self.name.setEnabled(person is None)
        self.big.setEnabled(person is None)
        if person is not None:
            self.name.setText(person.name)
            self.big.setChecked(person.big_registered)


class SettingsTab(QWidget):
    def __init__(self, gctx: GuiContext) -> None:
        super().__init__()
        self.gctx = gctx
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.idle = QSpinBox()
        self.idle.setRange(1, 120)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setAccessibleName(self.tr("Lock automatically after minutes without use"))
        self.idle.setValue(10)
        gctx.runner.submit(
            settings.get_setting,
            gctx.app,
            settings.IDLE_LOCK_MINUTES,
            on_done=lambda minutes: self.idle.setValue(int(minutes)),
        )
        self.gp_post = QLineEdit()
        self.gp_post.setAccessibleName(self.tr("Phone number of the out-of-hours GP service"))
        self.gp_post.setPlaceholderText(self.tr("e.g. 0900-1120112"))
        gctx.runner.submit(
            settings.get_setting,
            gctx.app,
            settings.GP_POST_PHONE,
            on_done=lambda phone: self.gp_post.setText(str(phone or "")),
        )
        save = QPushButton(self.tr("&Save settings"))
        save.setAccessibleName(self.tr("Save settings"))
        save.clicked.connect(self._save)
        form.addRow(self.tr("&Lock automatically after"), self.idle)
        form.addRow(self.tr("Out-of-hours GP service (&HAP) phone"), self.gp_post)
        layout.addLayout(form)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignLeft)
        self.backup_button = QPushButton(self.tr("Make a &backup now…"))
        self.backup_button.setAccessibleName(self.tr("Make a backup now"))
        self.restore_button = QPushButton(self.tr("&Restore a backup…"))
        self.restore_button.setAccessibleName(self.tr("Restore a backup"))
        self.backup_button.clicked.connect(self._backup)
        self.restore_button.clicked.connect(self._restore)
        info = QLabel(
            self.tr(
                "Backups are encrypted with the same key as the database. pzmdo also makes one "
                "automatically on closing and keeps the last ten."
            )
        )
        if gctx.app.db.path is None:  # a server: its administrator makes the backups
            info.setText(
                self.tr(
                    "The server's administrator makes the backups of the server (pg_dump or "
                    "base backups with WAL archiving); see docs/server.md."
                )
            )
            self.backup_button.hide()
            self.restore_button.hide()
        info.setWordWrap(True)
        layout.addSpacing(12)
        layout.addWidget(info)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _save(self) -> None:
        minutes = self.idle.value()
        phone = self.gp_post.text().strip()

        def done(_r: object) -> None:
            window = self.gctx.main_window
            if window is not None and hasattr(window, "idle"):
                window.idle.set_timeout(minutes * 60_000)
                window.idle.start()
            self.status.setText(self.tr("Settings saved."))

        values = {settings.IDLE_LOCK_MINUTES: minutes, settings.GP_POST_PHONE: phone}
        self.gctx.runner.submit(settings.set_settings, self.gctx.app, values, on_done=done)

    def _backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save backup"), "pzmdo-backup.db", self.tr("pzmdo backup (*.db)")
        )
        if not path:
            return
        self.status.setText(self.tr("Making the backup…"))
        self.gctx.runner.submit(
            backup.backup,
            self.gctx.app,
            Path(path),
            on_done=lambda out: self.status.setText(
                self.tr("Backup saved: %1").replace("%1", str(out))
            ),
        )

    def _restore(self) -> None:
        # Opens in the backups folder, never in the database's own folder.
        dialog = QFileDialog(self, self.tr("Restore backup"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("pzmdo backup (*.db)"))
        db_path = self.gctx.app.db.path
        if db_path is not None:
            dialog.setDirectory(str(backup.backup_folder(db_path)))
        dialog.fileSelected.connect(self._restore_chosen)
        self.restore_dialog = dialog
        dialog.open()

    def _restore_chosen(self, path: str) -> None:
        if not path:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup"),
            self.tr(
                "Replace all current data by the backup %1? The current database is kept aside in the backups folder."
            ).replace("%1", path),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.gctx.runner.wait()
        self.gctx.runner.submit(
            backup.restore_in_place, self.gctx.app, Path(path), on_done=self._restored
        )

    def _restored(self, ctx: AppContext) -> None:
        self.gctx.switch_user(ctx)
        self.status.setText(self.tr("The backup has been restored."))
