"""A small form dialog described by a list of ``Field`` specs (text, date, drop-down,
check boxes): the patient overview's actions (edit details, signal, urgency, death, …)
build theirs from it. ``values()`` reads the fields; ``action(values)`` runs in the runner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.errors import ConflictError, PzmdoError
from pzmdo.gui.conflict import show_conflict
from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import SaveDialog
from pzmdo.gui.inputs import DateInput
from pzmdo.gui.widgets import chain_focus


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # translated, with & mnemonic
    kind: str  # text, multiline, date, birthdate, combo, check, checks
    options: tuple[tuple[str, Any], ...] = ()
    default: Any = None


def _field_widget(f: Field) -> QWidget:
    """The input for a single-widget field."""
    if f.kind == "text":
        return QLineEdit(f.default or "")
    if f.kind == "birthdate":
        return DateInput(f.default, what="De geboortedatum")
    if f.kind == "multiline":
        edit = QPlainTextEdit(f.default or "")
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(64)
        return edit
    if f.kind == "date":
        day = DateInput(date.today())
        day.setMaximumDate(date.today())
        return day
    if f.kind == "combo":
        combo = QComboBox()
        for text, value in f.options:
            combo.addItem(text, value)
        index = combo.findData(f.default)
        combo.setCurrentIndex(max(index, 0))
        return combo
    if f.kind == "check":
        check = QCheckBox(f.label)
        check.setChecked(bool(f.default))
        return check
    raise ValueError(f.kind)  # a programming error


class FormDialog(SaveDialog):
    """Fields → values; ``action(values)`` runs in the runner; errors stay in the dialog
    (the shared SaveDialog: one error label, Save and Cancel)."""

    def __init__(
        self,
        gctx: GuiContext,
        title: str,
        fields: list[Field],
        action: Callable[[dict[str, Any]], Any],
        parent: QWidget | None = None,
        intro: str = "",
    ) -> None:
        super().__init__(gctx, parent)
        self.action = action
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        form = QFormLayout()
        self.widgets: dict[str, Any] = {}
        chain: list[QWidget] = []
        for f in fields:
            self._add_field(form, f, chain)
        layout.addLayout(form)
        self.reload: Callable[[], None] | None = None  # offered when a save was stale
        self.message = self.error  # the name the register's callers know
        self.save_button = self.ok
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        chain += [self.ok, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        chain_focus(chain)
        if chain:
            chain[0].setFocus()

    def _add_field(self, form: QFormLayout, f: Field, chain: list[QWidget]) -> None:
        """One row for ``f``; its focusable widgets are appended to ``chain``."""
        if f.kind == "checks":
            group = QGroupBox(f.label.replace("&", ""))
            grid = QVBoxLayout(group)
            boxes = []
            for text, value in f.options:
                box = QCheckBox(text)
                box.setProperty("value", value)
                box.setChecked(value in (f.default or ()))
                box.setAccessibleName(text)
                grid.addWidget(box)
                boxes.append(box)
                chain.append(box)
            group.setProperty("boxes", boxes)
            self.widgets[f.key] = (group, boxes)
            form.addRow(group)
            return
        widget = _field_widget(f)
        widget.setAccessibleName(f.label.replace("&", "").rstrip(":"))
        self.widgets[f.key] = widget
        chain.append(widget)
        if f.kind == "check":
            form.addRow(widget)
        else:
            label = QLabel(f.label)
            label.setBuddy(widget)
            form.addRow(label, widget)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.widgets.items():
            if isinstance(widget, tuple):
                out[key] = tuple(b.property("value") for b in widget[1] if b.isChecked())
            elif isinstance(widget, DateInput):
                out[key] = widget.required_value()
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                out[key] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            else:
                out[key] = widget.text()
        return out

    def submit(self) -> None:
        try:
            values = self.values()
        except PzmdoError as exc:
            self.show_error(str(exc))
            return
        self.ok.setEnabled(False)
        self.error.show_message("")
        self.gctx.runner.submit(self.action, values, on_done=self._done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError) and self.reload is not None:
            # Someone saved first: the typed values stay visible to copy; reload offered.
            mine = "\n".join(f"{k}: {v}" for k, v in self.values().items() if v not in ("", None))
            reload = self.reload

            def fresh() -> None:
                self.reject()
                reload()

            self.conflict = show_conflict(self.parentWidget(), str(exc), mine, fresh)
        super()._failed(exc)


def enum_options(enum: Any) -> tuple[tuple[str, Any], ...]:
    return tuple((m.label, m.value) for m in enum)
