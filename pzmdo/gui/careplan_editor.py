"""The care-plan editor: every field of the plan, section by section as on the national ACP
form (sections 1-8), then the four dimensions, scenarios and acute agreements.

Labels of the form's items come from the domain (Dutch domain terms, the same wording as
the diff, the PDFs and the CLI); ``value()`` builds the content, ``set_value()`` shows it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain import careplan as cp
from pzmdo.domain.careplan import AcuteAgreements, CarePlanContent, DimensionPlan, field_label
from pzmdo.gui.care_widgets import (
    answer_combo,
    combo_code,
    date_field,
    form_label,
    set_combo_code,
)
from pzmdo.gui.careplan_fields import (
    ChecksRow,
    ContactBlock,
    LimitRow,
    NameRow,
    field_text,
    line_field,
    set_field_text,
    text_field,
)
from pzmdo.gui.widgets import chain_focus


def _label(name: str) -> str:
    return field_label(CarePlanContent, name)


def _heading(grid: QGridLayout, heads: list[str], first_column: int = 0) -> None:
    for col, head in enumerate(heads, first_column):
        label = QLabel(head)
        label.setStyleSheet("font-weight: 600;")
        grid.addWidget(label, 0, col)


class CarePlanEditor(QWidget):
    """All fields of the plan; ``value()`` builds the content, ``set_value()`` shows it."""

    def __init__(self) -> None:
        super().__init__()
        self.order: list[QWidget] = []
        self.base = CarePlanContent()
        layout = QVBoxLayout(self)
        for build in (
            self._build_header,
            self._build_representation,
            self._build_presence,
            self._build_goal,
            self._build_limits,
            self._build_wishes,
            self._build_other_important,
            self._build_earlier,
            self._build_consent,
            self._build_dimensions,
            self._build_scenarios,
            self._build_acute,
            self._build_other_agreements,
        ):
            layout.addWidget(build())
        self.add_scenario_row()
        self._fix_tab_order()

    # -- the sections --------------------------------------------------------------------
    def _build_header(self) -> QGroupBox:
        box, form = self._section("header")
        self.filled_at = date_field(_label("filled_at"), what="invullen")
        self.conducted_by = NameRow(_label("conducted_by"))
        self.function = answer_combo(cp.FUNCTION, _label("conducted_by_function"))
        self._row(form, _label("filled_at"), self.filled_at)
        self._row(form, _label("conducted_by"), self.conducted_by, self.conducted_by.widgets())
        self._row(form, _label("conducted_by_function"), self.function)
        return box

    def _build_representation(self) -> QGroupBox:
        """1. Capacity, the legal representative and the first contact person."""
        box, form = self._section("s1")
        self.capable = answer_combo(cp.YES_NO, _label("capable"))
        self.capable_note = line_field(_label("capable_note"))
        self.rep = ContactBlock("Wettelijk vertegenwoordiger")
        self.rep_roles = ChecksRow(cp.REPRESENTATIVE_ROLE, "Rol vertegenwoordiger", 3)
        self.rep_role_other = line_field(_label("representative_role_other"))
        self.rep_is_first = answer_combo(cp.YES_NO, _label("representative_is_first_contact"))
        self.first = ContactBlock("Eerste contactpersoon")
        self._row(form, _label("capable"), self.capable)
        self._row(form, _label("capable_note"), self.capable_note)
        self._contact_rows(form, self.rep, "Wettelijk vertegenwoordiger", "vertegenwoordiger")
        self._row(form, _label("representative_roles"), self.rep_roles, self.rep_roles.widgets())
        self._row(form, _label("representative_role_other"), self.rep_role_other)
        self._row(form, _label("representative_is_first_contact"), self.rep_is_first)
        self._contact_rows(form, self.first, "Eerste contactpersoon", "eerste contactpersoon")
        return box

    def _contact_rows(self, form: QFormLayout, block: ContactBlock, title: str, who: str) -> None:
        self._row(form, title, block.name, block.name.widgets())
        self._row(form, f"Telefoon {who}", block.phone)
        self._row(form, f"E-mail {who}", block.email)
        self._row(
            form, f"Relatie {who}", block.relation_row(), [block.relation, block.relation_other]
        )

    def _build_presence(self) -> QGroupBox:
        """2. Who was present at the conversation."""
        box, form = self._section("s2")
        self.present_patient = QCheckBox(_label("present_patient"))
        self.present_patient.setAccessibleName(_label("present_patient"))
        self.present_roles = ChecksRow(cp.PRESENT_ROLE, "In bijzijn van (rol)", 4)
        self.present_role_other = line_field(_label("present_role_other"))
        self.present_relations = ChecksRow(cp.RELATION, "In bijzijn van (relatie)", 5)
        self.present_relation_other = line_field(_label("present_relation_other"))
        self._row(form, "", self.present_patient)
        self._row(form, _label("present_roles"), self.present_roles, self.present_roles.widgets())
        self._row(form, _label("present_role_other"), self.present_role_other)
        self._row(
            form,
            _label("present_relations"),
            self.present_relations,
            self.present_relations.widgets(),
        )
        self._row(form, _label("present_relation_other"), self.present_relation_other)
        return box

    def _build_goal(self) -> QGroupBox:
        box, form = self._section("s3")
        self.goal = answer_combo(cp.GOAL, _label("goal"))
        self._row(form, _label("goal"), self.goal)
        return box

    def _build_limits(self) -> QGroupBox:
        """4. Treatment limits, one row each, and the ICD."""
        box = QGroupBox(cp.SECTION_TITLES["s4"])
        grid = QGridLayout(box)
        _heading(grid, ["", "Besluit", "Beperkingen / behandeling", "Toelichting", "Besproken op"])
        self.limits: dict[str, LimitRow] = {}
        for r, key in enumerate(cp.LIMIT_KEYS, 1):
            limit = LimitRow(key)
            self.limits[key] = limit
            grid.addWidget(form_label(cp.SECTION_LABELS[key], limit.decision), r, 0)
            for col, w in enumerate(limit.widgets(), 1):
                grid.addWidget(w, r, col)
            self.order += limit.widgets()
        grid.setColumnStretch(2, 2)
        grid.setColumnStretch(3, 2)
        icd_form = QFormLayout()
        self.icd = answer_combo(cp.YES_NO_UNKNOWN, _label("icd"))
        self.icd_note = line_field(_label("icd_note"))
        self.icd_off = answer_combo(cp.ICD_OFF, _label("icd_off"))
        self.icd_off_note = line_field(_label("icd_off_note"))
        self._rows(
            icd_form,
            ("icd", self.icd),
            ("icd_note", self.icd_note),
            ("icd_off", self.icd_off),
            ("icd_off_note", self.icd_off_note),
        )
        grid.addLayout(icd_form, len(cp.LIMIT_KEYS) + 1, 0, 1, 5)
        return box

    def _build_wishes(self) -> QGroupBox:
        """5. Wishes, place of death, euthanasia, organ donation."""
        box, form = self._section("s5")
        self.wishes = text_field(_label("wishes"))
        self.place = answer_combo(cp.PLACE_OF_DEATH, _label("place_of_death"))
        self.place_note = line_field(_label("place_of_death_note"))
        self.euthanasia = answer_combo(cp.EUTHANASIA, _label("euthanasia"))
        self.euthanasia_note = line_field(_label("euthanasia_note"))
        self.organ = answer_combo(cp.YES_NO_UNKNOWN, _label("organ_donation"))
        self._rows(
            form,
            ("wishes", self.wishes),
            ("place_of_death", self.place),
            ("place_of_death_note", self.place_note),
            ("euthanasia", self.euthanasia),
            ("euthanasia_note", self.euthanasia_note),
            ("organ_donation", self.organ),
        )
        return box

    def _build_other_important(self) -> QGroupBox:
        box, form = self._section("s6")
        self.other_important = text_field(_label("other_important"))
        self._rows(form, ("other_important", self.other_important))
        return box

    def _build_earlier(self) -> QGroupBox:
        box, form = self._section("s7")
        self.earlier = answer_combo(cp.YES_NO_UNKNOWN, _label("earlier_agreements"))
        self.earlier_note = line_field(_label("earlier_agreements_note"))
        self.earlier_differ = answer_combo(cp.YES_NO_UNKNOWN, _label("earlier_differ"))
        self._rows(
            form,
            ("earlier_agreements", self.earlier),
            ("earlier_agreements_note", self.earlier_note),
            ("earlier_differ", self.earlier_differ),
        )
        return box

    def _build_consent(self) -> QGroupBox:
        box, form = self._section("s8")
        self.informed = answer_combo(cp.YES_NO, _label("informed_responsibility"))
        self.share = answer_combo(cp.SHARE_CONSENT, _label("share_consent"))
        self._rows(form, ("informed_responsibility", self.informed), ("share_consent", self.share))
        return box

    def _build_dimensions(self) -> QGroupBox:
        """Problems, goals, agreements and who, per dimension."""
        box = QGroupBox(cp.SECTION_TITLES["dimensions"])
        grid = QGridLayout(box)
        heads = [field_label(DimensionPlan, f.name) for f in dataclasses.fields(DimensionPlan)]
        _heading(grid, heads, 1)
        self.dimensions: dict[str, list[QPlainTextEdit | QLineEdit]] = {}
        for r, key in enumerate(cp.DIMENSION_KEYS, 1):
            title = _label(key)
            widgets: list[QPlainTextEdit | QLineEdit] = [
                text_field(f"{title}: {h.lower()}", 48) for h in heads[:3]
            ]
            widgets.append(line_field(f"{title}: wie"))
            self.dimensions[key] = widgets
            grid.addWidget(form_label(title, widgets[0]), r, 0)
            for col, w in enumerate(widgets, 1):
                grid.addWidget(w, r, col)
            self.order += widgets
        return box

    def _build_scenarios(self) -> QGroupBox:
        box = QGroupBox(cp.SECTION_TITLES["scenarios"])
        self.scenario_layout = QGridLayout(box)
        _heading(self.scenario_layout, ["Als dit …", "… dan dat", "Wie"])
        self.scenarios: list[tuple[QLineEdit, QLineEdit, QLineEdit]] = []
        self.add_scenario_button = QPushButton(self.tr("Add &scenario"))
        self.add_scenario_button.setAccessibleName(self.tr("Add a scenario row"))
        self.add_scenario_button.clicked.connect(lambda: self.add_scenario_row(focus=True))
        self.scenario_layout.addWidget(self.add_scenario_button, 99, 0)
        self.order.append(self.add_scenario_button)
        return box

    def _build_acute(self) -> QGroupBox:
        box, form = self._section("acute")
        A = AcuteAgreements  # noqa: N806
        self.call_hap = answer_combo(cp.YES_NO_BOOL, field_label(A, "call_hap_not_112"))
        self.hap_know = text_field(field_label(A, "hap_must_know"), 48)
        self.ambulance_know = text_field(field_label(A, "ambulance_must_know"), 48)
        self._row(form, field_label(A, "call_hap_not_112"), self.call_hap)
        self._row(form, field_label(A, "hap_must_know"), self.hap_know)
        self._row(form, field_label(A, "ambulance_must_know"), self.ambulance_know)
        return box

    def _build_other_agreements(self) -> QGroupBox:
        box, form = self._section("other")
        self.other_agreements = text_field(_label("other_agreements"))
        self._rows(form, ("other_agreements", self.other_agreements))
        return box

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

    def _rows(self, form: QFormLayout, *rows: tuple[str, QWidget]) -> None:
        """Rows labelled with the content field's own label."""
        for name, widget in rows:
            self._row(form, _label(name), widget)

    def add_scenario_row(self, focus: bool = False) -> tuple[QLineEdit, QLineEdit, QLineEdit]:
        n = len(self.scenarios) + 1
        row = (
            line_field(f"Scenario {n}: als dit"),
            line_field(f"Scenario {n}: dan dat"),
            line_field(f"Scenario {n}: wie"),
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
        chain_focus(ordered)

    # -- values -----------------------------------------------------------------------------
    def value(self) -> CarePlanContent:
        base = self.base
        day = self.filled_at.value()
        filled_at: str | None = None
        if day is not None:  # the stored moment stays when its day was not changed
            same = base.filled_at and cp.instant_date(base.filled_at) == day
            filled_at = base.filled_at if same else day.isoformat()
        scenarios = tuple(
            cp.Scenario(a.text(), b.text(), c.text())
            for a, b, c in self.scenarios
            if a.text().strip() or b.text().strip() or c.text().strip()
        )
        # Limits and dimensions are fields named by their key.
        by_key: dict[str, Any] = {key: limit.value() for key, limit in self.limits.items()}
        by_key |= {
            key: DimensionPlan(*(field_text(w) for w in widgets))
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
            **by_key,
        )

    def set_value(self, c: CarePlanContent) -> None:
        self.base = c
        self.filled_at.setValue(cp.instant_date(c.filled_at) if c.filled_at else None)
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
        for key, limit in self.limits.items():
            limit.set_value(c.limit(key))
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
                set_field_text(w, value)
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
