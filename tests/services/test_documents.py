"""services.documents: real encrypted database, real area services, PDFs read back."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError
from sqlalchemy import event, select

from pzmdo.domain import careplan as cp
from pzmdo.domain.errors import PzmdoError, ValidationError
from pzmdo.services import careplan, careteam, documents, register
from pzmdo.services.audit_log import list_audit
from pzmdo.services.context import AppContext
from pzmdo.services.documents import writing
from pzmdo.store.database import READ_ONLY
from pzmdo.store.models import Person
from pzmdo.store.models.meetings import Meeting
from tests.reports.test_documents import contains

INTERNAL = "Interne registernotitie: niet voor de patiënt (fictief)."


def text_of(path: Path, password: str | None = None) -> list[str]:
    with pdfplumber.open(path, password=password or "") as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def flat(texts: list[str]) -> str:
    return "\n".join(texts)


@pytest.fixture
def full_ctx(demo_ctx: AppContext) -> AppContext:
    from pzmdo.services.demo import run_area_demos

    run_area_demos(demo_ctx, 7)
    return demo_ctx


@pytest.fixture
def zoe(full_ctx: AppContext) -> int:
    return make_zoe(full_ctx)


def make_zoe(ctx: AppContext) -> int:
    """A fictional patient with ë and é, a care team and a care plan (two versions)."""
    with ctx.db.session() as s:
        gp = s.scalars(select(Person).where(Person.discipline == "huisarts")).first()
        poh = s.scalars(select(Person).where(Person.discipline == "poh")).first()
    pid = register.create_patient(
        ctx,
        register.PatientInput(
            given_name="Zoë",
            family_name="Hébert (fictief)",
            birth_date=date(1941, 5, 17),
            address="Brinkstraat 12",
            postcode="9401 HZ",
            city="Assen",
            phone="0592-111111",
            gp_person_id=gp.id,
            notes=INTERNAL,
            is_fictional=True,
        ),
    )
    careteam.set_central_caregiver(ctx, pid, gp.id, "Eigen huisarts (fictief)")
    careteam.set_role_holder(ctx, pid, "eerste_aanspreekpunt", poh.id, "POH (fictief)")
    day = date.today() - timedelta(days=3)
    content = cp.CarePlanContent(
        filled_at=day.isoformat(),
        conducted_by=cp.PersonName("Anna", "", "Jansen (fictief)"),
        conducted_by_function="huisarts",
        capable="ja",
        representative=cp.Contact(
            name=cp.PersonName("Anneloes", "", "Hébert (fictief)"),
            phones=(cp.Phone("06-87654321", "mobiel", None, ""),),
            relation="dochter",
        ),
        representative_is_first_contact="ja",
        present_patient=True,
        present_relations=("dochter",),
        goal="palliatief_symptoomverlichting",
        reanimatie=cp.TreatmentLimit("nee", "", "Stellig besproken met Zoë.", day),
        beademing=cp.TreatmentLimit("nee", "", "", day),
        ic_opname=cp.TreatmentLimit("nee", "", "", day),
        ziekenhuisopname=cp.TreatmentLimit("ja_beperkt", "alleen bij een heupfractuur", "", day),
        antibiotica=cp.TreatmentLimit("ja", "", "", day),
        icd="nee",
        wishes="Zoë wil thuis blijven; muziek van Édith Piaf geeft rust.",
        place_of_death="thuis",
        euthanasia="geen_euthanasie",
        organ_donation="nee",
        other_important="Kat Gérard wordt door de buurvrouw verzorgd.",
        informed_responsibility="ja",
        share_consent="akkoord",
        fysiek=cp.DimensionPlan("Kortademig", "Comfort", "Zuurstof thuis", "Huisarts"),
        scenarios=(cp.Scenario("Benauwd in de nacht", "Morfine volgens schema", "Dochter"),),
        acute=cp.AcuteAgreements(True, "Niet insturen.", "Niet reanimeren."),
    )
    careplan.save_plan(ctx, pid, content, effective_on=day)
    careplan.add_agreement(ctx, pid, "Wekelijks gesprek met de POH", "psychisch", "POH")
    return pid


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    """Where the user saves documents (the database lives elsewhere in tmp_path)."""
    folder = tmp_path / "documenten"
    folder.mkdir()
    return folder


def document_events(ctx: AppContext, patient_id: int | None = None) -> list:
    return [e for e in list_audit(ctx, patient_id=patient_id) if e.action == "document"]


def test_careplan_document_from_the_areas_services(full_ctx, zoe, outdir):
    out = outdir / "zorgplan.pdf"
    info = documents.produce(full_ctx, "careplan", out, patient_id=zoe)
    assert info.path == out and out.is_file()
    assert info.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert info.careplan_versions == ((zoe, 2),)
    texts = text_of(out)
    assert info.pages == len(texts)
    text = flat(texts)
    for expected in (
        "Zoë Hébert (fictief)",
        "Vertrouwelijk — medische gegevens",
        f"Pagina 1 van {len(texts)}",
        "Afgedrukt door Bea Beheer (fictief)",
        "zorgplan versie 2",
        "Huisartsenpraktijk De Test (fictief)",
        "Centrale zorgverlener",
        "Eerste aanspreekpunt",
        "Anneloes Hébert (fictief)",
        "muziek van Édith Piaf geeft rust",
        "alleen bij een heupfractuur",
        "Palliatief met als doel symptoomverlichting, waarbij levensverlenging niet gewenst is",
        "Wekelijks gesprek met de POH",
        "bel bij acute problemen de huisartsenpost in plaats van 112",
        INTERNAL,
    ):
        assert contains(text, expected), expected
    # Nothing else in the folder: no temporary file left behind.
    assert [p.name for p in outdir.iterdir()] == ["zorgplan.pdf"]
    # The audit trail: who, which patient, which version, the file's hash.
    events = document_events(full_ctx, zoe)
    assert len(events) == 1
    event = events[0]
    assert event.user == "beheer"
    detail = event.detail
    assert detail["soort"] == "careplan"
    assert detail["zorgplanversie"] == 2
    assert detail["sha256"] == info.sha256
    assert detail["patienten"] == [zoe]
    assert "Zoë" not in json.dumps(
        detail, ensure_ascii=False
    )  # the trail names the patient by id, not by name


def test_emergency_and_patient_documents(full_ctx, zoe, outdir):
    em = documents.produce(full_ctx, "emergency", outdir / "spoed.pdf", patient_id=zoe)
    assert em.pages == 1
    text = flat(text_of(em.path))
    for expected in (
        "BEL DE HUISARTSENPOST IN PLAATS VAN 112",
        "Reanimatie NEE",
        "Gewenste plek van overlijden: Thuis.",
        "Centrale zorgverlener",
        "Zoë Hébert (fictief)",
    ):
        assert contains(text, expected), expected

    pa = documents.produce(full_ctx, "patient", outdir / "voor-patient", patient_id=zoe)
    assert pa.path.name == "voor-patient.pdf"
    text = flat(text_of(pa.path))
    assert "Uw wensen en afspraken" in text and "Zoë" in text
    assert "Wekelijks gesprek met de POH" in text
    assert INTERNAL not in text and "Kortademig" not in text


def test_patient_without_care_plan_still_gets_a_document(full_ctx, outdir):
    pid = register.create_patient(
        full_ctx,
        register.PatientInput(
            given_name="Noël",
            family_name="Brück (fictief)",
            birth_date=date(1950, 1, 2),
            is_fictional=True,
        ),
    )
    info = documents.produce(full_ctx, "emergency", outdir / "x.pdf", patient_id=pid)
    text = flat(text_of(info.path))
    assert "Noël Brück (fictief)" in text and "Nog geen zorgplan vastgelegd" in text
    assert info.careplan_versions == ((pid, None),)


def closed_meeting(ctx: AppContext) -> int:
    with ctx.db.session() as s:
        return s.scalars(select(Meeting.id).where(Meeting.status == "afgerond")).first()


def test_agenda_minutes_and_batch_of_the_demo_meeting(full_ctx, outdir):
    from pzmdo.services.meetings import meeting_record

    mid = closed_meeting(full_ctx)
    record = meeting_record(full_ctx, mid)
    patient_ids = [i.item.patient_id for i in record.items if i.item.patient_id]
    names = [i.item.patient_name for i in record.items if i.item.patient_id]
    assert patient_ids

    ag = documents.produce(full_ctx, "agenda", outdir / "agenda.pdf", meeting_id=mid)
    text = flat(text_of(ag.path))
    assert "Agenda Kernteam-MDO" in text
    assert names[0].split()[0] in text

    mail = documents.produce(
        full_ctx, "agenda", outdir / "agenda-mail.pdf", meeting_id=mid, initials_only=True
    )
    text = flat(text_of(mail.path))
    assert "initialen en geboortejaar" in text
    for name in names:
        assert name not in text

    mi = documents.produce(full_ctx, "minutes", outdir / "verslag.pdf", meeting_id=mid)
    text = flat(text_of(mi.path))
    for expected in (
        "Verslag en presentielijst",
        "Voorzitter",
        "Notulist",
        "Actielijst",
        "verslag (vastgesteld)",
    ):
        assert contains(text, expected), expected
    assert record.attendance[0].name in text

    ba = documents.produce(full_ctx, "batch", outdir / "batch.pdf", meeting_id=mid)
    assert set(ba.patient_ids) == set(patient_ids)
    texts = text_of(ba.path)
    assert len(texts) > len(patient_ids)
    # One audit event per patient in the batch, each with that patient's plan version.
    for pid in patient_ids:
        events = [e for e in document_events(full_ctx, pid) if e.detail["soort"] == "batch"]
        assert len(events) == 1
        assert events[0].detail["overleg"] == mid


def test_batch_reads_its_records_in_one_transaction(full_ctx, outdir):
    """The batch reads every care plan in one write transaction, so the "dossier geopend"
    events (one per patient, NEN 7513) commit together; the document events in one more."""
    mid = closed_meeting(full_ctx)
    _, patient_ids = documents.meeting_data(full_ctx, mid)
    assert len(patient_ids) >= 2
    before = {e.id for e in list_audit(full_ctx)}
    writes: list[str] = []

    def count_writes(conn) -> None:  # noqa: ANN001
        # Every unit begins a transaction; read units carry the read-only option.
        if not conn.get_execution_options().get(READ_ONLY, False):
            writes.append(conn)

    full_ctx.opened_patient = None
    event.listen(full_ctx.db.engine, "begin", count_writes)
    try:
        documents.produce(full_ctx, "batch", outdir / "batch.pdf", meeting_id=mid)
    finally:
        event.remove(full_ctx.db.engine, "begin", count_writes)
    # On a server the changes announced after those units reach the other workstations in
    # one short transaction of their own (pg_notify; it writes no row).
    assert len(writes) == (2 if full_ctx.db.is_sqlite else 3)
    new = [e for e in list_audit(full_ctx) if e.id not in before]
    opened = [e.patient_id for e in new if e.action == "patient_open"]
    assert sorted(opened) == sorted(patient_ids)
    assert sorted(e.patient_id for e in new if e.action == "document") == sorted(patient_ids)


def test_password_protected_document(full_ctx, zoe, outdir):
    info = documents.produce(
        full_ctx,
        "careplan",
        outdir / "beveiligd.pdf",
        patient_id=zoe,
        password="Geheim-voor-mail-1",
    )
    assert info.protected
    reader = PdfReader(info.path)
    assert reader.is_encrypted
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    assert "Zoë Hébert (fictief)" in flat(text_of(info.path, "Geheim-voor-mail-1"))
    assert document_events(full_ctx, zoe)[0].detail["beveiligd"] is True


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "brief", "patient_id": 1}, "geen documentsoort"),
        ({"kind": "careplan"}, "Kies een patiënt"),
        ({"kind": "minutes"}, "Kies een overleg"),
        ({"kind": "careplan", "patient_id": 1, "initials_only": True}, "initialen"),
        ({"kind": "careplan", "patient_id": 1, "password": "kort"}, "minstens 8 tekens"),
        ({"kind": "careplan", "patient_id": 999_999}, "bestaat niet"),
    ],
)
def test_bad_requests_are_refused_in_dutch_and_nothing_is_written(
    full_ctx, outdir, kwargs, message
):
    kind = kwargs.pop("kind")
    with pytest.raises(PzmdoError, match=message):
        documents.produce(full_ctx, kind, outdir / "x.pdf", **kwargs)
    assert list(outdir.iterdir()) == []
    assert document_events(full_ctx) == []


def test_bad_targets_are_refused(full_ctx, zoe, outdir):
    with pytest.raises(ValidationError, match="is een map"):
        documents.produce(full_ctx, "careplan", outdir, patient_id=zoe)
    with pytest.raises(ValidationError, match="bestaat niet"):
        documents.produce(full_ctx, "careplan", outdir / "nee" / "x.pdf", patient_id=zoe)
    assert document_events(full_ctx) == []


def test_failure_while_recording_leaves_no_file_and_no_temp(full_ctx, zoe, outdir, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("schijf vol (test)")

    monkeypatch.setattr(writing, "_audit", broken)
    with pytest.raises(RuntimeError):
        documents.produce(full_ctx, "careplan", outdir / "z.pdf", patient_id=zoe)
    assert list(outdir.iterdir()) == []


def test_existing_file_is_replaced_whole(full_ctx, zoe, outdir):
    out = outdir / "zorgplan.pdf"
    out.write_bytes(b"oud")
    info = documents.produce(full_ctx, "careplan", out, patient_id=zoe)
    assert out.read_bytes()[:5] == b"%PDF-"
    assert hashlib.sha256(out.read_bytes()).hexdigest() == info.sha256
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == info.pages
