"""The real ``pzmdo report`` command (subprocess, real encrypted database)."""

from __future__ import annotations

import json
from datetime import date

from pypdf import PdfReader

from tests.support.cli import run_pzmdo


def test_report_careplan_emergency_patient_and_errors(ctx, db_path, tmp_path):
    from pzmdo.services.register import PatientInput, create_patient

    pid = create_patient(
        ctx,
        PatientInput(
            given_name="Zoë",
            family_name="Hébert (fictief)",
            birth_date=date(1941, 5, 17),
            is_fictional=True,
        ),
    )
    ctx.close()
    out = tmp_path / "uit"
    out.mkdir()
    done = run_pzmdo(
        "report", "careplan", "--patient", str(pid), "-o", str(out / "zp.pdf"), db=db_path
    )
    assert done.returncode == 0, done.stderr
    assert "Zorgplan opgeslagen:" in done.stdout and "SHA-256:" in done.stdout
    assert "Zoë Hébert (fictief)" in PdfReader(out / "zp.pdf").pages[0].extract_text()

    em = run_pzmdo(
        "report", "emergency", "--patient", str(pid), "-o", str(out / "spoed"), "--json", db=db_path
    )
    assert em.returncode == 0, em.stderr
    data = json.loads(em.stdout)
    assert data["paginas"] == 1 and data["bestand"].endswith("spoed.pdf")
    assert data["zorgplanversies"] == {str(pid): None}

    locked = run_pzmdo(
        "report",
        "patient",
        "--patient",
        str(pid),
        "-o",
        str(out / "p.pdf"),
        "--password",
        db=db_path,
        extra_env={"PZMDO_PDF_PASSWORD": "Mail-wachtwoord-26"},
    )
    assert locked.returncode == 0, locked.stderr
    assert "beveiligd" in locked.stdout
    reader = PdfReader(out / "p.pdf")
    assert reader.is_encrypted and reader.decrypt("Mail-wachtwoord-26")

    for args, message in (
        (("report", "careplan", "--patient", "9999", "-o", str(out / "x.pdf")), "bestaat niet"),
        (
            ("report", "careplan", "--patient", str(pid), "-o", str(out / "nee" / "x.pdf")),
            "bestaat niet",
        ),
        (("report", "agenda", "--meeting", "9999", "-o", str(out / "a.pdf")), "bestaat niet"),
        (
            ("report", "careplan", "--patient", str(pid), "-o", str(out / "k.pdf"), "--password"),
            "minstens 8 tekens",
        ),
    ):
        bad = run_pzmdo(*args, db=db_path, extra_env={"PZMDO_PDF_PASSWORD": "kort"})
        assert bad.returncode == 1, bad.stdout
        assert message in bad.stderr and "Traceback" not in bad.stderr
        assert bad.stderr.startswith("pzmdo: ")
    assert sorted(p.name for p in out.iterdir()) == ["p.pdf", "spoed.pdf", "zp.pdf"]

    usage = run_pzmdo("report", db=db_path)
    assert usage.returncode == 1 and "Kies een documentsoort" in usage.stderr


def test_report_agenda_minutes_batch_of_demo_meeting(demo_ctx, db_path, tmp_path):
    from sqlalchemy import select

    from pzmdo.services.demo import run_area_demos
    from pzmdo.store.models.meetings import Meeting

    run_area_demos(demo_ctx, 7)
    with demo_ctx.db.session() as s:
        mid = s.scalars(select(Meeting.id).where(Meeting.status == "afgerond")).first()
    demo_ctx.close()
    for kind, extra in (("agenda", ["--initials"]), ("minutes", []), ("batch", [])):
        out = tmp_path / f"{kind}.pdf"
        done = run_pzmdo("report", kind, "--meeting", str(mid), "-o", str(out), *extra, db=db_path)
        assert done.returncode == 0, done.stderr
        text = PdfReader(out).pages[0].extract_text()
        assert "Vertrouwelijk — medische gegevens" in text
    assert "initialen en geboortejaar" in PdfReader(tmp_path / "agenda.pdf").pages[0].extract_text()
