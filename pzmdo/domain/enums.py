"""Enumerations shared across the application.

Values are stable storage codes; ``label`` gives the Dutch text shown to users
(these are domain terms, identical in every screen, PDF and CLI message).
"""

from enum import StrEnum
from typing import Self


class LabelledEnum(StrEnum):
    """A string enum whose members carry a Dutch label."""

    @property
    def label(self) -> str:
        # Keyed by class too: members of different enums with equal codes are equal strings.
        return _LABELS.get((type(self), self.value), self.value.replace("_", " "))

    @classmethod
    def from_text(cls, text: str) -> Self:
        """Accept a code or a Dutch label, case-insensitively."""
        wanted = text.strip().lower()
        for member in cls:
            if wanted in (member.value, member.label.lower()):
                return member
        raise ValueError(text)


class Role(LabelledEnum):
    """A user's role in the practice (issue 2)."""

    HUISARTS = "huisarts"
    POH = "poh"
    WIJKVERPLEEGKUNDIGE = "wijkverpleegkundige"
    SPECIALIST_PZ = "specialist_pz"
    COORDINATOR = "coordinator"
    BEHEERDER = "beheerder"
    OVERIG = "overig"


class Discipline(LabelledEnum):
    """Discipline of a person in the care-provider directory."""

    HUISARTS = "huisarts"
    POH = "poh"
    WIJKVERPLEEGKUNDIGE = "wijkverpleegkundige"
    SPECIALIST_OUDERENGENEESKUNDE = "specialist_ouderengeneeskunde"
    SPECIALIST_PZ = "specialist_pz"
    VERPLEEGKUNDIG_SPECIALIST = "verpleegkundig_specialist"
    MEDISCH_SPECIALIST = "medisch_specialist"
    GEESTELIJK_VERZORGER = "geestelijk_verzorger"
    MAATSCHAPPELIJK_WERKER = "maatschappelijk_werker"
    APOTHEKER = "apotheker"
    VPTZ_COORDINATOR = "vptz_coordinator"
    FYSIOTHERAPEUT = "fysiotherapeut"
    COORDINATOR = "coordinator"
    OVERIG = "overig"


class PatientStatus(LabelledEnum):
    """Where a patient stands in the palliative lifecycle (issue 3)."""

    GESIGNALEERD = "gesignaleerd"
    GEMARKEERD = "gemarkeerd"
    STERVENSFASE = "stervensfase"
    OVERLEDEN = "overleden"
    AFGEMELD = "afgemeld"


class Sex(LabelledEnum):
    MAN = "man"
    VROUW = "vrouw"
    ANDERS = "anders"
    ONBEKEND = "onbekend"


class Dimension(LabelledEnum):
    """The four dimensions of palliative care."""

    FYSIEK = "fysiek"
    PSYCHISCH = "psychisch"
    SOCIAAL = "sociaal"
    ZINGEVING = "zingeving"


_LABELS: dict[tuple[type, str], str] = {}


def register_labels(labels: dict[StrEnum, str]) -> None:
    """Let feature modules add the Dutch labels of their own enums."""
    _LABELS.update({(type(member), member.value): text for member, text in labels.items()})


# One dict per enum: members of different enums with equal codes would collide in one dict.
for _labels in (
    {
        Role.HUISARTS: "Huisarts",
        Role.POH: "POH",
        Role.WIJKVERPLEEGKUNDIGE: "Wijkverpleegkundige",
        Role.SPECIALIST_PZ: "Specialist palliatieve zorg",
        Role.COORDINATOR: "Coördinator",
        Role.BEHEERDER: "Beheerder",
        Role.OVERIG: "Overig",
    },
    {
        Discipline.HUISARTS: "Huisarts",
        Discipline.POH: "POH",
        Discipline.WIJKVERPLEEGKUNDIGE: "Wijkverpleegkundige",
        Discipline.SPECIALIST_OUDERENGENEESKUNDE: "Specialist ouderengeneeskunde",
        Discipline.SPECIALIST_PZ: "Specialist palliatieve zorg",
        Discipline.VERPLEEGKUNDIG_SPECIALIST: "Verpleegkundig specialist",
        Discipline.MEDISCH_SPECIALIST: "Medisch specialist",
        Discipline.GEESTELIJK_VERZORGER: "Geestelijk verzorger",
        Discipline.MAATSCHAPPELIJK_WERKER: "Maatschappelijk werker",
        Discipline.APOTHEKER: "Apotheker",
        Discipline.VPTZ_COORDINATOR: "VPTZ-coördinator",
        Discipline.FYSIOTHERAPEUT: "Fysiotherapeut",
        Discipline.COORDINATOR: "Coördinator",
        Discipline.OVERIG: "Overig",
    },
    {
        PatientStatus.GESIGNALEERD: "Gesignaleerd",
        PatientStatus.GEMARKEERD: "Gemarkeerd",
        PatientStatus.STERVENSFASE: "Stervensfase",
        PatientStatus.OVERLEDEN: "Overleden",
        PatientStatus.AFGEMELD: "Afgemeld",
    },
    {
        Sex.MAN: "Man",
        Sex.VROUW: "Vrouw",
        Sex.ANDERS: "Anders",
        Sex.ONBEKEND: "Onbekend",
    },
    {
        Dimension.FYSIEK: "Fysiek",
        Dimension.PSYCHISCH: "Psychisch",
        Dimension.SOCIAAL: "Sociaal",
        Dimension.ZINGEVING: "Zingeving",
    },
):
    register_labels(_labels)  # type: ignore[arg-type]
