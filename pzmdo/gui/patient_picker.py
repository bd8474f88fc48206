"""Find a patient by typing: name (any word), BSN, HIS number or date of birth.

The search runs in the background runner (never on the GUI thread). Keyboard: type, then
Return picks the highlighted (or first) result, Down/Up move through the results, Escape
clears. Signal ``picked(int)``; property ``patient_id``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from pzmdo.gui.context import GuiContext
from pzmdo.services.patients import PatientHeader

DEBOUNCE_MS = 150


class PatientPicker(QWidget):
    picked = Signal(int)
    cleared = Signal()

    def __init__(self, gctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self._patient_id: int | None = None
        self._headers: list[PatientHeader] = []
        self._serial = 0
        self._pending = False
        self._pick_when_ready = False
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, BSN, HIS number or date of birth"))
        self.search.setAccessibleName(self.tr("Find patient"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Patients found"))
        self.results.setMaximumHeight(150)
        self.results.hide()
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Search result"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        self.setFocusProxy(self.search)
        self.setTabOrder(self.search, self.results)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run_search)
        self.search.textEdited.connect(self._text_edited)
        self.search.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.itemActivated.connect(self._item_activated)

    # -- public ---------------------------------------------------------------------------
    @property
    def patient_id(self) -> int | None:
        return self._patient_id

    @property
    def busy(self) -> bool:
        return self._pending or self._timer.isActive()

    def set_patient(self, header: PatientHeader) -> None:
        self._patient_id = header.id
        self.search.setText(header.name)
        self.results.hide()
        self.status.setText(self._describe(header))
        self.picked.emit(header.id)

    def clear(self) -> None:
        self._patient_id = None
        self.search.clear()
        self.results.clear()
        self.results.hide()
        self.status.clear()

    # -- searching --------------------------------------------------------------------------
    def _text_edited(self, _text: str) -> None:
        if self._patient_id is not None:
            self._patient_id = None
            self.cleared.emit()
        self._pick_when_ready = False
        self._timer.start()

    def _run_search(self) -> None:
        from pzmdo.services.register import search_patients

        text = self.search.text().strip()
        self._serial += 1
        serial = self._serial
        if not text:
            self._show([], serial)
            return
        self._pending = True
        self.gctx.runner.submit(
            search_patients,
            self.gctx.app,
            text,
            20,
            on_done=lambda headers: self._show(headers, serial),
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self._pending = False
        self.gctx.show_error(exc, self.window())

    def _show(self, headers: list[PatientHeader], serial: int) -> None:
        if serial != self._serial:
            return  # an older search; a newer one is on its way
        self._pending = False
        self._headers = headers
        self.results.clear()
        for h in headers:
            item = QListWidgetItem(self._describe(h))
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            self.results.addItem(item)
        self.results.setVisible(bool(headers))
        if headers:
            self.results.setCurrentRow(0)
            self.status.setText(
                self.tr("%1 found — Return picks the highlighted patient").replace(
                    "%1", str(len(headers))
                )
            )
        elif self.search.text().strip():
            self.status.setText(self.tr("No patient found. Check the spelling or add a new one."))
        else:
            self.status.clear()
        if self._pick_when_ready:
            self._pick_when_ready = False
            self._pick_current()

    def _describe(self, h: PatientHeader) -> str:
        text = f"{h.name} · {h.birth_date:%d-%m-%Y} · {h.status_label}"
        if h.is_fictional and "fictief" not in h.name:
            text += " " + self.tr("(fictitious)")
        return text

    def _pick_current(self) -> None:
        row = max(self.results.currentRow(), 0)
        if row < len(self._headers):
            self.set_patient(self._headers[row])

    def _item_activated(self, item: QListWidgetItem) -> None:
        row = self.results.row(item)
        if 0 <= row < len(self._headers):
            self.set_patient(self._headers[row])
            self.search.setFocus()

    # -- keyboard ---------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(obj, event)
        key = event.key()
        if obj is self.search:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                if self._patient_id is not None and not self.busy:
                    return False  # already picked: let the dialog have Return
                if self.busy:
                    self._pick_when_ready = True
                    if self._timer.isActive():
                        self._timer.stop()
                        self._run_search()
                        self._pick_when_ready = True
                else:
                    self._pick_current()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
                self.results.setCurrentRow(row)
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.clear()
                self.cleared.emit()
                return True
        elif obj is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.results.currentItem()
            if item is not None:
                self._item_activated(item)
            return True
        return super().eventFilter(obj, event)
