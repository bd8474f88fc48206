"""The wheel is complete: built from a copy of the sources, installed into a fresh virtual
environment outside the repository, it creates a database, adds demo data, writes a PDF and
opens every screen offscreen (migrations, forms, fonts, translations and stylesheet travel
inside the package)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from pzmdo import __version__
from tests.conftest import ADMIN, PASSWORD

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "__pycache__", "*.egg-info", ".*_cache", "tests", "docs",
    "*.db", "*.db-*", "*.db.*",
)  # fmt: skip


def _run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kwargs)
    assert done.returncode == 0, f"{cmd}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (outside the repository) with only the wheel and its locked dependencies."""
    work = tmp_path_factory.mktemp("wheel")
    sources = work / "src"
    shutil.copytree(ROOT, sources, ignore=NOT_SOURCES)
    dist = work / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(sources)])
    (wheel,) = dist.glob("pzmdo-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for expected in (
        "pzmdo/_data/db/env.py",
        "pzmdo/_data/db/versions/0001_foundation.py",
        "pzmdo/_data/ui/unlock_page.ui",
        "pzmdo/_data/resources/style.qss",
        "pzmdo/_data/resources/fonts/DejaVuSans.ttf",
        "pzmdo/_data/resources/icons/pzmdo.svg",
        "pzmdo/_data/resources/i18n/nl/main_window.qm",
    ):
        assert expected in names
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    lock = ROOT / "requirements.lock"
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel), "-c", str(lock)])
    return venv


def _env(db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PZMDO_"))}
    env.update(
        PZMDO_DB=str(db),
        PZMDO_USER=ADMIN,
        PZMDO_PASSWORD=PASSWORD,
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    return env


def test_installed_wheel_runs_init_demo_pdf_and_every_screen(installed, tmp_path):
    python = installed / "bin" / "python"
    pzmdo = str(installed / "bin" / "pzmdo")
    env = _env(tmp_path / "praktijk.db")
    where = _run(
        [str(python), "-c", "import pzmdo, pzmdo._data as d; print(pzmdo.__file__); "
         "print(d.migrations_dir()); print(d.resources_dir())"],
        cwd=tmp_path, env=env,
    ).stdout.split()  # fmt: skip
    assert all(line.startswith(str(installed)) for line in where), where

    _run([pzmdo, "init", "--admin", ADMIN, "--practice", "Praktijk Wiel (fictief)"],
         cwd=tmp_path, env=env)  # fmt: skip
    assert (
        "fictieve patiënten toegevoegd"
        in _run([pzmdo, "demo", "--patients", "6", "--seed", "4"], cwd=tmp_path, env=env).stdout
    )
    pdf = tmp_path / "zorgplan.pdf"
    _run([pzmdo, "report", "careplan", "--patient", "1", "-o", str(pdf)], cwd=tmp_path, env=env)
    reader = PdfReader(pdf)
    text = reader.pages[0].extract_text()
    assert "Zorgplan" in text and "fictief" in text
    assert reader.metadata.creator == f"pzmdo {__version__}"  # the one version number
    version = _run([pzmdo, "--version"], cwd=tmp_path, env=env).stdout.strip()
    assert version == f"pzmdo {__version__}"
    screens = _run([pzmdo, "selftest", "--patient", "1"], cwd=tmp_path, env=env)
    assert "Zelftest geslaagd" in screens.stdout
