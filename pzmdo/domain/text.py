"""Text helpers for names."""

import unicodedata


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
