"""Care plan, care team, conversations and directory screens with real widgets (offscreen)."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget

from pzmdo.domain import careplan as cp
from pzmdo.gui.careplan_tab import CarePlanTab
from pzmdo.gui.careteam_tab import CareTeamTab
from pzmdo.gui.context import GuiContext
from pzmdo.gui.person_picker import PersonPicker
from pzmdo.services import careplan, careteam, directory
from pzmdo.services.context import AppContext
from tests.services.test_careplan import new_patient

# Screens are always rendered; they replace the committed review images only on request.
SHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("PZMDO_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "pzmdo-test-screenshots"
)


@pytest.fixture(scope="module")
def dutch(qapp):  # noqa: ANN001
    from pzmdo.gui.app import install_translations

    translators = install_translations(qapp)
    yield
    for tr in translators:
        qapp.removeTranslator(tr)


@pytest.fixture
def gctx(ctx: AppContext, dutch, qtbot) -> GuiContext:  # noqa: ANN001
    g = GuiContext(ctx)
    yield g
    g.runner.wait()


def idle(qtbot, gctx) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=20_000)


def type_text(widget: QWidget, text: str) -> None:
    """Type like a user, one key at a time; non-ASCII sent as text events (see DEVELOPING.md)."""
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )


def choose(combo, label: str) -> None:  # noqa: ANN001
    """Pick an entry by typing its first letters on the focused combo box."""
    combo.setFocus()
    QTest.keyClicks(combo, label)
    assert combo.currentText() == label, (combo.accessibleName(), combo.currentText())


def test_fill_care_plan_by_keyboard_close_and_reopen(qtbot, gctx, ctx):
    pid = new_patient(ctx)
    tab = CarePlanTab(gctx, pid)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded, timeout=20_000)
    ed = tab.editor

    type_text(ed.filled_at, "20-11-2026" if date.today() >= date(2026, 11, 20) else "01-01-2025")
    type_text(ed.conducted_by.given, "Aïsha")
    type_text(ed.conducted_by.family, "Özdemir (fictief)")
    choose(ed.function, "Huisarts")
    choose(ed.capable, "Ja")
    type_text(ed.rep.name.given, "Zoë")
    type_text(ed.rep.name.prefix, "van 't")
    type_text(ed.rep.name.family, "Hoëvel (fictief)")
    type_text(ed.rep.phone, "06-12345678")
    choose(ed.rep.relation, "Dochter")
    ed.rep_roles.checks["mentor"].setFocus()
    QTest.keyClick(ed.rep_roles.checks["mentor"], Qt.Key.Key_Space)
    choose(ed.rep_is_first, "Ja")
    ed.present_patient.setFocus()
    QTest.keyClick(ed.present_patient, Qt.Key.Key_Space)  # ticks "in bijzijn van de patiënt"
    choose(ed.goal, "Nog onbekend")
    lim = ed.limits
    choose(lim["reanimatie"].decision, "Nee")
    type_text(lim["reanimatie"].note, "Uitdrukkelijke wens; zéér stellig")
    type_text(lim["reanimatie"].discussed, "15-11-2025")
    choose(lim["ic_opname"].decision, "Ja, maar met beperkingen")
    type_text(lim["ic_opname"].restriction, "hoogstens 48 uur, geen intubatie")
    choose(lim["antibiotica"].decision, "Onbekend")
    choose(lim["overige"].decision, "Nee")
    type_text(lim["overige"].restriction, "sondevoeding")
    choose(ed.icd, "Ja")
    type_text(ed.icd_note, "Geïmplanteerd in 2019")
    choose(ed.icd_off, "Niet besproken")
    type_text(ed.wishes, "Wil thuis blijven; café-bezoek op vrijdag blijft belangrijk")
    choose(ed.place, "Nog onbekend")
    choose(ed.euthanasia, "Wenst geen euthanasie")
    type_text(ed.other_important, "Kleinkinderen zien, ook Noël")
    choose(ed.share, "Akkoord")
    type_text(ed.dimensions["fysiek"][0], "Pijn en naïeve angst voor morfine")
    type_text(ed.dimensions["fysiek"][3], "POH")
    a, b, c = ed.scenarios[0]
    type_text(a, "Benauwd 's nachts")
    type_text(b, "Morfine s.c.; bel de huisartsenpost, niet 112")
    type_text(c, "Echtgenoot")
    ed.add_scenario_button.setFocus()
    QTest.keyClick(ed.add_scenario_button, Qt.Key.Key_Space)
    assert len(ed.scenarios) == 2
    qtbot.waitUntil(lambda: ed.scenarios[1][0].hasFocus(), timeout=5_000)
    choose(ed.call_hap, "Ja")
    type_text(ed.hap_know, "Zorgplan ligt in de groene map")
    type_text(tab.note, "Eerste versie na gesprek")

    expected = ed.value()
    tab.save_button.setFocus()
    QTest.keyClick(tab.save_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.version == 1, timeout=20_000)
    assert "Versie 1" in tab.header.text() and "actueel per" in tab.header.text(), tab.header.text()
    tab.close()
    tab.deleteLater()
    idle(qtbot, gctx)

    again = CarePlanTab(gctx, pid)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.loaded, timeout=20_000)
    ed2 = again.editor
    stored = careplan.current_plan(ctx, pid).content
    assert ed2.value() == expected == stored
    assert stored.conducted_by == cp.PersonName("Aïsha", "", "Özdemir (fictief)")
    assert stored.representative.name == cp.PersonName("Zoë", "van 't", "Hoëvel (fictief)")
    assert stored.representative.phones[0].number == "06-12345678"
    assert stored.representative_roles == ("mentor",) and stored.present_patient is True
    assert stored.goal == "nog_onbekend" and stored.place_of_death == "nog_onbekend"
    assert stored.organ_donation is None  # not filled in, distinct from "nog onbekend"
    assert stored.reanimatie == cp.TreatmentLimit(
        "nee", "", "Uitdrukkelijke wens; zéér stellig", date(2025, 11, 15)
    )
    assert stored.ic_opname.restriction == "hoogstens 48 uur, geen intubatie"
    assert stored.overige.treatment == "sondevoeding" and stored.overige.decision == "nee"
    assert stored.icd_note == "Geïmplanteerd in 2019" and stored.icd_off == "niet_besproken"
    assert stored.wishes == "Wil thuis blijven; café-bezoek op vrijdag blijft belangrijk"
    assert stored.fysiek.problems == "Pijn en naïeve angst voor morfine"
    assert stored.scenarios == (
        cp.Scenario(
            "Benauwd 's nachts", "Morfine s.c.; bel de huisartsenpost, niet 112", "Echtgenoot"
        ),
    )
    assert stored.acute.call_hap_not_112 is True
    assert ed2.wishes.toPlainText() == stored.wishes
    assert ed2.limits["reanimatie"].discussed.text() == "15-11-2025"
    assert ed2.rep.name.family.text() == "Hoëvel (fictief)"
    assert careplan.list_versions(ctx, pid)[0].note == "Eerste versie na gesprek"


def test_bad_input_is_refused_with_a_dutch_message(qtbot, gctx, ctx, monkeypatch):
    pid = new_patient(ctx)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    tab = CarePlanTab(gctx, pid)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded, timeout=20_000)
    choose(tab.editor.limits["reanimatie"].decision, "Ja, maar met beperkingen")
    tab.save()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "welke beperkingen" in shown[0]
    type_text(tab.editor.limits["beademing"].discussed, "31-02-2025")
    tab.save()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20_000)
    assert "bestaat niet: februari 2025 heeft 28 dagen" in shown[1]
    idle(qtbot, gctx)
    assert careplan.current_plan(ctx, pid) is None


def test_history_shows_the_one_changed_limit(qtbot, gctx, ctx):
    pid = new_patient(ctx)
    careplan.save_plan(ctx, pid, cp.CarePlanContent(antibiotica=cp.TreatmentLimit("ja")))
    tab = CarePlanTab(gctx, pid)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded, timeout=20_000)
    choose(tab.editor.limits["antibiotica"].decision, "Nee")
    tab.save()
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.version == 2, timeout=20_000)
    qtbot.waitUntil(lambda: tab.diff.rowCount() == 1, timeout=20_000)
    row = [tab.diff.item(0, c).text() for c in range(3)]
    assert row == ["Behandeling met antibiotica › besluit", "Ja", "Nee"]
    assert careplan.get_version(ctx, pid, 1).content.antibiotica.decision == "ja"


def test_care_team_dialog_sets_central_caregiver_and_keeps_history(qtbot, gctx, ctx):
    pid = new_patient(ctx)
    gp = directory.add_person(
        ctx, directory.PersonInput("Dr. A. Jansen (fictief)", "huisarts", big_registered=True)
    ).id
    directory.add_person(ctx, directory.PersonInput("S. Bakker, POH (fictief)", "poh"))
    tab = CareTeamTab(gctx, pid)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.loads >= 1, timeout=20_000)
    assert "geen centrale zorgverlener" in tab.warnings.text()
    dialog = tab.open_central_dialog()
    picker = dialog.findChild(PersonPicker)
    qtbot.waitUntil(lambda: picker.is_loaded, timeout=20_000)
    names = [picker.itemText(i) for i in range(picker.count())]
    assert not any("POH" in n for n in names)  # only BIG-registered persons are offered
    picker.setCurrentIndex(picker.findData(gp))
    type_text(dialog.findChildren(QLineEdit)[0], "Eigen huisarts")
    QTest.keyClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.team.rowCount() == 1, timeout=20_000)
    assert tab.team.item(0, 1).text() == "Dr. A. Jansen (fictief)"
    assert tab.history.rowCount() == 1
    assert careteam.team_summary(ctx, pid).central_caregiver.person.id == gp


def test_screenshots(qtbot, demo_ctx, dutch):  # noqa: ANN001
    """Screens with demo data; saved for review (docs/screenshots/care-*.png; the -150 set
    with QT_SCALE_FACTOR=1.5)."""
    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    from sqlalchemy import select

    from pzmdo.gui.conversations_tab import ConversationsTab
    from pzmdo.gui.directory_page import DirectoryPage
    from pzmdo.store.models.careplan import CarePlanVersion

    gctx = GuiContext(demo_ctx)
    with demo_ctx.unit() as s:
        pid = s.scalar(
            select(CarePlanVersion.patient_id).where(CarePlanVersion.version == 2).limit(1)
        )
    suffix = "" if scale == "1" else "-150"
    SHOTS.mkdir(parents=True, exist_ok=True)

    team = CareTeamTab(gctx, pid)
    qtbot.addWidget(team)
    team.resize(1200, 900)
    team.show()
    qtbot.waitUntil(lambda: team.loads >= 1, timeout=20_000)
    idle(qtbot, gctx)
    qtbot.wait(50)
    team.grab().save(str(SHOTS / f"care-team{suffix}.png"))

    plan = CarePlanTab(gctx, pid)
    qtbot.addWidget(plan)
    plan.resize(1280, 900)
    plan.show()
    qtbot.waitUntil(lambda: plan.loaded, timeout=20_000)
    idle(qtbot, gctx)
    plan.grab().save(str(SHOTS / f"care-plan-editor{suffix}.png"))
    plan.editor_scroll.verticalScrollBar().setValue(
        plan.editor_scroll.verticalScrollBar().maximum() // 2
    )
    QApplication.processEvents()
    plan.grab().save(str(SHOTS / f"care-plan-editor-limits{suffix}.png"))
    plan.inner.setCurrentIndex(1)
    qtbot.waitUntil(lambda: plan.diff.rowCount() >= 1, timeout=20_000)
    plan.grab().save(str(SHOTS / f"care-plan-history{suffix}.png"))

    conv = ConversationsTab(gctx, pid)
    qtbot.addWidget(conv)
    conv.resize(1200, 700)
    conv.show()
    qtbot.waitUntil(lambda: conv.loads >= 1, timeout=20_000)
    idle(qtbot, gctx)
    conv.grab().save(str(SHOTS / f"care-conversations{suffix}.png"))

    page = DirectoryPage(gctx)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=20_000)
    page.grab().save(str(SHOTS / f"care-directory{suffix}.png"))
    gctx.runner.wait()
