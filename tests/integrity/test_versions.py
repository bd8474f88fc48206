"""Issue 10, deliver 3: optimistic versions on patient, care plan, meeting, consultation.

Two users open the same record; the second save starts from the older version and is
refused with a Dutch message naming who changed it; nothing of it is stored.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from pzmdo.domain.careplan import CarePlanContent
from pzmdo.domain.errors import ConflictError
from pzmdo.services import careplan, consultations, register
from pzmdo.services import meetings as m
from tests.services.test_consultations import request, world  # noqa: F401 - fixture
from tests.services.test_meetings import team  # noqa: F401 - fixture
from tests.support.register_helpers import add_patient, gp_context


def test_stale_patient_save_is_refused_and_names_who(ctx):
    gp = gp_context(ctx)
    pid = add_patient(ctx)
    seen_by_admin = register.get_patient(ctx, pid)
    seen_by_gp = register.get_patient(gp, pid)
    register.update_patient(
        gp, pid, replace(seen_by_gp.data, phone="0592-111111"), expected_version=seen_by_gp.version
    )
    with pytest.raises(ConflictError) as err:
        register.update_patient(
            ctx,
            pid,
            replace(seen_by_admin.data, city="Assen (fictief)"),
            expected_version=seen_by_admin.version,
        )
    assert "De gegevens van deze patiënt" in str(err.value) and "dokter" in str(err.value)
    now = register.get_patient(ctx, pid)
    assert now.data.phone == "0592-111111" and now.data.city != "Assen (fictief)"
    # Reloaded, the same change goes through.
    register.update_patient(
        ctx, pid, replace(now.data, city="Assen (fictief)"), expected_version=now.version
    )


def test_stale_care_plan_save_is_refused(ctx):
    gp = gp_context(ctx)
    pid = add_patient(ctx)
    careplan.save_plan(gp, pid, CarePlanContent(other_agreements="Eerste (fictief)"))
    careplan.save_plan(
        gp, pid, CarePlanContent(other_agreements="Tweede (fictief)"), expected_version=1
    )
    with pytest.raises(ConflictError, match="Dr. H. Huisman"):
        careplan.save_plan(
            ctx, pid, CarePlanContent(other_agreements="Oud (fictief)"), expected_version=1
        )
    assert careplan.current_plan(ctx, pid).version == 2


def test_stale_meeting_save_is_refused(ctx, team):  # noqa: F811
    meeting = m.plan_meeting(ctx, date.today() + timedelta(days=7))
    gp = gp_context(ctx)
    m.update_meeting(gp, meeting.id, place="Zaal 1 (fictief)", expected_version=meeting.version)
    with pytest.raises(ConflictError, match="Dit overleg is intussen gewijzigd door dokter"):
        m.update_meeting(ctx, meeting.id, theme="Thema (fictief)", expected_version=meeting.version)
    assert m.get_meeting(ctx, meeting.id).theme == ""


def test_stale_consultation_advice_is_refused(ctx, world):  # noqa: F811
    cid = request(ctx, world)
    shown = consultations.get_consultation(ctx, cid)
    consultations.change_status(ctx, cid, "in_behandeling")
    with pytest.raises(ConflictError, match="Deze consultatie is intussen gewijzigd"):
        consultations.record_advice(
            ctx, cid, "Advies op oude stand (fictief)", expected_version=shown.version
        )
    assert consultations.get_consultation(ctx, cid).advice is None
