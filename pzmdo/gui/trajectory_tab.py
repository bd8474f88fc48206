"""Patient tab 'Traject': transfers with warme overdracht, hospice referral steps,
second-line contacts, and after death the nazorg and the nabespreking (issue 17)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.errors import ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.trajectory import Answer, HospiceStep
from pzmdo.gui.care_widgets import combo_code, enum_combo, fill_table, make_table, selected_key
from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import SaveDialog
from pzmdo.gui.inputs import DateInput
from pzmdo.gui.trajectory_dialogs import (
    ContactDialog,
    NazorgDialog,
    ReviewDialog,
    TransferDialog,
    open_review,
)
from pzmdo.gui.widgets import button_row, chain_focus
from pzmdo.services import trajectory
from pzmdo.services.context import AppContext


@dataclass(frozen=True)
class _Loaded:
    transfers: list[trajectory.TransferInfo]
    steps: list[trajectory.HospiceStepInfo]
    contacts: list[trajectory.ContactInfo]
    nazorg: list[trajectory.NazorgInfo]
    review: trajectory.ReviewInfo | None
    facts: trajectory.ReviewFacts | None


def _load(ctx: AppContext, pid: int) -> _Loaded:
    try:
        facts: trajectory.ReviewFacts | None = trajectory.review_facts(ctx, pid)
    except ValidationError:  # not deceased: no after-death section
        facts = None
    return _Loaded(
        trajectory.list_transfers(ctx, pid),
        trajectory.hospice_steps(ctx, pid),
        trajectory.list_contacts(ctx, pid),
        trajectory.list_nazorg(ctx, pid),
        trajectory.get_review(ctx, pid),
        facts,
    )


def create_tab(gctx: GuiContext, patient_id: int) -> QWidget:
    return TrajectoryTab(gctx, patient_id)


class TrajectoryTab(QWidget):
    def __init__(self, gctx: GuiContext, patient_id: int) -> None:
        super().__init__()
        self.gctx = gctx
        self.patient_id = patient_id
        self.dialog: SaveDialog | None = None
        self.loaded: _Loaded | None = None
        self.loads = 0
        self.setAccessibleName(self.tr("Trajectory"))
        user = gctx.app.user
        layout = QVBoxLayout(self)
        self.where = QLabel(self.tr("Loading…"))
        self.where.setAccessibleName(self.tr("Where the patient is"))
        layout.addWidget(self.where)
        layout.addWidget(self._build_transfers(user.may(Action.TRANSFER)))
        layout.addWidget(self._build_contacts(user.may(Action.SECOND_LINE)))
        layout.addWidget(self._build_after_death())
        layout.addStretch(1)
        chain_focus(
            [
                self.transfers, self.transfer_button, self.confirmed_by, self.confirm_button,
                self.steps, self.step_on, self.step, self.hospice, self.step_button,
                self.contacts, self.contact_button, self.nazorg, self.review_button,
                self.nazorg_button,
            ]
        )  # fmt: skip
        gctx.changed.connect(self._on_changed)
        self.refresh()

    # -- building -----------------------------------------------------------------------------
    def _build_transfers(self, may: bool) -> QGroupBox:
        box = QGroupBox(self.tr("Transfers and hospice referral"))
        v = QVBoxLayout(box)
        self.transfers = make_table(
            [
                self.tr("Date"),
                self.tr("From → to"),
                self.tr("Reason"),
                self.tr("Handed over"),
                self.tr("What"),
                self.tr("Confirmed"),
                self.tr("New central caregiver"),
            ],
            self.tr("Transfers"),
            fit=True,
        )
        self.transfers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        v.addWidget(self.transfers)
        self.transfer_button = QPushButton(self.tr("Record &transfer…"))
        self.transfer_button.setAccessibleName(self.tr("Record transfer"))
        self.transfer_button.clicked.connect(self.new_transfer)
        self.confirmed_by = QLineEdit()
        self.confirmed_by.setAccessibleName(self.tr("Confirmed by"))
        self.confirmed_by.setPlaceholderText(self.tr("confirmed by (receiving party)"))
        self.confirmed_by.setMinimumWidth(260)
        self.confirm_button = QPushButton(self.tr("Con&firm selected handover"))
        self.confirm_button.setAccessibleName(self.tr("Confirm selected handover"))
        self.confirm_button.clicked.connect(self.confirm)
        row = button_row(self.transfer_button, self.confirmed_by, self.confirm_button)
        v.addLayout(row)
        self.steps = make_table(
            [self.tr("Date"), self.tr("Hospice referral step"), self.tr("Hospice")],
            self.tr("Hospice referral steps"),
            fit=True,
        )
        v.addWidget(self.steps)
        self.step_on = DateInput(date.today(), self.tr("Date of the step"))
        self.step = enum_combo(
            [s for s in HospiceStep if s is not HospiceStep.OPGENOMEN], self.tr("Step")
        )
        self.hospice = QLineEdit()
        self.hospice.setAccessibleName(self.tr("Hospice"))
        self.hospice.setPlaceholderText(self.tr("hospice"))
        self.step_button = QPushButton(self.tr("Add &step"))
        self.step_button.setAccessibleName(self.tr("Add hospice referral step"))
        self.step_button.clicked.connect(self.add_step)
        steps_row = QHBoxLayout()
        for w in (self.step_on, self.step, self.hospice, self.step_button):
            steps_row.addWidget(w)
        steps_row.addStretch(1)
        v.addLayout(steps_row)
        for w in (self.transfer_button, self.confirmed_by, self.confirm_button, self.step_button):
            w.setEnabled(may)
        return box

    def _build_contacts(self, may: bool) -> QGroupBox:
        box = QGroupBox(self.tr("Contacts with the second line"))
        v = QVBoxLayout(box)
        self.contacts = make_table(
            [
                self.tr("Date"),
                self.tr("Direction"),
                self.tr("Channel"),
                self.tr("With"),
                self.tr("Subject"),
                self.tr("Outcome"),
                self.tr("Received"),
            ],
            self.tr("Second-line contacts"),
            fit=True,
        )
        self.contacts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        v.addWidget(self.contacts)
        self.contact_button = QPushButton(self.tr("Record &contact…"))
        self.contact_button.setAccessibleName(self.tr("Record contact with the second line"))
        self.contact_button.clicked.connect(self.new_contact)
        self.contact_button.setEnabled(may)
        v.addLayout(button_row(self.contact_button))
        return box

    def _build_after_death(self) -> QGroupBox:
        self.after = QGroupBox(self.tr("After death"))
        v = QVBoxLayout(self.after)
        self.review_text = QLabel()
        self.review_text.setWordWrap(True)
        self.review_text.setAccessibleName(self.tr("After-death review"))
        v.addWidget(self.review_text)
        self.nazorg = make_table(
            [self.tr("Date"), self.tr("With whom"), self.tr("By"), self.tr("Outcome")],
            self.tr("Aftercare contacts"),
            fit=True,
        )
        v.addWidget(self.nazorg)
        self.review_button = QPushButton(self.tr("After-death &review…"))
        self.review_button.setAccessibleName(self.tr("Record after-death review"))
        self.review_button.clicked.connect(self.review)
        self.nazorg_button = QPushButton(self.tr("Record &aftercare…"))
        self.nazorg_button.setAccessibleName(self.tr("Record aftercare for the naasten"))
        self.nazorg_button.clicked.connect(self.new_nazorg)
        app_user = self.gctx.app.user
        self.review_button.setEnabled(app_user.may(Action.AFTER_DEATH_REVIEW))
        self.nazorg_button.setEnabled(app_user.may(Action.NAZORG))
        v.addLayout(button_row(self.review_button, self.nazorg_button))
        self.after.hide()
        return self.after

    # -- loading ------------------------------------------------------------------------------
    def _on_changed(self, entity: str, ids: tuple[int, ...]) -> None:
        if entity in ("patient", "careteam", "*") and (not ids or self.patient_id in ids):
            self.refresh()

    def refresh(self) -> None:
        self.gctx.runner.submit(_load, self.gctx.app, self.patient_id, on_done=self._show)

    def _show(self, data: _Loaded) -> None:
        self.loaded = data
        self.loads += 1
        last = data.transfers[-1] if data.transfers else None
        self.where.setText(
            self.tr("Now: %1 (since %2).")
            .replace("%1", last.to_name or last.to_label)
            .replace("%2", last.transfer_on.strftime("%d-%m-%Y"))
            if last
            else self.tr("No transfer recorded: the patient is cared for at home.")
        )
        yes, no = self.tr("yes"), self.tr("not yet")
        fill_table(
            self.transfers,
            [
                [
                    t.transfer_on.strftime("%d-%m-%Y"),
                    f"{t.from_label} → {t.to_name or t.to_label}",
                    t.reason,
                    f"{t.handed_over_by or '—'} → {t.handed_over_to or '—'}",
                    ", ".join(t.handed_over_labels)
                    + (f" (zorgplan v{t.careplan_version})" if t.careplan_version else ""),
                    f"{yes}: {t.confirmed_by}" if t.confirmed_on else no,
                    t.new_central_caregiver,
                ]
                for t in data.transfers
            ],
            [t.id for t in data.transfers],
        )
        fill_table(
            self.steps,
            [[s.step_on.strftime("%d-%m-%Y"), s.label, s.hospice] for s in data.steps],
        )
        fill_table(
            self.contacts,
            [
                [
                    c.contact_on.strftime("%d-%m-%Y"),
                    c.direction_label,
                    c.channel_label,
                    f"{c.counterpart} {c.hospital}".strip(),
                    c.subject,
                    c.outcome,
                    c.received_label + (f": {c.received_note}" if c.received_note else ""),
                ]
                for c in data.contacts
            ],
        )
        self.after.setVisible(data.facts is not None)
        fill_table(
            self.nazorg,
            [
                [n.contact_on.strftime("%d-%m-%Y"), n.with_whom, n.by, n.outcome_label]
                for n in data.nazorg
            ],
        )
        r = data.review
        self.review_text.setText(
            self.tr(
                "Reviewed on %1: expected %2, place as wished %3; %4 bottleneck(s), %5 lesson(s)."
            )
            .replace("%1", r.reviewed_on.strftime("%d-%m-%Y"))
            .replace("%2", Answer(r.death_expected).label.lower())
            .replace("%3", Answer(r.place_as_wished).label.lower())
            .replace("%4", str(len(r.knelpunten)))
            .replace("%5", str(len(r.leerpunten)))
            if r
            else self.tr("No after-death review recorded yet.")
        )

    # -- actions ------------------------------------------------------------------------------
    def _open(self, dialog: SaveDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda _r: self.refresh())
        dialog.open()

    def new_transfer(self) -> None:
        last = self.loaded.transfers[-1] if self.loaded and self.loaded.transfers else None
        where = last.to_setting if last else "thuis"
        self._open(TransferDialog(self.gctx, self, self.patient_id, where))

    def new_contact(self) -> None:
        self._open(ContactDialog(self.gctx, self, self.patient_id))

    def new_nazorg(self) -> None:
        self._open(NazorgDialog(self.gctx, self, self.patient_id))

    def review(self) -> None:
        open_review(self.gctx, self, self.patient_id, on_open=self._opened_review)

    def _opened_review(self, dialog: ReviewDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda _r: self.refresh())

    def confirm(self) -> None:
        transfer_id = selected_key(self.transfers)
        if transfer_id is None or self.loaded is None:
            self.gctx.show_error(
                ValidationError("Kies eerst de overplaatsing in de lijst en probeer opnieuw."), self
            )
            return
        version = next(t.version for t in self.loaded.transfers if t.id == transfer_id)
        self.gctx.runner.submit(
            trajectory.confirm_transfer,
            self.gctx.app,
            transfer_id,
            self.confirmed_by.text(),
            expected_version=version,
            on_done=lambda _r: self.refresh(),
            on_error=lambda e: self.gctx.show_error(e, self),
        )

    def add_step(self) -> None:
        try:
            on = self.step_on.required_value()
        except ValidationError as exc:
            self.gctx.show_error(exc, self)
            return
        self.gctx.runner.submit(
            trajectory.record_hospice_step,
            self.gctx.app,
            self.patient_id,
            combo_code(self.step),
            on,
            self.hospice.text(),
            on_done=lambda _r: self.refresh(),
            on_error=lambda e: self.gctx.show_error(e, self),
        )
