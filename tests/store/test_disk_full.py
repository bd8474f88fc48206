"""A full disk: a clear Dutch message, and nothing half-written."""

from datetime import date

import pytest
from sqlalchemy import event

from pzmdo.domain.errors import DatabaseError
from pzmdo.services import register
from pzmdo.services.audit_log import list_audit
from pzmdo.store.models import Patient

pytestmark = pytest.mark.file_only  # a full disk under the encrypted file


def test_full_database_refuses_cleanly(ctx):
    with ctx.db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    ctx.db.engine.dispose()

    def cap(dbapi_conn, _record):  # the file may not grow: SQLite reports SQLITE_FULL
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(ctx.db.engine, "connect", cap)
    audit_before = len([e for e in list_audit(ctx) if e.action != "audit_read"])
    big_note = "x" * 19_000  # needs new pages (the notes field holds at most 20,000)
    with pytest.raises(DatabaseError) as err:
        register.create_patient(
            ctx,
            register.PatientInput(
                given_name="Vol", family_name="Schijf (fictief)", birth_date=date(1950, 1, 1),
                notes=big_note, is_fictional=True,
            ),
        )
    assert "schijf is vol" in str(err.value).lower()
    assert "niets opgeslagen" in str(err.value)
    event.remove(ctx.db.engine, "connect", cap)
    ctx.db.engine.dispose()
    with ctx.db.session() as s:
        assert s.query(Patient).count() == 0
    assert len([e for e in list_audit(ctx) if e.action != "audit_read"]) == audit_before
