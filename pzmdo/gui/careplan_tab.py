"""Patient tab 'Zorgplan': the care-plan editor (sections of the national ACP form plus the
four dimensions, scenarios and acute agreements) and the version history with differences.

Labels of the form's items come from the domain (Dutch domain terms, the same wording as
the diff, the PDFs and the CLI); the surrounding UI text is translated as usual.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain import careplan as cp
from pzmdo.domain.careplan import (
    AcuteAgreements,
    CarePlanContent,
    Contact,
    DimensionPlan,
    TreatmentLimit,
    field_label,
)
from pzmdo.domain.errors import ConflictError, ValidationError
from pzmdo.gui.care_widgets import (
    answer_combo,
    combo_code,
    date_field,
    fill_table,
    form_label,
    make_table,
    parse_date,
    selected_key,
    set_combo_code,
)
from pzmdo.gui.conflict import show_conflict
from pzmdo.gui.context import GuiContext
from pzmdo.services import careplan
from pzmdo.services.careplan import CarePlanView


def create_tab(gctx: GuiContext, patient_id: int) -> QWidget:
    return CarePlanTab(gctx, patient_id)


def _text(widget: QLineEdit | QPlainTextEdit) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


def _set(widget: QLineEdit | QPlainTextEdit, value: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    else:
        widget.setText(value)


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def _para(name: str, height: int = 64) -> QPlainTextEdit:
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
        self.given = _line(f"{who}: voornamen", "voornamen")
        self.prefix = _line(f"{who}: voorvoegsels", "voorv.")
        self.prefix.setMaximumWidth(90)
        self.family = _line(f"{who}: achternaam", "achternaam")
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
        self.restriction = _line(
            f"{name}: welke beperkingen" if key != "overige" else f"{name}: welke behandeling",
            "welke beperkingen" if key != "overige" else "welke behandeling",
        )
        self.note = _line(f"{name}: toelichting", "toelichting")
        self.discussed = date_field(f"{name}: meest recent besproken op")

    def value(self) -> TreatmentLimit:
        discussed = parse_date(
            self.discussed.text(), f"bespreken ({cp.SECTION_LABELS[self.key]})"
        )
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
        self.discussed.setText(lim.discussed_on.strftime("%d-%m-%Y") if lim.discussed_on else "")

    def widgets(self) -> list[QWidget]:
        return [self.decision, self.restriction, self.note, self.discussed]


class ContactBlock:
    """Name, one phone number, one e-mail address and the relation of a contact person."""

    def __init__(self, who: str) -> None:
        self.name = NameRow(who)
        self.phone = _line(f"{who}: telefoonnummer")
        self.email = _line(f"{who}: e-mailadres")
        self.relation = answer_combo(cp.RELATION, f"{who}: relatie tot patiënt")
        self.relation_other = _line(f"{who}: relatie, anders namelijk", "anders, namelijk")
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


class CarePlanEditor(QWidget):
    """All fields of the plan; ``value()`` builds the content, ``set_value()`` shows it."""

    def __init__(self) -> None:
        super().__init__()
        C = CarePlanContent  # noqa: N806
        self.order: list[QWidget] = []
        layout = QVBoxLayout(self)
        self.base = CarePlanContent()

        # header
        box, form = self._section("header")
        self.filled_at = date_field(field_label(C, "filled_at"))
        self.conducted_by = NameRow(field_label(C, "conducted_by"))
        self.function = answer_combo(cp.FUNCTION, field_label(C, "conducted_by_function"))
        self._row(form, field_label(C, "filled_at"), self.filled_at)
        self._row(
            form, field_label(C, "conducted_by"), self.conducted_by, self.conducted_by.widgets()
        )
        self._row(form, field_label(C, "conducted_by_function"), self.function)
        layout.addWidget(box)

        # 1
        box, form = self._section("s1")
        self.capable = answer_combo(cp.YES_NO, field_label(C, "capable"))
        self.capable_note = _line(field_label(C, "capable_note"))
        self.rep = ContactBlock("Wettelijk vertegenwoordiger")
        self.rep_roles = ChecksRow(cp.REPRESENTATIVE_ROLE, "Rol vertegenwoordiger", 3)
        self.rep_role_other = _line(field_label(C, "representative_role_other"))
        self.rep_is_first = answer_combo(
            cp.YES_NO, field_label(C, "representative_is_first_contact")
        )
        self.first = ContactBlock("Eerste contactpersoon")
        self._row(form, field_label(C, "capable"), self.capable)
        self._row(form, field_label(C, "capable_note"), self.capable_note)
        self._row(form, "Wettelijk vertegenwoordiger", self.rep.name, self.rep.name.widgets())
        self._row(form, "Telefoon vertegenwoordiger", self.rep.phone)
        self._row(form, "E-mail vertegenwoordiger", self.rep.email)
        self._row(
            form,
            "Relatie vertegenwoordiger",
            self.rep.relation_row(),
            [self.rep.relation, self.rep.relation_other],
        )
        self._row(
            form, field_label(C, "representative_roles"), self.rep_roles, self.rep_roles.widgets()
        )
        self._row(form, field_label(C, "representative_role_other"), self.rep_role_other)
        self._row(form, field_label(C, "representative_is_first_contact"), self.rep_is_first)
        self._row(form, "Eerste contactpersoon", self.first.name, self.first.name.widgets())
        self._row(form, "Telefoon eerste contactpersoon", self.first.phone)
        self._row(form, "E-mail eerste contactpersoon", self.first.email)
        self._row(
            form,
            "Relatie eerste contactpersoon",
            self.first.relation_row(),
            [self.first.relation, self.first.relation_other],
        )
        layout.addWidget(box)

        # 2
        box, form = self._section("s2")
        self.present_patient = QCheckBox(field_label(C, "present_patient"))
        self.present_patient.setAccessibleName(field_label(C, "present_patient"))
        self.present_roles = ChecksRow(cp.PRESENT_ROLE, "In bijzijn van (rol)", 4)
        self.present_role_other = _line(field_label(C, "present_role_other"))
        self.present_relations = ChecksRow(cp.RELATION, "In bijzijn van (relatie)", 5)
        self.present_relation_other = _line(field_label(C, "present_relation_other"))
        self._row(form, "", self.present_patient)
        self._row(
            form, field_label(C, "present_roles"), self.present_roles, self.present_roles.widgets()
        )
        self._row(form, field_label(C, "present_role_other"), self.present_role_other)
        self._row(
            form,
            field_label(C, "present_relations"),
            self.present_relations,
            self.present_relations.widgets(),
        )
        self._row(form, field_label(C, "present_relation_other"), self.present_relation_other)
        layout.addWidget(box)

        # 3
        box, form = self._section("s3")
        self.goal = answer_combo(cp.GOAL, field_label(C, "goal"))
        self._row(form, field_label(C, "goal"), self.goal)
        layout.addWidget(box)

        # 4
        box = QGroupBox(cp.SECTION_TITLES["s4"])
        grid = QGridLayout(box)
        for col, head in enumerate(
            ["", "Besluit", "Beperkingen / behandeling", "Toelichting", "Besproken op"]
        ):
            label = QLabel(head)
            label.setStyleSheet("font-weight: 600;")
            grid.addWidget(label, 0, col)
        self.limits: dict[str, LimitRow] = {}
        for r, key in enumerate(cp.LIMIT_KEYS, 1):
            row = LimitRow(key)
            self.limits[key] = row
            grid.addWidget(form_label(cp.SECTION_LABELS[key], row.decision), r, 0)
            for col, w in enumerate(row.widgets(), 1):
                grid.addWidget(w, r, col)
            self.order += row.widgets()
        grid.setColumnStretch(2, 2)
        grid.setColumnStretch(3, 2)
        icd_form = QFormLayout()
        self.icd = answer_combo(cp.YES_NO_UNKNOWN, field_label(C, "icd"))
        self.icd_note = _line(field_label(C, "icd_note"))
        self.icd_off = answer_combo(cp.ICD_OFF, field_label(C, "icd_off"))
        self.icd_off_note = _line(field_label(C, "icd_off_note"))
        self._row(icd_form, field_label(C, "icd"), self.icd)
        self._row(icd_form, field_label(C, "icd_note"), self.icd_note)
        self._row(icd_form, field_label(C, "icd_off"), self.icd_off)
        self._row(icd_form, field_label(C, "icd_off_note"), self.icd_off_note)
        grid.addLayout(icd_form, len(cp.LIMIT_KEYS) + 1, 0, 1, 5)
        layout.addWidget(box)

        # 5
        box, form = self._section("s5")
        self.wishes = _para(field_label(C, "wishes"))
        self.place = answer_combo(cp.PLACE_OF_DEATH, field_label(C, "place_of_death"))
        self.place_note = _line(field_label(C, "place_of_death_note"))
        self.euthanasia = answer_combo(cp.EUTHANASIA, field_label(C, "euthanasia"))
        self.euthanasia_note = _line(field_label(C, "euthanasia_note"))
        self.organ = answer_combo(cp.YES_NO_UNKNOWN, field_label(C, "organ_donation"))
        for name, w in (
            ("wishes", self.wishes),
            ("place_of_death", self.place),
            ("place_of_death_note", self.place_note),
            ("euthanasia", self.euthanasia),
            ("euthanasia_note", self.euthanasia_note),
            ("organ_donation", self.organ),
        ):
            self._row(form, field_label(C, name), w)
        layout.addWidget(box)

        # 6 - 8
        box, form = self._section("s6")
        self.other_important = _para(field_label(C, "other_important"))
        self._row(form, field_label(C, "other_important"), self.other_important)
        layout.addWidget(box)
        box, form = self._section("s7")
        self.earlier = answer_combo(cp.YES_NO_UNKNOWN, field_label(C, "earlier_agreements"))
        self.earlier_note = _line(field_label(C, "earlier_agreements_note"))
        self.earlier_differ = answer_combo(cp.YES_NO_UNKNOWN, field_label(C, "earlier_differ"))
        self._row(form, field_label(C, "earlier_agreements"), self.earlier)
        self._row(form, field_label(C, "earlier_agreements_note"), self.earlier_note)
        self._row(form, field_label(C, "earlier_differ"), self.earlier_differ)
        layout.addWidget(box)
        box, form = self._section("s8")
        self.informed = answer_combo(cp.YES_NO, field_label(C, "informed_responsibility"))
        self.share = answer_combo(cp.SHARE_CONSENT, field_label(C, "share_consent"))
        self._row(form, field_label(C, "informed_responsibility"), self.informed)
        self._row(form, field_label(C, "share_consent"), self.share)
        layout.addWidget(box)

        # four dimensions
        box = QGroupBox(cp.SECTION_TITLES["dimensions"])
        grid = QGridLayout(box)
        heads = [field_label(DimensionPlan, f.name) for f in dataclasses.fields(DimensionPlan)]
        for col, head in enumerate(heads, 1):
            label = QLabel(head)
            label.setStyleSheet("font-weight: 600;")
            grid.addWidget(label, 0, col)
        self.dimensions: dict[str, list[QPlainTextEdit | QLineEdit]] = {}
        for r, key in enumerate(cp.DIMENSION_KEYS, 1):
            title = field_label(CarePlanContent, key)
            widgets: list[QPlainTextEdit | QLineEdit] = [
                _para(f"{title}: {h.lower()}", 48) for h in heads[:3]
            ]
            widgets.append(_line(f"{title}: wie"))
            self.dimensions[key] = widgets
            grid.addWidget(form_label(title, widgets[0]), r, 0)
            for col, w in enumerate(widgets, 1):
                grid.addWidget(w, r, col)
            self.order += widgets
        layout.addWidget(box)

        # scenarios
        box = QGroupBox(cp.SECTION_TITLES["scenarios"])
        self.scenario_layout = QGridLayout(box)
        for col, head in enumerate(["Als dit …", "… dan dat", "Wie"]):
            label = QLabel(head)
            label.setStyleSheet("font-weight: 600;")
            self.scenario_layout.addWidget(label, 0, col)
        self.scenarios: list[tuple[QLineEdit, QLineEdit, QLineEdit]] = []
        self.add_scenario_button = QPushButton(self.tr("Add &scenario"))
        self.add_scenario_button.setAccessibleName(self.tr("Add a scenario row"))
        self.add_scenario_button.clicked.connect(lambda: self.add_scenario_row(focus=True))
        self.scenario_layout.addWidget(self.add_scenario_button, 99, 0)
        self.order.append(self.add_scenario_button)
        layout.addWidget(box)

        # acute
        box, form = self._section("acute")
        A = AcuteAgreements  # noqa: N806
        self.call_hap = answer_combo(cp.YES_NO_BOOL, field_label(A, "call_hap_not_112"))
        self.hap_know = _para(field_label(A, "hap_must_know"), 48)
        self.ambulance_know = _para(field_label(A, "ambulance_must_know"), 48)
        self._row(form, field_label(A, "call_hap_not_112"), self.call_hap)
        self._row(form, field_label(A, "hap_must_know"), self.hap_know)
        self._row(form, field_label(A, "ambulance_must_know"), self.ambulance_know)
        layout.addWidget(box)
        box, form = self._section("other")
        self.other_agreements = _para(field_label(C, "other_agreements"))
        self._row(form, field_label(C, "other_agreements"), self.other_agreements)
        layout.addWidget(box)
        self.add_scenario_row()
        self._fix_tab_order()

    # -- layout helpers ---------------------------------------------------------------------
    def _section(self, key: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(cp.SECTION_TITLES[key])
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return box, form

    def _row(
        self, form: QFormLayout, label: str, widget: QWidget, focus: list[QWidget] | None = None
    ) -> None:
        if label:
            lab = form_label(label, widget)
            lab.setMinimumWidth(220)
            lab.setMaximumWidth(300)
            form.addRow(lab, widget)
        else:
            form.addRow(widget)
        self.order += focus or [widget]

    def add_scenario_row(self, focus: bool = False) -> tuple[QLineEdit, QLineEdit, QLineEdit]:
        n = len(self.scenarios) + 1
        row = (
            _line(f"Scenario {n}: als dit"),
            _line(f"Scenario {n}: dan dat"),
            _line(f"Scenario {n}: wie"),
        )
        for col, w in enumerate(row):
            self.scenario_layout.addWidget(w, n, col)
        self.scenarios.append(row)
        self._fix_tab_order()
        if focus:
            row[0].setFocus()
        return row

    def _fix_tab_order(self) -> None:
        scen = [w for row in self.scenarios for w in row]
        idx = self.order.index(self.add_scenario_button)
        ordered = [w for w in self.order[:idx] if w not in scen]
        ordered += scen + [w for w in self.order[idx:] if w not in scen]
        self.order = ordered
        for a, b in zip(ordered, ordered[1:], strict=False):
            QWidget.setTabOrder(a, b)

    # -- values -----------------------------------------------------------------------------
    def value(self) -> CarePlanContent:
        base = self.base
        filled = self.filled_at.text().strip()
        filled_at: str | None = None
        if filled:
            day = parse_date(filled, "invullen")
            if base.filled_at and cp.instant_date(base.filled_at) == day:
                filled_at = base.filled_at
            else:
                filled_at = day.isoformat() if day else None
        scenarios = tuple(
            cp.Scenario(a.text(), b.text(), c.text())
            for a, b, c in self.scenarios
            if a.text().strip() or b.text().strip() or c.text().strip()
        )
        dims = {
            key: DimensionPlan(*(_text(w) for w in widgets))
            for key, widgets in self.dimensions.items()
        }
        return dataclasses.replace(
            base,
            filled_at=filled_at,
            conducted_by=self.conducted_by.value(),
            conducted_by_function=combo_code(self.function),
            capable=combo_code(self.capable),
            capable_note=self.capable_note.text(),
            representative=self.rep.value(),
            representative_roles=self.rep_roles.value(),
            representative_role_other=self.rep_role_other.text(),
            representative_is_first_contact=combo_code(self.rep_is_first),
            first_contact=self.first.value(),
            present_patient=self.present_patient.isChecked(),
            present_roles=self.present_roles.value(),
            present_role_other=self.present_role_other.text(),
            present_relations=self.present_relations.value(),
            present_relation_other=self.present_relation_other.text(),
            goal=combo_code(self.goal),
            icd=combo_code(self.icd),
            icd_note=self.icd_note.text(),
            icd_off=combo_code(self.icd_off),
            icd_off_note=self.icd_off_note.text(),
            wishes=self.wishes.toPlainText(),
            place_of_death=combo_code(self.place),
            place_of_death_note=self.place_note.text(),
            euthanasia=combo_code(self.euthanasia),
            euthanasia_note=self.euthanasia_note.text(),
            organ_donation=combo_code(self.organ),
            other_important=self.other_important.toPlainText(),
            earlier_agreements=combo_code(self.earlier),
            earlier_agreements_note=self.earlier_note.text(),
            earlier_differ=combo_code(self.earlier_differ),
            informed_responsibility=combo_code(self.informed),
            share_consent=combo_code(self.share),
            other_agreements=self.other_agreements.toPlainText(),
            scenarios=scenarios,
            acute=AcuteAgreements(
                {"ja": True, "nee": False}.get(combo_code(self.call_hap) or ""),
                self.hap_know.toPlainText(),
                self.ambulance_know.toPlainText(),
            ),
            **{key: row.value() for key, row in self.limits.items()},
            **dims,
        )

    def set_value(self, c: CarePlanContent) -> None:
        self.base = c
        self.filled_at.setText(
            cp.instant_date(c.filled_at).strftime("%d-%m-%Y") if c.filled_at else ""
        )
        self.conducted_by.set_value(c.conducted_by)
        set_combo_code(self.function, c.conducted_by_function)
        set_combo_code(self.capable, c.capable)
        self.capable_note.setText(c.capable_note)
        self.rep.set_value(c.representative)
        self.rep_roles.set_value(c.representative_roles)
        self.rep_role_other.setText(c.representative_role_other)
        set_combo_code(self.rep_is_first, c.representative_is_first_contact)
        self.first.set_value(c.first_contact)
        self.present_patient.setChecked(c.present_patient)
        self.present_roles.set_value(c.present_roles)
        self.present_role_other.setText(c.present_role_other)
        self.present_relations.set_value(c.present_relations)
        self.present_relation_other.setText(c.present_relation_other)
        set_combo_code(self.goal, c.goal)
        for key, row in self.limits.items():
            row.set_value(c.limit(key))
        set_combo_code(self.icd, c.icd)
        self.icd_note.setText(c.icd_note)
        set_combo_code(self.icd_off, c.icd_off)
        self.icd_off_note.setText(c.icd_off_note)
        self.wishes.setPlainText(c.wishes)
        set_combo_code(self.place, c.place_of_death)
        self.place_note.setText(c.place_of_death_note)
        set_combo_code(self.euthanasia, c.euthanasia)
        self.euthanasia_note.setText(c.euthanasia_note)
        set_combo_code(self.organ, c.organ_donation)
        self.other_important.setPlainText(c.other_important)
        set_combo_code(self.earlier, c.earlier_agreements)
        self.earlier_note.setText(c.earlier_agreements_note)
        set_combo_code(self.earlier_differ, c.earlier_differ)
        set_combo_code(self.informed, c.informed_responsibility)
        set_combo_code(self.share, c.share_consent)
        for key, widgets in self.dimensions.items():
            dim = c.dimension(key)
            for w, value in zip(
                widgets, (dim.problems, dim.goals, dim.agreements, dim.who), strict=True
            ):
                _set(w, value)
        while len(self.scenarios) < len(c.scenarios) + 1:
            self.add_scenario_row()
        for i, row in enumerate(self.scenarios):
            sc = c.scenarios[i] if i < len(c.scenarios) else cp.Scenario()
            for w, value in zip(row, (sc.trigger, sc.action, sc.who), strict=True):
                w.setText(value)
        call = c.acute.call_hap_not_112
        set_combo_code(self.call_hap, None if call is None else ("ja" if call else "nee"))
        self.hap_know.setPlainText(c.acute.hap_must_know)
        self.ambulance_know.setPlainText(c.acute.ambulance_must_know)
        self.other_agreements.setPlainText(c.other_agreements)


class CarePlanTab(QWidget):
    def __init__(self, gctx: GuiContext, patient_id: int) -> None:
        super().__init__()
        self.gctx = gctx
        self.patient_id = patient_id
        self.view: CarePlanView | None = None
        self.loaded = False
        self.saving = False
        self.setAccessibleName(self.tr("Care plan"))
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.header = QLabel(self.tr("Loading…"))
        self.header.setStyleSheet("font-weight: 600;")
        self.header.setAccessibleName(self.tr("Current version"))
        self.header.setWordWrap(True)
        top.addWidget(self.header, 1)
        self.effective = date_field(self.tr("Current as of"), date.today())
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("What changed (optional)"))
        self.note.setPlaceholderText(self.tr("what changed (optional)"))
        self.save_button = QPushButton(self.tr("&Save as new version"))
        self.save_button.setAccessibleName(self.tr("Save the care plan as a new version"))
        eff_label = form_label(self.tr("New version current &as of:"), self.effective, False)
        note_label = form_label(self.tr("&Note:"), self.note, False)
        top.addWidget(eff_label)
        top.addWidget(self.effective)
        top.addWidget(note_label)
        top.addWidget(self.note, 1)
        top.addWidget(self.save_button)
        layout.addLayout(top)

        self.inner = QTabWidget()
        self.inner.setAccessibleName(self.tr("Care plan views"))
        self.editor = CarePlanEditor()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.editor)
        self.scroll.setAccessibleName(self.tr("Care plan editor"))
        self.inner.addTab(self.scroll, self.tr("&Edit"))

        history = QWidget()
        h_layout = QVBoxLayout(history)
        split = QSplitter(Qt.Orientation.Vertical)
        self.versions = make_table(
            [
                self.tr("Version"),
                self.tr("Current as of"),
                self.tr("Saved on"),
                self.tr("By"),
                self.tr("Source"),
                self.tr("Note"),
            ],
            self.tr("Versions"),
        )
        split.addWidget(self.versions)
        diff_box = QWidget()
        d_layout = QVBoxLayout(diff_box)
        d_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.from_version = QComboBox()
        self.from_version.setAccessibleName(self.tr("Compare from version"))
        self.to_version = QComboBox()
        self.to_version.setAccessibleName(self.tr("Compare to version"))
        self.compare_button = QPushButton(self.tr("&Compare"))
        self.compare_button.setAccessibleName(self.tr("Show the differences"))
        row.addWidget(form_label(self.tr("&From version:"), self.from_version, wrap=False))
        row.addWidget(self.from_version)
        row.addWidget(form_label(self.tr("&To version:"), self.to_version, wrap=False))
        row.addWidget(self.to_version)
        row.addWidget(self.compare_button)
        row.addStretch(1)
        d_layout.addLayout(row)
        self.diff_title = QLabel()
        d_layout.addWidget(self.diff_title)
        self.diff = make_table(
            [self.tr("Item"), self.tr("Before"), self.tr("After")], self.tr("Differences")
        )
        d_layout.addWidget(self.diff)
        split.addWidget(diff_box)
        h_layout.addWidget(split)
        self.inner.addTab(history, self.tr("&Version history"))
        layout.addWidget(self.inner, 1)

        QWidget.setTabOrder(self.effective, self.note)
        QWidget.setTabOrder(self.note, self.save_button)
        QWidget.setTabOrder(self.save_button, self.inner)
        self.save_button.clicked.connect(self.save)
        self.compare_button.clicked.connect(self.compare)
        self.versions.itemSelectionChanged.connect(self._version_selected)
        gctx.changed.connect(self._on_changed)
        self.loads = 0
        self.refresh()

    # -- loading ---------------------------------------------------------------------------
    def _on_changed(self, entity: str, ids: tuple) -> None:
        if entity in ("careplan", "*") and (not ids or self.patient_id in ids) and not self.saving:
            self.refresh()

    def refresh(self) -> None:
        def load(ctx, pid):  # noqa: ANN001, ANN202
            return careplan.current_plan(ctx, pid), careplan.list_versions(ctx, pid)

        self.gctx.runner.submit(load, self.gctx.app, self.patient_id, on_done=self._show)

    def _show(self, data: tuple) -> None:
        view, versions = data
        self.view = view
        self.loads += 1
        if view is None:
            self.header.setText(self.tr("No care plan yet. Fill in the form and save version 1."))
            self.editor.set_value(CarePlanContent())
        else:
            self.header.setText(
                self.tr("Version %1 · current as of %2 · saved %3 by %4")
                .replace("%1", str(view.version))
                .replace("%2", view.effective_on.strftime("%d-%m-%Y"))
                .replace("%3", view.created_at.astimezone().strftime("%d-%m-%Y %H:%M"))
                .replace("%4", view.author_name)
            )
            self.editor.set_value(view.content)
        self.header.setAccessibleName(self.header.text())
        self.effective.setText(date.today().strftime("%d-%m-%Y"))
        self.note.clear()
        fill_table(
            self.versions,
            [
                [
                    str(v.version),
                    v.effective_on.strftime("%d-%m-%Y"),
                    v.created_at.astimezone().strftime("%d-%m-%Y %H:%M"),
                    v.author_name,
                    careplan.SOURCES.get(v.source, v.source),
                    v.note,
                ]
                for v in versions
            ],
            [v.version for v in versions],
        )
        for combo in (self.from_version, self.to_version):
            combo.clear()
            for v in sorted(versions, key=lambda v: v.version):
                combo.addItem(str(v.version), v.version)
        if len(versions) >= 2:
            self.from_version.setCurrentIndex(len(versions) - 2)
            self.to_version.setCurrentIndex(len(versions) - 1)
            self.compare()
        else:
            self.diff.setRowCount(0)
            self.diff_title.setText("")
        self.loaded = True

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        if self.saving:
            return
        try:
            content = self.editor.value()
            effective = parse_date(self.effective.text(), "'actueel per'", required=True)
        except ValidationError as exc:
            self.gctx.show_error(exc, self)
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self.gctx.runner.submit(
            careplan.save_plan,
            self.gctx.app,
            self.patient_id,
            content,
            effective_on=effective,
            note=self.note.text(),
            expected_version=self.view.version if self.view else 0,
            on_done=self._saved,
            on_error=self._failed,
        )

    def _saved(self, version: int) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ConflictError):
            # Someone saved first: keep this text to copy, and offer the saved version.
            mine = "\n".join(f"{k}: {v}" for k, v in cp.flatten(self.editor.value()).items())
            self.conflict = show_conflict(self, str(exc), mine, self.refresh)
            return
        self.gctx.show_error(exc, self)

    # -- history ---------------------------------------------------------------------------
    def _version_selected(self) -> None:
        version = selected_key(self.versions)
        if version is None:
            return
        index_to = self.to_version.findData(version)
        index_from = self.from_version.findData(version - 1)
        if index_to >= 0 and index_from >= 0:
            self.to_version.setCurrentIndex(index_to)
            self.from_version.setCurrentIndex(index_from)
            self.compare()

    def compare(self) -> None:
        old, new = self.from_version.currentData(), self.to_version.currentData()
        if old is None or new is None:
            return
        self.gctx.runner.submit(
            careplan.diff_versions,
            self.gctx.app,
            self.patient_id,
            old,
            new,
            on_done=lambda changes: self._show_diff(old, new, changes),
        )

    def _show_diff(self, old: int, new: int, changes: list[Any]) -> None:
        self.diff_title.setText(
            self.tr("%1 change(s) from version %2 to version %3")
            .replace("%1", str(len(changes)))
            .replace("%2", str(old))
            .replace("%3", str(new))
        )
        empty = self.tr("(not filled in)")
        fill_table(
            self.diff,
            [[c.item, c.before or empty, c.after or empty] for c in changes],
        )
