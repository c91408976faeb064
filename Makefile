# Two commands set everything up on a fresh machine with Python 3.11+:
#   make site   build the site into site/ (content checks included)
#   make test   run every test, linter and type check
# See README.md for what each target runs without make.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
PORT   ?= 8000
# The experimental Zensical build has its own environment: the production one is untouched.
ZVENV  ?= .venv-zensical
export NO_MKDOCS_2_WARNING := 1

# `make serve LANG=es` previews one language. LANG is also the locale variable
# of every shell, so only a value given on the make command line counts.
ifeq ($(origin LANG),command line)
SERVE_LANG := --lang $(LANG)
endif
ifdef SITE_LANG
SERVE_LANG := --lang $(SITE_LANG)
endif

.PHONY: site site-zensical check status new-language serve test lint typecheck browser clean help

help:
	@echo "make site    check the content and build the site into site/"
	@echo "make test    install test tools, run linters, type checks and every test"
	@echo "make serve   live preview on http://127.0.0.1:$(PORT)/ (LANG=es for one language)"
	@echo "make check   run the content checks only"
	@echo "make status  translations missing, unfinished or outdated; reviews due"
	@echo "make new-language CODE=fr NAME=Français   add a language, marked to translate"
	@echo "make site-zensical   experimental: the same site built with Zensical, into site-zensical/"
	@echo "make clean   remove site/ and the virtual environments"

# The virtual environment, rebuilt when a requirements file changes.
$(VENV)/.site-deps: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.site-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

site: $(VENV)/.site-deps
	$(PY) scripts/build.py

# Experimental, not part of `make test`: every language built with Zensical, then the
# same post-build step and verification as `make site` (README, "Experimental Zensical build").
$(ZVENV)/.deps: requirements-zensical.txt requirements.txt
	$(PYTHON) -m venv $(ZVENV)
	$(ZVENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	@touch $@

site-zensical: $(VENV)/.site-deps $(ZVENV)/.deps
	$(PY) scripts/build_zensical.py --zensical $(ZVENV)/bin/zensical

check: $(VENV)/.site-deps
	$(PY) scripts/check.py

status: $(VENV)/.site-deps
	$(PY) scripts/status.py

# `make new-language CODE=fr NAME=Français`: everything a new language needs, every
# part marked to translate (scripts/new_language.py; NAME is optional).
new-language: $(VENV)/.site-deps
	@test -n "$(CODE)" || { echo "usage: make new-language CODE=fr [NAME=Français]"; exit 2; }
	$(PY) scripts/new_language.py $(CODE) $(if $(NAME),--name "$(NAME)")

serve: $(VENV)/.site-deps
	$(PY) scripts/serve.py --port $(PORT) $(SERVE_LANG)

browser: $(VENV)/.site-deps
	$(PY) scripts/ensure_browser.py

lint: $(VENV)/.test-deps
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

typecheck: $(VENV)/.test-deps
	$(BIN)/mypy

test: $(VENV)/.test-deps browser lint typecheck
	$(PY) -m pytest

clean:
	rm -rf site site-zensical .zensical $(VENV) $(ZVENV) .pytest_cache .mypy_cache .ruff_cache
