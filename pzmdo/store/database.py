"""Opening the encrypted database: SQLCipher 4 under SQLAlchemy 2, or a PostgreSQL URL.

A raw 256-bit key is passed to SQLCipher (``PRAGMA key = "x'..'"``), so opening costs no
key derivation; the file keeps SQLCipher 4's default settings and any SQLCipher 4 tool
opens it with the recovery key.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from pzmdo.domain.errors import DatabaseError, PzmdoError, UnlockError
from pzmdo.store import server
from pzmdo.store.filelock import FileLock, describe_holders
from pzmdo.store.files import create_private, private_dir

BUSY_TIMEOUT_MS = 10_000  # a bounded wait for another writer, then a "bezet" message

# Primary SQLite result codes (``sqlite_errorcode & 0xFF``).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

# A broken uniqueness rule: SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY; on
# PostgreSQL SQLSTATE 23505 (unique_violation).
SQLITE_UNIQUE_VIOLATIONS = (2067, 1555)
PG_UNIQUE_VIOLATION = "23505"
STORED_MEANWHILE = (
    "Dit kon niet worden opgeslagen: iemand anders heeft hetzelfde tegelijk gewijzigd, of het "
    "bestaat al. Er is niets opgeslagen; laad het scherm opnieuw en probeer het nog eens."
)

# Execution option that marks a read-only unit (plain BEGIN); everything else is a write
# unit and begins with BEGIN IMMEDIATE, so the reads guarding a change hold the write lock.
READ_ONLY = "pzmdo_read_only"


def _connect(path: Path, key: bytes, read_only: bool = False) -> Any:
    # Read-only (mode=ro): SQLite never writes the file, not even a checkpoint at close.
    target = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
    conn = sqlcipher3.connect(
        target, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, uri=read_only
    )
    # The key pragma must be the first statement on a new connection.
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA cipher_log_level = NONE")
    # The driver must not begin transactions itself (it would begin only at the first
    # write, leaving the guarding reads unprotected): ``_on_begin`` emits our BEGIN.
    conn.isolation_level = None
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    return conn


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # A read-only connection leaves the file's journal mode as it is (changing it writes).
    read_only = bool(cur.execute("PRAGMA query_only").fetchone()[0])
    for pragma in (
        "PRAGMA foreign_keys = ON",
        "PRAGMA temp_store = MEMORY",
        # SQLCipher decrypts (and checks) every page it loads: with the default 2 MB cache
        # random-access reads (search, Spiegelinformatie) decrypted the same pages again
        # and again at region size (issue 20). 16 MB per connection, used as needed.
        "PRAGMA cache_size = -16384",
        f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
        "PRAGMA synchronous = FULL",
        *(() if read_only else ("PRAGMA journal_mode = WAL",)),
    ):
        cur.execute(pragma)
    cur.close()


def _on_begin(conn: Any) -> None:
    read_only = conn.get_execution_options().get(READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of a driver error (or the SQLAlchemy error around it)."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def _disk_full(path: Path | None) -> bool:
    """An I/O error on a disk without free space is a full disk (SQLite reports a full
    tmpfs as a failed shared-memory resize, say)."""
    if path is None:
        return False
    try:
        stat = os.statvfs(Path(path).parent)
    except OSError:
        return False
    return stat.f_bavail * stat.f_frsize < 1024 * 1024


def explain_sqlite_error(
    exc: BaseException, holders: str | None = None, path: Path | None = None
) -> DatabaseError:
    """Turn a low-level error into a Dutch message that says what happened and what to do.

    Classified by SQLite's result code, never by the message (which may quote data)."""
    code = sqlite_code(exc)
    io_error = code == SQLITE_IOERR or isinstance(exc, OSError)
    if (
        code == SQLITE_FULL
        or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC)
        or (io_error and _disk_full(path))
    ):
        return DatabaseError(
            "De schijf is vol; er is niets opgeslagen. Maak ruimte vrij en probeer het opnieuw."
        )
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        who = f" door {holders}" if holders else " door een ander programma of een andere werkplek"
        return DatabaseError(
            f"De database is bezet{who}; er is niets opgeslagen. Wacht even en probeer het opnieuw."
        )
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN) or (
        isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
    ):
        return DatabaseError(
            "De database kan niet worden beschreven (alleen-lezen map of geen rechten); er is "
            "niets opgeslagen. Controleer de map en de bestandsrechten."
        )
    if code == SQLITE_IOERR or isinstance(exc, OSError):
        return DatabaseError(
            "De schijf gaf een lees- of schrijffout; er is niets opgeslagen. Controleer de schijf "
            "(of de netwerkverbinding) en probeer het opnieuw."
        )
    if code == SQLITE_NOTADB:
        return DatabaseError(
            "Dit bestand is geen pzmdo-database of de sleutel past niet. Controleer welk bestand "
            "u opent; er is niets gewijzigd."
        )
    if code == SQLITE_CORRUPT:
        return DatabaseError(
            "De database is beschadigd. Zet een back-up terug (pzmdo restore) of neem contact "
            "op met de beheerder."
        )
    return DatabaseError(
        "De database gaf een onverwachte fout; er is niets opgeslagen. Probeer het opnieuw en "
        "meld het aan de beheerder als het blijft gebeuren."
    )


def is_unique_violation(exc: BaseException) -> bool:
    """A broken uniqueness rule, on either back end: stored meanwhile by someone else (or it
    exists already). Other constraint errors are not."""
    orig = getattr(exc, "orig", None) or exc
    if getattr(orig, "sqlite_errorcode", None) in SQLITE_UNIQUE_VIOLATIONS:
        return True
    return getattr(orig, "sqlstate", None) == PG_UNIQUE_VIOLATION


def pg_sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE a PostgreSQL error carries (None when libpq failed before a session)."""
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None)
    return str(state) if state else None


def _pg_connect_args(url: URL) -> dict[str, Any]:
    """libpq options the URL does not set itself: a bounded connect, keep-alives that notice
    a dead network within a minute, and our name in the server's activity list."""
    wanted: dict[str, Any] = {
        "connect_timeout": server.CONNECT_TIMEOUT_S,
        "application_name": "pzmdo",
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
    }
    return {k: v for k, v in wanted.items() if k not in url.query}


_NO_RIGHTS = (
    "Daarvoor heeft u op de server geen rechten; er is niets opgeslagen. Vraag de beheerder "
    "als u dit wel zou moeten kunnen."
)
_AT_THE_SAME_TIME = (
    "Iemand anders werkte tegelijk aan dezelfde gegevens; er is niets opgeslagen. Probeer het "
    "opnieuw."
)
_PG_MESSAGES: dict[str, str] = {
    "28P01": server.WRONG_LOGIN,  # invalid_password (also an unknown login)
    "28000": server.LOGIN_REFUSED,  # invalid_authorization_specification (pg_hba)
    "3D000": server.NO_DATABASE,  # invalid_catalog_name
    "42501": _NO_RIGHTS,  # insufficient_privilege (also a row-level security refusal)
    "40001": _AT_THE_SAME_TIME,  # serialization_failure
    "40P01": _AT_THE_SAME_TIME,  # deadlock_detected
    PG_UNIQUE_VIOLATION: STORED_MEANWHILE,
    "53100": (  # disk_full
        "De schijf van de server is vol; er is niets opgeslagen. Meld het aan de beheerder van "
        "de server."
    ),
    "53200": (  # out_of_memory
        "De server heeft te weinig geheugen; er is niets opgeslagen. Probeer het zo opnieuw en "
        "meld het aan de beheerder van de server als het blijft gebeuren."
    ),
    "53300": (  # too_many_connections
        "De server heeft geen verbindingen meer vrij. Probeer het over een paar minuten opnieuw "
        "en meld het aan de beheerder van de server als het blijft gebeuren."
    ),
    "57P01": server.RESTARTING,  # admin_shutdown
    "57P02": server.RESTARTING,  # crash_shutdown
    "57P03": server.RESTARTING,  # cannot_connect_now
    "25006": (  # read_only_sql_transaction: a hot standby
        "Deze server is een alleen-lezen reserveserver (standby); er is niets opgeslagen. Vraag "
        "de beheerder naar het adres van de hoofdserver."
    ),
    "57014": (  # query_canceled (statement_timeout)
        "De server brak de opdracht af omdat die te lang duurde; er is niets opgeslagen. Probeer "
        "het opnieuw en meld het aan de beheerder als het blijft gebeuren."
    ),
    "42P01": server.SCHEMA_MISMATCH,  # undefined_table
    "42703": server.SCHEMA_MISMATCH,  # undefined_column
}


def pg_explained(exc: BaseException) -> bool:
    """Whether a PostgreSQL error is the user's situation (server, network, rights) rather
    than a fault in pzmdo, which goes to the error log by type and place instead."""
    state = pg_sqlstate(exc)
    if state is None:
        return isinstance(exc, OperationalError)  # no session, or the connection was lost
    return state in _PG_MESSAGES or state.startswith("08")


def explain_pg_error(exc: BaseException, url: URL | None = None) -> PzmdoError:
    """A PostgreSQL error as one Dutch sentence: by SQLSTATE once a session exists; before
    that (libpq gives no SQLSTATE) by what the connection got to and a TLS probe. Never by
    the message, which may quote data (and libpq's names the login)."""
    state = pg_sqlstate(exc)
    if state in _PG_MESSAGES:
        message = _PG_MESSAGES[state]
        if state == "28P01":
            return server.WrongLogin(message)
        return (UnlockError if state in ("28000", "3D000") else DatabaseError)(message)
    if state is not None and state.startswith("08"):
        return DatabaseError(server.CONNECTION_LOST)
    # Imported here for start-up time: only a server session gets here.
    from psycopg.errors import ConnectionTimeout

    orig = getattr(exc, "orig", None) or exc
    pgconn = getattr(orig, "pgconn", None)
    if isinstance(orig, ConnectionTimeout) and url is not None and not server.is_socket(url):
        problem = server.probe_tls(url)
        if problem is not None:
            return problem
    if state is None and pgconn is not None and not pgconn.server_version:
        return server.explain_connect_failure(pgconn, url)
    if state is None and (
        getattr(exc, "connection_invalidated", False) or isinstance(exc, OperationalError)
    ):
        return DatabaseError(server.CONNECTION_LOST)
    return DatabaseError(
        "De server gaf een onverwachte fout; er is niets opgeslagen. Probeer het opnieuw en "
        "meld het aan de beheerder als het blijft gebeuren."
    )


class Database:
    """An opened database: engine and session factories, plus where it came from."""

    def __init__(
        self,
        engine: Engine,
        path: Path | None,
        data_key: bytes | None,
        lock: FileLock | None = None,
    ) -> None:
        self.engine = engine
        self.path = path
        self.data_key = data_key
        self.lock = lock
        self.url: URL | None = None  # a server's URL (with the login's password: never shown)
        self._owns_lock = False  # a lock the caller passed in is released by the caller
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def open_file(
        cls,
        path: Path,
        key: bytes,
        *,
        create: bool = False,
        session_lock: bool = True,
        lock: FileLock | None = None,
        read_only: bool = False,
    ) -> Database:
        """Open (or with ``create`` make) an encrypted file; verify the key at once.
        ``read_only``: SQLite opens the file read-only and nothing is ever written to it.

        The session holds the shared file lock until ``close()``, so nothing replaces the
        file meanwhile: the caller's ``lock`` (already held, released by the caller), else
        one of its own (``session_lock=False`` only for whoever holds the file alone)."""
        path = Path(path)
        if "\0" in str(path):
            raise DatabaseError("De naam van het databasebestand bevat een ongeldig teken.")
        if not create and not path.exists():
            raise DatabaseError(f"Er is geen database op {path}. Maak er een met 'pzmdo init'.")
        if create:
            try:
                private_dir(path.parent)
                if not path.exists():
                    create_private(path)  # SQLite's -wal/-shm copy the file's mode
            except OSError as exc:
                raise explain_sqlite_error(exc, None, path) from None
        owns_lock = lock is None and session_lock
        if owns_lock:
            lock = FileLock(path)
            lock.acquire_shared()
        engine = create_engine(
            "sqlite://",
            module=sqlcipher3.dbapi2,  # the pysqlcipher dialect would re-key with a passphrase
            creator=lambda: _connect(path, key, read_only),
            pool_pre_ping=False,
            # "sqlite://" would pick SingletonThreadPool (one connection per thread-local).
            # Qt's pool threads lose Python thread-locals between jobs, so that pool kept
            # opening connections and closed ones still in use by the other worker thread
            # (a segfault under the GUI runner). A queue pool hands each unit of work its
            # own connection.
            poolclass=QueuePool,
            pool_size=5,
            max_overflow=10,
            hide_parameters=True,  # SQL parameters are patient data: never in a message
        )
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
        if read_only:  # every unit begins with a plain BEGIN: there is no write lock to take
            engine = engine.execution_options(**{READ_ONLY: True})
        db = cls(engine, path, key, lock)
        db._owns_lock = owns_lock
        db.verify()
        return db

    @classmethod
    def open_url(cls, url: str | URL, *, password: str | None = None) -> Database:
        """A shared server (PostgreSQL): TLS with verify-full over the network (refused
        otherwise), a connect timeout, and the login's ``password`` (never in a URL that
        is stored anywhere). The first connection is made at once: a failure is one Dutch
        sentence (wrong password, server unreachable, certificate not trusted...)."""
        parsed = server.parse_url(url)
        if password is not None:
            parsed = parsed.set(password=password)
        engine = create_engine(
            parsed,
            connect_args=_pg_connect_args(parsed),
            pool_pre_ping=True,  # a connection the server or network dropped is replaced
            pool_size=5,
            max_overflow=5,
            pool_timeout=15,
            pool_recycle=1800,
            hide_parameters=True,  # SQL parameters are patient data: never in a message
        )
        db = cls(engine, None, None)
        db.url = parsed
        db.verify()
        return db

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def server_label(self) -> str | None:
        """``host/database`` of a server (for the status bar); None for a file."""
        return server.label(self.url) if self.url is not None else None

    def verify(self) -> None:
        """A wrong key only shows at the first read: read now, and say what it means."""
        try:
            with self.engine.connect().execution_options(**{READ_ONLY: True}) as conn:
                conn.execute(
                    text("SELECT count(*) FROM sqlite_master" if self.is_sqlite else "SELECT 1")
                )
        except Exception as exc:
            explained = self._explain(exc)
            self.close()
            if self.is_sqlite and sqlite_code(exc) == SQLITE_NOTADB:
                raise UnlockError(
                    "De database kan met deze sleutel niet worden geopend: de sleutel is onjuist "
                    "of het bestand is beschadigd. Er is niets gewijzigd."
                ) from None
            raise explained from None

    def close(self) -> None:
        """Close every pooled connection, then let go of the file lock (if it is ours)."""
        self.engine.dispose()
        if self.lock is not None and self._owns_lock:
            self.lock.release()

    def holders(self) -> str | None:
        """Who else has this database open, for a "bezet" message (None when unknown)."""
        if self.lock is None:
            return None
        found = self.lock.holders()
        return describe_holders(found) if found else None

    # -- units of work -----------------------------------------------------------------
    def session(self) -> Session:
        """A session for reading (plain BEGIN: concurrent with other readers and a writer)."""
        return self._read_sessions()

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Session]:
        """One unit of work: commit on success, roll back everything on any error.

        A write unit begins with BEGIN IMMEDIATE: it waits (bounded) for any other writer,
        and everything it reads stays valid until it commits."""
        session = (self._sessions if write else self._read_sessions)()
        try:
            with session.begin():
                yield session
        except DBAPIError as exc:
            if isinstance(exc, IntegrityError):
                raise  # the caller tells a unique violation (stored meanwhile) from the rest
            if self.is_sqlite and not isinstance(exc.orig, DRIVER_ERRORS):
                raise
            if not self.is_sqlite and not pg_explained(exc):
                raise
            raise self._explain(exc) from None
        except DRIVER_ERRORS as exc:
            raise self._explain(exc) from None
        except OSError as exc:
            raise explain_sqlite_error(exc, None, self.path) from None
        finally:
            session.close()

    def _explain(self, exc: BaseException) -> PzmdoError:
        if not self.is_sqlite:
            return explain_pg_error(exc, self.url)
        holders = self.holders() if sqlite_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED) else None
        return explain_sqlite_error(exc, holders, self.path)

    def rekey(self, new_key: bytes) -> None:
        """Re-encrypt the whole file with ``new_key`` (SQLCipher's ``PRAGMA rekey``).

        The caller makes sure no other process has the file open. Pooled connections still
        hold the old key, so the pool is emptied first and the engine rebuilt afterwards."""
        if self.path is None:
            raise DatabaseError("Een gedeelde server beheert zijn eigen sleutels.")
        self.engine.dispose()
        conn = _connect(self.path, self.data_key or b"")
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # no page under the old key stays
        except (sqlite3.Error, sqlcipher3.Error) as exc:
            raise explain_sqlite_error(exc, None, self.path) from None
        finally:
            conn.close()
        fresh = Database.open_file(self.path, new_key, session_lock=False)  # we hold ours
        self.engine, self._sessions, self.data_key = fresh.engine, fresh._sessions, new_key
        self._read_sessions = fresh._read_sessions

    def integrity_check(self) -> list[str]:
        """Problems reported by SQLite's integrity check (empty when all is well)."""
        if not self.is_sqlite:
            return []
        with self.engine.connect().execution_options(**{READ_ONLY: True}) as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        problems = [] if rows == ["ok"] else rows
        problems += [f"verwijzing ontbreekt: tabel {r[0]} rij {r[1]}" for r in fk]
        return problems


DRIVER_ERRORS = (
    sqlite3.OperationalError,
    sqlcipher3.OperationalError,
    sqlite3.DatabaseError,
    sqlcipher3.DatabaseError,
)
