"""First run: the set-up wizard creates the database, shows the recovery key once, opens pzmdo."""

from pathlib import Path

from PySide6.QtWidgets import QWizard

from pzmdo.gui.setup_wizard import SetupWizard
from pzmdo.gui.start import Starter
from pzmdo.services import unlock
from pzmdo.store.keys import parse_recovery_key
from pzmdo.store.paths import keyslot_path


def test_first_run_wizard_to_main_window(qtbot, tmp_path: Path):
    db = tmp_path / "nieuw" / "pzmdo.db"
    starter = Starter(db, idle_ms=3_600_000)
    starter.start()
    wizard = starter.first_screen
    assert isinstance(wizard, SetupWizard)
    qtbot.addWidget(wizard)
    assert wizard.file_choice.isChecked()  # the local file is the default
    wizard.next()
    assert wizard.currentPage() is wizard.account
    qtbot.keyClicks(wizard.practice, "Praktijk Het Anker (fictief)")
    qtbot.keyClicks(wizard.name, "Els Pieters (fictief)")
    qtbot.keyClicks(wizard.login, "els")
    qtbot.keyClicks(wizard.password, "een-goed-wachtwoord")
    qtbot.keyClicks(wizard.password2, "een-ander-wachtwoord")
    wizard.next()
    assert "verschillen" in wizard.error.text()
    assert not db.exists()

    wizard.password2.clear()
    qtbot.keyClicks(wizard.password2, "een-goed-wachtwoord")
    wizard.demo.setChecked(False)
    wizard.next()
    assert wizard.currentPage() is wizard.recovery
    key_text = wizard.key_label.text()
    assert len(parse_recovery_key(key_text)) == 32
    assert db.exists() and keyslot_path(db).exists()
    # Finishing needs the confirmation that the key was stored.
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.stored.setChecked(True)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(
        lambda: starter.window is not None and starter.window.isVisible(), timeout=10_000
    )
    window = starter.window
    qtbot.addWidget(window)
    assert "Els Pieters" in window.user_label.text()
    # The first user is administrator and (the default) huisarts: lands on the register.
    assert "Huisarts, Beheerder" in window.user_label.text()
    assert window._specs[window.nav.currentRow()].key == "register"
    window.idle.stop()
    window.close()

    # The recovery key shown is the database's key.
    ctx = unlock.unlock_with_recovery_key(db, key_text, "els")
    ctx.close()
