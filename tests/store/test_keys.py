"""Key slots: passwords, this computer's keyring, the recovery key, slowing down guessing."""

from __future__ import annotations

import json
import time
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from pzmdo.domain.enums import Role
from pzmdo.domain.errors import UnlockError, ValidationError
from pzmdo.services import unlock, users
from pzmdo.store import keys
from pzmdo.store.keys import KeySlotFile, format_recovery_key, parse_recovery_key
from pzmdo.store.paths import keyslot_path
from tests.conftest import ADMIN, PASSWORD

pytestmark = pytest.mark.file_only  # key slots of the encrypted file


def test_recovery_key_format_roundtrip():
    key = keys.new_data_key()
    text = format_recovery_key(key)
    groups = text.split(" ")
    assert len(groups) == 16 and all(len(g) == 4 for g in groups)
    assert parse_recovery_key(text.lower()) == key
    with pytest.raises(UnlockError):
        parse_recovery_key("1234 ABCD")


def test_keyslot_file_holds_no_data_key(ctx, db_path: Path):
    raw = keyslot_path(db_path).read_text()
    assert ctx.db.data_key.hex() not in raw.lower()
    assert format_recovery_key(ctx.db.data_key).replace(" ", "") not in raw.upper()


def test_change_password_rewraps_only_that_slot(ctx, db_path: Path):
    users.add_user(
        ctx,
        login="poh.bakker",
        name="S. Bakker (fictief)",
        role=Role.POH,
        password="poh-wachtwoord",
    )
    before = json.loads(keyslot_path(db_path).read_text())["users"]
    users.change_password(ctx, "nieuw-wachtwoord")
    after = json.loads(keyslot_path(db_path).read_text())["users"]
    assert after["poh.bakker"] == before["poh.bakker"]
    assert after[ADMIN] != before[ADMIN]
    ctx.close()
    with pytest.raises(UnlockError):
        unlock.unlock_with_password(db_path, ADMIN, PASSWORD)
    unlock.unlock_with_password(db_path, ADMIN, "nieuw-wachtwoord").close()
    unlock.unlock_with_password(db_path, "poh.bakker", "poh-wachtwoord").close()


def test_deactivated_user_cannot_unlock(ctx, db_path: Path):
    users.add_user(
        ctx, login="oud", name="Oud (fictief)", role=Role.OVERIG, password="oud-wachtwoord"
    )
    users.deactivate_user(ctx, "oud")
    assert [u.active for u in users.list_users(ctx) if u.login == "oud"] == [False]
    with pytest.raises(UnlockError):
        unlock.unlock_with_password(db_path, "oud", "oud-wachtwoord")


def test_short_password_refused(db_path: Path):
    with pytest.raises(ValidationError):
        unlock.init_database(
            db_path, practice_name="P", admin_login="a", admin_name="A", password="kort"
        )
    assert not db_path.exists() and not keyslot_path(db_path).exists()


def test_remember_on_this_computer_with_a_keyring(ctx, db_path: Path, memory_keyring):
    assert unlock.remember_on_this_computer(ctx)
    ctx.close()
    assert unlock.remembered_here(db_path, ADMIN)
    again = unlock.unlock_with_keyring(db_path, ADMIN)
    assert again.user.login == ADMIN
    again.close()


def test_no_keyring_is_normal(ctx, db_path: Path):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not keys.keyring_available()
        assert not unlock.remember_on_this_computer(ctx)
        with pytest.raises(UnlockError) as err:
            unlock.unlock_with_keyring(db_path, ADMIN)
        assert "wachtwoord" in str(err.value)
    finally:
        keyring.set_keyring(previous)


def test_recovery_key_unlocks_when_keyslots_are_lost(ctx, db_path: Path):
    data_key = ctx.db.data_key
    ctx.close()
    keyslot_path(db_path).unlink()
    with pytest.raises(Exception) as err:
        unlock.unlock_with_password(db_path, ADMIN, PASSWORD)
    assert "herstelsleutel" in str(err.value)
    recovered = unlock.unlock_with_recovery_key(db_path, format_recovery_key(data_key), ADMIN)
    assert recovered.user.login == ADMIN
    recovered.close()


def test_repeated_failures_are_slowed_down(ctx, db_path: Path, monkeypatch):
    ctx.close()
    slots = KeySlotFile.load(db_path)
    assert slots.delay_seconds(ADMIN) == 0
    for _ in range(keys.FREE_ATTEMPTS):
        with pytest.raises(UnlockError):
            unlock.unlock_with_password(db_path, ADMIN, "fout")
    slots = KeySlotFile.load(db_path)
    assert slots.delay_seconds(ADMIN) == 1.0
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    with pytest.raises(UnlockError):
        unlock.unlock_with_password(db_path, ADMIN, "fout")
    assert slept == [1.0]
    with pytest.raises(UnlockError):
        unlock.unlock_with_password(db_path, ADMIN, "fout")
    assert slept == [1.0, 2.0]
    # A success moves the failures into the audit trail and resets the counter.
    ok = unlock.unlock_with_password(db_path, ADMIN, PASSWORD)
    from pzmdo.services.audit_log import list_audit

    assert sum(e.action == "unlock_failed" for e in list_audit(ok)) == keys.FREE_ATTEMPTS + 2
    ok.close()
    assert KeySlotFile.load(db_path).delay_seconds(ADMIN) == 0
