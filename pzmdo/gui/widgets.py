"""Small widget factories shared by several screens."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QWidget,
)
from shiboken6 import isValid


def read_only_table(headers: list[str], name: str) -> QTableWidget:
    """A keyboard-friendly, read-only table: whole rows selected, Tab leaves the table."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)
    return table


def keep_alive(dialogs: list[QWidget], dialog: QWidget) -> list[QWidget]:
    """The open dialogs a screen keeps a reference to, plus ``dialog``. Closed ones drop
    out; a dialog Qt already deleted (WA_DeleteOnClose) is recognised, never touched."""
    return [d for d in dialogs if isValid(d) and d.isVisible()] + [dialog]


def add_labelled_rows(form: QFormLayout, rows: Iterable[tuple[str, QWidget]]) -> None:
    """Add form rows whose label (with its & mnemonic) moves the focus to the field."""
    for text, widget in rows:
        label = QLabel(text)
        label.setBuddy(widget)
        form.addRow(label, widget)


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons side by side, from the left; the rest of the row stays empty."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def chain_focus(widgets: Sequence[QWidget]) -> None:
    """Tab moves through ``widgets`` in this order (the reading order of the screen)."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def refill_choices(combo: QComboBox, choices: Sequence[tuple[int, str]]) -> bool:
    """Replace a filter's choices after its first ("all") item, keeping the chosen one when
    it is still there; True when the choice fell back to "all" (the caller filters again)."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(combo.count() - 1)
    for item_id, text in choices:
        combo.addItem(text, item_id)
    index = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)
    return chosen is not None and index < 0
