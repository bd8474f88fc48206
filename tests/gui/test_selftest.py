"""``pzmdo selftest`` opens every page and patient tab and catches stand-ins and errors."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLabel

from pzmdo.gui import pages, selftest
from tests.support.cli import run_pzmdo


def test_selftest_opens_every_page_and_tab(qapp, demo_ctx):
    problems, opened = selftest.check_screens(demo_ctx, 1)
    assert problems == []
    assert opened == len(pages.NAV_PAGES) + len(pages.PATIENT_TABS) + 1  # + About


def test_selftest_reports_a_placeholder_and_a_failing_tab(qapp, demo_ctx, monkeypatch):
    def stand_in(_gctx):  # noqa: ANN001, ANN202
        return QLabel("Meetings is not available yet.")

    def broken(_gctx, _pid):  # noqa: ANN001, ANN202
        raise RuntimeError("kapot (fictief)")

    nav = [replace(s, create=stand_in) if s.key == "meetings" else s for s in pages.NAV_PAGES]
    tabs = [replace(s, create=broken) if s.key == "careplan" else s for s in pages.PATIENT_TABS]
    monkeypatch.setattr(pages, "NAV_PAGES", nav)
    monkeypatch.setattr(pages, "PATIENT_TABS", tabs)
    monkeypatch.setattr(selftest, "NAV_PAGES", nav)
    monkeypatch.setattr("pzmdo.gui.main_window.NAV_PAGES", nav)
    monkeypatch.setattr("pzmdo.gui.patient_view.PATIENT_TABS", tabs)
    problems, _ = selftest.check_screens(demo_ctx, 1)
    text = "\n".join(problems)
    assert "plaatshouder" in text and "Overleggen" in text
    assert "kapot (fictief)" in text


def test_selftest_command(demo_ctx, db_path):
    demo_ctx.close()
    done = run_pzmdo("selftest", "--patient", "1", db=db_path)
    assert done.returncode == 0, done.stderr
    screens = len(pages.NAV_PAGES) + len(pages.PATIENT_TABS) + 1
    assert f"Zelftest geslaagd: {screens} schermen" in done.stdout
