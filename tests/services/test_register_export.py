"""Register export (issue 16): the selection with chosen columns to CSV and Excel, private
(0600) and audited; re-imported into a fresh database it gives the same register."""

from __future__ import annotations

import os
import stat

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from pzmdo.domain.errors import ValidationError
from pzmdo.services import directory, importer, register_export
from pzmdo.services.register import RegisterQuery
from pzmdo.store.models import Patient, Person
from pzmdo.store.models.core import AuditEvent
from pzmdo.store.models.register import Death


def _register(ctx) -> list[tuple]:
    """The register as data: everything the export carries, per patient, sorted."""
    with ctx.db.session() as s:
        deaths = {pid: day for pid, day in s.execute(select(Death.patient_id, Death.died_on))}
        gps = {pid: name for pid, name in s.execute(select(Person.id, Person.name))}
        rows = [
            (
                p.family_name, p.name_prefix, p.given_name, p.birth_date, p.sex, p.bsn,
                p.his_number, p.status, p.marked_on, deaths.get(p.id), gps.get(p.gp_person_id),
                p.urgency, p.condition, p.condition_note, p.phone,
            )
            for p in s.scalars(select(Patient))
        ]  # fmt: skip
    return sorted(rows, key=repr)


@pytest.fixture
def fresh(_template_db, tmp_path):
    (tmp_path / "nieuw").mkdir()
    context = _template_db.copy_to(tmp_path / "nieuw" / "praktijk.db")
    yield context
    context.close()


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_reimports_as_the_same_register(demo_ctx, fresh, tmp_path, suffix):
    original = _register(demo_ctx)
    assert len(original) == 40
    statuses = {row[7] for row in original}
    assert {"gemarkeerd", "overleden"} <= statuses  # the demo has a varied register
    path = tmp_path / f"register.{suffix}"
    result = register_export.export_register(demo_ctx, RegisterQuery(status=None), path)
    assert result.count == 40 and "patiëntgegevens" in result.warning
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600

    # The GPs exist in the new practice's directory too (matched on name).
    for person in directory.list_persons(demo_ctx, ["huisarts"]):
        if person.name not in {p.name for p in directory.list_persons(fresh, ["huisarts"])}:
            directory.add_person(fresh, directory.PersonInput(person.name, "huisarts"))
    plan, imported = importer.import_file(fresh, path)
    assert not plan.rejected and not plan.skipped, plan.report()
    assert imported is not None and imported.added == 40
    assert _register(fresh) == original

    with demo_ctx.db.session() as s:
        event = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "register_export")
        ).one()
    assert '"aantal": 40' in event.detail and f'"formaat": "{suffix}"' in event.detail
    assert "fictief" not in event.detail  # counts and columns, never names


def test_selection_and_columns(demo_ctx, tmp_path):
    path = tmp_path / "gemarkeerd.xlsx"
    columns = register_export.parse_columns("achternaam, voornaam ,Geboortedatum,urgentie")
    assert columns == ("family_name", "given_name", "birth_date", "urgency")
    result = register_export.export_register(
        demo_ctx, RegisterQuery(status="gemarkeerd"), path, columns
    )
    wb = load_workbook(path)
    rows = list(wb.active.iter_rows(values_only=True))
    assert rows[0] == ("Achternaam", "Voornaam", "Geboortedatum", "Urgentie (kleur)")
    assert len(rows) - 1 == result.count > 0
    assert all(r[2] is not None and r[2].year > 1900 for r in rows[1:])  # real date cells
    with demo_ctx.db.session() as s:
        marked = s.scalar(
            select(Patient.id).where(Patient.status == "gemarkeerd").limit(1)
        )
    assert marked is not None
    with pytest.raises(ValidationError, match="Onbekende kolom 'kleurtje'"):
        register_export.parse_columns("kleurtje")
    with pytest.raises(ValidationError, match=r"\.csv of \.xlsx"):
        register_export.export_register(demo_ctx, RegisterQuery(), tmp_path / "x.pdf")
