"""Dutch for argparse's own texts ("usage:", "options", error messages).

argparse looks its texts up through the module-level gettext functions ``_`` and
``ngettext``; pzmdo has no .mo catalogue, so those two are pointed at this table.
``tools/i18n.py check`` runs the CLI and fails on English argparse text.
"""

from __future__ import annotations

import argparse

TEXTS = {
    "usage: ": "gebruik: ",
    "positional arguments": "opdrachten en argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "ambiguous option: %(option)s could match %(matches)s": (
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn"
    ),
    "not allowed with argument %s": "niet toegestaan samen met argument %s",
    "one of the arguments %s is required": "een van de argumenten %s is verplicht",
    "ignored explicit argument %r": "waarde %r genegeerd",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "unexpected option string: %s": "onverwachte optie: %s",
}

PLURALS = {
    "expected %s argument": ("verwacht %s waarde", "verwacht %s waarden"),
    "conflicting option string: %s": ("dubbele optie: %s", "dubbele opties: %s"),
}


def dutch(message: str) -> str:
    return TEXTS.get(message, message)


def dutch_plural(singular: str, plural: str, n: int) -> str:
    forms = PLURALS.get(singular)
    if forms is None:
        return singular if n == 1 else plural
    return forms[0] if n == 1 else forms[1]


def install() -> None:
    argparse._ = dutch  # type: ignore[attr-defined]
    argparse.ngettext = dutch_plural  # type: ignore[attr-defined]
