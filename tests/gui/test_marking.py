"""Marking by keyboard alone (issue 3): Ctrl+M, type a name, pick, answer, confirm."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from pzmdo.domain.agenda import AgendaReason
from pzmdo.gui.context import GuiContext
from pzmdo.gui.main_window import MainWindow
from pzmdo.gui.marking_dialog import MarkingDialog
from pzmdo.gui.register_model import COL_NAME, COL_STATUS
from pzmdo.services import register as reg
from pzmdo.store.models.register import Marking
from tests.support.register_helpers import add_patient, gp_context


class Keyboard:
    """Sends keys to whatever has focus, counting every keystroke except the typed name."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def _target(self):
        return QApplication.focusWidget() or QApplication.activeWindow()

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        QTest.keyClick(self._target(), key, modifier)

    def type_name(self, text: str) -> None:  # not counted
        QTest.keyClicks(self._target(), text)


def _dialog() -> MarkingDialog | None:
    return next(
        (
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MarkingDialog) and w.isVisible()
        ),
        None,
    )


def test_keyboard_only_marking_in_at_most_8_keystrokes(qtbot, ctx):
    gp = gp_context(ctx)
    for given, family in (
        ("Anna", "Aalst (fictief)"),
        ("Wilma", "Wijnands (fictief)"),
        ("Willem", "Wijngaard (fictief)"),
    ):
        add_patient(gp, given=given, family=family)
    target = add_patient(
        gp, given="Ella", family="Wijnberg (fictief)", gp_person_id=gp.user.person_id
    )
    gctx = GuiContext(gp)
    window = MainWindow(gctx, gp.db.path, idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.pages.currentWidget()
    qtbot.waitUntil(
        lambda: page.model.rowCount() == 4 and gctx.runner.pending() == 0, timeout=20_000
    )
    window.activateWindow()
    page.table.setFocus()

    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # 1: Ctrl+M
    qtbot.waitUntil(lambda: _dialog() is not None, timeout=5_000)
    dialog = _dialog()
    qtbot.waitUntil(lambda: dialog.marked_by.currentData() == gp.user.person_id, timeout=10_000)
    assert QApplication.focusWidget() is dialog.picker.search
    keys.type_name("ella wijnb")
    keys.press(Qt.Key.Key_Return)  # 2: pick (waits for the search if still running)
    qtbot.waitUntil(lambda: dialog.picker.patient_id == target, timeout=10_000)
    assert QApplication.focusWidget() is dialog.answer_no
    keys.press(Qt.Key.Key_Space)  # 3: answer "Nee"
    assert dialog.answer_no.isChecked()
    keys.press(Qt.Key.Key_Return)  # 4: Mark (the default button)
    qtbot.waitUntil(lambda: _dialog() is None, timeout=10_000)  # closed (and deleted)
    assert keys.count <= 8, keys.count

    # The register shows it: gemarkeerd, today, marked by the GP; a candidate for the meeting.
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0 and not page.model.loading, timeout=10_000)
    row = page.model.row_of(target)
    qtbot.waitUntil(
        lambda: (
            page.model.cached(row) is not None and page.model.cached(row).status == "gemarkeerd"
        ),
        timeout=10_000,
    )
    index = page.model.index(row, COL_STATUS)
    assert page.model.data(index) == "Gemarkeerd"
    assert page.model.cached(row).marked_on == date.today()
    assert "Wijnberg" in page.model.data(page.model.index(row, COL_NAME))
    with gp.db.session() as s:
        marking = s.scalars(select(Marking).where(Marking.patient_id == target)).one()
    assert marking.marked_by_person_id == gp.user.person_id and marking.to_agenda
    candidates = reg.agenda_candidates(gp, None, date.today())
    assert any(
        c.patient_id == target and c.reason is AgendaReason.NEWLY_MARKED_OR_SIGNALLED
        for c in candidates
    )
    window.idle.stop()


def test_marking_dialog_refuses_with_dutch_message_and_stays_open(qtbot, ctx):
    gp = gp_context(ctx)
    gctx = GuiContext(gp)
    from pzmdo.gui.marking_dialog import open_marking_dialog

    dialog = open_marking_dialog(gctx, None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.marked_by.count() > 0, timeout=10_000)
    dialog.submit()  # nothing chosen
    assert "surprise question" in dialog.error.text()
    dialog.answer_no.setChecked(True)
    dialog.submit()
    assert "Kies eerst een patiënt" in dialog.error.text()
    # New patient with an invalid BSN: refused by the service, nothing stored.
    dialog.new_button.setChecked(True)
    dialog.given.setText("Bert")
    dialog.family.setText("Bos (fictief)")
    dialog.birth.setText("01-02-1940")
    dialog.bsn.setText("123456789")
    dialog.submit()
    qtbot.waitUntil(lambda: "BSN" in dialog.error.text(), timeout=10_000)
    assert dialog.isVisible() and reg.search_patients(gp, "bos") == []
    dialog.birth.setText("31-02-1940")
    dialog.submit()
    assert "bestaat niet" in dialog.error.text()
    dialog.birth.setText("01-02-1940")
    dialog.bsn.setText("")
    dialog.submit()
    qtbot.waitUntil(lambda: _dialog() is None, timeout=10_000)
    assert reg.search_patients(gp, "bos")[0].status == "gemarkeerd"
