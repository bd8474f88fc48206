"""Files that travel with the package: Alembic migrations, Qt Designer forms, fonts,
translations, icons and the stylesheet.

The repository keeps them in its top-level ``db/``, ``ui/`` and ``resources/`` folders;
``setup.py`` installs those as the packages ``pzmdo._data.db``, ``pzmdo._data.ui`` and
``pzmdo._data.resources``. They are found through importlib.resources, so the same code runs
from the source tree (editable install), from a wheel and from the PyInstaller bundle.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _folder(package: str) -> Path:
    # Alembic and Qt need real paths; every supported install unpacks the package to disk.
    folder = Path(str(files(package)))
    if not folder.is_dir():
        raise RuntimeError(f"{package} is not installed as a folder ({folder})")
    return folder


def migrations_dir() -> Path:
    """Alembic's script folder (env.py, versions/)."""
    return _folder("pzmdo._data.db")


def forms_dir() -> Path:
    """Qt Designer ``.ui`` forms."""
    return _folder("pzmdo._data.ui")


def resources_dir() -> Path:
    """Stylesheet, icons, fonts and compiled translations (``i18n/<language>/*.qm``)."""
    return _folder("pzmdo._data.resources")


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
