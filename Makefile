# tieline — set-up, the main job, and the test suite. Needs only Python 3.11 and the package
# registries. Everything lives in .venv at the repository root.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := examples/phnompenhpost-cambodia-japan-upgrade-bilateral-ties.txt
PIP := $(BIN)/python -m pip --disable-pip-version-check --no-input

.PHONY: run test setup setup-dev lint typecheck lock clean chromium

## make run: install, ingest the bundled sample page into the default database, show it and the
## state of the Cambodia–Japan pair it tells of.
run: $(BIN)/.runtime
	$(BIN)/tieline ingest $(SAMPLE) --published 2022-04-25
	$(BIN)/tieline show $(SAMPLE)
	$(BIN)/tieline show $(SAMPLE) --actors
	$(BIN)/tieline articles
	$(BIN)/tieline dyad KHM JPN

## make test: install with the development tools, then run the whole test suite.
test: $(BIN)/.dev chromium
	$(BIN)/python -m pytest

# The browser tests drive Debian's Chromium. As root (CI's clean machine) it is installed when
# missing; otherwise those tests skip with a message (and fail under CI=true).
chromium:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing Debian's chromium for the browser tests"; \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
		|| echo "could not install chromium: the browser tests will not run"; \
	fi

setup: $(BIN)/.runtime
setup-dev: $(BIN)/.dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Exact versions, every file checked against its hash (requirements*.lock, made by `make lock`).
$(BIN)/.runtime: requirements.lock pyproject.toml | $(BIN)/python
	$(PIP) install --require-hashes --no-deps -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

$(BIN)/.dev: requirements-dev.lock pyproject.toml | $(BIN)/python
	$(PIP) install --require-hashes --no-deps -r requirements-dev.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@ $(BIN)/.runtime

lint: $(BIN)/.dev
	$(BIN)/ruff check tieline tests tools benchmarks
	$(BIN)/mypy

## make lock: re-pin every dependency with hashes after editing pyproject.toml.
lock: $(BIN)/.dev
	$(PIP) install pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
		--no-emit-find-links --output-file requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
		--no-emit-find-links --extra dev --output-file requirements-dev.lock pyproject.toml

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
