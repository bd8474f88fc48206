"""One rule for typed text (issue 10, deliver 7): control characters refused, one-line
fields without line breaks, every limit stated in the message."""

import pytest

from pzmdo.domain.errors import ValidationError
from pzmdo.domain.text import clean_line, clean_text


@pytest.mark.parametrize("bad", ["Ella\x00", "Ella\x1b[31m", "Ella\x7f", "El\x85la"])
def test_control_characters_are_refused(bad):
    with pytest.raises(ValidationError, match="stuurteken"):
        clean_text(bad, "de notitie")


@pytest.mark.parametrize("bad", ["Berg\n(fictief)", "Berg\t(fictief)", "Berg\u2028(fictief)"])
def test_one_line_fields_refuse_line_breaks(bad):
    with pytest.raises(ValidationError, match="regeleinde"):
        clean_line(bad, "de achternaam")
    assert clean_text(bad.replace("\u2028", "\n"), "de notitie")  # a note may have lines


def test_limit_is_stated_and_text_is_stripped():
    with pytest.raises(
        ValidationError, match=r"De plaats is te lang \(201 tekens, hoogstens 200\)"
    ):
        clean_line("x" * 201, "de plaats")
    assert clean_line("  Zoë van 't Hoëvel (fictief) ", "de naam") == "Zoë van 't Hoëvel (fictief)"
    with pytest.raises(ValidationError, match="verplicht"):
        clean_line("  ", "de naam", required=True)
