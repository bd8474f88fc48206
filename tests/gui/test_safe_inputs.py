"""Issue 13 items 1 and 2: the scroll wheel never changes a value the user did not pick, and
every date field reads typed dd-mm-jjjj (with dashes) right or refuses it in Dutch."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

from pzmdo.domain import dates
from pzmdo.domain.errors import ValidationError
from pzmdo.gui.careplan_tab import CarePlanTab
from pzmdo.gui.context import GuiContext
from pzmdo.gui.inputs import DateInput
from pzmdo.gui.meetings_page import PlanMeetingDialog
from pzmdo.services.context import AppContext
from tests.services.test_careplan import new_patient


@pytest.fixture
def gctx(ctx: AppContext, qtbot) -> GuiContext:  # noqa: ANN001
    g = GuiContext(ctx)
    yield g
    g.runner.wait()


def idle(qtbot, gctx) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=20_000)


def wheel(widget: QWidget, steps: int = -3) -> None:
    """Turn the mouse wheel over the widget (negative: towards the user, 'scroll down')."""
    centre = QPointF(widget.rect().center())
    for _ in range(abs(steps)):
        event = QWheelEvent(
            centre,
            QPointF(widget.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
            QPoint(0, 0),
            QPoint(0, 120 if steps > 0 else -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)


def _value(w: QWidget) -> object:
    return w.currentIndex() if isinstance(w, QComboBox) else w.text()


def test_wheel_over_care_plan_changes_nothing(qtbot, gctx, ctx):
    pid = new_patient(ctx)
    tab = CarePlanTab(gctx, pid)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded, timeout=20_000)
    tab.note.setFocus()
    shy = [
        w
        for w in tab.findChildren(QWidget)
        if isinstance(w, QComboBox | QAbstractSpinBox) and w.isEnabled() and w.isVisible()
    ]
    assert len(shy) > 20
    before = [_value(w) for w in shy]
    expected = tab.editor.value()
    for w in shy:
        wheel(w, -2)
        wheel(w, 1)
    assert [_value(w) for w in shy] == before
    assert tab.editor.value() == expected
    # The two fields from the report stay as they were.
    reanimation = tab.editor.limits["reanimatie"].decision
    assert reanimation.currentIndex() == 0
    assert reanimation.focusPolicy() == Qt.FocusPolicy.StrongFocus
    # With focus, the user chose to: the wheel works as before.
    reanimation.setFocus()
    qtbot.waitUntil(reanimation.hasFocus)
    wheel(reanimation, -1)
    assert reanimation.currentIndex() == 1
    idle(qtbot, gctx)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("16-03-2027", date(2027, 3, 16)),
        ("1-3-2027", date(2027, 3, 1)),
        ("16/03/2027", date(2027, 3, 16)),
        ("2027-03-16", date(2027, 3, 16)),
    ],
)
def test_domain_parses_dashes(typed, expected):
    assert dates.parse_date(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31-02-2027", "februari 2027 heeft 28 dagen"),
        ("01-02-45", "vier cijfers"),  # never guessed as 1945 or 2045
        ("16-13-2027", "geen maand 13"),
        ("morgen", "dd-mm-jjjj"),
        ("", "niet ingevuld"),
    ],
)
def test_domain_refuses_in_dutch(typed, message):
    with pytest.raises(ValidationError, match=message):
        dates.parse_date(typed, "De datum")


def test_typing_dates_in_every_kind_of_date_field(qtbot, gctx):
    field = DateInput(name="Datum", what="De datum")
    qtbot.addWidget(field)
    field.show()
    field.clear()
    QTest.keyClicks(field, "16-03-2027")
    assert field.value() == date(2027, 3, 16)
    assert field.weekday.text() == "dinsdag"
    field.clear()
    QTest.keyClicks(field, "31-02-2027")
    assert field.weekday.text() == "ongeldige datum"
    with pytest.raises(ValidationError, match="bestaat niet"):
        field.value()

    # The date field in the plan-meeting dialog (was a QDateEdit that read 16-01-2027).
    dialog = PlanMeetingDialog(gctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.ok.isEnabled, timeout=20_000)
    dialog.day.selectAll()
    QTest.keyClicks(dialog.day, "16-03-2027")
    assert dialog.day.value() == date(2027, 3, 16)
    dialog.day.selectAll()
    QTest.keyClicks(dialog.day, "31-02-2027")
    dialog.submit()
    assert dialog.error.isVisible() and "bestaat niet" in dialog.error.text()
    assert dialog.isVisible()
    idle(qtbot, gctx)


def test_no_qdateedit_left_in_the_gui():
    """Every date input is the one DateInput (the weekday shows; typed dashes parse)."""
    from pathlib import Path

    gui = Path(__file__).resolve().parents[2] / "pzmdo" / "gui"
    offenders = [
        p.name
        for p in gui.glob("*.py")
        if "QDateEdit" in p.read_text(encoding="utf-8")
        or "QDateTimeEdit" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_care_date_fields_say_which_date_is_wrong(qtbot, gctx, ctx):
    """The care plan, care team and PZP-conversation dates are DateInputs whose own Dutch
    error names the date ("De datum van de meting ..."): one parser, no second text path."""
    from pzmdo.gui.careteam_tab import CareTeamTab
    from pzmdo.gui.conversations_tab import ConversationsTab

    pid = new_patient(ctx)
    plan = CarePlanTab(gctx, pid)
    team = CareTeamTab(gctx, pid)
    talks = ConversationsTab(gctx, pid)
    for widget in (plan, team, talks):
        qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: plan.loaded and team.loads and talks.loads, timeout=20_000)
    dialogs = [team.open_central_dialog(), team.open_role_dialog(), team.open_vptz_dialog()]
    fields = [f for w in (plan, talks, *dialogs) for f in w.findChildren(DateInput)]
    assert len(fields) >= 8  # 'actueel per', filled in, six limits, conversation, dialogs
    for field in fields:
        field.setText("31-02-2027")
        with pytest.raises(ValidationError, match=r"^De datum van .+ bestaat niet"):
            field.value()
    plan.effective.clear()
    with pytest.raises(ValidationError, match="^De datum van 'actueel per' is niet ingevuld"):
        plan.effective.required_value()
    for dialog in dialogs:
        dialog.close()
    idle(qtbot, gctx)
