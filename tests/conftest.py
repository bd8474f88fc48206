"""Shared fixtures: real encrypted databases in tmp folders, a headless keyring, Qt offscreen."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
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
from pzmdo.services.context import AppContext, CurrentUser  # noqa: E402
from pzmdo.store.database import Database  # noqa: E402
from pzmdo.store.files import SessionLock  # noqa: E402
from pzmdo.store.keys import KeySlotFile  # noqa: E402
from tests.support import backends, postgres  # noqa: E402
from tests.support.memory_keyring import MemoryKeyring  # noqa: E402
from tests.support.roles import with_roles  # noqa: E402
from tests.support.shared import SHARED_DIR, shared_present  # noqa: E402

ADMIN = "beheer"
PASSWORD = "geheim-wachtwoord"


SHARED_MISSING = (
    f"{SHARED_DIR} not found (set PZMDO_SHARED_DIR); the tests that read ../shared are skipped"
)


def pytest_report_header() -> list[str]:
    found = (
        "found" if shared_present() else "MISSING (needs_shared tests skip; fail when CI is set)"
    )
    return [f"pzmdo shared folder: {SHARED_DIR} ({found})", f"pzmdo back end: {backends.LABEL}"]


def pytest_runtest_setup(item: pytest.Item) -> None:
    """The one place that decides about tests needing ../shared (required in CI) and about
    tests of the encrypted file itself (skipped on the server back end)."""
    if backends.ON_POSTGRESQL and item.get_closest_marker("file_only") is not None:
        pytest.skip(backends.FILE_ONLY)
    if item.get_closest_marker("needs_shared") is None or shared_present():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{SHARED_DIR} is required when CI is set (PZMDO_SHARED_DIR)", pytrace=False)
    pytest.skip(SHARED_MISSING)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line with the counts of this run and its back end (scripts/test.sh prints the
    lines of both passes together at the end, from PZMDO_TEST_COUNTS)."""
    line = backends.count_line(terminalreporter.stats)
    terminalreporter.write_line(line)
    target = backends.COUNTS_FILE
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(line + "\n")


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


@dataclass(frozen=True)
class _Template:
    """A finished database (files next to each other) and what is needed to open a copy."""

    folder: Path
    data_key: bytes
    user: CurrentUser
    private_key: bytes | None  # the beheerder's key pair, as after a password unlock

    def copy_to(self, db_path: Path) -> AppContext:
        # The database, its key slots and whatever else init wrote beside it (modes kept).
        for source in self.folder.iterdir():
            if source.is_file():  # not the lock's holder folder
                shutil.copy2(source, db_path.with_name(source.name))
        lock = SessionLock(db_path)
        db = Database.open_file(db_path, self.data_key, lock=lock)
        return AppContext(
            db,
            self.user,
            KeySlotFile.load(db_path),
            private_key=self.private_key,
            session_lock=lock,
        )


@pytest.fixture(scope="session")
def _template_db(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> _Template | backends.ServerTemplate:
    """Migrations and Argon2 run once per session; each test gets a copy of the result.

    On the server back end (PZMDO_TEST_BACKEND=postgresql) the template is a database of
    the session's cluster made by ``server init`` and the copies connect as its owner: these
    suites test the services' own role and scope checks (the audit trigger keeps the owner's
    user); the server's own rules have tests/server with real logins."""
    if backends.ON_POSTGRESQL:
        return backends.build_server_template(
            request.getfixturevalue("pg_cluster"),
            login=ADMIN,
            name="Bea Beheer (fictief)",
            password=PASSWORD,
            practice="Huisartsenpraktijk De Test (fictief)",
        )
    folder = tmp_path_factory.mktemp("template")
    result = unlock.init_database(
        folder / "praktijk.db",
        practice_name="Huisartsenpraktijk De Test (fictief)",
        admin_login=ADMIN,
        admin_name="Bea Beheer (fictief)",
        password=PASSWORD,
        also_roles=(Role.HUISARTS,),
    )
    # A BIG-registered GP (set as another beheerder would: nobody sets their own flag).
    context = with_roles(result.context, big_registered=True)
    template = _Template(folder, context.db.data_key, context.user, context.private_key)
    result.context.close()
    return template


@pytest.fixture(scope="session")
def _demo_template_db(
    _template_db: _Template | backends.ServerTemplate, tmp_path_factory: pytest.TempPathFactory
) -> _Template | backends.ServerTemplate:
    """The template plus the fictional demo data, made once when a test first asks for it."""
    from pzmdo.services.demo import add_demo_patients

    if isinstance(_template_db, backends.ServerTemplate):
        name = _template_db.cluster.create_database(template=_template_db.name)
        server = Database.open_url(_template_db.cluster.url(name))
        add_demo_patients(AppContext(server, _template_db.user), 40, seed=7)
        server.close()
        return backends.finished(_template_db.cluster, name, _template_db.user)
    folder = tmp_path_factory.mktemp("demo-template")
    ctx = _template_db.copy_to(folder / "praktijk.db")
    add_demo_patients(ctx, 40, seed=7)
    ctx.close()
    return _Template(folder, _template_db.data_key, _template_db.user, _template_db.private_key)


@pytest.fixture
def ctx(db_path: Path, request: pytest.FixtureRequest) -> Iterator[AppContext]:
    """A fresh encrypted database with one user who is beheerder and a BIG-registered
    huisarts, unlocked (a copy of the template)."""
    wants_demo = "demo_ctx" in request.fixturenames
    template = request.getfixturevalue("_demo_template_db" if wants_demo else "_template_db")
    context = template.copy_to(db_path)
    yield context
    context.close()


@pytest.fixture
def demo_ctx(ctx: AppContext) -> AppContext:
    """``ctx`` with the fictional demo data (40 patients, seed 7; copied from a template)."""
    return ctx


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[postgres.PgCluster]:
    """One private PostgreSQL 15 cluster for the session's shared-server tests (TLS on
    loopback, SCRAM logins); required when CI is set, else skipped with one line."""
    if not postgres.available():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL 15 is required when CI is set", pytrace=False)
        pytest.skip("PostgreSQL 15 is not installed; the shared-server tests are skipped")
    with postgres.cluster() as found:
        yield found


@pytest.fixture
def pg_url(pg_cluster: postgres.PgCluster) -> Iterator[str]:
    """A fresh, empty database on the session's cluster: the owner's (superuser's) URL."""
    name = pg_cluster.create_database()
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


@pytest.fixture(scope="session", autouse=True)
def _dutch_qt(qapp):  # noqa: ANN001 - pytest-qt's QApplication
    """Tests see the application as users do: in Dutch."""
    from pzmdo.gui.app import install_translations

    install_translations(qapp, "nl")
    return qapp
