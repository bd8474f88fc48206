"""Key slots: how the random data key is unlocked without ever storing it in plaintext.

The database is encrypted with a random 256-bit *data key*. It is kept only wrapped:

* one slot per user: AES-256-GCM with a key derived from the personal password by Argon2id;
* optionally the OS keyring ("remember on this computer"), holding the data key itself
  under a per-database id;
* the recovery key, shown once at set-up, *is* the data key (64 hex digits), so any
  SQLCipher 4 tool opens the file with it.

The slots live in a small JSON file next to the database (``<db>.keys``). It holds no
patient data: login names, salts, wrapped keys and a counter of failed attempts.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pzmdo.domain.errors import DatabaseError, UnlockError
from pzmdo.store.paths import keyslot_path

KEY_BYTES = 32
KEYRING_SERVICE = "pzmdo"
# Argon2id parameters: ~0.2 s on a modest laptop; stored per slot so they can grow.
ARGON2_DEFAULTS = {"t": 3, "m": 65536, "p": 2}
# After this many consecutive failures each new attempt waits (doubling, capped).
FREE_ATTEMPTS = 3
MAX_DELAY_S = 30.0


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def format_recovery_key(key: bytes) -> str:
    """64 hex digits in groups of four, as printed on the recovery sheet."""
    hexed = key.hex().upper()
    return " ".join(hexed[i : i + 4] for i in range(0, len(hexed), 4))


def parse_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text if ch not in " -\t\n").lower()
    if len(cleaned) != 2 * KEY_BYTES or any(ch not in "0123456789abcdef" for ch in cleaned):
        raise UnlockError(
            "De herstelsleutel moet uit 64 tekens (0-9, A-F) bestaan. Controleer wat u heeft "
            "overgenomen."
        )
    return bytes.fromhex(cleaned)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _derive(password: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=params["t"],
        memory_cost=params["m"],
        parallelism=params["p"],
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


@dataclass
class KeySlotFile:
    """The ``<db>.keys`` file: one password slot per login, failure bookkeeping."""

    path: Path
    db_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    slots: dict[str, dict[str, Any]] = field(default_factory=dict)
    failures: list[dict[str, str]] = field(default_factory=list)

    # -- persistence -------------------------------------------------------------------
    @classmethod
    def for_database(cls, db_path: Path) -> KeySlotFile:
        return cls(path=keyslot_path(db_path))

    @classmethod
    def load(cls, db_path: Path) -> KeySlotFile:
        path = keyslot_path(db_path)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DatabaseError(
                f"Het sleutelbestand {path.name} ontbreekt naast de database. Zet het terug "
                "uit een back-up, of open de database met de herstelsleutel."
            ) from None
        except (OSError, ValueError) as exc:
            raise DatabaseError(
                f"Het sleutelbestand {path.name} is onleesbaar ({exc.__class__.__name__}). "
                "Open de database met de herstelsleutel."
            ) from None
        return cls(
            path=path,
            db_id=raw["db_id"],
            slots=raw.get("slots", {}),
            failures=raw.get("failures", []),
        )

    def save(self) -> None:
        """Write atomically: a crash leaves the old or the new file, never half of one."""
        payload = {"format": 1, "db_id": self.db_id, "slots": self.slots, "failures": self.failures}
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    # -- password slots ----------------------------------------------------------------
    def set_password(self, login: str, password: str, data_key: bytes) -> None:
        """Create or re-wrap the slot of one login; other slots are untouched."""
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        params = dict(ARGON2_DEFAULTS)
        wrapped = AESGCM(_derive(password, salt, params)).encrypt(
            nonce, data_key, self.db_id.encode()
        )
        self.slots[login.lower()] = {
            "kdf": "argon2id",
            "params": params,
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "wrapped": _b64(wrapped),
        }

    def remove(self, login: str) -> None:
        self.slots.pop(login.lower(), None)

    def has_login(self, login: str) -> bool:
        return login.lower() in self.slots

    def unwrap(self, login: str, password: str) -> bytes:
        """Return the data key, or raise UnlockError (after recording the failure)."""
        self._wait_after_failures()
        slot = self.slots.get(login.lower())
        if slot is not None:
            key = _derive(password, _unb64(slot["salt"]), slot["params"])
            try:
                data_key = AESGCM(key).decrypt(
                    _unb64(slot["nonce"]), _unb64(slot["wrapped"]), self.db_id.encode()
                )
            except InvalidTag:
                data_key = None
            if data_key is not None:
                return data_key
        else:
            # Same work for an unknown login, so timing does not reveal valid names.
            _derive(password, b"\0" * 16, ARGON2_DEFAULTS)
        self.record_failure(login)
        raise UnlockError(
            "Gebruikersnaam of wachtwoord klopt niet. Probeer het opnieuw; gebruik bij een "
            "vergeten wachtwoord de herstelsleutel of vraag de beheerder."
        )

    # -- failed attempts ---------------------------------------------------------------
    def record_failure(self, login: str) -> None:
        self.failures.append({"login": login, "at": datetime.now(UTC).isoformat()})
        self.failures = self.failures[-100:]
        self.save()

    def take_failures(self) -> list[dict[str, str]]:
        """Hand the recorded failures to the audit trail and forget them."""
        taken, self.failures = self.failures, []
        if taken:
            self.save()
        return taken

    def delay_seconds(self) -> float:
        extra = len(self.failures) - FREE_ATTEMPTS
        if extra < 0:
            return 0.0
        return min(MAX_DELAY_S, 2.0**extra)

    def _wait_after_failures(self) -> None:
        delay = self.delay_seconds()
        if delay:
            time.sleep(delay)


# -- OS keyring ----------------------------------------------------------------------------
def keyring_get(db_id: str) -> bytes | None:
    """The data key remembered on this computer, or None (also when there is no keyring)."""
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            value = keyring.get_password(KEYRING_SERVICE, db_id)
        except KeyringError:
            return None
    except Exception:  # any broken backend means: not remembered here
        return None
    if not value:
        return None
    try:
        return bytes.fromhex(value)
    except ValueError:
        return None


def keyring_set(db_id: str, data_key: bytes) -> bool:
    """Remember the data key; False when this computer has no usable keyring."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, db_id, data_key.hex())
        return True
    except Exception:
        return False


def keyring_forget(db_id: str) -> None:
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, db_id)
    except Exception:
        pass


def keyring_available() -> bool:
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:
        return False
