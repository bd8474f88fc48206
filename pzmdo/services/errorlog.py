"""One place for unexpected errors: one Dutch line for the user, and for the administrator a
rotating log with the exception type and code locations only.

Exception *messages* never reach the log: database errors quote SQL parameters, which can
be names or BSNs. The log lives in the user data folder and is readable by its owner only.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

from pzmdo.domain.errors import PzmdoError
from pzmdo.store.files import private_dir

LOG_FILE = "pzmdo-fouten.log"
_lock = threading.Lock()


def log_dir() -> Path:
    return Path(platformdirs.user_data_dir("pzmdo", appauthor=False)) / "logs"


def scrubbed_report(exc: BaseException) -> str:
    """Type and code locations (file:line in function), nothing of the message."""
    lines = [f"{type(exc).__module__}.{type(exc).__qualname__}"]
    for frame in traceback.extract_tb(exc.__traceback__):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


def _logger() -> logging.Logger:
    logger = logging.getLogger("pzmdo.errors")
    folder = log_dir()
    path = folder / LOG_FILE
    current = [h for h in logger.handlers if getattr(h, "baseFilename", None) == str(path)]
    if current:
        return logger
    for old in list(logger.handlers):
        logger.removeHandler(old)
        old.close()
    private_dir(folder)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    os.chmod(path, 0o600)
    handler = RotatingFileHandler(path, maxBytes=256_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.ERROR)
    logger.propagate = False
    return logger


def record(exc: BaseException) -> Path | None:
    """Write the scrubbed report; the log's path, or None when it cannot be written."""
    try:
        with _lock:
            logger = _logger()
            logger.error(scrubbed_report(exc))
            for handler in logger.handlers:
                handler.flush()
        return log_dir() / LOG_FILE
    except Exception:  # a full disk must not turn one error into two
        return None


def specific_message(exc: BaseException) -> str | None:
    """The Dutch sentence for an error we can name (disk full, read-only, busy, too deep),
    None for one we cannot."""
    # Loaded here, not at the top: the CLI installs this handler before ``--help``, which
    # must not wait for the database drivers.
    from pzmdo.store.database import explain_sqlite_error, sqlite_code

    if isinstance(exc, PzmdoError):
        return str(exc)
    if sqlite_code(exc) is not None or isinstance(exc, OSError):
        return str(explain_sqlite_error(exc))
    if isinstance(exc, RecursionError | MemoryError):
        return (
            "De invoer is te groot of te diep genest om te verwerken; er is niets opgeslagen. "
            "Controleer het bestand of de tekst."
        )
    if isinstance(exc, KeyboardInterrupt):
        return "Afgebroken; er is niets opgeslagen van de onderbroken handeling."
    return None


def user_message(exc: BaseException) -> str:
    """The one Dutch sentence for the user (what happened, what to do)."""
    return specific_message(exc) or (
        "Er ging iets onverwachts mis; van de laatste handeling is niets opgeslagen. Probeer "
        "het opnieuw en meld het aan de beheerder als het blijft gebeuren."
    )


def report(exc: BaseException) -> str:
    """Log an unexpected error (not a domain error) and return the line for the user."""
    if not isinstance(exc, PzmdoError | KeyboardInterrupt):
        record(exc)
    return user_message(exc)


def install(show: Callable[[str], None]) -> None:
    """Route uncaught errors of every thread through ``report`` and ``show``."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if exc.__traceback__ is None:
            exc.__traceback__ = tb
        show(report(exc))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
