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
