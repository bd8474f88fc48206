"""Upgrade safety: a database from release 0.1.0 (tests/fixtures/upgrade, made with
tools/make_upgrade_fixture.py: the first release's schema, fictional data in every area) opens
with today's code: the pre-migration backup is made and opens, the schema reaches the heads,
and every record is still there. A database from a newer pzmdo is refused, untouched."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

import pzmdo
from pzmdo.domain.errors import DatabaseError
from pzmdo.services import unlock
from pzmdo.store import audit_chain, migrate
from pzmdo.store.database import Database
from tests.conftest import ADMIN, PASSWORD

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "upgrade"
RELEASE_0_1_0 = ("0002", "0003", "0004", "0005")
# Columns whose data a later revision moved elsewhere (checked there, below).
MOVED = {("app_user", "role")}


def _copy_fixture(folder: Path) -> Path:
    folder.mkdir()
    for source in FIXTURE.iterdir():
        shutil.copy2(source, folder / source.name)
    return folder / "pzmdo-0.1.0.db"


def _tables(db: Database) -> dict[str, tuple[int, list[dict[str, object]]]]:
    """Row count and the first rows (by rowid) of every table."""
    out = {}
    with db.engine.connect() as conn:
        for name in inspect(conn).get_table_names():
            if name == "alembic_version":
                continue
            count = conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
            rows = conn.execute(text(f'SELECT * FROM "{name}" ORDER BY rowid LIMIT 5'))
            out[name] = (count, [dict(r._mapping) for r in rows])
    return out


def test_release_0_1_0_database_upgrades_keeping_every_record(tmp_path):
    db_path = _copy_fixture(tmp_path / "praktijk")
    ctx = unlock.unlock_with_password(db_path, ADMIN, PASSWORD)
    try:
        assert migrate.current_revisions(ctx.db) == migrate.head_revisions()
        with ctx.db.session() as s:  # 0008 chained the release's events: intact
            assert audit_chain.verify(s)[1] is None
        writer = migrate.written_by(ctx.db)  # the upgrade stamps who wrote the file now
        assert writer is not None and writer.version == pzmdo.__version__
        assert writer.schema == migrate.describe(migrate.head_revisions())
        (backup,) = (db_path.parent / "backups").glob("voor-upgrade-0002+0003+0004+0005-*.db")
        # The untouched release file, opened with the same key, is the "before".
        original = Database.open_file(_copy_fixture(tmp_path / "origineel"), ctx.db.data_key)
        saved = Database.open_file(backup, ctx.db.data_key)
        try:
            assert migrate.current_revisions(original) == RELEASE_0_1_0
            assert migrate.current_revisions(saved) == RELEASE_0_1_0  # the backup opens
            before = _tables(original)
            assert _tables(saved) == before
            after = _tables(ctx.db)
            attached = _attachments(ctx.db)
        finally:
            original.close()
            saved.close()
    finally:
        ctx.close()
    filled = {name for name, (count, _) in before.items() if count}
    for area_table in ("patient", "marking", "care_plan_version", "meeting_note", "consultation"):
        assert area_table in filled  # data in every area
    for name, (count, rows) in before.items():
        if name == "audit_event":  # the upgrade adds the unlock itself
            assert after[name][0] > count
        elif name == "setting":  # ... and the written_by stamp (0.1.0 did not record it)
            assert after[name][0] == count + 1
        else:
            assert after[name][0] == count, name
        for old, new in zip(rows, after[name][1], strict=name != "setting"):
            kept = {k: v for k, v in old.items() if (name, k) not in MOVED}
            assert {k: new[k] for k in kept} == kept, name
    # 0008: a user's single role moved into app_user_role (a user may hold several).
    moved = {(r["id"], r["role"]) for r in before["app_user"][1]}
    assert moved <= {(r["user_id"], r["role"]) for r in after["app_user_role"][1]}
    # 0009: the register keeps its practice and team; every patient has the practice, the
    # team covers it and every user is attached to both (nobody loses sight of anything).
    users, practices, teams = (before[t][0] for t in ("app_user", "practice", "meeting_team"))
    assert users and practices == 1 and teams == 1
    assert attached == {
        "patients without a practice": 0,
        "meetings without a team": 0,
        "team practices": teams * practices,
        "user practices": users * practices,
        "user teams": users * teams,
    }


def _attachments(db: Database) -> dict[str, int]:
    queries = {
        "patients without a practice": "SELECT count(*) FROM patient WHERE practice_id IS NULL",
        "meetings without a team": "SELECT count(*) FROM meeting WHERE team_id IS NULL",
        "team practices": "SELECT count(*) FROM meeting_team_practice",
        "user practices": "SELECT count(*) FROM user_practice",
        "user teams": "SELECT count(*) FROM user_team",
    }
    with db.engine.connect() as conn:
        return {k: conn.execute(text(q)).scalar_one() for k, q in queries.items()}


def test_database_from_a_newer_pzmdo_is_refused_untouched(ctx, db_path):
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE alembic_version SET version_num = '9001' "
            "WHERE rowid = (SELECT min(rowid) FROM alembic_version)"
        )
    ctx.close()
    digest = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseError, match="nieuwere versie van pzmdo.*niets gewijzigd"):
        unlock.unlock_with_password(db_path, ADMIN, PASSWORD)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest
    assert not (db_path.parent / "backups").exists()
