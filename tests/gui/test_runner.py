"""The background runner: results on the GUI thread, errors handled, closed widgets skipped."""

import threading

from PySide6.QtWidgets import QLabel

from pzmdo.domain.errors import ValidationError
from pzmdo.gui.runner import Runner


def test_results_arrive_on_the_gui_thread(qtbot):
    runner = Runner()
    seen = []
    runner.submit(
        lambda: threading.get_ident(), on_done=lambda tid: seen.append((tid, threading.get_ident()))
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    worker, gui = seen[0]
    assert worker != gui == threading.get_ident()


def test_domain_errors_go_to_the_handler(qtbot):
    runner = Runner()
    errors = []
    runner.error_handler = errors.append

    def fail():
        raise ValidationError("Dit kan niet.")

    runner.submit(fail)
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert str(errors[0]) == "Dit kan niet."
    assert runner.pending() == 0


def test_result_for_a_deleted_widget_is_dropped(qtbot):
    runner = Runner()
    gate = threading.Event()
    label = QLabel()
    runner.submit(lambda: gate.wait(5) and "klaar", on_done=label.setText)
    runner.submit(lambda: gate.wait(5) and "klaar", on_done=lambda text: label.setText(text))
    label.deleteLater()
    qtbot.wait(50)
    gate.set()
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=5_000)


class _Owner:
    """Stands in for a widget whose bound method is the job: records where it dies."""

    def __init__(self, died: list[int]) -> None:
        self.died = died

    def load(self) -> str:
        return "geladen"

    def __del__(self) -> None:
        self.died.append(threading.get_ident())


def test_the_last_reference_to_a_job_dies_on_the_gui_thread(qtbot):
    """A widget destroyed on a pool thread deadlocked the GUI thread: the runner, not the
    pool thread, must hold the last reference to the job's bound method."""
    runner = Runner()
    died: list[int] = []
    results: list[str] = []
    for _ in range(20):  # the race showed now and then; each round must pass
        owner = _Owner(died)
        runner.submit(owner.load, on_done=results.append)
        del owner  # the caller lets go at once, as a closed tab does
    qtbot.waitUntil(lambda: len(results) == 20 and runner.pending() == 0, timeout=10_000)
    runner.wait()
    qtbot.waitUntil(lambda: len(died) == 20, timeout=5_000)
    assert set(died) == {threading.get_ident()}
