"""A save refused because someone else saved first (optimistic versions).

The dialog says who changed what (the service's Dutch message), keeps the user's own,
unsaved text visible to copy, and offers to reload the screen; it stays open after the
reload so the text can be copied into the fresh screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ConflictDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, message: str, my_text: str, reload: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self._reload = reload
        layout = QVBoxLayout(self)
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        layout.addWidget(self.message)
        label = QLabel(self.tr("&Your unsaved text (select and copy what you need):"))
        self.mine = QPlainTextEdit(my_text)
        self.mine.setReadOnly(True)
        self.mine.setAccessibleName(self.tr("Your unsaved text"))
        label.setBuddy(self.mine)
        layout.addWidget(label)
        layout.addWidget(self.mine)
        buttons = QDialogButtonBox()
        self.reload_button = QPushButton(self.tr("&Reload"))
        self.reload_button.setAccessibleName(self.tr("Reload the saved version"))
        self.reload_button.clicked.connect(self.reload)
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self.reload_button.setFocus()

    def reload(self) -> None:
        self._reload()
        self.reload_button.setEnabled(False)


def show_conflict(
    parent: QWidget | None, message: str, my_text: str, reload: Callable[[], None]
) -> ConflictDialog:
    """Open (non-blocking) the conflict dialog."""
    dialog = ConflictDialog(parent, message, my_text, reload)
    dialog.open()
    return dialog
