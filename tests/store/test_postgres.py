"""The same services run against a shared PostgreSQL server (several workstations, one register)."""

from __future__ import annotations

from datetime import date

import pytest

from pzmdo.domain.enums import Discipline, Role
from pzmdo.services import careplan, meetings, register
from pzmdo.services.context import AppContext, CurrentUser
from pzmdo.services.demo import add_demo_patients
from pzmdo.store import migrate
from pzmdo.store.database import Database
from pzmdo.store.models import AppUser, AppUserRole, Person, Practice


def test_migrations_and_services_on_postgresql(pg_url):
    db = Database.open_url(pg_url)
    migrate.upgrade(db)
    assert migrate.current_revisions(db) == migrate.head_revisions()
    with db.transaction() as s:
        s.add(Practice(name="Gedeelde praktijk (fictief)"))
        person = Person(
            name="Dr. P. Server (fictief)",
            discipline=Discipline.HUISARTS.value,
            big_registered=True,
        )
        s.add(person)
        s.flush()
        user = AppUser(login="server", person_id=person.id)
        user.role_rows = [
            AppUserRole(role=Role.HUISARTS.value),
            AppUserRole(role=Role.BEHEERDER.value),
        ]
        s.add(user)
        s.flush()
        current = CurrentUser(user.id, "server", person.name, user.roles, person.id)
    ctx = AppContext(db, current)

    add_demo_patients(ctx, 30, seed=5)  # every area's demo data, through the services
    pid = register.create_patient(
        ctx,
        register.PatientInput(
            given_name="Zoë",
            family_name="Hébert (fictief)",
            birth_date=date(1941, 5, 17),
            is_fictional=True,
        ),
    )
    register.mark_patient(ctx, register.MarkingInput(surprise_answer="nee", patient_id=pid))
    assert [h.id for h in register.search_patients(ctx, "hébert")] == [pid]
    version = careplan.add_agreement(
        ctx, pid, "Bel de huisartsenpost in plaats van 112", None, None
    )
    assert careplan.current_plan(ctx, pid).version == version
    upcoming = [m for m in meetings.list_meetings(ctx) if not m.read_only]
    items = meetings.propose_agenda(ctx, upcoming[0].id)
    assert pid in {i.patient_id for i in items}
    db.close()


def test_audit_trail_is_append_only_on_postgresql(pg_url):
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    db = Database.open_url(pg_url)
    migrate.upgrade(db)
    with db.transaction() as s:
        s.execute(
            text(
                "INSERT INTO audit_event (at, user_login, action, seq, prev_hash, hash) "
                "VALUES (now(), 'x', 'probe', 999999, repeat('0', 64), repeat('0', 64))"
            )
        )
    for stmt in ("UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event"):
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text(stmt))
    db.close()
