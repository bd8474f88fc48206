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
    assert backup.verify_backup(good, ctx.db.data_key, thorough=False) == []
    data = bytearray(good.read_bytes())
    if damage == "flip_bytes":
        data[5000] ^= 0x01
    elif damage == "flip_last_page":
        data[-100] ^= 0x01
    else:
        data = data[: len(data) - 4096]
    bad = tmp_path / "slecht.db"
    bad.write_bytes(bytes(data))
    assert backup.verify_backup(bad, ctx.db.data_key, thorough=False)
