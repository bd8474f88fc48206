"""The kinds of documents, their titles and the result of producing one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pzmdo.services import settings

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
