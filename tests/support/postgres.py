"""A throw-away PostgreSQL 15 cluster for the shared-server tests.

Like a practice's server, logins need a SCRAM-SHA-256 password and TCP connections need TLS:
the cluster listens on its own Unix socket and on loopback (127.0.0.1, a free port) with a
server certificate signed by a CA made here (``PgCluster.ca_cert``, for
``sslmode=verify-full``). Only the ``postgres`` superuser connects without a password, over
the socket (the tests' owner and setup account).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from urllib.parse import quote

import psycopg
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

PG_BIN = Path("/usr/lib/postgresql/15/bin")
SUPERUSER = "postgres"

_names = count(1)


def available() -> bool:
    return (PG_BIN / "initdb").exists()


def _as_postgres(args: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; CI runs as root.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class PgCluster:
    folder: Path  # also the Unix socket directory
    port: int  # the same port number serves the socket and loopback TCP
    ca_cert: Path  # the CA that signed the server certificate (PEM)

    def url(
        self,
        database: str = "pzmdo",
        login: str = SUPERUSER,
        password: str | None = None,
        *,
        tcp: bool = False,
    ) -> str:
        """An SQLAlchemy URL: over the socket, or with ``tcp`` over TLS with verify-full."""
        auth = quote(login, safe="") + (f":{quote(password, safe='')}" if password else "")
        if tcp:
            return (
                f"postgresql+psycopg://{auth}@localhost:{self.port}/{database}"
                f"?sslmode=verify-full&sslrootcert={quote(str(self.ca_cert), safe='/')}"
            )
        return f"postgresql+psycopg://{auth}@/{database}?host={self.folder}&port={self.port}"

    def connect(self, database: str = "pzmdo") -> psycopg.Connection:
        """A superuser connection (autocommit) for setting up and inspecting a test."""
        return psycopg.connect(
            host=str(self.folder),
            port=self.port,
            user=SUPERUSER,
            dbname=database,
            autocommit=True,
        )

    def execute(self, sql: str, database: str = "pzmdo") -> None:
        with self.connect(database) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def create_database(self, template: str | None = None) -> str:
        """A new empty database (or a copy of ``template``); returns its name."""
        name = f"t{os.getpid()}_{next(_names)}"
        clause = f" TEMPLATE {template}" if template else ""
        self.execute(f"CREATE DATABASE {name}{clause}", database="postgres")
        return name

    def drop_database(self, name: str) -> None:
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", database="postgres")


def make_ca(common_name: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A self-signed CA certificate valid for two days, with its key."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    return ca_key, ca


def _make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A CA, and a server certificate for localhost/127.0.0.1 signed by it."""
    now = dt.datetime.now(dt.UTC)
    ca_key, ca = make_ca("pzmdo test CA (fictief)")
    ca_name = ca.subject
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_path, cert_path, key_path = folder / "ca.crt", folder / "server.crt", folder / "server.key"
    ca_path.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    return ca_path, cert_path, key_path


@contextmanager
def cluster() -> Iterator[PgCluster]:
    """Start a private cluster with a database ``pzmdo``; stop and delete it afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="pzmdo-pg-"))
    data, log, port = folder / "data", folder / "log", _free_port()
    ca_path, cert_path, key_path = _make_certificates(folder)
    if os.geteuid() == 0:
        for path in (folder, cert_path, key_path):
            shutil.chown(path, "postgres", "postgres")
    subprocess.run(
        _as_postgres(
            [
                str(PG_BIN / "initdb"),
                "-D",
                str(data),
                "-U",
                SUPERUSER,
                "--auth=trust",  # replaced by the rules below before the first start
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    hba = data / "pg_hba.conf"
    rules = (
        f"local all {SUPERUSER} trust\n"
        "local all all scram-sha-256\n"
        "hostssl all all 127.0.0.1/32 scram-sha-256\n"
    )
    hba.write_text(rules)
    if os.geteuid() == 0:
        shutil.chown(hba, "postgres", "postgres")
    options = (
        f"-k {folder} -c listen_addresses=127.0.0.1 -p {port} -c ssl=on "
        f"-c ssl_cert_file={cert_path} -c ssl_key_file={key_path} "
        "-c password_encryption=scram-sha-256 -c fsync=off"
    )
    subprocess.run(
        _as_postgres(
            [str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-o", options, "start"]
        ),
        check=True,
        capture_output=True,
    )
    found = PgCluster(folder, port, ca_path)
    try:
        found.execute("CREATE DATABASE pzmdo", database="postgres")
        yield found
    finally:
        subprocess.run(
            _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)
