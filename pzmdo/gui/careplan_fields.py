"""The compound fields of the care-plan editor: a person's name in one row, a set of
check boxes, a treatment limit, and a contact person (name, phone, e-mail, relation). Each
has ``value()`` and ``set_value()`` in the domain's care-plan types, and ``widgets()`` in
tab order."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from pzmdo.domain import careplan as cp
from pzmdo.domain.careplan import Contact, TreatmentLimit
from pzmdo.gui.care_widgets import (
    answer_combo,
    combo_code,
    date_field,
    set_combo_code,
)


def field_text(widget: QLineEdit | QPlainTextEdit) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


def set_field_text(widget: QLineEdit | QPlainTextEdit, value: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    else:
        widget.setText(value)


def line_field(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def text_field(name: str, height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height + 40)
    return edit


class NameRow(QWidget):
    """Voornamen / voorvoegsels / achternaam in one row."""

    def __init__(self, who: str) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.given = line_field(f"{who}: voornamen", "voornamen")
        self.prefix = line_field(f"{who}: voorvoegsels", "voorv.")
        self.prefix.setMaximumWidth(90)
        self.family = line_field(f"{who}: achternaam", "achternaam")
        for w in (self.given, self.prefix, self.family):
            row.addWidget(w)
        self.setFocusProxy(self.given)

    def value(self) -> cp.PersonName:
        return cp.PersonName(self.given.text(), self.prefix.text(), self.family.text())

    def set_value(self, name: cp.PersonName) -> None:
        self.given.setText(name.given)
        self.prefix.setText(name.prefix)
        self.family.setText(name.family)

    def widgets(self) -> list[QWidget]:
        return [self.given, self.prefix, self.family]


class ChecksRow(QWidget):
    """Several answers of one answer set (checkboxes)."""

    def __init__(self, answer_set: cp.AnswerSet, who: str, columns: int = 5) -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[str, QCheckBox] = {}
        for i, opt in enumerate(answer_set):
            check = QCheckBox(opt.label)
            check.setAccessibleName(f"{who}: {opt.label}")
            self.checks[opt.code] = check
            grid.addWidget(check, i // columns, i % columns)

    def value(self) -> tuple[str, ...]:
        return tuple(code for code, c in self.checks.items() if c.isChecked())

    def set_value(self, codes: tuple[str, ...]) -> None:
        for code, c in self.checks.items():
            c.setChecked(code in codes)

    def widgets(self) -> list[QWidget]:
        return list(self.checks.values())


class LimitRow:
    def __init__(self, key: str) -> None:
        self.key = key
        name = cp.SECTION_LABELS[key]
        answer_set = cp.DECISION_OTHER if key == "overige" else cp.DECISION
        self.decision = answer_combo(answer_set, f"{name}: besluit")
        self.restriction = line_field(
            f"{name}: welke beperkingen" if key != "overige" else f"{name}: welke behandeling",
            "welke beperkingen" if key != "overige" else "welke behandeling",
        )
        self.note = line_field(f"{name}: toelichting", "toelichting")
        self.discussed = date_field(
            f"{name}: meest recent besproken op", what=f"bespreken ({name})"
        )

    def value(self) -> TreatmentLimit:
        discussed = self.discussed.value()
        if self.key == "overige":
            return TreatmentLimit(
                combo_code(self.decision), "", self.note.text(), discussed, self.restriction.text()
            )
        return TreatmentLimit(
            combo_code(self.decision), self.restriction.text(), self.note.text(), discussed
        )

    def set_value(self, lim: TreatmentLimit) -> None:
        set_combo_code(self.decision, lim.decision)
        self.restriction.setText(lim.treatment if self.key == "overige" else lim.restriction)
        self.note.setText(lim.note)
        self.discussed.setValue(lim.discussed_on)

    def widgets(self) -> list[QWidget]:
        return [self.decision, self.restriction, self.note, self.discussed]


class ContactBlock:
    """Name, one phone number, one e-mail address and the relation of a contact person."""

    def __init__(self, who: str) -> None:
        self.name = NameRow(who)
        self.phone = line_field(f"{who}: telefoonnummer")
        self.email = line_field(f"{who}: e-mailadres")
        self.relation = answer_combo(cp.RELATION, f"{who}: relatie tot patiënt")
        self.relation_other = line_field(f"{who}: relatie, anders namelijk", "anders, namelijk")
        self.original = Contact()

    def value(self) -> Contact:
        phones = list(self.original.phones)
        number = self.phone.text().strip()
        if phones:
            phones[0] = dataclasses.replace(phones[0], number=number)
            if not number:
                phones.pop(0)
        elif number:
            phones.append(cp.Phone(number))
        emails = list(self.original.emails)
        address = self.email.text().strip()
        if emails:
            emails[0] = dataclasses.replace(emails[0], address=address)
            if not address:
                emails.pop(0)
        elif address:
            emails.append(cp.Email(address))
        return Contact(
            name=self.name.value(),
            phones=tuple(phones),
            emails=tuple(emails),
            relation=combo_code(self.relation),
            relation_other=self.relation_other.text(),
        )

    def set_value(self, contact: Contact) -> None:
        self.original = contact
        self.name.set_value(contact.name)
        self.phone.setText(contact.phones[0].number if contact.phones else "")
        self.email.setText(contact.emails[0].address if contact.emails else "")
        set_combo_code(self.relation, contact.relation)
        self.relation_other.setText(contact.relation_other)

    def relation_row(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.relation)
        row.addWidget(self.relation_other, 1)
        box.setFocusProxy(self.relation)
        return box

    def widgets(self) -> list[QWidget]:
        return [
            *self.name.widgets(),
            self.phone,
            self.email,
            self.relation,
            self.relation_other,
        ]
