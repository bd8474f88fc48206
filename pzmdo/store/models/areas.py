"""Imports every feature area's model module, so ``Base.metadata`` knows all tables."""

import importlib

AREA_MODULES = ["register", "careteam", "careplan", "meetings", "consultations"]

for _name in AREA_MODULES:
    try:
        importlib.import_module(f"pzmdo.store.models.{_name}")
    except ModuleNotFoundError as exc:  # an area not built yet
        if exc.name != f"pzmdo.store.models.{_name}":
            raise
