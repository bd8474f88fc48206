"""Burgerservicenummer validation (the 11-proef)."""

from pzmdo.domain.errors import ValidationError


def normalise_bsn(raw: str) -> str:
    """Strip spaces, dots and dashes; pad an 8-digit BSN with a leading zero."""
    digits = "".join(ch for ch in raw if ch not in " .-")
    if len(digits) == 8 and digits.isdigit():
        digits = "0" + digits
    return digits


def is_valid_bsn(raw: str) -> bool:
    digits = normalise_bsn(raw)
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0


def validate_bsn(raw: str) -> str:
    """Return the normalised BSN or raise a Dutch ValidationError."""
    digits = normalise_bsn(raw)
    if not is_valid_bsn(digits):
        raise ValidationError(
            f"Het BSN '{raw}' is ongeldig: het moet uit 9 cijfers bestaan en de 11-proef "
            "doorstaan. Controleer het nummer of laat het veld leeg."
        )
    return digits
