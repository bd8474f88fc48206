"""Quality-figure rules without a database: periods, trend, small cells, sources."""

from __future__ import annotations

import re
from datetime import date

import pytest

from pzmdo.domain import kpi as k
from pzmdo.domain.errors import ValidationError
from tests.support.shared import shared_path

# A word from the cited line(s) that shows the definition rests on them.
EVIDENCE = {
    "K1": "niet-onverwacht",
    "K2": "markering",
    "K3": "proactieve zorgplanning",
    "K5": "individueel zorgplan",
    "CZ": "regiebehandelaar",
    "K6": "specialist palliatieve zorg",
    "K7": "MDO-PZ",
    "K8": "Tijdige ondersteuning|responstijd",
    "K9": "gespecialiseerde palliatieve zorgverleners",
    "K12": "vrijwilliger",
    "K13": "plek",
}


@pytest.mark.needs_shared
def test_every_measure_cites_lines_that_exist_and_say_it():
    for m in k.MEASURES:
        cited = ""
        for ref in m.source.split("; "):
            name, lines = ref.split(":L")
            text = (shared_path("sources") / name).read_text(encoding="utf-8").splitlines()
            first, _, last = lines.partition("-")
            lo, hi = int(first), int(last or first)
            assert 1 <= lo <= hi <= len(text), (m.key, ref)
            cited += "\n".join(text[lo - 1 : hi]) + "\n"
        word = EVIDENCE[m.figure]
        assert re.search(word, cited, re.IGNORECASE), (m.key, m.source, word)


def test_definitions_are_dutch_sentences_with_a_source():
    for m in k.MEASURES:
        assert m.definition.endswith(".") and m.title and m.source
    assert k.FIGURES == ("K1", "K2", "K3", "K5", "CZ", "K6", "K7", "K8", "K9", "K12", "K13")


def test_trend_periods_keep_half_years_and_day_lengths():
    h1 = k.period(date(2026, 1, 1), date(2026, 6, 30))
    assert [p.label() for p in k.trend_periods(h1, 3)] == ["2025-H1", "2025-H2", "2026-H1"]
    q = k.period(date(2026, 4, 1), date(2026, 6, 30))
    assert [p.label() for p in k.trend_periods(q, 2)] == ["2026-K1", "2026-K2"]
    odd = k.period(date(2026, 3, 10), date(2026, 3, 19))
    before = k.trend_periods(odd, 2)[0]
    assert (before.start, before.end) == (date(2026, 2, 28), date(2026, 3, 9))
    assert k.period(date(2025, 1, 1), date(2025, 12, 31)).label() == "2025"
    with pytest.raises(ValidationError, match="eindigt"):
        k.period(date(2026, 2, 1), date(2026, 1, 1))


def test_small_cells_and_values():
    assert [k.cell(n) for n in (None, 0, 1, 4, 5)] == ["", "0", "<5", "<5", "5"]
    small = k.measure("K1", 25.0, 1, 4)
    assert k.is_small(small) and k.regional_value(small) == "<5"
    assert k.format_value(small) == "25%"
    big = k.measure("K3", 42.857, 6, 14)
    assert not k.is_small(big) and k.regional_value(big) == "42,9%"
    assert k.format_value(k.measure("K1.weken", 21.6, 7, None)) == "21,6 weken"
    assert k.format_value(k.measure("K7", None, 3, None)) == "—"
