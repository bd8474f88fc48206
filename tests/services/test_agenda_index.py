"""The agenda proposal of a team reads patients by practice through an index (issue 14):
no statement of ``propose_agenda`` scans the whole patient table (6.5 s at 100,000 patients
before; the benchmark lives in tests/benchmarks)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import event

from pzmdo.services import meetings, teams
from pzmdo.services.demo import add_demo_patients


def test_no_statement_of_the_agenda_proposal_scans_the_patient_table(ctx):
    add_demo_patients(ctx, 30, seed=8, region=True)
    team = teams.find_team(ctx, "Kernteam Emmen-Zuid (fictief)")
    meeting = meetings.plan_meeting(ctx, date.today() + timedelta(days=40), team_id=team.id)
    statements: list[tuple[str, object]] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
        if statement.lstrip().upper().startswith("SELECT") and "patient" in statement:
            statements.append((statement, parameters))

    event.listen(ctx.db.engine, "before_cursor_execute", record)
    try:
        meetings.propose_agenda(ctx, meeting.id)
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", record)
    assert statements
    steps = _plan_steps(ctx, statements)
    assert not [step for step in steps if step.startswith(("SCAN patient", "Seq Scan on patient"))]
    # The review of the team's patients goes through the practice index.
    assert [step for step in steps if "ix_patient_practice_status" in step]


def _plan_steps(ctx, statements: list[tuple[str, object]]) -> list[str]:
    """Every step of every statement's query plan, SQLite's or PostgreSQL's."""
    with ctx.db.engine.connect() as conn:
        if ctx.db.is_sqlite:
            return [
                row[-1]
                for sql, params in statements
                for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
            ]
        # A test database is tiny: PostgreSQL would scan it whatever the indexes. Without
        # sequential scans it still scans a table that no index serves.
        conn.exec_driver_sql("SET enable_seqscan = off")
        return [
            row[0].strip().removeprefix("->").strip()
            for sql, params in statements
            for row in conn.exec_driver_sql(f"EXPLAIN {sql}", params)
        ]
