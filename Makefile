# The two commands in the README are `make run` and `make test`; the rest help.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: help run test test-fast browser check-content typecheck lint format clean bench serve-cluster bench-memory

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-15s %s\n", $$1, $$2}'

$(VENV)/.runtime: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

run: $(VENV)/.runtime ## Set up (first time) and start the app at http://localhost:8501
	$(VENV)/bin/streamlit run explorer_server.py --server.port $(PORT)

browser: $(VENV)/.dev ## Make sure headless Chromium and a speech engine are there for the browser tests
	@scripts/ensure_chromium.sh $(PY)
	@scripts/ensure_speech.sh

test: $(VENV)/.dev browser ## Set up everything the tests need, then run the whole suite
	@scripts/ensure_nginx.sh
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest

test-fast: $(VENV)/.dev ## Only the tests that need no browser
	$(PY) -m pytest -m "not browser"

check-content: $(VENV)/.runtime ## Validate a content file: make check-content FILE=path/to/conditions.yaml
	$(PY) -m dn_explorer.check "$(FILE)"

typecheck: $(VENV)/.dev ## Check types with mypy (strict, on dn_explorer/ and explorer_ui/)
	$(PY) -m mypy

lint: $(VENV)/.dev ## Check style with ruff
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.dev ## Reformat the code with ruff
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean: ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache

bench: $(VENV)/.dev browser bench/lighthouse/node_modules/.bin/lighthouse ## Benchmarks against a bare Streamlit page (10-12 min); writes bench/RESULTS.md
	$(PY) -m bench.run

bench/lighthouse/node_modules/.bin/lighthouse: bench/lighthouse/package.json bench/lighthouse/package-lock.json
	@# npm install, not npm ci: a package Lighthouse needs asks for third-party-web@latest, which npm ci
	@# counts as out of step with any lock file; npm install keeps the locked versions.
	npm install --prefix bench/lighthouse --no-audit --no-fund --ignore-scripts
	touch $@

serve-cluster: $(VENV)/.runtime ## Two replicas behind nginx at http://127.0.0.1:8080 (installs nginx if missing)
	@scripts/ensure_nginx.sh
	@NGINX_ENSURED=1 PY=$(PY) scripts/serve_cluster.sh

bench-memory: $(VENV)/.dev browser ## Soak: 1000 region changes in one kiosk session; fails if memory grows (5-20 min)
	$(PY) -m bench.memory_soak --changes 1000
