"""Where the database lives by default."""

import os
from pathlib import Path

import platformdirs

APP_NAME = "pzmdo"


def default_db_path() -> Path:
    """``PZMDO_DB`` if set, else ``<user data dir>/pzmdo/pzmdo.db``."""
    env = os.environ.get("PZMDO_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "pzmdo.db"


def keyslot_path(db_path: Path) -> Path:
    """The key-slot file that sits next to the database file."""
    return db_path.with_name(db_path.name + ".keys")


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"
