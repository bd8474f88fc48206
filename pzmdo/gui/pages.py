"""Every navigation page and patient tab, in reading order: one static registry.

Each feature area owns its module with a factory (``create_page(gctx)`` or
``create_tab(gctx, patient_id)``); the main window and the patient view only read these lists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from pzmdo.domain.permissions import Action
from pzmdo.gui import (
    admin_page,
    careplan_tab,
    careteam_tab,
    consultations_page,
    conversations_tab,
    kpi_page,
    meetings_page,
    patient_consultations_tab,
    patient_documents_tab,
    patient_overview_tab,
    register_page,
    reports_page,
)
from pzmdo.gui.context import GuiContext
from pzmdo.services.context import CurrentUser


def _t(text: str) -> str:
    return QCoreApplication.translate("Pages", text)


@dataclass(frozen=True)
class PageSpec:
    key: str
    source_title: str  # English; translated when shown
    create: Callable[[GuiContext], QWidget]
    needs: tuple[Action, ...]  # shown when the user may do any of these

    def title(self) -> str:
        return _t(self.source_title)

    def usable_by(self, user: CurrentUser) -> bool:
        return any(user.may(a) for a in self.needs)


@dataclass(frozen=True)
class TabSpec:
    key: str
    source_title: str  # English; translated when shown
    create: Callable[[GuiContext, int], QWidget]

    def title(self) -> str:
        return _t(self.source_title)


# Main navigation, in reading order.
NAV_PAGES = [
    PageSpec(
        "register",
        str(QT_TRANSLATE_NOOP("Pages", "Register")),
        register_page.create_page,
        (Action.VIEW_REGISTER,),
    ),
    PageSpec(
        "meetings",
        str(QT_TRANSLATE_NOOP("Pages", "Meetings")),
        meetings_page.create_page,
        (Action.MEETING_VIEW,),
    ),
    PageSpec(
        "consultations",
        str(QT_TRANSLATE_NOOP("Pages", "Consultations")),
        consultations_page.create_page,
        (Action.VIEW_RECORD,),
    ),
    PageSpec(
        "reports",
        str(QT_TRANSLATE_NOOP("Pages", "Reports")),
        reports_page.create_page,
        (Action.DOCUMENTS,),
    ),
    PageSpec(
        "kpi",
        str(QT_TRANSLATE_NOOP("Pages", "Mirror information")),
        kpi_page.create_page,
        (Action.KPI_AGGREGATE, Action.KPI_DENOMINATORS),
    ),
    PageSpec(
        "admin",
        str(QT_TRANSLATE_NOOP("Pages", "Administration")),
        admin_page.create_page,
        admin_page.NEEDS,
    ),
]

# Tabs of the patient view, in reading order.
PATIENT_TABS = [
    TabSpec(
        "overview", str(QT_TRANSLATE_NOOP("Pages", "Overview")), patient_overview_tab.create_tab
    ),
    TabSpec("team", str(QT_TRANSLATE_NOOP("Pages", "Care team")), careteam_tab.create_tab),
    TabSpec("careplan", str(QT_TRANSLATE_NOOP("Pages", "Care plan")), careplan_tab.create_tab),
    TabSpec(
        "conversations",
        str(QT_TRANSLATE_NOOP("Pages", "Conversations")),
        conversations_tab.create_tab,
    ),
    TabSpec(
        "consultations",
        str(QT_TRANSLATE_NOOP("Pages", "Consultations")),
        patient_consultations_tab.create_tab,
    ),
    TabSpec(
        "documents", str(QT_TRANSLATE_NOOP("Pages", "Documents")), patient_documents_tab.create_tab
    ),
]
