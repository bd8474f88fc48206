"""Patient tab 'Zorgteam': roles, team members with history, naasten, carer burden, VPTZ."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.careteam import (
    SINGLE_HOLDER_ROLES,
    BurdenInstrument,
    BurdenOutcome,
    Relation,
    TeamRole,
    VptzStatus,
)
from pzmdo.domain.dates import format_date
from pzmdo.domain.errors import ValidationError
from pzmdo.gui.care_widgets import (
    FormCall,
    FormDialog,
    combo_code,
    date_field,
    enum_combo,
    fill_table,
    make_table,
    selected_key,
)
from pzmdo.gui.context import GuiContext
from pzmdo.gui.person_picker import PersonPicker
from pzmdo.gui.widgets import button_row, chain_focus
from pzmdo.services import careteam


def create_tab(gctx: GuiContext, patient_id: int) -> QWidget:
    return CareTeamTab(gctx, patient_id)


_Loaded = tuple[
    careteam.TeamSummary,
    list[careteam.TeamMemberInfo],
    list[careteam.BurdenCheckInfo],
    list[careteam.VptzInfo],
]


def _load(ctx: Any, pid: int) -> _Loaded:
    return (
        careteam.team_summary(ctx, pid),
        careteam.team_history(ctx, pid),
        careteam.list_burden_checks(ctx, pid),
        careteam.vptz_history(ctx, pid),
    )


class CareTeamTab(QScrollArea):
    def __init__(self, gctx: GuiContext, patient_id: int) -> None:
        super().__init__()
        self.gctx = gctx
        self.patient_id = patient_id
        self.summary: careteam.TeamSummary | None = None
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Care team"))
        body = QWidget()
        layout = QVBoxLayout(body)

        self.status = QLabel(self.tr("Loading…"))
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Care team status"))
        layout.addWidget(self.status)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #8a1c1c; font-weight: 600;")
        self.warnings.setAccessibleName(self.tr("Warnings"))
        layout.addWidget(self.warnings)
        for build in (self._build_team, self._build_naasten, self._build_vptz):
            box = build()
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            layout.addWidget(box)
        layout.addStretch(1)
        self.setWidget(body)
        self._set_tab_order()

        self.central_button.clicked.connect(self.open_central_dialog)
        self.role_button.clicked.connect(self.open_role_dialog)
        self.member_button.clicked.connect(self.open_member_dialog)
        self.end_button.clicked.connect(self.open_end_dialog)
        self.naaste_button.clicked.connect(self.open_naaste_dialog)
        self.burden_button.clicked.connect(self.open_burden_dialog)
        self.vptz_button.clicked.connect(self.open_vptz_dialog)
        gctx.changed.connect(self._on_changed)
        self.dialog: FormDialog | None = None
        self.loads = 0
        self.refresh()

    # -- building --------------------------------------------------------------------------
    def _build_team(self) -> QGroupBox:
        """The current team with its buttons, and the history of changes."""
        team_box = QGroupBox(self.tr("Care team"))
        team_layout = QVBoxLayout(team_box)
        self.team = make_table(
            [
                self.tr("Role"),
                self.tr("Name"),
                self.tr("Discipline"),
                self.tr("Organisation"),
                self.tr("Phone"),
                self.tr("Out of hours"),
                self.tr("Since"),
            ],
            self.tr("Current care team"),
            fit=True,
        )
        team_layout.addWidget(self.team)
        self.central_button = QPushButton(self.tr("&Centrale zorgverlener…"))
        self.central_button.setAccessibleName(self.tr("Set or change the centrale zorgverlener"))
        self.role_button = QPushButton(self.tr("Assign &role…"))
        self.role_button.setAccessibleName(
            self.tr("Assign eerste aanspreekpunt, casemanager or another role")
        )
        self.member_button = QPushButton(self.tr("Add &member…"))
        self.member_button.setAccessibleName(self.tr("Add a team member"))
        self.end_button = QPushButton(self.tr("&End membership…"))
        self.end_button.setAccessibleName(self.tr("End the selected membership"))
        team_layout.addLayout(
            button_row(self.central_button, self.role_button, self.member_button, self.end_button)
        )
        history_label = QLabel(self.tr("History of changes"))
        history_label.setStyleSheet("font-weight: 600;")
        team_layout.addWidget(history_label)
        self.history = make_table(
            [
                self.tr("Role"),
                self.tr("Name"),
                self.tr("From"),
                self.tr("Until"),
                self.tr("Reason (start)"),
                self.tr("Reason (end)"),
            ],
            self.tr("Care team history"),
            fit=True,
        )
        team_layout.addWidget(self.history)
        return team_box

    def _build_naasten(self) -> QGroupBox:
        naasten_box = QGroupBox(self.tr("Naasten and carer burden"))
        n_layout = QVBoxLayout(naasten_box)
        self.naasten = make_table(
            [
                self.tr("Name"),
                self.tr("Relation"),
                self.tr("Phone"),
                self.tr("Mantelzorger"),
                self.tr("Legal representative"),
                self.tr("First contact"),
            ],
            self.tr("Naasten"),
            fit=True,
        )
        n_layout.addWidget(self.naasten)
        self.naaste_button = QPushButton(self.tr("Add &naaste…"))
        self.naaste_button.setAccessibleName(self.tr("Add a naaste"))
        self.burden_button = QPushButton(self.tr("Record carer &burden…"))
        self.burden_button.setAccessibleName(
            self.tr("Record a carer burden check for the selected naaste")
        )
        n_layout.addLayout(button_row(self.naaste_button, self.burden_button))
        self.burden = make_table(
            [
                self.tr("Date"),
                self.tr("Naaste"),
                self.tr("Instrument"),
                self.tr("Score / answer"),
                self.tr("Outcome"),
                self.tr("Action"),
            ],
            self.tr("Carer burden checks"),
            fit=True,
        )
        n_layout.addWidget(self.burden)
        return naasten_box

    def _build_vptz(self) -> QGroupBox:
        vptz_box = QGroupBox(self.tr("VPTZ (volunteers)"))
        v_layout = QVBoxLayout(vptz_box)
        self.vptz = make_table(
            [self.tr("Date"), self.tr("Step"), self.tr("Organisation"), self.tr("Note")],
            self.tr("VPTZ steps"),
            fit=True,
        )
        v_layout.addWidget(self.vptz)
        self.vptz_button = QPushButton(self.tr("Record &VPTZ step…"))
        self.vptz_button.setAccessibleName(self.tr("Record a VPTZ step"))
        v_layout.addLayout(button_row(self.vptz_button))
        return vptz_box

    def _set_tab_order(self) -> None:
        order: list[QWidget] = [
            self.team,
            self.central_button,
            self.role_button,
            self.member_button,
            self.end_button,
            self.history,
            self.naasten,
            self.naaste_button,
            self.burden_button,
            self.burden,
            self.vptz,
            self.vptz_button,
        ]
        chain_focus(order)

    # -- data ----------------------------------------------------------------------------
    def _on_changed(self, entity: str, ids: tuple[int, ...]) -> None:
        if entity in ("careteam", "person", "*") and (not ids or self.patient_id in ids):
            self.refresh()

    def refresh(self) -> None:
        self.gctx.runner.submit(_load, self.gctx.app, self.patient_id, on_done=self._show)

    def _show(self, data: _Loaded) -> None:
        summary, history, burden, vptz = data
        self.summary = summary
        self.loads += 1
        self._show_status(summary)
        self._show_team(summary, history)
        yes = self.tr("yes")
        fill_table(
            self.naasten,
            [
                [
                    n.name,
                    n.relation_label,
                    n.phone,
                    yes if n.is_mantelzorger else "",
                    yes if n.is_legal_representative else "",
                    yes if n.is_first_contact else "",
                ]
                for n in summary.naasten
            ],
            [n.id for n in summary.naasten],
        )
        fill_table(
            self.burden,
            [
                [
                    format_date(b.checked_on),
                    b.naaste_name,
                    b.instrument_label,
                    b.score,
                    b.outcome_label,
                    b.action,
                ]
                for b in burden
            ],
        )
        fill_table(
            self.vptz,
            [[format_date(v.on), v.status_label, v.organisation, v.note] for v in reversed(vptz)],
        )

    def _show_status(self, summary: careteam.TeamSummary) -> None:
        """One line with the key roles, PZP and VPTZ; the warnings under it."""
        parts = []
        if summary.central_caregiver:
            parts.append(
                self.tr("Centrale zorgverlener: %1").replace(
                    "%1", summary.central_caregiver.person.name
                )
            )
        if summary.first_contact:
            parts.append(
                self.tr("Eerste aanspreekpunt: %1").replace("%1", summary.first_contact.person.name)
            )
        parts.append(
            self.tr("PZP started on %1").replace("%1", format_date(summary.pzp_started_on))
            if summary.pzp_started_on
            else self.tr("PZP not started yet")
        )
        if summary.vptz:
            parts.append(
                self.tr("VPTZ: %1 (%2)")
                .replace("%1", summary.vptz.status_label.lower())
                .replace("%2", format_date(summary.vptz.on))
            )
        self.status.setText(" · ".join(parts))
        self.warnings.setText("\n".join(summary.warnings))
        self.warnings.setVisible(bool(summary.warnings))

    def _show_team(
        self, summary: careteam.TeamSummary, history: list[careteam.TeamMemberInfo]
    ) -> None:
        fill_table(
            self.team,
            [
                [
                    m.role_label,
                    m.person.name,
                    m.person.discipline_label,
                    m.person.organisation,
                    m.person.phone,
                    m.person.phone_out_of_hours,
                    format_date(m.start_on),
                ]
                for m in summary.members
            ],
            [m.membership_id for m in summary.members],
        )
        fill_table(
            self.history,
            [
                [
                    h.role_label,
                    h.person.name,
                    format_date(h.start_on),
                    format_date(h.end_on) or self.tr("current"),
                    h.start_reason,
                    h.end_reason,
                ]
                for h in history
            ],
        )

    # -- dialogs -------------------------------------------------------------------------
    def _open(self, dialog: FormDialog) -> FormDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_central_dialog(self) -> FormDialog:
        picker = PersonPicker(self.gctx, big_only=True)
        picker.setAccessibleName(self.tr("New centrale zorgverlener (BIG-registered)"))
        reason = QLineEdit()
        reason.setAccessibleName(self.tr("Reason for the change"))
        day = date_field(self.tr("Date of the change"), date.today(), what="de wijziging")

        def submit() -> FormCall:
            if picker.person_id is None:
                raise ValidationError("Kies de nieuwe centrale zorgverlener.")
            on = day.required_value()
            return careteam.set_central_caregiver, (
                self.gctx.app,
                self.patient_id,
                picker.person_id,
                reason.text(),
                on,
            )

        return self._open(
            FormDialog(
                self.gctx,
                self,
                self.tr("Centrale zorgverlener"),
                [
                    (self.tr("&Care provider:"), picker),
                    (self.tr("&Reason:"), reason),
                    (self.tr("&Date:"), day),
                ],
                submit,
                intro=self.tr(
                    "The centrale zorgverlener must be a BIG-registered professional. The "
                    "previous one stays in the history with the date and reason."
                ),
            )
        )

    def open_role_dialog(self) -> FormDialog:
        role = enum_combo(
            [r for r in SINGLE_HOLDER_ROLES if r is not TeamRole.CENTRALE_ZORGVERLENER]
            + [TeamRole.HOOFDBEHANDELAAR],
            self.tr("Role"),
        )
        picker = PersonPicker(self.gctx)
        reason = QLineEdit()
        reason.setAccessibleName(self.tr("Reason"))
        day = date_field(self.tr("Date"), date.today(), what="de wijziging")

        def submit() -> FormCall:
            if picker.person_id is None:
                raise ValidationError("Kies een zorgverlener.")
            on = day.required_value()
            return careteam.set_role_holder, (
                self.gctx.app,
                self.patient_id,
                combo_code(role),
                picker.person_id,
                reason.text(),
                on,
            )

        return self._open(
            FormDialog(
                self.gctx,
                self,
                self.tr("Assign role"),
                [
                    (self.tr("R&ole:"), role),
                    (self.tr("&Care provider:"), picker),
                    (self.tr("&Reason:"), reason),
                    (self.tr("&Date:"), day),
                ],
                submit,
            )
        )

    def open_member_dialog(self) -> FormDialog:
        picker = PersonPicker(self.gctx)
        reason = QLineEdit()
        reason.setAccessibleName(self.tr("Why this member joins (optional)"))

        def submit() -> FormCall:
            if picker.person_id is None:
                raise ValidationError("Kies een zorgverlener.")
            return careteam.add_member, (
                self.gctx.app,
                self.patient_id,
                picker.person_id,
                TeamRole.TEAMLID,
                reason.text(),
            )

        return self._open(
            FormDialog(
                self.gctx,
                self,
                self.tr("Add team member"),
                [(self.tr("&Care provider:"), picker), (self.tr("&Reason:"), reason)],
                submit,
            )
        )

    def open_end_dialog(self) -> FormDialog | None:
        membership = selected_key(self.team)
        if membership is None:
            self.gctx.show_error(
                ValidationError("Kies eerst in de tabel het lidmaatschap dat u wilt beëindigen."),
                self,
            )
            return None
        reason = QLineEdit()
        reason.setAccessibleName(self.tr("Reason for ending"))
        day = date_field(self.tr("End date"), date.today(), what="het einde")

        def submit() -> FormCall:
            on = day.required_value()
            return careteam.end_membership, (self.gctx.app, membership, reason.text(), on)

        return self._open(
            FormDialog(
                self.gctx,
                self,
                self.tr("End membership"),
                [(self.tr("&Reason:"), reason), (self.tr("&Date:"), day)],
                submit,
            )
        )

    def open_naaste_dialog(self) -> FormDialog:
        name = QLineEdit()
        name.setAccessibleName(self.tr("Name of the naaste"))
        relation = enum_combo(list(Relation), self.tr("Relation"))
        other = QLineEdit()
        other.setAccessibleName(self.tr("Relation, if other"))
        phone = QLineEdit()
        phone.setAccessibleName(self.tr("Phone"))
        email = QLineEdit()
        email.setAccessibleName(self.tr("E-mail"))
        carer = QCheckBox(self.tr("Mantelzorger"))
        legal = QCheckBox(self.tr("Legal representative"))
        first = QCheckBox(self.tr("First contact person"))

        def submit() -> FormCall:
            data = careteam.NaasteInput(
                name.text(),
                combo_code(relation),
                other.text(),
                phone.text(),
                email.text(),
                carer.isChecked(),
                legal.isChecked(),
                first.isChecked(),
            )
            return careteam.add_naaste, (self.gctx.app, self.patient_id, data)

        return self._open(
            FormDialog(
                self.gctx,
                self,
                self.tr("Add naaste"),
                [
                    (self.tr("&Name:"), name),
                    (self.tr("&Relation:"), relation),
                    (self.tr("Relation, &other:"), other),
                    (self.tr("&Phone:"), phone),
                    (self.tr("&E-mail:"), email),
                    ("", carer),
                    ("", legal),
                    ("", first),
                ],
                submit,
            )
        )

    def open_burden_dialog(self) -> FormDialog | None:
        naaste = selected_key(self.naasten)
        if naaste is None:
            self.gctx.show_error(
                ValidationError("Kies eerst in de tabel 'Naasten' om wie het gaat."), self
            )
            return None
        day = date_field(self.tr("Date of the check"), date.today(), what="de meting")
        instrument = enum_combo(list(BurdenInstrument), self.tr("Instrument"))
        score = QLineEdit()
        score.setAccessibleName(self.tr("Score or answer"))
        outcome = enum_combo(list(BurdenOutcome), self.tr("Outcome"))
        action = QLineEdit()
        action.setAccessibleName(self.tr("Action agreed"))

        def submit() -> FormCall:
            on = day.required_value()
            return careteam.add_burden_check, (
                self.gctx.app,
                naaste,
                on,
                combo_code(instrument),
                combo_code(outcome),
                score.text(),
                action.text(),
            )

        return self._open(
            FormDialog(
                self.gctx,
                self,
                self.tr("Carer burden"),
                [
                    (self.tr("&Date:"), day),
                    (self.tr("&Instrument:"), instrument),
                    (self.tr("&Score / answer:"), score),
                    (self.tr("&Outcome:"), outcome),
                    (self.tr("&Action:"), action),
                ],
                submit,
            )
        )

    def open_vptz_dialog(self) -> FormDialog:
        step = enum_combo(list(VptzStatus), self.tr("VPTZ step"))
        day = date_field(self.tr("Date"), date.today(), what="de VPTZ-stap")
        org = QLineEdit()
        org.setAccessibleName(self.tr("VPTZ organisation"))
        note = QLineEdit()
        note.setAccessibleName(self.tr("Note"))

        def submit() -> FormCall:
            on = day.required_value()
            return careteam.add_vptz_event, (
                self.gctx.app,
                self.patient_id,
                combo_code(step),
                on,
                org.text(),
                note.text(),
            )

        return self._open(
            FormDialog(
                self.gctx,
                self,
                self.tr("VPTZ step"),
                [
                    (self.tr("&Step:"), step),
                    (self.tr("&Date:"), day),
                    (self.tr("&Organisation:"), org),
                    (self.tr("N&ote:"), note),
                ],
                submit,
            )
        )
