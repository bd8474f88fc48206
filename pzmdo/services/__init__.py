"""Use cases. Each public function is one unit of work: one transaction, audited.

Services take an :class:`~pzmdo.services.context.AppContext` and return plain
dataclasses (never ORM objects), so the GUI never holds a database session.
"""
