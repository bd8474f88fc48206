"""pzmdo: the MDO/PaTz tool for palliative care in Dutch general practice."""

__version__ = "0.1.0"
