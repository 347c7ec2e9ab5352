# SEND Information Hub. `make help` lists the targets; `make run` and `make test` are all a
# newcomer needs.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PORT ?= 8000
# The unit layer runs in parallel (pytest-xdist), one process per core on a 2-core machine.
UNIT_WORKERS ?= 2
STATIC_SOURCES := $(shell find static_src -type f 2>/dev/null)

.PHONY: help install static migrate demo run test test-unit test-live test-browser bench lint audit messages messages-check format check-deploy clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[1m%-18s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

static_compiled/.built: node_modules/.installed $(STATIC_SOURCES)
	npm run --silent build
	@touch $@

install: $(VENV)/.installed node_modules/.installed ## Install Python and npm packages (only when their lists change)

static: install static_compiled/.built ## Build CSS and JavaScript into static_compiled/

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

demo: migrate ## Load the demo content (only into an empty site) and make sure the admin user exists
	$(MANAGE) load_demo_content --if-empty
	$(MANAGE) ensure_admin

run: static demo ## Install everything, migrate, load the demo content and serve on 127.0.0.1:PORT (default 8000)
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: static test-unit test-live test-browser ## Run the whole suite (PostgreSQL when DATABASE_URL is set, else SQLite)

test-unit: install ## Unit and integration tests, without the browser layer (UNIT_WORKERS processes)
	$(VENV)/bin/pytest -m "not browser and not perf and not live" -n $(UNIT_WORKERS) $(PYTEST_ARGS)

# One at a time: each test runs its own gunicorn, and they kill workers and cut the database.
test-live: install ## gunicorn on PostgreSQL: 200 people at once, killed workers, database cut off
	$(VENV)/bin/pytest -m live tests/live $(PYTEST_ARGS)

test-browser: static ## The browser layer: Playwright driving /usr/bin/chromium, with axe-core
	$(VENV)/bin/pytest -m browser $(PYTEST_ARGS)

# The load benchmark needs PostgreSQL at 127.0.0.1:5432 (its own database, sendhub_bench, built
# on the first run and reused) and wrk, installed here from Debian when missing. LOAD_ARGS:
# --scale small for a quick check, --rebuild, --workers N; see tests/perf/load/.
bench: static ## Benchmarks in tests/perf/ and the load benchmark under gunicorn (not part of `make test`)
	$(VENV)/bin/pytest -m perf tests/perf $(PYTEST_ARGS)
	@command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
	$(PY) tests/perf/load/run_load_benchmark.py $(LOAD_ARGS)

lint: install messages-check ## ruff lint and format check, missing migrations, stale message files
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

# Security lint is in `lint` (ruff's S rules, from flake8-bandit). AUDIT_ARGS=--allow-unreachable
# warns instead of failing when the advisory services cannot be reached (see the script).
audit: install ## Known vulnerabilities: pip-audit over the Python packages, npm audit (high and up)
	$(PY) scripts/security_audit.py $(AUDIT_ARGS)

MAKEMESSAGES := $(MANAGE) makemessages --all --no-location -i ".venv/*" -i "node_modules/*" -i "tests/*" -i "static*"

messages: install ## Update the interface translations in locale/ and compile them
	$(MAKEMESSAGES)
	$(MANAGE) compilemessages -i .venv -i node_modules

# Re-extracts the strings and fails if that changes a committed .po file (apart from its date):
# a string was added or changed in the code without `make messages` (and its translation).
messages-check: install ## Fail when locale/*.po misses strings that are in the code
	@$(MAKEMESSAGES) > /dev/null
	@git diff --quiet -I '^"POT-Creation-Date: ' -- 'locale/*.po' || { \
	  git diff --stat -- 'locale/*.po'; \
	  echo "locale/ is stale: run 'make messages', translate the new strings and commit."; \
	  exit 1; }

format: install ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check-deploy: install ## `check --deploy` with production settings (needs SECRET_KEY etc. set)
	DJANGO_SETTINGS_MODULE=hub.settings.production $(MANAGE) check --deploy --fail-level WARNING

clean: ## Remove the virtualenv, node_modules and built files (keeps the database)
	rm -rf $(VENV) node_modules static_compiled static .test-media
