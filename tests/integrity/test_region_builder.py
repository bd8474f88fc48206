"""The region benchmark database (tests/benchmarks/region.py) is what the services write.

The builder bulk-inserts rows instead of calling services 100,000 times; here a small build
(600 patients, 6 practices) must pass the integrity check and the audit chain check, keep
the register's denormalised columns equal to their histories, and open in the services
(register, care team, care plan, consultations, meetings, PDFs) like real data.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
from sqlalchemy import func, select

from pzmdo.services import (
    audit_log,
    careplan,
    careteam,
    consultations,
    documents,
    meetings,
    register,
    unlock,
)
from pzmdo.services.context import AppContext
from pzmdo.services.register import RegisterQuery
from pzmdo.store import migrate
from pzmdo.store.models import AuditEvent, Patient
from pzmdo.store.models.careplan import CarePlanVersion
from pzmdo.store.models.meetings import Meeting, MeetingAgendaItem
from pzmdo.store.models.register import Marking, StatusEvent
from tests.benchmarks import region

PATIENTS, PRACTICES = 600, 6


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> region.Region:
    return region.build(
        tmp_path_factory.mktemp("region") / "region.db", PATIENTS, practices=PRACTICES
    )


@pytest.fixture
def rctx(built: region.Region, tmp_path: Path) -> AppContext:
    path = region.open_copy(built, tmp_path / "copy.db")
    ctx = unlock.unlock_with_password(path, region.LOGIN, region.PASSWORD)
    yield ctx
    ctx.close()


def test_integrity_and_audit_chain(rctx: AppContext) -> None:
    assert rctx.db.integrity_check() == []
    chain = audit_log.check_chain(rctx)
    assert chain.intact, chain.reason
    with rctx.read() as s:
        events = s.scalar(select(func.count()).select_from(AuditEvent))
    assert chain.events == events > 10 * PATIENTS  # a history, not one summary event
    assert migrate.current_revisions(rctx.db) == migrate.head_revisions()


def test_register_columns_match_their_histories(rctx: AppContext) -> None:
    with rctx.read() as s:
        patients = {p.id: p for p in s.scalars(select(Patient))}
        last_event = {}
        for e in s.scalars(select(StatusEvent).order_by(StatusEvent.on_date, StatusEvent.id)):
            last_event[e.patient_id] = e
        open_marks = Counter(
            s.scalars(select(Marking.patient_id).where(Marking.closed_on.is_(None)))
        )
        discussed = dict(
            s.execute(
                select(MeetingAgendaItem.patient_id, func.max(Meeting.held_on))
                .join(Meeting, Meeting.id == MeetingAgendaItem.meeting_id)
                .where(MeetingAgendaItem.status == "besproken")
                .group_by(MeetingAgendaItem.patient_id)
            ).all()
        )
    assert len(patients) == PATIENTS
    assert len({p.practice_id for p in patients.values()}) == PRACTICES
    for pid, p in patients.items():
        assert p.is_fictional
        assert last_event[pid].to_status == p.status
        assert last_event[pid].on_date == p.status_since
        assert open_marks[pid] == (1 if p.status in ("gemarkeerd", "stervensfase") else 0)
        assert p.last_discussed_on == discussed.get(pid)
    counts = register.count_by_status(rctx)
    marked = counts.get("gemarkeerd", 0) + counts.get("stervensfase", 0)
    assert 0.12 * PATIENTS < marked < 0.28 * PATIENTS
    assert counts.get("overleden", 0) > 0.1 * PATIENTS


def test_services_open_the_data(rctx: AppContext, tmp_path: Path) -> None:
    ids = register.register_ids(rctx, RegisterQuery(status=None))
    assert len(ids) == PATIENTS
    rows = register.register_rows(rctx, ids[:50])
    family = rows[0].name.split(",")[0].split()[-1]
    assert register.search_patients(rctx, family)
    with rctx.read() as s:
        with_plan = s.scalars(
            select(CarePlanVersion.patient_id).where(CarePlanVersion.version == 2)
        ).first()
    assert with_plan is not None
    plan = careplan.current_plan(rctx, with_plan)
    assert plan is not None and plan.version >= 2
    assert len(careplan.list_versions(rctx, with_plan)) == plan.version
    assert careteam.team_summary(rctx, with_plan)
    assert register.history(rctx, with_plan)
    assert consultations.list_consultations(rctx)

    listed = meetings.list_meetings(rctx)
    closed = [m for m in listed if m.read_only]
    planned = [m for m in listed if not m.read_only]
    assert len(closed) > 50 and planned
    record = meetings.meeting_record(rctx, closed[-1].id)
    assert record.items
    proposal = meetings.propose_agenda(rctx, planned[0].id)
    assert any(i.patient_id is not None for i in proposal)

    pdf = tmp_path / "plan.pdf"
    documents.produce(rctx, "careplan", pdf, patient_id=with_plan)
    with pdfplumber.open(pdf) as doc:
        assert "fictief" in "".join(page.extract_text() or "" for page in doc.pages)
    documents.produce(rctx, "minutes", tmp_path / "minutes.pdf", meeting_id=closed[-1].id)


def test_teams_and_the_gp_of_one_practice(rctx: AppContext) -> None:
    """Every team discusses its practices' patients; the GP user sees one practice."""
    from pzmdo.store.models.practices import MeetingTeamPractice

    with rctx.read() as s:
        teams = s.execute(
            select(MeetingTeamPractice.team_id, MeetingTeamPractice.practice_id)
        ).all()
        first = s.scalar(select(func.min(Patient.practice_id)))
    assert {p for _, p in teams} == set(range(1, PRACTICES + 1))
    gp = unlock.unlock_with_password(rctx.db.path, region.GP_LOGIN, region.PASSWORD)
    try:
        ids = register.register_ids(gp, RegisterQuery(status=None))
        with gp.read() as s:
            seen = set(s.scalars(select(Patient.practice_id).where(Patient.id.in_(ids))))
        assert seen == {first} and 0 < len(ids) < PATIENTS
        everyone = [h.id for h in register.search_patients(rctx, "a")]
        mine = [h.id for h in register.search_patients(gp, "a")]
        assert mine and set(mine) <= set(ids) and mine != everyone
    finally:
        gp.close()
