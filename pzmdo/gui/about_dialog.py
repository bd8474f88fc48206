"""Help › About pzmdo: version, licence, where the data and backups live, how to make a
backup, the short Dutch manual and the third-party components with their licences."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pzmdo._data import resources_dir
from pzmdo.gui.context import GuiContext
from pzmdo.gui.widgets import read_only_table
from pzmdo.services import about
from pzmdo.services.about import AboutInfo


class AboutDialog(QDialog):
    def __init__(self, gctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gctx = gctx
        self.setWindowTitle(self.tr("About pzmdo"))
        self.setAccessibleName(self.tr("About pzmdo"))
        self.resize(720, 560)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Version, licence and data folders"))
        self.manual = QTextBrowser()
        self.manual.setAccessibleName(self.tr("Short manual"))
        self.manual.setHtml(
            (resources_dir() / "help" / "handleiding.html").read_text(encoding="utf-8")
        )
        self.components = read_only_table(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")],
            self.tr("Third-party components"),
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("About pzmdo"))
        self.tabs.addTab(self.summary, self.tr("&About"))
        self.tabs.addTab(self.manual, self.tr("&Manual"))
        self.tabs.addTab(self.components, self.tr("&Components"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        gctx.runner.submit(about.about, gctx.app.db.path, gctx.app.db, on_done=self._show)

    def _show(self, info: AboutInfo) -> None:
        licence = (
            self.tr("proprietary; use under the licence agreement of your practice")
            if info.licence.startswith("LicenseRef-Proprietary")
            else info.licence
        )
        if info.server:  # the server's administrator makes its backups
            where = [
                self.tr("<b>Server:</b> %1").replace("%1", info.server),
                self.tr("<b>Database written by:</b> %1").replace("%1", info.written_by),
                self.tr(
                    "<b>Backups:</b> made by the server's administrator (pg_dump or base "
                    "backups with WAL archiving); see docs/server.md."
                ),
            ]
        else:
            where = [
                self.tr("<b>Database:</b> %1").replace("%1", str(info.database)),
                self.tr("<b>Database written by:</b> %1").replace("%1", info.written_by),
                self.tr("<b>Backups:</b> %1").replace("%1", str(info.backups)),
                self.tr(
                    "<b>Making a backup:</b> Administration › Settings and backup › Make a "
                    "backup now, or on the command line <tt>pzmdo backup --out FILE</tt>. Keep "
                    "a copy outside this computer; it opens only with a password or the "
                    "recovery key."
                ),
            ]
        rows = [
            self.tr("<h2>pzmdo %1</h2>").replace("%1", info.version),
            self.tr("MDO and PaTz register for palliative care in general practice."),
            self.tr("<b>Licence:</b> %1").replace("%1", licence),
            *where,
            self.tr("The program uses %1 third-party components; see Components.").replace(
                "%1", str(len(info.components))
            ),
        ]
        self.summary.setText("<p>" + "</p><p>".join(rows) + "</p>")
        self.components.setRowCount(len(info.components))
        for row, component in enumerate(info.components):
            for col, text in enumerate((component.name, component.version, component.licence)):
                self.components.setItem(row, col, QTableWidgetItem(text))


def open_about(gctx: GuiContext, parent: QWidget | None = None) -> AboutDialog:
    dialog = AboutDialog(gctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
