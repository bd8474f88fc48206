"""Creating a database and unlocking it: password slots, OS keyring, recovery key."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import literal_column, select
from sqlalchemy.exc import DBAPIError

from pzmdo import __version__
from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import Discipline, Role
from pzmdo.domain.errors import DatabaseError, UnlockError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_line
from pzmdo.services import custody
from pzmdo.services.context import AppContext, CurrentUser, audit
from pzmdo.services.guard import require
from pzmdo.store import migrate, server
from pzmdo.store.database import Database, explain_pg_error, pg_sqlstate
from pzmdo.store.filelock import remove_leftovers
from pzmdo.store.files import SessionLock, restrict
from pzmdo.store.keys import (
    WRONG_PASSWORD,
    KeySlotFile,
    KeyUnlock,
    format_recovery_key,
    keyring_available,
    keyring_get,
    new_data_key,
    new_key_pair,
    parse_recovery_key,
    record_failure,
    seal,
    server_password_forget,
    server_password_get,
    server_password_set,
)
from pzmdo.store.models import AppUser, AppUserRole, Person, Practice
from pzmdo.store.models.keys import KeyState
from pzmdo.store.models.practices import UserPractice
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
    also_roles: Iterable[Role] = (),
) -> InitResult:
    """Create a new encrypted database with its first user (beheerder, and ``also_roles``:
    in a small practice the beheerder is often also a GP)."""
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
    private, public = new_key_pair()
    lock: SessionLock | None = None
    try:
        lock = SessionLock(path)
        db = Database.open_file(path, data_key, create=True, lock=lock)
        migrate.upgrade(db)
        with KeySlotFile.update(path, otherwise=slots) as slots, db.transaction() as s:
            practice = Practice(name=practice_name.strip())
            s.add(practice)
            discipline = (
                Discipline.HUISARTS if Role.HUISARTS in also_roles else Discipline.COORDINATOR
            )
            person = Person(name=admin_name.strip(), discipline=discipline.value)
            s.add(person)
            s.flush()
            roles = {Role.BEHEERDER.value} | {r.value for r in also_roles}
            user = AppUser(login=login, person_id=person.id)
            user.role_rows = [AppUserRole(role=r) for r in sorted(roles)]
            s.add(user)
            s.flush()
            s.add(UserPractice(user_id=user.id, practice_id=practice.id))
            s.add(KeyState(id=1, db_id=slots.db_id, epoch=0, adopt_open=False))
            sealed = {0: seal(data_key, public, slots.db_id, login, 0)}
            custody.register_key(
                s, user.id, public, slots.set_user(login, private, password, sealed)
            )
            current = CurrentUser(user.id, login, person.name, frozenset(roles), person.id)
            audit(s, current, AuditAction.INIT, detail={"practice": practice_name.strip()})
    except BaseException:
        if lock is not None:
            lock.release()
        discard_new_database(path)  # nothing half-made stays behind
        raise
    ctx = AppContext(db, current, slots, private_key=private, session_lock=lock)
    if remember_on_this_computer:
        custody.remember_on_this_computer(ctx)
    return InitResult(ctx, format_recovery_key(data_key))


def discard_new_database(path: Path) -> None:
    """Remove a database that was being made (its file, key slots and side files)."""
    for leftover in (path, keyslot_path(path), *_sidecars(path)):
        leftover.unlink(missing_ok=True)


def _sidecars(path: Path) -> list[Path]:
    return [
        path.with_name(path.name + suffix)
        for suffix in ("-wal", "-shm", "-journal", ".lock", ".keys.lock")
    ]


def unlock_with_password(path: Path, login: str, password: str) -> AppContext:
    path = Path(path)
    _require_database(path)
    with _session_lock(path) as lock:
        slots = KeySlotFile.load(path)
        slots.wait_after_failures(login)
        found = slots.try_password(login, password)
        if found is None or not found.data_keys:
            record_failure(path, login)
            raise UnlockError(WRONG_PASSWORD)
        return _open_with_slot(path, slots, found, login, lock, "wachtwoord", password)


def data_key_for(path: Path, login: str, password: str) -> bytes:
    """The newest data key a login's slot gives (for restore); failures are counted."""
    slots = KeySlotFile.load(path)
    slots.wait_after_failures(login)
    found = slots.try_password(login, password)
    if found is None or not found.data_keys:
        record_failure(path, login)
        raise UnlockError(WRONG_PASSWORD)
    return found.data_keys[0][1]


def unlock_with_keyring(path: Path, login: str) -> AppContext:
    """This computer's device secret for ``login`` opens that login's device slot only."""
    path = Path(path)
    _require_database(path)
    with _session_lock(path) as lock:
        slots = KeySlotFile.load(path)
        remembered = keyring_get(slots.db_id, login)
        if remembered is None:
            raise UnlockError(
                "Deze computer onthoudt de sleutel van deze gebruiker niet. Log in met uw "
                "wachtwoord."
            )
        slots.wait_after_failures(login)
        found = slots.try_device(login, remembered)
        if found is None or not found.data_keys:
            record_failure(path, login)
            raise UnlockError(
                "Wat deze computer onthoudt, past niet (meer) bij deze gebruiker. Log in met uw "
                "wachtwoord en kies opnieuw 'Onthouden op deze computer'."
            )
        return _open_with_slot(path, slots, found, login, lock, "sleutelbos", None)


def unlock_with_recovery_key(path: Path, recovery_key: str, login: str) -> AppContext:
    path = Path(path)
    _require_database(path)
    data_key = parse_recovery_key(recovery_key)
    with _session_lock(path) as lock:
        db = Database.open_file(path, data_key, lock=lock)
        try:
            slots: KeySlotFile | None = KeySlotFile.load(path)
        except DatabaseError:
            slots = None
        return _finish_open(path, db, slots, login, lock, "herstelsleutel", None, None, 0)


@dataclass(frozen=True)
class RecoverResult:
    context: AppContext
    rotation: custody.RotationResult


def recover(
    path: Path,
    recovery_key: str,
    login: str,
    new_password: str,
    progress: custody.Progress | None = None,
) -> RecoverResult:
    """Recovery key → a beheerder rebuilds ``.keys`` (new keys and password for themself),
    then the data key is rotated: the old recovery key and every old slot stop working."""
    validate_new_password(new_password)
    ctx = unlock_with_recovery_key(path, recovery_key, login)
    try:
        custody.require_key_admin(ctx)
        with custody.alone(ctx):
            custody.rebuild_slots(ctx, new_password)
            rotation = custody.rotate_while_alone(ctx, progress, reason="herstel")
    except BaseException:
        ctx.close()
        raise
    return RecoverResult(ctx, rotation)


def remember_on_this_computer(ctx: AppContext) -> bool:
    """A device slot for this login in the OS keyring; False when there is none."""
    require(ctx, Action.SESSION)
    return custody.remember_on_this_computer(ctx)


def _require_database(path: Path) -> None:
    if not path.exists():
        raise DatabaseError(f"Er is geen database op {path}. Maak er een met 'pzmdo init'.")


@contextmanager
def _session_lock(path: Path) -> Iterator[SessionLock]:
    """Held for the session's lifetime; released here only when unlocking fails.
    Waits while a key rotation has the database to itself."""
    lock = SessionLock(path)
    try:
        yield lock
    except BaseException:
        lock.release()
        raise


def _open_with_slot(
    path: Path,
    slots: KeySlotFile,
    found: KeyUnlock,
    login: str,
    lock: SessionLock,
    method: str,
    password: str | None,
) -> AppContext:
    db, opened = None, 0
    for epoch, data_key in found.data_keys:  # newest first: completes a broken-off rotation
        try:
            db, opened = Database.open_file(path, data_key, lock=lock), epoch
            break
        except UnlockError:
            continue
    if db is None:
        # The key came out of a verified slot, so the file does not belong to it.
        raise DatabaseError(
            "De database opent niet met de sleutel uit het sleutelbestand: het sleutelbestand "
            "komt uit een oudere back-up, of het databasebestand is beschadigd. Zet het juiste "
            "sleutelbestand of de laatste back-up terug (pzmdo restore), of gebruik de "
            "herstelsleutel; er is niets gewijzigd."
        )
    return _finish_open(path, db, slots, login, lock, method, found, password, opened)


def _finish_open(
    path: Path,
    db: Database,
    slots: KeySlotFile | None,
    login: str,
    lock: SessionLock,
    method: str,
    found: KeyUnlock | None,
    password: str | None,
    epoch: int,
) -> AppContext:
    """Check the user and their slot inside the database, audit the failed attempts since
    the last unlock, then hand out the context. Under the ``.keys`` lock: a parallel failure
    is either audited now or stays counted for the next unlock, never lost."""
    restrict(path)
    restrict(keyslot_path(path))
    login = login.strip().lower()
    try:
        # We hold the shared lock, so no restore runs: its temporary files are leftovers.
        remove_leftovers(path, backup_dir(path))
        _upgrade_with_backup(db, path)
        keys_lock = KeySlotFile.update(path) if slots is not None else nullcontext(None)
        with keys_lock as current_slots, db.transaction() as s:
            user = s.scalars(select(AppUser).where(AppUser.login == login)).first()
            if user is None or not user.active:
                raise UnlockError(
                    "Deze gebruiker bestaat niet of is gedeactiveerd. Vraag de beheerder."
                )
            private = None
            if found is not None and current_slots is not None:
                private = custody.verify_slot(s, current_slots, user, found, epoch, password)
                state = custody.key_state(s)
                if epoch > state.epoch:
                    state.epoch = epoch  # a rotation was interrupted after the re-encryption
                if current_slots.epoch < epoch:
                    current_slots.finish_rotation(epoch)
            current = CurrentUser(user.id, user.login, user.person.name, user.roles, user.person_id)
            if current_slots is not None:
                for who, times in current_slots.failures.items():
                    shown = who if not who.startswith("#") else f"onbekend {who}"
                    for at in times:
                        audit(s, None, AuditAction.UNLOCK_FAILED, login=shown, detail={"op": at})
                current_slots.failures = {}
            audit(s, current, AuditAction.UNLOCK, detail={"methode": method})
    except custody.SlotRefused:
        db.close()
        record_failure(path, login)  # audited at the next unlock
        raise
    except BaseException:
        db.close()
        raise
    final_slots = KeySlotFile.load(path) if slots is not None else None
    return AppContext(db, current, final_slots, private_key=private, session_lock=lock)


def _upgrade_with_backup(db: Database, path: Path) -> None:
    """An older database is copied aside (encrypted) before its schema is upgraded."""
    current = migrate.current_revisions(db)
    if current == migrate.head_revisions():
        writer = migrate.written_by(db)
        if writer is None or writer.version != __version__:
            with db.engine.begin() as conn:  # a new program version, the same schema
                migrate.record_writer(conn, current)
        return
    if migrate.unknown_revisions(current):
        raise DatabaseError(
            "Deze database is gemaakt met een nieuwere versie van pzmdo. Installeer die "
            "versie (of een nieuwere) om hem te openen; er is niets gewijzigd."
        )
    if current:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        target = backup_dir(path) / f"voor-upgrade-{migrate.describe(current)}-{stamp}.db"
        from pzmdo.services.backup import backup_database

        backup_database(db, target)
    migrate.upgrade(db)


def known_logins(path: Path) -> list[str]:
    """Logins with a slot (for the unlock screen); empty when unknown."""
    try:
        return KeySlotFile.load(Path(path)).logins()
    except DatabaseError:
        return []


def remembered_here(path: Path, login: str) -> bool:
    """Whether this computer remembers ``login`` for this database."""
    try:
        slots = KeySlotFile.load(Path(path))
    except DatabaseError:
        return False
    return bool(login) and keyring_get(slots.db_id, login) is not None


def default_database_path() -> Path:
    return default_db_path()


def keyring_present() -> bool:
    """Whether this computer has an OS keyring to remember the key in."""
    return keyring_available()


def record_lock(ctx: AppContext) -> None:
    """Audit that the screen was locked (manually or after idle time)."""
    require(ctx, Action.SESSION)
    with ctx.unit() as s:
        ctx.audit(s, AuditAction.LOCK)


def reopen_as(path: Path, data_key: bytes, login: str, *, method: str) -> AppContext:
    """Open again with a key already in memory (after a restore)."""
    path = Path(path)
    with _session_lock(path) as lock:
        db = Database.open_file(path, data_key, lock=lock)
        try:
            slots: KeySlotFile | None = KeySlotFile.load(path)
        except DatabaseError:
            slots = None
        return _finish_open(path, db, slots, login, lock, method, None, None, 0)


# -- a shared PostgreSQL server -------------------------------------------------------------
def server_url(host: str, port: int, database: str, ca_file: str | None) -> str:
    """The URL of a server from the set-up form (TLS with verify-full, no login, no password)."""
    if not host.strip() or not database.strip():
        raise ValidationError("Vul de naam van de server en van de database in.")
    if not 0 < port < 65536:
        raise ValidationError("Een poortnummer ligt tussen 1 en 65535 (meestal 5432).")
    if not ca_file:
        raise ValidationError("Kies het CA-certificaat van de praktijk (van de beheerder).")
    return server.server_url(host, port, database, ca_file)


def check_server_url(url: str) -> str:
    """A server address typed by a person (``--server``, ``PZMDO_SERVER``): checked, and
    refused with a password in it (visible to other programs); the URL pzmdo uses."""
    return server.parse_url(url, allow_password=False).render_as_string(hide_password=False)


def server_label(url: str) -> str:
    """``host/database``: what the status bar and the unlock screen show."""
    return server.label(server.parse_url(url))


def probe_server(url: str) -> str:
    """Whether the server can be reached and proves who it is (TLS, verify-full), before
    anyone logs in; raises the Dutch reason, returns the label."""
    parsed = server.parse_url(url)
    if not server.is_socket(parsed):
        problem = server.probe_tls(parsed)
        if problem is not None:
            raise problem
    return server.label(parsed)


def unlock_on_server(
    url: str, login: str, password: str, *, remember: bool = False, method: str = "wachtwoord"
) -> AppContext:
    """Log in to a server as ``login`` (a PostgreSQL login role) with its password.

    The current user is the ``app_user`` whose login is ``session_user``. A schema the
    server's beheerder has not brought up to this program's head is refused (an application
    login never runs DDL). With ``remember`` the password goes into the OS keyring, per
    server and login, after the login succeeded."""
    login = validate_login(login)
    if not password:
        raise UnlockError("Geef uw wachtwoord voor de server.")
    parsed = server.with_login(server.parse_url(url), login)
    db = Database.open_url(parsed, password=password)
    try:
        _require_server_schema(db)
        with db.transaction() as s:
            user = s.scalars(
                select(AppUser).where(AppUser.login == literal_column("session_user"))
            ).first()
            if user is None:
                raise UnlockError(
                    f"Bij de aanmelding '{login}' hoort op deze server geen pzmdo-gebruiker. "
                    "Vraag de beheerder u toe te voegen met 'pzmdo server add-user'."
                )
            if not user.active:
                raise UnlockError("Deze gebruiker is gedeactiveerd. Vraag de beheerder.")
            current = CurrentUser(user.id, user.login, user.person.name, user.roles, user.person_id)
            audit(s, current, AuditAction.UNLOCK, detail={"methode": method, "server": True})
    except BaseException:
        db.close()
        raise
    if remember:
        server_password_set(server.keyring_id(parsed), login, password)
    return AppContext(db, current)


def unlock_on_server_with_keyring(url: str, login: str) -> AppContext:
    """Log in with the password this computer remembers for ``login`` on this server."""
    login = validate_login(login)
    server_id = server.keyring_id(server.parse_url(url))
    remembered = server_password_get(server_id, login)
    if remembered is None:
        raise UnlockError(
            "Deze computer onthoudt het wachtwoord van deze gebruiker voor deze server niet. "
            "Log in met uw wachtwoord."
        )
    try:
        return unlock_on_server(url, login, remembered, method="sleutelbos")
    except server.WrongLogin:
        server_password_forget(server_id, login)
        raise UnlockError(
            "Het wachtwoord dat deze computer onthield, klopt niet meer (gewijzigd?). Log in "
            "met uw wachtwoord en kies opnieuw 'Onthoud op deze computer'."
        ) from None


def server_password_remembered(url: str, login: str) -> bool:
    """Whether this computer remembers ``login``'s password for this server."""
    if not login.strip():
        return False
    try:
        server_id = server.keyring_id(server.parse_url(url))
    except ValidationError:
        return False
    return server_password_get(server_id, login.strip()) is not None


def forget_server_password(url: str, login: str) -> None:
    server_password_forget(server.keyring_id(server.parse_url(url)), login.strip())


def _require_server_schema(db: Database) -> None:
    """The server's schema must stand at this program's head: older means the beheerder
    runs ``pzmdo server init`` (with the owner account), newer means install that pzmdo."""
    try:
        current = migrate.current_revisions(db)
    except DBAPIError as exc:
        if pg_sqlstate(exc) == "42501":  # set up by 'server init', but not for this login
            raise UnlockError(
                "Deze aanmelding is op deze server geen pzmdo-gebruiker. Vraag de beheerder "
                "u toe te voegen met 'pzmdo server add-user'."
            ) from None
        if pg_sqlstate(exc) != "42P01":  # 42P01: no schema yet
            raise explain_pg_error(exc, db.url) from None
        current = ()
    if current == migrate.head_revisions():
        return
    if migrate.unknown_revisions(current):
        raise DatabaseError(
            "De database op de server is bijgewerkt door een nieuwere versie van pzmdo. "
            "Installeer die versie (of een nieuwere) op deze computer; er is niets gewijzigd."
        )
    raise DatabaseError(
        "De database op de server is nog niet (of niet helemaal) ingericht voor deze versie "
        "van pzmdo. De beheerder moet eerst 'pzmdo server init' uitvoeren met het "
        "eigenaarsaccount van de server; er is niets gewijzigd."
    )
