"""The PySide6 user interface. The only package that imports Qt; it talks to services only."""
