# The two jobs: `make site` builds the site from briefings/ into site/;
# `make test` runs the whole test suite. Both set up .venv when it is missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Material for MkDocs' own switch for its nine-line end-of-life banner (and mkdocs 2's
# notice), which would bury briefkit's lines on every build: material/templates/__init__.py.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test test-fast serve check lint evaluate clean

site: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP)
	$(BIN)/pytest

# The edit loop: no spaCy subprocess, site build, server or browser (see tests/conftest.py).
test-fast: $(STAMP)
	$(BIN)/pytest -m "not slow" -q

# --dirty: an edit rebuilds only the pages it changed (briefkit/htmlcache.py).
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty

check: $(STAMP)
	$(BIN)/briefkit check

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check briefkit scripts tests

evaluate: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,eval]"
	$(BIN)/python scripts/evaluate.py

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf site .pytest_cache .ruff_cache
