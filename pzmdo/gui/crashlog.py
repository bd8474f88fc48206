"""Crash reports without patient data: exception type and code locations only.

Exception *messages* are left out on purpose: database errors quote SQL parameters,
which can be names or BSNs.
"""

from __future__ import annotations

import traceback
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from pzmdo.services.files import open_private, private_dir


def crash_dir() -> Path:
    return Path(platformdirs.user_log_dir("pzmdo", appauthor=False))


def scrubbed_report(exc: BaseException) -> str:
    lines = [f"{datetime.now(UTC).isoformat()} {type(exc).__module__}.{type(exc).__qualname__}"]
    for frame in traceback.extract_tb(exc.__traceback__):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def write_crash_report(exc: BaseException) -> Path | None:
    try:
        folder = crash_dir()
        private_dir(folder)
        path = folder / "crash.log"
        with open_private(path, "a") as fh:
            fh.write(scrubbed_report(exc))
        return path
    except OSError:
        return None
