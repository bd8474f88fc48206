"""Stylesheet, icons, fonts, translations; installed as ``pzmdo._data.resources`` (setup.py)."""
