"""ORM models. Importing this package registers every table on ``Base.metadata``.

One module per feature area; each area's tables are created by its own Alembic
migration branch in ``db/versions``.
"""

from pzmdo.store.models import (  # noqa: F401
    careplan,
    careteam,
    consultations,
    keys,
    kpi,
    meetings,
    practices,
    register,
    trajectory,
)
from pzmdo.store.models.base import Base
from pzmdo.store.models.core import AppUser, AppUserRole, AuditEvent, Person, Practice, Setting
from pzmdo.store.models.patient import Patient

__all__ = [
    "AppUser",
    "AppUserRole",
    "AuditEvent",
    "Base",
    "Patient",
    "Person",
    "Practice",
    "Setting",
]
