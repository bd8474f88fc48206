"""The data of patient documents: care plan, emergency sheet, patient version."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from pzmdo.domain import careplan as cp
from pzmdo.domain.enums import Dimension, LabelledEnum, PatientStatus
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.register import Condition, Population, Wilsbekwaamheid
from pzmdo.domain.text import display_name
from pzmdo.reports import model as rm
from pzmdo.services.careplan import CarePlanView, current_plan
from pzmdo.services.careteam import team_summary
from pzmdo.services.context import AppContext
from pzmdo.services.directory import PersonInfo
from pzmdo.services.documents.kinds import GP_POST_PHONE_SETTING
from pzmdo.services.guard import require
from pzmdo.services.lookup import missing_patient
from pzmdo.services.scope import require_patient_in_scope, require_patients_in_scope
from pzmdo.store.models import Patient, Person, Practice

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


def _hap_phone(ctx: AppContext, patient: Patient) -> str | None:
    with ctx.read() as s:
        return s.scalar(select(Practice.hap_phone).where(Practice.id == patient.practice_id))


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
    require_patient_in_scope(ctx, patient_id)
    patient = _patients(ctx, [patient_id]).get(patient_id)
    if patient is None:
        raise missing_patient(patient_id)
    ident = _ident(patient)
    central, first, team = _team(ctx, patient)
    from pzmdo.services.settings import get_setting

    # The patient's own practice's huisartsenpost; the register-wide setting otherwise.
    gp_post = _hap_phone(ctx, patient) or get_setting(ctx, GP_POST_PHONE_SETTING, "") or None
    base = rm.CarePlanData(
        patient=ident,
        central_caregiver=central,
        first_contact=first,
        team=tuple(team),
        gp_post_phone=gp_post,
        professional_notes=patient.notes or "",
        last_discussed_on=patient.last_discussed_on,
        next_review_on=patient.next_review_on,
        **_register_facts(patient),
    )
    view = current_plan(ctx, patient_id)
    if view is None:
        return base
    return _with_plan(base, view)


def _careplans_data(ctx: AppContext, patient_ids: list[int]) -> list[rm.CarePlanData]:
    """The report models of several patients (a meeting's batch) read in one transaction:
    one scope check for all, and their "dossier geopend" events (one per patient, NEN 7513)
    commit together instead of one write transaction (and disk sync) each."""
    require(ctx, Action.DOCUMENTS)
    require_patients_in_scope(ctx, patient_ids)
    with ctx.unit():
        return [careplan_data(ctx, pid) for pid in patient_ids]


def _label(enum: type[LabelledEnum], code: str | None) -> str:
    try:
        return enum(code).label if code else ""
    except ValueError:
        return code or ""


def _register_facts(p: Patient) -> dict[str, Any]:
    """Diagnosis, dying phase, special populations and capacity from the register."""
    diagnosis = _label(Condition, p.condition)
    if p.condition_note:
        diagnosis = f"{diagnosis}: {p.condition_note}" if diagnosis else p.condition_note
    codes = [c for c in (p.populations or "").split(",") if c]
    return {
        "diagnosis": diagnosis,
        "dying_since": p.status_since if p.status == PatientStatus.STERVENSFASE.value else None,
        "populations": tuple(_label(Population, c) for c in codes),
        "wilsbekwaamheid": _label(Wilsbekwaamheid, p.wilsbekwaamheid),
    }


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


def _labels(answer_set: cp.AnswerSet, form: bool = False) -> tuple[str, ...]:
    return tuple(o.display if form else o.label for o in answer_set)


def _chosen(answer_set: cp.AnswerSet, code: str | None, form: bool = False) -> str | None:
    opt = cp.option(answer_set, code)
    if opt is None:
        return None
    return opt.display if form else opt.label


def _choice(
    label: str, answer_set: cp.AnswerSet, code: str | None, note: str = "", form: bool = False
) -> rm.Choice:
    return rm.Choice(label, _labels(answer_set, form), _chosen(answer_set, code, form), note)


def _related(contact: cp.Contact) -> rm.RelatedPerson | None:
    if contact.is_empty():
        return None
    relation = (
        contact.relation_other
        if contact.relation == "anders" and contact.relation_other
        else cp.label_of(cp.RELATION, contact.relation)
    )
    phones = [ph.number for ph in contact.phones if ph.number]
    emails = [e.address for e in contact.emails if e.address]
    return rm.RelatedPerson(
        contact.name.display() or "(naam niet ingevuld)",
        relation or None,
        ", ".join(phones + emails) or None,
        phone=", ".join(phones) or None,
        email=", ".join(emails) or None,
    )


def _limits(c: cp.CarePlanContent) -> tuple[rm.TreatmentLimit, ...]:
    """The six treatment limits of the form (the "overige" row is a choice of its own)."""
    return tuple(
        rm.TreatmentLimit(
            label=label,
            decision=c.limit(key).decision or "",
            limitation=c.limit(key).restriction,
            note=c.limit(key).note,
            discussed_on=c.limit(key).discussed_on,
        )
        for key, label in zip(cp.LIMIT_KEYS[:6], rm.TREATMENT_LIMIT_ROWS, strict=True)
    )


def _present(c: cp.CarePlanContent) -> tuple[str, ...]:
    """Who was present at the conversation: the patient, roles, relations."""
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
    return tuple(x for x in present if x)


def _earlier_note(c: cp.CarePlanContent) -> str:
    note = c.earlier_agreements_note
    if c.earlier_differ:
        differ = cp.label_of(cp.YES_NO_UNKNOWN, c.earlier_differ).lower()
        note = "; ".join(x for x in (note, f"wijken af van de huidige afspraken: {differ}") if x)
    return note


def _dimensions(c: cp.CarePlanContent) -> tuple[rm.DimensionSection, ...]:
    """The four dimensions: problems and goals as the situation, agreements one per line."""
    out = []
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
        out.append(
            rm.DimensionSection(
                Dimension(key).label,
                situation,
                tuple(rm.Agreement(line, Dimension(key).label) for line in _lines(dim.agreements)),
                dim.who,
            )
        )
    return tuple(out)


def _with_plan(base: rm.CarePlanData, view: CarePlanView) -> rm.CarePlanData:
    """Map the care-plan area's content onto the report model (national form order)."""
    c = view.content
    other = c.overige
    other_note = "; ".join(x for x in (other.treatment, other.note) if x)
    filled = None
    if c.filled_at:
        with contextlib.suppress(ValidationError, ValueError):
            filled = cp.instant_date(c.filled_at)
    return dataclasses.replace(
        base,
        version=view.version,
        current_as_of=view.effective_on,
        filled_on=filled,
        conducted_by=c.conducted_by.display() or None,
        conducted_by_function=cp.label_of(cp.FUNCTION, c.conducted_by_function) or None,
        legally_capable=cp.label_of(cp.YES_NO, c.capable) or None,
        legally_capable_note=c.capable_note,
        representative=_related(c.representative),
        representative_is_first_contact={"ja": True, "nee": False}.get(
            c.representative_is_first_contact or ""
        ),
        first_contact_person=_related(c.first_contact),
        present=_present(c),
        policy_goal=_chosen(cp.GOAL, c.goal, form=True),
        limits=_limits(c),
        other_limits=rm.Choice(
            "Overige behandelgrenzen",
            _labels(cp.DECISION_OTHER),
            _chosen(cp.DECISION_OTHER, other.decision),
            other_note,
        ),
        icd=_choice("Heeft de patiënt een ICD?", cp.YES_NO_UNKNOWN, c.icd, c.icd_note),
        icd_agreement=_choice(
            "Is er een afspraak over moment van uitzetten ICD?",
            cp.ICD_OFF,
            c.icd_off,
            c.icd_off_note,
            form=False,
        )
        if c.icd == "ja"
        else None,
        wishes=c.wishes,
        place_of_death=_choice(
            "Gewenste plek van overlijden:",
            cp.PLACE_OF_DEATH,
            c.place_of_death,
            c.place_of_death_note,
        ),
        preferred_place_of_care=_choice(
            "Gewenste plek van zorg:", cp.PLACE_OF_DEATH, c.preferred_place_of_care
        )
        if c.preferred_place_of_care
        else None,
        euthanasia=_choice(
            "Euthanasie standpunt:", cp.EUTHANASIA, c.euthanasia, c.euthanasia_note, form=True
        ),
        organ_donation=_choice(
            "Keuze orgaandonatie vastgelegd in donorregister?",
            cp.YES_NO_UNKNOWN,
            c.organ_donation,
        ),
        other_important=c.other_important,
        prior_directives=_choice(
            "Heeft de patiënt eerder behandelafspraken vastgelegd?",
            cp.YES_NO_UNKNOWN,
            c.earlier_agreements,
            _earlier_note(c),
        ),
        informed_about_sharing=_choice(
            "Patiënt geïnformeerd over eigen verantwoordelijkheid om deze behandelafspraken "
            "met naasten te bespreken?",
            cp.YES_NO,
            c.informed_responsibility,
        ),
        consent_to_share=_choice(
            "Patiënt gaat akkoord met het delen van deze behandelafspraken met andere "
            "betrokken hulpverleners",
            cp.SHARE_CONSENT,
            c.share_consent,
        ),
        dimensions=_dimensions(c),
        agreements=tuple(rm.Agreement(line) for line in _lines(c.other_agreements)),
        scenarios=tuple(rm.Scenario(sc.trigger, sc.action, sc.who or None) for sc in c.scenarios),
        acute=rm.AcuteAgreements(
            call_gp_post_instead_of_112=c.acute.call_hap_not_112,
            for_gp_post=c.acute.hap_must_know,
            for_ambulance=c.acute.ambulance_must_know,
            medication_at_home=c.acute.medication_at_home,
            seh=c.acute.seh_agreements,
        ),
    )
