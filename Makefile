# The few commands a person types. Each one installs what it needs on first use.
#   make serve     preview on http://127.0.0.1:8000/ml-interview-guide/, rebuilt on each save
#   make test      every check: data, unit, golden, built site, real browser, quality gates
#   make check     the quick part: data, lint, unit tests (Python and JavaScript), under a minute
#   make quality   the quality gates alone: HTML validity, links, axe, Lighthouse, browser
#   make build     strict build into site/ (a failed build leaves site/ as it was)
#   make pdf       print the built site's printable guide to PDF with Chromium (after build)
#   make validate  check data/questions.yml (python scripts/validate.py PATH for any file)
#   make bench     benchmarks against a plain Material site; writes benchmarks/README.md
#   make new       add a question as a draft (asks for title, topic and difficulty)
#   make urls      record the addresses of new pages in data/published-urls.txt
#   make figures   redraw docs/assets/figures/*.svg from their computations (commit the result)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

# Root installs system packages directly; anyone else through sudo.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
CHROMIUM := /usr/bin/chromium

.PHONY: help serve build validate test check quality bench schema figures lint hooks clean \
	deps deps-dev browser new urls

help:
	@sed -n 's/^#   //p' $(MAKEFILE_LIST)

# --- installation (stamp files make reruns instant) ---

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Temml typesets the math during the build; Lighthouse (a devDependency) is for the tests.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

deps: $(VENV)/.runtime node_modules/.package-lock.json
deps-dev: deps $(VENV)/.dev browser

# Debian's Chromium: Playwright's own browser download cannot work on machines without
# internet access, so the tests drive this one. Java runs the Nu Html Checker.
browser:
	@if [ ! -x $(CHROMIUM) ] || ! command -v java >/dev/null; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
	    chromium fonts-dejavu-core default-jre-headless >/dev/null; \
	fi

# --- what people type ---

serve: deps
	GUIDE_DRAFTS=1 $(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: deps
	$(PY) scripts/build_site.py

# Playwright drives Debian's Chromium, as in the browser tests; the PDF goes into site/.
.PHONY: pdf
pdf: $(VENV)/.dev browser
	$(PY) scripts/make_pdf.py

validate: $(VENV)/.runtime
	$(PY) scripts/validate.py

schema: $(VENV)/.runtime
	$(PY) scripts/export_schema.py

figures: $(VENV)/.dev
	$(PY) -m scripts.figures

urls: $(VENV)/.runtime
	$(PY) scripts/published_urls.py

new: $(VENV)/.runtime
	$(PY) scripts/new_question.py

lint: deps-dev
	$(VENV)/bin/pre-commit run --all-files

hooks: deps-dev
	$(VENV)/bin/pre-commit install

# The JavaScript of practice mode has unit tests of its own, run by Node's test runner.
test: deps-dev
	$(VENV)/bin/pre-commit run --all-files --show-diff-on-failure
	node --test tests/js/
	$(PY) -m pytest

check: $(VENV)/.dev node_modules/.package-lock.json
	$(VENV)/bin/pre-commit run --all-files --show-diff-on-failure
	node --test tests/js/
	$(PY) -m pytest tests/unit

# Lighthouse scores land in test-results/lighthouse.json (and are printed at the end).
quality: deps-dev
	$(PY) -m pytest tests/test_html_validity.py tests/test_links.py tests/browser

bench: deps-dev
	$(PY) scripts/bench.py

clean:
	rm -rf site site.old site.new-* .pytest_cache test-results
