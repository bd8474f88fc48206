"""Private files and the database lock protocol for the layers above the store (the GUI's
crash log, lock folder and single-window lock).

The rule itself lives in :mod:`pzmdo.store.files`; the GUI may not import the store.
"""

from pzmdo.store.filelock import FileLock, instance_lock, set_program_name
from pzmdo.store.files import open_private, private_dir

__all__ = ["FileLock", "instance_lock", "open_private", "private_dir", "set_program_name"]
