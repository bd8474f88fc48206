"""Run the real ``pzmdo`` command in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ADMIN, PASSWORD


def run_pzmdo(
    *args: str,
    db: Path | None = None,
    user: str | None = ADMIN,
    password: str | None = PASSWORD,
    extra_env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("PZMDO_PASSWORD", None)
    if db is not None:
        env["PZMDO_DB"] = str(db)
    if user is not None:
        env["PZMDO_USER"] = user
    if password is not None:
        env["PZMDO_PASSWORD"] = password
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "pzmdo", *args],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
