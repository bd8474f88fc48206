"""Every document type rendered from hand-built data and read back (pdfplumber / pypdf)."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pdfplumber
import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from pzmdo import __version__
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.register import Population
from pzmdo.reports import agenda, batch, careplan, emergency, minutes, patient
from pzmdo.reports.model import (
    AcuteAgreements,
    Agreement,
    Choice,
    Contact,
    DimensionSection,
    RelatedPerson,
    Scenario,
    TreatmentLimit,
)
from pzmdo.reports.protect import encrypt_pdf
from pzmdo.reports.template import CONFIDENTIAL
from tests.reports import samples
from tests.reports.samples import INTERNAL_NOTE, PATIENT_NAME


def pages_text(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def contains(text: str, phrase: str) -> bool:
    """``phrase`` in ``text``, also when a table cell wrapped it over lines that other
    columns interleave (at most a few words in between)."""
    flat = " ".join(text.split())
    if phrase in flat:
        return True
    words = [re.escape(w) for w in phrase.split()]
    pattern = r"\s+(?:\S+\s+){0,14}?".join(words)
    return re.search(pattern, text) is not None


def assert_contains_all(text: str, phrases: tuple[str, ...] | list[str]) -> None:
    missing = [p for p in phrases if not contains(text, p)]
    assert not missing, missing


def assert_inside_pages(data: bytes, margin: float = 10.0) -> None:
    """No character is drawn outside the printable area of its page."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for ch in page.chars:
                assert ch["x0"] >= margin and ch["x1"] <= page.width - margin, (number, ch["text"])
                assert ch["top"] >= margin and ch["bottom"] <= page.height - margin, (
                    number,
                    ch["text"],
                )


def assert_common_frame(texts: list[str], header: str) -> None:
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert CONFIDENTIAL in text
        assert f"Pagina {number} van {total}" in text
        assert "Afgedrukt door Bea Beheer (fictief) op 12-03-2026 om 14:35" in text
        assert "Documentversie:" in text
        assert f"Gemaakt met pzmdo {__version__}" in text
        assert "Huisartsenpraktijk De Eikenlaan (fictief)" in text
        assert header in text


def test_every_page_and_the_metadata_name_the_pzmdo_version():
    data = emergency.render(samples.careplan(), samples.meta("emergency", "Spoedoverzicht"))
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata is not None and reader.metadata.creator == f"pzmdo {__version__}"
    for page in reader.pages:
        assert f"Gemaakt met pzmdo {__version__}" in page.extract_text()
    assert_inside_pages(data)


def test_careplan_reads_back_in_form_order_with_diacritics():
    data = careplan.render(samples.careplan(), samples.meta("careplan", "Zorgplan"))
    texts = pages_text(data)
    assert_common_frame(texts, PATIENT_NAME)
    text = "\n".join(texts)
    assert_contains_all(
        text,
        (
            "Zoë Hébert-van den Brœk (fictief)",
            "geb. 17-05-1941",
            "Actueel per 01-03-2026",
            "versie 3",
            "Centrale zorgverlener",
            "Eerste aanspreekpunt",
            "06-12345678",
            "Muziek van Édith Piaf",
            "geïnformeerd",
            "Palliatief met als doel symptoomverlichting",
            "laatst besproken 20-02-2026",
            "Huisartsenpost: 0900-1120112",
            "bel bij acute problemen de huisartsenpost in plaats van 112",
            INTERNAL_NOTE,
        ),
    )
    # The national form's order: sections 1-8, then the four dimensions, scenarios, acute.
    order = [
        "Zorgteam",
        "1. Wilsbekwaamheid",
        "2. Gesprek gevoerd in bijzijn van",
        "3. Belangrijkste overeengekomen doel",
        "4. Behandelgrenzen",
        "a) Reanimatie",
        "b) Kunstmatige invasieve beademing",
        "c) Opname op intensive care",
        "d) Opname in ziekenhuis",
        "e) Behandeling met antibiotica",
        "f) Toediening van een bloedproduct",
        "g) Overige behandelgrenzen",
        "h) Heeft de patiënt een ICD?",
        "5. Behandelwensen",
        "6. Wat verder nog belangrijk is",
        "7. Eerder vastgelegde behandelwensen",
        "8. Informatie delen",
        "de vier dimensies",
        "Fysiek",
        "Psychisch",
        "Sociaal",
        "Zingeving",
        "Scenario's",
        "Acute afspraken",
    ]
    positions = [text.index(label) for label in order]
    assert positions == sorted(positions)
    # Each treatment-limit row prints the form's four options.
    assert text.count("Ja, maar met beperkingen:") == 6
    assert "◉ Nee" in text and "◉ Ja, maar met beperkingen: alleen bij een goed" in text
    assert_inside_pages(data)


def long_careplan(note_length: int = 5000):
    plan = samples.careplan()
    word_note = ("Zoë's wensen over zorg en behandeling thuis, in bijzijn van naasten. " * 80)[
        :note_length
    ]
    no_spaces = "Ë" * note_length  # one endless "word" must wrap too
    return replace(
        plan,
        wishes=word_note,
        other_important=no_spaces,
        professional_notes=word_note,
        limits=tuple(replace(limit, note=word_note) for limit in plan.limits),
    )


def test_five_thousand_character_notes_wrap_and_page_x_of_y_is_right():
    plan = long_careplan(5000)
    assert len(plan.wishes) == 5000 and len(plan.other_important) == 5000
    data = careplan.render(plan, samples.meta("careplan", "Zorgplan"))
    texts = pages_text(data)
    assert len(texts) >= 3
    assert_common_frame(texts, PATIENT_NAME)
    for number, text in enumerate(texts, start=1):
        assert re.findall(r"Pagina (\d+) van (\d+)", text) == [(str(number), str(len(texts)))]
    assert_inside_pages(data)
    # Nothing lost: every character of the unbroken note is printed.
    assert "".join(texts).count("Ë") >= 5000


def test_emergency_page_has_the_essentials_on_one_page():
    data = emergency.render(samples.careplan(), samples.meta("emergency", "Spoedoverzicht"))
    texts = pages_text(data)
    assert len(texts) == 1
    assert_common_frame(texts, PATIENT_NAME)
    text = texts[0]
    assert_contains_all(
        text,
        (
            "BEL DE HUISARTSENPOST IN PLAATS VAN 112",
            "0900-1120112",
            "Reanimatie",
            "NEE",
            "JA, MET",
            "Gewenste plek van overlijden: Thuis.",
            "Centrale zorgverlener",
            "L. Visser (fictief)",
            "laatst besproken in MDO: 26-02-2026",
            "Zoë Hébert-van den Brœk (fictief)",
            "Morfine",
        ),
    )
    assert "zie zorgplan" not in text.replace("volledige afspraken staan in het zorgplan", "")
    assert INTERNAL_NOTE not in text


def maximal_careplan():
    """Every field filled to the maximum the database allows (text fields: 5,000)."""
    big = ("Lange tekst met ë en é over wat de huisartsenpost moet weten. " * 100)[:5000]
    name200 = ("Ëlla-Maria Hébert " * 15)[:200]
    phone = "0" * 40
    p = samples.patient(
        name=("Zoë " * 25)[:100] + " " + ("Hébert-van " * 10)[:100],
        address=("Lange Brinkstraat 12, Assen " * 8)[:200],
        phone=phone,
    )
    contact = Contact(("Wijkverpleegkundige " * 3)[:40], name200, name200, name200, phone, phone)
    plan = samples.careplan(p)
    return replace(
        plan,
        central_caregiver=replace(contact, role="Centrale zorgverlener"),
        first_contact=replace(contact, role="Eerste aanspreekpunt"),
        team=tuple(contact for _ in range(25)),
        gp_post_phone=phone,
        legally_capable="Nee",
        representative=RelatedPerson(name200, name200, name200),
        first_contact_person=RelatedPerson(name200, name200, name200),
        representative_is_first_contact=False,
        policy_goal=big,
        limits=tuple(
            TreatmentLimit(label=(row + " ") * 5, decision=limit.decision, limitation=big, note=big)
            for row, limit in zip(
                [lim.label for lim in plan.limits] * 2, plan.limits * 2, strict=True
            )
        ),
        icd=Choice("ICD", ("Ja", "Nee"), "Ja", big),
        icd_agreement=Choice("Uitzetten", ("Ja", "Nee"), "Nee, nog geen besluit genomen", big),
        place_of_death=Choice("Plek", ("Thuis",), "Thuis", big),
        euthanasia=Choice("Euthanasie", ("x",), big[:300]),
        wishes=big,
        other_important=big,
        dimensions=tuple(
            DimensionSection(d, big, (Agreement(big, d, name200),) * 5)
            for d in ("Fysiek", "Psychisch", "Sociaal", "Zingeving")
        ),
        scenarios=(Scenario(big, big, name200),) * 10,
        acute=AcuteAgreements(True, big, big, big, big),
        professional_notes=big,
        # Issue 17: diagnosis (condition note: 5,000), dying phase, every special population.
        diagnosis="Oncologisch: " + big,
        dying_since=date(2026, 2, 20),
        populations=tuple(p.label for p in Population),
        wilsbekwaamheid="Niet volledig wilsbekwaam",
        preferred_place_of_care=Choice("Plek van zorg", ("Thuis",), "Hospice", big),
    )


def test_emergency_page_is_one_page_at_maximum_field_lengths():
    plan = maximal_careplan()
    data = emergency.render(plan, samples.meta("emergency", "Spoedoverzicht"))
    texts = pages_text(data)
    assert len(texts) == 1
    assert "Pagina 1 van 1" in texts[0]
    assert CONFIDENTIAL in texts[0]
    assert "zie zorgplan" in texts[0]
    assert "BEL DE HUISARTSENPOST IN PLAATS VAN 112" in texts[0]
    flat = " ".join(texts[0].split())
    assert_contains_all(
        flat,
        (
            "STERVENSFASE sinds 20-02-2026",
            "Hoofddiagnose: Oncologisch",
            "Bijzondere groep:",
            "Gewenste plek van zorg: Hospice.",
            "Medicatie in huis (thuiskist):",
            "Spoedeisende hulp (SEH):",
        ),
    )
    assert_inside_pages(data)
    # Readable, not shrunk to a smudge: no text below 7 pt (the footer size).
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        sizes = [round(c["size"], 1) for c in pdf.pages[0].chars]
    assert min(sizes) >= 7.0
    # The full care plan with the same data runs over many pages, numbered right on each.
    full = PdfReader(io.BytesIO(careplan.render(plan, samples.meta("careplan", "Zorgplan"))))
    total = len(full.pages)
    assert total > 5
    for number, page in enumerate(full.pages, start=1):
        assert f"Pagina {number} van {total}" in page.extract_text()


def test_patient_version_is_plain_and_has_no_internal_notes():
    data = patient.render(samples.careplan(), samples.meta("patient", "Voor patiënt en naasten"))
    texts = pages_text(data)
    assert_common_frame(texts, PATIENT_NAME)
    text = "\n".join(texts)
    assert_contains_all(
        text,
        (
            "Uw wensen en afspraken",
            "Wie zijn er voor u?",
            "Uw vaste aanspreekpunt (centrale zorgverlener) is L. Visser (fictief)",
            "bel bij spoed de huisartsenpost, niet 112",
            "Reanimatie (hartmassage en",
            "Nee, dit wilt u niet.",
            "Waar u het liefst wilt overlijden: thuis.",
            "Muziek van Édith Piaf",
            "Wat het leven zin geeft",
        ),
    )
    assert INTERNAL_NOTE not in text
    assert "Interne notitie" not in text
    # The professionals' assessment per dimension stays out; agreements stay in.
    assert "Soms somber" not in text
    assert "Wekelijks gesprek met de POH." in text


def test_agenda_full_and_with_initials_only():
    meeting = samples.meeting()
    meta = samples.meta("agenda", "Agenda", "agenda van 12-03-2026")
    full = "\n".join(pages_text(agenda.render(meeting, meta)))
    assert_contains_all(
        full,
        (
            "Zoë Hébert-van den Brœk (fictief), geb. 17-05-1941",
            "Loïs de Wit-Mëijer (fictief)",
            "Mantelzorgondersteuning in de regio",
            "PaTz-bijeenkomst 12-03-2026 12:30",
        ),
    )

    data = agenda.render(meeting, meta, initials_only=True)
    texts = pages_text(data)
    assert_common_frame(texts, "PaTz-bijeenkomst 12-03-2026 12:30")
    text = "\n".join(texts)
    assert "Z.H. (1941) (fictief)" in text
    assert "L.d.W. (1950) (fictief)" in text
    for leak in ("Zoë", "Hébert", "Loïs", "Mëijer", "17-05-1941", "02-11-1950", "999990019"):
        assert leak not in text, leak
    assert "initialen en geboortejaar" in text


def test_minutes_with_attendance_roles_decisions_and_actions():
    data = minutes.render(samples.meeting(), samples.meta("minutes", "Verslag", "verslag"))
    texts = pages_text(data)
    assert_common_frame(texts, "PaTz-bijeenkomst 12-03-2026 12:30")
    text = "\n".join(texts)
    assert_contains_all(
        text,
        (
            "Verslag en presentielijst",
            "Presentielijst",
            "Voorzitter",
            "Notulist",
            "Consulent palliatieve zorg",
            "BIG 19000000001",
            "Aanwezig: 4 deelnemer(s).",
            "Afwezig / afgemeld: Dr. M. de Vries (fictief) (deelnemer)",
            "Consultatie STOP-team aanvragen.",
            "Nazorggesprek plannen met echtgenoot",
            "16-04-2026",
            "Thema-avond mantelzorg organiseren",
            "Actielijst",
            "Vastgesteld door de voorzitter",
            "☑ Plek van overlijden zoals gewenst",
            "☐ Spoedoverzicht bij HAP",
            "Zoë Hébert-van den Brœk (fictief)",
        ),
    )
    initials = "\n".join(
        pages_text(
            minutes.render(samples.meeting(), samples.meta("minutes", "V", "v"), initials_only=True)
        )
    )
    assert "Zoë" not in initials and "Z.H. (1941) (fictief)" in initials


def test_batch_has_every_agenda_patient_with_own_header_and_page_numbers():
    plans = [samples.careplan(), samples.careplan(samples.second_patient())]
    data = batch.render(samples.meeting(), plans, samples.meta("batch", "Zorgplannen", "overleg"))
    texts = pages_text(data)
    total = len(texts)
    assert "Zorgplannen voor het overleg" in texts[0]
    assert "Pagina 1 van 1 (blad 1 van" in texts[0]

    def header(t: str) -> str:
        return " ".join(t.splitlines()[:2])

    lois_pages = [t for t in texts if "Loïs de Wit-Mëijer (fictief)" in header(t)]
    zoe_pages = [t for t in texts if "Zoë Hébert-van den Brœk (fictief)" in header(t)]
    assert all("geb. 02-11-1950" in header(t) for t in lois_pages)
    assert all("geb. 17-05-1941" in header(t) for t in zoe_pages)
    assert len(lois_pages) >= 2 and len(zoe_pages) >= 2
    assert len(lois_pages) + len(zoe_pages) == total - 1
    for group in (zoe_pages, lois_pages):
        n = len(group)
        for i, text in enumerate(group, start=1):
            assert f"Pagina {i} van {n} (blad" in text
            assert CONFIDENTIAL in text
    assert f"(blad {total} van {total})" in texts[-1]


def test_password_protected_pdf_needs_the_password():
    plain = careplan.render(samples.careplan(), samples.meta("careplan", "Zorgplan"))
    locked = encrypt_pdf(plain, "Vertrouwelijk-2026")
    reader = PdfReader(io.BytesIO(locked))
    assert reader.is_encrypted
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    assert reader.decrypt("verkeerd-wachtwoord") == 0
    reader = PdfReader(io.BytesIO(locked))
    assert reader.decrypt("Vertrouwelijk-2026") != 0
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)  # AES-256 (PDF 2.0 security handler)
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    assert "Zoë Hébert-van den Brœk (fictief)" in reader.pages[0].extract_text()
    with pdfplumber.open(io.BytesIO(locked), password="Vertrouwelijk-2026") as pdf:
        assert CONFIDENTIAL in (pdf.pages[0].extract_text() or "")


def test_password_too_short_is_refused_in_dutch():
    with pytest.raises(ValidationError, match="minstens 8 tekens"):
        encrypt_pdf(b"%PDF-1.4", "kort")
