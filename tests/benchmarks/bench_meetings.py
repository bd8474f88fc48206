"""Meetings at region size: the agenda proposal for one kernteam's next meeting.

Baseline: the raw query for that team's patients in the marked phase (the candidates the
proposal starts from). The proposal is stored (proposed items), so each run proposes
again for the same meeting: the second and later runs top up an existing proposal, as a
POH reopening the preparation does.
"""

from __future__ import annotations

from sqlalchemy import select

from pzmdo.services import meetings
from pzmdo.store.database import _connect
from pzmdo.store.models.meetings import Meeting, MeetingTeam
from tests.benchmarks.pairs import Bench


def first_kernteam_meeting(ctx) -> int:  # noqa: ANN001
    """The planned meeting of the first kernteam."""
    with ctx.read() as s:
        return int(s.scalars(
            select(Meeting.id).join(MeetingTeam, MeetingTeam.id == Meeting.team_id)
            .where(MeetingTeam.kind == "kernteam", Meeting.status == "gepland")
            .order_by(MeetingTeam.id, Meeting.held_on)).first())  # fmt: skip


def run(env, bench: Bench) -> None:  # noqa: ANN001
    ctx = env.ctx
    meeting_id = first_kernteam_meeting(ctx)
    conn = _connect(env.db, ctx.db.data_key)
    practices = [r[0] for r in conn.execute(
        "SELECT practice_id FROM meeting_team_practice JOIN meeting ON meeting.team_id = "
        "meeting_team_practice.team_id WHERE meeting.id = ?", (meeting_id,))]  # fmt: skip
    marks = ",".join("?" * len(practices))

    def raw() -> list:
        return conn.execute(
            "SELECT id, status, last_discussed_on, next_review_on FROM patient WHERE status IN "
            f"('gemarkeerd', 'stervensfase') AND practice_id IN ({marks}) "
            "ORDER BY last_discussed_on IS NOT NULL, last_discussed_on, id",
            practices,
        ).fetchall()

    try:
        proposal = meetings.propose_agenda(ctx, meeting_id)
        print(f"    (agenda proposal: {sum(1 for i in proposal if i.patient_id)} patients; "
              f"the team's marked patients: {len(raw())})", flush=True)  # fmt: skip
        bench.pair("meetings: agenda proposal for one kernteam",
                   lambda: meetings.propose_agenda(ctx, meeting_id),
                   "team's marked patients by raw SQL", raw, target=0.2)  # fmt: skip
    finally:
        conn.close()
