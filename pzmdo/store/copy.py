"""Copying a whole pzmdo database between back ends (SQLCipher file <-> PostgreSQL).

Every table is copied in foreign-key order, in batches, over two open connections: the
caller holds one read transaction on the source (one snapshot) and one write transaction on
the target (all or nothing). A copy is checked per table: the number of rows and a SHA-256
over the rows in primary-key order with every value normalised (timestamps as naive UTC
ISO text, booleans, decimals, bytes), computed from the rows read on the source and from
the rows read back from the target.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    Row,
    String,
    Table,
    func,
    inspect,
    literal,
    select,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import ColumnElement, Select

from pzmdo.store.models import Base, Setting

BATCH = 2000  # rows per read and per multi-row insert

# The setting that says which program wrote a database describes that database itself:
# each side keeps its own (the target's was stamped when its schema was made).
WRITTEN_BY = "written_by"

# Key custody (the data key's slots and each user's public key) belongs to one encrypted
# file; a file made from a server gets keys of its own.
KEY_TABLES = frozenset({"key_state", "user_key"})

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class TableCheck:
    table: str
    rows: int
    checksum: str  # SHA-256 hex over the normalised rows in primary-key order


def tables(skip: Iterable[str] = ()) -> list[Table]:
    """Every pzmdo table in foreign-key order (a row's parents come first)."""
    left_out = set(skip)
    return [t for t in Base.metadata.sorted_tables if t.name not in left_out]


def _own_rows(table: Table) -> ColumnElement[bool] | None:
    """Rows of ``table`` that describe one database only: never copied, never compared."""
    if table.name == Setting.__tablename__:
        return table.c.key != WRITTEN_BY
    return None


def _select(table: Table, dialect: str) -> Select[Any]:
    """All rows to copy, in primary-key order. Text keys sort by code point on both back
    ends (PostgreSQL's collation would order them differently from SQLite)."""
    order = [
        col.collate("C") if dialect == "postgresql" and isinstance(col.type, String) else col
        for col in table.primary_key.columns
    ]
    query = select(table).order_by(*order)
    where = _own_rows(table)
    return query if where is None else query.where(where)


def normalise(value: Any) -> Any:
    """A value as both back ends give it back: JSON-encodable and identical."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, datetime):
        naive = value if value.tzinfo is None else value.astimezone(UTC).replace(tzinfo=None)
        return naive.isoformat(timespec="microseconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return "d:" + format(value.normalize(), "f")
    if isinstance(value, float):
        return "f:" + repr(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "b:" + bytes(value).hex()
    raise TypeError(f"no normal form for {type(value).__name__}")


def _plain(table: Table) -> list[bool]:
    """Per column: whether its values (int, str or None) need no normal form. The checksum
    normalises only the others (hashing 100,000 patients' rows, most columns are plain)."""
    plain = []
    for col in table.columns:
        try:
            kind = col.type.python_type
        except NotImplementedError:
            kind = object
        plain.append(kind in (int, str))
    return plain


class _Digest:
    def __init__(self, table: Table) -> None:
        self.table = table.name
        self.rows = 0
        self._plain = _plain(table)
        self._hash = hashlib.sha256()

    def add(self, part: Sequence[Row[Any]]) -> None:
        """One batch of rows, in order."""
        encode, plain = _ENCODER.encode, self._plain
        lines = [
            encode([v if p else normalise(v) for p, v in zip(plain, row, strict=True)])
            for row in part
        ]
        self._hash.update(("\n".join(lines) + "\n").encode())
        self.rows += len(part)

    def check(self) -> TableCheck:
        return TableCheck(self.table, self.rows, self._hash.hexdigest())


def check_table(conn: Connection, table: Table) -> TableCheck:
    """Row count and checksum of ``table`` as ``conn`` sees it."""
    digest = _Digest(table)
    result = conn.execute(_select(table, conn.dialect.name).execution_options(yield_per=BATCH))
    for part in result.partitions():
        digest.add(part)
    return digest.check()


class CopyRefused(Exception):
    """The target refused a row of ``table`` (``code``: SQLSTATE or SQLite result code)."""

    def __init__(self, table: str, code: str) -> None:
        super().__init__(table, code)
        self.table, self.code = table, code


def copy_table(source: Connection, target: Connection, table: Table) -> TableCheck:
    """Copy every row of ``table`` (values as given, ids kept); returns the count and the
    checksum of what was read from the source."""
    digest = _Digest(table)
    result = source.execute(_select(table, source.dialect.name).execution_options(yield_per=BATCH))
    write = _copy_writer(target, table)
    try:
        for part in result.partitions():
            digest.add(part)
            write(part)
    except Exception as exc:  # the driver's own errors too (COPY bypasses SQLAlchemy)
        orig = getattr(exc, "orig", exc)
        code = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorcode", None)
        if code is None and not isinstance(exc, DBAPIError):
            raise
        raise CopyRefused(table.name, str(code or "?")) from None
    return digest.check()


def _copy_writer(target: Connection, table: Table) -> Callable[[Sequence[Row[Any]]], None]:
    """How a batch of rows goes into the target: PostgreSQL's COPY (several times faster
    than multi-row INSERTs at region size), else multi-row INSERTs. COPY gets the values
    as the column types bind them (timestamps as naive UTC)."""
    if target.dialect.name != "postgresql":

        def insert(part: Sequence[Row[Any]]) -> None:
            target.execute(table.insert(), [row._asdict() for row in part])

        return insert
    quote = target.dialect.identifier_preparer
    columns = list(table.columns)
    binders = [c.type.bind_processor(target.dialect) for c in columns]
    statement = (
        f"COPY {quote.format_table(table)} ({', '.join(quote.quote(c.name) for c in columns)}) "
        "FROM STDIN"
    )
    raw: Any = target.connection.driver_connection  # psycopg's connection, in our transaction

    def write(part: Sequence[Row[Any]]) -> None:
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row in part:
                copy.write_row(
                    [v if bind is None else bind(v) for bind, v in zip(binders, row, strict=True)]
                )

    return write


def filled_tables(conn: Connection, skip: Iterable[str] = ()) -> list[str]:
    """The tables that already hold data (a database only just made holds none)."""
    found = []
    for table in tables(skip):
        probe = select(literal(1)).select_from(table).limit(1)
        where = _own_rows(table)
        if conn.execute(probe if where is None else probe.where(where)).first() is not None:
            found.append(table.name)
    return found


def blank(engine: Engine) -> bool:
    """A database without a single table (as ``CREATE DATABASE`` leaves it)."""
    return not inspect(engine).get_table_names()


def reset_sequences(conn: Connection) -> None:
    """PostgreSQL: each id sequence continues after the highest copied id (SQLite keeps
    its own counter up to date on every insert)."""
    if conn.dialect.name != "postgresql":
        return
    quote = conn.dialect.identifier_preparer
    for table in tables():
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer):
            continue
        highest = conn.execute(select(func.max(keys[0]))).scalar()
        sequence = conn.execute(
            select(func.pg_get_serial_sequence(quote.format_table(table), keys[0].name))
        ).scalar()
        if highest is not None and sequence is not None:
            conn.execute(select(func.setval(sequence, highest)))


def begin_bulk_copy(conn: Connection) -> None:
    """PostgreSQL: the server's audit trigger keeps copied events exactly as given (only for
    the owner of the tables, until the transaction ends)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL pzmdo.bulk_copy = 'on'")


def end_bulk_copy(conn: Connection) -> None:
    """New events in the same transaction are numbered and hashed as usual again."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL pzmdo.bulk_copy = 'off'")
