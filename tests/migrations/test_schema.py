"""Migrations create exactly the models' schema; older databases are backed up, then upgraded."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from pzmdo.services import unlock
from pzmdo.store import migrate
from pzmdo.store.database import Database
from pzmdo.store.keys import KeySlotFile, new_data_key
from pzmdo.store.models import Base
from pzmdo.store.paths import backup_dir
from tests.conftest import ADMIN, PASSWORD


def test_migrated_schema_matches_models(tmp_path: Path):
    db = Database.open_file(tmp_path / "s.db", new_data_key(), create=True)
    migrate.upgrade(db)
    with db.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    db.close()
    assert diff == []


def test_audit_trail_is_append_only(ctx):
    import pytest
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError as SADatabaseError

    for stmt in ("UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event"):
        with pytest.raises(SADatabaseError), ctx.db.engine.begin() as conn:
            conn.execute(text(stmt))


def test_opening_an_older_database_backs_it_up_then_upgrades(tmp_path: Path):
    heads = migrate.head_revisions()
    path = tmp_path / "oud.db"
    result = unlock.init_database(
        path, practice_name="P (fictief)", admin_login=ADMIN, admin_name="B", password=PASSWORD
    )
    ctx = result.context
    if heads == ("0001",):
        ctx.close()
        return  # nothing newer than the first revision yet
    migrate_down = __import__("alembic.command", fromlist=["downgrade"])
    cfg = migrate.config()
    with ctx.db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        migrate_down.downgrade(cfg, "0001")
    assert migrate.current_revisions(ctx.db) == ("0001",)
    ctx.close()
    KeySlotFile.load(path)  # slots still there
    again = unlock.unlock_with_password(path, ADMIN, PASSWORD)
    assert migrate.current_revisions(again.db) == heads
    again.close()
    assert list(backup_dir(path).glob("voor-upgrade-0001-*.db"))
