"""Opening the encrypted database: SQLCipher 4 under SQLAlchemy 2, or a PostgreSQL URL.

A raw 256-bit key is passed to SQLCipher (``PRAGMA key = "x'..'"``), so opening costs no
key derivation; the file keeps SQLCipher 4's default settings and any SQLCipher 4 tool
opens it with the recovery key.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from pzmdo.domain.errors import DatabaseError, UnlockError
from pzmdo.store.files import create_private, private_dir

BUSY_TIMEOUT_MS = 10_000


def _connect(path: Path, key: bytes) -> Any:
    conn = sqlcipher3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    # The key pragma must be the first statement on a new connection.
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    for pragma in (
        "PRAGMA foreign_keys = ON",
        "PRAGMA temp_store = MEMORY",
        f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
        "PRAGMA synchronous = FULL",
    ):
        cur.execute(pragma)
    cur.close()


def explain_sqlite_error(exc: BaseException) -> DatabaseError:
    """Turn a low-level error into a Dutch message that says what to do."""
    text_ = str(exc).lower()
    if (
        "disk is full" in text_
        or "database or disk is full" in text_
        or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC)
    ):
        return DatabaseError(
            "De schijf is vol; er is niets opgeslagen. Maak ruimte vrij en probeer het opnieuw."
        )
    if "locked" in text_ or "busy" in text_:
        return DatabaseError(
            "De database is bezet door een ander programma of een andere werkplek. "
            "Wacht even en probeer het opnieuw."
        )
    if "readonly" in text_ or "read-only" in text_ or "permission" in text_:
        return DatabaseError(
            "De database kan niet worden beschreven (alleen-lezen of geen rechten). "
            "Controleer de map en de bestandsrechten."
        )
    return DatabaseError(
        "De database is beschadigd of geen pzmdo-database. Zet een back-up terug "
        "(pzmdo restore) of neem contact op met de beheerder."
    )


class Database:
    """An opened database: engine and session factory, plus where it came from."""

    def __init__(self, engine: Engine, path: Path | None, data_key: bytes | None) -> None:
        self.engine = engine
        self.path = path
        self.data_key = data_key
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def open_file(cls, path: Path, key: bytes, *, create: bool = False) -> Database:
        """Open (or with ``create`` make) an encrypted file; verify the key at once."""
        path = Path(path)
        if not create and not path.exists():
            raise DatabaseError(f"Er is geen database op {path}. Maak er een met 'pzmdo init'.")
        if create:
            private_dir(path.parent)
            if not path.exists():
                create_private(path)  # SQLite's -wal/-shm copy the file's mode
        engine = create_engine(
            "sqlite://",
            module=sqlcipher3.dbapi2,  # the pysqlcipher dialect would re-key with a passphrase
            creator=lambda: _connect(path, key),
            pool_pre_ping=False,
            # "sqlite://" would pick SingletonThreadPool (one connection per thread-local).
            # Qt's pool threads lose Python thread-locals between jobs, so that pool kept
            # opening connections and closed ones still in use by the other worker thread
            # (a segfault under the GUI runner). A queue pool hands each unit of work its
            # own connection.
            poolclass=QueuePool,
            pool_size=5,
            max_overflow=10,
        )
        event.listen(engine, "connect", _on_connect)
        db = cls(engine, path, key)
        db.verify()
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode = WAL")
        return db

    @classmethod
    def open_url(cls, url: str) -> Database:
        """A shared server (PostgreSQL): the server handles authentication and TLS."""
        engine = create_engine(make_url(url), pool_pre_ping=True)
        db = cls(engine, None, None)
        db.verify()
        return db

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def verify(self) -> None:
        """A wrong key only shows at the first read: read now, and say what it means."""
        try:
            with self.engine.connect() as conn:
                conn.execute(
                    text("SELECT count(*) FROM sqlite_master" if self.is_sqlite else "SELECT 1")
                )
        except Exception as exc:
            self.engine.dispose()
            if "file is not a database" in str(exc) or "not a database" in str(exc):
                raise UnlockError(
                    "De database kan met deze sleutel niet worden geopend: de sleutel is onjuist "
                    "of het bestand is beschadigd. Er is niets gewijzigd."
                ) from None
            raise explain_sqlite_error(exc) from None

    def close(self) -> None:
        self.engine.dispose()

    # -- units of work -----------------------------------------------------------------
    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back everything on any error."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except OperationalError as exc:
            raise explain_sqlite_error(exc.orig or exc) from None
        except (sqlite3.OperationalError, sqlcipher3.OperationalError, OSError) as exc:
            raise explain_sqlite_error(exc) from None
        finally:
            session.close()

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
            raise explain_sqlite_error(exc) from None
        finally:
            conn.close()
        fresh = Database.open_file(self.path, new_key)
        self.engine, self._sessions, self.data_key = fresh.engine, fresh._sessions, new_key

    def integrity_check(self) -> list[str]:
        """Problems reported by SQLite's integrity check (empty when all is well)."""
        if not self.is_sqlite:
            return []
        with self.engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        problems = [] if rows == ["ok"] else rows
        problems += [f"verwijzing ontbreekt: tabel {r[0]} rij {r[1]}" for r in fk]
        return problems
