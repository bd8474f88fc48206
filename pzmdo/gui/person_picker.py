"""A combo box of care providers from the directory (loaded off the GUI thread)."""

from __future__ import annotations

from PySide6.QtCore import Property, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from pzmdo.gui.context import GuiContext
from pzmdo.services.directory import PersonInfo, list_persons


class PersonPicker(QComboBox):
    """Pick a person; ``person_id`` is None while nothing is chosen.

    ``disciplines`` limits the list (e.g. ["huisarts"]); ``big_only`` shows only
    BIG-registered persons (for the centrale zorgverlener).
    """

    loaded = Signal()
    person_changed = Signal(object)

    def __init__(
        self,
        gctx: GuiContext,
        disciplines: list[str] | None = None,
        parent: QWidget | None = None,
        *,
        big_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.disciplines = disciplines
        self.big_only = big_only
        self.persons: dict[int, PersonInfo] = {}
        self._wanted: int | None = None
        self.is_loaded = False
        self.setAccessibleName(self.tr("Care provider"))
        self.addItem(self.tr("— choose a care provider —"), None)
        self.currentIndexChanged.connect(lambda _i: self.person_changed.emit(self.person_id))
        self.reload()
        gctx.changed.connect(self._on_changed)

    def reload(self) -> None:
        self.gctx.runner.submit(list_persons, self.gctx.app, self.disciplines, on_done=self._fill)

    def _on_changed(self, entity: str, _ids: tuple) -> None:
        if entity in ("person", "*"):
            self.reload()

    def _fill(self, persons: list[PersonInfo]) -> None:
        keep = self._wanted if self._wanted is not None else self.person_id
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("— choose a care provider —"), None)
        self.persons = {}
        for p in persons:
            if self.big_only and not p.big_registered:
                continue
            self.persons[p.id] = p
            self.addItem(p.describe(), p.id)
        self.blockSignals(False)
        self.is_loaded = True
        self.set_person_id(keep)
        self.loaded.emit()

    def get_person_id(self) -> int | None:
        return self.currentData()

    def set_person_id(self, person_id: int | None) -> None:
        self._wanted = person_id if not self.is_loaded else None
        index = self.findData(person_id) if person_id is not None else 0
        self.setCurrentIndex(max(index, 0))

    person_id = Property(object, get_person_id, set_person_id)
