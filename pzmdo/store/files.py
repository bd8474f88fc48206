"""Private files: everything pzmdo writes is readable by the OS user only (0600, folders 0700).

One place for how files are created, replaced atomically and locked, so the database, the
key-slot file, backups, logs and exports all get the same treatment.
"""

from __future__ import annotations

import fcntl
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from pzmdo.store.filelock import FileLock

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: Path) -> Path:
    """Create a folder (and missing parents) readable only by this user; existing folders
    made by pzmdo keep their mode, folders chosen by the user are left alone."""
    path = Path(path)
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=DIR_MODE, exist_ok=True)
        os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask
    return path


def create_private(path: Path) -> None:
    """Create an empty file 0600 (fails when it exists), e.g. before SQLite opens it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)


def restrict(path: Path) -> None:
    """Make an existing file private (files copied by other tools, older databases)."""
    with suppress(FileNotFoundError):
        os.chmod(path, FILE_MODE)


@contextmanager
def open_private(path: Path, mode: str = "a", encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Open for writing/appending; a newly created file is 0600 from its first byte."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC)
    fd = os.open(path, flags, FILE_MODE)
    with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as fh:
        yield fh


def temp_name(path: Path, suffix: str = ".tmp") -> Path:
    """A unique temporary name next to ``path`` (concurrent writers never share one)."""
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}{suffix}")


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a unique temp file, fsync it, rename over ``path``, fsync the folder:
    a crash leaves the old or the new file, never half of one."""
    path = Path(path)
    tmp = temp_name(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def copy_private(source: Path, target: Path) -> None:
    """Copy a file atomically into a private file."""
    write_atomic(Path(target), Path(source).read_bytes())


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename itself is still atomic
    finally:
        os.close(fd)


@contextmanager
def file_lock(lock_path: Path) -> Iterator[None]:
    """An exclusive advisory lock for a short read-modify-write (waits for other holders)."""
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


# -- whole-database lock -------------------------------------------------------------------
# One protocol for the whole project (``pzmdo.store.filelock``): sessions hold ``<db>.lock``
# shared; whatever must be alone with the file (restore, the key rotation's PRAGMA rekey)
# holds it exclusively and a refusal names who has it open.


class SessionLock(FileLock):
    """A shared hold on the database for as long as a session has it open (waits while a
    restore or a key rotation has the file to itself)."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(db_path)
        self.acquire_shared()
