"""The one base for "fill in, save, then close" dialogs, and the inline error label.

OK runs a service off the GUI thread (``run``); the dialog closes only when it succeeded
and emits ``saved`` with the result. A Dutch domain error stays inside the dialog, under
the form (the dialog grows to show it); anything else goes to the generic handler.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from pzmdo.domain.errors import PzmdoError, ValidationError
from pzmdo.gui.context import GuiContext


class ErrorLabel(QLabel):
    """An inline Dutch error message (screen readers announce it through the name)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setStyleSheet("color: #a4262c; font-weight: 600;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(QCoreApplication.translate("SaveDialog", "Message"))
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text or QCoreApplication.translate("SaveDialog", "Message"))
        self.setVisible(bool(text))


class SaveDialog(QDialog):
    """Base class: subclasses build the form, add ``self.error`` and ``self.buttons`` to
    their layout and implement ``submit`` (usually ``self.run(service, ...)``)."""

    saved = Signal(object)

    def __init__(self, gctx: GuiContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.setMinimumWidth(480)  # room for a Dutch error sentence without squashing
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(QCoreApplication.translate("SaveDialog", "&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("SaveDialog", "Cancel")
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def submit(self) -> None:  # overridden
        raise NotImplementedError

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """``fn(gctx.app, *args, **kwargs)`` off the GUI thread; close on success."""
        self.ok.setEnabled(False)
        self.error.show_message("")
        self.gctx.runner.submit(
            fn, self.gctx.app, *args, on_done=self._done, on_error=self._failed, **kwargs
        )

    def show_error(self, text: str) -> None:
        self.error.show_message(text)

    def read_field(self, read: Callable[[], Any]) -> Any:
        """``read()`` (e.g. a required date), or None after showing its Dutch message."""
        try:
            return read()
        except ValidationError as exc:
            self.show_error(str(exc))
            return None

    def _done(self, result: Any) -> None:
        self.ok.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, PzmdoError):
            self.show_error(str(exc))
        else:
            self.gctx.show_error(exc, self)
