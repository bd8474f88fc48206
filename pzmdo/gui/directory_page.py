"""Beheer › Zorgverleners: the practice's care-provider directory."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.enums import Discipline
from pzmdo.domain.errors import ValidationError
from pzmdo.gui.care_widgets import (
    FormCall,
    FormDialog,
    combo_code,
    enum_combo,
    fill_table,
    make_table,
    selected_key,
    set_combo_code,
)
from pzmdo.gui.context import GuiContext
from pzmdo.gui.widgets import chain_focus
from pzmdo.services import directory
from pzmdo.services.directory import PersonInfo, PersonInput


def create_page(gctx: GuiContext) -> QWidget:
    return DirectoryPage(gctx)


class DirectoryPage(QWidget):
    def __init__(self, gctx: GuiContext) -> None:
        super().__init__()
        self.gctx = gctx
        self.persons: dict[int, PersonInfo] = {}
        self.setAccessibleName(self.tr("Care providers"))
        layout = QVBoxLayout(self)
        self.table = make_table(
            [
                self.tr("Name"),
                self.tr("Discipline"),
                self.tr("Organisation"),
                self.tr("Phone"),
                self.tr("Out of hours"),
                self.tr("AGB"),
                self.tr("BIG"),
                self.tr("Status"),
            ],
            self.tr("Care providers"),
        )
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.show_inactive = QCheckBox(self.tr("Show &inactive"))
        self.add_button = QPushButton(self.tr("&Add care provider…"))
        self.add_button.setAccessibleName(self.tr("Add care provider"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit the selected care provider"))
        self.active_button = QPushButton(self.tr("(De)ac&tivate"))
        self.active_button.setAccessibleName(self.tr("Deactivate or reactivate the selected one"))
        for w in (self.show_inactive, self.add_button, self.edit_button, self.active_button):
            row.addWidget(w)
        row.addStretch(1)
        layout.addLayout(row)
        chain_focus(
            [self.table, self.show_inactive, self.add_button, self.edit_button, self.active_button]
        )
        self.show_inactive.toggled.connect(self.refresh)
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.active_button.clicked.connect(self._toggle_active)
        self.table.doubleClicked.connect(self._edit_selected)
        gctx.changed.connect(self._on_changed)
        self.dialog: FormDialog | None = None
        self.loads = 0
        self.refresh()

    def _on_changed(self, entity: str, _ids: tuple[int, ...]) -> None:
        if entity in ("person", "*"):
            self.refresh()

    def refresh(self) -> None:
        self.gctx.runner.submit(
            directory.list_persons,
            self.gctx.app,
            None,
            not self.show_inactive.isChecked(),
            on_done=self._show,
        )

    def _show(self, persons: list[PersonInfo]) -> None:
        self.loads += 1
        self.persons = {p.id: p for p in persons}
        yes = self.tr("yes")
        fill_table(
            self.table,
            [
                [
                    p.name,
                    p.discipline_label,
                    p.organisation,
                    p.phone,
                    p.phone_out_of_hours,
                    p.agb_code,
                    (p.big_number or yes) if p.big_registered else "",
                    self.tr("active") if p.active else self.tr("inactive"),
                ]
                for p in persons
            ],
            [p.id for p in persons],
        )

    def _selected(self) -> PersonInfo | None:
        key = selected_key(self.table)
        if key is None:
            self.gctx.show_error(ValidationError("Kies eerst een zorgverlener in de tabel."), self)
            return None
        return self.persons.get(key)

    def _edit_selected(self) -> None:
        person = self._selected()
        if person is not None:
            self.open_dialog(person)

    def _toggle_active(self) -> None:
        person = self._selected()
        if person is not None:
            self.gctx.runner.submit(
                directory.set_active, self.gctx.app, person.id, not person.active
            )

    def open_dialog(self, person: PersonInfo | None) -> FormDialog:
        name = QLineEdit(person.name if person else "")
        name.setAccessibleName(self.tr("Name"))
        discipline = enum_combo(list(Discipline), self.tr("Discipline"))
        if person:
            set_combo_code(discipline, person.discipline)
        org = QLineEdit(person.organisation if person else "")
        org.setAccessibleName(self.tr("Organisation"))
        phone = QLineEdit(person.phone if person else "")
        phone.setAccessibleName(self.tr("Phone"))
        ooh = QLineEdit(person.phone_out_of_hours if person else "")
        ooh.setAccessibleName(self.tr("Phone out of hours"))
        email = QLineEdit(person.email if person else "")
        email.setAccessibleName(self.tr("E-mail"))
        agb = QLineEdit(person.agb_code if person else "")
        agb.setAccessibleName(self.tr("AGB code (8 digits, optional)"))
        big = QCheckBox(self.tr("BIG-registered"))
        big.setChecked(bool(person and person.big_registered))
        big_number = QLineEdit(person.big_number if person else "")
        big_number.setAccessibleName(self.tr("BIG number (11 digits, optional)"))

        def submit() -> FormCall:
            data = PersonInput(
                name.text(),
                combo_code(discipline),
                org.text(),
                phone.text(),
                ooh.text(),
                email.text(),
                agb.text(),
                big.isChecked(),
                big_number.text(),
            )
            if person is None:
                return directory.add_person, (self.gctx.app, data)
            return directory.update_person, (self.gctx.app, person.id, data)

        self.dialog = FormDialog(
            self.gctx,
            self,
            self.tr("Care provider"),
            [
                (self.tr("&Name:"), name),
                (self.tr("&Discipline:"), discipline),
                (self.tr("&Organisation:"), org),
                (self.tr("&Phone:"), phone),
                (self.tr("Phone out of &hours:"), ooh),
                (self.tr("&E-mail:"), email),
                (self.tr("A&GB code:"), agb),
                ("", big),
                (self.tr("BIG &number:"), big_number),
            ],
            submit,
        )
        self.dialog.open()
        return self.dialog
