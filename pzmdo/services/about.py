"""What the About box and ``pzmdo --version`` tell: the version, the licence, the third-party
components with their licences (read from the installed distributions, so always current) and
where the data and backups live."""

from __future__ import annotations

import importlib.metadata as metadata
import re
from dataclasses import dataclass
from pathlib import Path

import pzmdo
from pzmdo.store import migrate
from pzmdo.store.database import Database
from pzmdo.store.paths import backup_dir, default_db_path

# Components that are not Python distributions but ship inside pzmdo.
BUNDLED = (("DejaVu fonts (PDF)", "2.37", "Bitstream Vera / Arev (free font licence)"),)
UNKNOWN_LICENCE = "zie het licentiebestand van het onderdeel"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


@dataclass(frozen=True)
class AboutInfo:
    version: str
    licence: str
    database: Path | None
    backups: Path | None
    components: tuple[Component, ...]
    written_by: str = ""  # the pzmdo version and schema that last wrote the open database
    server: str | None = None  # host/database when the open database is a practice server


def app_version() -> str:
    """The one version number (pzmdo.__version__, which the package metadata also reads)."""
    return pzmdo.__version__


def licence_of(dist: metadata.Distribution) -> str:
    """SPDX expression if declared, else the licence classifiers, else a short licence field."""
    meta = dist.metadata
    expression = meta.get_all("License-Expression") or []
    if expression:
        return str(expression[0])
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    if classifiers:
        return " / ".join(classifiers)
    text = str((meta.get_all("License") or [""])[0]).strip()
    if text and "\n" not in text and len(text) <= 60:
        return text
    return UNKNOWN_LICENCE


def _requirement_names(dist: metadata.Distribution) -> list[str]:
    names = []
    for requirement in dist.requires or []:
        if "extra ==" in requirement:
            continue  # optional extras (tests, server) are not part of the program
        names.append(re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0])
    return names


def components() -> tuple[Component, ...]:
    """Every installed distribution pzmdo runs on (its requirements, recursively)."""
    found: dict[str, Component] = {}
    todo = ["pzmdo"]
    while todo:
        name = todo.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a platform-only requirement (pywin32-ctypes, tzdata, ...)
        key = str(dist.metadata["Name"]).lower().replace("_", "-")
        if key in found:
            continue
        if key != "pzmdo":
            found[key] = Component(str(dist.metadata["Name"]), dist.version, licence_of(dist))
        else:
            found[key] = Component("pzmdo", dist.version, "")
        todo += _requirement_names(dist)
    found.pop("pzmdo", None)
    listed = sorted(found.values(), key=lambda c: c.name.lower())
    return (*listed, *(Component(*row) for row in BUNDLED))


def written_by(db: Database) -> str:
    """E.g. "pzmdo 0.1.0 (schema 0007+..., 2026-11-30 05:00 UTC)"; "onbekend" if not stamped."""
    writer = migrate.written_by(db)
    return writer.describe() if writer is not None else "onbekend"


def about(db_path: Path | None = None, db: Database | None = None) -> AboutInfo:
    try:
        licence = licence_of(metadata.distribution("pzmdo"))
    except metadata.PackageNotFoundError:
        licence = UNKNOWN_LICENCE
    server = db.server_label if db is not None else None
    database = None if server else (db_path or default_db_path())
    return AboutInfo(
        version=app_version(),
        licence=licence,
        database=database,
        backups=backup_dir(database) if database is not None else None,
        components=components(),
        written_by=written_by(db) if db is not None else "",
        server=server,
    )
