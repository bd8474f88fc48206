"""The project's shared reference folder (sources, standards) that sits beside the repository.

Tests that read it carry ``@pytest.mark.needs_shared``; tests/conftest.py decides in one place
what happens when it is missing: a failure when ``CI`` is set, otherwise a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _main_checkout() -> Path:
    """In a git worktree, the main checkout (whose sibling ``shared`` is meant)."""
    marker = ROOT / ".git"
    if not marker.is_file():
        return ROOT
    gitdir = Path(marker.read_text(encoding="utf-8").removeprefix("gitdir:").strip())
    common = gitdir / "commondir"
    if not common.is_file():
        return ROOT
    return (gitdir / common.read_text(encoding="utf-8").strip()).resolve().parent


def _default() -> Path:
    beside = ROOT.parent / "shared"
    return beside if beside.is_dir() else _main_checkout().parent / "shared"


SHARED_DIR = Path(os.environ.get("PZMDO_SHARED_DIR") or _default())


def shared_path(*parts: str) -> Path:
    return SHARED_DIR.joinpath(*parts)


def shared_present() -> bool:
    return SHARED_DIR.is_dir()
