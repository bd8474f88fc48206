"""Who may do what: the permission matrix (role × action) as data.

One table drives the service guard (``pzmdo.services.guard.require``), the GUI (hide or
disable) and the generated role test. Marking, stervensfase and death stay a physician's
act (the hoofd-/regiebehandelaar marks, source 000 L86); the other disciplines signal or
nominate instead. A person may hold several roles: an action is allowed when any role
allows it.
"""

from __future__ import annotations

from collections.abc import Iterable

from pzmdo.domain.enums import LabelledEnum, Role, register_labels


class Action(LabelledEnum):
    """Something a user asks the application to do."""

    SESSION = "session"  # own session: lock, own password, remember here, backup on close
    VIEW_DIRECTORY = "view_directory"
    VIEW_REGISTER = "view_register"
    VIEW_RECORD = "view_record"
    SIGNAL = "signal"
    PATIENT_EDIT = "patient_edit"
    IMPORT = "import"
    REGISTER_EXPORT = "register_export"
    MARK = "mark"
    END_OF_LIFE = "end_of_life"
    CARE_TEAM = "care_team"
    CAREPLAN_EDIT = "careplan_edit"
    CAREPLAN_DIMENSIONS = "careplan_dimensions"
    CAREPLAN_ADVICE = "careplan_advice"
    MEETING_VIEW = "meeting_view"
    MEETING_PREPARE = "meeting_prepare"
    MEETING_RUN = "meeting_run"
    MEETING_CLOSE = "meeting_close"
    MEETING_AMEND = "meeting_amend"
    CONSULT_REQUEST = "consult_request"
    CONSULT_ADVICE = "consult_advice"
    CONSULT_TEAMS = "consult_teams"
    DOCUMENTS = "documents"
    KPI_AGGREGATE = "kpi_aggregate"
    KPI_DRILLDOWN = "kpi_drilldown"
    KPI_DENOMINATORS = "kpi_denominators"
    DIRECTORY = "directory"
    USERS = "users"
    SETTINGS = "settings"
    BACKUP = "backup"
    RESTORE = "restore"
    AUDIT_READ = "audit_read"
    DEMO = "demo"
    PRACTICES = "practices"
    TEAMS = "teams"
    ATTACHMENTS = "attachments"
    ALL_PRACTICES = "all_practices"
    TRANSFER = "transfer"
    SECOND_LINE = "second_line"
    NAZORG = "nazorg"
    AFTER_DEATH_REVIEW = "after_death_review"


_H, _P, _W, _S, _C, _B, _O = (
    Role.HUISARTS,
    Role.POH,
    Role.WIJKVERPLEEGKUNDIGE,
    Role.SPECIALIST_PZ,
    Role.COORDINATOR,
    Role.BEHEERDER,
    Role.OVERIG,
)
_CLINICAL = frozenset({_H, _P, _W, _S, _C})
_EVERYONE = frozenset(Role)

# The matrix. Anything not listed is refused.
MATRIX: dict[Action, frozenset[Role]] = {
    Action.SESSION: _EVERYONE,
    Action.VIEW_DIRECTORY: _EVERYONE,
    Action.VIEW_REGISTER: _CLINICAL | {_O},
    Action.VIEW_RECORD: _CLINICAL,
    Action.SIGNAL: _CLINICAL,
    Action.PATIENT_EDIT: frozenset({_H, _P}),
    Action.IMPORT: frozenset({_H, _P}),
    Action.REGISTER_EXPORT: frozenset({_H, _P}),  # a file with BSNs leaves the database
    Action.MARK: frozenset({_H}),
    Action.END_OF_LIFE: frozenset({_H}),
    Action.CARE_TEAM: frozenset({_H, _P}),
    Action.CAREPLAN_EDIT: frozenset({_H, _P}),
    Action.CAREPLAN_DIMENSIONS: frozenset({_H, _P, _W}),
    Action.CAREPLAN_ADVICE: frozenset({_H, _P, _S}),
    Action.MEETING_VIEW: _CLINICAL,
    Action.MEETING_PREPARE: frozenset({_H, _P, _C}),
    Action.MEETING_RUN: _CLINICAL,
    Action.MEETING_CLOSE: frozenset({_H, _P, _C}),
    Action.MEETING_AMEND: frozenset({_H, _P, _C}),
    Action.CONSULT_REQUEST: frozenset({_H, _P, _W}),
    Action.CONSULT_ADVICE: frozenset({_S}),
    Action.CONSULT_TEAMS: frozenset({_H, _P, _C, _B}),
    Action.DOCUMENTS: _CLINICAL,
    Action.KPI_AGGREGATE: frozenset({_H, _P, _C}),
    Action.KPI_DRILLDOWN: frozenset({_H, _P}),
    Action.KPI_DENOMINATORS: frozenset({_C}),
    Action.DIRECTORY: frozenset({_B}),
    Action.USERS: frozenset({_B}),
    Action.SETTINGS: frozenset({_B}),
    Action.BACKUP: frozenset({_B}),
    Action.RESTORE: frozenset({_B}),
    Action.AUDIT_READ: frozenset({_B}),
    Action.DEMO: frozenset({_H, _B}),
    # Several practices and teams in one register (issue 14): the beheerder keeps the
    # practices, teams and who is attached to them. Seeing every practice's patients is a
    # permission of its own (on top of the attachments): nobody clinical holds it by default.
    Action.PRACTICES: frozenset({_B}),
    Action.TEAMS: frozenset({_B}),
    Action.ATTACHMENTS: frozenset({_B}),
    Action.ALL_PRACTICES: frozenset({_B}),
    # Transfers: whoever hands over (huisarts, POH, wijkverpleegkundige); changing the
    # centrale zorgverlener with it also needs CARE_TEAM. Second-line contacts: every
    # professional who talks to the hospital, the specialist PZ included. The nabespreking
    # is recorded by those who prepare and close the meeting; nazorg by the carers.
    Action.TRANSFER: frozenset({_H, _P, _W}),
    Action.SECOND_LINE: frozenset({_H, _P, _W, _S}),
    Action.NAZORG: frozenset({_H, _P, _W}),
    Action.AFTER_DEATH_REVIEW: frozenset({_H, _P, _C}),
}


def allowed(roles: Iterable[str], action: Action) -> bool:
    """Whether any of ``roles`` (storage codes) may perform ``action``."""
    permitted = MATRIX.get(action, frozenset())
    return any(r in permitted for r in roles)


def roles_text(roles: Iterable[str]) -> str:
    """Dutch list of role labels, in the enum's order ("Huisarts, Beheerder")."""
    held = set(roles)
    return ", ".join(r.label for r in Role if r.value in held) or "geen rol"


def refusal(roles: Iterable[str], action: Action) -> str:
    """The Dutch sentence a refused user sees."""
    who = ", ".join(r.label.lower() for r in Role if r in MATRIX.get(action, ())) or "niemand"
    return (
        f"U mag '{action.label}' niet doen met uw rol ({roles_text(roles)}); dat mag alleen "
        f"een {who}. Vraag een collega met die rol of de beheerder."
    )


register_labels(
    {
        Action.SESSION: "uw eigen sessie beheren",
        Action.VIEW_DIRECTORY: "de zorgverlenersgids inzien",
        Action.VIEW_REGISTER: "het register inzien",
        Action.VIEW_RECORD: "een patiëntdossier inzien",
        Action.SIGNAL: "een patiënt signaleren of voordragen",
        Action.PATIENT_EDIT: "patiëntgegevens vastleggen",
        Action.IMPORT: "patiënten importeren",
        Action.REGISTER_EXPORT: "het register exporteren",
        Action.MARK: "een patiënt markeren of afmelden",
        Action.END_OF_LIFE: "stervensfase of overlijden vastleggen",
        Action.CARE_TEAM: "het zorgteam en de centrale zorgverlener vastleggen",
        Action.CAREPLAN_EDIT: "het zorgplan wijzigen",
        Action.CAREPLAN_DIMENSIONS: "de dimensies van het zorgplan wijzigen",
        Action.CAREPLAN_ADVICE: "een afspraak of advies aan het zorgplan toevoegen",
        Action.MEETING_VIEW: "MDO's inzien",
        Action.MEETING_PREPARE: "een MDO voorbereiden",
        Action.MEETING_RUN: "een MDO voeren",
        Action.MEETING_CLOSE: "een MDO afsluiten",
        Action.MEETING_AMEND: "een afgesloten MDO aanvullen",
        Action.CONSULT_REQUEST: "een consultatie aanvragen",
        Action.CONSULT_ADVICE: "een consultatieadvies geven",
        Action.CONSULT_TEAMS: "consultatieteams beheren",
        Action.DOCUMENTS: "documenten maken",
        Action.KPI_AGGREGATE: "kengetallen inzien",
        Action.KPI_DRILLDOWN: "kengetallen per patiënt inzien",
        Action.KPI_DENOMINATORS: "externe noemers van de kengetallen invoeren",
        Action.DIRECTORY: "de zorgverlenersgids en BIG-gegevens wijzigen",
        Action.USERS: "gebruikers en rollen beheren",
        Action.SETTINGS: "instellingen wijzigen",
        Action.BACKUP: "een back-up maken",
        Action.RESTORE: "een back-up terugzetten",
        Action.AUDIT_READ: "de audittrail inzien",
        Action.DEMO: "demogegevens toevoegen",
        Action.PRACTICES: "praktijken beheren",
        Action.TEAMS: "overlegteams beheren",
        Action.ATTACHMENTS: "gebruikers aan praktijken en teams koppelen",
        Action.ALL_PRACTICES: "alle praktijken inzien",
        Action.TRANSFER: "een overplaatsing met warme overdracht vastleggen",
        Action.SECOND_LINE: "contact met de tweede lijn vastleggen",
        Action.NAZORG: "nazorg aan de naasten vastleggen",
        Action.AFTER_DEATH_REVIEW: "een nabespreking vastleggen",
    }
)
