"""Where each navigation page and patient tab comes from.

Every feature area owns its own module with a factory; the main window and the patient
view only know these names. A module that does not exist yet shows a placeholder.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget


def _t(text: str) -> str:
    return QCoreApplication.translate("Pages", text)


@dataclass(frozen=True)
class PageSpec:
    key: str
    source_title: str  # English; translated when shown
    module: str  # module exposing create_page(gctx) -> QWidget / create_tab(gctx, patient_id)

    def title(self) -> str:
        return _t(self.source_title)


# Main navigation, in reading order.
NAV_PAGES = [
    PageSpec("register", QT_TRANSLATE_NOOP("Pages", "Register"), "pzmdo.gui.register_page"),
    PageSpec("meetings", QT_TRANSLATE_NOOP("Pages", "Meetings"), "pzmdo.gui.meetings_page"),
    PageSpec(
        "consultations", QT_TRANSLATE_NOOP("Pages", "Consultations"), "pzmdo.gui.consultations_page"
    ),
    PageSpec("reports", QT_TRANSLATE_NOOP("Pages", "Reports"), "pzmdo.gui.reports_page"),
    PageSpec("admin", QT_TRANSLATE_NOOP("Pages", "Administration"), "pzmdo.gui.admin_page"),
]

# Tabs of the patient view, in reading order.
PATIENT_TABS = [
    PageSpec("overview", QT_TRANSLATE_NOOP("Pages", "Overview"), "pzmdo.gui.patient_overview_tab"),
    PageSpec("team", QT_TRANSLATE_NOOP("Pages", "Care team"), "pzmdo.gui.careteam_tab"),
    PageSpec("careplan", QT_TRANSLATE_NOOP("Pages", "Care plan"), "pzmdo.gui.careplan_tab"),
    PageSpec(
        "conversations", QT_TRANSLATE_NOOP("Pages", "Conversations"), "pzmdo.gui.conversations_tab"
    ),
    PageSpec(
        "consultations",
        QT_TRANSLATE_NOOP("Pages", "Consultations"),
        "pzmdo.gui.patient_consultations_tab",
    ),
    PageSpec(
        "documents", QT_TRANSLATE_NOOP("Pages", "Documents"), "pzmdo.gui.patient_documents_tab"
    ),
]


def load_module(spec: PageSpec):  # noqa: ANN201 - a module or None
    try:
        return importlib.import_module(spec.module)
    except ModuleNotFoundError as exc:
        if exc.name != spec.module:
            raise
        return None


def placeholder(title: str) -> QWidget:
    label = QLabel(
        QCoreApplication.translate("Pages", "%1 is not available yet.").replace("%1", title)
    )
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setAccessibleName(title)
    return label
