"""A second pzmdo on the same database is refused; a crashed one's lock does not block."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from pzmdo.gui.app import acquire_instance_lock

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from pzmdo.gui.app import acquire_instance_lock
    app = QCoreApplication([])
    lock = acquire_instance_lock(Path(sys.argv[1]))
    print("held" if lock else "refused", flush=True)
    time.sleep(60)
    """
)


def test_second_instance_refused_and_stale_lock_recovered(tmp_path: Path):
    db = tmp_path / "pzmdo.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "held"
        assert acquire_instance_lock(db) is None
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    lock = acquire_instance_lock(db)
    assert lock is not None
    lock.release()
