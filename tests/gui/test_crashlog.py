"""Crash reports hold exception types and code locations, never messages (which may quote data)."""

from pzmdo.gui.crashlog import scrubbed_report, write_crash_report


def _fail():
    raise ValueError("INSERT INTO patient VALUES ('Zoë Hébert (fictief)', '111222333')")


def test_crash_report_has_no_message_text(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    try:
        _fail()
    except ValueError as exc:
        report = scrubbed_report(exc)
        path = write_crash_report(exc)
    assert "ValueError" in report and "_fail" in report
    assert "Zoë" not in report and "111222333" not in report
    assert path is not None
    text = path.read_text(encoding="utf-8")
    assert "Zoë" not in text and "111222333" not in text and "test_crashlog.py" in text
