"""Persistence: SQLAlchemy models, the SQLCipher engine, key slots, audit, backup."""
