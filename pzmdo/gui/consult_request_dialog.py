"""Request a specialist palliative care consultation (from the patient view or meeting mode).

The dialog shows the team's office-hours or ANW number that matches the request time.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.consultations import (
    Complexity,
    ConsultDimension,
    ConsultMode,
    TimeWindow,
    time_window,
)
from pzmdo.domain.errors import PzmdoError
from pzmdo.gui.consult_widgets import aware, now_input, submit_for
from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import SaveDialog
from pzmdo.gui.widgets import add_labelled_rows, chain_focus
from pzmdo.services import consultations as svc
from pzmdo.services.patients import PatientHeader, open_patient_record


def open_consult_request(
    gctx: GuiContext, parent: QWidget | None, patient_id: int, meeting_id: int | None = None
) -> QDialog:
    """Open (non-blocking) the request dialog for one patient; returns the dialog."""
    dialog = ConsultRequestDialog(gctx, patient_id, meeting_id, parent)
    dialog.open()
    return dialog


class ConsultRequestDialog(SaveDialog):
    submitted = Signal(int)  # the new consultation's id

    def __init__(
        self,
        gctx: GuiContext,
        patient_id: int,
        meeting_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(gctx, parent)
        self.patient_id = patient_id
        self.meeting_id = meeting_id
        self.teams: list[svc.TeamInfo] = []
        self.loaded = 0
        self.setWindowTitle(self.tr("Request consultation"))
        self.setAccessibleName(self.tr("Request specialist palliative care consultation"))

        form = self._build_form()
        complexity_box = self._build_complexity()
        dimension_box = self._build_dimensions()

        self.ok.setText(self.tr("&Request"))
        self.ok.setEnabled(False)
        layout = QVBoxLayout(self)
        if meeting_id is not None:
            note = QLabel(self.tr("Requested from the meeting in progress."))
            note.setStyleSheet("color: #44515e;")
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(complexity_box)
        layout.addWidget(dimension_box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        order: list[QWidget] = [self.team, self.requested_by, self.at, self.question, self.mode]
        order += list(self.complexity.values()) + list(self.dimensions.values())
        order += [self.ok, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        chain_focus(order)

        self.team.currentIndexChanged.connect(self._update_phone)
        self.at.changed.connect(self._update_phone)
        self._update_phone()
        self.resize(640, 620)
        self.team.setFocus()
        submit_for(
            self, open_patient_record, patient_id, on_done=self._patient, on_error=self._failed
        )
        submit_for(self, svc.list_teams, on_done=self._teams, on_error=self._failed)
        submit_for(self, svc.list_requesters, on_done=self._people, on_error=self._failed)

    # -- building -----------------------------------------------------------------------------
    def _build_form(self) -> QFormLayout:
        """Patient, team, who asks and when, the team's phone, the question and the mode."""
        self.patient = QLabel(self.tr("Loading…"))
        self.patient.setStyleSheet("font-weight: 600;")
        self.patient.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.team = QComboBox()
        self.team.setAccessibleName(self.tr("Consultation team"))
        self.requested_by = QComboBox()
        self.requested_by.setAccessibleName(self.tr("Requested by"))
        self.at = now_input(self.tr("Date and time of the request"), "De datum van de aanvraag")
        self.phone = QLabel()
        self.phone.setWordWrap(True)
        self.phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.phone.setStyleSheet(
            "background: #eef3f8; border: 1px solid #8da2b5; border-radius: 4px; padding: 6px;"
        )
        self.question = QPlainTextEdit()
        self.question.setAccessibleName(self.tr("Question for the specialist"))
        self.question.setPlaceholderText(self.tr("What do you want to ask the specialist?"))
        self.question.setTabChangesFocus(True)
        self.question.setMinimumHeight(90)
        self.mode = QComboBox()
        self.mode.setAccessibleName(self.tr("Mode of consultation"))
        for m in ConsultMode:
            self.mode.addItem(m.label, m.value)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Patient:"), self.patient)
        add_labelled_rows(
            form,
            (
                (self.tr("&Team:"), self.team),
                (self.tr("Requested &by:"), self.requested_by),
                (self.tr("&Date and time:"), self.at),
            ),
        )
        form.addRow(self.tr("Call:"), self.phone)
        label = QLabel(self.tr("&Question:"))
        label.setBuddy(self.question)
        form.addRow(label, self.question)
        label = QLabel(self.tr("&Mode:"))
        label.setBuddy(self.mode)
        form.addRow(label, self.mode)
        return form

    def _build_complexity(self) -> QGroupBox:
        complexity_box = QGroupBox(self.tr("Complexity"))
        row = QGridLayout(complexity_box)
        self.complexity: dict[str, QRadioButton] = {}
        for col, c in enumerate(Complexity):
            button = QRadioButton(c.label)
            button.setAccessibleName(self.tr("Complexity: %1").replace("%1", c.label))
            self.complexity[c.value] = button
            row.addWidget(button, 0, col)
        self.complexity[Complexity.MIDDEL.value].setChecked(True)
        return complexity_box

    def _build_dimensions(self) -> QGroupBox:
        dimension_box = QGroupBox(self.tr("Dimensions involved"))
        grid = QGridLayout(dimension_box)
        self.dimensions: dict[str, QCheckBox] = {}
        for n, d in enumerate(ConsultDimension):
            box = QCheckBox(d.label)
            box.setAccessibleName(self.tr("Dimension: %1").replace("%1", d.label))
            self.dimensions[d.value] = box
            grid.addWidget(box, n // 3, n % 3)
        return dimension_box

    # -- loading ------------------------------------------------------------------------------
    def _patient(self, header: PatientHeader) -> None:
        text = f"{header.name} · {header.birth_date:%d-%m-%Y}"
        if header.is_fictional:
            text += " · " + self.tr("fictitious")
        self.patient.setText(text)
        self.patient.setAccessibleName(text)
        self._loaded()

    def _teams(self, teams: list[svc.TeamInfo]) -> None:
        self.teams = teams
        self.team.clear()
        for t in teams:
            self.team.addItem(f"{t.name} — {t.type_label}", t.id)
        if not teams:
            self.error.show_message(
                self.tr(
                    "There is no consultation team yet. Add one under Consultations › Teams first."
                )
            )
        self._update_phone()
        self._loaded()

    def _people(self, people: list[svc.PersonChoice]) -> None:
        me = self.gctx.app.user.person_id
        for p in people:
            self.requested_by.addItem(f"{p.name} ({p.discipline_label})", p.id)
            if p.id == me:
                self.requested_by.setCurrentIndex(self.requested_by.count() - 1)
        self._loaded()

    def _loaded(self) -> None:
        self.loaded += 1
        self.ok.setEnabled(self.loaded >= 3 and bool(self.teams))

    def current_team(self) -> svc.TeamInfo | None:
        team_id = self.team.currentData()
        return next((t for t in self.teams if t.id == team_id), None)

    def _update_phone(self) -> None:
        try:
            window = time_window(aware(self.at))
        except PzmdoError:
            return  # still typing the date; the number follows once it is a date
        team = self.current_team()
        if team is None:
            text = window.label
        else:
            number = team.phone_for(window)
            if number:
                text = self.tr("%1 — call %2: %3").replace("%1", window.label)
                text = text.replace("%2", team.name).replace("%3", number)
            else:
                other = team.phone_for(
                    TimeWindow.ANW if window is TimeWindow.KANTOORTIJD else TimeWindow.KANTOORTIJD
                )
                text = (
                    self.tr("%1 — %2 has no number for this time window")
                    .replace("%1", window.label)
                    .replace("%2", team.name)
                )
                if other:
                    text += " " + self.tr("(other time window: %1)").replace("%1", other)
        self.phone.setText(text)
        self.phone.setAccessibleName(text)

    # -- saving -------------------------------------------------------------------------------
    def submit(self) -> None:
        team_id = self.team.currentData()
        if team_id is None:
            self.error.show_message(self.tr("Choose a consultation team."))
            return
        complexity = next(v for v, b in self.complexity.items() if b.isChecked())
        try:
            requested_at = aware(self.at)
        except PzmdoError as exc:
            self.error.show_message(str(exc))
            return
        self.run(
            svc.request_consultation,
            self.patient_id,
            team_id=team_id,
            question=self.question.toPlainText(),
            mode=self.mode.currentData(),
            complexity=complexity,
            dimensions=[v for v, b in self.dimensions.items() if b.isChecked()],
            requested_at=requested_at,
            requested_by_person_id=self.requested_by.currentData(),
            meeting_id=self.meeting_id,
        )

    def _done(self, result: object) -> None:
        if isinstance(result, int):
            self.submitted.emit(result)
        super()._done(result)
