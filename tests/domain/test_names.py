"""Dutch name splitting (issue 16): one full-name text into voornaam, tussenvoegsel, achternaam."""

from __future__ import annotations

import pytest

from pzmdo.domain.names import split_name
from pzmdo.domain.register import Condition, condition_from_text


@pytest.mark.parametrize(
    ("text", "given", "prefix", "family"),
    [
        ("Geertruida Zoë van den Berg", "Geertruida Zoë", "van den", "Berg"),
        ("W. 't Hart", "W.", "'t", "Hart"),
        ("Aaltje Bakker-Meijer", "Aaltje", "", "Bakker-Meijer"),
        ("Jan de Vries", "Jan", "de", "Vries"),
        ("J.H. van der Berg-de Groot", "J.H.", "van der", "Berg-de Groot"),
        ("Maria (Ria) Jansen", "Maria (Ria)", "", "Jansen"),
        ("Ingrid van 't Hof", "Ingrid", "van 't", "Hof"),
        ("IJsbrand ijzerman", "IJsbrand", "", "IJzerman"),
        ("Ijsbrand Ijzerman", "IJsbrand", "", "IJzerman"),
        ("Ter Horst, Anna", "Anna", "ter", "Horst"),
        ("Berg, G.Z. van den", "G.Z.", "van den", "Berg"),
        ("Berg van den, G.Z.", "G.Z.", "van den", "Berg"),
        ("de Vries, J.", "J.", "de", "Vries"),
        ("Wim \u2019t Hart", "Wim", "'t", "Hart"),  # a typographic apostrophe
        ("Kees van der Berg - de Groot", "Kees", "van der", "Berg-de Groot"),
        ("JAN VAN DEN BERG", "Jan", "van den", "Berg"),
        ("Anne-Marie  van Dijk ", "Anne-Marie", "van", "Dijk"),
    ],
)
def test_split_is_exact(text, given, prefix, family):
    parts = split_name(text)
    assert (parts.given_name, parts.name_prefix, parts.family_name) == (given, prefix, family)
    assert parts.doubt == ""


@pytest.mark.parametrize(
    ("text", "given", "prefix", "family", "doubt"),
    [
        ("Anna Maria Jansen", "Anna Maria", "", "Jansen", "dubbele achternaam"),
        ("Jan De Vries", "Jan", "de", "Vries", "hoofdletter"),
        ("P. v.d. Linden", "P.", "v.d.", "Linden", "afgekort"),
    ],
)
def test_uncertain_split_is_the_likely_reading_with_a_doubt(text, given, prefix, family, doubt):
    parts = split_name(text)
    assert (parts.given_name, parts.name_prefix, parts.family_name) == (given, prefix, family)
    assert doubt in parts.doubt


def test_one_word_is_a_family_name_without_given_name():
    parts = split_name("Jansen")
    assert (parts.given_name, parts.family_name) == ("", "Jansen")


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("hartfalen NYHA IV", Condition.HARTFALEN),
        ("longcarcinoom", Condition.ONCOLOGIE),
        ("COPD GOLD 4", Condition.COPD),
        ("oncologie (mammacarcinoom)", Condition.ONCOLOGIE),
        ("ALS", Condition.NEUROLOGISCH),
        ("ziekte van Parkinson", Condition.NEUROLOGISCH),
        ("Alzheimer", Condition.DEMENTIE),
        ("nierinsufficiëntie, dialyse", Condition.NIERFALEN),
        ("Kwetsbare ouderdom", Condition.KWETSBARE_OUDERDOM),
    ],
)
def test_diagnosis_keyword_gives_category(text, condition):
    reading = condition_from_text(text)
    assert reading.condition is condition and reading.doubt == ""


@pytest.mark.parametrize("text", ["pijn op de borst", "COPD en longcarcinoom"])
def test_unclear_diagnosis_has_no_category_and_a_doubt(text):
    reading = condition_from_text(text)
    assert reading.condition is None and text in reading.doubt


@pytest.mark.parametrize(
    ("text", "given", "prefix", "family"),
    [
        ("Geertruida Zoë van den Berg (fictief)", "Geertruida Zoë", "van den", "Berg (fictief)"),
        ("Maria (Ria) Jansen (fictief)", "Maria (Ria)", "", "Jansen (fictief)"),
        ("Ter Horst (fictief), Anna", "Anna", "ter", "Horst (fictief)"),
    ],
)
def test_brackets_after_the_surname_stay_with_it(text, given, prefix, family):
    parts = split_name(text)
    assert (parts.given_name, parts.name_prefix, parts.family_name) == (given, prefix, family)


@pytest.mark.parametrize(
    ("text", "prefix", "family"),
    [
        ("van den Berg", "van den", "Berg"),
        ("Berg, van den", "van den", "Berg"),
        ("'t Hart (fictief)", "'t", "Hart (fictief)"),
        ("Berg-de Groot", "", "Berg-de Groot"),
        ("De Vries", "", "De Vries"),  # capitalised: a Belgian surname, left alone
        ("Jansen", "", "Jansen"),
    ],
)
def test_family_column_with_its_tussenvoegsel(text, prefix, family):
    from pzmdo.domain.names import split_family

    assert split_family(text) == (prefix, family)
