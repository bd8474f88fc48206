"""Loading Qt Designer forms from the repository's ``ui/`` folder."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from pzmdo._data import forms_dir

T = TypeVar("T", bound=QWidget)


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Load ``ui/<name>.ui``; its strings are translated with the form's class as context."""
    file = QFile(str(forms_dir() / f"{name}.ui"))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError(f"cannot open form {name}")
    try:
        widget = QUiLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"cannot load form {name}")
    return widget


def child(form: QWidget, kind: type[T], name: str) -> T:
    """A named child of a loaded form, with its type checked."""
    found = form.findChild(kind, name)
    if found is None:
        raise RuntimeError(f"form has no {kind.__name__} named {name}")
    return found
