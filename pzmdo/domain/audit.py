"""The audit trail's fixed vocabulary: every event is one of these actions (NEN 7513).

Codes are stored; labels are what the privacy officer reads. New call sites add a member
here instead of inventing a string.
"""

from __future__ import annotations

from pzmdo.domain.enums import LabelledEnum, register_labels


class AuditAction(LabelledEnum):
    # Sessions and access
    INIT = "init"
    UNLOCK = "unlock"
    UNLOCK_FAILED = "unlock_failed"
    LOCK = "lock"
    PERMISSION_DENIED = "permission_denied"
    PASSWORD_CHANGE = "password_change"
    PASSWORD_RESET = "password_reset"
    KEY_ROTATE = "key_rotate"
    KEYS_REBUILD = "keys_rebuild"
    # Reading
    RECORD_OPENED = "patient_open"
    REGISTER_LIST = "register_list"
    AUDIT_READ = "audit_read"
    AUDIT_EXPORT = "audit_export"
    # Users, directory, settings, files
    USER_ADD = "user_add"
    USER_DEACTIVATE = "user_deactivate"
    ROLES_CHANGE = "roles_change"
    PERSON_ADD = "person_add"
    PERSON_UPDATE = "person_update"
    PERSON_ACTIVATE = "person_activate"
    PERSON_DEACTIVATE = "person_deactivate"
    SETTING = "setting"
    BACKUP = "backup"
    RESTORE = "restore"
    IMPORT = "import"
    REGISTER_EXPORT = "register_export"
    DOCUMENT = "document"
    ACP_IMPORT = "acp_import"
    ACP_EXPORT = "acp_export"
    DEMO = "demo"
    DEMO_TEAM = "demo_team"
    DEMO_PERSON = "demo_person"
    DEMO_REGISTER = "demo_register"
    DEMO_CARE = "demo_care"
    # Register
    PATIENT_ADD = "patient_add"
    PATIENT_EDIT = "patient_edit"
    SIGNAL_ADD = "signal_add"
    SIGNAL_HANDLED = "signal_handled"
    MARK = "mark"
    URGENCY = "urgency"
    HOSPITAL_MDO = "hospital_mdo"
    CENTRAL_CAREGIVER = "central_caregiver"
    STERVENSFASE = "stervensfase"
    STERVENSFASE_END = "stervensfase_end"
    DEATH = "death"
    DEREGISTER = "deregister"
    TASK_DONE = "task_done"
    # Care team and care plan
    TEAM_ROLE_SET = "team_role_set"
    TEAM_MEMBER_ADD = "team_member_add"
    TEAM_MEMBER_END = "team_member_end"
    NAASTE_ADD = "naaste_add"
    NAASTE_UPDATE = "naaste_update"
    NAASTE_ACTIVATE = "naaste_activate"
    NAASTE_DEACTIVATE = "naaste_deactivate"
    BURDEN_CHECK_ADD = "burden_check_add"
    VPTZ_EVENT_ADD = "vptz_event_add"
    PZP_CONVERSATION_ADD = "pzp_conversation_add"
    PZP_STARTED = "pzp_gestart"
    CAREPLAN_SAVE = "careplan_save"
    # Meetings
    MEETING_TEAM_SAVED = "meeting_team_saved"
    MEETING_PLANNED = "meeting_planned"
    MEETING_UPDATED = "meeting_updated"
    MEETING_AGENDA_PROPOSED = "meeting_agenda_proposed"
    MEETING_ITEM_ACCEPTED = "meeting_item_accepted"
    MEETING_ITEM_REMOVED = "meeting_item_removed"
    MEETING_ITEM_ADDED = "meeting_item_added"
    MEETING_ITEM_RESTORED = "meeting_item_restored"
    MEETING_THEME_ADDED = "meeting_theme_added"
    MEETING_AGENDA_REORDERED = "meeting_agenda_reordered"
    MEETING_NOMINATION = "meeting_nomination"
    MEETING_STARTED = "meeting_started"
    MEETING_ATTENDANCE = "meeting_attendance"
    MEETING_DISCUSSION = "meeting_discussion"
    MEETING_DECISION = "meeting_decision"
    MEETING_DECISION_REMOVED = "meeting_decision_removed"
    MEETING_DECISION_CHANGED = "meeting_decision_changed"
    MEETING_ACTION_CHANGED = "meeting_action_changed"
    MEETING_ACTION_ADDED = "meeting_action_added"
    MEETING_ACTION_DONE = "meeting_action_done"
    MEETING_ACTION_REMOVED = "meeting_action_removed"
    MEETING_PATIENT_DISCUSSED = "meeting_patient_discussed"
    MEETING_CLOSED = "meeting_closed"
    MEETING_AMENDED = "meeting_amended"
    # Consultations
    CONSULT_TEAM_SAVE = "consult_team_save"
    CONSULT_TEAM_DEACTIVATE = "consult_team_deactivate"
    CONSULT_REQUEST = "consult_request"
    CONSULT_IN_BEHANDELING = "consult_in_behandeling"
    CONSULT_ADVIES_GEGEVEN = "consult_advies_gegeven"
    CONSULT_AFGESLOTEN = "consult_afgesloten"
    CONSULT_GEANNULEERD = "consult_geannuleerd"
    CONSULT_AANGEVRAAGD = "consult_aangevraagd"
    CONSULT_ADVIES_VERWERKT = "consult_advies_verwerkt"
    # Practices, teams and who sees what (issue 14)
    SCOPE_DENIED = "scope_denied"
    PRACTICE_ADD = "practice_add"
    PRACTICE_UPDATE = "practice_update"
    PATIENT_MOVED = "patient_moved"
    TEAM_ADD = "team_add"
    TEAM_UPDATE = "team_update"
    TEAM_PRACTICES = "team_practices"
    TEAM_MEMBERS = "team_members"
    USER_ATTACHED = "user_attached"
    USER_DETACHED = "user_detached"
    # Quality figures (spiegelinformatie)
    KPI_DENOMINATOR = "kpi_denominator"
    KPI_DRILLDOWN = "kpi_drilldown"
    KPI_EXPORT = "kpi_export"
    # Trajectory (issue 17)
    TRANSFER = "transfer"
    TRANSFER_CONFIRMED = "transfer_confirmed"
    HOSPICE_STEP = "hospice_step"
    SECOND_LINE_CONTACT = "second_line_contact"
    NAZORG_CONTACT = "nazorg_contact"
    AFTER_DEATH_REVIEW = "after_death_review"
    AFTER_DEATH_REVIEW_CHANGED = "after_death_review_changed"
    LESSONS_EXPORT = "lessons_export"
    # Moving house between a local file and a server (issue 18)
    MIGRATE_IN = "migrate_in"
    MIGRATE_OUT = "migrate_out"


register_labels(
    {
        AuditAction.INIT: "Database aangemaakt",
        AuditAction.UNLOCK: "Aangemeld",
        AuditAction.UNLOCK_FAILED: "Mislukte aanmelding",
        AuditAction.LOCK: "Scherm vergrendeld",
        AuditAction.PERMISSION_DENIED: "Geweigerd (geen recht)",
        AuditAction.PASSWORD_CHANGE: "Wachtwoord gewijzigd",
        AuditAction.PASSWORD_RESET: "Nieuw wachtwoord gegeven",
        AuditAction.KEY_ROTATE: "Databasesleutel vernieuwd",
        AuditAction.KEYS_REBUILD: "Sleutelbestand hersteld",
        AuditAction.RECORD_OPENED: "Dossier geopend",
        AuditAction.REGISTER_LIST: "Registerlijst opgevraagd",
        AuditAction.AUDIT_READ: "Audittrail ingezien",
        AuditAction.AUDIT_EXPORT: "Audittrail geëxporteerd",
        AuditAction.USER_ADD: "Gebruiker toegevoegd",
        AuditAction.USER_DEACTIVATE: "Gebruiker gedeactiveerd",
        AuditAction.ROLES_CHANGE: "Rollen gewijzigd",
        AuditAction.PERSON_ADD: "Zorgverlener toegevoegd",
        AuditAction.PERSON_UPDATE: "Zorgverlener gewijzigd",
        AuditAction.PERSON_ACTIVATE: "Zorgverlener geactiveerd",
        AuditAction.PERSON_DEACTIVATE: "Zorgverlener gedeactiveerd",
        AuditAction.SETTING: "Instelling gewijzigd",
        AuditAction.BACKUP: "Back-up gemaakt",
        AuditAction.RESTORE: "Back-up teruggezet",
        AuditAction.IMPORT: "Patiënten geïmporteerd",
        AuditAction.REGISTER_EXPORT: "Register geëxporteerd",
        AuditAction.DOCUMENT: "Document gemaakt",
        AuditAction.ACP_IMPORT: "Proactieve zorgplanning geïmporteerd",
        AuditAction.ACP_EXPORT: "Proactieve zorgplanning geëxporteerd",
        AuditAction.DEMO: "Demogegevens toegevoegd",
        AuditAction.DEMO_TEAM: "Demoteam toegevoegd",
        AuditAction.DEMO_PERSON: "Demozorgverlener toegevoegd",
        AuditAction.DEMO_REGISTER: "Demoregister toegevoegd",
        AuditAction.DEMO_CARE: "Demozorggegevens toegevoegd",
        AuditAction.PATIENT_ADD: "Patiënt toegevoegd",
        AuditAction.PATIENT_EDIT: "Patiënt gewijzigd",
        AuditAction.SIGNAL_ADD: "Signalering",
        AuditAction.SIGNAL_HANDLED: "Signalering afgehandeld",
        AuditAction.MARK: "Gemarkeerd",
        AuditAction.URGENCY: "Urgentie gewijzigd",
        AuditAction.HOSPITAL_MDO: "Ziekenhuis-MDO vastgelegd",
        AuditAction.CENTRAL_CAREGIVER: "Centrale zorgverlener vastgelegd",
        AuditAction.STERVENSFASE: "Stervensfase vastgelegd",
        AuditAction.STERVENSFASE_END: "Stervensfase beëindigd",
        AuditAction.DEATH: "Overlijden vastgelegd",
        AuditAction.DEREGISTER: "Afgemeld",
        AuditAction.TASK_DONE: "Taak afgerond",
        AuditAction.TEAM_ROLE_SET: "Teamrol vastgelegd",
        AuditAction.TEAM_MEMBER_ADD: "Teamlid toegevoegd",
        AuditAction.TEAM_MEMBER_END: "Teamlidmaatschap beëindigd",
        AuditAction.NAASTE_ADD: "Naaste toegevoegd",
        AuditAction.NAASTE_UPDATE: "Naaste gewijzigd",
        AuditAction.NAASTE_ACTIVATE: "Naaste geactiveerd",
        AuditAction.NAASTE_DEACTIVATE: "Naaste gedeactiveerd",
        AuditAction.BURDEN_CHECK_ADD: "Belasting naaste vastgelegd",
        AuditAction.VPTZ_EVENT_ADD: "VPTZ-inzet vastgelegd",
        AuditAction.PZP_CONVERSATION_ADD: "PZP-gesprek vastgelegd",
        AuditAction.PZP_STARTED: "Proactieve zorgplanning gestart",
        AuditAction.CAREPLAN_SAVE: "Zorgplan opgeslagen",
        AuditAction.MEETING_TEAM_SAVED: "MDO-team opgeslagen",
        AuditAction.MEETING_PLANNED: "MDO gepland",
        AuditAction.MEETING_UPDATED: "MDO gewijzigd",
        AuditAction.MEETING_AGENDA_PROPOSED: "Agenda voorgesteld",
        AuditAction.MEETING_ITEM_ACCEPTED: "Agendapunt overgenomen",
        AuditAction.MEETING_ITEM_REMOVED: "Agendapunt verwijderd",
        AuditAction.MEETING_ITEM_ADDED: "Agendapunt toegevoegd",
        AuditAction.MEETING_ITEM_RESTORED: "Agendapunt teruggezet",
        AuditAction.MEETING_THEME_ADDED: "Thema toegevoegd",
        AuditAction.MEETING_AGENDA_REORDERED: "Agenda herschikt",
        AuditAction.MEETING_NOMINATION: "Voorgedragen voor MDO",
        AuditAction.MEETING_STARTED: "MDO gestart",
        AuditAction.MEETING_ATTENDANCE: "Aanwezigheid vastgelegd",
        AuditAction.MEETING_DISCUSSION: "Bespreking vastgelegd",
        AuditAction.MEETING_DECISION: "Besluit vastgelegd",
        AuditAction.MEETING_DECISION_REMOVED: "Besluit verwijderd",
        AuditAction.MEETING_DECISION_CHANGED: "Besluit gecorrigeerd",
        AuditAction.MEETING_ACTION_CHANGED: "Actiepunt gecorrigeerd",
        AuditAction.MEETING_ACTION_ADDED: "Actiepunt toegevoegd",
        AuditAction.MEETING_ACTION_DONE: "Actiepunt afgerond",
        AuditAction.MEETING_ACTION_REMOVED: "Actiepunt verwijderd",
        AuditAction.MEETING_PATIENT_DISCUSSED: "Patiënt besproken",
        AuditAction.MEETING_CLOSED: "MDO afgesloten",
        AuditAction.MEETING_AMENDED: "MDO aangevuld",
        AuditAction.CONSULT_TEAM_SAVE: "Consultatieteam opgeslagen",
        AuditAction.CONSULT_TEAM_DEACTIVATE: "Consultatieteam gedeactiveerd",
        AuditAction.CONSULT_REQUEST: "Consultatie aangevraagd",
        AuditAction.CONSULT_IN_BEHANDELING: "Consultatie in behandeling",
        AuditAction.CONSULT_ADVIES_GEGEVEN: "Consultatieadvies gegeven",
        AuditAction.CONSULT_AFGESLOTEN: "Consultatie afgesloten",
        AuditAction.CONSULT_GEANNULEERD: "Consultatie geannuleerd",
        AuditAction.CONSULT_AANGEVRAAGD: "Consultatie heropend",
        AuditAction.CONSULT_ADVIES_VERWERKT: "Advies verwerkt",
        AuditAction.SCOPE_DENIED: "Geweigerd (buiten eigen praktijken)",
        AuditAction.PRACTICE_ADD: "Praktijk toegevoegd",
        AuditAction.PRACTICE_UPDATE: "Praktijk gewijzigd",
        AuditAction.PATIENT_MOVED: "Patiënt naar andere praktijk",
        AuditAction.TEAM_ADD: "Overlegteam toegevoegd",
        AuditAction.TEAM_UPDATE: "Overlegteam gewijzigd",
        AuditAction.TEAM_PRACTICES: "Praktijken van team gewijzigd",
        AuditAction.TEAM_MEMBERS: "Leden van team gewijzigd",
        AuditAction.USER_ATTACHED: "Gebruiker gekoppeld",
        AuditAction.USER_DETACHED: "Gebruiker ontkoppeld",
        AuditAction.KPI_DENOMINATOR: "Externe noemer vastgelegd",
        AuditAction.KPI_DRILLDOWN: "Patiënten achter een kengetal ingezien",
        AuditAction.KPI_EXPORT: "Spiegelinformatie geëxporteerd",
        AuditAction.TRANSFER: "Overplaatsing vastgelegd",
        AuditAction.TRANSFER_CONFIRMED: "Overdracht bevestigd",
        AuditAction.HOSPICE_STEP: "Stap hospice-aanmelding vastgelegd",
        AuditAction.SECOND_LINE_CONTACT: "Contact tweede lijn vastgelegd",
        AuditAction.NAZORG_CONTACT: "Nazorg vastgelegd",
        AuditAction.AFTER_DEATH_REVIEW: "Nabespreking vastgelegd",
        AuditAction.AFTER_DEATH_REVIEW_CHANGED: "Nabespreking gewijzigd",
        AuditAction.LESSONS_EXPORT: "Knelpunten en leerpunten geëxporteerd",
        AuditAction.MIGRATE_IN: "Database overgenomen (verhuizing)",
        AuditAction.MIGRATE_OUT: "Database gekopieerd voor een verhuizing",
    }
)
