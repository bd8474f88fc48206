"""Every public service entry point: the action it needs and a minimal valid call.

The role test walks this table × every role. ``test_table_covers_every_entry_point`` fails
when a public function taking ``ctx`` is added to ``pzmdo.services`` without a row here,
so a new entry point cannot slip in unguarded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from pzmdo.domain.careplan import CarePlanContent
from pzmdo.domain.careteam import TeamRole
from pzmdo.domain.enums import Role
from pzmdo.domain.permissions import Action
from pzmdo.services import (
    acp_fhir,
    attachments,
    audit_log,
    backup,
    care_demo,
    careplan,
    careteam,
    consultations,
    consultations_demo,
    custody,
    demo,
    directory,
    documents,
    importer,
    kpi,
    kpi_detail,
    kpi_export,
    meetings,
    meetings_demo,
    patients,
    practices,
    practices_demo,
    register,
    register_demo,
    register_export,
    scope,
    server_admin,
    settings,
    teams,
    trajectory,
    unlock,
    users,
)
from pzmdo.services.context import AppContext
from pzmdo.store.models import Patient

MODULES = (
    acp_fhir, attachments, audit_log, backup, care_demo, careplan, careteam, consultations,
    consultations_demo, custody, demo, directory, documents, importer, kpi, kpi_detail,
    kpi_export, meetings, meetings_demo, patients, practices, practices_demo, register,
    register_demo, register_export, scope, server_admin, settings, teams, trajectory, unlock,
    users,
)  # fmt: skip

# Not entry points: the guard itself and the demo context (called after a guard).
NOT_ENTRY_POINTS = {
    "guard.require",
    "guard.deny",
    "guard.demo_context",
    "context.audit",
    "custody.require_key_admin",  # the key rights' guard itself
    # Building blocks inside guarded entry points (a session or the exclusive hold given):
    "custody.give_new_keys",
    "custody.alone",
    "custody.rotate_while_alone",
    # The scope guards (called right after ``require``) and their refusal.
    "scope.refuse",
    "scope.require_patient_in_scope",
    "scope.require_patients_in_scope",
    "scope.require_meeting_in_scope",
    "scope.require_team_in_scope",
    "scope.require_practice_in_scope",
    "scope.require_row_in_scope",
    "scope.require_items_in_scope",
}

W = dict[str, Any]  # the world: ids of things in the test database, a tmp folder
Call = Callable[[AppContext, W], Any]


@dataclass(frozen=True)
class Entry:
    actions: tuple[Action, ...]  # any of these allows the call
    call: Call


def e(*actions: Action) -> Callable[[Call], Entry]:
    return lambda call: Entry(actions, call)


A = Action
TODAY = date.today()
_n = iter(range(10**6))


def _unique(prefix: str) -> str:
    return f"{prefix}{next(_n)}"


def _patient(**kw: Any) -> register.PatientInput:
    return register.PatientInput(
        given_name="Rol", family_name=f"Test {_unique('')} (fictief)",
        birth_date=date(1940, 1, 1), is_fictional=True, **kw,
    )  # fmt: skip


ENTRY_POINTS: dict[str, Entry] = {
    # acp_fhir
    "acp_fhir.import_response": e(A.CAREPLAN_EDIT)(
        lambda c, w: acp_fhir.import_response(c, {"resourceType": "x"}, w["pid"])
    ),
    "acp_fhir.export_response": e(A.DOCUMENTS)(lambda c, w: acp_fhir.export_response(c, w["pid"])),
    "acp_fhir.write_export": e(A.DOCUMENTS)(
        lambda c, w: acp_fhir.write_export(c, w["pid"], w["tmp"] / f"{_unique('acp')}.json")
    ),
    # attachments (issue 14)
    "attachments.list_attachments": e(A.ATTACHMENTS)(lambda c, w: attachments.list_attachments(c)),
    "attachments.user_attachments": e(A.ATTACHMENTS)(
        lambda c, w: attachments.user_attachments(c, w["spare_login"])
    ),
    "attachments.set_attachments": e(A.ATTACHMENTS)(
        lambda c, w: attachments.set_attachments(c, w["spare_login"], [w["practice"]], [])
    ),
    "attachments.attach_user": e(A.ATTACHMENTS)(
        lambda c, w: attachments.attach_user(c, w["spare_login"], team_ids=[w["mteam"]])
    ),
    "attachments.detach_user": e(A.ATTACHMENTS)(
        lambda c, w: attachments.detach_user(c, w["spare_login"], team_ids=[w["mteam"]])
    ),
    # audit
    "audit_log.list_audit": e(A.AUDIT_READ)(lambda c, w: audit_log.list_audit(c, limit=5)),
    "audit_log.audit_ids": e(A.AUDIT_READ)(lambda c, w: audit_log.audit_ids(c)),
    "audit_log.audit_rows": e(A.AUDIT_READ)(lambda c, w: audit_log.audit_rows(c, [1, 2])),
    "audit_log.export_audit": e(A.AUDIT_READ)(
        lambda c, w: audit_log.export_audit(
            c, audit_log.AuditFilter(patient_id=w["pid"]), w["tmp"] / f"{_unique('a')}.csv"
        )
    ),
    "audit_log.audit_users": e(A.AUDIT_READ)(lambda c, w: audit_log.audit_users(c)),
    "audit_log.check_chain": e(A.AUDIT_READ)(lambda c, w: audit_log.check_chain(c)),
    # backup
    "backup.backup": e(A.BACKUP)(lambda c, w: backup.backup(c, w["tmp"] / f"{_unique('b')}.db")),
    "backup.automatic_backup": e(A.SESSION)(lambda c, w: backup.automatic_backup(c)),
    "backup.restore_in_place": e(A.RESTORE)(
        lambda c, w: backup.restore_in_place(c, w["tmp"] / "missing.db")
    ),
    # demo
    "care_demo.add_demo": e(A.DEMO)(lambda c, w: care_demo.add_demo(c, 3)),
    "consultations_demo.add_demo": e(A.DEMO)(lambda c, w: consultations_demo.add_demo(c, 3)),
    "meetings_demo.add_demo": e(A.DEMO)(lambda c, w: meetings_demo.add_demo(c, 3)),
    "register_demo.add_demo": e(A.DEMO)(lambda c, w: register_demo.add_demo(c, 3)),
    "demo.ensure_demo_team": e(A.DEMO)(lambda c, w: demo.ensure_demo_team(c)),
    "demo.add_demo_patients": e(A.DEMO)(lambda c, w: demo.add_demo_patients(c, 1, 3, areas=())),
    "demo.run_area_demos": e(A.DEMO)(lambda c, w: demo.run_area_demos(c, 3, ())),
    "practices_demo.ensure_region": e(A.DEMO)(lambda c, w: practices_demo.ensure_region(c)),
    # key custody
    "custody.change_own_password": e(A.SESSION)(
        lambda c, w: custody.change_own_password(c, "eigen-wachtwoord-2")
    ),
    "custody.reset_password": e(A.USERS)(
        lambda c, w: custody.reset_password(c, w["spare_login"], "reserve-wachtwoord-2")
    ),
    "custody.remember_device": e(A.SESSION)(lambda c, w: custody.remember_device(c)),
    "custody.remember_on_this_computer": e(A.SESSION)(
        lambda c, w: custody.remember_on_this_computer(c)
    ),
    "custody.rotate_data_key": e(A.USERS)(lambda c, w: custody.rotate_data_key(c)),
    "custody.rebuild_slots": e(A.USERS)(
        lambda c, w: custody.rebuild_slots(c, "herstel-wachtwoord-3")
    ),
    "users.reset_password": e(A.USERS)(
        lambda c, w: users.reset_password(c, w["spare_login"], "reserve-wachtwoord-3")
    ),
    # care plan
    "careplan.current_plan": e(A.VIEW_RECORD)(lambda c, w: careplan.current_plan(c, w["pid"])),
    "careplan.get_version": e(A.VIEW_RECORD)(lambda c, w: careplan.get_version(c, w["pid"], 1)),
    "careplan.list_versions": e(A.VIEW_RECORD)(lambda c, w: careplan.list_versions(c, w["pid"])),
    "careplan.diff_versions": e(A.VIEW_RECORD)(
        lambda c, w: careplan.diff_versions(c, w["pid"], 0, 1)
    ),
    "careplan.save_plan": e(A.CAREPLAN_EDIT, A.CAREPLAN_DIMENSIONS)(
        lambda c, w: _save_dimension(c, w["pid"])
    ),
    "careplan.add_agreement": e(A.CAREPLAN_EDIT, A.CAREPLAN_ADVICE, A.CAREPLAN_DIMENSIONS)(
        lambda c, w: careplan.add_agreement(c, w["pid"], _unique("Afspraak "), "fysiek", None)
    ),
    # care team
    "careteam.set_central_caregiver": e(A.CARE_TEAM)(
        lambda c, w: careteam.set_central_caregiver(c, w["pid"], w["gp_person"], "rol-test")
    ),
    "careteam.set_role_holder": e(A.CARE_TEAM)(
        lambda c, w: careteam.set_role_holder(
            c, w["pid"], TeamRole.EERSTE_AANSPREEKPUNT, w["gp_person"], "rol-test"
        )
    ),
    "careteam.add_member": e(A.CARE_TEAM)(
        lambda c, w: careteam.add_member(c, w["pid"], w["person"], TeamRole.TEAMLID, "")
    ),
    "careteam.end_membership": e(A.CARE_TEAM)(
        lambda c, w: careteam.end_membership(c, w["membership"], "rol-test")
    ),
    "careteam.team_history": e(A.VIEW_RECORD)(lambda c, w: careteam.team_history(c, w["pid"])),
    "careteam.team_summary": e(A.VIEW_RECORD)(lambda c, w: careteam.team_summary(c, w["pid"])),
    "careteam.missing_central_caregiver": e(A.VIEW_REGISTER)(
        lambda c, w: careteam.missing_central_caregiver(c)
    ),
    "careteam.add_naaste": e(A.CARE_TEAM)(
        lambda c, w: careteam.add_naaste(
            c, w["pid"], careteam.NaasteInput(name="N. Aaste (fictief)", relation="partner")
        )
    ),
    "careteam.update_naaste": e(A.CARE_TEAM)(
        lambda c, w: careteam.update_naaste(
            c, w["naaste"], careteam.NaasteInput(name="N. Aaste (fictief)", relation="partner")
        )
    ),
    "careteam.set_naaste_active": e(A.CARE_TEAM)(
        lambda c, w: careteam.set_naaste_active(c, w["naaste"], True)
    ),
    "careteam.list_naasten": e(A.VIEW_RECORD)(lambda c, w: careteam.list_naasten(c, w["pid"])),
    "careteam.add_burden_check": e(A.CARE_TEAM)(
        lambda c, w: careteam.add_burden_check(c, w["naaste"], TODAY, "mantelzorgbalans", "laag")
    ),
    "careteam.list_burden_checks": e(A.VIEW_RECORD)(
        lambda c, w: careteam.list_burden_checks(c, w["pid"])
    ),
    "careteam.add_vptz_event": e(A.CARE_TEAM)(
        lambda c, w: careteam.add_vptz_event(c, w["pid"], "aangevraagd", TODAY, "VPTZ (fictief)")
    ),
    "careteam.vptz_history": e(A.VIEW_RECORD)(lambda c, w: careteam.vptz_history(c, w["pid"])),
    "careteam.add_conversation": e(A.CARE_TEAM)(
        lambda c, w: careteam.add_conversation(
            c, w["pid"], careteam.ConversationInput(TODAY, w["gp_person"], "Gesprek (fictief)")
        )
    ),
    "careteam.list_conversations": e(A.VIEW_RECORD)(
        lambda c, w: careteam.list_conversations(c, w["pid"])
    ),
    # consultations
    "consultations.overdue_threshold": e(A.SESSION)(
        lambda c, w: consultations.overdue_threshold(c)
    ),
    "consultations.set_overdue_threshold": e(A.SETTINGS)(
        lambda c, w: consultations.set_overdue_threshold(c, 3)
    ),
    "consultations.list_requesters": e(A.VIEW_DIRECTORY)(
        lambda c, w: consultations.list_requesters(c)
    ),
    "consultations.list_consultant_candidates": e(A.VIEW_DIRECTORY)(
        lambda c, w: consultations.list_consultant_candidates(c)
    ),
    "consultations.list_teams": e(A.VIEW_DIRECTORY)(lambda c, w: consultations.list_teams(c)),
    "consultations.get_team": e(A.VIEW_DIRECTORY)(
        lambda c, w: consultations.get_team(c, w["team"])
    ),
    "consultations.save_team": e(A.CONSULT_TEAMS)(
        lambda c, w: consultations.save_team(
            c, None, name=_unique("Team "), team_type="regionaal", phone_office="0201234567"
        )
    ),
    "consultations.deactivate_team": e(A.CONSULT_TEAMS)(
        lambda c, w: consultations.deactivate_team(c, w["spare_team"])
    ),
    "consultations.request_consultation": e(A.CONSULT_REQUEST)(
        lambda c, w: consultations.request_consultation(
            c,
            w["pid"],
            team_id=w["team"],
            question="Vraag (fictief)?",
            mode="telefonisch",
            complexity="middel",
        )
    ),
    "consultations.start_consultation": e(A.CONSULT_ADVICE)(
        lambda c, w: consultations.start_consultation(c, w["consultation"])
    ),
    "consultations.record_advice": e(A.CONSULT_ADVICE)(
        lambda c, w: consultations.record_advice(c, w["consultation"], "Advies (fictief)")
    ),
    "consultations.close_consultation": e(A.CONSULT_ADVICE, A.CONSULT_REQUEST)(
        lambda c, w: consultations.close_consultation(c, w["consultation"])
    ),
    "consultations.cancel_consultation": e(A.CONSULT_REQUEST)(
        lambda c, w: consultations.cancel_consultation(c, w["consultation_to_cancel"], "rol-test")
    ),
    "consultations.change_status": e(A.CONSULT_ADVICE, A.CONSULT_REQUEST)(
        lambda c, w: consultations.change_status(c, w["consultation"], "afgesloten")
    ),
    "consultations.process_advice": e(A.CAREPLAN_EDIT)(
        lambda c, w: consultations.process_advice(c, w["consultation"], "careplan")
    ),
    "consultations.list_consultations": e(A.VIEW_RECORD)(
        lambda c, w: consultations.list_consultations(c, w["pid"])
    ),
    "consultations.get_consultation": e(A.VIEW_RECORD)(
        lambda c, w: consultations.get_consultation(c, w["consultation"])
    ),
    "consultations.overdue_consultations": e(A.VIEW_RECORD)(
        lambda c, w: consultations.overdue_consultations(c)
    ),
    "consultations.per_team": e(A.KPI_AGGREGATE)(lambda c, w: consultations.per_team(c)),
    # quality figures (spiegelinformatie)
    "kpi.compute": e(A.KPI_AGGREGATE)(lambda c, w: kpi.compute(c, TODAY.replace(day=1), TODAY)),
    "kpi.trend": e(A.KPI_AGGREGATE)(
        lambda c, w: kpi.trend(c, TODAY.replace(day=1), TODAY, count=2)
    ),
    "kpi_detail.patients_behind": e(A.KPI_DRILLDOWN)(
        lambda c, w: kpi_detail.patients_behind(c, "K2.prevalent", "teller", TODAY, TODAY)
    ),
    "kpi_detail.set_denominator": e(A.KPI_DENOMINATORS)(
        lambda c, w: kpi_detail.set_denominator(
            c, 1, "niet_onverwacht_overleden", TODAY.replace(day=1), TODAY, 3
        )
    ),
    "kpi_detail.list_denominators": e(A.KPI_AGGREGATE, A.KPI_DENOMINATORS)(
        lambda c, w: kpi_detail.list_denominators(c)
    ),
    "kpi_detail.scope_choices": e(A.KPI_AGGREGATE, A.KPI_DENOMINATORS)(
        lambda c, w: kpi_detail.scope_choices(c)
    ),
    "kpi_export.export": e(A.KPI_AGGREGATE)(
        lambda c, w: kpi_export.export(
            c, "csv", w["tmp"] / f"{_unique('k')}.csv", TODAY.replace(day=1), TODAY, periods=1
        )
    ),
    "consultations.agenda_candidates": e(A.MEETING_PREPARE)(
        lambda c, w: consultations.agenda_candidates(c, TODAY - timedelta(days=30), TODAY)
    ),
    # directory
    "directory.list_persons": e(A.VIEW_DIRECTORY)(lambda c, w: directory.list_persons(c)),
    "directory.get_person": e(A.VIEW_DIRECTORY)(lambda c, w: directory.get_person(c, w["person"])),
    "directory.add_person": e(A.DIRECTORY)(
        lambda c, w: directory.add_person(c, directory.PersonInput(_unique("P "), "poh"))
    ),
    "directory.update_person": e(A.DIRECTORY)(
        lambda c, w: directory.update_person(
            c, w["spare_person"], directory.PersonInput("Reserve (fictief)", "poh")
        )
    ),
    "directory.set_active": e(A.DIRECTORY)(
        lambda c, w: directory.set_active(c, w["spare_person"], True)
    ),
    # documents
    "documents.produce": e(A.DOCUMENTS)(
        lambda c, w: documents.produce(
            c, "emergency", w["tmp"] / f"{_unique('d')}.pdf", patient_id=w["pid"]
        )
    ),
    "documents.produce_for_print": e(A.DOCUMENTS)(
        lambda c, w: documents.produce_for_print(c, "emergency", patient_id=w["pid"])
    ),
    "documents.careplan_data": e(A.DOCUMENTS)(lambda c, w: documents.careplan_data(c, w["pid"])),
    "documents.meeting_data": e(A.DOCUMENTS)(lambda c, w: documents.meeting_data(c, w["meeting"])),
    "documents.document_history": e(A.VIEW_RECORD)(
        lambda c, w: documents.document_history(c, w["pid"])
    ),
    # import
    "importer.plan_import": e(A.IMPORT)(lambda c, w: importer.plan_import(c, _table())),
    "importer.apply_import": e(A.IMPORT)(
        lambda c, w: importer.apply_import(c, importer.plan_import(c, _table()))
    ),
    "importer.import_file": e(A.IMPORT)(
        lambda c, w: importer.import_file(c, _csv(w["tmp"]), dry_run=True)
    ),
    "register_export.export_register": e(A.REGISTER_EXPORT)(
        lambda c, w: register_export.export_register(
            c, register.RegisterQuery(), w["tmp"] / f"{_unique('register')}.csv"
        )
    ),
    "importer.plan_sheets": e(A.IMPORT)(lambda c, w: importer.plan_sheets(c, [_table()])),
    "importer.export_report": e(A.IMPORT)(
        lambda c, w: importer.export_report(
            c, importer.ImportPlan((), ()), w["tmp"] / f"{_unique('verslag')}.csv"
        )
    ),
    # meetings
    "meetings.list_people": e(A.VIEW_DIRECTORY)(lambda c, w: meetings.list_people(c)),
    "meetings.get_team": e(A.MEETING_VIEW)(lambda c, w: meetings.get_team(c)),
    "meetings.save_team": e(A.MEETING_PREPARE)(
        lambda c, w: meetings.save_team(c, name="MDO-team (fictief)", kind="patz")
    ),
    "meetings.suggest_next_date": e(A.MEETING_VIEW)(lambda c, w: meetings.suggest_next_date(c)),
    "meetings.plan_meeting": e(A.MEETING_PREPARE)(
        lambda c, w: meetings.plan_meeting(c, TODAY + timedelta(days=next(_n) % 300 + 60))
    ),
    "meetings.update_meeting": e(A.MEETING_PREPARE)(
        lambda c, w: meetings.update_meeting(c, w["meeting"], place="Praktijk (fictief)")
    ),
    "meetings.list_meetings": e(A.MEETING_VIEW)(lambda c, w: meetings.list_meetings(c)),
    "meetings.get_meeting": e(A.MEETING_VIEW)(lambda c, w: meetings.get_meeting(c, w["meeting"])),
    "meetings.agenda": e(A.MEETING_VIEW)(lambda c, w: meetings.agenda(c, w["meeting"])),
    "meetings.propose_agenda": e(A.MEETING_PREPARE)(
        lambda c, w: meetings.propose_agenda(c, w["meeting"])
    ),
    "meetings.accept_items": e(A.MEETING_PREPARE)(
        lambda c, w: meetings.accept_items(c, [w["item"]])
    ),
    "meetings.accept_item": e(A.MEETING_PREPARE)(lambda c, w: meetings.accept_item(c, w["item"])),
    "meetings.accept_all": e(A.MEETING_PREPARE)(lambda c, w: meetings.accept_all(c, w["meeting"])),
    "meetings.remove_item": e(A.MEETING_PREPARE)(
        lambda c, w: meetings.remove_item(c, w["spare_item"], "rol-test")
    ),
    "meetings.remove_items": e(A.MEETING_PREPARE)(
        lambda c, w: meetings.remove_items(c, [w["spare_item"]], "rol-test")
    ),
    "meetings.restore_items": e(A.MEETING_PREPARE)(
        lambda c, w: meetings.restore_items(c, {w["spare_item"]: "geagendeerd"})
    ),
    "meetings.add_patient": e(A.MEETING_PREPARE)(
        lambda c, w: meetings.add_patient(c, w["meeting"], w["pid2"], "rol-test")
    ),
    "meetings.add_theme": e(A.MEETING_PREPARE)(
        lambda c, w: meetings.add_theme(c, w["meeting"], _unique("Thema "))
    ),
    "meetings.reorder": e(A.MEETING_PREPARE)(
        lambda c, w: meetings.reorder(c, w["meeting"], meetings_item_ids(c, w))
    ),
    "meetings.move_item": e(A.MEETING_PREPARE)(lambda c, w: meetings.move_item(c, w["item"], 1)),
    "meetings.nominate": e(A.SIGNAL)(lambda c, w: meetings.nominate(c, w["pid"], "rol-test")),
    "meetings.start_meeting": e(A.MEETING_RUN)(
        lambda c, w: meetings.start_meeting(c, w["meeting"])
    ),
    "meetings.set_attendance": e(A.MEETING_RUN)(
        lambda c, w: meetings.set_attendance(c, w["meeting"], [])
    ),
    "meetings.attendance": e(A.MEETING_VIEW)(lambda c, w: meetings.attendance(c, w["meeting"])),
    "meetings.save_discussion": e(A.MEETING_RUN)(
        lambda c, w: meetings.save_discussion(c, w["item"], notes={"fysiek": "rol-test"})
    ),
    "meetings.add_decision": e(A.MEETING_RUN)(
        lambda c, w: meetings.add_decision(c, w["item"], "Besluit (fictief)")
    ),
    "meetings.update_decision": e(A.MEETING_RUN)(
        lambda c, w: meetings.update_decision(c, w["decision"], "Besluit, gecorrigeerd (fictief)")
    ),
    "meetings.update_action": e(A.MEETING_RUN)(
        lambda c, w: meetings.update_action(c, w["action"], "Bellen (fictief)", None, None)
    ),
    "meetings.remove_decision": e(A.MEETING_RUN)(
        lambda c, w: meetings.remove_decision(c, w["decision"])
    ),
    "meetings.add_action": e(A.MEETING_RUN)(
        lambda c, w: meetings.add_action(c, w["pid"], "Bellen (fictief)", None, None, None)
    ),
    "meetings.complete_action": e(A.MEETING_RUN)(
        lambda c, w: meetings.complete_action(c, w["action"], "klaar")
    ),
    "meetings.remove_action": e(A.MEETING_RUN)(
        lambda c, w: meetings.remove_action(c, w["spare_action"])
    ),
    "meetings.open_actions": e(A.MEETING_VIEW)(lambda c, w: meetings.open_actions(c, w["pid"])),
    "meetings.close_meeting": e(A.MEETING_CLOSE)(
        lambda c, w: meetings.close_meeting(c, w["meeting_to_close"])
    ),
    "meetings.amend": e(A.MEETING_AMEND)(
        lambda c, w: meetings.amend(c, w["closed_meeting"], "Aanvulling (fictief)", None)
    ),
    "meetings.discussion": e(A.MEETING_VIEW)(lambda c, w: meetings.discussion(c, w["item"])),
    "meetings.meeting_record": e(A.MEETING_VIEW)(
        lambda c, w: meetings.meeting_record(c, w["meeting"])
    ),
    "meetings.patient_brief": e(A.MEETING_VIEW)(
        lambda c, w: meetings.patient_brief(c, w["pid"], w["meeting"])
    ),
    # patients
    "patients.open_patient_record": e(A.VIEW_RECORD)(
        lambda c, w: patients.open_patient_record(c, w["pid"])
    ),
    # register
    "register.create_patient": e(A.PATIENT_EDIT)(
        lambda c, w: register.create_patient(c, _patient())
    ),
    "register.update_patient": e(A.PATIENT_EDIT)(
        lambda c, w: register.update_patient(
            c, w["pid2"], register.PatientInput("Rol", "Twee (fictief)", date(1939, 2, 2))
        )
    ),
    "register.get_patient": e(A.VIEW_RECORD)(lambda c, w: register.get_patient(c, w["pid"])),
    "register.add_signal": e(A.SIGNAL)(
        lambda c, w: register.add_signal(
            c, w["pid2"], register.SignalInput(source="huisarts", signal_type="niet_pluis")
        )
    ),
    "register.signal_queue": e(A.VIEW_REGISTER)(lambda c, w: register.signal_queue(c)),
    "register.patient_signals": e(A.VIEW_RECORD)(
        lambda c, w: register.patient_signals(c, w["pid2"])
    ),
    "register.handle_signal": e(A.MARK)(lambda c, w: register.handle_signal(c, w["signal"], "")),
    "register.default_marker_id": e(A.SESSION)(lambda c, w: register.default_marker_id(c)),
    "register.mark_patient": e(A.MARK)(
        lambda c, w: register.mark_patient(
            c,
            register.MarkingInput(
                surprise_answer="nee",
                new_patient=_patient(),
                marked_by_person_id=w["gp_person"],
                to_agenda=False,
            ),
        )
    ),  # fmt: skip
    "register.urgency_levels_for": e(A.SESSION)(lambda c, w: register.urgency_levels_for(c)),
    "register.set_urgency": e(A.MARK)(
        lambda c, w: register.set_urgency(c, w["pid"], "oranje", "rol-test")
    ),
    "register.register_hospital_mdo": e(A.PATIENT_EDIT)(
        lambda c, w: register.register_hospital_mdo(
            c,
            None,
            register.HospitalMdoInput(
                TODAY, "Ziekenhuis (fictief)", gp_becomes_regiebehandelaar=False
            ),
            new_patient=_patient(),
        )
    ),  # fmt: skip
    "register.record_stervensfase": e(A.END_OF_LIFE)(
        lambda c, w: register.record_stervensfase(
            c, w["pid3"], register.StervensfaseInput(judged_by="huisarts")
        )
    ),
    "register.end_stervensfase": e(A.END_OF_LIFE)(
        lambda c, w: register.end_stervensfase(c, w["pid_dying"], "rol-test")
    ),
    "register.record_death": e(A.END_OF_LIFE)(
        lambda c, w: register.record_death(c, w["pid4"], register.DeathInput(TODAY))
    ),
    "register.deregister": e(A.MARK)(
        lambda c, w: register.deregister(c, w["pid5"], "rol-test", TODAY)
    ),
    "register.open_tasks": e(A.VIEW_REGISTER)(lambda c, w: register.open_tasks(c)),
    "register.patient_tasks": e(A.VIEW_RECORD)(lambda c, w: register.patient_tasks(c, w["pid"])),
    "register.complete_task": e(A.SIGNAL)(
        lambda c, w: register.complete_task(c, w["task"], "rol-test")
    ),
    "register.history": e(A.VIEW_RECORD)(lambda c, w: register.history(c, w["pid"])),
    "register.list_physicians": e(A.VIEW_DIRECTORY)(lambda c, w: register.list_physicians(c)),
    "register.list_gps": e(A.VIEW_DIRECTORY)(lambda c, w: register.list_gps(c)),
    "register.search_patients": e(A.VIEW_REGISTER)(
        lambda c, w: register.search_patients(c, "test")
    ),
    "register.register_ids": e(A.VIEW_REGISTER)(
        lambda c, w: register.register_ids(c, register.RegisterQuery())
    ),
    "register.register_rows": e(A.VIEW_REGISTER)(
        lambda c, w: register.register_rows(c, [w["pid"]])
    ),
    "register.list_patients": e(A.VIEW_REGISTER)(lambda c, w: register.list_patients(c)),
    "register.count_by_status": e(A.VIEW_REGISTER)(lambda c, w: register.count_by_status(c)),
    "register.agenda_candidates": e(A.MEETING_PREPARE)(
        lambda c, w: register.agenda_candidates(c, TODAY - timedelta(days=30), TODAY)
    ),
    # practices, teams, scope (issue 14)
    "practices.list_practices": e(A.VIEW_DIRECTORY)(lambda c, w: practices.list_practices(c)),
    "practices.get_practice": e(A.VIEW_DIRECTORY)(
        lambda c, w: practices.get_practice(c, w["practice"])
    ),
    "practices.find_practice": e(A.VIEW_DIRECTORY)(
        lambda c, w: practices.find_practice(c, str(w["practice"]))
    ),
    "practices.add_practice": e(A.PRACTICES)(
        lambda c, w: practices.add_practice(c, practices.PracticeInput(_unique("Praktijk ")))
    ),
    "practices.update_practice": e(A.PRACTICES)(
        lambda c, w: practices.update_practice(
            c, w["practice2"], practices.PracticeInput("Tweede praktijk (fictief)")
        )
    ),
    "practices.move_patient": e(A.PATIENT_EDIT, A.PRACTICES)(
        lambda c, w: practices.move_patient(c, w["pid_move"], _other_practice(w))
    ),
    "practices.practice_moves": e(A.VIEW_RECORD, A.PRACTICES)(
        lambda c, w: practices.practice_moves(c, w["pid_move"])
    ),
    "scope.current_scope": e(A.SESSION)(lambda c, w: scope.current_scope(c)),
    "teams.list_teams": e(A.VIEW_DIRECTORY)(lambda c, w: teams.list_teams(c)),
    "teams.get_team": e(A.VIEW_DIRECTORY)(lambda c, w: teams.get_team(c, w["mteam"])),
    "teams.find_team": e(A.VIEW_DIRECTORY)(lambda c, w: teams.find_team(c, str(w["mteam"]))),
    "teams.add_team": e(A.TEAMS)(
        lambda c, w: teams.add_team(c, teams.TeamInput(_unique("Team ")), [w["practice"]])
    ),
    "teams.update_team": e(A.TEAMS)(
        lambda c, w: teams.update_team(
            c, w["spare_mteam"], teams.TeamInput("PaTz (fictief)", "patz")
        )
    ),
    "teams.set_team_practices": e(A.TEAMS)(
        lambda c, w: teams.set_team_practices(c, w["spare_mteam"], [w["practice2"]])
    ),
    "teams.set_team_members": e(A.TEAMS, A.MEETING_PREPARE)(
        lambda c, w: teams.set_team_members(
            c, w["mteam"], [teams.TeamMemberInput(w["gp_person"], "voorzitter")]
        )
    ),
    # settings
    "settings.get_setting": e(A.SESSION)(
        lambda c, w: settings.get_setting(c, settings.IDLE_LOCK_MINUTES)
    ),
    "settings.set_setting": e(A.SETTINGS)(
        lambda c, w: settings.set_setting(c, settings.IDLE_LOCK_MINUTES, 10)
    ),
    "settings.set_settings": e(A.SETTINGS)(
        lambda c, w: settings.set_settings(c, {settings.IDLE_LOCK_MINUTES: 10})
    ),
    # sessions and users
    "unlock.remember_on_this_computer": e(A.SESSION)(
        lambda c, w: unlock.remember_on_this_computer(c)
    ),
    "unlock.record_lock": e(A.SESSION)(lambda c, w: unlock.record_lock(c)),
    "users.add_user": e(A.USERS)(
        lambda c, w: users.add_user(
            c,
            login=_unique("nieuw"),
            name="Nieuw (fictief)",
            role=Role.OVERIG,
            password="nieuw-wachtwoord-1",
        )
    ),  # fmt: skip
    "users.list_users": e(A.USERS)(lambda c, w: users.list_users(c)),
    # On a local file these meet the rule "only on a server" after the guard.
    "server_admin.give_login": e(A.USERS)(
        lambda c, w: server_admin.give_login(c, w["spare_login"], "server-wachtwoord-1")
    ),
    "server_admin.add_server_user": e(A.USERS)(
        lambda c, w: server_admin.add_server_user(
            c,
            login=_unique("server"),
            name="Server (fictief)",
            roles=[Role.POH],
            password="server-wachtwoord-1",
        )
    ),  # fmt: skip
    "users.deactivate_user": e(A.USERS)(lambda c, w: users.deactivate_user(c, w["spare_login"])),
    "users.change_password": e(A.SESSION)(
        lambda c, w: users.change_password(c, "nog-een-wachtwoord-2")
    ),
    "users.set_roles": e(A.USERS)(
        lambda c, w: users.set_roles(c, w["spare_login"], [Role.POH, Role.OVERIG])
    ),
    "meetings.trigger_settings": e(A.MEETING_VIEW)(lambda c, w: meetings.trigger_settings(c)),
    "meetings.save_trigger_settings": e(A.MEETING_PREPARE)(
        lambda c, w: meetings.save_trigger_settings(c, meetings.trigger_settings(w["admin"]))
    ),
    # trajectory (issue 17)
    "trajectory.record_transfer": e(A.TRANSFER)(
        lambda c, w: trajectory.record_transfer(
            c, w["pid"], trajectory.TransferInput(TODAY, "thuis", "ziekenhuis", "rol-test")
        )
    ),
    "trajectory.confirm_transfer": e(A.TRANSFER)(
        lambda c, w: trajectory.confirm_transfer(c, w["transfer"], "Ontvanger (fictief)")
    ),
    "trajectory.list_transfers": e(A.VIEW_RECORD)(
        lambda c, w: trajectory.list_transfers(c, w["pid"])
    ),
    "trajectory.record_hospice_step": e(A.TRANSFER)(
        lambda c, w: trajectory.record_hospice_step(c, w["pid"], "besproken", TODAY, "H (fictief)")
    ),
    "trajectory.hospice_steps": e(A.VIEW_RECORD)(
        lambda c, w: trajectory.hospice_steps(c, w["pid"])
    ),
    "trajectory.record_contact": e(A.SECOND_LINE)(
        lambda c, w: trajectory.record_contact(
            c,
            w["pid"],
            trajectory.ContactInput(TODAY, "uitgaand", "telefoon", "Dr. X (fictief)", "rol-test"),
        )  # fmt: skip
    ),
    "trajectory.list_contacts": e(A.VIEW_RECORD)(
        lambda c, w: trajectory.list_contacts(c, w["pid"])
    ),
    "trajectory.record_nazorg": e(A.NAZORG)(
        lambda c, w: trajectory.record_nazorg(c, w["pid"], TODAY, "Naaste (fictief)", "gesprek")
    ),
    "trajectory.list_nazorg": e(A.VIEW_RECORD)(lambda c, w: trajectory.list_nazorg(c, w["pid"])),
    "trajectory.record_review": e(A.AFTER_DEATH_REVIEW)(
        lambda c, w: trajectory.record_review(c, w["pid"], trajectory.ReviewInput("ja", "ja", "ja"))
    ),
    "trajectory.get_review": e(A.VIEW_RECORD)(lambda c, w: trajectory.get_review(c, w["pid"])),
    "trajectory.review_facts": e(A.VIEW_RECORD)(lambda c, w: trajectory.review_facts(c, w["pid"])),
    "trajectory.lessons": e(A.KPI_AGGREGATE)(
        lambda c, w: trajectory.lessons(c, TODAY - timedelta(days=30), TODAY)
    ),
    "trajectory.export_lessons": e(A.KPI_AGGREGATE)(
        lambda c, w: trajectory.export_lessons(
            c, w["tmp"] / f"{_unique('l')}.csv", TODAY - timedelta(days=30), TODAY
        )
    ),
}


def _other_practice(w: W) -> int:
    """Move the patient back and forth: each allowed call is a real move."""
    with w["admin"].db.session() as s:
        current = s.scalar(select(Patient.practice_id).where(Patient.id == w["pid_move"]))
    return w["practice2"] if current == w["practice"] else w["practice"]


def meetings_item_ids(c: AppContext, w: W) -> list[int]:
    return [i.id for i in meetings.agenda(c, w["meeting"])]


def _save_dimension(c: AppContext, pid: int) -> int:
    """A change in one dimension only (what a wijkverpleegkundige may do)."""
    import dataclasses

    current = careplan.current_plan(c, pid)
    content = current.content if current else CarePlanContent()
    dim = content.dimension("fysiek")
    changed = dataclasses.replace(dim, agreements=f"{dim.agreements}\n{_unique('Regel ')}")
    return careplan.save_plan(c, pid, dataclasses.replace(content, fysiek=changed))


def _table() -> importer.SourceTable:
    return importer.read_table(
        f"voornaam;achternaam;geboortedatum\nRol;Import {_unique('')} (fictief);01-01-1940\n".encode(),
        "patienten.csv",
    )


def _csv(folder: Path) -> Path:
    path = folder / f"{_unique('i')}.csv"
    path.write_text("voornaam;achternaam;geboortedatum\nRol;Csv (fictief);01-01-1940\n")
    return path
