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


def test_cli_reaches_data_only_through_guarded_services():
    """The CLI never queries the database itself: every read or change of data goes through a
    service entry point, and each of those checks the role (tests/security/test_roles.py). The
    CLI may only append an audit event in a unit of its own."""
    offenders = []
    for p in _modules("cli"):
        text = p.read_text(encoding="utf-8")
        if any(
            m.split(".")[0] in ("sqlalchemy", "sqlcipher3")
            or m.startswith(("pzmdo.store.models", "pzmdo.store.database"))
            for m in _imports(p)
        ) or any(
            call in text for call in (".execute(", ".scalar(", ".scalars(", ".query(", ".add(")
        ):
            offenders.append(str(p.relative_to(ROOT)))
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


_IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError"}
_ALLOWED_IMPORTLIB = {"importlib.resources", "importlib.metadata"}


def _dynamic_imports(path: Path) -> list[str]:
    """Import fallbacks and imports by name: every module is imported plainly, by its name."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        where = f"{path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.ExceptHandler) and node.type is not None:
            caught = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
            names = {c.id if isinstance(c, ast.Name) else getattr(c, "attr", "") for c in caught}
            if names & _IMPORT_ERRORS:
                found.append(f"{where} except {', '.join(sorted(names & _IMPORT_ERRORS))}")
        elif isinstance(node, ast.Name) and node.id == "__import__":
            found.append(f"{where} __import__")
        elif isinstance(node, ast.Attribute) and node.attr in ("import_module", "find_spec"):
            found.append(f"{where} {node.attr}")
        elif isinstance(node, ast.Import):
            found += [
                f"{where} import {a.name}"
                for a in node.names
                if a.name.split(".")[0] == "importlib" and a.name not in _ALLOWED_IMPORTLIB
            ]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            module = node.module
            if module == "importlib":
                found += [
                    f"{where} from importlib import {a.name}"
                    for a in node.names
                    if f"importlib.{a.name}" not in _ALLOWED_IMPORTLIB
                ]
            elif module.split(".")[0] == "importlib" and module not in _ALLOWED_IMPORTLIB:
                found.append(f"{where} from {module}")
    return found


def test_plain_imports_only():
    """No import_module/__import__/find_spec and no `except ImportError` fallbacks in pzmdo/
    (importlib.resources and importlib.metadata are fine)."""
    offenders = [f"{p.parent.name}/{hit}" for p in _modules() for hit in _dynamic_imports(p)]
    assert offenders == []


def test_the_dynamic_import_check_catches_each_pattern(tmp_path):
    sample = tmp_path / "sample.py"
    bad = (
        "import importlib\nimport importlib.util\nfrom importlib import import_module\n"
        "m = importlib.import_module('x')\nn = __import__('y')\n"
        "s = importlib.util.find_spec('z')\n"
        "try:\n    import q\nexcept (ValueError, ModuleNotFoundError):\n    q = None\n"
        "try:\n    import r\nexcept ImportError:\n    r = None\n"
        "from importlib.resources import files\nimport importlib.metadata\n"
    )
    sample.write_text(bad, encoding="utf-8")
    hits = [h.split(" ", 1)[1] for h in _dynamic_imports(sample)]
    assert hits.count("import importlib") == 1
    assert "import importlib.util" in hits
    assert "from importlib import import_module" in hits
    assert hits.count("import_module") == 1
    assert "__import__" in hits and "find_spec" in hits
    assert "except ModuleNotFoundError" in hits and "except ImportError" in hits
    assert len(hits) == 8
