"""Small widgets shared by the care-team, conversation and care-plan screens."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pzmdo.domain.careplan import AnswerSet
from pzmdo.domain.errors import ValidationError
from pzmdo.gui.context import GuiContext
from pzmdo.gui.dialogs import SaveDialog
from pzmdo.gui.inputs import DateInput
from pzmdo.gui.widgets import chain_focus, read_only_table


def make_table(headers: list[str], name: str, *, fit: bool = False) -> QTableWidget:
    table = read_only_table(headers, name)
    table.setProperty("fit_rows", fit)
    table.setWordWrap(True)
    fit_height(table)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]], keys: list[Any] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if keys is not None and c == 0:
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            table.setItem(r, c, item)
    table.resizeRowsToContents()
    fit_height(table)


def fit_height(table: QTableWidget, min_rows: int = 2, max_rows: int = 10) -> None:
    """Tables in the care screens are short lists: as high as their rows, no empty acres."""
    rows = max(min_rows, min(table.rowCount(), max_rows))
    row_h = table.fontMetrics().height() + 8
    if table.rowCount():
        row_h = max(table.rowHeight(r) for r in range(table.rowCount()))
    height = table.horizontalHeader().height() + rows * row_h + 2 * table.frameWidth() + 4
    if table.property("fit_rows"):
        table.setFixedHeight(height)


def selected_key(table: QTableWidget) -> Any:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)


def answer_combo(answer_set: AnswerSet, name: str, empty: str | None = None) -> QComboBox:
    """A choice from an answer set; the first entry means *not filled in* (None)."""
    combo = QComboBox()
    combo.addItem(empty or QCoreApplication.translate("CareWidgets", "— not filled in —"), None)
    for opt in answer_set:
        combo.addItem(opt.label, opt.code)
    combo.setAccessibleName(name)
    return combo


def enum_combo(members: list[Any], name: str, empty: str | None = None) -> QComboBox:
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, None)
    for m in members:
        combo.addItem(m.label, m.value)
    combo.setAccessibleName(name)
    return combo


def combo_code(combo: QComboBox) -> Any:
    return combo.currentData()


def set_combo_code(combo: QComboBox, code: Any) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(index if index >= 0 else 0)


def date_field(name: str, value: date | None = None, *, what: str) -> DateInput:
    """A DateInput; ``what`` names the date in its Dutch errors ("de wijziging")."""
    return DateInput(value, name, what=f"De datum van {what}")


def form_label(text: str, buddy: QWidget, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    label.setWordWrap(wrap)
    return label


# What a FormDialog's ``submit`` returns: the service function and its arguments.
FormCall = tuple[Callable[..., Any], tuple[Any, ...]]


class FormDialog(SaveDialog):
    """A small form of labelled rows on the shared SaveDialog. ``submit`` builds the call
    (a Dutch ValidationError is shown in the dialog); ``on_done`` gets the result."""

    def __init__(
        self,
        gctx: GuiContext,
        parent: QWidget | None,
        title: str,
        rows: list[tuple[str, QWidget]],
        submit: Callable[[], FormCall],
        on_done: Callable[[Any], None] | None = None,
        intro: str = "",
    ) -> None:
        super().__init__(gctx, parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.build = submit
        self.on_done = on_done
        layout = QVBoxLayout(self)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            layout.addWidget(text)
        form = QFormLayout()
        for label, widget in rows:
            form.addRow(form_label(label, widget), widget)
        chain_focus([widget for _label, widget in rows])
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        if not self.ok.isEnabled():
            return  # already saving
        try:
            fn, args = self.build()
        except ValidationError as exc:
            self.show_error(str(exc))
            return
        self.ok.setEnabled(False)
        self.error.show_message("")
        self.gctx.runner.submit(fn, *args, on_done=self._done, on_error=self._failed)

    def _done(self, result: Any) -> None:
        super()._done(result)
        if self.on_done is not None:
            self.on_done(result)
