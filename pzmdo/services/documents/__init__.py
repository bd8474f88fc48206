"""Producing PDF documents: gather the data through the areas' services, build the report
model, render, optionally protect with a password, write the file atomically where the user
asked, and record the document in the audit trail (who, when, which patients, which
care-plan version, SHA-256 of the file).

    produce(ctx, "careplan", Path("zorgplan.pdf"), patient_id=12)
    produce(ctx, "agenda", Path("agenda.pdf"), meeting_id=3, initials_only=True)
"""

from __future__ import annotations

from pzmdo.services.documents.history import DocumentRecord, document_history
from pzmdo.services.documents.kinds import (
    GP_POST_PHONE_SETTING,
    KINDS,
    MEETING_KINDS,
    PATIENT_KINDS,
    TITLES,
    DocumentInfo,
    kind_title,
)
from pzmdo.services.documents.meeting_content import MEETING_TITLES, default_file_name, meeting_data
from pzmdo.services.documents.patient_content import careplan_data
from pzmdo.services.documents.writing import produce, produce_for_print

__all__ = [
    "DocumentInfo",
    "DocumentRecord",
    "GP_POST_PHONE_SETTING",
    "KINDS",
    "MEETING_KINDS",
    "MEETING_TITLES",
    "PATIENT_KINDS",
    "TITLES",
    "careplan_data",
    "default_file_name",
    "document_history",
    "kind_title",
    "meeting_data",
    "produce",
    "produce_for_print",
]
