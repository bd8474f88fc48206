"""Dialogs of the patient's trajectory (issue 17): a transfer with warme overdracht, a
second-line contact, nazorg, and the structured nabespreking."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.permissions import Action
from pzmdo.domain.trajectory import (
    Answer,
    CareSetting,
    ContactChannel,
    ContactDirection,
    HandoverItem,
    NazorgOutcome,
    Received,
)
from pzmdo.gui.care_widgets import combo_code, enum_combo, form_label
from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import SaveDialog
from pzmdo.gui.inputs import DateInput
from pzmdo.gui.person_picker import PersonPicker
from pzmdo.gui.widgets import chain_focus
from pzmdo.services import trajectory
from pzmdo.services.context import AppContext


def _text(name: str, height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(height)
    return edit


def _line(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    return edit


def _form(rows: list[tuple[str, QWidget]]) -> QFormLayout:
    """Labelled rows; Tab follows them (reading order)."""
    form = QFormLayout()
    for label, widget in rows:
        form.addRow(form_label(label, widget), widget)
    chain_focus([widget for _label, widget in rows])
    return form


class TransferDialog(SaveDialog):
    """A transfer: from, to, reason, who handed over to whom, what, confirmed; optionally
    the new centrale zorgverlener (changed in the same action)."""

    def __init__(
        self, gctx: GuiContext, parent: QWidget | None, patient_id: int, from_setting: str = ""
    ) -> None:
        super().__init__(gctx, parent)
        self.patient_id = patient_id
        self.setWindowTitle(self.tr("Transfer with warm handover"))
        self.setMinimumWidth(640)
        self.setAccessibleName(self.tr("Transfer with warm handover"))
        self.on = DateInput(date.today(), self.tr("Date of the transfer"))
        self.from_setting = enum_combo(list(CareSetting), self.tr("From"))
        self.to_setting = enum_combo(list(CareSetting), self.tr("To"))
        self.from_setting.setCurrentIndex(max(0, self.from_setting.findData(from_setting)))
        self.to_setting.setCurrentIndex(
            self.to_setting.findData(CareSetting.ZIEKENHUIS.value)
            if from_setting != CareSetting.ZIEKENHUIS.value
            else self.to_setting.findData(CareSetting.HOSPICE.value)
        )
        self.to_name = _line(self.tr("Receiving institution"))
        self.reason = _text(self.tr("Reason for the transfer"))
        self.by = PersonPicker(gctx)
        self.by.setAccessibleName(self.tr("Handed over by"))
        self.to_whom = _line(self.tr("Handed over to"))
        self.items: dict[str, QCheckBox] = {}
        what = QWidget()
        grid = QGridLayout(what)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, item in enumerate(HandoverItem):
            check = QCheckBox(item.label)
            check.setAccessibleName(item.label)
            check.setChecked(item in (HandoverItem.ZORGPLAN, HandoverItem.NOODBLAD))
            self.items[item.value] = check
            grid.addWidget(check, i // 2, i % 2)
        self.confirmed = QCheckBox(self.tr("Receiving party &confirmed the handover"))
        self.confirmed.setAccessibleName(self.tr("Receiving party confirmed the handover"))
        self.confirmed_by = _line(self.tr("Confirmed by"))
        self.new_cz = PersonPicker(gctx, big_only=True)
        self.new_cz.setAccessibleName(self.tr("New central caregiver"))
        self.new_cz.setItemText(0, self.tr("— unchanged —"))
        self.new_cz.setEnabled(gctx.app.user.may(Action.CARE_TEAM))
        self.note = _text(self.tr("Note"), 50)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Record where the patient goes and what went with them. A new central "
                "caregiver is changed in the same step."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        rows: list[tuple[str, QWidget]] = [
            (self.tr("&Date:"), self.on),
            (self.tr("&From:"), self.from_setting),
            (self.tr("&To:"), self.to_setting),
            (self.tr("Receiving &institution:"), self.to_name),
            (self.tr("&Reason:"), self.reason),
            (self.tr("Handed over &by:"), self.by),
            (self.tr("Handed over t&o:"), self.to_whom),
            (self.tr("What was handed over:"), what),
            ("", self.confirmed),
            (self.tr("Confirmed b&y:"), self.confirmed_by),
            (self.tr("New central &caregiver:"), self.new_cz),
            (self.tr("&Note:"), self.note),
        ]
        layout.addLayout(_form(rows))
        chain_focus(
            [
                self.on, self.from_setting, self.to_setting, self.to_name, self.reason, self.by,
                self.to_whom, *self.items.values(), self.confirmed, self.confirmed_by,
                self.new_cz, self.note,
            ]
        )  # fmt: skip
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        on = self.read_field(self.on.required_value)
        if on is None:
            return
        data = trajectory.TransferInput(
            transfer_on=on,
            from_setting=combo_code(self.from_setting),
            to_setting=combo_code(self.to_setting),
            reason=self.reason.toPlainText(),
            to_name=self.to_name.text(),
            handed_over_by_person_id=self.by.get_person_id(),
            handed_over_to=self.to_whom.text(),
            handed_over=tuple(k for k, c in self.items.items() if c.isChecked()),
            confirmed=self.confirmed.isChecked(),
            confirmed_by=self.confirmed_by.text(),
            new_central_caregiver_id=self.new_cz.get_person_id(),
            note=self.note.toPlainText(),
        )
        self.run(trajectory.record_transfer, self.patient_id, data)


class ContactDialog(SaveDialog):
    """A contact with the hospital specialist; an outgoing one closes the inform task."""

    def __init__(self, gctx: GuiContext, parent: QWidget | None, patient_id: int) -> None:
        super().__init__(gctx, parent)
        self.patient_id = patient_id
        self.setWindowTitle(self.tr("Contact with the second line"))
        self.setAccessibleName(self.tr("Contact with the second line"))
        self.on = DateInput(date.today(), self.tr("Date of the contact"))
        self.direction = enum_combo(list(ContactDirection), self.tr("Direction"))
        self.channel = enum_combo(list(ContactChannel), self.tr("Channel"))
        self.counterpart = _line(self.tr("Contact person"))
        self.hospital = _line(self.tr("Hospital"))
        self.subject = _line(self.tr("Subject"))
        self.outcome = _text(self.tr("Outcome"))
        self.received = enum_combo(list(Received), self.tr("Received"))
        self.received_note = _text(self.tr("About what was received"), 50)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("An outgoing contact closes the task 'inform the hospital specialist'.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(
            _form(
                [
                    (self.tr("&Date:"), self.on),
                    (self.tr("D&irection:"), self.direction),
                    (self.tr("&Channel:"), self.channel),
                    (self.tr("&With:"), self.counterpart),
                    (self.tr("&Hospital:"), self.hospital),
                    (self.tr("&Subject:"), self.subject),
                    (self.tr("&Outcome:"), self.outcome),
                    (self.tr("&Received:"), self.received),
                    (self.tr("Abo&ut it:"), self.received_note),
                ]
            )
        )
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        on = self.read_field(self.on.required_value)
        if on is None:
            return
        data = trajectory.ContactInput(
            contact_on=on,
            direction=combo_code(self.direction),
            channel=combo_code(self.channel),
            counterpart=self.counterpart.text(),
            subject=self.subject.text(),
            hospital=self.hospital.text(),
            outcome=self.outcome.toPlainText(),
            received=combo_code(self.received),
            received_note=self.received_note.toPlainText(),
        )
        self.run(trajectory.record_contact, self.patient_id, data)


class NazorgDialog(SaveDialog):
    """Contact with the naasten after the death."""

    def __init__(self, gctx: GuiContext, parent: QWidget | None, patient_id: int) -> None:
        super().__init__(gctx, parent)
        self.patient_id = patient_id
        self.setWindowTitle(self.tr("Aftercare for the naasten"))
        self.setAccessibleName(self.tr("Aftercare for the naasten"))
        self.on = DateInput(date.today(), self.tr("Date of the aftercare contact"))
        self.whom = _line(self.tr("With whom"))
        self.outcome = enum_combo(list(NazorgOutcome), self.tr("Outcome"))
        self.note = _text(self.tr("Note"))
        layout = QVBoxLayout(self)
        layout.addLayout(
            _form(
                [
                    (self.tr("&Date:"), self.on),
                    (self.tr("&With whom:"), self.whom),
                    (self.tr("&Outcome:"), self.outcome),
                    (self.tr("&Note:"), self.note),
                ]
            )
        )
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        on = self.read_field(self.on.required_value)
        if on is None:
            return
        self.run(
            trajectory.record_nazorg,
            self.patient_id,
            on,
            self.whom.text(),
            combo_code(self.outcome),
            self.note.toPlainText(),
        )


class ReviewDialog(SaveDialog):
    """The nabespreking: expected?, place vs wish, care plan known to HAP/ambulance, what
    went well, knelpunten and leerpunten (one per line)."""

    def __init__(
        self,
        gctx: GuiContext,
        parent: QWidget | None,
        patient_id: int,
        facts: trajectory.ReviewFacts,
        current: trajectory.ReviewInfo | None = None,
        meeting_id: int | None = None,
    ) -> None:
        super().__init__(gctx, parent)
        self.patient_id = patient_id
        self.meeting_id = meeting_id
        self.current = current
        self.setWindowTitle(self.tr("After-death review"))
        self.setAccessibleName(self.tr("After-death review"))
        self.setMinimumWidth(620)
        died = QLabel(
            self.tr("Died on %1 (%2); wished place: %3.")
            .replace("%1", facts.died_on.strftime("%d-%m-%Y"))
            .replace("%2", facts.place_label.lower())
            .replace("%3", facts.wished_label.lower())
            + " "
            + self.tr("Place as wished: %1.").replace("%1", Answer(facts.place_as_wished).label)
        )
        died.setWordWrap(True)
        died.setAccessibleName(died.text())
        self.expected = self._answers(self.tr("Was the death expected?"))
        self.hap = self._answers(self.tr("Care plan known to the out-of-hours GP service?"))
        self.ambulance = self._answers(self.tr("Care plan known to the ambulance?"))
        self.went_well = _text(self.tr("What went well"))
        self.knel = _text(self.tr("Bottlenecks, one per line"), 90)
        self.leer = _text(self.tr("Lessons learned, one per line"), 90)
        if current is not None:
            for combo, code in (
                (self.expected, current.death_expected),
                (self.hap, current.plan_known_hap),
                (self.ambulance, current.plan_known_ambulance),
            ):
                combo.setCurrentIndex(max(0, combo.findData(code)))
            self.went_well.setPlainText(current.went_well)
            self.knel.setPlainText("\n".join(current.knelpunten))
            self.leer.setPlainText("\n".join(current.leerpunten))
        box = QGroupBox(self.tr("Review"))
        box.setLayout(
            _form(
                [
                    (self.tr("Death &expected:"), self.expected),
                    (self.tr("Plan known to &HAP:"), self.hap),
                    (self.tr("Plan known to &ambulance:"), self.ambulance),
                    (self.tr("What went &well:"), self.went_well),
                    (self.tr("&Bottlenecks:"), self.knel),
                    (self.tr("&Lessons learned:"), self.leer),
                ]
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(died)
        layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _answers(self, name: str) -> QComboBox:
        combo = enum_combo(list(Answer), name)
        combo.setCurrentIndex(combo.findData(Answer.ONBEKEND.value))
        return combo

    def submit(self) -> None:
        data = trajectory.ReviewInput(
            death_expected=combo_code(self.expected),
            plan_known_hap=combo_code(self.hap),
            plan_known_ambulance=combo_code(self.ambulance),
            went_well=self.went_well.toPlainText(),
            knelpunten=tuple(self.knel.toPlainText().split("\n")),
            leerpunten=tuple(self.leer.toPlainText().split("\n")),
            meeting_id=self.meeting_id,
        )
        version = self.current.version if self.current else None
        self.run(trajectory.record_review, self.patient_id, data, expected_version=version)


_Review = tuple[trajectory.ReviewFacts, trajectory.ReviewInfo | None]


def _load_review(ctx: AppContext, patient_id: int) -> _Review:
    return trajectory.review_facts(ctx, patient_id), trajectory.get_review(ctx, patient_id)


def open_review(
    gctx: GuiContext,
    parent: QWidget,
    patient_id: int,
    meeting_id: int | None = None,
    on_open: Callable[[ReviewDialog], None] | None = None,
) -> None:
    """Load the death and any earlier review off the GUI thread, then open the dialog."""

    def show(loaded: _Review) -> None:
        dialog = ReviewDialog(gctx, parent, patient_id, loaded[0], loaded[1], meeting_id)
        if on_open is not None:
            on_open(dialog)
        dialog.open()

    gctx.runner.submit(
        _load_review,
        gctx.app,
        patient_id,
        on_done=show,
        on_error=lambda e: gctx.show_error(e, parent),
    )
