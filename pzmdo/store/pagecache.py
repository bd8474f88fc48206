"""A larger SQLite page cache for one unit of work that reads much of the database.

Each connection keeps its own page cache (``PRAGMA cache_size`` in ``database._on_connect``).
A unit that reads more pages than that (the quality figures over a whole region) reads
some pages twice, and on SQLCipher every page read from the file is decrypted again: the
unit asks for more for its own duration; the connection's size is restored afterwards
(SQLite then frees the extra pages). Other back ends have their own server-side caches.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session


@contextlib.contextmanager
def larger_page_cache(session: Session, mebibytes: int) -> Iterator[None]:
    """Within ``session``'s transaction, a page cache of ``mebibytes`` MiB (SQLite only)."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    before = int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
    conn.exec_driver_sql(f"PRAGMA cache_size = -{int(mebibytes) * 1024}")
    try:
        yield
    finally:
        with contextlib.suppress(SQLAlchemyError):  # a broken connection is discarded anyway
            conn.exec_driver_sql(f"PRAGMA cache_size = {before}")
