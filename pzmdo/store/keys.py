"""Key slots: how the random data key is unlocked without ever storing it in plaintext.

The database is encrypted with a random 256-bit *data key* (epoch n). The recovery key,
shown once, *is* the data key (64 hex digits), so any SQLCipher 4 tool opens the file with it.
Every user has an X25519 key pair:

* the private key is wrapped by the user's password (Argon2id → AES-256-GCM,
  AAD = db_id | login), optionally also by a random device secret kept in the OS keyring
  (AAD = db_id | login | "device");
* the data key is sealed to the public key (ephemeral X25519 + HKDF-SHA256 + AES-256-GCM,
  AAD = db_id | login | epoch), so a rotation re-seals it for every active user without
  their passwords.

Everything lives in ``<db>.keys`` (JSON, 0600). It holds no patient data: logins of users,
public keys, wrapped keys and failed attempts per login (unknown logins only as a hash).
Public keys and slot fingerprints are also kept inside the encrypted database, so a slot
copied from another login or an old file is refused there (see services/keys.py).
Every change of the file is a read-modify-write under ``<db>.keys.lock``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from pzmdo.domain.errors import DatabaseError, UnlockError
from pzmdo.store.files import file_lock, write_atomic
from pzmdo.store.paths import keyslot_path

KEY_BYTES = 32
FORMAT = 2
KEYRING_SERVICE = "pzmdo"
# Argon2id parameters: ~0.2 s on a modest laptop; stored per slot so they can grow.
ARGON2_DEFAULTS = {"t": 3, "m": 65536, "p": 2}
# After this many consecutive failures of one login each new attempt waits (doubling, capped).
FREE_ATTEMPTS = 3
MAX_DELAY_S = 30.0
KEEP_FAILURES = 100  # per login
KEEP_FAILURE_LOGINS = 200
MAX_DEVICES = 10  # remembered computers per login
HKDF_INFO = b"pzmdo data key seal v1"

WRONG_PASSWORD = (
    "Gebruikersnaam of wachtwoord klopt niet. Probeer het opnieuw; gebruik bij een "
    "vergeten wachtwoord de herstelsleutel of vraag de beheerder."
)


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


def _aad(*parts: str | int) -> bytes:
    # Length-prefixed, so "a|bc" and "ab|c" never give the same bytes.
    out = b""
    for part in parts:
        raw = str(part).encode("utf-8")
        out += len(raw).to_bytes(2, "big") + raw
    return out


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


# -- key pairs and sealing -------------------------------------------------------------------
def new_key_pair() -> tuple[bytes, bytes]:
    """(private, public) raw X25519 keys."""
    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), public_of(private.private_bytes_raw())


def public_of(private: bytes) -> bytes:
    return (
        X25519PrivateKey.from_private_bytes(private)
        .public_key()
        .public_bytes(Encoding.Raw, PublicFormat.Raw)
    )


def _seal_key(shared: bytes, epk: bytes, public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=epk + public, info=HKDF_INFO
    ).derive(shared)


def seal(data_key: bytes, public: bytes, db_id: str, login: str, epoch: int) -> dict[str, str]:
    """The data key for one user's public key (no password needed)."""
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    key = _seal_key(ephemeral.exchange(X25519PublicKey.from_public_bytes(public)), epk, public)
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(key).encrypt(nonce, data_key, _aad(db_id, login, epoch))
    return {"epk": _b64(epk), "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def unseal(sealed: dict[str, str], private: bytes, db_id: str, login: str, epoch: int) -> bytes:
    """Raises InvalidTag (or ValueError on a malformed entry) when it is not for this user."""
    epk = _unb64(sealed["epk"])
    own = X25519PrivateKey.from_private_bytes(private)
    public = own.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    key = _seal_key(own.exchange(X25519PublicKey.from_public_bytes(epk)), epk, public)
    return AESGCM(key).decrypt(
        _unb64(sealed["nonce"]), _unb64(sealed["wrapped"]), _aad(db_id, login, epoch)
    )


def wrap_with_password(private: bytes, password: str, db_id: str, login: str) -> dict[str, Any]:
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    params = dict(ARGON2_DEFAULTS)
    wrapped = AESGCM(_derive(password, salt, params)).encrypt(nonce, private, _aad(db_id, login))
    return {
        "kdf": "argon2id",
        "params": params,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "wrapped": _b64(wrapped),
    }


def slot_fingerprint(db_id: str, login: str, public: bytes, password_slot: dict[str, Any]) -> str:
    """What the database remembers of a user's slot: a copied or older slot differs."""
    canonical = json.dumps(
        {"db": db_id, "login": login, "public": _b64(public), "slot": password_slot},
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def failure_key(db_id: str, login: str) -> str:
    """How an unknown login is remembered: a hash, never what was typed."""
    digest = hashlib.sha256(f"{db_id}\n{login.strip().lower()}".encode()).hexdigest()
    return "#" + digest[:16]


@dataclass(frozen=True)
class KeyUnlock:
    """What a slot gave: the data-key candidates (newest epoch first) and the user's keys."""

    login: str
    data_keys: tuple[tuple[int, bytes], ...]  # (epoch, key)
    private_key: bytes | None  # None for a format-1 slot
    public_key: bytes | None
    fingerprint: str | None  # of the password slot; None for a device or old slot
    legacy: bool = False


@dataclass
class KeySlotFile:
    """The ``<db>.keys`` file."""

    path: Path
    db_id: str = field(default_factory=lambda: secrets.token_hex(16))
    epoch: int = 0
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    legacy: dict[str, dict[str, Any]] = field(default_factory=dict)  # format-1 slots
    failures: dict[str, list[str]] = field(default_factory=dict)  # login or hash -> times

    # -- persistence -------------------------------------------------------------------
    @classmethod
    def for_database(cls, db_path: Path, db_id: str | None = None) -> KeySlotFile:
        slots = cls(path=keyslot_path(db_path))
        if db_id:
            slots.db_id = db_id
        return slots

    @classmethod
    def load(cls, db_path: Path) -> KeySlotFile:
        path = keyslot_path(db_path)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls._from_json(path, raw)
        except FileNotFoundError:
            raise DatabaseError(
                f"Het sleutelbestand {path.name} ontbreekt naast de database. Zet het terug "
                "uit een back-up, of open de database met de herstelsleutel."
            ) from None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise DatabaseError(
                f"Het sleutelbestand {path.name} is onleesbaar ({exc.__class__.__name__}). "
                "Open de database met de herstelsleutel."
            ) from None

    @classmethod
    def _from_json(cls, path: Path, raw: dict[str, Any]) -> KeySlotFile:
        db_id = str(raw["db_id"])
        if raw.get("format", 1) == 1:
            # Written by pzmdo before key custody: each slot wraps the data key itself.
            # Each user's slot is upgraded at their first unlock (services/keys.py).
            failures: dict[str, list[str]] = {}
            slots = raw.get("slots", {})
            for item in raw.get("failures", []):
                login = str(item.get("login", ""))
                key = login.lower() if login.lower() in slots else failure_key(db_id, login)
                failures.setdefault(key, []).append(str(item.get("at", "")))
            return cls(path=path, db_id=db_id, legacy=dict(slots), failures=failures)
        return cls(
            path=path,
            db_id=db_id,
            epoch=int(raw["epoch"]),
            users=dict(raw.get("users", {})),
            legacy=dict(raw.get("legacy", {})),
            failures={str(k): list(v) for k, v in raw.get("failures", {}).items()},
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "db_id": self.db_id,
            "epoch": self.epoch,
            "users": self.users,
            "legacy": self.legacy,
            "failures": self.failures,
        }

    def save(self) -> None:
        """Write atomically (unique temp name, fsync, rename, fsync of the folder).
        Call it inside ``update`` so no other writer's change is lost."""
        write_atomic(self.path, json.dumps(self.to_json(), indent=1).encode("utf-8"))

    @staticmethod
    @contextmanager
    def update(db_path: Path, *, otherwise: KeySlotFile | None = None) -> Iterator[KeySlotFile]:
        """Read-modify-write under the file lock; saved when the block ends without error.
        ``otherwise`` is used when the file is missing or unreadable (set-up, recovery)."""
        path = keyslot_path(Path(db_path))
        with file_lock(path.with_name(path.name + ".lock")):
            try:
                slots = KeySlotFile.load(Path(db_path))
            except DatabaseError:
                if otherwise is None:
                    raise
                slots = otherwise
            yield slots
            slots.save()

    # -- users -------------------------------------------------------------------------
    def logins(self) -> list[str]:
        return sorted(set(self.users) | set(self.legacy))

    def has_login(self, login: str) -> bool:
        return login.lower() in self.users or login.lower() in self.legacy

    def public_key(self, login: str) -> bytes | None:
        entry = self.users.get(login.lower())
        return _unb64(entry["public"]) if entry else None

    def set_user(
        self, login: str, private: bytes, password: str, sealed: dict[int, dict[str, str]]
    ) -> str:
        """Create or replace one login's entry (its devices are forgotten); the fingerprint."""
        login = login.lower()
        public = public_of(private)
        slot = wrap_with_password(private, password, self.db_id, login)
        self.users[login] = {
            "public": _b64(public),
            "password": slot,
            "sealed": {str(e): s for e, s in sealed.items()},
            "devices": {},
        }
        self.legacy.pop(login, None)
        return slot_fingerprint(self.db_id, login, public, slot)

    def set_password(self, login: str, private: bytes, password: str) -> str:
        """Re-wrap one login's private key; its sealed keys and devices stay."""
        login = login.lower()
        entry = self.users[login]
        slot = wrap_with_password(private, password, self.db_id, login)
        entry["password"] = slot
        entry["devices"] = {}  # a new password also ends "remember on this computer"
        return slot_fingerprint(self.db_id, login, _unb64(entry["public"]), slot)

    def add_sealed(self, login: str, data_key: bytes, public: bytes, epoch: int) -> None:
        entry = self.users[login.lower()]
        entry["sealed"][str(epoch)] = seal(data_key, public, self.db_id, login.lower(), epoch)

    def remove(self, login: str) -> None:
        self.users.pop(login.lower(), None)
        self.legacy.pop(login.lower(), None)

    def finish_rotation(self, epoch: int) -> None:
        """Keep only what belongs to ``epoch``: older sealed keys and old slots stop working."""
        self.epoch = epoch
        self.legacy = {}
        for login in list(self.users):
            sealed = self.users[login]["sealed"]
            if str(epoch) in sealed:
                self.users[login]["sealed"] = {str(epoch): sealed[str(epoch)]}
            else:
                del self.users[login]

    # -- unlocking ---------------------------------------------------------------------
    def _data_keys(self, login: str, private: bytes) -> tuple[tuple[int, bytes], ...]:
        found = []
        for epoch_text, sealed in self.users[login]["sealed"].items():
            try:
                found.append(
                    (int(epoch_text), unseal(sealed, private, self.db_id, login, int(epoch_text)))
                )
            except (InvalidTag, ValueError, KeyError, TypeError):
                continue
        return tuple(sorted(found, reverse=True))

    def try_password(self, login: str, password: str) -> KeyUnlock | None:
        """The keys behind a login and password, or None (the caller records the failure)."""
        login = login.strip().lower()
        entry = self.users.get(login)
        if entry is not None:
            slot = entry["password"]
            try:
                key = _derive(password, _unb64(slot["salt"]), slot["params"])
                private = AESGCM(key).decrypt(
                    _unb64(slot["nonce"]), _unb64(slot["wrapped"]), _aad(self.db_id, login)
                )
            except (InvalidTag, ValueError, KeyError, TypeError):
                return None
            public = public_of(private)
            return KeyUnlock(
                login,
                self._data_keys(login, private),
                private,
                public,
                slot_fingerprint(self.db_id, login, _unb64(entry["public"]), slot),
            )
        old = self.legacy.get(login)
        if old is not None:
            try:
                key = _derive(password, _unb64(old["salt"]), old["params"])
                data_key = AESGCM(key).decrypt(
                    _unb64(old["nonce"]), _unb64(old["wrapped"]), self.db_id.encode()
                )
            except (InvalidTag, ValueError, KeyError, TypeError):
                return None
            return KeyUnlock(login, ((self.epoch, data_key),), None, None, None, legacy=True)
        # Same work for an unknown login, so timing does not reveal valid names.
        _derive(password, b"\0" * 16, ARGON2_DEFAULTS)
        return None

    def try_device(self, login: str, remembered: str) -> KeyUnlock | None:
        """``remembered`` is the keyring value: '<device id>:<secret hex>'."""
        login = login.strip().lower()
        entry = self.users.get(login)
        device_id, _, secret_hex = remembered.partition(":")
        if entry is None or device_id not in entry.get("devices", {}):
            return None
        slot = entry["devices"][device_id]
        try:
            private = AESGCM(bytes.fromhex(secret_hex)).decrypt(
                _unb64(slot["nonce"]), _unb64(slot["wrapped"]), _aad(self.db_id, login, "device")
            )
        except (InvalidTag, ValueError, KeyError, TypeError):
            return None
        return KeyUnlock(login, self._data_keys(login, private), private, public_of(private), None)

    def add_device(self, login: str, private: bytes) -> str:
        """A device slot for this computer; returns the keyring value that opens it."""
        login = login.lower()
        devices = self.users[login].setdefault("devices", {})
        device_id = secrets.token_hex(8)
        secret = secrets.token_bytes(KEY_BYTES)
        nonce = secrets.token_bytes(12)
        wrapped = AESGCM(secret).encrypt(nonce, private, _aad(self.db_id, login, "device"))
        devices[device_id] = {"nonce": _b64(nonce), "wrapped": _b64(wrapped)}
        while len(devices) > MAX_DEVICES:
            devices.pop(next(iter(devices)))
        return f"{device_id}:{secret.hex()}"

    # -- failed attempts ---------------------------------------------------------------
    def failure_id(self, login: str) -> str:
        login = login.strip().lower()
        return login if self.has_login(login) else failure_key(self.db_id, login)

    def record_failure(self, login: str) -> None:
        times = self.failures.setdefault(self.failure_id(login), [])
        times.append(datetime.now(UTC).isoformat())
        del times[:-KEEP_FAILURES]
        while len(self.failures) > KEEP_FAILURE_LOGINS:
            self.failures.pop(next(iter(self.failures)))

    def delay_seconds(self, login: str) -> float:
        extra = len(self.failures.get(self.failure_id(login), [])) - FREE_ATTEMPTS
        if extra < 0:
            return 0.0
        return min(MAX_DELAY_S, 2.0**extra)

    def wait_after_failures(self, login: str) -> None:
        delay = self.delay_seconds(login)
        if delay:
            time.sleep(delay)


def record_failure(db_path: Path, login: str) -> None:
    """Count one failed attempt of ``login`` (read-modify-write: parallel failures all count)."""
    try:
        with KeySlotFile.update(db_path) as slots:
            slots.record_failure(login)
    except (DatabaseError, OSError):
        pass  # an unwritable key file must not turn a wrong password into another message


# -- OS keyring ----------------------------------------------------------------------------
def keyring_user(db_id: str, login: str) -> str:
    return f"{db_id}/{login.lower()}"


def keyring_get(db_id: str, login: str) -> str | None:
    """This computer's device secret for one login, or None (also when there is no keyring)."""
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            value = keyring.get_password(KEYRING_SERVICE, keyring_user(db_id, login))
        except KeyringError:
            return None
    except Exception:  # any broken backend means: not remembered here
        return None
    return value or None


def keyring_set(db_id: str, login: str, value: str) -> bool:
    """Remember a device secret; False when this computer has no usable keyring."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, keyring_user(db_id, login), value)
        return True
    except Exception:
        return False


def keyring_forget(db_id: str, login: str) -> None:
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, keyring_user(db_id, login))
    except Exception:
        pass


# A server login's password, remembered per server (host:port/database) and login under a
# service name of its own, so it never mixes with the file's device secrets.
SERVER_KEYRING_SERVICE = "pzmdo-server"


def server_keyring_user(server_id: str, login: str) -> str:
    return f"{login.lower()}@{server_id}"


def server_password_get(server_id: str, login: str) -> str | None:
    """The remembered password of ``login`` on a server, or None (also without a keyring)."""
    try:
        import keyring

        value = keyring.get_password(SERVER_KEYRING_SERVICE, server_keyring_user(server_id, login))
    except Exception:  # any broken backend means: not remembered here
        return None
    return value or None


def server_password_set(server_id: str, login: str, password: str) -> bool:
    """Remember a server password; False when this computer has no usable keyring."""
    try:
        import keyring

        keyring.set_password(
            SERVER_KEYRING_SERVICE, server_keyring_user(server_id, login), password
        )
        return True
    except Exception:
        return False


def server_password_forget(server_id: str, login: str) -> None:
    try:
        import keyring

        keyring.delete_password(SERVER_KEYRING_SERVICE, server_keyring_user(server_id, login))
    except Exception:
        pass


def keyring_available() -> bool:
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:
        return False
