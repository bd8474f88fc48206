"""The palliative register: patients, signals, marking, urgency, hospital MDO-PZ, dying
phase, death, deregistration, follow-up tasks, search and the register list.

Every public function is one transaction, audited in that transaction; it validates
everything before writing and raises a Dutch domain error otherwise. The current state is
kept on ``patient`` (status, status_since, marked_on, urgency, urgency_since) so the
register can be listed and filtered through indexes.
"""

from __future__ import annotations

from pzmdo.services.register.candidates import agenda_candidates
from pzmdo.services.register.end_of_life import (
    _complete_tasks,
    complete_task,
    deregister,
    end_stervensfase,
    open_tasks,
    patient_tasks,
    record_death,
    record_stervensfase,
)
from pzmdo.services.register.helpers import MAX_NOTES, index_new_patients, validate_patient_input
from pzmdo.services.register.inputs import (
    ACTIVE,
    PHYSICIAN_DISCIPLINES,
    SORT_KEYS,
    URGENCY_SETTING,
    DeathInput,
    HistoryItem,
    HospitalMdoInput,
    MarkingInput,
    PatientDetails,
    PatientInput,
    PersonChoice,
    RegisterQuery,
    RegisterRow,
    SignalInfo,
    SignalInput,
    StervensfaseInput,
    TaskInfo,
)
from pzmdo.services.register.marking import (
    default_marker_id,
    mark_patient,
    register_hospital_mdo,
    set_urgency,
    urgency_levels_for,
)
from pzmdo.services.register.patients import (
    create_patient,
    get_patient,
    history,
    list_gps,
    list_physicians,
    update_patient,
)
from pzmdo.services.register.search import (
    count_by_status,
    list_patients,
    register_ids,
    register_rows,
    search_patients,
)
from pzmdo.services.register.signals import add_signal, handle_signal, patient_signals, signal_queue

__all__ = [
    "ACTIVE",
    "DeathInput",
    "HistoryItem",
    "HospitalMdoInput",
    "MAX_NOTES",
    "MarkingInput",
    "PHYSICIAN_DISCIPLINES",
    "PatientDetails",
    "PatientInput",
    "PersonChoice",
    "RegisterQuery",
    "RegisterRow",
    "SORT_KEYS",
    "SignalInfo",
    "SignalInput",
    "StervensfaseInput",
    "TaskInfo",
    "URGENCY_SETTING",
    "_complete_tasks",
    "add_signal",
    "agenda_candidates",
    "complete_task",
    "count_by_status",
    "create_patient",
    "default_marker_id",
    "deregister",
    "end_stervensfase",
    "get_patient",
    "handle_signal",
    "history",
    "index_new_patients",
    "list_gps",
    "list_patients",
    "list_physicians",
    "mark_patient",
    "open_tasks",
    "patient_signals",
    "patient_tasks",
    "record_death",
    "record_stervensfase",
    "register_hospital_mdo",
    "register_ids",
    "register_rows",
    "search_patients",
    "set_urgency",
    "signal_queue",
    "update_patient",
    "urgency_levels_for",
    "validate_patient_input",
]
