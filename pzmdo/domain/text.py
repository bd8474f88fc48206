"""Text helpers: names, search keys, and the one rule for cleaning text a user typed."""

import re
import unicodedata

from pzmdo.domain.errors import ValidationError

MAX_TEXT = 4000  # the default limit of a free-text field
MAX_LINE = 200  # the default limit of a one-line field (a name, a place)

# Control characters (NUL, escape, ...) are never text; tab and line breaks only in
# multi-line fields. Unicode line/paragraph separators count as line breaks.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]")


def clean_text(
    raw: str | None,
    what: str,
    *,
    required: bool = False,
    limit: int = MAX_TEXT,
    one_line: bool = False,
) -> str:
    """The stripped text, or a Dutch ValidationError that names the field and the limit."""
    text = (raw or "").strip()
    name = f"{what[:1].upper()}{what[1:]}"
    if required and not text:
        raise ValidationError(f"Vul {what} in; dit veld is verplicht.")
    if _CONTROL.search(text) or (one_line and _BREAKS.search(text)):
        kind = "een regeleinde of een onzichtbaar stuurteken" if one_line else "een stuurteken"
        raise ValidationError(
            f"{name} bevat {kind}; dat kan niet worden opgeslagen. Typ de tekst opnieuw "
            "(of plak hem zonder opmaak)."
        )
    if len(text) > limit:
        raise ValidationError(
            f"{name} is te lang ({len(text)} tekens, hoogstens {limit}). Maak de tekst korter."
        )
    return text


def clean_line(raw: str | None, what: str, *, required: bool = False, limit: int = MAX_LINE) -> str:
    """A one-line field (a name, a place, a phone number): no line breaks, no control codes."""
    return clean_text(raw, what, required=required, limit=limit, one_line=True)


def fold(text: str) -> str:
    """Lower case without diacritics, for forgiving search ("Ëlla" finds "ella")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().strip()


def display_name(given: str, prefix: str | None, family: str) -> str:
    """'Ëlla van der Berg' from its parts."""
    return " ".join(
        part for part in (given.strip(), (prefix or "").strip(), family.strip()) if part
    )


def search_key(given: str, prefix: str | None, family: str) -> str:
    """What the register searches: 'berg van der ella' (family name first)."""
    return fold(" ".join(p for p in (family, prefix or "", given) if p))
