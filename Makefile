# Two commands for a newcomer: `make run` (demo on the sample articles) and `make test`.
# Every target creates the virtualenv and installs what is missing, idempotently.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

AUDIT  := $(VENV)/audit-tool

.PHONY: install tools run test test-fast typecheck bench kafka-up kafka-down clean audit

# constraints.txt pins every dependency (pip freeze of a working venv, minus wirestream itself)
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# System tools the tests drive for real (promtool, kcat, chromium); idempotent.
tools:
	bash deploy/install-tools.sh

run: install
	$(BIN)/wirestream demo

test: install tools typecheck
	$(BIN)/python -m pytest

# Static types of pipeline/ (strict, settings in pyproject.toml): part of `make test`
typecheck: install
	$(BIN)/mypy

test-fast: install
	$(BIN)/python -m pytest -m "not integration"

bench: install
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[bench]"
	$(BIN)/python bench/throughput.py

# Known vulnerabilities of the pinned set, from PyPI's JSON API; pip-audit lives in its own venv.
# --strict: a package the index cannot vouch for fails the audit instead of passing silently.
audit:
	test -x $(AUDIT)/bin/pip-audit || ($(PYTHON) -m venv $(AUDIT) && $(AUDIT)/bin/pip install -q pip-audit)
	$(AUDIT)/bin/pip-audit --strict --no-deps --disable-pip --progress-spinner off -r constraints.txt

kafka-up: install
	$(BIN)/wirestream kafka up

kafka-down: install
	$(BIN)/wirestream kafka down

clean:
	-$(BIN)/wirestream kafka down --purge
	rm -rf $(VENV) var .pytest_cache
