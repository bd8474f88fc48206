"""Private files for the layers above the store (the GUI's crash log and lock folder).

The rule itself lives in :mod:`pzmdo.store.files`; the GUI may not import the store.
"""

from pzmdo.store.files import open_private, private_dir

__all__ = ["open_private", "private_dir"]
