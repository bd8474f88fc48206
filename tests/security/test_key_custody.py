"""Issue 11, findings 1, 2, 3, 6, 7 performed as an attacker would; each must now fail."""

from __future__ import annotations

import copy
import shutil
import stat
from pathlib import Path

import pytest

from pzmdo.domain.errors import DatabaseError, UnlockError
from pzmdo.services import custody, unlock, users
from pzmdo.store import keys
from pzmdo.store.keys import KEYRING_SERVICE, KeySlotFile, format_recovery_key
from pzmdo.store.paths import backup_dir, keyslot_path
from tests.conftest import ADMIN, PASSWORD
from tests.security.helpers import (
    GP,
    GP_PASSWORD,
    POH,
    POH_PASSWORD,
    add_team,
    audit_logins,
    read_keys,
    sqlcipher_opens,
    write_keys,
)

pytestmark = pytest.mark.file_only  # key slots, rotation and file locks of the encrypted file


# -- finding 1: any slot opened any account -----------------------------------------------
def test_poh_slot_copied_over_beheer_does_not_log_in_as_beheer(ctx, db_path: Path):
    add_team(ctx)
    ctx.close()
    data = read_keys(db_path)
    data["users"][ADMIN] = copy.deepcopy(data["users"][POH])
    write_keys(db_path, data)
    with pytest.raises(UnlockError):
        unlock.unlock_with_password(db_path, ADMIN, POH_PASSWORD)
    # Only the password slot copied (beheer's public key and seals kept): still refused.
    data = read_keys(db_path)
    original = KeySlotFile.load(db_path)
    data["users"][ADMIN]["password"] = data["users"][POH]["password"]
    write_keys(db_path, data)
    with pytest.raises(UnlockError):
        unlock.unlock_with_password(db_path, ADMIN, POH_PASSWORD)
    assert original.users[ADMIN]["public"] == data["users"][ADMIN]["public"]


def test_forged_entry_with_a_known_data_key_is_refused_by_the_database(ctx, db_path: Path):
    """poh1 knows the data key (their own slot gives it) and builds a complete, valid
    entry for 'beheer' with a key pair of their own: the database's fingerprint says no."""
    add_team(ctx)
    data_key = ctx.db.data_key
    ctx.close()
    slots = KeySlotFile.load(db_path)
    private, public = keys.new_key_pair()
    sealed = {slots.epoch: keys.seal(data_key, public, slots.db_id, ADMIN, slots.epoch)}
    slots.set_user(ADMIN, private, POH_PASSWORD, sealed)
    slots.save()
    with pytest.raises(UnlockError) as refused:
        unlock.unlock_with_password(db_path, ADMIN, POH_PASSWORD)
    assert "sleutelvak" in str(refused.value)
    # The refusal is counted for beheer and audited at the next unlock.
    own = unlock.unlock_with_password(db_path, POH, POH_PASSWORD)
    failed = audit_logins(own, "unlock_failed")
    own.close()
    assert failed == [ADMIN]


def test_older_slot_of_the_same_user_is_refused_after_a_password_change(ctx, db_path: Path):
    ctx.close()
    old_keys = read_keys(db_path)
    again = unlock.unlock_with_password(db_path, ADMIN, PASSWORD)
    users.change_password(again, "nieuw-wachtwoord")
    again.close()
    write_keys(db_path, old_keys)  # someone who knew the old password puts its slot back
    with pytest.raises(UnlockError):
        unlock.unlock_with_password(db_path, ADMIN, PASSWORD)


# -- finding 2: the keyring unlocked any login ---------------------------------------------
def test_keyring_entry_of_one_login_does_not_open_another(ctx, db_path: Path, memory_keyring):
    add_team(ctx)
    ctx.close()
    poh = unlock.unlock_with_password(db_path, POH, POH_PASSWORD)
    assert unlock.remember_on_this_computer(poh)
    db_id = poh.keyslots.db_id
    poh.close()
    stored = memory_keyring.store
    assert set(stored) == {(KEYRING_SERVICE, f"{db_id}/{POH}")}
    value = stored[(KEYRING_SERVICE, f"{db_id}/{POH}")]
    assert poh.db.data_key.hex() not in value  # a device secret, never the data key
    # Without an entry of its own, beheer is not remembered here.
    assert not unlock.remembered_here(db_path, ADMIN)
    with pytest.raises(UnlockError):
        unlock.unlock_with_keyring(db_path, ADMIN)
    # poh1's entry copied to beheer's name in the keyring: refused.
    stored[(KEYRING_SERVICE, f"{db_id}/{ADMIN}")] = value
    with pytest.raises(UnlockError):
        unlock.unlock_with_keyring(db_path, ADMIN)
    # ...and with poh1's device slot also copied into beheer's entry in .keys: refused.
    data = read_keys(db_path)
    data["users"][ADMIN]["devices"] = data["users"][POH]["devices"]
    write_keys(db_path, data)
    with pytest.raises(UnlockError):
        unlock.unlock_with_keyring(db_path, ADMIN)
    # poh1 is still remembered as poh1 only; remembering again adds no second device slot.
    remembered = unlock.unlock_with_keyring(db_path, POH)
    assert remembered.user.login == POH
    assert unlock.remember_on_this_computer(remembered)
    remembered.close()
    assert len(read_keys(db_path)["users"][POH]["devices"]) == 1


# -- finding 3: deactivation revoked nothing ------------------------------------------------
def test_deactivation_rotates_old_slots_and_recovery_key_stop_working(
    tmp_path: Path, db_path: Path
):
    first = unlock.init_database(
        db_path,
        practice_name="Praktijk Rotatie (fictief)",
        admin_login=ADMIN,
        admin_name="Bea Beheer (fictief)",
        password=PASSWORD,
    )
    ctx = first.context
    old_recovery = first.recovery_key
    add_team(ctx)
    from pzmdo.services import backup

    before = backup.backup(ctx, tmp_path / "voor-deactivering.db")
    assert keyslot_path(before).exists()
    rotation = users.deactivate_user(ctx, POH)
    assert rotation is not None and rotation.recovery_key != old_recovery
    assert rotation.without_slot == ()
    ctx.close()

    # The deactivated user's slot, taken from the backup's .keys, against the live database.
    live = read_keys(db_path)
    old = read_keys(before)
    assert POH not in live["users"]
    live["users"][POH] = old["users"][POH]
    write_keys(db_path, live)
    with pytest.raises((UnlockError, DatabaseError)):
        unlock.unlock_with_password(db_path, POH, POH_PASSWORD)
    # The whole old .keys file put back: no user opens the live database with it.
    shutil.copyfile(keyslot_path(before), keyslot_path(db_path))
    for login, secret in ((POH, POH_PASSWORD), (ADMIN, PASSWORD)):
        with pytest.raises(DatabaseError):
            unlock.unlock_with_password(db_path, login, secret)
    del live["users"][POH]
    write_keys(db_path, live)  # the live file back

    # Old recovery key: refused by pzmdo and by an independent SQLCipher 4 reader.
    with pytest.raises(UnlockError):
        unlock.unlock_with_recovery_key(db_path, old_recovery, ADMIN)
    assert not sqlcipher_opens(db_path, old_recovery)
    # Every active user and the new recovery key open it; the reader agrees.
    for login, secret in ((ADMIN, PASSWORD), (GP, GP_PASSWORD)):
        opened = unlock.unlock_with_password(db_path, login, secret)
        assert opened.db.data_key == bytes.fromhex(rotation.recovery_key.replace(" ", ""))
        opened.close()
    assert sqlcipher_opens(db_path, rotation.recovery_key)
    unlock.unlock_with_recovery_key(db_path, rotation.recovery_key, ADMIN).close()
    # The backup made before keeps its old key and slots (README says so).
    assert sqlcipher_opens(before, old_recovery)


def test_rotation_refused_while_another_session_has_the_database(ctx, db_path: Path):
    other = unlock.unlock_with_password(db_path, ADMIN, PASSWORD)
    try:
        with pytest.raises(DatabaseError) as busy:
            custody.rotate_data_key(ctx)
        assert "andere werkplek" in str(busy.value)
    finally:
        other.close()
    result = custody.rotate_data_key(ctx)  # alone now
    assert sqlcipher_opens(db_path, result.recovery_key)


def test_only_a_beheerder_rotates(ctx, db_path: Path):
    add_team(ctx)
    ctx.close()
    gp = unlock.unlock_with_password(db_path, GP, GP_PASSWORD)
    with pytest.raises(Exception) as refused:
        custody.rotate_data_key(gp)
    gp.close()
    assert "beheerder" in str(refused.value)


# -- finding 5 (part): failures per login, never global --------------------------------------
def test_failures_of_one_login_do_not_slow_down_another(ctx, db_path: Path, monkeypatch):
    add_team(ctx)
    ctx.close()
    for _ in range(6):
        with pytest.raises(UnlockError):
            unlock.unlock_with_password(db_path, POH, "fout")  # waits are only poh1's
    slots = KeySlotFile.load(db_path)
    assert slots.delay_seconds(POH) > 0
    assert slots.delay_seconds(ADMIN) == 0
    slept: list[float] = []
    monkeypatch.setattr(keys.time, "sleep", slept.append)
    unlock.unlock_with_password(db_path, ADMIN, PASSWORD).close()
    assert slept == []


# -- finding 6: world-readable files, logins stored verbatim ---------------------------------
def test_files_are_private_and_a_mistyped_password_is_not_stored(tmp_path: Path, monkeypatch):
    folder = tmp_path / "nieuw" / "map"
    db = folder / "pzmdo.db"
    monkeypatch.setattr(keys.time, "sleep", lambda _s: None)
    made = unlock.init_database(
        db, practice_name="P (fictief)", admin_login=ADMIN, admin_name="B", password=PASSWORD
    )
    from pzmdo.services import backup

    backup.backup(made.context, backup_dir(db) / "kopie.db")
    made.context.close()
    typed = "MijnGeheimeWachtwoord99"  # typed into the login field by mistake
    with pytest.raises(UnlockError):
        unlock.unlock_with_password(db, typed, "iets")
    assert typed.lower() not in keyslot_path(db).read_text().lower()
    assert typed not in keyslot_path(db).read_text()
    ok = unlock.unlock_with_password(db, ADMIN, PASSWORD)
    shown = audit_logins(ok, "unlock_failed")
    ok.close()
    assert len(shown) == 1 and typed.lower() not in shown[0].lower()
    for path in (folder, backup_dir(db)):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"pzmdo.db", "pzmdo.db.keys", "kopie.db", "kopie.db.keys"}
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_an_existing_world_readable_database_is_made_private_on_unlock(ctx, db_path: Path):
    ctx.close()
    db_path.chmod(0o644)
    keyslot_path(db_path).chmod(0o644)
    unlock.unlock_with_password(db_path, ADMIN, PASSWORD).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(keyslot_path(db_path).stat().st_mode) == 0o600


# -- finding 7: the recovery key could not repair a lost .keys -------------------------------
def test_recovery_rebuilds_a_lost_key_file_then_users_and_passwords_work(
    tmp_path: Path, db_path: Path
):
    made = unlock.init_database(
        db_path, practice_name="P (fictief)", admin_login=ADMIN, admin_name="B", password=PASSWORD
    )
    add_team(made.context)
    made.context.close()
    keyslot_path(db_path).unlink()
    result = unlock.recover(db_path, made.recovery_key, ADMIN, "na-herstel-wachtwoord")
    ctx = result.context
    assert result.rotation.without_slot == (GP, POH)  # their slots were in the lost file
    assert not sqlcipher_opens(db_path, made.recovery_key)
    assert sqlcipher_opens(db_path, result.rotation.recovery_key)
    # Adding users and changing passwords work again.
    from pzmdo.domain.enums import Role

    users.add_user(ctx, login="nieuw", name="N (fictief)", role=Role.OVERIG, password="nieuw-ww-1")
    users.reset_password(ctx, POH, "poh-opnieuw-1")
    users.change_password(ctx, "nog-een-wachtwoord")
    ctx.close()
    for login, secret in (
        (ADMIN, "nog-een-wachtwoord"),
        ("nieuw", "nieuw-ww-1"),
        (POH, "poh-opnieuw-1"),
    ):
        opened = unlock.unlock_with_password(db_path, login, secret)
        assert opened.user.login == login
        opened.close()
    with pytest.raises(UnlockError):
        unlock.unlock_with_password(db_path, GP, GP_PASSWORD)


def test_recovery_needs_a_beheerder(ctx, db_path: Path):
    add_team(ctx)
    recovery = format_recovery_key(ctx.db.data_key)
    ctx.close()
    with pytest.raises(Exception) as refused:
        unlock.recover(db_path, recovery, GP, "huisarts-herstel")
    assert "beheerder" in str(refused.value)
    unlock.unlock_with_password(db_path, GP, GP_PASSWORD).close()  # nothing changed


def test_a_rotation_cut_off_after_the_re_encryption_is_completed_at_the_next_unlock(
    ctx, db_path: Path
):
    """The crash-safe order: new seals staged in .keys, then PRAGMA rekey, then (cut off
    here) the epoch and the clean-up. Users still get in, and the rotation is completed."""
    add_team(ctx)
    new_key = keys.new_data_key()
    with KeySlotFile.update(db_path) as slots:
        for login in (ADMIN, POH, GP):
            slots.add_sealed(login, new_key, slots.public_key(login), slots.epoch + 1)
    ctx.db.rekey(new_key)
    ctx.close()  # the process dies before anything else
    opened = unlock.unlock_with_password(db_path, POH, POH_PASSWORD)
    assert opened.db.data_key == new_key
    opened.close()
    data = read_keys(db_path)
    assert data["epoch"] == 1
    assert all(list(u["sealed"]) == ["1"] for u in data["users"].values())
    unlock.unlock_with_password(db_path, ADMIN, PASSWORD).close()


def test_a_backup_from_before_a_rotation_is_not_restored_over_the_live_database(
    ctx, tmp_path: Path, db_path: Path
):
    """Restoring it would bring the old key (and a former colleague's slot) back."""
    from pzmdo.services import backup

    add_team(ctx)
    old = backup.backup(ctx, tmp_path / "oud.db")
    users.deactivate_user(ctx, POH)
    ctx.close()
    key = backup.key_for_restore(db_path, old, ADMIN, PASSWORD)
    with pytest.raises(DatabaseError):
        backup.restore(db_path, old, key)
    unlock.unlock_with_password(db_path, ADMIN, PASSWORD).close()
