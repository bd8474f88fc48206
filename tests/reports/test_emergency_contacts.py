"""The emergency page's contacts table (issue 16): phone numbers in the Telefoon column,
e-mail addresses in their own column, read back from the rendered PDF by position."""

from __future__ import annotations

import io
from dataclasses import replace

import pdfplumber

from pzmdo.reports import emergency
from pzmdo.reports.model import Contact, RelatedPerson
from tests.reports import samples


def test_email_never_sits_in_the_phone_column():
    plan = replace(
        samples.careplan(),
        representative_is_first_contact=False,
        first_contact_person=RelatedPerson(
            "Bram Hébert (fictief)", "Zoon", "06-11223344, bram@voorbeeld.invalid",
            phone="06-11223344", email="bram@voorbeeld.invalid",
        ),
        team=(
            Contact("Wijkverpleging", "T. de Wit (fictief)", None, "Thuiszorg (fictief)",
                    "0592-555555", email="team@thuiszorg.invalid"),
        ),
    )  # fmt: skip
    data = emergency.render(plan, samples.meta("emergency", "Spoedoverzicht"))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = pdf.pages[0].extract_words()
    x = {w["text"]: w["x0"] for w in words}
    phone_col, mail_col = x["Telefoon"], x["E-mail"]
    assert phone_col < mail_col
    for number in ("06-11223344", "0592-555555"):
        assert phone_col - 1 <= x[number] < mail_col, number
    for address in ("bram@voorbeeld.invalid", "team@thuiszorg.invalid"):
        assert x[address] >= mail_col - 1, address
    assert len(pdfplumber.open(io.BytesIO(data)).pages) == 1
