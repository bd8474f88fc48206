"""Every control on every page and patient tab has an accessible name and takes keyboard focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from pzmdo.gui.context import GuiContext
from pzmdo.gui.main_window import MainWindow
from pzmdo.gui.pages import NAV_PAGES

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
)


def _labelled_by_buddy(root: QWidget) -> set[int]:
    return {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}


def _problems(root: QWidget, where: str) -> list[str]:
    buddies = _labelled_by_buddy(root)
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, (QTabBar, QHeaderView)):
            continue
        if not widget.isVisibleTo(root) or widget.parent() is None:
            continue
        # Internal parts of composite widgets (the line edit inside a combo box or spin box,
        # a line edit's action button such as DateInput's calendar, opened with Alt+Down).
        if isinstance(
            widget.parent(), (QComboBox, QAbstractSpinBox, QLineEdit)
        ) or widget.objectName().startswith("qt_"):
            continue
        name = widget.accessibleName() or (
            widget.text() if isinstance(widget, QAbstractButton) else ""
        )
        if not name and id(widget) not in buddies:
            problems.append(
                f"{where}: {type(widget).__name__} {widget.objectName()!r} has no accessible name"
            )
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and widget.isEnabled():
            problems.append(
                f"{where}: {type(widget).__name__} {widget.objectName()!r} cannot take keyboard focus"
            )
    return problems


def test_pages_and_patient_tabs_are_accessible(qtbot, demo_ctx):
    gctx = GuiContext(demo_ctx)
    window = MainWindow(gctx, demo_ctx.db.path, idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    problems: list[str] = []
    for spec in NAV_PAGES:
        window.show_nav(spec.key)
        qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=20_000)
        problems += _problems(window.pages.currentWidget(), spec.key)
    window.show_patient(1)
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=20_000)
    view = window.pages.currentWidget()
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=20_000)
        problems += _problems(view.tabs.currentWidget(), f"patient tab {view.tabs.tabText(index)}")
    window.idle.stop()
    gctx.runner.wait()
    assert problems == []
