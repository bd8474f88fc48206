"""Qt Designer forms; installed as the data package ``pzmdo._data.ui`` (see setup.py)."""
