# Two commands for a newcomer: `make run` (demo on the sample articles) and `make test`.
# Every target creates the virtualenv and installs what is missing, idempotently.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install tools run test test-fast bench kafka-up kafka-down clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# System tools the tests drive for real (promtool, kcat, chromium); idempotent.
tools:
	bash deploy/install-tools.sh

run: install
	$(BIN)/wirestream demo

test: install tools
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not integration"

bench: install
	$(BIN)/python bench/throughput.py

kafka-up: install
	$(BIN)/wirestream kafka up

kafka-down: install
	$(BIN)/wirestream kafka down

clean:
	-$(BIN)/wirestream kafka down --purge
	rm -rf $(VENV) var .pytest_cache
