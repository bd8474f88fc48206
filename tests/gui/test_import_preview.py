"""The import dialog's preview (issue 16): the name split per row, corrected by the user
with the keyboard before anything is stored; every worksheet on its own."""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from pzmdo.gui.context import GuiContext
from pzmdo.gui.import_dialog import ImportDialog
from pzmdo.gui.import_preview import COL_FAMILY, COL_GIVEN, COL_OUTCOME, COL_PREFIX
from pzmdo.services import register as reg
from tests.services.test_import_messy import MESSY

SHOTS = Path(os.environ.get("PZMDO_SHOTS", "/tmp/pzmdo-shots"))


def _idle(qtbot, gctx) -> None:
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=30_000)


def _open(qtbot, ctx, path) -> tuple[ImportDialog, GuiContext]:
    gctx = GuiContext(ctx)
    dialog = ImportDialog(gctx)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    dialog.path.setText(str(path))
    dialog.read_file()
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=10_000)
    return dialog, gctx


def test_preview_shows_the_split_and_a_correction_is_stored(qtbot, ctx, tmp_path):
    path = tmp_path / "register.csv"
    path.write_bytes(("\r\n".join(MESSY) + "\r\n").encode("utf-8"))
    dialog, gctx = _open(qtbot, ctx, path)
    assert dialog.combos["full_name"].currentData() == "Naam patiënt"
    assert dialog.combos["family_name"].currentData() == ""
    dialog.check()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    model = dialog.preview_model
    assert model.rowCount() == 10  # 7 to import, 1 skipped, 2 rejected
    by_row = {r.row_number: r for r in model.rows}
    assert by_row[6].parts == ["J.H.", "van der", "Berg-de Groot (fictief)"]
    assert by_row[7].parts == ["IJsbrand", "", "IJzerman (fictief)"]
    assert by_row[9].outcome == "overgeslagen" and "rij 3" in by_row[9].remarks
    row12 = next(i for i, r in enumerate(model.rows) if r.row_number == 12)
    assert "dubbele achternaam" in model.data(model.index(row12, COL_OUTCOME))

    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.preview.scrollTo(model.index(row12, COL_GIVEN))
    dialog.grab().save(str(SHOTS / "import-preview-1280x800.png"))

    # The user reads 'Anna Maria Kok' as voornaam Anna, achternaam 'Maria Kok': keyboard only.
    view = dialog.preview
    view.setFocus()
    for col, text in ((COL_GIVEN, "Anna"), (COL_FAMILY, "Maria Kok (fictief)")):
        view.setCurrentIndex(model.index(row12, col))
        QTest.keyClick(view, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit) and editor.parent() is view.viewport()
        editor.selectAll()
        QTest.keyClicks(editor, text)
        QTest.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event
        wanted = (col - COL_GIVEN, text)
        qtbot.waitUntil(
            lambda w=wanted: dialog.names.get(("", 12), ("",) * 3)[w[0]] == w[1], timeout=10_000
        )
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)  # checked again
    # Row 10 was rejected for lack of a voornaam: add it in the preview.
    row10 = next(i for i, r in enumerate(model.rows) if r.row_number == 10)
    assert model.rows[row10].parts == ["", "", "Jansen (fictief)"]
    view.setCurrentIndex(model.index(row10, COL_GIVEN))
    view.setFocus()  # a check puts the focus on Import; the user tabs back to the preview
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.parent() is view.viewport()
    QTest.keyClicks(editor, "Jan")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ("", 10) in dialog.names, timeout=10_000)  # committed (queued)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    assert [r.row_number for r in dialog.plan.rows] == [2, 3, 4, 6, 7, 8, 10, 12]
    assert dialog.names == {
        ("", 12): ("Anna", "", "Maria Kok (fictief)"),
        ("", 10): ("Jan", "", "Jansen (fictief)"),
    }
    row12 = next(i for i, r in enumerate(model.rows) if r.row_number == 12)
    assert model.data(model.index(row12, COL_PREFIX)) == ""
    assert "dubbele achternaam" not in model.data(model.index(row12, COL_OUTCOME))
    assert reg.list_patients(ctx) == []  # still nothing stored
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "8" in dialog.report.toPlainText().split("\n")[-1], timeout=10_000)
    names = {p.name for p in reg.list_patients(ctx)}
    assert "Anna Maria Kok (fictief)" in names  # Anna + Maria Kok: same display
    assert "J.H. van der Berg-de Groot (fictief)" in names
    assert "Jan Jansen (fictief)" in names
    detail = [p for p in reg.list_patients(ctx) if p.name == "Anna Maria Kok (fictief)"][0]
    data = reg.get_patient(ctx, detail.id).data
    assert (data.given_name, data.family_name) == ("Anna", "Maria Kok (fictief)")


def test_sheets_are_mapped_and_skipped_one_by_one(qtbot, ctx, tmp_path):
    wb = Workbook()
    wb.active.title = "Noord"
    wb.active.append(["Naam", "Geboortedatum"])
    wb.active.append(["Piet Kok (fictief)", "01-01-1940"])
    wb.create_sheet("Leeg")
    old = wb.create_sheet("Oud")
    old.append(["Wie", "Wanneer"])
    old.append(["Klaas Vos (fictief)", "02-02-1941"])
    path = tmp_path / "praktijk.xlsx"
    wb.save(path)
    dialog, gctx = _open(qtbot, ctx, path)
    assert dialog.sheet.count() == 3 and dialog.sheet.isEnabled()
    dialog.sheet.setCurrentIndex(2)  # 'Oud': nothing recognised; map it by hand
    assert dialog.combos["full_name"].currentData() == ""
    dialog.combos["full_name"].setCurrentIndex(dialog.combos["full_name"].findData("Wie"))
    dialog.combos["birth_date"].setCurrentIndex(dialog.combos["birth_date"].findData("Wanneer"))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert [(r.sheet, r.row_number) for r in dialog.plan.rows] == [("Noord", 2), ("Oud", 2)]
    assert "Werkblad 'Leeg' is leeg en wordt overgeslagen." in dialog.report.toPlainText()
    dialog.use_sheet.setChecked(False)  # now leave 'Oud' out
    assert not dialog.import_button.isEnabled()
    dialog.check()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert [r.sheet for r in dialog.plan.rows] == ["Noord"]
    dialog.save_report(tmp_path / "verslag.csv")
    _idle(qtbot, gctx)
    assert (tmp_path / "verslag.csv").stat().st_mode & 0o777 == 0o600


def test_register_export_from_the_page(qtbot, demo_ctx, tmp_path):
    from pzmdo.gui.register_export_dialog import RegisterExportDialog
    from pzmdo.gui.register_page import RegisterPage

    gctx = GuiContext(demo_ctx)
    page = RegisterPage(gctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    _idle(qtbot, gctx)
    assert page.export_button.isEnabled()
    page.export_button.click()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RegisterExportDialog))
    qtbot.waitUntil(dialog.isVisible)
    assert "patiëntgegevens" in "".join(w.text() for w in dialog.findChildren(QLabel))
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "register-export-dialog.png"))
    dialog.path.setText(str(tmp_path / "actief.csv"))
    dialog.columns["bsn"].setChecked(False)
    dialog.ok.click()
    qtbot.waitUntil(lambda: (tmp_path / "actief.csv").exists(), timeout=10_000)
    _idle(qtbot, gctx)
    header = (tmp_path / "actief.csv").read_text("utf-8-sig").splitlines()[0]
    assert "BSN" not in header and header.startswith("Achternaam;Tussenvoegsel;Voornaam")
    assert "geëxporteerd naar" in page.count.text()
