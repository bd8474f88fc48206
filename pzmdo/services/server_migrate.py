"""Moving house: a local encrypted database to an empty server database, or a server
database back into a new encrypted file (``pzmdo migrate --to`` / ``--from``).

The source is read in one snapshot and never changed (a local file is opened read-only);
the target is written in one transaction that commits only after every table's row count
and checksum matched and the audit chain verified on the target. The audit chain is copied
verbatim, so its head (on PDFs and in backup manifests) stays valid; the migration itself is
then recorded as the next event on the target, and on a server that was copied from.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.errors import DatabaseError, PermissionDenied, ValidationError
from pzmdo.domain.permissions import Action, allowed, refusal
from pzmdo.services import custody
from pzmdo.services.context import CurrentUser, audit
from pzmdo.services.server_admin import open_server
from pzmdo.services.unlock import (
    data_key_for,
    discard_new_database,
    validate_login,
    validate_new_password,
)
from pzmdo.store import audit_chain, migrate, server
from pzmdo.store.copy import (
    KEY_TABLES,
    CopyRefused,
    TableCheck,
    begin_bulk_copy,
    blank,
    check_table,
    copy_table,
    end_bulk_copy,
    filled_tables,
    reset_sequences,
    tables,
)
from pzmdo.store.database import READ_ONLY, Database
from pzmdo.store.files import SessionLock
from pzmdo.store.keys import (
    KeySlotFile,
    format_recovery_key,
    new_data_key,
    new_key_pair,
    seal,
)
from pzmdo.store.models import AppUser
from pzmdo.store.models.keys import KeyState
from pzmdo.store.paths import keyslot_path

# Called with a table's name and its number of rows once it is copied.
Progress = Callable[[str, int], None]

# Moving the whole database is the beheerder's, like restoring a backup.
MIGRATE_RIGHT = Action.RESTORE


@dataclass(frozen=True)
class MigrationResult:
    source: str  # the file, or the server URL without its password
    target: str
    tables: tuple[TableCheck, ...]  # per table: rows and checksum, equal on both sides
    audit_events: int  # the copied chain, verified on the target
    chain_head: str  # its head, as on PDFs and in backup manifests
    seconds: float
    recovery_key: str | None = None  # a new file's recovery key (shown once)
    without_password: tuple[str, ...] = ()  # active logins that need a new password
    others_open: str | None = None  # who else had the source file open during the copy
    schema_made: bool = False  # the server database was new: the copy made its schema first

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


# -- opening both sides -----------------------------------------------------------------------
def describe_url(url: str) -> str:
    """The server as the user may see it: never its password."""
    return server.parse_url(url).render_as_string(hide_password=True)


def open_file_read_only(path: Path, login: str, password: str) -> tuple[Database, CurrentUser]:
    """The local file, unlocked with a beheerder's password and opened read-only under the
    shared lock: nothing in it changes (a refusal is recorded, like any other)."""
    path = Path(path)
    if not path.exists():
        raise DatabaseError(f"Er is geen database op {path}. Geef het juiste bestand op met --db.")
    key = data_key_for(path, login, password)
    db = Database.open_file(path, key, read_only=True)
    try:
        _require_current_schema(db, "Het bestand")
        with db.session() as s:
            user = s.scalars(select(AppUser).where(AppUser.login == login.strip().lower())).first()
            who = _current(user) if user is not None and user.active else None
    except BaseException:
        db.close()
        raise
    if who is None or not allowed(who.roles, MIGRATE_RIGHT):
        db.close()
        if who is not None:
            _record_refusal(Database.open_file(path, key), who)
        raise PermissionDenied(refusal(who.roles if who else (), MIGRATE_RIGHT))
    return db, who


def _current(user: AppUser) -> CurrentUser:
    return CurrentUser(user.id, user.login, user.person.name, user.roles, user.person_id)


def _record_refusal(db: Database, who: CurrentUser) -> None:
    try:
        with db.transaction() as s:
            audit(s, who, AuditAction.PERMISSION_DENIED, detail={"actie": MIGRATE_RIGHT.value})
    finally:
        db.close()


def _require_current_schema(db: Database, what: str) -> None:
    current = migrate.current_revisions(db)
    if current == migrate.head_revisions():
        return
    if migrate.unknown_revisions(current):
        raise DatabaseError(
            f"{what} is gemaakt met een nieuwere versie van pzmdo. Verhuis met die versie (of "
            "een nieuwere); er is niets gewijzigd."
        )
    if db.is_sqlite:
        raise DatabaseError(
            f"{what} heeft een ouder schema. Open het eerst één keer met deze versie van pzmdo "
            "(dan wordt het bijgewerkt) en probeer het opnieuw; er is niets gewijzigd."
        )
    raise DatabaseError(
        f"{what} staat niet op het schema van deze versie van pzmdo. Laat de beheerder eerst "
        "'pzmdo server init' uitvoeren; er is niets gewijzigd."
    )


def _schema_for_a_new_database(target: Database) -> bool:
    """A database the server's administrator has only just made (no tables at all) gets the
    schema first, as its owner (``pzmdo server init`` afterwards adds the rules and the
    beheerder's login). A database holding anything else is left alone."""
    if migrate.current_revisions(target) or not blank(target.engine):
        return False
    migrate.upgrade(target)
    return True


@contextmanager
def _snapshot(db: Database) -> Iterator[Connection]:
    """One read transaction on the source: every table is read from the same moment."""
    with db.engine.connect() as conn:
        if db.is_sqlite:
            conn = conn.execution_options(**{READ_ONLY: True})
        else:
            conn = conn.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        with conn.begin():
            yield conn


# -- the copy ---------------------------------------------------------------------------------
def _copy_all(
    source: Connection,
    target: Connection,
    *,
    skip: frozenset[str],
    what: str,
    progress: Progress | None,
) -> tuple[tuple[TableCheck, ...], int, str]:
    """Copy, then prove it: (checks per table, events in the chain, chain head).

    Runs inside the target's transaction; any error leaves the target as it was."""
    filled = filled_tables(target, skip)
    if filled:
        raise DatabaseError(
            f"{what} is niet leeg (er staan al gegevens in, bijvoorbeeld in de tabel "
            f"{filled[0]}). pzmdo verhuist alleen naar een lege database; er is niets geschreven."
        )
    begin_bulk_copy(target)
    copied: list[TableCheck] = []
    for table in tables(skip):
        try:
            copied.append(copy_table(source, target, table))
        except CopyRefused as exc:
            raise DatabaseError(
                f"De tabel {exc.table} kon niet worden overgezet: de database weigerde een rij "
                f"(foutcode {exc.code}). Er is niets overgezet; meld dit aan de beheerder."
            ) from None
        if progress is not None:
            progress(table.name, copied[-1].rows)
    reset_sequences(target)
    for expected, table in zip(copied, tables(skip), strict=True):
        found = check_table(target, table)
        if found != expected:
            raise DatabaseError(
                f"De controle van de tabel {table.name} klopt niet ({expected.rows} rijen "
                f"gelezen, {found.rows} teruggelezen of een andere inhoud). Er is niets "
                "overgezet; meld dit aan de beheerder."
            )
    session = Session(bind=target)
    events, broken = audit_chain.verify(session)
    if broken is not None:
        raise DatabaseError(
            f"De audittrail klopt na het kopiëren niet ({broken.reason}). Er is niets overgezet; "
            "meld dit aan de beheerder."
        )
    end_bulk_copy(target)
    return tuple(copied), events, audit_chain.head(session).short


def _record(
    conn: Connection, by: CurrentUser | None, action: AuditAction, detail: dict[str, object]
) -> None:
    session = Session(bind=conn)
    audit(session, by, action, login="migratie", detail=detail)
    session.flush()


def copy_to_server(
    source: Database,
    target_url: str,
    *,
    by: CurrentUser | None = None,
    server_password: str | None = None,
    progress: Progress | None = None,
) -> MigrationResult:
    """Copy the open ``source`` into the empty server database at ``target_url`` (its
    owner's account: the copy keeps every row and audit event as it is), verify, commit.

    Callable from Python (the region benchmark loads its database this way)."""
    started = time.monotonic()
    source_name = str(source.path) if source.path is not None else "server"
    target = open_server(target_url, server_password)
    try:
        _require_current_schema(source, "De bron")
        made = _schema_for_a_new_database(target)
        _require_current_schema(target, "De server-database")
        with _snapshot(source) as src, target.engine.connect() as dst, dst.begin():
            checks, events, head = _copy_all(
                src, dst, skip=frozenset(), what="De server-database", progress=progress
            )
            detail = {"van": source_name, "tabellen": len(checks), "kop": head}
            _record(dst, by, AuditAction.MIGRATE_IN, detail)
        with target.engine.connect() as dst, dst.begin():
            # Fresh planner statistics: without them the first searches on the moved
            # register walked the name index (75-82 ms instead of 17 ms at region size).
            dst.exec_driver_sql("ANALYZE")
    finally:
        target.close()
    return MigrationResult(
        source_name,
        describe_url(target_url),
        checks,
        events,
        head,
        time.monotonic() - started,
        schema_made=made,
    )


def migrate_to_server(
    path: Path,
    login: str,
    password: str,
    target_url: str,
    *,
    server_password: str | None = None,
    progress: Progress | None = None,
) -> MigrationResult:
    """``pzmdo migrate --to``: the local file (read-only) to an empty server database."""
    source, user = open_file_read_only(path, login, password)
    try:
        others = source.holders()
        result = copy_to_server(
            source, target_url, by=user, server_password=server_password, progress=progress
        )
        return replace(result, others_open=others or source.holders())
    finally:
        source.close()


def migrate_from_server(
    source_url: str,
    path: Path,
    login: str,
    new_password: str,
    *,
    server_password: str | None = None,
    progress: Progress | None = None,
) -> MigrationResult:
    """``pzmdo migrate --from``: a server database into a new encrypted file.

    The file gets its own data key; the beheerder ``login`` gets a slot with
    ``new_password``; the other users need a new password from the beheerder."""
    started = time.monotonic()
    path = Path(path)
    if path.exists() or keyslot_path(path).exists():
        raise ValidationError(
            f"Op {path} staat al een database. Kies een nieuw bestand; er is niets gewijzigd."
        )
    login = validate_login(login)
    validate_new_password(new_password)
    source = open_server(source_url, server_password)
    try:
        _require_current_schema(source, "De server-database")
        with Session(source.engine) as s:
            found = s.scalars(select(AppUser).where(AppUser.login == login)).first()
            who = _current(found) if found is not None and found.active else None
            others = sorted(
                u.login
                for u in s.scalars(select(AppUser).where(AppUser.active))
                if u.login != login
            )
        if who is None or not allowed(who.roles, MIGRATE_RIGHT):
            if who is not None:
                with source.engine.begin() as conn:
                    _record(
                        conn, who, AuditAction.PERMISSION_DENIED, {"actie": MIGRATE_RIGHT.value}
                    )
            raise PermissionDenied(refusal(who.roles if who else (), MIGRATE_RIGHT))
        checks, events, head, recovery = _new_file_from(source, path, who, new_password, progress)
        with source.engine.begin() as conn:  # the server records that it was copied
            _record(
                conn, who, AuditAction.MIGRATE_OUT, {"naar": str(path), "tabellen": len(checks)}
            )
    finally:
        source.close()
    return MigrationResult(
        describe_url(source_url),
        str(path),
        checks,
        events,
        head,
        time.monotonic() - started,
        recovery_key=recovery,
        without_password=tuple(others),
    )


def _new_file_from(
    source: Database,
    path: Path,
    who: CurrentUser,
    password: str,
    progress: Progress | None,
) -> tuple[tuple[TableCheck, ...], int, str, str]:
    """Make the encrypted file (as ``pzmdo init`` does), copy into it in one transaction,
    give the beheerder keys; nothing half-made stays behind on failure."""
    data_key = new_data_key()
    fresh = KeySlotFile.for_database(path)
    private, public = new_key_pair()
    lock: SessionLock | None = None
    db: Database | None = None
    try:
        lock = SessionLock(path)
        db = Database.open_file(path, data_key, create=True, lock=lock)
        migrate.upgrade(db)
        with (
            KeySlotFile.update(path, otherwise=fresh) as slots,
            _snapshot(source) as src,
            db.engine.connect() as dst,
            dst.begin(),
        ):
            checks, events, head = _copy_all(
                src, dst, skip=KEY_TABLES, what="Het nieuwe bestand", progress=progress
            )
            session = Session(bind=dst)
            session.add(KeyState(id=1, db_id=slots.db_id, epoch=0, adopt_open=False))
            sealed = {0: seal(data_key, public, slots.db_id, who.login, 0)}
            custody.register_key(
                session, who.id, public, slots.set_user(who.login, private, password, sealed)
            )
            audit(
                session,
                who,
                AuditAction.MIGRATE_IN,
                detail={"van": "server", "tabellen": len(checks), "kop": head},
            )
            session.flush()
    except BaseException:
        if db is not None:
            db.close()
        if lock is not None:
            lock.release()
        discard_new_database(path)
        raise
    db.close()
    lock.release()
    return checks, events, head, format_recovery_key(data_key)
