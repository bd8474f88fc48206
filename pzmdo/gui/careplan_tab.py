"""Patient tab 'Zorgplan': the care-plan editor (gui/careplan_editor.py: sections of the
national ACP form plus the four dimensions, scenarios and acute agreements), saving a new
version, and the version history with differences."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain import careplan as cp
from pzmdo.domain.careplan import (
    CarePlanContent,
)
from pzmdo.domain.dates import format_date
from pzmdo.domain.errors import ConflictError, ValidationError
from pzmdo.gui.care_widgets import (
    date_field,
    fill_table,
    form_label,
    make_table,
    selected_key,
)
from pzmdo.gui.careplan_editor import CarePlanEditor
from pzmdo.gui.conflict import show_conflict
from pzmdo.gui.context import GuiContext
from pzmdo.services import careplan
from pzmdo.services.careplan import CarePlanView

_Loaded = tuple[CarePlanView | None, list[careplan.VersionInfo]]


def create_tab(gctx: GuiContext, patient_id: int) -> QWidget:
    return CarePlanTab(gctx, patient_id)


def _load(ctx: Any, pid: int) -> _Loaded:
    return careplan.current_plan(ctx, pid), careplan.list_versions(ctx, pid)


class CarePlanTab(QWidget):
    def __init__(self, gctx: GuiContext, patient_id: int) -> None:
        super().__init__()
        self.gctx = gctx
        self.patient_id = patient_id
        self.view: CarePlanView | None = None
        self.loaded = False
        self.saving = False
        self.loads = 0
        self.setAccessibleName(self.tr("Care plan"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top())
        layout.addLayout(self._build_notice())
        self.inner = QTabWidget()
        self.inner.setAccessibleName(self.tr("Care plan views"))
        self.editor = CarePlanEditor()
        self.editor_scroll = QScrollArea()
        self.editor_scroll.setWidgetResizable(True)
        self.editor_scroll.setWidget(self.editor)
        self.editor_scroll.setAccessibleName(self.tr("Care plan editor"))
        self.inner.addTab(self.editor_scroll, self.tr("&Edit"))
        self.inner.addTab(self._build_history(), self.tr("&Version history"))
        layout.addWidget(self.inner, 1)

        QWidget.setTabOrder(self.effective, self.note)
        QWidget.setTabOrder(self.note, self.save_button)
        QWidget.setTabOrder(self.save_button, self.reload_button)
        QWidget.setTabOrder(self.reload_button, self.inner)
        self.save_button.clicked.connect(self.save)
        self.compare_button.clicked.connect(self.compare)
        self.versions.itemSelectionChanged.connect(self._version_selected)
        gctx.changed.connect(self._on_changed)
        self.refresh()

    def _build_top(self) -> QHBoxLayout:
        """The current version, and saving a new one (as of a date, with a note)."""
        top = QHBoxLayout()
        self.header = QLabel(self.tr("Loading…"))
        self.header.setStyleSheet("font-weight: 600;")
        self.header.setAccessibleName(self.tr("Current version"))
        self.header.setWordWrap(True)
        top.addWidget(self.header, 1)
        self.effective = date_field(self.tr("Current as of"), date.today(), what="'actueel per'")
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
        return top

    def _build_notice(self) -> QHBoxLayout:
        """Shown instead of reloading when the plan changed while the user has unsaved
        input: the user decides when to reload (saving first is refused as stale)."""
        row = QHBoxLayout()
        self.notice = QLabel()
        self.notice.setStyleSheet("color: #6b4e00; background: #fff7e0; padding: 3px 6px;")
        self.reload_button = QPushButton(self.tr("&Reload"))
        self.reload_button.setAccessibleName(
            self.tr("Reload the care plan (your unsaved changes are discarded)")
        )
        self.reload_button.clicked.connect(self.refresh)
        row.addWidget(self.notice, 1)
        row.addWidget(self.reload_button)
        self.notice.hide()
        self.reload_button.hide()
        return row

    def _build_history(self) -> QWidget:
        """The versions, and the differences between two of them."""
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
        return history

    # -- loading ---------------------------------------------------------------------------
    def _on_changed(self, entity: str, ids: tuple[int, ...]) -> None:
        if entity not in ("careplan", "*") or (ids and self.patient_id not in ids) or self.saving:
            return
        if self.loaded and self.has_unsaved_input():
            self.notice.setText(
                self.tr("Changed at another workstation — reload")
                if self.gctx.remote
                else self.tr("Changed meanwhile — reload")
            )
            self.notice.setAccessibleName(self.notice.text())
            self.notice.show()
            self.reload_button.show()
            return
        self.refresh()

    def has_unsaved_input(self) -> bool:
        """Whether the editor or the note holds something not in the shown version."""
        if self.note.text().strip():
            return True
        try:
            return self.editor.value() != (self.view.content if self.view else CarePlanContent())
        except ValidationError:
            return True  # a half-typed date is input too

    def refresh(self) -> None:
        self.gctx.runner.submit(_load, self.gctx.app, self.patient_id, on_done=self._show)

    def _show(self, data: _Loaded) -> None:
        view, versions = data
        self.view = view
        self.loads += 1
        self.notice.hide()
        self.reload_button.hide()
        if view is None:
            self.header.setText(self.tr("No care plan yet. Fill in the form and save version 1."))
            self.editor.set_value(CarePlanContent())
        else:
            self.header.setText(
                self.tr("Version %1 · current as of %2 · saved %3 by %4")
                .replace("%1", str(view.version))
                .replace("%2", format_date(view.effective_on))
                .replace("%3", view.created_at.astimezone().strftime("%d-%m-%Y %H:%M"))
                .replace("%4", view.author_name)
            )
            self.editor.set_value(view.content)
        self.header.setAccessibleName(self.header.text())
        self.effective.setValue(date.today())
        self.note.clear()
        fill_table(
            self.versions,
            [
                [
                    str(v.version),
                    format_date(v.effective_on),
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
            effective = self.effective.required_value()
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
