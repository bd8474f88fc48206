"""Plain-Python domain: enums, value objects and rules. Imports nothing else from pzmdo."""
