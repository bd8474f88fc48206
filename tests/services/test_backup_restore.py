"""Encrypted backups, rotation, and a restore that refuses damaged files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pzmdo.domain.errors import DatabaseError
from pzmdo.services import backup, unlock
from pzmdo.services.demo import add_demo_patients
from pzmdo.store.models import Patient
from pzmdo.store.paths import backup_dir, keyslot_path
from tests.conftest import ADMIN, PASSWORD
from tests.support.cli import run_pzmdo

pytestmark = pytest.mark.file_only  # backups and restore of the encrypted file


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _patients(ctx) -> int:
    with ctx.db.session() as s:
        return s.query(Patient).count()


def test_backup_while_open_then_restore_brings_back_the_data(ctx, db_path: Path, tmp_path: Path):
    add_demo_patients(ctx, 12, seed=2)
    out = backup.backup(ctx, tmp_path / "kopie.db")
    assert out.exists() and keyslot_path(out).exists()
    assert b"SQLite format" not in out.read_bytes()[:100]
    add_demo_patients(ctx, 5, seed=3)
    assert _patients(ctx) == 17
    ctx.close()

    result = run_pzmdo("restore", str(out), db=db_path)
    assert result.returncode == 0, result.stderr
    again = unlock.unlock_with_password(db_path, ADMIN, PASSWORD)
    try:
        assert _patients(again) == 12
    finally:
        again.close()
    # What was replaced is kept aside.
    assert list(backup_dir(db_path).glob("voor-herstel-*.db"))


@pytest.mark.parametrize("damage", ["flip_bytes", "truncate", "other_key", "not_a_db"])
def test_restore_of_damaged_backup_is_refused_and_current_db_untouched(
    ctx, db_path, tmp_path, damage
):
    add_demo_patients(ctx, 8, seed=4)
    good = backup.backup(ctx, tmp_path / "goed.db")
    bad = tmp_path / "slecht.db"
    data = bytearray(good.read_bytes())
    if damage == "flip_bytes":
        for offset in range(5000, min(len(data), 9000), 7):
            data[offset] ^= 0xFF
    elif damage == "truncate":
        data = data[: len(data) // 2 + 17]
    elif damage == "other_key":
        other = unlock.init_database(
            tmp_path / "ander.db",
            practice_name="Ander (fictief)",
            admin_login=ADMIN,
            admin_name="X",
            password=PASSWORD,
        )
        other.context.close()
        data = bytearray((tmp_path / "ander.db").read_bytes())
    else:
        data = bytearray(b"dit is geen database " * 500)
    bad.write_bytes(bytes(data))
    ctx.db.engine.dispose()
    before = _digest(db_path)

    with pytest.raises(DatabaseError) as err:
        backup.restore(db_path, bad, ctx.db.data_key)
    assert "niet gewijzigd" in str(err.value)
    assert _digest(db_path) == before

    cli = run_pzmdo("restore", str(bad), db=db_path)
    assert cli.returncode == 1
    assert "wordt niet teruggezet" in cli.stderr and "Traceback" not in cli.stderr
    assert _digest(db_path) == before


def test_automatic_backup_keeps_the_last_ten(ctx, db_path: Path):
    for _ in range(13):
        backup.automatic_backup(ctx)
    autos = sorted(backup_dir(db_path).glob("auto-*.db"))
    assert len(autos) == 10
    assert all(keyslot_path(a).exists() for a in autos)
    assert not backup.verify_backup(autos[-1], ctx.db.data_key)


@pytest.mark.parametrize("damage", ["flip_bytes", "flip_last_page", "truncate"])
def test_page_check_of_a_new_backup_finds_damage(ctx, tmp_path: Path, damage):
    """A backup just written is checked with SQLCipher's page HMACs (not the slower full
    integrity check): a changed byte in any page, or a cut-off file, is found."""
    add_demo_patients(ctx, 8, seed=4)
    good = backup.backup(ctx, tmp_path / "goed.db")
    assert backup.verify_backup(good, ctx.db.data_key, check="pages") == []
    data = bytearray(good.read_bytes())
    if damage == "flip_bytes":
        data[5000] ^= 0x01
    elif damage == "flip_last_page":
        data[-100] ^= 0x01
    else:
        data = data[: len(data) - 4096]
    bad = tmp_path / "slecht.db"
    bad.write_bytes(bytes(data))
    assert backup.verify_backup(bad, ctx.db.data_key, check="pages")


PAGE = 4096  # SQLCipher 4's page size


def _pages(path: Path) -> list[bytes]:
    data = path.read_bytes()
    return [data[i : i + PAGE] for i in range(0, len(data), PAGE)]


def _open_copy(path: Path, key: bytes) -> int:
    from pzmdo.store.database import _connect

    conn = _connect(path, key)
    try:
        return conn.execute("SELECT count(*) FROM patient").fetchone()[0]
    finally:
        conn.close()


def test_backup_copies_the_encrypted_pages_as_they_are(ctx, db_path: Path, tmp_path: Path):
    """With the write-ahead log empty the backup copies the file's encrypted pages without
    re-encrypting them (fast at region size): every page but the header page, whose
    journal mode the copy changes, is byte for byte the live file's."""
    add_demo_patients(ctx, 20, seed=4)
    out = backup.backup(ctx, tmp_path / "snel.db")
    live, copy = _pages(db_path), _pages(out)
    assert len(copy) == len(live) > 10
    assert copy[1:] == live[1:]
    assert _open_copy(out, ctx.db.data_key) == 20


def test_backup_while_a_reader_holds_the_log_uses_the_online_copy(
    ctx, db_path: Path, tmp_path: Path
):
    """Another session reading a snapshot that lies in the write-ahead log keeps the log
    from being emptied: the backup then copies page by page (re-encrypting each) and still
    holds every committed change."""
    from pzmdo.store.database import _connect

    add_demo_patients(ctx, 12, seed=4)
    other = _connect(db_path, ctx.db.data_key)
    try:
        other.execute("PRAGMA journal_mode = WAL")
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE patient SET notes = 'gewijzigd (fictief)' WHERE id = 1")
        other.execute("COMMIT")
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM patient").fetchone()  # a reader on the log
        out = backup.backup(ctx, tmp_path / "online.db")
        other.execute("ROLLBACK")
    finally:
        other.close()
    live, copy = _pages(db_path), _pages(out)
    assert sum(a == b for a, b in zip(live, copy, strict=False)) < len(copy) // 2
    assert backup.verify_backup(out, ctx.db.data_key) == []
    conn = _connect(out, ctx.db.data_key)
    try:
        notes = conn.execute("SELECT notes FROM patient WHERE id = 1").fetchone()[0]
    finally:
        conn.close()
    assert notes == "gewijzigd (fictief)"
