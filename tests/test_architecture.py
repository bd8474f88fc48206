"""Layering rules: Qt only in pzmdo/gui, no SQLAlchemy sessions in the GUI, a pure domain."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "pzmdo"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _modules(sub: str = "") -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py"))


def test_no_qt_outside_gui():
    offenders = [
        str(p.relative_to(ROOT))
        for p in _modules()
        if "gui" not in p.relative_to(PACKAGE).parts[:1]
        and any(m.split(".")[0] in ("PySide6", "shiboken6") for m in _imports(p))
    ]
    assert offenders == []


def test_gui_does_not_use_sqlalchemy_sessions():
    offenders = [
        str(p.relative_to(ROOT))
        for p in _modules("gui")
        if any(
            m.split(".")[0] in ("sqlalchemy", "sqlcipher3", "alembic")
            or m.startswith("pzmdo.store")
            for m in _imports(p)
        )
        or ".session()" in p.read_text(encoding="utf-8")
        or ".unit()" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_domain_imports_neither_qt_nor_sqlalchemy_nor_other_layers():
    offenders = [
        str(p.relative_to(ROOT))
        for p in _modules("domain")
        if any(
            m.split(".")[0] in ("PySide6", "sqlalchemy", "sqlcipher3", "alembic", "reportlab")
            or (m.startswith("pzmdo.") and not m.startswith("pzmdo.domain"))
            for m in _imports(p)
        )
    ]
    assert offenders == []


def test_import_linter_contracts_hold():
    linter = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(linter), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
