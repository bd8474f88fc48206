"""Alembic migrations; installed as the data package ``pzmdo._data.db`` (see setup.py)."""
