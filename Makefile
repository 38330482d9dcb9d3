# kg task file. `make demo` and `make test` each bootstrap the virtual environment from nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo test test-fast lint typecheck bench train-en eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg demo

test: $(STAMP)
	$(BIN)/python tools/gen_vocab.py --check
	$(BIN)/ruff check kg tests tools bench
	$(BIN)/mypy kg
	$(BIN)/python -W error -c "import kg, kg.cli, kg.store, kg.mapping"
	$(BIN)/pytest -q -n 2 --durations=15

test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not slow and not browser and not virtuoso and not stress"

lint: $(STAMP)
	$(BIN)/ruff check kg tests tools bench

typecheck: $(STAMP)
	$(BIN)/mypy kg

eval: $(STAMP)
	$(BIN)/kg eval ../shared/eval/dev/articles ../shared/eval/dev/gold

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

train-en: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[train]'
	PYTHON=$(CURDIR)/$(BIN)/python bash tools/train_en.sh

clean:
	rm -rf .kg build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache test-artifacts
