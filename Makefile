# Two commands for a fresh clone (only Python 3.11+ needed):
#   make run    install into .venv and open the demo workshop
#   make test   install into .venv, check the code's contracts, run the whole test suite headless
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run lint test soak bench screenshots clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Pathfinder Workshop needs Python 3.11 or newer; found " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/workshop-app demo --open

# The import contracts and ruff's rules live in pyproject.toml.
lint: $(STAMP)
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check --no-cache .

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The reliability tests with many more trials than the default run.
soak: $(STAMP)
	PATHFINDER_SOAK=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/reliability

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py

screenshots: $(STAMP)
	$(BIN)/workshop-app demo --force docs/demo.workshop
	$(BIN)/workshop-app open docs/demo.workshop --page start --screenshot docs/start-page.png --size 1280x800
	$(BIN)/workshop-app open docs/demo.workshop --page overview --screenshot docs/overview.png --size 1280x800
	$(BIN)/workshop-app open docs/demo.workshop --page roadmap --screenshot docs/roadmap.png --size 1280x800
	$(BIN)/workshop-app open docs/demo.workshop --page agenda --screenshot docs/agenda.png --size 1280x800
	$(BIN)/workshop-app open docs/demo.workshop --page projector --screenshot docs/projector.png --size 1280x720
	rm -f docs/demo.workshop

clean:
	rm -rf $(VENV) build dist .pytest_cache
