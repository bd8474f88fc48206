"""Package layout; everything else is in pyproject.toml.

The repository's top-level ``db/``, ``ui/`` and ``resources/`` folders are installed inside
the package as ``pzmdo._data.*`` (see pzmdo/_data/__init__.py), for wheels and editable
installs alike. This needs code: pyproject.toml cannot combine package discovery with a
mapping of folders outside the package.
"""

from setuptools import find_namespace_packages, find_packages, setup

DATA_PACKAGES = {
    "pzmdo._data.db": "db",  # Alembic env.py, script.py.mako, versions/*.py
    "pzmdo._data.ui": "ui",  # Qt Designer forms
    "pzmdo._data.resources": "resources",  # stylesheet, icons, fonts, compiled translations
}
DATA_FILES = ["*.mako", "*.ui", "*.qss", "*.svg", "*.png", "*.ttf", "*.txt", "*.qm", "*.html"]

packages = find_packages(include=["pzmdo", "pzmdo.*"])
package_data: dict[str, list[str]] = {}
for package, folder in DATA_PACKAGES.items():
    subpackages = find_namespace_packages(where=folder, exclude=["__pycache__", "*.__pycache__"])
    for name in [package, *(f"{package}.{sub}" for sub in subpackages)]:
        packages.append(name)
        package_data[name] = DATA_FILES

setup(packages=packages, package_dir=DATA_PACKAGES, package_data=package_data)
