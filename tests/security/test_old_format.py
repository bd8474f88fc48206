"""A database made before key custody opens and is upgraded, user by user."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from pzmdo.domain.errors import UnlockError
from pzmdo.services import custody, unlock
from pzmdo.store import migrate
from pzmdo.store.paths import keyslot_path
from tests.conftest import ADMIN, PASSWORD
from tests.security.helpers import audit_logins, read_keys, sqlcipher_opens, write_keys
from tests.support.old_keys import make_old_database, old_slot

pytestmark = pytest.mark.file_only  # files from before key custody

POH, POH_PW = "poh.oud", "poh-oud-wachtwoord"


def test_old_database_opens_and_each_user_is_upgraded_at_first_unlock(tmp_path: Path):
    db = tmp_path / "oud.db"
    data_key = make_old_database(db, ADMIN, PASSWORD, {POH: POH_PW})
    assert read_keys(db)["format"] == 1

    admin = unlock.unlock_with_password(db, ADMIN, PASSWORD)
    assert admin.db.data_key == data_key
    assert migrate.current_revisions(admin.db) == migrate.head_revisions()
    # Old pending failures are audited; the mistyped login only as a hash.
    failed = audit_logins(admin, "unlock_failed")
    assert ADMIN in failed and len(failed) == 2
    assert not any("typfout" in f.lower() for f in failed)
    admin.close()
    upgraded = read_keys(db)
    assert upgraded["format"] == 2 and ADMIN in upgraded["users"]
    assert POH in upgraded["legacy"] and "Typfout" not in keyslot_path(db).read_text()

    poh = unlock.unlock_with_password(db, POH, POH_PW)
    poh.close()
    upgraded = read_keys(db)
    assert POH in upgraded["users"] and upgraded["legacy"] == {}

    # A forged old-format slot for an upgraded login (a downgrade) is refused.
    forged = read_keys(db)
    forged["legacy"][ADMIN] = old_slot(POH_PW, data_key, forged["db_id"])
    saved = copy.deepcopy(forged["users"][ADMIN])
    del forged["users"][ADMIN]
    write_keys(db, forged)
    with pytest.raises(UnlockError):
        unlock.unlock_with_password(db, ADMIN, POH_PW)
    forged["users"][ADMIN] = saved
    del forged["legacy"][ADMIN]
    write_keys(db, forged)

    # Both passwords still work; a rotation now covers both users.
    admin = unlock.unlock_with_password(db, ADMIN, PASSWORD)
    result = custody.rotate_data_key(admin)
    admin.close()
    assert result.without_slot == ()
    assert not sqlcipher_opens(db, data_key) and sqlcipher_opens(db, result.recovery_key)
    unlock.unlock_with_password(db, POH, POH_PW).close()
    unlock.unlock_with_password(db, ADMIN, PASSWORD).close()


def test_not_yet_upgraded_users_are_named_at_rotation_and_get_a_new_password(tmp_path: Path):
    db = tmp_path / "oud.db"
    make_old_database(db, ADMIN, PASSWORD, {POH: POH_PW})
    admin = unlock.unlock_with_password(db, ADMIN, PASSWORD)
    result = custody.rotate_data_key(admin)
    assert result.without_slot == (POH,)
    with pytest.raises(UnlockError):
        unlock.unlock_with_password(db, POH, POH_PW)
    from pzmdo.services import users

    users.reset_password(admin, POH, "poh-nieuw-wachtwoord")
    admin.close()
    unlock.unlock_with_password(db, POH, "poh-nieuw-wachtwoord").close()
