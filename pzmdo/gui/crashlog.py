"""Crash reports without patient data: the GUI's door to ``pzmdo.services.errorlog``."""

from __future__ import annotations

from pathlib import Path

from pzmdo.services.errorlog import record, scrubbed_report

__all__ = ["scrubbed_report", "write_crash_report"]


def write_crash_report(exc: BaseException) -> Path | None:
    return record(exc)
