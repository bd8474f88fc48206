"""The fictional care demo data."""

from __future__ import annotations

from sqlalchemy import func, select

from pzmdo.services import careplan, careteam
from pzmdo.store.models import Patient
from pzmdo.store.models.careplan import CarePlanVersion


def test_demo_has_teams_naasten_and_plans(demo_ctx):
    ctx = demo_ctx
    with ctx.unit() as s:
        with_team = s.scalar(
            select(func.count(Patient.id)).where(Patient.central_caregiver_id.is_not(None))
        )
        plans = s.scalar(select(func.count(func.distinct(CarePlanVersion.patient_id))))
        pid = s.scalar(
            select(CarePlanVersion.patient_id).where(CarePlanVersion.version == 2).limit(1)
        )
    assert with_team >= 20 and plans >= 10 and pid is not None
    summary = careteam.team_summary(ctx, pid)
    assert summary.central_caregiver.person.big_registered
    assert all("(fictief)" in n.name for n in summary.naasten)
    assert len(careplan.diff_versions(ctx, pid, 1, 2)) >= 1
    assert careplan.current_plan(ctx, pid).version == 2
