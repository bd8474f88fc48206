"""The patient's trajectory (issue 17): transfers with warme overdracht and hospice
referral steps, second-line and nazorg contacts, the nabespreking and its lessons."""

from __future__ import annotations

from pzmdo.services.trajectory.contacts import (
    list_contacts,
    list_nazorg,
    record_contact,
    record_nazorg,
)
from pzmdo.services.trajectory.results import (
    ContactInfo,
    ContactInput,
    HospiceStepInfo,
    LessonRow,
    LessonsSummary,
    NazorgInfo,
    ReviewFacts,
    ReviewInfo,
    ReviewInput,
    TransferInfo,
    TransferInput,
)
from pzmdo.services.trajectory.review import (
    export_lessons,
    get_review,
    lessons,
    lessons_csv,
    record_review,
    review_facts,
)
from pzmdo.services.trajectory.transfers import (
    confirm_transfer,
    hospice_steps,
    list_transfers,
    record_hospice_step,
    record_transfer,
)

__all__ = [
    "ContactInfo",
    "ContactInput",
    "HospiceStepInfo",
    "LessonRow",
    "LessonsSummary",
    "NazorgInfo",
    "ReviewFacts",
    "ReviewInfo",
    "ReviewInput",
    "TransferInfo",
    "TransferInput",
    "confirm_transfer",
    "export_lessons",
    "get_review",
    "hospice_steps",
    "lessons",
    "lessons_csv",
    "list_contacts",
    "list_nazorg",
    "list_transfers",
    "record_contact",
    "record_hospice_step",
    "record_nazorg",
    "record_review",
    "record_transfer",
    "review_facts",
]
