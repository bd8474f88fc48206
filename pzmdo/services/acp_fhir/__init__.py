"""Exchange of the care plan as a FHIR R4 QuestionnaireResponse of the IKNL ACP form.

The national form (Questionnaire ``ACP-zib2020``) is identified by linkIds; this module maps
each linkId to a field of ``CarePlanContent`` and back. Items follow the form's nesting:
children of a group under ``item``, children of a question under ``answer[].item``.
Only the linkIds and codes of the form are written.
"""

from __future__ import annotations

from pzmdo.services.acp_fhir.export import response_from_content
from pzmdo.services.acp_fhir.form import (
    FIRST_CONTACT_LINKS,
    FIXED,
    LIMITS,
    PATIENT_PRESENT,
    QUESTIONNAIRE,
    QUESTIONNAIRE_VERSION,
    REPRESENTATIVE_LINKS,
    TEXT,
    LimitItems,
)
from pzmdo.services.acp_fhir.parse import FormIdentity, content_from_response
from pzmdo.services.acp_fhir.transfer import (
    MAX_FHIR_BYTES,
    MAX_FHIR_DEPTH,
    ImportResult,
    export_response,
    import_response,
    read_file,
    write_export,
)

__all__ = [
    "FIRST_CONTACT_LINKS",
    "FIXED",
    "FormIdentity",
    "ImportResult",
    "LIMITS",
    "LimitItems",
    "MAX_FHIR_BYTES",
    "MAX_FHIR_DEPTH",
    "PATIENT_PRESENT",
    "QUESTIONNAIRE",
    "QUESTIONNAIRE_VERSION",
    "REPRESENTATIVE_LINKS",
    "TEXT",
    "content_from_response",
    "export_response",
    "import_response",
    "read_file",
    "response_from_content",
    "write_export",
]
