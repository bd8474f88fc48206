"""The plain data every PDF document is built from (no SQLAlchemy, no Qt).

``pzmdo.services.documents`` gathers these from the other areas' services; the document
modules (careplan, emergency, patient, agenda, minutes, batch) only read them. All text is
Dutch and ready to print: codes are already turned into labels, except the few choices the
layout itself needs (the treatment-limit rows use ``Decision``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

# Treatment-limit rows (4a–f of the national form) and their four options, as printed.
DECISION_YES = "ja"
DECISION_LIMITED = "ja_beperkt"
DECISION_NO = "nee"
DECISION_UNKNOWN = "onbekend"
DECISIONS = (DECISION_YES, DECISION_LIMITED, DECISION_NO, DECISION_UNKNOWN)
DECISION_LABELS = {
    DECISION_YES: "Ja",
    DECISION_LIMITED: "Ja, maar met beperkingen:",
    DECISION_NO: "Nee",
    DECISION_UNKNOWN: "Onbekend",
}

# The rows of section 4 in the order of the IKNL form.
TREATMENT_LIMIT_ROWS = (
    "Reanimatie",
    "Kunstmatige invasieve beademing",
    "Opname op intensive care",
    "Opname in ziekenhuis",
    "Behandeling met antibiotica",
    "Toediening van een bloedproduct",
)

POLICY_GOALS = (
    "Curatief / actief ziektebeleid",
    "Palliatief met als doel levensverlenging én symptoomverlichting",
    "Palliatief met als doel symptoomverlichting, waarbij levensverlenging niet gewenst is",
    "Nog onbekend",
)
YES_NO_UNKNOWN = ("Ja", "Nee", "Nog onbekend")
PLACES_OF_DEATH = ("Thuis", "Ziekenhuis", "Verpleeghuis", "Hospice", "Anders", "Nog onbekend")
EUTHANASIA_OPTIONS = (
    "Heeft euthanasieverklaring",
    "Wenst geen euthanasie",
    "Geen euthanasieverklaring, zou wel verzoek kunnen doen in bepaalde situaties",
    "Nog onbekend",
)
ICD_AGREEMENT_OPTIONS = ("Ja", "Nee, nog geen besluit genomen", "Niet besproken")
CONSENT_OPTIONS = ("Akkoord", "Nog onbekend")


@dataclass(frozen=True)
class DocumentMeta:
    """What the header and footer of every page say about the document itself."""

    kind: str  # careplan, emergency, patient, agenda, minutes, batch
    title: str  # "Zorgplan", "Spoedoverzicht", ...
    practice_name: str
    printed_by: str
    printed_at: datetime
    version_label: str  # "zorgplan versie 3", "verslag van 12-03-2026"
    audit_head: str = ""  # audit chain head when printed ("1234:0123456789abcdef")


@dataclass(frozen=True)
class PatientIdent:
    """Who the page is about (header on every page)."""

    name: str  # display name: "Ëlla van der Berg"
    birth_date: date
    bsn: str | None = None
    given_name: str = ""
    name_prefix: str | None = None
    family_name: str = ""
    address: str | None = None  # one line: "Dorpsstraat 1, 9401 AA Assen"
    phone: str | None = None
    status_label: str | None = None
    is_fictional: bool = False

    def initials_label(self) -> str:
        """Initials and year of birth only, e.g. "Ë.v.d.B. (1948)" — for agendas by e-mail."""
        given = self.given_name or (self.name.split()[0] if self.name.split() else "")
        family = self.family_name or (self.name.split()[-1] if self.name.split() else "")
        parts = [given[:1].upper() + "."] if given else []
        parts += [word[:1].lower() + "." for word in (self.name_prefix or "").split()]
        if family:
            parts.append(family.lstrip("'(")[:1].upper() + ".")
        label = "".join(parts) + f" ({self.birth_date.year})"
        return label + (" (fictief)" if self.is_fictional else "")


@dataclass(frozen=True)
class Contact:
    """A care provider or contact with a role for this patient."""

    role: str  # "Centrale zorgverlener", "Eerste aanspreekpunt", "Huisarts", ...
    name: str
    discipline: str | None = None
    organisation: str | None = None
    phone: str | None = None
    phone_out_of_hours: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class RelatedPerson:
    """A naaste: legal representative or first contact person."""

    name: str
    relation: str | None = None
    contact: str | None = None  # phone and/or e-mail as one line
    phone: str | None = None  # the phone numbers alone (for a table's phone column)
    email: str | None = None  # the e-mail addresses alone


@dataclass(frozen=True)
class TreatmentLimit:
    """One row of section 4a–f: the item, the chosen option, restrictions and explanation."""

    label: str
    decision: str = DECISION_UNKNOWN  # one of DECISIONS, or "" when not filled in
    limitation: str = ""  # text after "Ja, maar met beperkingen:"
    note: str = ""  # "Toelichting"
    discussed_on: date | None = None


@dataclass(frozen=True)
class Choice:
    """A question with printed options (one chosen, or none) and an explanation."""

    label: str
    options: tuple[str, ...]
    selected: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Agreement:
    text: str
    dimension: str | None = None  # "Fysiek", "Psychisch", "Sociaal", "Zingeving" or None
    who: str | None = None
    since: date | None = None


@dataclass(frozen=True)
class DimensionSection:
    """One of the four dimensions: the situation and what was agreed."""

    dimension: str
    situation: str = ""
    agreements: tuple[Agreement, ...] = ()
    who: str = ""  # who carries out this dimension's agreements


@dataclass(frozen=True)
class Scenario:
    """An anticipated situation: "als …, dan …, door …"."""

    situation: str
    action: str
    who: str | None = None


@dataclass(frozen=True)
class AcuteAgreements:
    call_gp_post_instead_of_112: bool | None = None  # None: not agreed / not discussed
    for_gp_post: str = ""  # what the huisartsenpost must know
    for_ambulance: str = ""  # what the ambulance must know
    medication_at_home: str = ""  # e.g. anticipatory medication in the house
    seh: str = ""  # agreements for the emergency department (SEH)


@dataclass(frozen=True)
class CarePlanData:
    """Everything the care-plan, emergency and patient documents need for one patient."""

    patient: PatientIdent
    version: int | None = None
    current_as_of: date | None = None  # "actueel per"
    filled_on: date | None = None  # "Datum van invullen"
    conducted_by: str | None = None  # "Gesprek gevoerd door": name
    conducted_by_function: str | None = None
    central_caregiver: Contact | None = None
    first_contact: Contact | None = None  # eerste aanspreekpunt for the patient
    team: tuple[Contact, ...] = ()
    gp_post_phone: str | None = None  # huisartsenpost
    # 1 Wilsbekwaamheid & wettelijke vertegenwoordiging
    legally_capable: str | None = None  # "Ja" / "Nee" / None
    legally_capable_note: str = ""
    representative: RelatedPerson | None = None
    representative_is_first_contact: bool | None = None
    first_contact_person: RelatedPerson | None = None
    # 2 Gesprek gevoerd in bijzijn van
    present: tuple[str, ...] = ()
    # 3 Belangrijkste overeengekomen doel van medisch beleid
    policy_goal: str | None = None  # one of POLICY_GOALS
    # 4 Behandelgrenzen
    limits: tuple[TreatmentLimit, ...] = ()
    other_limits: Choice | None = None  # g
    icd: Choice | None = None  # h
    icd_agreement: Choice | None = None  # i
    # 5 Behandelwensen
    wishes: str = ""  # a
    place_of_death: Choice | None = None  # b
    euthanasia: Choice | None = None  # c
    organ_donation: Choice | None = None  # d
    # 6 Wat verder nog belangrijk is
    other_important: str = ""
    # 7 Eerder vastgelegde behandelwensen
    prior_directives: Choice | None = None
    # 8 Informatie delen
    informed_about_sharing: Choice | None = None
    consent_to_share: Choice | None = None
    # Beyond the national form: the individual care plan
    dimensions: tuple[DimensionSection, ...] = ()
    agreements: tuple[Agreement, ...] = ()  # agreements without a dimension
    scenarios: tuple[Scenario, ...] = ()
    acute: AcuteAgreements = field(default_factory=AcuteAgreements)
    professional_notes: str = ""  # internal: never on the patient's version
    last_discussed_on: date | None = None
    next_review_on: date | None = None
    # Issue 17: from the register, for the emergency page and the care plan.
    diagnosis: str = ""  # main diagnosis: "Oncologisch: longcarcinoom"
    dying_since: date | None = None  # stervensfase started on
    preferred_place_of_care: Choice | None = None
    populations: tuple[str, ...] = ()  # special-population flags (labels)
    wilsbekwaamheid: str = ""  # as recorded in the register


@dataclass(frozen=True)
class Attendee:
    name: str
    role: str  # role in the meeting: "Voorzitter", "Notulist", "Deelnemer", "Consulent PZ"
    discipline: str | None = None
    organisation: str | None = None
    present: bool = True
    registration: str | None = None  # BIG / AGB / Kwaliteitsregister number, if known


@dataclass(frozen=True)
class ActionItem:
    what: str
    owner: str | None = None
    due: date | None = None
    patient: PatientIdent | None = None
    done: bool = False


@dataclass(frozen=True)
class AgendaEntry:
    """One agenda slot: a patient (or a theme when ``patient`` is None)."""

    position: int
    reason: str  # "Overleden (nabespreking)", "Urgentie gewijzigd", "Thema", ...
    patient: PatientIdent | None = None
    title: str = ""  # theme title, or a short topic for a patient
    detail: str = ""  # "overleden op 03-11-2026 (thuis)"
    proposed_by: str | None = None
    minutes: int | None = None  # time box


@dataclass(frozen=True)
class MinutesItem:
    entry: AgendaEntry
    notes: tuple[tuple[str, str], ...] = ()  # (dimension or heading, text)
    checklist: tuple[tuple[str, bool], ...] = ()
    decisions: tuple[str, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    discussed: bool = True


@dataclass(frozen=True)
class MeetingData:
    title: str  # "PaTz-bijeenkomst", "Kernteam-MDO"
    meeting_date: date
    start_time: time | None = None
    end_time: time | None = None
    location: str | None = None
    team_name: str | None = None
    chair: str | None = None
    minute_taker: str | None = None
    status_label: str | None = None
    attendees: tuple[Attendee, ...] = ()
    items: tuple[MinutesItem, ...] = ()
    decisions: tuple[str, ...] = ()  # general decisions
    actions: tuple[ActionItem, ...] = ()  # actions not tied to an agenda item
    notes: str = ""

    def label(self) -> str:
        text = f"{self.title} {self.meeting_date:%d-%m-%Y}"
        if self.start_time:
            text += f" {self.start_time:%H:%M}"
        return text
