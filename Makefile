# The two commands: `make run` (set up, then open pzmdo) and `make test` (set up, then test).
.PHONY: run test setup lint benchmark screenshots package

setup:
	@scripts/setup.sh

run: setup
	.venv/bin/pzmdo

test: setup
	scripts/test.sh

lint: setup
	.venv/bin/ruff check .
	.venv/bin/lint-imports

benchmark: setup
	.venv/bin/python tests/benchmarks/run.py

# The PyInstaller bundle (dist/pzmdo, ~70 s, ~230 MB; packaging/README.md) with its smoke test, then the .deb,
# installed and removed again with dpkg as a test (needs root); not part of `make test`.
package: setup
	packaging/build.sh
	packaging/deb.sh --install-test
