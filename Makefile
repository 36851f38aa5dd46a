# Two commands do all the set-up on a fresh machine: `make chat` and `make test`.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: chat test lint bench serve clock clean screenshots playground-screenshots

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

chat: $(BIN)/.installed  ## talk to the coach in this terminal (SQLite, no credentials)
	$(BIN)/coach chat

test: $(BIN)/.installed  ## the whole test suite, with lint and type checks
	$(BIN)/ruff check bot adapters content scheduler tests bench
	$(BIN)/ruff format --check bot adapters content scheduler tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

serve: $(BIN)/.installed
	$(BIN)/coach serve

clock: $(BIN)/.installed
	$(BIN)/coach clock

BENCH ?= all
bench: $(BIN)/.installed  ## benchmarks: run on purpose, never in CI (BENCH=slack ...)
	$(BIN)/python -m bench $(BENCH)

# Needs chromium and `npm ci --prefix tests/teams/cardcheck` (as .ci/run installs them).
screenshots: $(BIN)/.installed  ## remake docs/screenshots/ from the coach's own output
	$(BIN)/python -m bench.screenshots

# Needs chromium, node and `npm ci --prefix bench/screenshots/agentsplayground` (not in CI).
playground-screenshots: $(BIN)/.installed  ## the coach in the Microsoft 365 Agents Playground
	$(BIN)/python -m bench.screenshots --playground

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache
