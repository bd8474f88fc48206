"""The database records which pzmdo version (and schema) wrote it: on creation, on every
upgrade and when a newer program first opens it; ``pzmdo check`` and About show it."""

from __future__ import annotations

import json

from pzmdo import __version__
from pzmdo.services import unlock
from pzmdo.services.about import about
from pzmdo.store import migrate
from tests.conftest import ADMIN, PASSWORD
from tests.support.cli import run_pzmdo


def test_a_new_database_names_the_version_and_schema_that_made_it(ctx):
    writer = migrate.written_by(ctx.db)
    assert writer is not None
    assert writer.version == __version__
    assert writer.schema == migrate.describe(migrate.head_revisions())
    info = about(ctx.db.path, ctx.db)
    assert info.written_by.startswith(f"pzmdo {__version__} (schema {writer.schema}, ")


def test_a_newer_program_restamps_a_database_of_the_same_schema(ctx, db_path):
    older = {"version": "0.0.9", "schema": "x", "at": "2026-01-02T03:04:05+00:00"}
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE setting SET value = ? WHERE key = ?", (json.dumps(older), migrate.WRITTEN_BY)
        )
    assert migrate.written_by(ctx.db).version == "0.0.9"
    ctx.close()
    reopened = unlock.unlock_with_password(db_path, ADMIN, PASSWORD)
    try:
        writer = migrate.written_by(reopened.db)
        assert writer is not None and writer.version == __version__
        assert writer.schema == migrate.describe(migrate.head_revisions())
    finally:
        reopened.close()


def test_check_prints_who_wrote_the_database(ctx, db_path):
    ctx.close()
    result = run_pzmdo("check", db=db_path)
    assert result.returncode == 0, result.stderr
    assert f"Geschreven door: pzmdo {__version__} (schema " in result.stdout
