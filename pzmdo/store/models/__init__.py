"""ORM models. Importing this package registers every table on ``Base.metadata``.

One module per feature area; each area's tables are created by its own Alembic
migration in ``db/versions``.
"""

from pzmdo.store.models.base import Base
from pzmdo.store.models.core import AppUser, AuditEvent, Person, Practice, Setting
from pzmdo.store.models.patient import Patient

__all__ = ["AppUser", "AuditEvent", "Base", "Patient", "Person", "Practice", "Setting"]

# Feature areas register their models here (kept in one place so the metadata is complete).
from pzmdo.store.models import areas as _areas  # noqa: E402,F401
