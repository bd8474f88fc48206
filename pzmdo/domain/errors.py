"""Domain exceptions. Each carries a Dutch message meant for the user, as is."""


class PzmdoError(Exception):
    """Base class: ``str(err)`` is a complete Dutch sentence for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(PzmdoError):
    """Input that cannot be stored (invalid BSN, impossible date, ...)."""


class NotFoundError(PzmdoError):
    """A record the user referred to does not exist."""


class TransitionError(PzmdoError):
    """A status change that the lifecycle does not allow."""


class PermissionDenied(PzmdoError):
    """The current user may not do this."""


class OutOfScope(PermissionDenied):
    """The record belongs to a practice or team the user is not attached to."""


class UnlockError(PzmdoError):
    """Wrong password, unknown user or unusable key."""


class DatabaseError(PzmdoError):
    """The database file cannot be used (corrupt, locked, disk full, ...)."""


class ReadOnlyError(PzmdoError):
    """The record is frozen (a closed meeting) and may only be amended."""


class ConflictError(PzmdoError):
    """Saved meanwhile by someone else: this save started from an older version."""
