"""ISO dates and timestamps inside text fields are shown the Dutch way (issue 16)."""

from __future__ import annotations

from datetime import UTC, datetime

from pzmdo.domain.dates import display_iso


def test_iso_texts_become_dutch_dates():
    assert display_iso("2020-10-01") == "01-10-2020"
    local = datetime(2020, 10, 1, 16, 27, tzinfo=UTC).astimezone()
    assert display_iso("2020-10-01T16:27:36.364Z") == local.strftime("%d-%m-%Y %H:%M")
    assert display_iso("2020-10-01T16:27:00") == "01-10-2020 16:27"


def test_other_text_is_left_alone():
    for text in ("Ja", "2020", "bel 2020-10-01 eerst", "2020-13-45", ""):
        assert display_iso(text) == text
