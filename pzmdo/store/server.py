"""Connecting to a shared PostgreSQL server: the URL rules and a TLS probe.

Over the network pzmdo speaks only TLS with a verified certificate and host name
(``sslmode=verify-full`` against the practice's CA); a Unix socket on the server itself
needs no TLS. When libpq fails before the session exists it gives no SQLSTATE, so the
probe repeats the first steps (name, TCP, TLS handshake) and classifies what failed by
exception type and OpenSSL verify code, never by message text.
"""

from __future__ import annotations

import socket
import ssl
import struct
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from pzmdo.domain.errors import DatabaseError, PzmdoError, UnlockError, ValidationError

DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 5  # libpq's connect_timeout: a dead server answers within seconds
DRIVER = "postgresql+psycopg"
SECURE_MODE = "verify-full"
MAINTENANCE_DB = "postgres"  # every cluster has it; used only to tell a missing database
SSL_REQUEST = struct.pack("!ii", 8, 80877103)  # PostgreSQL's "may we speak TLS?" packet

# OpenSSL verify results that mean "this certificate is not for this host name".
X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH = 62, 64
X509_V_ERR_CERT_NOT_YET_VALID, X509_V_ERR_CERT_HAS_EXPIRED = 9, 10


WRONG_LOGIN = (
    "De server weigert de aanmelding: de gebruikersnaam of het wachtwoord is onjuist. "
    "Controleer ze en probeer het opnieuw; er is niets opgeslagen."
)
LOGIN_REFUSED = (
    "De server laat deze gebruiker niet toe vanaf deze computer (of niet zonder versleutelde "
    "verbinding). Vraag de beheerder van de server; er is niets opgeslagen."
)
NO_DATABASE = (
    "Uw aanmelding klopt, maar de database op de server bestaat niet of u mag er niet mee "
    "verbinden. Controleer de naam van de database of vraag de beheerder."
)
RESTARTING = (
    "De server wordt herstart of is gestopt; wat u net deed, is mogelijk niet opgeslagen. "
    "Wacht even, open het scherm opnieuw en kijk of het er staat."
)
CONNECTION_LOST = (
    "De verbinding met de server is verbroken; wat u net deed, is mogelijk niet opgeslagen. "
    "Controleer de netwerkverbinding, open het scherm opnieuw en kijk of het er staat."
)
SCHEMA_MISMATCH = (
    "De database op de server past niet bij deze versie van pzmdo; er is niets opgeslagen. "
    "Vraag de beheerder 'pzmdo server init' uit te voeren of installeer dezelfde versie."
)


class WrongLogin(UnlockError):
    """The server refused the login's password (or knows no such login)."""


def server_url(host: str, port: int, database: str, ca_file: str | None) -> str:
    """The URL of a server from its parts (the GUI's form): TLS with verify-full."""
    query = {"sslmode": SECURE_MODE}
    if ca_file:
        query["sslrootcert"] = str(Path(ca_file).expanduser())
    url = URL.create(DRIVER, host=host.strip(), port=port, database=database.strip(), query=query)
    return url.render_as_string(hide_password=False)


def parse_url(text: str | URL, *, allow_password: bool = True) -> URL:
    """A server URL as the user gives it (``postgresql://host/db``), checked and with our
    driver; TCP connections get ``sslmode=verify-full`` and refuse anything weaker."""
    try:
        url = text if isinstance(text, URL) else make_url(text.strip())
    except ArgumentError:
        raise ValidationError(
            "Het serveradres is onjuist. Schrijf het als postgresql://server/database, "
            "bijvoorbeeld postgresql://db.praktijk.nl/pzmdo."
        ) from None
    if url.get_backend_name() != "postgresql":
        raise ValidationError(
            "Het serveradres moet met postgresql:// beginnen, bijvoorbeeld "
            "postgresql://db.praktijk.nl/pzmdo."
        )
    if not url.database:
        raise ValidationError(
            "Het serveradres noemt geen database. Schrijf het als postgresql://server/database."
        )
    if url.password is not None and not allow_password:
        raise ValidationError(
            "Zet geen wachtwoord in het serveradres (andere programma's kunnen het zien). "
            "Geef het in PZMDO_PASSWORD of typ het wanneer pzmdo erom vraagt."
        )
    url = url.set(drivername=DRIVER)
    if is_socket(url):
        return url
    mode = url.query.get("sslmode")
    if mode is None:
        return url.update_query_dict({"sslmode": SECURE_MODE})
    if mode != SECURE_MODE:
        raise ValidationError(
            "pzmdo verbindt over het netwerk alleen versleuteld met een gecontroleerd "
            "certificaat (sslmode=verify-full). Haal de andere sslmode uit het serveradres."
        )
    return url


def is_socket(url: URL) -> bool:
    """A Unix socket on this computer (no network, so no TLS)."""
    host = url.query.get("host") or url.host or ""
    return not host or str(host).startswith("/")


def with_login(url: URL, login: str) -> URL:
    return url.set(username=login)


def host_of(url: URL) -> str:
    return str(url.host or url.query.get("host") or "localhost")


def label(url: URL) -> str:
    """What the status bar shows: ``host/database``."""
    return f"{host_of(url)}/{url.database}"


def keyring_id(url: URL) -> str:
    """The server part of a remembered password: host, port and database, lowercase host."""
    return f"{host_of(url).lower()}:{url.port or DEFAULT_PORT}/{url.database}"


def probe_tls(url: URL, timeout: float = CONNECT_TIMEOUT_S) -> DatabaseError | None:
    """Look up the host, open TCP, ask for TLS and verify the certificate as libpq's
    verify-full does: the Dutch message of the first step that fails, None when all pass."""
    host, port = host_of(url), int(url.port or DEFAULT_PORT)
    where = f"{host}:{port}"
    ca_text = url.query.get("sslrootcert")
    ca_file = Path(str(ca_text)).expanduser() if ca_text else Path.home() / ".postgresql/root.crt"
    if not ca_file.is_file():
        return DatabaseError(
            f"Het CA-certificaat van de praktijk ({ca_file}) is niet gevonden. Kies het "
            "certificaatbestand dat de beheerder van de server u gaf."
        )
    try:
        context = ssl.create_default_context(cafile=str(ca_file))
    except (ssl.SSLError, OSError, ValueError):
        return DatabaseError(
            f"Het bestand {ca_file} is geen bruikbaar CA-certificaat. Kies het "
            "certificaatbestand (PEM) dat de beheerder van de server u gaf."
        )
    address = str(url.query.get("hostaddr") or host)  # libpq: connect here, verify ``host``
    try:
        raw = socket.create_connection((address, port), timeout=timeout)
    except socket.gaierror:
        return DatabaseError(
            f"De server {host} is niet gevonden. Controleer de naam van de server en de "
            "netwerkverbinding; er is niets gewijzigd."
        )
    except TimeoutError:
        return _unreachable(where, timed_out=True)
    except OSError:
        return _unreachable(where, timed_out=False)
    with raw:
        try:
            raw.sendall(SSL_REQUEST)
            answer = raw.recv(1)
        except TimeoutError:
            return _unreachable(where, timed_out=True)
        except OSError:
            return _unreachable(where, timed_out=False)
        if answer != b"S":
            return DatabaseError(
                f"De server op {where} biedt geen versleutelde verbinding (TLS) aan; pzmdo "
                "verbindt alleen versleuteld. Vraag de beheerder van de server TLS aan te zetten."
            )
        try:
            with context.wrap_socket(raw, server_hostname=host):
                pass
        except ssl.SSLCertVerificationError as exc:
            return _untrusted(host, exc.verify_code)
        except TimeoutError:
            return _unreachable(where, timed_out=True)
        except (ssl.SSLError, OSError):
            return DatabaseError(
                f"De versleutelde verbinding (TLS) met {where} kwam niet tot stand. Vraag de "
                "beheerder van de server het certificaat te controleren."
            )
    return None


def _unreachable(where: str, *, timed_out: bool) -> DatabaseError:
    if timed_out:
        return DatabaseError(
            f"De server {where} antwoordt niet (na {CONNECT_TIMEOUT_S} seconden gestopt). "
            "Controleer de netwerkverbinding of vraag de beheerder of de server aan staat."
        )
    return DatabaseError(
        f"De server {where} is niet bereikbaar. Controleer het adres en de poort, de "
        "netwerkverbinding, of vraag de beheerder of de server aan staat."
    )


def _untrusted(host: str, code: int) -> DatabaseError:
    if code in (X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH):
        return DatabaseError(
            f"Het certificaat van de server hoort niet bij de naam {host}. Gebruik de "
            "servernaam die in het certificaat staat (vraag de beheerder); er is geen "
            "verbinding gemaakt."
        )
    if code in (X509_V_ERR_CERT_HAS_EXPIRED, X509_V_ERR_CERT_NOT_YET_VALID):
        return DatabaseError(
            "Het certificaat van de server is verlopen of nog niet geldig (controleer ook de "
            "klok van deze computer). Vraag de beheerder; er is geen verbinding gemaakt."
        )
    return DatabaseError(
        "Het certificaat van de server is niet ondertekend door het CA-certificaat van de "
        "praktijk dat u koos. Controleer het certificaatbestand of vraag de beheerder; er is "
        "geen verbinding gemaakt."
    )


def explain_connect_failure(pgconn: Any, url: URL | None) -> PzmdoError:
    """Why libpq could not start a session, from how far it got (``pgconn``: TLS in use,
    password sent) and, when TLS never started, from the probe."""
    if url is not None and not is_socket(url) and not pgconn.ssl_in_use:
        problem = probe_tls(url)
        if problem is not None:
            return problem
    if pgconn.used_password:
        # The server asked for a password and refused: a wrong password or unknown login
        # (PostgreSQL does not say which), or a database this login may not use.
        if url is not None and url.database != MAINTENANCE_DB and _login_works(url):
            return UnlockError(NO_DATABASE)
        return WrongLogin(WRONG_LOGIN)
    if pgconn.needs_password:
        return UnlockError("Geef uw wachtwoord voor de server.")
    if url is not None and is_socket(url) and not _socket_exists(url):
        return DatabaseError(
            "De server op deze computer is niet bereikbaar (de socket ontbreekt). Vraag de "
            "beheerder of de server aan staat."
        )
    return UnlockError(LOGIN_REFUSED)


def _login_works(url: URL) -> bool:
    """Whether the same login and password open the server's maintenance database."""
    engine = create_engine(
        url.set(database=MAINTENANCE_DB),
        poolclass=NullPool,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
    )
    try:
        with engine.connect():
            return True
    except DBAPIError:
        return False
    finally:
        engine.dispose()


def _socket_exists(url: URL) -> bool:
    folder = Path(str(url.query.get("host") or url.host or "/var/run/postgresql"))
    return (folder / f".s.PGSQL.{url.port or DEFAULT_PORT}").exists()
