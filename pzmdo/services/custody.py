"""Key custody: slots checked against the database, passwords, devices, rotation.

The ``.keys`` file says which keys a login has; the encrypted database says which keys that
login *should* have (public key + slot fingerprint, table ``user_key``). A slot copied from
another login, an older slot of the same login or a slot from a backup made before a
rotation is refused. A rotation gives the database a new data key (``PRAGMA rekey``) sealed
to every active user's public key, so old slots and the old recovery key stop working.

Lock order everywhere: session lock, then the ``.keys`` file lock, then a database transaction.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pzmdo.domain.enums import Role
from pzmdo.domain.errors import NotFoundError, PermissionDenied, UnlockError, ValidationError
from pzmdo.services.context import AppContext
from pzmdo.store.files import SessionLock
from pzmdo.store.keys import (
    KeySlotFile,
    KeyUnlock,
    format_recovery_key,
    keyring_get,
    keyring_set,
    new_data_key,
    new_key_pair,
    seal,
)
from pzmdo.store.models import AppUser
from pzmdo.store.models.keys import KeyState, UserKey

Progress = Callable[[int, str], None]


class SlotRefused(UnlockError):
    """A slot that does not match what the database knows of that login."""


SLOT_REFUSED = (
    "Het sleutelvak van deze gebruiker past niet bij de database (gekopieerd, verouderd of "
    "van een andere gebruiker). Log in met uw eigen gegevens of vraag de beheerder om een "
    "nieuw wachtwoord."
)


@dataclass(frozen=True)
class RotationResult:
    recovery_key: str  # formatted; shown once
    epoch: int
    without_slot: tuple[str, ...]  # active logins that need a new password from the beheerder


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def require_key_admin(ctx: AppContext) -> None:
    """Who may rotate keys and rebuild slots."""
    if ctx.user.role != Role.BEHEERDER.value:
        raise PermissionDenied("Alleen een beheerder mag de sleutels van de database beheren.")


def _local(ctx: AppContext) -> Path:
    if ctx.db.path is None or ctx.db.data_key is None:
        raise ValidationError("Sleutels en wachtwoorden bestaan alleen bij een lokale database.")
    return ctx.db.path


def key_state(s: Session, db_id: str | None = None, epoch: int = 0) -> KeyState:
    """The one key_state row; a database from before key custody gets one (adopt open)."""
    state = s.get(KeyState, 1)
    if state is None:
        if db_id is None:
            raise UnlockError(
                "De sleutelgegevens in de database ontbreken. Gebruik de herstelsleutel."
            )
        state = KeyState(id=1, db_id=db_id, epoch=epoch, adopt_open=True)
        s.add(state)
        s.flush()
    return state


def register_key(s: Session, user_id: int, public: bytes, fingerprint: str) -> None:
    record = s.get(UserKey, user_id)
    if record is None:
        s.add(UserKey(user_id=user_id, public_key=_b64(public), slot_fingerprint=fingerprint))
    else:
        record.public_key = _b64(public)
        record.slot_fingerprint = fingerprint


def verify_slot(
    s: Session,
    slots: KeySlotFile,
    user: AppUser,
    found: KeyUnlock,
    epoch: int,
    password: str | None,
) -> bytes | None:
    """Refuse a slot the database does not know for this login; upgrade a format-1 slot.

    Returns the user's private key (new for an upgraded slot). Changes ``slots`` in memory;
    the caller saves it under the file lock."""
    state = key_state(s, slots.db_id, epoch)
    if state.db_id != slots.db_id:
        raise UnlockError(
            "Het sleutelbestand hoort bij een andere database. Zet het juiste sleutelbestand "
            "terug of gebruik de herstelsleutel."
        )
    record = s.get(UserKey, user.id)
    if found.legacy:
        if record is not None or not state.adopt_open or password is None:
            raise SlotRefused(SLOT_REFUSED)
        private, public = new_key_pair()
        sealed = {epoch: seal(found.data_keys[0][1], public, slots.db_id, user.login, epoch)}
        fingerprint = slots.set_user(user.login, private, password, sealed)
        register_key(s, user.id, public, fingerprint)
        return private
    assert found.public_key is not None
    if record is None:
        if not state.adopt_open or found.fingerprint is None:
            raise SlotRefused(SLOT_REFUSED)
        register_key(s, user.id, found.public_key, found.fingerprint)
    elif record.public_key != _b64(found.public_key) or (
        found.fingerprint is not None and record.slot_fingerprint != found.fingerprint
    ):
        raise SlotRefused(SLOT_REFUSED)
    return found.private_key


# -- users' keys -------------------------------------------------------------------------------
def give_new_keys(
    ctx: AppContext, s: Session, slots: KeySlotFile, user: AppUser, password: str
) -> bytes:
    """A new key pair and password slot for ``user``, with the current data key sealed to it.
    Inside the caller's file lock and transaction."""
    path = _local(ctx)
    assert ctx.db.data_key is not None and path
    state = key_state(s, slots.db_id)
    private, public = new_key_pair()
    sealed = {state.epoch: seal(ctx.db.data_key, public, slots.db_id, user.login, state.epoch)}
    fingerprint = slots.set_user(user.login, private, password, sealed)
    register_key(s, user.id, public, fingerprint)
    return private


def change_own_password(ctx: AppContext, new_password: str) -> None:
    """Re-wrap only the current user's private key (or give them keys after a recovery)."""
    path = _local(ctx)
    with KeySlotFile.update(path) as slots, ctx.unit() as s:
        user = s.get(AppUser, ctx.user.id)
        assert user is not None
        if ctx.private_key is not None and slots.public_key(user.login) is not None:
            fingerprint = slots.set_password(user.login, ctx.private_key, new_password)
            register_key(s, user.id, slots.public_key(user.login) or b"", fingerprint)
        else:
            ctx.private_key = give_new_keys(ctx, s, slots, user, new_password)
        ctx.audit(s, "password_change", entity="app_user", entity_id=ctx.user.id)


def reset_password(ctx: AppContext, login: str, new_password: str) -> None:
    """A beheerder gives a user a new password (new keys; the old slot stops working)."""
    require_key_admin(ctx)
    path = _local(ctx)
    with KeySlotFile.update(path) as slots, ctx.unit() as s:
        user = s.scalars(select(AppUser).where(AppUser.login == login.strip().lower())).first()
        if user is None or not user.active:
            raise NotFoundError(f"Gebruiker '{login}' bestaat niet of is gedeactiveerd.")
        give_new_keys(ctx, s, slots, user, new_password)
        ctx.audit(s, "password_reset", entity="app_user", entity_id=user.id)


def remember_device(ctx: AppContext) -> bool:
    """'Remember on this computer': a device slot for this login only; False without keyring."""
    if ctx.db.path is None or ctx.private_key is None:
        return False
    with KeySlotFile.update(ctx.db.path) as slots:
        if slots.public_key(ctx.user.login) is None:
            return False
        existing = keyring_get(slots.db_id, ctx.user.login)
        if existing is not None and slots.try_device(ctx.user.login, existing) is not None:
            return True  # already remembered here: no second device slot
        value = slots.add_device(ctx.user.login, ctx.private_key)
        if not keyring_set(slots.db_id, ctx.user.login, value):
            raise _NoKeyring
    return True


class _NoKeyring(Exception):
    pass


def remember_on_this_computer(ctx: AppContext) -> bool:
    try:
        return remember_device(ctx)
    except _NoKeyring:
        return False  # the device slot was not saved: the block ended with an error


# -- rotation ----------------------------------------------------------------------------------
def rotate_data_key(ctx: AppContext, progress: Progress | None = None) -> RotationResult:
    """New data key for the whole database (beheerder; nobody else may have it open)."""
    require_key_admin(ctx)
    with alone(ctx):
        return rotate_while_alone(ctx, progress, reason="op verzoek")


@contextmanager
def alone(ctx: AppContext) -> Iterator[None]:
    """Hold the database exclusively (refuses when another session has it open)."""
    path = _local(ctx)
    if ctx.session_lock is None:  # a context made without unlocking (tools, tests)
        ctx.session_lock = SessionLock(path)
    with ctx.session_lock.exclusive():
        yield


def rotate_while_alone(
    ctx: AppContext, progress: Progress | None, *, reason: str
) -> RotationResult:
    """The rotation itself; the caller holds the database exclusively.

    Crash-safe order: the new data key is sealed into ``.keys`` next to the current one
    first, then the file is re-encrypted, then the old seals are dropped. An unlock tries the
    newest seal first and completes an interrupted rotation."""
    path = _local(ctx)
    report = progress or (lambda _pct, _text: None)
    report(5, "Nieuwe sleutel maken")
    new_key = new_data_key()
    with ctx.db.session() as s:
        state = key_state(s)
        epoch = state.epoch + 1
        active = {
            u.login: k.public_key
            for u, k in s.execute(
                select(AppUser, UserKey).join(UserKey, UserKey.user_id == AppUser.id)
            ).all()
            if u.active
        }
        all_active = [u.login for u in s.scalars(select(AppUser).where(AppUser.active))]
    sealed_for: list[str] = []
    with KeySlotFile.update(path) as slots:
        for login, public_b64 in active.items():
            entry = slots.users.get(login)
            if entry is not None and entry["public"] == public_b64:
                slots.add_sealed(login, new_key, base64.b64decode(public_b64), epoch)
                sealed_for.append(login)
    report(20, "Database opnieuw versleutelen")
    ctx.db.rekey(new_key)
    report(80, "Sleutels voor de gebruikers opslaan")
    with ctx.unit() as s:
        state = key_state(s)
        state.epoch = epoch
        state.adopt_open = False
        state.rotated_at = datetime.now(UTC)
        ctx.audit(
            s,
            "key_rotate",
            detail={"epoch": epoch, "reden": reason, "gebruikers": len(sealed_for)},
        )
    with KeySlotFile.update(path) as slots:
        slots.finish_rotation(epoch)
    ctx.keyslots = KeySlotFile.load(path)
    report(100, "Klaar")
    without = tuple(sorted(set(all_active) - set(sealed_for)))
    return RotationResult(format_recovery_key(new_key), epoch, without)


def rebuild_slots(ctx: AppContext, new_password: str) -> None:
    """After a recovery-key unlock: a usable ``.keys`` with new keys for this beheerder.
    Other users' entries stay when the file is still readable and belongs here."""
    require_key_admin(ctx)
    path = _local(ctx)
    with ctx.db.session() as s:
        state = s.get(KeyState, 1)
        db_id = state.db_id if state else None
        epoch = state.epoch if state else 0
    fresh = KeySlotFile.for_database(path, db_id)
    fresh.epoch = epoch
    with KeySlotFile.update(path, otherwise=fresh) as slots:
        if db_id is not None and slots.db_id != db_id:
            slots.db_id, slots.epoch, slots.users, slots.legacy = db_id, epoch, {}, {}
        with ctx.unit() as s:
            key_state(s, slots.db_id, epoch)
            user = s.get(AppUser, ctx.user.id)
            assert user is not None
            ctx.private_key = give_new_keys(ctx, s, slots, user, new_password)
            ctx.audit(s, "keys_rebuild", entity="app_user", entity_id=user.id)
    ctx.keyslots = KeySlotFile.load(path)
