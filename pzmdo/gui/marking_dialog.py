"""The marking dialog (Ctrl+M from anywhere): find or create the patient, ask the surprise
question, record who marks and why, and put the patient on the next meeting's agenda.

Keyboard only for an existing patient: Ctrl+M, type the name, Return (picks), Space (the
focused answer "Nee"), Return (Mark) — four keystrokes besides the name.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.enums import Sex
from pzmdo.domain.errors import PzmdoError, ValidationError
from pzmdo.domain.register import (
    SURPRISE_QUESTION,
    DeteriorationIndicator,
    SurpriseAnswer,
)
from pzmdo.domain.text import display_name
from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import SaveDialog
from pzmdo.gui.inputs import DateInput
from pzmdo.gui.patient_picker import PatientPicker
from pzmdo.gui.widgets import add_labelled_rows, chain_focus
from pzmdo.services.practices import PracticeInfo, list_practices
from pzmdo.services.register import (
    MarkingInput,
    PatientInput,
    PersonChoice,
    default_marker_id,
    list_physicians,
    mark_patient,
)


class MarkingDialog(SaveDialog):
    marked = Signal(int)

    def __init__(self, gctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(gctx, parent)
        self.setWindowTitle(self.tr("Mark patient — palliative phase"))
        self.setAccessibleName(self.tr("Mark patient"))
        self.setMinimumWidth(620)
        self.several_practices = False  # set when the user's practices are loaded
        outer = QVBoxLayout(self)
        outer.addLayout(self._build_patient())
        outer.addWidget(self._build_new_patient())
        outer.addWidget(self._build_question())
        outer.addLayout(self._build_details())
        self._build_grounds(outer)
        outer.addWidget(self.error)
        self.mark_button = self.ok
        self.mark_button.setText(self.tr("&Mark"))
        self.mark_button.setAccessibleName(self.tr("Mark the patient"))
        self.mark_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        outer.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)
        self._set_tab_order(cancel)
        self.new_button.toggled.connect(self._toggle_new)
        self.picker.picked.connect(self._picked)
        gctx.runner.submit(self._load_people, on_done=self._show_people)

    # -- building -----------------------------------------------------------------------------
    def _build_patient(self) -> QFormLayout:
        """Find the patient, or add a new one."""
        form = QFormLayout()
        self.picker = PatientPicker(self.gctx)
        patient_label = QLabel(self.tr("&Patient:"))
        patient_label.setBuddy(self.picker.search)
        self.new_button = QPushButton(self.tr("N&ew patient…"))
        self.new_button.setCheckable(True)
        self.new_button.setAutoDefault(False)  # Return always means "Mark"
        self.new_button.setAccessibleName(self.tr("Add a new patient instead"))
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        row.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(patient_label, row)
        return form

    def _build_new_patient(self) -> QGroupBox:
        self.new_box = QGroupBox(self.tr("New patient"))
        new_form = QFormLayout(self.new_box)
        self.given = QLineEdit()
        self.prefix = QLineEdit()
        self.family = QLineEdit()
        self.birth = DateInput(what="De geboortedatum")
        self.sex = QComboBox()
        for sex in Sex:
            self.sex.addItem(sex.label, sex.value)
        self.sex.setCurrentIndex(list(Sex).index(Sex.ONBEKEND))
        self.bsn = QLineEdit()
        self.bsn.setPlaceholderText(self.tr("optional, 9 digits"))
        # Only a user who sees several practices chooses one; with one it is implied.
        self.practice = QComboBox()
        self.practice.setPlaceholderText(self.tr("Choose the practice…"))
        self.practice_label = QLabel(self.tr("Practi&ce:"))
        for text, widget, name in (
            (self.tr("&Given name:"), self.given, self.tr("Given name")),
            (self.tr("Prefi&x:"), self.prefix, self.tr("Name prefix (tussenvoegsel)")),
            (self.tr("&Family name:"), self.family, self.tr("Family name")),
            (self.tr("Date of &birth:"), self.birth, self.tr("Date of birth")),
            (self.tr("&Sex:"), self.sex, self.tr("Sex")),
            (self.tr("BS&N:"), self.bsn, self.tr("BSN")),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(name)
            new_form.addRow(label, widget)
        self.practice_label.setBuddy(self.practice)
        self.practice.setAccessibleName(self.tr("Practice of the new patient"))
        new_form.addRow(self.practice_label, self.practice)
        self.practice_label.hide()
        self.practice.hide()
        self.new_box.hide()
        return self.new_box

    def _build_question(self) -> QGroupBox:
        """The surprise question and its answer."""
        question_box = QGroupBox(self.tr("Surprise question"))
        q_layout = QVBoxLayout(question_box)
        self.question = QLabel(SURPRISE_QUESTION)
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-weight: 600;")
        self.question.setAccessibleName(SURPRISE_QUESTION)
        q_layout.addWidget(self.question)
        answers = QHBoxLayout()
        self.answer_group = QButtonGroup(self)
        self.answer_no = QRadioButton(self.tr("&No — it would not surprise me"))
        self.answer_yes = QRadioButton(self.tr("&Yes"))
        self.answer_unsure = QRadioButton(self.tr("Do&n't know"))
        for button, answer in (
            (self.answer_no, SurpriseAnswer.NEE),
            (self.answer_yes, SurpriseAnswer.JA),
            (self.answer_unsure, SurpriseAnswer.WEET_NIET),
        ):
            button.setProperty("answer", answer.value)
            button.setAccessibleName(
                self.tr("Answer: %1").replace("%1", button.text().replace("&", ""))
            )
            self.answer_group.addButton(button)
            answers.addWidget(button)
        answers.addStretch(1)
        q_layout.addLayout(answers)
        return question_box

    def _build_details(self) -> QFormLayout:
        """Date, who marks, who proposed."""
        details = QFormLayout()
        self.marked_on = DateInput(date.today(), self.tr("Marking date"), what="De markeringsdatum")
        self.marked_on.setMaximumDate(date.today())
        self.marked_by = QComboBox()
        self.marked_by.setAccessibleName(self.tr("Marked by (physician)"))
        self.marked_by.setPlaceholderText(self.tr("Choose the physician…"))
        self.proposed_by = QLineEdit()
        self.proposed_by.setAccessibleName(self.tr("Proposed by"))
        self.proposed_by.setPlaceholderText(self.tr("e.g. the practice nurse or district nurse"))
        add_labelled_rows(
            details,
            (
                (self.tr("Marking &date:"), self.marked_on),
                (self.tr("&Marked by:"), self.marked_by),
                (self.tr("Pr&oposed by:"), self.proposed_by),
            ),
        )
        return details

    def _build_grounds(self, outer: QVBoxLayout) -> None:
        """Optional grounds, and whether the patient goes on the next agenda."""
        self.indicator_box = QGroupBox(self.tr("General signs of deterioration (optional)"))
        grid = QGridLayout(self.indicator_box)
        self.indicators: dict[str, QCheckBox] = {}
        for i, indicator in enumerate(DeteriorationIndicator):
            box = QCheckBox(indicator.label)
            box.setAccessibleName(indicator.label)
            self.indicators[indicator.value] = box
            grid.addWidget(box, i, 0)  # one column: the texts stay readable
        outer.addWidget(self.indicator_box)
        grounds_label = QLabel(self.tr("Other &grounds:"))
        self.grounds = QPlainTextEdit()
        self.grounds.setTabChangesFocus(True)
        self.grounds.setFixedHeight(56)
        self.grounds.setAccessibleName(self.tr("Other grounds"))
        grounds_label.setBuddy(self.grounds)
        outer.addWidget(grounds_label)
        outer.addWidget(self.grounds)
        self.to_agenda = QCheckBox(self.tr("Put on the agenda of the next meeting"))
        self.to_agenda.setChecked(True)
        self.to_agenda.setAccessibleName(self.tr("Put on the agenda of the next meeting"))
        outer.addWidget(self.to_agenda)

    def _set_tab_order(self, cancel: QWidget) -> None:
        """Reading order."""
        chain: list[QWidget] = [
            self.picker.search,
            self.picker.results,
            self.new_button,
            self.given,
            self.prefix,
            self.family,
            self.birth,
            self.sex,
            self.bsn,
            self.practice,
            self.answer_no,
            self.answer_yes,
            self.answer_unsure,
            self.marked_on,
            self.marked_by,
            self.proposed_by,
            *self.indicators.values(),
            self.grounds,
            self.to_agenda,
            self.mark_button,
            cancel,
        ]
        chain_focus(chain)

    # -- loading ------------------------------------------------------------------------------
    def _load_people(self) -> tuple[list[PersonChoice], int | None, list[PracticeInfo]]:
        ctx = self.gctx.app
        mine = list_practices(ctx, in_scope_only=True, active_only=True)
        return list_physicians(ctx), default_marker_id(ctx), mine

    def _show_people(
        self, result: tuple[list[PersonChoice], int | None, list[PracticeInfo]]
    ) -> None:
        physicians, default, mine = result
        for practice in mine:
            self.practice.addItem(practice.name, practice.id)
        self.several_practices = len(mine) > 1
        self.practice_label.setVisible(self.several_practices)
        self.practice.setVisible(self.several_practices)
        self.practice.setCurrentIndex(-1 if self.several_practices else 0)
        for person in physicians:
            self.marked_by.addItem(person.name, person.id)
        if default is not None:
            index = self.marked_by.findData(default)
            if index < 0:
                self.marked_by.addItem(self.gctx.app.user.name, default)
                index = self.marked_by.count() - 1
            self.marked_by.setCurrentIndex(index)
        else:
            self.marked_by.setCurrentIndex(-1)

    # -- interaction ----------------------------------------------------------------------------
    def _toggle_new(self, on: bool) -> None:
        self.new_box.setVisible(on)
        self.picker.setEnabled(not on)
        if on:
            self.picker.clear()
            self.given.setFocus()
        else:
            self.picker.search.setFocus()

    def _picked(self, _patient_id: int) -> None:
        self.error.show_message("")
        self.answer_no.setFocus(Qt.FocusReason.OtherFocusReason)

    def _chosen_practice(self) -> int | None:
        if not self.several_practices:
            return None  # the user's only practice: the service knows it
        if self.practice.currentIndex() < 0:
            raise ValidationError("Kies bij 'Praktijk' bij welke praktijk de nieuwe patiënt hoort.")
        practice_id: int = self.practice.currentData()
        return practice_id

    def _answer(self) -> str | None:
        button = self.answer_group.checkedButton()
        return button.property("answer") if button else None

    def build_input(self) -> MarkingInput:
        """The service input from the fields; a Dutch error when something is missing."""
        answer = self._answer()
        if answer is None:
            raise ValidationError(
                "Beantwoord eerst de surprise question (nee, ja of weet ik niet)."
            )
        new_patient = None
        patient_id = None
        if self.new_button.isChecked():
            if not self.birth.text().strip():
                raise ValidationError("Vul de geboortedatum van de nieuwe patiënt in (dd-mm-jjjj).")
            new_patient = PatientInput(
                given_name=self.given.text(),
                name_prefix=self.prefix.text() or None,
                family_name=self.family.text(),
                birth_date=self.birth.required_value(),
                sex=self.sex.currentData(),
                bsn=self.bsn.text() or None,
                practice_id=self._chosen_practice(),
            )
        else:
            patient_id = self.picker.patient_id
            if patient_id is None:
                raise ValidationError(
                    "Kies eerst een patiënt: typ een naam en druk op Enter, of kies 'Nieuwe "
                    "patiënt'."
                )
        return MarkingInput(
            surprise_answer=answer,
            marked_on=self.marked_on.required_value(),
            patient_id=patient_id,
            new_patient=new_patient,
            marked_by_person_id=self.marked_by.currentData(),
            proposed_by=self.proposed_by.text() or None,
            indicators=tuple(k for k, box in self.indicators.items() if box.isChecked()),
            other_grounds=self.grounds.toPlainText() or None,
            to_agenda=self.to_agenda.isChecked(),
        )

    def submit(self) -> None:
        if not self.mark_button.isEnabled():  # Ctrl+Return while saving
            return
        try:
            marking = self.build_input()
        except PzmdoError as exc:
            self.show_error(str(exc))
            return
        self.run(mark_patient, marking)

    def _done(self, patient_id: int) -> None:
        self.marked.emit(patient_id)
        window = self.gctx.main_window
        self.confirmation = (
            self.tr("%1 is marked (palliative phase) as of %2.")
            .replace("%1", self._patient_name())
            .replace("%2", self.marked_on.text())
        )
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.confirmation, 15000)
        super()._done(patient_id)

    def _patient_name(self) -> str:
        if self.new_button.isChecked():
            return display_name(self.given.text(), self.prefix.text() or None, self.family.text())
        return self.picker.search.text().strip()


def open_marking_dialog(
    gctx: GuiContext, parent: QWidget | None = None, patient_id: int | None = None
) -> MarkingDialog:
    """Open (non-blocking) the marking dialog; focus is in the patient search, or on the
    answer when ``patient_id`` is given (from the patient's record)."""
    dialog = MarkingDialog(gctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.picker.search.setFocus()
    if patient_id is not None:
        from pzmdo.services.patients import open_patient_record

        gctx.runner.submit(
            open_patient_record, gctx.app, patient_id, on_done=dialog.picker.set_patient
        )
    return dialog
