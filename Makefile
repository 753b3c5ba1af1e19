# Certready — `make run` and `make test` work on a fresh clone (Python 3.11 + Node 20).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
UV_VERSION := 0.13.8
UV_HOME := .cache/uv-tool
UV := $(UV_HOME)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)
export UV_PYTHON_DOWNLOADS := never

FRONTEND_SRC := $(shell find frontend/src frontend/index.html frontend/public frontend/vite.config.ts frontend/tsconfig*.json -type f 2>/dev/null)
PY_SRC := $(wildcard backend tests migrations benchmarks clients/python/generate.py clients/python/examples)

.PHONY: help run dev test test-backend test-frontend test-e2e lint fmt migrate revision openapi contract contract-check contract-release bench backend frontend oidc-provider chromium clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 18

# --- installation (only redone when the lock files change) -------------------
$(UV):
	$(PYTHON) -m venv $(UV_HOME)
	$(UV_HOME)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: backend/pyproject.toml backend/uv.lock | $(UV)
	$(UV) sync --locked --project backend
	touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

frontend/dist/index.html: frontend/node_modules/.installed $(FRONTEND_SRC)
	cd frontend && npm run build
	touch $@

# the real OpenID Provider the SSO tests start (panva's oidc-provider, run with Node)
tests/oidc_provider/node_modules/.installed: tests/oidc_provider/package.json tests/oidc_provider/package-lock.json
	cd tests/oidc_provider && npm ci --no-audit --no-fund
	touch $@

backend: $(VENV)/.installed
frontend: frontend/dist/index.html
oidc-provider: tests/oidc_provider/node_modules/.installed

chromium: ## Debian's Chromium for the browser tests (apt-get when root and missing)
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "install Debian's chromium package (sudo apt-get install chromium)"; exit 1; fi; fi

# --- running ------------------------------------------------------------------
run: backend frontend ## install what is missing, migrate SQLite under ./data/, serve on $(HOST):$(PORT)
	$(BIN)/certready migrate
	$(BIN)/certready serve --host $(HOST) --port $(PORT)

dev: backend frontend/node_modules/.installed ## API with reload + Vite dev server (proxying /api)
	$(BIN)/certready migrate
	trap 'kill 0' EXIT; \
	$(BIN)/certready serve --host $(HOST) --port $(PORT) --reload & \
	(cd frontend && npm run dev) & wait

migrate: backend ## apply migrations to CERTREADY_DATABASE_URL (default SQLite in ./data/)
	$(BIN)/certready migrate

revision: backend ## new migration from the models: make revision m="what changed"
	@test -n "$(m)" || (echo 'usage: make revision m="message"'; exit 2)
	$(BIN)/alembic -c migrations/alembic.ini revision --autogenerate -m "$(m)"

# --- contract -----------------------------------------------------------------
openapi: backend ## write openapi/openapi.json from the app
	$(BIN)/certready openapi -o openapi/openapi.json

contract: openapi frontend/node_modules/.installed ## regenerate contract + SPA and Python clients; fail on any diff
	cd frontend && npm run gen
	$(BIN)/python clients/python/generate.py
	git diff --exit-code -- openapi frontend/src/api/gen clients/python

contract-check: backend frontend/node_modules/.installed ## committed contract and clients match the app, lint, no break of v1
	cd frontend && REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx --no-install redocly lint --config ../redocly.yaml ../openapi/openapi.json
	$(BIN)/pytest -q -p no:cacheprovider tests/test_contract.py tests/contract/test_lint.py tests/contract/test_breaking.py tests/contract/test_clients.py

contract-release: openapi ## on a release only: the current contract becomes the v1 baseline the gate keeps
	cp openapi/openapi.json openapi/v1-baseline.json
	@echo "openapi/v1-baseline.json updated: commit it with the release"

# --- quality --------------------------------------------------------------------
lint: backend frontend/node_modules/.installed ## ruff, ruff format --check, mypy --strict, tsc
	$(BIN)/ruff check --config backend/pyproject.toml $(PY_SRC)
	$(BIN)/ruff format --check --config backend/pyproject.toml $(PY_SRC)
	cd backend && ../$(BIN)/mypy certready
	cd frontend && npm run typecheck && npm run lint

fmt: backend ## format and autofix Python
	$(BIN)/ruff format --config backend/pyproject.toml $(PY_SRC)
	$(BIN)/ruff check --fix --config backend/pyproject.toml $(PY_SRC)

test-backend: backend oidc-provider ## backend tests on SQLite and PostgreSQL
	$(BIN)/pytest -q -p no:cacheprovider -n 2 --dist loadfile --ignore=tests/e2e --ignore=tests/contract/test_clients.py

test-frontend: frontend/node_modules/.installed ## frontend unit tests (vitest)
	cd frontend && npm test

test-e2e: backend frontend chromium oidc-provider ## browser tests in headless Chromium against the real server
	$(BIN)/pytest -q -p no:cacheprovider tests/e2e

test: backend frontend chromium lint contract-check test-backend test-frontend test-e2e ## everything CI runs

bench: backend ## benchmarks (not part of make test)
	@if [ -f benchmarks/upload.py ]; then $(BIN)/python -m benchmarks.upload; fi
	@if [ -f benchmarks/readiness.py ]; then $(BIN)/python -m benchmarks.readiness; fi
	@if [ -f benchmarks/exports.py ]; then $(BIN)/python -m benchmarks.exports; fi
	@if [ -f benchmarks/pack.py ]; then $(BIN)/python -m benchmarks.pack; fi
	@if [ -f benchmarks/receiver.py ]; then $(BIN)/python -m benchmarks.receiver; fi
	@if [ -f benchmarks/reports.py ]; then $(BIN)/python -m benchmarks.reports; fi
	@if [ -f benchmarks/request_path.py ]; then $(BIN)/python -m benchmarks.request_path; fi

clean: ## remove installed environments and build output (keeps ./data)
	rm -rf $(VENV) .cache frontend/node_modules frontend/dist tests/oidc_provider/node_modules
