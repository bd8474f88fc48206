"""Issue 10, observation 2: one user action is one transaction across areas.

For each cross-area action the *second* step is made to fail: the database must then be
exactly what it was before (a full SQL dump compared), and the GUI's message — "nothing
was saved" — is true.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from pzmdo.domain.enums import Role
from pzmdo.gui.context import GuiContext
from pzmdo.services import careteam, consultations, register
from pzmdo.services.consultations import advice
from pzmdo.services.context import AppContext
from tests.services.test_consultations import request, world  # noqa: F401 - fixture
from tests.services.test_meetings import make_patients, team  # noqa: F401 - fixture
from tests.support.register_helpers import add_patient, gp_context
from tests.support.roles import with_roles


@pytest.fixture
def ctx(ctx: AppContext) -> AppContext:
    """A GP who is also kaderarts palliatieve zorg: requests and gives advice."""
    return with_roles(ctx, Role.SPECIALIST_PZ)

TODAY = date.today()


class Injected(RuntimeError):
    """The failure of the second step."""


def dump(ctx: AppContext) -> list[tuple]:
    """Every schema object and every row of every table, in a stable order."""
    raw = ctx.db.engine.raw_connection()
    try:
        cur = raw.driver_connection.cursor()
        schema = cur.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        out: list[tuple] = list(schema)
        for kind, name, _sql in schema:
            if kind == "table" and not name.startswith("sqlite_"):
                out.append((name, *cur.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()))
        return out
    finally:
        raw.close()


def _fail(*_args: object, **_kwargs: object) -> None:
    raise Injected("tweede stap faalt")


def _advised(ctx: AppContext, world: dict[str, int]) -> int:  # noqa: F811
    cid = request(ctx, world)
    consultations.record_advice(
        ctx,
        cid,
        "- Start oxycodon 5 mg zo nodig (fictief)\n- Evalueer na een week (fictief)",
        advice_by_person_id=world["consultant"],
    )
    return cid


@pytest.mark.parametrize("target", ["careplan", "actions"])
def test_advice_processing_is_one_transaction(ctx, world, monkeypatch, target):  # noqa: F811
    cid = _advised(ctx, world)
    before = dump(ctx)
    monkeypatch.setattr(advice, "_mark_processed", _fail)
    with pytest.raises(Injected):
        consultations.process_advice(ctx, cid, target)
    assert dump(ctx) == before
    monkeypatch.undo()
    # A retry stores the agreements once (one plan version), not again on top.
    result = consultations.process_advice(ctx, cid, target)
    if target == "careplan":
        assert result.created == (1,)


def test_closing_a_meeting_is_one_transaction_with_its_follow_up_tasks(
    ctx,
    team,  # noqa: F811
    monkeypatch,
):
    from pzmdo.services import meetings as m

    (pid,) = make_patients(ctx, 1)
    register.record_death(
        ctx, pid, register.DeathInput(died_on=TODAY - timedelta(days=2), place="thuis")
    )
    meeting = m.plan_meeting(ctx, TODAY)
    proposal = m.propose_agenda(ctx, meeting.id)
    m.accept_all(ctx, meeting.id)
    m.start_meeting(ctx, meeting.id)
    m.save_discussion(ctx, proposal[0].id, notes={"zingeving": "Rustig overleden (fictief)"})
    before = dump(ctx)
    monkeypatch.setattr(register, "_complete_tasks", _fail)
    with pytest.raises(Injected):
        m.close_meeting(ctx, meeting.id)
    assert dump(ctx) == before
    monkeypatch.undo()
    m.close_meeting(ctx, meeting.id)
    assert not [t for t in register.open_tasks(ctx, pid) if t.kind == "nabespreking"]


def test_hospital_marking_and_central_caregiver_are_one_transaction(ctx, monkeypatch):
    gp = gp_context(ctx)
    pid = add_patient(ctx, gp_person_id=gp.user.person_id)
    mdo = register.HospitalMdoInput(mdo_on=TODAY, hospital="Ziekenhuis Noord (fictief)")
    before = dump(ctx)
    monkeypatch.setattr(careteam, "_set_role_holder", _fail)
    with pytest.raises(Injected):
        register.register_hospital_mdo(ctx, pid, mdo)
    assert dump(ctx) == before
    monkeypatch.undo()
    register.register_hospital_mdo(ctx, pid, mdo)
    details = register.get_patient(ctx, pid)
    assert details.status == "gemarkeerd" and details.central_caregiver_name == gp.user.name


def test_gui_says_nothing_was_saved_and_that_is_true(ctx, world, monkeypatch, qtbot):  # noqa: F811
    cid = _advised(ctx, world)
    before = dump(ctx)
    monkeypatch.setattr(advice, "_mark_processed", _fail)
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _parent, _title, text: shown.append(text))
    )
    gctx = GuiContext(ctx)
    gctx.runner.submit(consultations.process_advice, ctx, cid, "careplan")
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "niets opgeslagen" in shown[0]
    assert dump(ctx) == before
