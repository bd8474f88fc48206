"""Password protection (AES-256) for documents sent by e-mail."""

from __future__ import annotations

import io
import secrets

from pzmdo.domain.errors import ValidationError

MIN_PASSWORD_LENGTH = 8


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"Kies een wachtwoord van minstens {MIN_PASSWORD_LENGTH} tekens voor de PDF."
        )
    if password != password.strip():
        raise ValidationError(
            "Het wachtwoord voor de PDF begint of eindigt met een spatie; haal die weg."
        )


def encrypt_pdf(data: bytes, password: str) -> bytes:
    """The same PDF, readable only with ``password`` (AES-256, PDF 2.0 security handler).

    The owner password is random, so nobody can lift the protection without re-creating
    the document in pzmdo.
    """
    from pypdf import PdfReader, PdfWriter

    check_password(password)
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    writer.encrypt(
        user_password=password,
        owner_password=secrets.token_urlsafe(24),
        algorithm="AES-256",
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
