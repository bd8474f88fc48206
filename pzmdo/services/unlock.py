"""Creating a database and unlocking it: password slots, OS keyring, recovery key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from pzmdo.domain.enums import Discipline, Role
from pzmdo.domain.errors import DatabaseError, UnlockError, ValidationError
from pzmdo.domain.text import clean_line
from pzmdo.services.context import AppContext, CurrentUser, audit
from pzmdo.store import migrate
from pzmdo.store.database import Database
from pzmdo.store.filelock import remove_leftovers
from pzmdo.store.keys import (
    KeySlotFile,
    format_recovery_key,
    keyring_available,
    keyring_get,
    keyring_set,
    new_data_key,
    parse_recovery_key,
)
from pzmdo.store.models import AppUser, Person, Practice
from pzmdo.store.paths import backup_dir, default_db_path, keyslot_path

MIN_PASSWORD_LENGTH = 8
MAX_LOGIN = 64


@dataclass(frozen=True)
class InitResult:
    context: AppContext
    recovery_key: str  # formatted, 16 groups of four hex digits


def validate_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"Kies een wachtwoord van minstens {MIN_PASSWORD_LENGTH} tekens.")


def validate_login(login: str) -> str:
    login = login.strip().lower()
    if len(login) > MAX_LOGIN:
        raise ValidationError(
            f"Een gebruikersnaam is hoogstens {MAX_LOGIN} tekens lang. Kies een kortere naam."
        )
    if not login or not all(ch.isalnum() or ch in "._-" for ch in login):
        raise ValidationError(
            "Een gebruikersnaam bestaat uit letters, cijfers, punt, streepje of liggend streepje."
        )
    return login


def database_exists(path: Path) -> bool:
    return Path(path).exists() and keyslot_path(Path(path)).exists()


def init_database(
    path: Path,
    *,
    practice_name: str,
    admin_login: str,
    admin_name: str,
    password: str,
    remember_on_this_computer: bool = False,
) -> InitResult:
    """Create a new encrypted database with its first user (beheerder)."""
    path = Path(path)
    if path.exists() or keyslot_path(path).exists():
        raise ValidationError(
            f"Op {path} staat al een database. Kies een andere plek of open de bestaande."
        )
    login = validate_login(admin_login)
    validate_new_password(password)
    if not practice_name.strip() or not admin_name.strip():
        raise ValidationError("Vul de naam van de praktijk en van de eerste gebruiker in.")
    practice_name = clean_line(practice_name, "de naam van de praktijk", limit=200)
    admin_name = clean_line(admin_name, "de naam van de eerste gebruiker", limit=200)
    data_key = new_data_key()
    slots = KeySlotFile.for_database(path)
    try:
        db = Database.open_file(path, data_key, create=True)
        migrate.upgrade(db)
        with db.transaction() as s:
            s.add(Practice(name=practice_name.strip()))
            person = Person(name=admin_name.strip(), discipline=Discipline.COORDINATOR.value)
            s.add(person)
            s.flush()
            user = AppUser(login=login, person_id=person.id, role=Role.BEHEERDER.value)
            s.add(user)
            s.flush()
            current = CurrentUser(user.id, login, person.name, user.role, person.id)
            audit(s, current, "init", detail={"practice": practice_name.strip()})
        slots.set_password(login, password, data_key)
        slots.save()
    except BaseException:
        # Nothing half-made stays behind.
        for leftover in (path, keyslot_path(path), *_sidecars(path)):
            leftover.unlink(missing_ok=True)
        raise
    if remember_on_this_computer:
        keyring_set(slots.db_id, data_key)
    return InitResult(AppContext(db, current, slots), format_recovery_key(data_key))


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def unlock_with_password(path: Path, login: str, password: str) -> AppContext:
    path = Path(path)
    _require_database(path)
    slots = KeySlotFile.load(path)
    data_key = slots.unwrap(login, password)
    return _open(path, slots, data_key, login, method="wachtwoord")


def unlock_with_keyring(path: Path, login: str) -> AppContext:
    path = Path(path)
    _require_database(path)
    slots = KeySlotFile.load(path)
    data_key = keyring_get(slots.db_id)
    if data_key is None:
        raise UnlockError(
            "Deze computer onthoudt de sleutel van deze database niet. Log in met uw wachtwoord."
        )
    return _open(path, slots, data_key, login, method="sleutelbos")


def unlock_with_recovery_key(path: Path, recovery_key: str, login: str) -> AppContext:
    path = Path(path)
    if not path.exists():
        _require_database(path)
    try:
        slots = KeySlotFile.load(path)
    except DatabaseError:
        slots = None
    return _open(path, slots, parse_recovery_key(recovery_key), login, method="herstelsleutel")


def remember_on_this_computer(ctx: AppContext) -> bool:
    """Store the data key in the OS keyring; False when there is none."""
    if ctx.keyslots is None or ctx.db.data_key is None:
        return False
    return keyring_set(ctx.keyslots.db_id, ctx.db.data_key)


def _require_database(path: Path) -> None:
    if not path.exists():
        raise DatabaseError(f"Er is geen database op {path}. Maak er een met 'pzmdo init'.")


def _open(
    path: Path, slots: KeySlotFile | None, data_key: bytes, login: str, *, method: str
) -> AppContext:
    try:
        db = Database.open_file(path, data_key)
    except UnlockError:
        if slots is None or method == "herstelsleutel":
            raise
        # The key came out of a verified slot, so it is right: the file itself is damaged.
        raise DatabaseError(
            "Het databasebestand is beschadigd en kan niet worden geopend. Zet de laatste "
            "back-up terug (pzmdo restore, of vraag de beheerder); er is niets gewijzigd."
        ) from None
    try:
        # We hold the shared lock, so no restore runs: its temporary files are leftovers.
        remove_leftovers(path, backup_dir(path))
        _upgrade_with_backup(db, path)
        with db.transaction() as s:
            user = s.scalars(select(AppUser).where(AppUser.login == login.strip().lower())).first()
            if user is None or not user.active:
                audit(
                    s, None, "unlock_failed", login=login, detail={"reden": "onbekend of inactief"}
                )
                raise UnlockError(
                    "Deze gebruiker bestaat niet of is gedeactiveerd. Vraag de beheerder."
                )
            current = CurrentUser(user.id, user.login, user.person.name, user.role, user.person_id)
            if slots is not None:
                for failure in slots.take_failures():
                    audit(
                        s,
                        None,
                        "unlock_failed",
                        login=failure["login"],
                        detail={"op": failure["at"]},
                    )
            audit(s, current, "unlock", detail={"methode": method})
    except BaseException:
        db.close()
        raise
    return AppContext(db, current, slots)


def _upgrade_with_backup(db: Database, path: Path) -> None:
    """An older database is copied aside (encrypted) before its schema is upgraded."""
    current = migrate.current_revisions(db)
    if current == migrate.head_revisions():
        return
    if current:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        target = backup_dir(path) / f"voor-upgrade-{migrate.describe(current)}-{stamp}.db"
        from pzmdo.services.backup import backup_database

        backup_database(db, target)
    migrate.upgrade(db)


def known_logins(path: Path) -> list[str]:
    """Logins with a password slot (for the unlock screen); empty when unknown."""
    try:
        return sorted(KeySlotFile.load(Path(path)).slots)
    except DatabaseError:
        return []


def remembered_here(path: Path) -> bool:
    try:
        return keyring_get(KeySlotFile.load(Path(path)).db_id) is not None
    except DatabaseError:
        return False


def default_database_path() -> Path:
    return default_db_path()


def keyring_present() -> bool:
    """Whether this computer has an OS keyring to remember the key in."""
    return keyring_available()


def record_lock(ctx: AppContext) -> None:
    """Audit that the screen was locked (manually or after idle time)."""
    with ctx.unit() as s:
        ctx.audit(s, "lock")


def reopen_as(path: Path, data_key: bytes, login: str, *, method: str) -> AppContext:
    """Open again with a key already in memory (after a restore)."""
    try:
        slots = KeySlotFile.load(path)
    except DatabaseError:
        slots = None
    return _open(path, slots, data_key, login, method=method)
