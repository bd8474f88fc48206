"""Screenshots of the shell with fictional demo data (offscreen), for the README and review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [--scale 1.5] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="1")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--patients", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = args.scale
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.scale == "1" else f"@{args.scale}x"

    from PySide6.QtWidgets import QApplication

    from pzmdo.gui.app import create_application
    from pzmdo.gui.context import GuiContext
    from pzmdo.gui.main_window import MainWindow
    from pzmdo.gui.pages import NAV_PAGES
    from pzmdo.gui.setup_wizard import SetupWizard
    from pzmdo.gui.unlock_page import UnlockPage
    from pzmdo.services import unlock
    from pzmdo.services.demo import add_demo_patients

    app = create_application()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        wizard = SetupWizard(Path(tmp) / "nieuw.db", None)  # type: ignore[arg-type]
        wizard.resize(760, 520)
        wizard.show()
        app.processEvents()
        wizard.grab().save(str(out / f"shell-setup-wizard{suffix}.png"))
        wizard.close()

        result = unlock.init_database(db, practice_name="Huisartsenpraktijk De Linde (fictief)",
                                      admin_login="poh.bakker", admin_name="S. Bakker (fictief)",
                                      password="demo-wachtwoord")
        ctx = result.context
        add_demo_patients(ctx, args.patients, seed=1)
        gctx = GuiContext(ctx)
        page = UnlockPage(db, gctx.runner)
        page.resize(900, 560)
        page.show()
        app.processEvents()
        page.grab().save(str(out / f"shell-unlock{suffix}.png"))
        page.close()

        window = MainWindow(gctx, db, idle_ms=3_600_000)
        window.resize(1280, 800)
        window.show()
        for spec in NAV_PAGES:
            window.show_nav(spec.key)
            for _ in range(40):
                app.processEvents()
                gctx.runner.wait(200)
            app.processEvents()
            window.grab().save(str(out / f"main-{spec.key}{suffix}.png"))
        window.idle.stop()
        gctx.runner.wait()
        ctx.close()
    QApplication.quit()


if __name__ == "__main__":
    main()
