"""Producing PDF documents: gather the data through the areas' services, build the report
model, render, optionally protect with a password, write the file atomically where the user
asked, and record the document in the audit trail (who, when, which patients, which
care-plan version, SHA-256 of the file).

    produce(ctx, "careplan", Path("zorgplan.pdf"), patient_id=12)
    produce(ctx, "agenda", Path("agenda.pdf"), meeting_id=3, initials_only=True)
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import Dimension, PatientStatus
from pzmdo.domain.errors import NotFoundError, PzmdoError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import display_name
from pzmdo.reports import model as rm
from pzmdo.services import settings
from pzmdo.services.careplan import CarePlanView, current_plan
from pzmdo.services.careteam import team_summary
from pzmdo.services.context import AppContext
from pzmdo.services.directory import PersonInfo
from pzmdo.services.guard import require
from pzmdo.services.meetings import ActionInfo, meeting_record
from pzmdo.store import audit_chain
from pzmdo.store.models import AppUser, Patient, Person, Practice

PATIENT_KINDS = ("careplan", "emergency", "patient")
MEETING_KINDS = ("agenda", "minutes", "batch")
KINDS = PATIENT_KINDS + MEETING_KINDS
TITLES = {
    "careplan": "Zorgplan",
    "emergency": "Spoedoverzicht",
    "patient": "Voor patiënt en naasten",
    "agenda": "Agenda",
    "minutes": "Verslag en presentielijst",
    "batch": "Zorgplannen voor het overleg",
}
GP_POST_PHONE_SETTING = settings.GP_POST_PHONE


@dataclass(frozen=True)
class DocumentInfo:
    kind: str
    title: str
    path: Path
    pages: int
    size: int
    sha256: str
    patient_ids: tuple[int, ...]
    careplan_versions: tuple[tuple[int, int | None], ...]  # (patient id, version or None)
    meeting_id: int | None
    protected: bool
    initials_only: bool
    printed: bool = False  # sent to a printer, no file


def kind_title(kind: str) -> str:
    return TITLES[kind]


# -- entry point ---------------------------------------------------------------------------


def produce(
    ctx: AppContext,
    kind: str,
    out: Path,
    *,
    patient_id: int | None = None,
    meeting_id: int | None = None,
    initials_only: bool = False,
    password: str | None = None,
) -> DocumentInfo:
    """Make the document ``kind`` and write it to ``out`` (nothing is left behind on failure)."""
    require(ctx, Action.DOCUMENTS)
    from pzmdo.reports.protect import check_password, encrypt_pdf

    out = _check_target(Path(out))
    _check_request(kind, patient_id, meeting_id, initials_only)
    if password is not None:
        check_password(password)

    data, patients, versions = _render(ctx, kind, patient_id, meeting_id, initials_only)
    if password is not None:
        data = encrypt_pdf(data, password)
    digest = hashlib.sha256(data).hexdigest()
    pages = _page_count(data, password)
    info = DocumentInfo(
        kind=kind,
        title=TITLES[kind],
        path=out,
        pages=pages,
        size=len(data),
        sha256=digest,
        patient_ids=tuple(patients),
        careplan_versions=tuple(versions.items()),
        meeting_id=meeting_id,
        protected=password is not None,
        initials_only=initials_only,
    )
    _write_and_audit(ctx, out, data, info)
    ctx.changes.publish("document", *info.patient_ids)
    return info


def produce_for_print(
    ctx: AppContext,
    kind: str,
    *,
    patient_id: int | None = None,
    meeting_id: int | None = None,
    initials_only: bool = False,
) -> tuple[bytes, DocumentInfo]:
    """The same PDF as ``produce`` would save, kept in memory for printing (never on disk);
    the print is recorded in the audit trail like a saved document."""
    require(ctx, Action.DOCUMENTS)
    _check_request(kind, patient_id, meeting_id, initials_only)
    data, patients, versions = _render(ctx, kind, patient_id, meeting_id, initials_only)
    info = DocumentInfo(
        kind=kind,
        title=TITLES[kind],
        path=Path(),
        pages=_page_count(data, None),
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        patient_ids=tuple(patients),
        careplan_versions=tuple(versions.items()),
        meeting_id=meeting_id,
        protected=False,
        initials_only=initials_only,
        printed=True,
    )
    with ctx.unit() as s:
        _audit(ctx, s, info)
    ctx.changes.publish("document", *info.patient_ids)
    return data, info


def _check_request(
    kind: str, patient_id: int | None, meeting_id: int | None, initials_only: bool
) -> None:
    if kind not in KINDS:
        raise ValidationError(f"'{kind}' is geen documentsoort. Kies uit: {', '.join(KINDS)}.")
    if kind in PATIENT_KINDS and patient_id is None:
        raise ValidationError(f"Kies een patiënt voor het document '{TITLES[kind]}'.")
    if kind in MEETING_KINDS and meeting_id is None:
        raise ValidationError(f"Kies een overleg voor het document '{TITLES[kind]}'.")
    if initials_only and kind not in ("agenda", "minutes"):
        raise ValidationError(
            "Alleen initialen en geboortejaar kan bij de agenda en het verslag, niet bij "
            f"'{TITLES[kind]}'."
        )


def _check_target(out: Path) -> Path:
    out = out.expanduser()
    if not out.name or out.is_dir():
        raise ValidationError(
            f"'{out}' is een map. Kies een bestandsnaam, bijvoorbeeld zorgplan.pdf."
        )
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(
            f"De map '{folder}' bestaat niet. Kies een bestaande map om het document op te slaan."
        )
    if not os.access(folder, os.W_OK):
        raise ValidationError(
            f"In de map '{folder}' mag pzmdo niet schrijven. Kies een andere map."
        )
    return out.absolute()


def _page_count(data: bytes, password: str | None) -> int:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if password is not None:
        reader.decrypt(password)
    return len(reader.pages)


def _write_and_audit(ctx: AppContext, out: Path, data: bytes, info: DocumentInfo) -> None:
    """Write next to the target, then rename over it inside the audit transaction.

    The temporary file lives in the target folder (never in a temp folder), readable only by
    the user, and is removed when anything fails; the audit event commits with the file.
    """
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.deel")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        _remove(tmp)
        raise PzmdoError(
            f"Het document kon niet worden opgeslagen in '{out.parent}' ({exc.strerror}). "
            "Kies een andere map of maak ruimte vrij en probeer het opnieuw."
        ) from None
    replaced = False
    try:
        with ctx.unit() as s:
            _audit(ctx, s, info)
            try:
                os.replace(tmp, out)
            except OSError as exc:
                raise PzmdoError(
                    f"Het document kon niet worden opgeslagen als '{out.name}' "
                    f"({exc.strerror}). Is het bestand nog geopend in een ander programma? "
                    "Sluit het en probeer het opnieuw."
                ) from None
            replaced = True
    except BaseException:
        _remove(tmp)
        if replaced:  # the audit did not commit: do not leave an unrecorded document behind
            _remove(out)
        raise


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _audit(ctx: AppContext, s: Session, info: DocumentInfo) -> None:
    versions = dict(info.careplan_versions)
    common = {
        "soort": info.kind,
        "titel": info.title,
        "bestand": "(afgedrukt)" if info.printed else info.path.name,
        "afgedrukt": info.printed,
        "sha256": info.sha256,
        "paginas": info.pages,
        "beveiligd": info.protected,
        "initialen": info.initials_only,
        "patienten": list(info.patient_ids),
        "overleg": info.meeting_id,
    }
    entity, entity_id = ("meeting", info.meeting_id) if info.meeting_id else ("document", None)
    targets: Iterable[int | None] = info.patient_ids or (None,)
    for pid in targets:
        detail = dict(common)
        if pid is not None and pid in versions:
            detail["zorgplanversie"] = versions[pid]
        ctx.audit(
            s,  # type: ignore[arg-type]
            AuditAction.DOCUMENT,
            patient_id=pid,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        )


# -- rendering -------------------------------------------------------------------------------


def _render(
    ctx: AppContext,
    kind: str,
    patient_id: int | None,
    meeting_id: int | None,
    initials_only: bool,
) -> tuple[bytes, list[int], dict[int, int | None]]:
    from pzmdo.reports import agenda, batch, careplan, emergency, minutes, patient

    if kind in PATIENT_KINDS:
        assert patient_id is not None
        plan = careplan_data(ctx, patient_id)
        meta = _meta(ctx, kind, _plan_version_label(plan))
        renderer = {"careplan": careplan, "emergency": emergency, "patient": patient}[kind]
        return renderer.render(plan, meta), [patient_id], {patient_id: plan.version}

    assert meeting_id is not None
    meeting, patient_ids = meeting_data(ctx, meeting_id)
    if kind == "batch":
        plans = [careplan_data(ctx, pid) for pid in patient_ids]
        label = f"zorgplannen bij overleg van {meeting.meeting_date:%d-%m-%Y}"
        data = batch.render(meeting, plans, _meta(ctx, kind, label))
        return (
            data,
            patient_ids,
            {pid: p.version for pid, p in zip(patient_ids, plans, strict=True)},
        )
    closed = meeting.status_label == "Afgerond"
    if kind == "agenda":
        label = f"agenda van {meeting.meeting_date:%d-%m-%Y}"
        data = agenda.render(meeting, _meta(ctx, kind, label), initials_only=initials_only)
    else:
        label = "verslag (vastgesteld)" if closed else "CONCEPT-verslag (overleg niet afgerond)"
        data = minutes.render(meeting, _meta(ctx, kind, label), initials_only=initials_only)
    return data, patient_ids, {}


def _plan_version_label(plan: rm.CarePlanData) -> str:
    if plan.version is None:
        return "nog geen zorgplan vastgelegd"
    when = f", actueel per {plan.current_as_of:%d-%m-%Y}" if plan.current_as_of else ""
    return f"zorgplan versie {plan.version}{when}"


def _meta(ctx: AppContext, kind: str, version_label: str) -> rm.DocumentMeta:
    with ctx.read() as s:
        practice = s.scalars(select(Practice).order_by(Practice.id).limit(1)).first()
        head = audit_chain.head(s).short
    return rm.DocumentMeta(
        kind=kind,
        title=TITLES[kind],
        practice_name=practice.name if practice else "Huisartsenpraktijk",
        printed_by=ctx.user.name,
        printed_at=datetime.now().replace(microsecond=0),
        version_label=version_label,
        audit_head=head,
    )


# -- patients --------------------------------------------------------------------------------


def _ident(p: Patient) -> rm.PatientIdent:
    address = ", ".join(x for x in (p.address, " ".join(y for y in (p.postcode, p.city) if y)) if x)
    try:
        status = PatientStatus(p.status).label
    except ValueError:
        status = p.status
    return rm.PatientIdent(
        name=display_name(p.given_name, p.name_prefix, p.family_name),
        birth_date=p.birth_date,
        bsn=p.bsn,
        given_name=p.given_name,
        name_prefix=p.name_prefix,
        family_name=p.family_name,
        address=address or None,
        phone=p.phone,
        status_label=status,
        is_fictional=p.is_fictional,
    )


def _patients(ctx: AppContext, ids: Iterable[int]) -> dict[int, Patient]:
    wanted = set(ids)
    if not wanted:
        return {}
    with ctx.read() as s:
        rows = list(s.scalars(select(Patient).where(Patient.id.in_(wanted))))
        for row in rows:
            s.expunge(row)
    return {p.id: p for p in rows}


def _contact(role: str, person: PersonInfo) -> rm.Contact:
    return rm.Contact(
        role=role,
        name=person.name,
        discipline=person.discipline_label or None,
        organisation=person.organisation or None,
        phone=person.phone or None,
        phone_out_of_hours=person.phone_out_of_hours or None,
        email=person.email or None,
    )


def careplan_data(ctx: AppContext, patient_id: int) -> rm.CarePlanData:
    """The report model for one patient: register data, care team and current care plan."""
    require(ctx, Action.DOCUMENTS)
    patient = _patients(ctx, [patient_id]).get(patient_id)
    if patient is None:
        raise NotFoundError(f"Patiënt {patient_id} bestaat niet (meer).")
    ident = _ident(patient)
    central, first, team = _team(ctx, patient)
    from pzmdo.services.settings import get_setting

    gp_post = get_setting(ctx, GP_POST_PHONE_SETTING, "") or None
    base = rm.CarePlanData(
        patient=ident,
        central_caregiver=central,
        first_contact=first,
        team=tuple(team),
        gp_post_phone=gp_post,
        professional_notes=patient.notes or "",
        last_discussed_on=patient.last_discussed_on,
        next_review_on=patient.next_review_on,
    )
    view = current_plan(ctx, patient_id)
    if view is None:
        return base
    return _with_plan(base, view)


def _team(
    ctx: AppContext, patient: Patient
) -> tuple[rm.Contact | None, rm.Contact | None, list[rm.Contact]]:
    central = first = None
    team: list[rm.Contact] = []
    summary = team_summary(ctx, patient.id)
    seen: set[int] = set()
    if summary is not None:
        if summary.central_caregiver:
            central = _contact("Centrale zorgverlener", summary.central_caregiver.person)
            seen.add(summary.central_caregiver.person.id)
        if summary.first_contact:
            first = _contact("Eerste aanspreekpunt", summary.first_contact.person)
            seen.add(summary.first_contact.person.id)
        for m in summary.members:
            if m.role in ("centrale_zorgverlener", "eerste_aanspreekpunt"):
                continue
            role = m.person.discipline_label if m.role == "teamlid" else m.role_label
            team.append(_contact(role, m.person))
            seen.add(m.person.id)
    if patient.gp_person_id and patient.gp_person_id not in seen:
        with ctx.read() as s:
            gp = s.get(Person, patient.gp_person_id)
            if gp is not None:
                team.insert(
                    0,
                    rm.Contact(
                        "Huisarts",
                        gp.name,
                        None,
                        gp.organisation,
                        gp.phone,
                        gp.phone_out_of_hours,
                        gp.email,
                    ),
                )
    return central, first, team


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


def _with_plan(base: rm.CarePlanData, view: CarePlanView) -> rm.CarePlanData:
    """Map the care-plan area's content onto the report model (national form order)."""
    from dataclasses import replace

    from pzmdo.domain import careplan as cp

    c = view.content

    def labels(answer_set: cp.AnswerSet, form: bool = False) -> tuple[str, ...]:
        return tuple(o.display if form else o.label for o in answer_set)

    def chosen(answer_set: cp.AnswerSet, code: str | None, form: bool = False) -> str | None:
        opt = cp.option(answer_set, code)
        if opt is None:
            return None
        return opt.display if form else opt.label

    def choice(
        label: str, answer_set: cp.AnswerSet, code: str | None, note: str = "", form: bool = False
    ) -> rm.Choice:
        return rm.Choice(label, labels(answer_set, form), chosen(answer_set, code, form), note)

    def related(contact: cp.Contact) -> rm.RelatedPerson | None:
        if contact.is_empty():
            return None
        relation = (
            contact.relation_other
            if contact.relation == "anders" and contact.relation_other
            else cp.label_of(cp.RELATION, contact.relation)
        )
        reach = [ph.number for ph in contact.phones] + [e.address for e in contact.emails]
        return rm.RelatedPerson(
            contact.name.display() or "(naam niet ingevuld)",
            relation or None,
            ", ".join(reach) or None,
        )

    limits = []
    for key, label in zip(cp.LIMIT_KEYS[:6], rm.TREATMENT_LIMIT_ROWS, strict=True):
        lim = c.limit(key)
        limits.append(
            rm.TreatmentLimit(
                label=label,
                decision=lim.decision or "",
                limitation=lim.restriction,
                note=lim.note,
                discussed_on=lim.discussed_on,
            )
        )
    other = c.overige
    other_note = "; ".join(x for x in (other.treatment, other.note) if x)
    present = ["Patiënt"] if c.present_patient else []
    present += [
        c.present_role_other
        if code == "anders" and c.present_role_other
        else cp.label_of(cp.PRESENT_ROLE, code)
        for code in c.present_roles
    ]
    present += [
        c.present_relation_other
        if code == "anders" and c.present_relation_other
        else cp.label_of(cp.RELATION, code)
        for code in c.present_relations
    ]
    earlier_note = c.earlier_agreements_note
    if c.earlier_differ:
        differ = cp.label_of(cp.YES_NO_UNKNOWN, c.earlier_differ).lower()
        earlier_note = "; ".join(
            x for x in (earlier_note, f"wijken af van de huidige afspraken: {differ}") if x
        )
    dimensions = []
    for key in cp.DIMENSION_KEYS:
        dim = c.dimension(key)
        situation = "\n".join(
            x
            for x in (
                f"Problemen en behoeften: {dim.problems}" if dim.problems else "",
                f"Doelen: {dim.goals}" if dim.goals else "",
            )
            if x
        )
        dimensions.append(
            rm.DimensionSection(
                Dimension(key).label,
                situation,
                tuple(rm.Agreement(line, Dimension(key).label) for line in _lines(dim.agreements)),
                dim.who,
            )
        )
    filled = None
    if c.filled_at:
        with contextlib.suppress(ValidationError, ValueError):
            filled = cp.instant_date(c.filled_at)
    return replace(
        base,
        version=view.version,  # type: ignore[attr-defined]
        current_as_of=view.effective_on,  # type: ignore[attr-defined]
        filled_on=filled,
        conducted_by=c.conducted_by.display() or None,
        conducted_by_function=cp.label_of(cp.FUNCTION, c.conducted_by_function) or None,
        legally_capable=cp.label_of(cp.YES_NO, c.capable) or None,
        legally_capable_note=c.capable_note,
        representative=related(c.representative),
        representative_is_first_contact={"ja": True, "nee": False}.get(
            c.representative_is_first_contact or ""
        ),
        first_contact_person=related(c.first_contact),
        present=tuple(x for x in present if x),
        policy_goal=chosen(cp.GOAL, c.goal, form=True),
        limits=tuple(limits),
        other_limits=rm.Choice(
            "Overige behandelgrenzen",
            labels(cp.DECISION_OTHER),
            chosen(cp.DECISION_OTHER, other.decision),
            other_note,
        ),
        icd=choice("Heeft de patiënt een ICD?", cp.YES_NO_UNKNOWN, c.icd, c.icd_note),
        icd_agreement=choice(
            "Is er een afspraak over moment van uitzetten ICD?",
            cp.ICD_OFF,
            c.icd_off,
            c.icd_off_note,
            form=False,
        )
        if c.icd == "ja"
        else None,
        wishes=c.wishes,
        place_of_death=choice(
            "Gewenste plek van overlijden:",
            cp.PLACE_OF_DEATH,
            c.place_of_death,
            c.place_of_death_note,
        ),
        euthanasia=choice(
            "Euthanasie standpunt:", cp.EUTHANASIA, c.euthanasia, c.euthanasia_note, form=True
        ),
        organ_donation=choice(
            "Keuze orgaandonatie vastgelegd in donorregister?",
            cp.YES_NO_UNKNOWN,
            c.organ_donation,
        ),
        other_important=c.other_important,
        prior_directives=choice(
            "Heeft de patiënt eerder behandelafspraken vastgelegd?",
            cp.YES_NO_UNKNOWN,
            c.earlier_agreements,
            earlier_note,
        ),
        informed_about_sharing=choice(
            "Patiënt geïnformeerd over eigen verantwoordelijkheid om deze behandelafspraken "
            "met naasten te bespreken?",
            cp.YES_NO,
            c.informed_responsibility,
        ),
        consent_to_share=choice(
            "Patiënt gaat akkoord met het delen van deze behandelafspraken met andere "
            "betrokken hulpverleners",
            cp.SHARE_CONSENT,
            c.share_consent,
        ),
        dimensions=tuple(dimensions),
        agreements=tuple(rm.Agreement(line) for line in _lines(c.other_agreements)),
        scenarios=tuple(rm.Scenario(sc.trigger, sc.action, sc.who or None) for sc in c.scenarios),
        acute=rm.AcuteAgreements(
            call_gp_post_instead_of_112=c.acute.call_hap_not_112,
            for_gp_post=c.acute.hap_must_know,
            for_ambulance=c.acute.ambulance_must_know,
        ),
    )


# -- meetings --------------------------------------------------------------------------------

MEETING_TITLES = {
    "kernteam": "Kernteam-MDO",
    "patz": "PaTz-bijeenkomst",
    "transmuraal": "Transmuraal overleg",
}


def meeting_data(ctx: AppContext, meeting_id: int) -> tuple[rm.MeetingData, list[int]]:
    """The report model for a meeting and the patients on its agenda (in agenda order)."""
    require(ctx, Action.DOCUMENTS)
    from pzmdo.domain.meetings import ChecklistItem, ItemStatus
    from pzmdo.store.models.meetings import MeetingTeam

    record = meeting_record(ctx, meeting_id)
    info = record.meeting
    patient_ids: list[int] = []
    for item in record.items:
        pid = item.item.patient_id
        if pid is not None and pid not in patient_ids:
            patient_ids.append(pid)
    action_pids = [a.patient_id for a in record.actions if a.patient_id is not None]
    rows = _patients(ctx, [*patient_ids, *action_pids])
    idents = {pid: _ident(p) for pid, p in rows.items()}
    with ctx.read() as s:
        team = s.get(MeetingTeam, info.team_id)
        persons = (
            {
                p.id: p
                for p in s.scalars(
                    select(Person).where(Person.id.in_([a.person_id for a in record.attendance]))
                )
            }
            if record.attendance
            else {}
        )
        minutes_per_patient = team.minutes_per_patient if team else None
        kind = team.kind if team else "kernteam"
        registrations = {
            pid: (
                f"BIG {p.big_number}"
                if p.big_number
                else (f"AGB {p.agb_code}" if p.agb_code else None)
            )
            for pid, p in persons.items()
        }
        organisations = {pid: p.organisation for pid, p in persons.items()}

    def action(a: ActionInfo) -> rm.ActionItem:
        pid = a.patient_id
        return rm.ActionItem(
            what=a.what,
            owner=a.owner_name or None,
            due=a.due,
            patient=idents.get(pid) if pid else None,
            done=a.done_on is not None,
        )

    items = []
    for rec in record.items:
        it = rec.item
        entry = rm.AgendaEntry(
            position=it.position,
            reason=it.reason_label,
            patient=idents.get(it.patient_id) if it.patient_id else None,
            title=it.title,
            detail=it.detail,
            minutes=minutes_per_patient if it.patient_id else None,
        )
        notes = tuple(
            (Dimension(code).label, text) for code, text in rec.notes.items() if text.strip()
        )
        checklist = tuple(
            (ChecklistItem(code).label, answer == "ja")
            for code, answer in rec.checklist.items()
            if answer in ("ja", "nee")
        )
        items.append(
            rm.MinutesItem(
                entry=entry,
                notes=notes,
                checklist=checklist,
                decisions=tuple(d.text for d in rec.decisions),
                actions=tuple(action(a) for a in rec.actions),
                discussed=it.status != ItemStatus.NIET_TOEGEKOMEN.value,
            )
        )
    amendments = "\n".join(
        f"Aanvulling van {a.at:%d-%m-%Y} door {a.by}: {a.text}" for a in record.amendments
    )
    notes = "\n".join(x for x in (f"Thema: {info.theme}" if info.theme else "", amendments) if x)
    place = info.place + (f" · online: {info.online_link}" if info.online_link else "")
    meeting = rm.MeetingData(
        title=MEETING_TITLES.get(kind, "Overleg"),
        meeting_date=info.held_on,
        start_time=info.start_time,
        location=place or None,
        team_name=info.team_name or None,
        chair=info.chair_name or None,
        minute_taker=info.scribe_name or None,
        status_label=info.status_label,
        attendees=tuple(
            rm.Attendee(
                name=a.name,
                role=a.function_label,
                discipline=a.role_label,
                organisation=organisations.get(a.person_id),
                present=a.present is True,
                registration=registrations.get(a.person_id),
            )
            for a in record.attendance
        ),
        items=tuple(items),
        decisions=tuple(d.text for d in record.decisions if d.item_id is None),
        actions=tuple(action(a) for a in record.actions if a.item_id is None),
        notes=notes,
    )
    return meeting, patient_ids


def default_file_name(kind: str, *, label: str = "", on: date | None = None) -> str:
    """A file name suggestion without patient names: 'zorgplan-2026-03-12.pdf'."""
    stem = {
        "careplan": "zorgplan",
        "emergency": "spoedoverzicht",
        "patient": "zorgplan-voor-patient",
        "agenda": "agenda",
        "minutes": "verslag-en-presentielijst",
        "batch": "zorgplannen-overleg",
    }[kind]
    day = (on or date.today()).isoformat()
    extra = f"-{label}" if label else ""
    return f"{stem}{extra}-{day}.pdf"


@dataclass(frozen=True)
class DocumentRecord:
    """One produced document, as the audit trail remembers it."""

    at: datetime
    user: str
    kind: str
    title: str
    file_name: str
    pages: int | None
    sha256: str
    patient_id: int | None
    careplan_version: int | None
    meeting_id: int | None
    protected: bool


def document_history(
    ctx: AppContext, patient_id: int | None = None, limit: int = 200
) -> list[DocumentRecord]:
    """Documents produced (newest first), for one patient or all; one row per document."""
    require(ctx, Action.VIEW_RECORD)
    import json

    from pzmdo.store.models import AuditEvent

    query = select(AuditEvent).where(AuditEvent.action == "document")
    if patient_id is not None:
        query = query.where(AuditEvent.patient_id == patient_id)
    query = query.order_by(AuditEvent.id.desc()).limit(limit * 5 if patient_id is None else limit)
    with ctx.read() as s:
        rows = list(s.scalars(query))
        # Shown by full name ("Dr. A. Jansen"), as people know each other, not by login.
        names = dict(
            s.execute(
                select(AppUser.login, Person.name).join(Person, Person.id == AppUser.person_id)
            ).all()
        )
    out: list[DocumentRecord] = []
    seen: set[str] = set()
    for row in rows:
        try:
            detail = json.loads(row.detail or "{}")
        except ValueError:
            continue
        digest = str(detail.get("sha256", ""))
        if patient_id is None and digest in seen:  # a batch is one document, many events
            continue
        seen.add(digest)
        kind = str(detail.get("soort", ""))
        out.append(
            DocumentRecord(
                at=row.at,
                user=names.get(row.user_login, row.user_login),
                kind=kind,
                title=str(detail.get("titel", TITLES.get(kind, kind))),
                file_name=str(detail.get("bestand", "")),
                pages=detail.get("paginas"),
                sha256=digest,
                patient_id=row.patient_id,
                careplan_version=detail.get("zorgplanversie"),
                meeting_id=detail.get("overleg"),
                protected=bool(detail.get("beveiligd")),
            )
        )
        if len(out) >= limit:
            break
    return out
