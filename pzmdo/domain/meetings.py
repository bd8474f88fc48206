"""The MDO / PaTz meeting: lifecycle, agenda-item states, the checklist, the attendance triad.

Sources: requirements §2.7, §3.8, FR09-FR14; the checklist follows source 003 (L922-924,
L963, L1234); the attendance triad is the KPI proxy of source 003 L597: "minimaal een
huisarts, wijkverpleegkundige en specialist palliatieve zorg".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from pzmdo.domain.enums import Discipline, LabelledEnum
from pzmdo.domain.errors import ReadOnlyError, TransitionError, ValidationError
from pzmdo.domain.text import clean_text


class _MeetingEnum(LabelledEnum):
    """Labels kept here, keyed by class: the shared label table is keyed by value, and
    codes such as "ja" or "open" also occur in other areas' enums."""

    @property
    def label(self) -> str:
        return _LABELS[type(self).__name__][self.value]


class MeetingStatus(_MeetingEnum):
    GEPLAND = "gepland"
    IN_VOORBEREIDING = "in_voorbereiding"
    BEZIG = "bezig"
    AFGEROND = "afgerond"


class TeamKind(_MeetingEnum):
    KERNTEAM = "kernteam"
    PATZ = "patz"
    TRANSMURAAL = "transmuraal"


class ItemStatus(_MeetingEnum):
    VOORGESTELD = "voorgesteld"  # proposed, not yet accepted by the POH
    GEAGENDEERD = "geagendeerd"  # on the agenda
    BESPROKEN = "besproken"
    NIET_TOEGEKOMEN = "niet_toegekomen"  # not reached: carried over to the next meeting
    VERWIJDERD = "verwijderd"  # removed by the POH (kept, so it is not proposed again)


class ChecklistItem(_MeetingEnum):
    VPTZ = "vptz"
    MANTELZORG = "mantelzorg"
    GEESTELIJK_VERZORGER = "geestelijk_verzorger"
    SPECIALIST_PZ = "specialist_pz"
    TEAM_AANSPREEKPUNT = "team_aanspreekpunt"


class ChecklistAnswer(_MeetingEnum):
    OPEN = "open"
    JA = "ja"
    NEE = "nee"


class MeetingFunction(_MeetingEnum):
    VOORZITTER = "voorzitter"
    NOTULIST = "notulist"
    DEELNEMER = "deelnemer"


_LABELS: dict[str, dict[str, str]] = {
    "MeetingStatus": {
        "gepland": "Gepland",
        "in_voorbereiding": "In voorbereiding",
        "bezig": "Bezig",
        "afgerond": "Afgerond",
    },
    "TeamKind": {
        "kernteam": "Kernteam",
        "patz": "PaTz-groep",
        "transmuraal": "Transmuraal overleg",
    },
    "ItemStatus": {
        "voorgesteld": "Voorgesteld",
        "geagendeerd": "Op de agenda",
        "besproken": "Besproken",
        "niet_toegekomen": "Niet aan toegekomen",
        "verwijderd": "Verwijderd",
    },
    "ChecklistItem": {
        "vptz": "VPTZ besproken",
        "mantelzorg": "Mantelzorgbelasting gemonitord",
        "geestelijk_verzorger": "Geestelijk verzorger overwogen",
        "specialist_pz": "Specialist palliatieve zorg nodig?",
        "team_aanspreekpunt": "Team en eerste aanspreekpunt vastgesteld",
    },
    "ChecklistAnswer": {"open": "Nog niet", "ja": "Ja", "nee": "Nee"},
    "MeetingFunction": {
        "voorzitter": "Voorzitter",
        "notulist": "Notulist",
        "deelnemer": "Deelnemer",
    },
}

# -- lifecycle ---------------------------------------------------------------------------------

_NEXT: dict[MeetingStatus, frozenset[MeetingStatus]] = {
    MeetingStatus.GEPLAND: frozenset({MeetingStatus.IN_VOORBEREIDING, MeetingStatus.BEZIG}),
    MeetingStatus.IN_VOORBEREIDING: frozenset({MeetingStatus.BEZIG}),
    MeetingStatus.BEZIG: frozenset({MeetingStatus.AFGEROND}),
    MeetingStatus.AFGEROND: frozenset(),
}


def can_transition(current: MeetingStatus, new: MeetingStatus) -> bool:
    return new in _NEXT[current]


def check_transition(current: MeetingStatus, new: MeetingStatus) -> None:
    """Raise a Dutch ``TransitionError`` (or ``ReadOnlyError``) for a forbidden step."""
    if current is new or can_transition(current, new):
        return
    if current is MeetingStatus.AFGEROND:
        raise ReadOnlyError(
            "Dit overleg is al afgerond en kan niet meer veranderen. "
            "Voeg zo nodig een aanvulling toe."
        )
    raise TransitionError(
        f"Een overleg met status '{current.label}' kan niet naar '{new.label}'. "
        f"Volgorde: gepland → in voorbereiding → bezig → afgerond."
    )


def ensure_editable(status: MeetingStatus) -> None:
    """Closing freezes the record: later changes are amendments, never silent edits."""
    if status is MeetingStatus.AFGEROND:
        raise ReadOnlyError(
            "Dit overleg is afgerond; het verslag kan niet meer worden gewijzigd. "
            "Leg een wijziging vast als aanvulling (knop 'Aanvulling toevoegen')."
        )


def ensure_running(status: MeetingStatus) -> None:
    """Discussion notes, checklist and decisions are recorded while the meeting runs."""
    ensure_editable(status)
    if status is not MeetingStatus.BEZIG:
        raise TransitionError(
            "Het overleg is nog niet gestart. Start eerst het overleg (vergadermodus) "
            "en leg dan de bespreking vast."
        )


# -- team cadence --------------------------------------------------------------------------------


#: Kernteams meet monthly (source 003 L821); PaTz groups often every 6-8 weeks.
KERNTEAM_CADENCE_WEEKS = 4
PATZ_CADENCE_WEEKS = 6
#: A patient on the register is proposed for periodic review this long after the last
#: discussion, unless the team chose another interval.
DEFAULT_REVIEW_INTERVAL_WEEKS = 8
DEFAULT_MINUTES_PER_PATIENT = 10


def default_cadence_weeks(kind: TeamKind) -> int:
    return PATZ_CADENCE_WEEKS if kind is TeamKind.PATZ else KERNTEAM_CADENCE_WEEKS


def next_meeting_on(last: date | None, cadence_weeks: int, today: date) -> date:
    """Suggested date of the next meeting: one cadence after the last, never in the past."""
    if cadence_weeks < 1:
        raise ValidationError("Het ritme van het overleg moet minstens één week zijn.")
    if last is None:
        return today + timedelta(weeks=1)
    suggested = last + timedelta(weeks=cadence_weeks)
    return suggested if suggested >= today else today + timedelta(weeks=1)


#: How far from today a meeting may be planned or moved: far enough for real planning,
#: near enough to catch a mistyped year.
MEETING_MAX_DAYS_AHEAD = 2 * 366
MEETING_MAX_DAYS_BACK = 366


def validate_meeting_date(held_on: date, today: date) -> None:
    """The date of a new or moved meeting: at most two years ahead and one year back."""
    if held_on > today + timedelta(days=MEETING_MAX_DAYS_AHEAD):
        raise ValidationError(
            f"De datum {held_on:%d-%m-%Y} ligt meer dan twee jaar vooruit. Controleer het jaartal."
        )
    if held_on < today - timedelta(days=MEETING_MAX_DAYS_BACK):
        raise ValidationError(
            f"De datum {held_on:%d-%m-%Y} ligt meer dan een jaar terug. Controleer het jaartal."
        )


def validate_cadence(weeks: int) -> None:
    if not 1 <= weeks <= 26:
        raise ValidationError(
            "Het ritme van het overleg moet tussen 1 en 26 weken liggen (bijvoorbeeld 4 voor "
            "maandelijks, 6 tot 8 voor een PaTz-groep)."
        )


def validate_review_interval(weeks: int) -> None:
    if not 1 <= weeks <= 52:
        raise ValidationError(
            "De termijn voor periodieke bespreking moet tussen 1 en 52 weken liggen."
        )


DEFAULT_MEETING_MINUTES = 90


def time_budget(patients: int, minutes_per_patient: int, meeting_minutes: int) -> tuple[str, bool]:
    """The agenda's planned time against the meeting's length: (Dutch line, over budget)."""
    planned = patients * minutes_per_patient
    line = (
        f"Geplande tijd: {patients} × {minutes_per_patient} = {planned} minuten "
        f"van de {meeting_minutes} minuten van het overleg."
    )
    if planned <= meeting_minutes:
        return line, False
    over = planned - meeting_minutes
    return (
        f"{line} Dat is {over} minuten te veel: haal punten van de agenda of plan een extra "
        "overleg.",
        True,
    )


# -- attendance triad -----------------------------------------------------------------------------

TRIAD: tuple[Discipline, ...] = (
    Discipline.HUISARTS,
    Discipline.WIJKVERPLEEGKUNDIGE,
    Discipline.SPECIALIST_PZ,
)


@dataclass(frozen=True)
class TriadCheck:
    """Were a huisarts, a wijkverpleegkundige and a specialist palliatieve zorg all present?"""

    present: tuple[Discipline, ...]
    missing: tuple[Discipline, ...]

    @property
    def complete(self) -> bool:
        return not self.missing

    def text(self) -> str:
        if self.complete:
            return "Huisarts, wijkverpleegkundige en specialist palliatieve zorg aanwezig."
        names = ", ".join(d.label.lower() for d in self.missing)
        return f"Niet compleet: geen {names} aanwezig."


def triad_check(present_roles: Iterable[str]) -> TriadCheck:
    roles = set(present_roles)
    return TriadCheck(
        present=tuple(d for d in TRIAD if d.value in roles),
        missing=tuple(d for d in TRIAD if d.value not in roles),
    )


# -- validation ----------------------------------------------------------------------------------

MAX_NOTE = 20_000


def validate_action(what: str, due: date | None, today: date) -> str:
    """An action needs a description; a due date may not lie in the past when it is made."""
    text = clean_text(what, "wat er moet gebeuren", required=True, limit=500)
    if due is not None and due < today:
        raise ValidationError(
            f"De datum 'uiterlijk' ({due:%d-%m-%Y}) ligt in het verleden. Kies vandaag of later."
        )
    return text


def parse_checklist(values: dict[str, str]) -> dict[ChecklistItem, ChecklistAnswer]:
    out = {}
    for key, answer in values.items():
        try:
            item = ChecklistItem(key)
        except ValueError:
            raise ValidationError(f"Onbekend punt op de checklist: '{key}'.") from None
        try:
            out[item] = ChecklistAnswer(answer)
        except ValueError:
            raise ValidationError(
                f"Onbekend antwoord '{answer}' bij '{item.label}'. Kies ja, nee of nog niet."
            ) from None
    return out
