"""Shared fixtures: real encrypted databases in tmp folders, a headless keyring, Qt offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch a developer's real keyring or config: subprocesses see no keyring at all.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("PZMDO_DB", None)
os.environ.pop("PZMDO_USER", None)
os.environ.pop("PZMDO_PASSWORD", None)

import keyring  # noqa: E402
import pytest  # noqa: E402

from pzmdo.domain.enums import Role  # noqa: E402
from pzmdo.services import unlock  # noqa: E402
from pzmdo.services.context import AppContext  # noqa: E402
from tests.support.memory_keyring import MemoryKeyring  # noqa: E402
from tests.support.roles import with_roles  # noqa: E402

ADMIN = "beheer"
PASSWORD = "geheim-wachtwoord"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QSettings, crash logs and default paths go to a throw-away home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A real keyring backend kept in memory (the headless stand-in for the OS one)."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "praktijk.db"


@pytest.fixture
def ctx(db_path: Path) -> Iterator[AppContext]:
    """A fresh encrypted database with one user who is beheerder and huisarts, unlocked."""
    result = unlock.init_database(
        db_path,
        practice_name="Huisartsenpraktijk De Test (fictief)",
        admin_login=ADMIN,
        admin_name="Bea Beheer (fictief)",
        password=PASSWORD,
        also_roles=(Role.HUISARTS,),
    )
    # A BIG-registered GP (set as another beheerder would: nobody sets their own flag).
    yield with_roles(result.context, big_registered=True)
    result.context.close()


@pytest.fixture
def demo_ctx(ctx: AppContext) -> AppContext:
    """``ctx`` with the fictional demo data."""
    from pzmdo.services.demo import add_demo_patients

    add_demo_patients(ctx, 40, seed=7)
    return ctx


@pytest.fixture(scope="session", autouse=True)
def _dutch_qt(qapp):  # noqa: ANN001 - pytest-qt's QApplication
    """Tests see the application as users do: in Dutch."""
    from pzmdo.gui.app import install_translations

    install_translations(qapp, "nl")
    return qapp
