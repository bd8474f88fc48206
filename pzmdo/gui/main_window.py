"""Main window: navigation, the current page, the status bar and auto-lock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from pzmdo.domain.permissions import Action, roles_text
from pzmdo.gui.about_dialog import open_about
from pzmdo.gui.busy import BusyIndicator
from pzmdo.gui.context import GuiContext
from pzmdo.gui.idle import IdleWatcher
from pzmdo.gui.marking_dialog import open_marking_dialog
from pzmdo.gui.pages import NAV_PAGES, PageSpec
from pzmdo.gui.patient_view import PatientView
from pzmdo.gui.server_unlock_page import ServerUnlockPage
from pzmdo.gui.unlock_page import UnlockPage
from pzmdo.services import settings, unlock
from pzmdo.services.backup import automatic_backup
from pzmdo.services.context import AppContext
from pzmdo.services.scope import ScopeInfo, current_scope


class MainWindow(QMainWindow):
    def __init__(
        self,
        gctx: GuiContext,
        db_path: Path,
        *,
        idle_ms: int | None = None,
        server_url: str | None = None,
    ) -> None:
        super().__init__()
        self.gctx = gctx
        gctx.main_window = self
        self.db_path = Path(db_path)
        self.server_url = server_url
        self.setWindowTitle(self.tr("pzmdo — palliative care register"))
        self.setAccessibleName(self.tr("pzmdo main window"))

        # Work area: navigation list + page stack.
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setFixedWidth(180)
        self.pages = QStackedWidget()
        self._page_widgets: dict[str, QWidget] = {}
        self._specs: list[PageSpec] = []
        self._roles: frozenset[str] | None = None
        self.nav.currentRowChanged.connect(self._show_nav_page)
        work = QWidget()
        row = QHBoxLayout(work)
        row.setContentsMargins(0, 0, 8, 0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.setTabOrder(self.nav, self.pages)

        self.unlock_page: UnlockPage | ServerUnlockPage = (
            ServerUnlockPage(server_url, gctx.runner)
            if server_url
            else UnlockPage(self.db_path, gctx.runner)
        )
        self.unlock_page.unlocked.connect(self._unlocked)
        self.screens = QStackedWidget()
        self.screens.addWidget(work)
        self.screens.addWidget(self.unlock_page)
        self.setCentralWidget(self.screens)

        self._build_menu()
        self.user_label = QLabel()
        self.user_label.setAccessibleName(self.tr("Signed-in user"))
        self.db_label = QLabel()
        self.db_label.setAccessibleName(self.tr("Database"))
        self.scope_label = QLabel()
        self.scope_label.setAccessibleName(self.tr("Your practices and teams"))
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addWidget(self.scope_label)
        gctx.changed.connect(self._scope_changed)
        self.busy = BusyIndicator(gctx.runner)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.db_label)
        self._update_status()

        default_ms = settings.DEFAULTS[settings.IDLE_LOCK_MINUTES] * 60_000
        self.idle = IdleWatcher(idle_ms if idle_ms is not None else default_ms, self)
        if idle_ms is None:  # the practice's own setting, read off the GUI thread
            gctx.runner.submit(
                settings.get_setting,
                gctx.app,
                settings.IDLE_LOCK_MINUTES,
                on_done=lambda minutes: self.idle.set_timeout(int(minutes) * 60_000),
            )
        self.idle.idle.connect(self.lock)
        QApplication.instance().installEventFilter(self.idle)
        self.idle.start()
        self._restore_geometry()
        self._apply_permissions()

    # -- menu ------------------------------------------------------------------------
    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        # From every pzmdo window (meeting mode is one of its own), not just this one.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        file_menu.addAction(self.lock_action)
        self.addAction(self.lock_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        patient_menu = self.menuBar().addMenu(self.tr("&Patient"))
        self.mark_action = QAction(self.tr("&Mark patient…"), self)
        self.mark_action.setShortcut(QKeySequence("Ctrl+M"))
        self.mark_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.mark_action.triggered.connect(self.open_marking)
        patient_menu.addAction(self.mark_action)
        self.addAction(self.mark_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About pzmdo…"), self)
        self.about_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.about_action.triggered.connect(lambda: open_about(self.gctx, self))
        help_menu.addAction(self.about_action)

    def open_marking(self) -> None:
        if self.is_locked:
            return
        open_marking_dialog(self.gctx, self)

    # -- pages -----------------------------------------------------------------------
    def _apply_permissions(self) -> None:
        """Only the pages this user can use; land on the first (the register for a GP)."""
        user = self.gctx.app.user
        self.mark_action.setEnabled(user.may(Action.MARK))
        if self._roles == user.roles:
            return
        self._roles = user.roles
        self.nav.blockSignals(True)
        self.nav.clear()
        for widget in self._page_widgets.values():
            self.pages.removeWidget(widget)
            widget.deleteLater()
        self._page_widgets.clear()
        self._specs = [spec for spec in NAV_PAGES if spec.usable_by(user)]
        for spec in self._specs:
            self.nav.addItem(spec.title())
        self.nav.blockSignals(False)
        if self._specs:
            self.nav.setCurrentRow(0)

    def _show_nav_page(self, row: int) -> None:
        if row < 0 or row >= len(self._specs):
            return
        spec = self._specs[row]
        widget = self._page_widgets.get(spec.key)
        if widget is None:
            widget = spec.create(self.gctx)
            self._page_widgets[spec.key] = widget
            self.pages.addWidget(widget)
        self.pages.setCurrentWidget(widget)

    def show_nav(self, key: str) -> None:
        keys = [spec.key for spec in self._specs]
        self.nav.setCurrentRow(keys.index(key))
        self._show_nav_page(keys.index(key))

    def show_patient(self, patient_id: int) -> None:
        """Open a patient's record in the work area; Back returns to where we were."""
        previous = self.pages.currentWidget()
        view = PatientView(self.gctx, patient_id)
        self.pages.addWidget(view)
        self.pages.setCurrentWidget(view)

        def close_view() -> None:
            self.pages.setCurrentWidget(previous)
            self.pages.removeWidget(view)
            view.deleteLater()

        view.closed.connect(close_view)
        view.back.setFocus()

    # -- locking ---------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return self.screens.currentWidget() is self.unlock_page

    def lock(self) -> None:
        """Hide everything behind the unlock screen; dialogs are hidden until unlock."""
        if self.is_locked:
            return
        self.idle.stop()
        self._hidden: list[QWidget] = [
            w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()
        ]
        for w in self._hidden:
            w.hide()
        self.menuBar().setEnabled(False)
        self.unlock_page.refresh(self.gctx.app.user.login)
        self.screens.setCurrentWidget(self.unlock_page)
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        self.gctx.runner.submit(unlock.record_lock, self.gctx.app)

    def _unlocked(self, ctx: AppContext) -> None:
        self.gctx.switch_user(ctx)
        self.screens.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        for w in getattr(self, "_hidden", []):
            w.show()
        self._hidden = []
        self._update_status()
        self._apply_permissions()
        self.idle.start()

    def _update_status(self) -> None:
        user = self.gctx.app.user
        self.user_label.setText(
            self.tr("Signed in: %1 (%2)")
            .replace("%1", user.name)
            .replace("%2", roles_text(user.roles))
        )
        if self.server_url:
            where = self.tr("Server: %1").replace("%1", unlock.server_label(self.server_url))
        else:
            where = self.tr("Database: %1").replace("%1", str(self.db_path))
        self.db_label.setText(where)
        self.gctx.runner.submit(current_scope, self.gctx.app, on_done=self._show_scope)

    def _scope_changed(self, entity: str, _ids: tuple[int, ...]) -> None:
        if entity in ("practice", "meeting_team", "attachments", "*"):
            self.gctx.runner.submit(current_scope, self.gctx.app, on_done=self._show_scope)

    def _show_scope(self, scope: ScopeInfo) -> None:
        """Whose patients the user sees: one practice by name, several counted (names in
        the tooltip)."""
        practices = [name for _, name in scope.practices]
        teams = [name for _, name in scope.teams]
        if scope.all_practices and scope.total_practices > 1:
            text = self.tr("All practices (%n)", "", scope.total_practices)
        elif len(practices) == 1:
            text = self.tr("Practice: %1").replace("%1", practices[0])
        elif not practices:
            text = self.tr("No practice attached")
        else:
            text = self.tr("%n practice(s)", "", len(practices))
        if len(teams) > 1 or (len(practices) > 1 and teams):
            text += ", " + self.tr("%n team(s)", "", len(teams))
        tip = self.tr("Practices: %1").replace("%1", ", ".join(practices) or "—")
        tip += "\n" + self.tr("Teams: %1").replace("%1", ", ".join(teams) or "—")
        self.scope_label.setText(text)
        self.scope_label.setToolTip(tip)
        self.scope_label.setAccessibleDescription(tip)

    # -- geometry and closing ----------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 780)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        QSettings().setValue("main/geometry", self.saveGeometry())
        self.idle.stop()
        QApplication.instance().removeEventFilter(self.idle)
        self.gctx.runner.wait()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            automatic_backup(self.gctx.app)
        except Exception as exc:  # the window still closes; the user is told
            self.gctx.show_error(exc, self)
        finally:
            QApplication.restoreOverrideCursor()
        self.gctx.app.close()
        event.accept()
