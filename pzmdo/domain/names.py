"""Dutch personal names: splitting one "full name" text into its register parts.

A register export often has the whole name in one column ("Geertruida Zoë van den Berg",
"W. 't Hart", "Berg, G.Z. van den"). :func:`split_name` reads it the way a Dutch
doctor's assistant would:

- voornamen or voorletters first, then the tussenvoegsel (lower case: van, de, van den,
  't, ter, ...), then the achternaam;
- "Achternaam, Voornaam [tussenvoegsel]" when there is a comma;
- a double surname stays one achternaam ("Bakker-Meijer", "Berg-de Groot");
- a roepnaam in brackets ("Maria (Ria) Jansen") stays with the voornamen; brackets after
  the surname ("Jansen (fictief)") stay with the surname;
- "IJ" at the start of a word is one letter: "ijzerman" becomes "IJzerman".

When the reading is a guess (no tussenvoegsel and three or more words, a capitalised
particle inside the name, "v.d."), the most likely reading is returned with a Dutch
``doubt`` that says what to check; it is never a refusal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Tussenvoegsels (lower case) as they occur in Dutch and Flemish names.
PARTICLES = frozenset(
    {
        "van", "de", "den", "der", "het", "'t", "ter", "ten", "te", "in", "op", "aan", "bij",
        "onder", "over", "uit", "uijt", "tot", "voor", "d'", "l'", "la", "le", "les", "du",
        "des", "di", "da", "dos", "del", "della", "el", "von", "zu", "vom", "am", "im", "'s",
    }
)  # fmt: skip
#: Written-short particles whose full form is ambiguous (van de / van der / van den).
ABBREVIATED = frozenset({"v.d.", "v/d", "vd", "v.", "v.d"})

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_SPACES = re.compile(r"\s+")
_BRACKETS = re.compile(r"\(([^()]*)\)")
_TAIL_BRACKETS = re.compile(r"\s*\(([^()]*)\)\s*$")
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.)+[^\W\d_]?$|^[A-Z]{1,2}$")


@dataclass(frozen=True)
class NameParts:
    given_name: str  # voornamen or voorletters, with the roepnaam in brackets if given
    name_prefix: str  # tussenvoegsel, lower case ('' when none)
    family_name: str
    call_name: str = ""  # the roepnaam from brackets
    doubt: str = ""  # Dutch: what to check when the split is a guess

    @property
    def display(self) -> str:
        return " ".join(p for p in (self.given_name, self.name_prefix, self.family_name) if p)


def _is_particle(word: str) -> bool:
    return word.translate(_APOSTROPHES).lower() in PARTICLES


def _particle(word: str) -> str:
    return word.translate(_APOSTROPHES).lower()


def capitalise_word(word: str) -> str:
    """'ijzerman' -> 'IJzerman', 'JANSEN' -> 'Jansen'; mixed case is left as written."""

    def one(part: str) -> str:
        if not part or not (part.islower() or (part.isupper() and len(part) > 1)):
            return fix_ij(part)
        low = part.lower()
        if low.startswith("ij"):
            return "IJ" + low[2:]
        return low[:1].upper() + low[1:]

    return "-".join(one(p) for p in word.split("-"))


def fix_ij(word: str) -> str:
    """'Ijsbrand' -> 'IJsbrand': IJ at the start of a Dutch word is one capital letter."""
    return "-".join("IJ" + p[2:] if p.startswith("Ij") else p for p in word.split("-"))


def _family(words: list[str]) -> str:
    """The achternaam: particles after a hyphen stay lower case ('Berg-de Groot')."""
    text = " ".join(words)
    parts = text.split("-")
    out = []
    for i, part in enumerate(parts):
        tokens = part.split(" ")
        fixed = [
            _particle(t) if (i > 0 or j > 0) and _is_particle(t) and j < len(tokens) - 1
            else capitalise_word(t)
            for j, t in enumerate(tokens)
        ]  # fmt: skip
        out.append(" ".join(fixed))
    return "-".join(out)


def _given(words: list[str]) -> str:
    return " ".join(w if _INITIALS.match(w) else capitalise_word(w) for w in words)


def _tokens(text: str) -> list[str]:
    """Words, with spaced hyphens closed ('Bakker - Meijer') and 'Berg-de Groot' joined."""
    text = _SPACES.sub(" ", text.replace("\u2010", "-").replace("\u2013", "-")).strip()
    text = re.sub(r"\s*-\s*", "-", text)
    words = text.split(" ") if text else []
    joined: list[str] = []
    for word in words:
        last = joined[-1] if joined else ""
        tail = last.rsplit("-", 1)[-1] if "-" in last else None
        if tail is not None and (tail == "" or _is_particle(tail)):
            joined[-1] = f"{last} {word}" if tail else last + word
        else:
            joined.append(word)
    return joined


def split_name(raw: str) -> NameParts:
    """Split a full Dutch name; see the module docstring for the rules."""
    text = raw.translate(_APOSTROPHES)
    # Brackets after the surname ("Berg (fictief)") stay with it; brackets among the
    # voornamen are the roepnaam.
    suffix = ""
    if "," in text:
        family_text, _, given_text = text.partition(",")
        suffix = " ".join(f"({b.strip()})" for b in _BRACKETS.findall(family_text))
        family_text = _BRACKETS.sub(" ", family_text)
        text = f"{family_text},{given_text}"
    else:
        tail = _TAIL_BRACKETS.search(text)
        if tail and _BRACKETS.sub("", text[: tail.start()]).strip():
            suffix, text = f"({tail.group(1).strip()})", text[: tail.start()]
    call_names = [c.strip() for c in _BRACKETS.findall(text) if c.strip()]
    text = _BRACKETS.sub(" ", text)
    call = " ".join(call_names)
    if "," in text:
        family_part, _, given_part = text.partition(",")
        parts = _split_comma(_tokens(family_part), _tokens(given_part.replace(",", " ")))
    else:
        parts = _split_plain(_tokens(text))
    given, prefix, family, doubt = parts
    given_text = _given(given)
    if call:
        given_text = f"{given_text} ({call})" if given_text else call
    if suffix and family:
        family = f"{family} {suffix}"
    return NameParts(given_text, " ".join(_particle(p) for p in prefix), family, call, doubt)


def _split_comma(
    family_words: list[str], given_words: list[str]
) -> tuple[list[str], list[str], str, str]:
    """'Berg, G.Z. van den', 'Berg van den, G.Z.', 'Ter Horst, Anna'."""
    prefix: list[str] = []
    while given_words and _is_particle(given_words[-1]) and len(given_words) > 1:
        prefix.insert(0, given_words.pop())
    if not prefix:
        # 'van den Berg, G.' or 'Berg van den, G.'
        lead = 0
        while lead < len(family_words) - 1 and _is_particle(family_words[lead]):
            lead += 1
        if lead:
            prefix, family_words = family_words[:lead], family_words[lead:]
        else:
            trail = len(family_words)
            while trail > 1 and _is_particle(family_words[trail - 1]):
                trail -= 1
            prefix, family_words = family_words[trail:], family_words[:trail]
    doubt = _abbreviation_doubt(prefix + family_words)
    return given_words, prefix, _family(family_words), doubt


def _split_plain(words: list[str]) -> tuple[list[str], list[str], str, str]:
    """'Geertruida Zoë van den Berg', 'W. 't Hart', 'Aaltje Bakker-Meijer'."""
    if len(words) <= 1:
        return [], [], _family(words), ""
    # The tussenvoegsel starts at the first particle after the first word; abbreviations too.
    start = next(
        (
            i
            for i in range(1, len(words) - 1)
            if _is_particle(words[i]) or words[i].lower() in ABBREVIATED
        ),
        None,
    )
    doubt = ""
    if start is None:
        given, prefix, family = words[:-1], list[str](), words[-1:]
        names = [w for w in given if not _INITIALS.match(w)]
        if len(names) >= 2:
            doubt = (
                "de laatste woorden kunnen ook een dubbele achternaam zonder streepje zijn; "
                "gelezen als voornamen + achternaam."
            )
        return given, prefix, _family(family), doubt
    end = start
    while end < len(words) - 1 and (_is_particle(words[end]) or words[end].lower() in ABBREVIATED):
        end += 1
    given, prefix, family = words[:start], words[start:end], words[end:]
    if any(p[:1].isupper() and not p.isupper() for p in prefix):
        doubt = (
            f"'{' '.join(prefix)}' is met een hoofdletter geschreven; gelezen als tussenvoegsel "
            "(in Belgische namen hoort het bij de achternaam)."
        )
    doubt = doubt or _abbreviation_doubt(prefix)
    return given, prefix, _family(family), doubt


def _abbreviation_doubt(words: list[str]) -> str:
    short = [w for w in words if w.lower() in ABBREVIATED]
    if short:
        return (
            f"Het tussenvoegsel '{' '.join(short)}' is afgekort (van de, van der of van den?); "
            "het is overgenomen zoals het er staat."
        )
    return ""


def split_family(raw: str) -> tuple[str, str]:
    """An achternaam column that carries the tussenvoegsel too: 'van den Berg', 'Berg, van
    den', 'Berg van den' -> ('van den', 'Berg'). Anything else comes back as it is."""
    text = raw.translate(_APOSTROPHES).strip()
    if "," in text:
        family_part, _, rest = text.partition(",")
        words = _tokens(rest)
        if words and all(_is_particle(w) for w in words):
            return " ".join(_particle(w) for w in words), family_part.strip()
        return "", raw.strip()
    words = _tokens(text)
    lead = 0
    while (
        lead < len(words) - 1
        and _is_particle(words[lead])
        and next(c for c in words[lead] if c.isalpha()).islower()
    ):
        lead += 1
    if lead:
        return " ".join(_particle(w) for w in words[:lead]), " ".join(words[lead:])
    return "", raw.strip()
