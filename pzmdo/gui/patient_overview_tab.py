"""Patient overview tab: register details and the status actions (signal, mark, urgency,
hospital MDO-PZ, dying phase, death, deregister), open tasks, open signals and history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.dates import format_date
from pzmdo.domain.enums import PatientStatus, Sex
from pzmdo.domain.permissions import Action
from pzmdo.domain.register import (
    ACTIVE_STATUSES,
    Condition,
    PlaceOfDeath,
    Population,
    SignalSource,
    SignalType,
    StervensfaseIndicator,
    UrgencyLevel,
    Wilsbekwaamheid,
)
from pzmdo.gui.context import GuiContext
from pzmdo.gui.field_dialog import Field, FormDialog, enum_options
from pzmdo.gui.widgets import chain_focus
from pzmdo.services.register import (
    HistoryItem,
    PatientDetails,
    PatientInput,
    SignalInfo,
    TaskInfo,
)
from pzmdo.services.scope import ScopeInfo, current_scope

_Loaded = tuple[
    PatientDetails,
    list[TaskInfo],
    list[SignalInfo],
    list[HistoryItem],
    tuple[UrgencyLevel, ...],
]


def _edited(d: PatientInput, v: dict[str, Any]) -> PatientInput:
    """The patient's data with the edit dialog's values (empty text stored as None)."""
    return replace(
        d,
        given_name=v["given_name"],
        name_prefix=v["name_prefix"] or None,
        family_name=v["family_name"],
        birth_date=v["birth_date"],
        sex=v["sex"],
        bsn=v["bsn"] or None,
        his_number=v["his_number"] or None,
        phone=v["phone"] or None,
        condition=v["condition"],
        condition_note=v["condition_note"] or None,
        hospital=v["hospital"] or None,
        specialist=v["specialist"] or None,
        wilsbekwaamheid=v["wilsbekwaamheid"],
        representative_name=v["representative_name"] or None,
        representative_relation=v["representative_relation"] or None,
        representative_phone=v["representative_phone"] or None,
        populations=v["populations"],
        sharing_objection=v["sharing_objection"],
        wlz_indication=v["wlz_indication"],
    )


# -- the tab -----------------------------------------------------------------------------


class OverviewTab(QWidget):
    def __init__(self, gctx: GuiContext, patient_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.patient_id = patient_id
        self.details: PatientDetails | None = None
        self.levels: tuple[UrgencyLevel, ...] = ()
        self.setAccessibleName(self.tr("Overview"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_info())
        layout.addLayout(self._build_actions())
        layout.addLayout(self._build_lists(), 1)
        chain: list[QWidget] = [
            *self.buttons.values(),
            self.tasks,
            self.task_done,
            self.signals,
            self.signal_done,
            self.history,
        ]
        chain_focus(chain)
        gctx.changed.connect(self._changed)
        self.buttons["practice"].hide()  # only where there is another practice to move to
        if gctx.app.user.may(Action.PATIENT_EDIT) or gctx.app.user.may(Action.PRACTICES):
            gctx.runner.submit(current_scope, gctx.app, on_done=self._show_scope)
        self.reload()

    def _show_scope(self, scope: ScopeInfo) -> None:
        self.buttons["practice"].setVisible(scope.total_practices > 1)

    # -- building -----------------------------------------------------------------------------
    def _build_info(self) -> QGridLayout:
        """The register details, two columns of label and value."""
        self.info = QGridLayout()
        self.values: dict[str, QLabel] = {}
        rows = [
            ("status", self.tr("Status")),
            ("marked", self.tr("Marked on")),
            ("urgency", self.tr("Urgency")),
            ("gp", self.tr("GP")),
            ("central", self.tr("Central caregiver")),
            ("condition", self.tr("Main condition")),
            ("hospital", self.tr("Treatment in hospital")),
            ("capacity", self.tr("Decision-making capacity")),
            ("representative", self.tr("Legal representative")),
            ("populations", self.tr("Special populations")),
            ("sharing", self.tr("Objection to sharing")),
            ("ids", self.tr("BSN / HIS number")),
            ("contact", self.tr("Contact")),
        ]
        for i, (key, text) in enumerate(rows):
            name = QLabel(text + ":")
            name.setStyleSheet("color: #555;")
            value = QLabel("…")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setAccessibleName(text)
            self.values[key] = value
            self.info.addWidget(name, i % 7, (i // 7) * 2)
            self.info.addWidget(value, i % 7, (i // 7) * 2 + 1)
        self.info.setColumnStretch(1, 1)
        self.info.setColumnStretch(3, 1)
        return self.info

    def _build_actions(self) -> QHBoxLayout:
        """One button per status action; enabled by what the status allows."""
        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, name in (
            ("edit", self.tr("&Edit details…"), self.tr("Edit the patient's details")),
            ("signal", self.tr("Si&gnal…"), self.tr("Record a signal")),
            ("mark", self.tr("&Mark…"), self.tr("Mark the palliative phase")),
            ("urgency", self.tr("&Urgency…"), self.tr("Change the urgency colour")),
            ("hospital", self.tr("&Hospital MDO…"), self.tr("Record a hospital MDO-PZ")),
            ("dying", self.tr("D&ying phase…"), self.tr("Record the dying phase")),
            ("death", self.tr("Dea&th…"), self.tr("Record the death")),
            ("deregister", self.tr("De&register…"), self.tr("Deregister: no longer palliative")),
            ("practice", self.tr("Pra&ctice…"), self.tr("Move the patient to another practice")),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.setEnabled(False)
            button.clicked.connect(getattr(self, f"_do_{key}"))
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        return actions

    def _build_lists(self) -> QHBoxLayout:
        """Open tasks and signals on the left, the history on the right."""
        lists = QHBoxLayout()
        left = QVBoxLayout()
        self.tasks = QListWidget()
        self.tasks.setAccessibleName(self.tr("Open tasks"))
        tasks_label = QLabel(self.tr("Open t&asks:"))
        tasks_label.setBuddy(self.tasks)
        self.task_done = QPushButton(self.tr("Task &done"))
        self.task_done.setAccessibleName(self.tr("Mark the selected task as done"))
        self.task_done.clicked.connect(self._task_done)
        self.signals = QListWidget()
        self.signals.setAccessibleName(self.tr("Open signals"))
        signals_label = QLabel(self.tr("Open signals (to discuss with the physi&cian):"))
        signals_label.setBuddy(self.signals)
        self.signal_done = QPushButton(self.tr("Signal disc&ussed"))
        self.signal_done.setAccessibleName(self.tr("Mark the selected signal as discussed"))
        self.signal_done.clicked.connect(self._signal_done)
        for w in (
            tasks_label,
            self.tasks,
            self.task_done,
            signals_label,
            self.signals,
            self.signal_done,
        ):
            left.addWidget(w)
        right = QVBoxLayout()
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("History"))
        self.history.setWordWrap(True)
        history_label = QLabel(self.tr("H&istory:"))
        history_label.setBuddy(self.history)
        right.addWidget(history_label)
        right.addWidget(self.history, 1)
        lists.addLayout(left, 1)
        lists.addLayout(right, 1)
        return lists

    # -- loading ------------------------------------------------------------------------------
    def _load(self) -> _Loaded:
        from pzmdo.services import register as reg

        app = self.gctx.app
        return (
            reg.get_patient(app, self.patient_id),
            reg.patient_tasks(app, self.patient_id),
            [s for s in reg.patient_signals(app, self.patient_id) if s.handled_on is None],
            reg.history(app, self.patient_id),
            reg.urgency_levels_for(app),
        )

    def reload(self) -> None:
        self.gctx.runner.submit(self._load, on_done=self._show)

    def _changed(self, entity: str, ids: tuple[int, ...]) -> None:
        if entity in ("patient", "careteam", "meeting", "*") and (
            not ids or self.patient_id in ids
        ):
            self.reload()

    def _show(self, loaded: _Loaded) -> None:
        details, tasks, signals, history, self.levels = loaded
        self.details = details
        d = details.data
        since = format_date(details.status_since)
        since_word = self.tr("since")
        self.values["status"].setText(f"{details.status_label} ({since_word} {since})")
        self.values["marked"].setText(format_date(details.marked_on) or "—")
        if details.urgency:
            u = details.urgency
            self.values["urgency"].setText(
                f"<span style='color:{u.colour}'>■</span> {u.label} — {u.meaning} "
                f"({since_word} {format_date(details.urgency_since)})"
            )
        else:
            self.values["urgency"].setText("—")
        self.values["gp"].setText(details.gp_name or "—")
        self.values["central"].setText(details.central_caregiver_name or self.tr("not set yet"))
        condition = Condition(d.condition).label if d.condition else "—"
        if d.condition_note:
            condition += f" ({d.condition_note})"
        self.values["condition"].setText(condition)
        self.values["hospital"].setText(
            " · ".join(x for x in (d.hospital, d.specialist) if x) or "—"
        )
        self.values["capacity"].setText(
            Wilsbekwaamheid(d.wilsbekwaamheid).label if d.wilsbekwaamheid else "—"
        )
        self.values["representative"].setText(
            " · ".join(
                x
                for x in (d.representative_name, d.representative_relation, d.representative_phone)
                if x
            )
            or "—"
        )
        self.values["populations"].setText(
            ", ".join(Population(p).label for p in d.populations) or "—"
        )
        self.values["sharing"].setText(self.tr("yes") if d.sharing_objection else self.tr("no"))
        self.values["ids"].setText(f"{d.bsn or '—'} / {d.his_number or '—'}")
        self.values["contact"].setText(
            " · ".join(x for x in (d.phone, d.email, d.address, d.city) if x) or "—"
        )
        allowed = set(details.allowed_next)
        alive = details.status != PatientStatus.OVERLEDEN.value
        active = details.status in ACTIVE_STATUSES
        self.buttons["edit"].setEnabled(True)
        self.buttons["signal"].setEnabled(alive)
        self.buttons["mark"].setEnabled(
            "gemarkeerd" in allowed and details.status != "stervensfase"
        )
        self.buttons["urgency"].setEnabled(active)
        self.buttons["hospital"].setEnabled(alive)
        self.buttons["dying"].setEnabled("stervensfase" in allowed)
        self.buttons["death"].setEnabled("overleden" in allowed)
        self.buttons["deregister"].setEnabled("afgemeld" in allowed)
        self.buttons["practice"].setEnabled(True)
        self.tasks.clear()
        for t in tasks:
            if t.done_on is not None:
                continue
            due_word = self.tr("due")
            item = QListWidgetItem(f"{t.label} — {due_word} {format_date(t.due_on)}")
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            self.tasks.addItem(item)
        self.task_done.setEnabled(self.tasks.count() > 0)
        self.signals.clear()
        for sig in signals:
            text = f"{format_date(sig.signalled_on)} · {sig.source_label}: {sig.type_label}"
            if sig.note:
                text += f" — {sig.note}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, sig.id)
            self.signals.addItem(item)
        self.signal_done.setEnabled(self.signals.count() > 0)
        self.history.clear()
        for h in history:
            who = f" ({h.by})" if h.by else ""
            self.history.addItem(f"{format_date(h.on)} · {h.what}{who}")

    # -- actions ------------------------------------------------------------------------------
    def _form(
        self,
        title: str,
        fields: list[Field],
        action: Callable[[dict[str, Any]], Any],
        intro: str = "",
    ) -> FormDialog:
        dialog = FormDialog(self.gctx, title, fields, action, self.window(), intro)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _do_edit(self) -> FormDialog | None:
        if self.details is None:
            return None
        from pzmdo.services import register as reg

        d = self.details.data
        version = self.details.version
        pid = self.patient_id
        app = self.gctx.app

        def save(v: dict[str, Any]) -> None:
            reg.update_patient(app, pid, _edited(d, v), expected_version=version)

        dialog = self._form(self.tr("Edit patient details"), self._edit_fields(d), save)
        dialog.reload = self.reload
        return dialog

    def _edit_fields(self, d: PatientInput) -> list[Field]:
        none = (("—", None),)
        return [
            Field("given_name", self.tr("&Given name:"), "text", default=d.given_name),
            Field("name_prefix", self.tr("Prefi&x:"), "text", default=d.name_prefix),
            Field("family_name", self.tr("&Family name:"), "text", default=d.family_name),
            Field("birth_date", self.tr("Date of &birth:"), "birthdate", default=d.birth_date),
            Field("sex", self.tr("&Sex:"), "combo", enum_options(Sex), d.sex),
            Field("bsn", self.tr("BS&N:"), "text", default=d.bsn),
            Field("his_number", self.tr("&HIS number:"), "text", default=d.his_number),
            Field("phone", self.tr("&Phone:"), "text", default=d.phone),
            Field(
                "condition",
                self.tr("Main &condition:"),
                "combo",
                none + enum_options(Condition),
                d.condition,
            ),
            Field(
                "condition_note",
                self.tr("Condition (free &text):"),
                "text",
                default=d.condition_note,
            ),
            Field("hospital", self.tr("H&ospital (2nd line):"), "text", default=d.hospital),
            Field("specialist", self.tr("Speci&alist:"), "text", default=d.specialist),
            Field(
                "wilsbekwaamheid",
                self.tr("Decision-making capacit&y:"),
                "combo",
                none + enum_options(Wilsbekwaamheid),
                d.wilsbekwaamheid,
            ),
            Field(
                "representative_name",
                self.tr("&Representative:"),
                "text",
                default=d.representative_name,
            ),
            Field(
                "representative_relation",
                self.tr("Re&lation:"),
                "text",
                default=d.representative_relation,
            ),
            Field(
                "representative_phone",
                self.tr("Representative's p&hone:"),
                "text",
                default=d.representative_phone,
            ),
            Field(
                "populations",
                self.tr("Special populations"),
                "checks",
                enum_options(Population),
                d.populations,
            ),
            Field(
                "sharing_objection",
                self.tr("Patient ob&jects to sharing data"),
                "check",
                default=d.sharing_objection,
            ),
            Field("wlz_indication", self.tr("&Wlz indication"), "check", default=d.wlz_indication),
        ]

    def _do_signal(self) -> FormDialog:
        from pzmdo.services import register as reg

        app, pid = self.gctx.app, self.patient_id

        def save(v: dict[str, Any]) -> None:
            reg.add_signal(
                app,
                pid,
                reg.SignalInput(
                    source=v["source"],
                    signal_type=v["type"],
                    signalled_on=v["on"],
                    signalled_by=v["by"],
                    note=v["note"],
                ),
            )

        return self._form(
            self.tr("Record a signal"),
            [
                Field("on", self.tr("&Date:"), "date"),
                Field("source", self.tr("&Source:"), "combo", enum_options(SignalSource)),
                Field("type", self.tr("&Kind of signal:"), "combo", enum_options(SignalType)),
                Field("by", self.tr("Signalled &by (name or role):"), "text"),
                Field("note", self.tr("&Note:"), "multiline"),
            ],
            save,
            self.tr("The signal goes to the queue 'to discuss with the physician'."),
        )

    def _do_mark(self) -> None:
        from pzmdo.gui.marking_dialog import open_marking_dialog

        open_marking_dialog(self.gctx, self.window(), patient_id=self.patient_id)

    def _do_urgency(self) -> FormDialog:
        from pzmdo.services import register as reg

        app, pid = self.gctx.app, self.patient_id
        levels = self.levels
        current = self.details.urgency.code if self.details and self.details.urgency else None
        return self._form(
            self.tr("Change urgency"),
            [
                Field(
                    "code",
                    self.tr("&Urgency:"),
                    "combo",
                    tuple((f"{lv.label} — {lv.meaning}", lv.code) for lv in levels),
                    current,
                ),
                Field("note", self.tr("&Why:"), "multiline"),
            ],
            lambda v: reg.set_urgency(app, pid, v["code"], v["note"]),
            self.tr("Every change is dated and puts the patient on the next meeting's agenda."),
        )

    def _do_hospital(self) -> FormDialog:
        from pzmdo.services import register as reg

        app, pid = self.gctx.app, self.patient_id

        def save(v: dict[str, Any]) -> None:
            reg.register_hospital_mdo(
                app,
                pid,
                reg.HospitalMdoInput(
                    mdo_on=v["on"],
                    hospital=v["hospital"],
                    specialist=v["specialist"],
                    marked_in_hospital=v["marked"],
                    acp_received=v["acp"],
                    note=v["note"],
                    gp_becomes_regiebehandelaar=v["gp"],
                ),
            )

        return self._form(
            self.tr("Hospital MDO-PZ"),
            [
                Field("on", self.tr("&Date of the MDO-PZ:"), "date"),
                Field(
                    "hospital",
                    self.tr("&Hospital:"),
                    "text",
                    default=self.details.data.hospital if self.details else "",
                ),
                Field("specialist", self.tr("&Specialist:"), "text"),
                Field("marked", self.tr("&Marked in the hospital"), "check", default=True),
                Field("acp", self.tr("&ACP outcome received"), "check"),
                Field(
                    "gp",
                    self.tr("The &GP becomes lead practitioner (regiebehandelaar)"),
                    "check",
                    default=True,
                ),
                Field("note", self.tr("&Note:"), "multiline"),
            ],
            save,
        )

    def _do_dying(self) -> FormDialog:
        from pzmdo.services import register as reg

        app, pid = self.gctx.app, self.patient_id

        def save(v: dict[str, Any]) -> None:
            reg.record_stervensfase(
                app,
                pid,
                reg.StervensfaseInput(
                    judged_by=v["by"],
                    started_on=v["on"],
                    indicators=v["indicators"],
                    zorgpad_started=v["zorgpad"],
                    note=v["note"],
                ),
            )

        return self._form(
            self.tr("Dying phase"),
            [
                Field("on", self.tr("&Date:"), "date"),
                Field(
                    "indicators",
                    self.tr("Indications (source 002)"),
                    "checks",
                    enum_options(StervensfaseIndicator),
                ),
                Field("by", self.tr("&Judged by (multidisciplinary):"), "text"),
                Field("zorgpad", self.tr("&Care pathway for the dying phase started"), "check"),
                Field("note", self.tr("&Note:"), "multiline"),
            ],
            save,
            self.tr("The (multidisciplinary) judgement decides, not the indications alone."),
        )

    def _do_death(self) -> FormDialog:
        from pzmdo.services import register as reg

        app, pid = self.gctx.app, self.patient_id

        def save(v: dict[str, Any]) -> None:
            reg.record_death(
                app,
                pid,
                reg.DeathInput(
                    died_on=v["on"], place=v["place"], not_unexpected=v["expected"], note=v["note"]
                ),
            )

        return self._form(
            self.tr("Record death"),
            [
                Field("on", self.tr("&Date of death:"), "date"),
                Field(
                    "place",
                    self.tr("&Place:"),
                    "combo",
                    enum_options(PlaceOfDeath),
                    PlaceOfDeath.ONBEKEND.value,
                ),
                Field("expected", self.tr("&Non-unexpected death"), "check", default=True),
                Field("note", self.tr("&Note:"), "multiline"),
            ],
            save,
            self.tr(
                "Creates tasks: inform the pharmacy, the after-death review at the next "
                "meeting, and aftercare for the relatives."
            ),
        )

    def _do_deregister(self) -> FormDialog:
        from pzmdo.services import register as reg

        app, pid = self.gctx.app, self.patient_id
        return self._form(
            self.tr("Deregister"),
            [
                Field("on", self.tr("&Date:"), "date"),
                Field("reason", self.tr("&Reason:"), "text", default="niet (meer) palliatief"),
            ],
            lambda v: reg.deregister(app, pid, v["reason"], v["on"]),
        )

    def _do_practice(self) -> QWidget | None:
        if self.details is None:
            return None
        from pzmdo.gui.practice_move_dialog import MovePracticeDialog  # opened rarely

        dialog = MovePracticeDialog(self.gctx, self.patient_id, self.details.version, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _task_done(self) -> None:
        item = self.tasks.currentItem() or (self.tasks.item(0) if self.tasks.count() else None)
        if item is None:
            return
        from pzmdo.services.register import complete_task

        self.gctx.runner.submit(complete_task, self.gctx.app, item.data(Qt.ItemDataRole.UserRole))

    def _signal_done(self) -> None:
        item = self.signals.currentItem() or (
            self.signals.item(0) if self.signals.count() else None
        )
        if item is None:
            return
        from pzmdo.services.register import handle_signal

        self.gctx.runner.submit(handle_signal, self.gctx.app, item.data(Qt.ItemDataRole.UserRole))


def create_tab(gctx: GuiContext, patient_id: int) -> QWidget:
    return OverviewTab(gctx, patient_id)
