"""One lock protocol for a database file, shared by the GUI, the CLI and background jobs.

Every open session holds a *shared* ``flock`` on ``<db>.lock``; whatever replaces the file
(restore) takes it *exclusively*, so it can never pull the file from under an open session.
Each holder also keeps a small info file in ``<db>.lock.d/`` (program, process, computer,
login), itself ``flock``-ed while held: a refusal can then name who holds the database, and
an info file nobody holds any more is known to be stale.

The GUI's one-window-per-database rule uses the same mechanism (``instance_lock``).
"""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import itertools
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pzmdo.domain.errors import DatabaseError

SHARED_WAIT_S = 10.0  # how long a new session waits for a restore to finish
_counter = itertools.count(1)
_program = "pzmdo"


def set_program_name(name: str) -> None:
    """What other processes see as the holder ("pzmdo restore", "pzmdo (venster)")."""
    global _program
    _program = name


def lock_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock")


def holders_dir(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock.d")


@dataclass(frozen=True)
class Holder:
    program: str
    pid: int
    host: str
    login: str

    def describe(self) -> str:
        return (
            f"{self.program} van gebruiker {self.login} op computer {self.host} (proces {self.pid})"
        )


def describe_holders(holders: list[Holder]) -> str:
    if not holders:
        return "een ander programma"
    return "; ".join(h.describe() for h in holders)


def _private_dirs(folder: Path) -> None:
    """Missing folders are made readable by this user only (as everything pzmdo writes)."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    for each in reversed(missing):
        each.mkdir(mode=0o700, exist_ok=True)


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


def _os_error(exc: OSError, db_path: Path) -> DatabaseError:
    if exc.errno in (30, 13, 1):  # EROFS, EACCES, EPERM
        return DatabaseError(
            f"De map {Path(db_path).parent} is alleen-lezen of niet toegankelijk; pzmdo kan de "
            "database daar niet openen. Kies een map waarin u mag schrijven."
        )
    if exc.errno == 28:  # ENOSPC
        return DatabaseError(
            "De schijf is vol; er is niets opgeslagen. Maak ruimte vrij en probeer het opnieuw."
        )
    return DatabaseError(
        f"Het vergrendelbestand naast de database kan niet worden gemaakt ({exc.strerror}). "
        "Controleer de map en probeer het opnieuw."
    )


class FileLock:
    """A shared or exclusive hold on ``<db>.lock`` plus this holder's info file."""

    def __init__(self, db_path: Path, *, lock_file: Path | None = None) -> None:
        self.db_path = Path(db_path)
        self.path = lock_file or lock_path(self.db_path)
        self.dir = self.path.with_name(self.path.name + ".d")
        self._fh: IO[bytes] | None = None
        self._info: IO[bytes] | None = None
        self._info_path: Path | None = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire_shared(self, wait_s: float = SHARED_WAIT_S) -> None:
        """Join the sessions; wait a little while a restore holds the file alone."""
        deadline = time.monotonic() + wait_s
        while True:
            if self._try(fcntl.LOCK_SH):
                return
            if time.monotonic() >= deadline:
                raise DatabaseError(
                    "De database wordt op dit moment vervangen (teruggezet) door "
                    f"{describe_holders(self.holders())}. Wacht tot dat klaar is en probeer "
                    "het opnieuw."
                )
            time.sleep(0.1)

    def acquire_exclusive(self, action: str) -> None:
        """Hold the file alone, or refuse at once naming who has it open."""
        if self._try(fcntl.LOCK_EX):
            return
        raise DatabaseError(
            f"{action} kan nu niet: de database is geopend door "
            f"{describe_holders(self.holders())}. Sluit dat programma (of log daar uit) en "
            "probeer het opnieuw; er is niets gewijzigd."
        )

    @contextmanager
    def exclusive(self, action: str = "Deze handeling") -> Iterator[None]:
        """Turn the held shared lock into an exclusive one for the block (or refuse, naming
        who else has the database open), then share again."""
        if self._fh is None:
            raise DatabaseError("De database is gesloten.")
        fd = self._fh.fileno()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fcntl.flock(fd, fcntl.LOCK_SH)  # a failed conversion may have dropped the hold
            raise DatabaseError(
                f"{action} kan nu niet: de database is nog geopend op een andere werkplek of in "
                f"een ander programma ({describe_holders(self.holders())}). Sluit pzmdo daar "
                "(of log daar uit) en probeer het opnieuw; er is niets gewijzigd."
            ) from None
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_SH)

    def _try(self, mode: int) -> bool:
        try:
            _private_dirs(self.path.parent)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError as exc:
            raise _os_error(exc, self.db_path) from None
        fh = os.fdopen(fd, "r+b")
        try:
            fcntl.flock(fh.fileno(), mode | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            return False
        self._fh = fh
        # Without the info the lock still holds; a refusal then says "een ander programma".
        with contextlib.suppress(OSError):
            self._write_info()
        return True

    def _write_info(self) -> None:
        _private_dirs(self.dir)
        host = socket.gethostname()
        name = f"{host}-{os.getpid()}-{next(_counter)}.json"
        path = self.dir / name
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        info = os.fdopen(fd, "r+b")
        try:
            fcntl.flock(info.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            data = {"program": _program, "pid": os.getpid(), "host": host, "login": _login()}
            info.write(json.dumps(data).encode())
            info.flush()
        except OSError:  # a full disk: no info, and no empty file left behind
            path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                info.close()
            raise
        self._info, self._info_path = info, path

    def holders(self) -> list[Holder]:
        """Everyone else holding the lock now (stale info files are removed)."""
        found: list[Holder] = []
        try:
            entries = sorted(self.dir.glob("*.json"))
        except OSError:
            return found
        for entry in entries:
            if entry == self._info_path:
                continue
            try:
                with open(entry, "rb") as fh:
                    try:
                        fcntl.flock(fh.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
                    except BlockingIOError:
                        data = json.loads(fh.read() or b"{}")
                        found.append(
                            Holder(
                                str(data.get("program", "pzmdo")),
                                int(data.get("pid", 0)),
                                str(data.get("host", "?")),
                                str(data.get("login", "?")),
                            )
                        )
                        continue
                entry.unlink(missing_ok=True)  # nobody holds it: left by a killed process
            except (OSError, ValueError):
                continue
        return found

    def release(self) -> None:
        if self._info is not None:
            if self._info_path is not None:
                self._info_path.unlink(missing_ok=True)
            self._info.close()
            self._info = self._info_path = None
        if self._fh is not None:
            self._fh.close()  # closing the descriptor drops the flock
            self._fh = None

    def __enter__(self) -> FileLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def instance_lock(db_path: Path) -> FileLock | None:
    """One pzmdo window per database on this computer; None when another window has it."""
    lock = FileLock(db_path, lock_file=Path(db_path).with_name(Path(db_path).name + ".window"))
    try:
        lock.acquire_exclusive("Openen")
    except DatabaseError:
        return None
    return lock


# -- temporary files -----------------------------------------------------------------------
JOURNALS = ("-wal", "-shm", "-journal")


def hold_temp(path: Path) -> IO[bytes]:
    """Create ``path`` empty and ``flock`` it while it is being written: a file that is not
    held any more was left by a killed process (``remove_leftovers``)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
    fh = os.fdopen(fd, "r+b")
    fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fh


def remove_leftovers(db_path: Path, backup_folder: Path) -> list[Path]:
    """Temporary files a killed backup or restore left behind, removed at the next start.

    Only files nobody holds: the caller holds the shared lock (so no restore runs) and a
    backup in progress holds its temporary file."""
    db_path = Path(db_path)
    candidates = [db_path.with_name(db_path.name + ".restore.tmp")]
    with contextlib.suppress(OSError):
        candidates += sorted(backup_folder.glob("*.tmp"))
    removed: list[Path] = []
    for tmp in candidates:
        paths = [p for p in (tmp, *(tmp.with_name(tmp.name + j) for j in JOURNALS)) if p.exists()]
        if not paths or _held(tmp):
            continue
        for leftover in paths:
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed.append(leftover)
    return removed


def _held(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False
