"""The embedded Unicode font (DejaVu Sans) for every PDF.

ReportLab's built-in Helvetica lacks characters such as Ĳ, ł, ≥ and →; DejaVu Sans covers
them. The TTF files ship in ``resources/fonts`` (licence in ``LICENSE-DejaVu.txt``).
"""

from __future__ import annotations

import threading

from pzmdo._data import fonts_dir
from pzmdo.domain.errors import PzmdoError

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SANS_ITALIC = "DejaVuSans-Oblique"
SANS_BOLD_ITALIC = "DejaVuSans-BoldOblique"
MONO = "DejaVuSansMono"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the DejaVu family with ReportLab once (thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        folder = fonts_dir()
        missing = [name for name in _FILES.values() if not (folder / name).is_file()]
        if missing:
            raise PzmdoError(
                "Het lettertype voor PDF-documenten ontbreekt ("
                + ", ".join(missing)
                + "). Installeer pzmdo opnieuw of vraag uw beheerder om hulp."
            )
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
        pdfmetrics.registerFontFamily(
            SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD_ITALIC
        )
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        addMapping(SANS, 0, 1, SANS_ITALIC)
        addMapping(SANS, 1, 1, SANS_BOLD_ITALIC)
        _registered = True
