# `make run` sets everything up and opens the app on the bundled episode; `make test` sets
# everything up and runs the whole test suite. Both create .venv when it is missing.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test lint format bench mutation system-deps

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

system-deps:
	@bash scripts/system-deps.sh

run: system-deps $(VENV)/.installed
	$(VENV)/bin/brief-player

test: $(VENV)/.installed
	@bash scripts/system-deps.sh --test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/lint-imports --no-cache

format: $(VENV)/.installed
	$(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .

bench: system-deps $(VENV)/.installed
	for b in bench/bench_*.py; do QT_QPA_PLATFORM=offscreen $(PY) $$b || exit 1; done

# Mutation score of the core (minutes, both cores): not part of `make test`. MODULES=core/sync.py
# limits it to some modules; JOBS sets how many mutants are tested at once.
mutation: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) scripts/mutation_score.py --jobs $(or $(JOBS),2) $(MODULES)
