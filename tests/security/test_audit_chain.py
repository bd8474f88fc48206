"""The audit trail shows tampering: a hash chain checked by 'pzmdo check', its head on
paper (PDF footers) and beside every backup (issue 11, finding 5)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3
from pypdf import PdfReader

from pzmdo.domain.enums import Role
from pzmdo.services import audit_log, backup, documents, register, unlock
from pzmdo.store import audit_chain, migrate
from pzmdo.store.keys import parse_recovery_key
from tests.conftest import ADMIN, PASSWORD
from tests.support.cli import run_pzmdo

TRIGGERS = (
    "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END",
    "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END",
)


def _practice(path: Path) -> str:
    """A database with a few events; returns the recovery key."""
    result = unlock.init_database(
        path, practice_name="Praktijk Keten (fictief)", admin_login=ADMIN,
        admin_name="B. Heer (fictief)", password=PASSWORD, also_roles=(Role.HUISARTS,),
    )  # fmt: skip
    ctx = result.context
    for i in range(4):
        register.create_patient(
            ctx, register.PatientInput("Keten", f"Schakel {i} (fictief)", birth_date=_day())
        )
    ctx.close()
    return result.recovery_key


def _day():
    from datetime import date

    return date(1940, 1, 1)


def _with_recovery_key(path: Path, recovery_key: str, *statements: str) -> None:
    """What someone holding the practice's master key can do to the file."""
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{parse_recovery_key(recovery_key).hex()}'\"")
    conn.execute("DROP TRIGGER audit_event_no_update")
    conn.execute("DROP TRIGGER audit_event_no_delete")
    for statement in statements:
        conn.execute(statement)
    for trigger in TRIGGERS:
        conn.execute(trigger)
    conn.commit()
    conn.close()


@pytest.mark.file_only  # 'pzmdo check' of a file made here
def test_intact_chain_passes_check(tmp_path: Path):
    db = tmp_path / "p.db"
    _practice(db)
    result = run_pzmdo("check", db=db)
    assert result.returncode == 0, result.stderr
    assert "Audittrail: in orde" in result.stdout


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        # Delete a user's event, close the gap in ids and sequence numbers.
        (
            (
                "DELETE FROM audit_event WHERE seq = 3",
                "UPDATE audit_event SET id = id - 1 WHERE seq > 3",
                "UPDATE audit_event SET seq = seq - 1 WHERE seq > 3",
            ),
            "gebeurtenis 3 verwijst niet naar haar voorganger",
        ),
        # Delete without renumbering.
        (("DELETE FROM audit_event WHERE seq = 4",), "gebeurtenis 4 ontbreekt"),
        # Edit what an event says.
        (
            ("UPDATE audit_event SET user_login = 'iemand' WHERE seq = 2",),
            "gebeurtenis 2 is na het vastleggen gewijzigd",
        ),
        # Back-date an event by one microsecond (the check reads stored timestamps raw).
        (
            (
                "UPDATE audit_event SET at = substr(at, 1, 20) || "
                "printf('%06d', (CAST(substr(at, 21) AS INTEGER) + 1) % 1000000) WHERE seq = 2",
            ),
            "gebeurtenis 2 is na het vastleggen gewijzigd",
        ),
    ],
    ids=["deleted-and-renumbered", "deleted", "edited", "time-edited"],
)
@pytest.mark.file_only  # tampering with the file through its recovery key
def test_check_names_the_first_broken_link(tmp_path: Path, tamper, expected):
    db = tmp_path / "p.db"
    recovery_key = _practice(db)
    _with_recovery_key(db, recovery_key, *tamper)
    result = run_pzmdo("check", db=db)
    assert result.returncode == 1
    assert expected in result.stdout
    assert "audittrail is na het vastleggen gewijzigd" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.file_only  # backups of the file (a server's are its beheerder's)
def test_chain_head_beside_every_backup(ctx, tmp_path: Path):
    out = backup.backup(ctx, tmp_path / "kopie.db")
    manifest_file = backup.manifest_path(out)
    assert stat.S_IMODE(os.stat(manifest_file).st_mode) == 0o600
    manifest = json.loads(manifest_file.read_text())
    with ctx.db.session() as s:
        head = audit_chain.head(s)
    # The backup event itself comes after the copy: the manifest holds the head before it.
    assert manifest["audit_kop"]["volgnummer"] == head.seq - 1
    with ctx.db.session() as s:
        row = s.execute(
            audit_chain.select(audit_chain.AuditEvent.hash).where(
                audit_chain.AuditEvent.seq == head.seq - 1
            )
        ).scalar_one()
    assert manifest["audit_kop"]["hash"] == row[:16]


def test_chain_head_on_every_pdf(ctx, tmp_path: Path):
    pid = register.create_patient(
        ctx, register.PatientInput("Kop", "Papier (fictief)", birth_date=_day(), is_fictional=True)
    )
    info = documents.produce(ctx, "emergency", tmp_path / "spoed.pdf", patient_id=pid)
    text = "".join(page.extract_text() for page in PdfReader(info.path).pages)
    with ctx.db.session() as s:
        printed_head = audit_chain.head(s)  # the document event came after rendering
    assert f"Audittrail-kop: {printed_head.seq - 1}:" in text.replace("\n", " ")


def test_migration_chains_existing_events_and_keeps_roles(ctx, tmp_path: Path):
    """A database from before 0008 gets its events numbered and chained, roles kept."""
    from alembic import command

    cfg = migrate.config()
    with ctx.db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008-1")
    with ctx.db.engine.begin() as conn:
        assert conn.exec_driver_sql("SELECT role FROM app_user").scalar() in {
            "beheerder",
            "huisarts",
        }
        conn.exec_driver_sql(
            "INSERT INTO audit_event (at, user_login, action) VALUES "
            "('2026-01-01 10:00:00.000000', 'oud', 'patient_open')"
        )
    migrate.upgrade(ctx.db)
    report = audit_log.check_chain(ctx)
    assert report.intact and report.events >= 2
    with ctx.db.engine.connect() as conn:
        roles = {r[0] for r in conn.exec_driver_sql("SELECT role FROM app_user_role")}
    assert roles and roles <= {"beheerder", "huisarts"}


WRITER = """
import sys
from pathlib import Path
from pzmdo.domain.errors import DatabaseError
from pzmdo.services.unlock import record_lock, unlock_with_password

ctx = unlock_with_password(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
done = 0
while done < 25:
    try:
        record_lock(ctx)
        done += 1
    except DatabaseError:
        pass  # busy: the other process holds the write lock; try again
ctx.close()
"""


@pytest.mark.file_only  # processes unlocking the file with a password (server: tests/server)
def test_parallel_writers_keep_one_unbroken_chain(ctx, db_path: Path):
    ctx.close()
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), ADMIN, PASSWORD])
        for _ in range(2)
    ]
    for p in procs:
        assert p.wait(timeout=300) == 0
    again = unlock.unlock_with_password(db_path, ADMIN, PASSWORD)
    try:
        report = audit_log.check_chain(again)
        assert report.intact, report.reason
        locks = [e for e in audit_log.list_audit(again) if e.action == "lock"]
        assert len(locks) == 50
    finally:
        again.close()
