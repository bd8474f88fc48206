"""Dialog 'Agendasignalen': which agenda triggers the team wants and after how many weeks
(issue 17). Saved per team; the next agenda proposal follows it."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from pzmdo.domain.agenda_triggers import MAX_WEEKS, Trigger, TriggerSettings
from pzmdo.gui.care_widgets import form_label
from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import SaveDialog
from pzmdo.services import meetings


class TriggerSettingsDialog(SaveDialog):
    def __init__(
        self, gctx: GuiContext, parent: QWidget | None = None, team_id: int | None = None
    ) -> None:
        super().__init__(gctx, parent)
        self.team_id = team_id
        self.setWindowTitle(self.tr("Agenda triggers"))
        self.setAccessibleName(self.tr("Agenda triggers"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Each trigger puts a patient on the agenda proposal with its reason. Choose the "
                "ones this team wants."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.checks: dict[Trigger, QCheckBox] = {}
        for trigger in Trigger:
            check = QCheckBox(trigger.label)
            check.setAccessibleName(trigger.label)
            self.checks[trigger] = check
            layout.addWidget(check)
        self.careplan_weeks = self._weeks(self.tr("Weeks without a care plan"))
        self.vptz_weeks = self._weeks(self.tr("Weeks before the VPTZ reminder"))
        form = QFormLayout()
        form.addRow(form_label(self.tr("Weeks without a care &plan:"), self.careplan_weeks),
                    self.careplan_weeks)  # fmt: skip
        form.addRow(form_label(self.tr("Weeks before the &VPTZ reminder:"), self.vptz_weeks),
                    self.vptz_weeks)  # fmt: skip
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.ok.setEnabled(False)
        self.loaded = False
        gctx.runner.submit(
            meetings.trigger_settings,
            gctx.app,
            team_id,
            on_done=self._show,
            on_error=lambda e: self.show_error(str(e)),
        )

    def _weeks(self, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1, MAX_WEEKS)
        box.setSuffix(self.tr(" weeks"))
        box.setAccessibleName(name)
        return box

    def _show(self, settings: TriggerSettings) -> None:
        for trigger, check in self.checks.items():
            check.setChecked(trigger in settings.enabled)
        self.careplan_weeks.setValue(settings.careplan_weeks)
        self.vptz_weeks.setValue(settings.vptz_weeks)
        self.ok.setEnabled(True)
        self.loaded = True

    def submit(self) -> None:
        settings = TriggerSettings(
            enabled=frozenset(t for t, c in self.checks.items() if c.isChecked()),
            careplan_weeks=self.careplan_weeks.value(),
            vptz_weeks=self.vptz_weeks.value(),
        )
        self.run(meetings.save_trigger_settings, settings, self.team_id)
