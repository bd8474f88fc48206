"""Qt's own texts that its Dutch catalogue (qtbase_nl) leaves in English.

Qt 6's file dialog labels carry mnemonics ("&Look in:") that qtbase_nl.qm does not
translate; listing them here puts them in resources/i18n/nl/qt_texts.ts, loaded with the
other translations. ``tools/i18n.py check`` fails when any of them shows in English.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_TEXTS = (
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "File &name:")),
)
