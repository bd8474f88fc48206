"""Key custody inside the encrypted database: what a file attacker cannot swap.

The ``.keys`` file next to the database is writable by anyone who can use the app; the
public key and slot fingerprint of every user are therefore also kept here, and the app
refuses a slot that does not match them (see services/keys.py).
"""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from pzmdo.store.models.base import Base, UTCDateTime, utcnow


class KeyState(Base):
    """One row: which key file belongs here and the data key's epoch."""

    __tablename__ = "key_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    db_id: Mapped[str] = mapped_column(String(64))
    epoch: Mapped[int] = mapped_column(Integer, default=0)
    # True only for a database made before key custody, until its first rotation: users
    # without a key record may still register the key in their (upgraded) slot.
    adopt_open: Mapped[bool] = mapped_column(Boolean, default=False)
    rotated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class UserKey(Base):
    """A user's public key and the fingerprint of their password slot."""

    __tablename__ = "user_key"
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))  # base64 of 32 bytes
    slot_fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 hex
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
