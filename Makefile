# The two commands a new user needs are `make serve` and `make test`.
# Every target installs what it needs from requirements.lock on first use.

# The newest Python 3 here, unless PYTHON is given: pymdown-extensions 13
# needs 3.11.5 or newer, and Debian 12's python3 is 3.11.2.
PYTHON ?= $(firstword $(shell command -v python3.14 python3.13 python3.12 2>/dev/null) python3)
VENV   := .venv
BIN    := $(VENV)/bin
# Installed when the lock changes; the stamp records that the venv matches it.
STAMP  := $(VENV)/.installed-from-lock
# Our Python-Markdown extensions (kbsite/) are on the venv's path (below).
KBSITE := $(VENV)/.kbsite-installed
NODE_STAMP := node_modules/.installed-from-lock
BENCH_STAMP := benchmarks/node_modules/.installed-from-lock

# MkDocs 1.6 prints two banners about MkDocs 2.0 on every run.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# jieba (Chinese search) imports pkg_resources, which setuptools < 81 (textstat
# needs it) warns about, with a stack trace, in every build.
export PYTHONWARNINGS := ignore:pkg_resources is deprecated as an API:UserWarning

.PHONY: serve test test-fast check build postbuild zensical permalinks audit claims bench crisis-model share-images lock clean

serve: $(KBSITE) ## Preview with live reload at http://127.0.0.1:8000/ketamine-knowledge-base/ (EDITION=es: that edition only, faster)
	$(BIN)/python -m kbsite.mkdocs_build serve --dev-addr 127.0.0.1:8000 $(if $(EDITION),--edition $(EDITION))

# One worker more than the cores (pytest-xdist): about a tenth of a worker's
# time is waiting (for the network to go quiet, for animations to end),
# which the extra worker fills. A file's tests stay on one worker, so each
# file's own builds and servers are made once. It must stay under 5 minutes
# on a 2-core machine: checks that multiply run once per layout
# (tests/sitebuild.py, edition_runs), the query sets run in Node, and
# figures are make bench's.
# (The cores this process may use, as pytest-xdist's -n auto counts them.)
WORKERS ?= $(shell $(PYTHON) -c 'import os; n = os.process_cpu_count() if hasattr(os, "process_cpu_count") else len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(); print((n or 1) + 1)')
test: system $(KBSITE) $(NODE_STAMP) browser ## Run every test: build, HTML, browser
	$(BIN)/pytest -n $(WORKERS) --dist loadfile

check: $(KBSITE) ## The source checks, in a second, without a build: front matter, ids, markers, references, registries, translations
	$(BIN)/python -m kbsite.source_checks

test-fast: system $(KBSITE) $(NODE_STAMP) ## While editing, in under a minute: tests/unit (no build, no browser) and the search logic's Node tests (one build)
	$(BIN)/pytest -q -n auto --dist loadfile tests/unit tests/site/test_search_js.py

build: $(KBSITE) ## Strict build of every edition, one after another, into site/
	$(BIN)/python -m kbsite.mkdocs_build build --strict --site-dir site

postbuild: $(KBSITE) ## The post-build steps on a built site/ (any generator's): print addresses, QR codes, CSS trimming, permalinks, CSP
	$(BIN)/python -m kbsite.postbuild site

zensical: $(KBSITE) ## Every edition built with Zensical, Material's successor, into site-zensical/ (what survives: tests/projects/test_zensical.py)
	$(BIN)/python -m kbsite.zensical site-zensical

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' 2>/dev/null || { \
	  echo "Python 3.11.5 or newer is needed (pymdown-extensions 13); $(PYTHON) is $$($(PYTHON) -V 2>&1)." >&2; \
	  echo "Install one (Debian 13 and Ubuntu 24.04 have it; on Debian 12: uv python install 3.12)," >&2; \
	  echo "then: rm -rf .venv && make test PYTHON=/path/to/python3.12" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --requirement requirements.lock
	touch $@

# The site's layers (kbsite/, pyproject.toml), installed editable into the
# venv, so `mkdocs` and Zensical find kbsite.markdown.* by their entry points
# however they are started. Its dependencies come from requirements.lock.
$(KBSITE): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $@

bench: $(KBSITE) $(BENCH_STAMP) browser ## Speed and size, next to a default Material build, written into benchmarks/RESULTS.md
	$(BIN)/python benchmarks/run.py

permalinks: $(KBSITE) ## After adding a page or section: record its new section ids in permalinks.yml (never removes one)
	$(BIN)/python -m kbsite.mkdocs_build build --strict --no-postbuild --site-dir site
	$(BIN)/python -m kbsite.postbuild site --record-permalinks

audit: $(KBSITE) ## List pages past their review date, references read more than a year ago, and translations behind their English page
	$(BIN)/python -m kbsite.review_dates docs
	$(BIN)/python -m kbsite.references audit docs
	$(BIN)/python -m kbsite.translation_status docs

crisis-model: ## After a new blind crisis set: train the crisis model on every set but the newest (crisis-model.json)
	test -x .venv-model/bin/python || $(PYTHON) -m venv .venv-model
	.venv-model/bin/python -m pip install --quiet --requirement requirements-model.txt
	PYTHONPATH=. .venv-model/bin/python -m kbsite.crisis_model

share-images: $(KBSITE) ## After adding a language or renaming the guide: each edition's link-preview image (assets/images/share.png in its docs folder)
	$(BIN)/python -m kbsite.share_image

claims: $(KBSITE) ## Every sentence we cite a source for, for a clinician's sign-off (Markdown table)
	@$(BIN)/python -m kbsite.references claims docs

# Node tools for the checks (html-validate), pinned in package-lock.json.
$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Lighthouse for the benchmark only (large; pinned in benchmarks/package-lock.json).
$(BENCH_STAMP): benchmarks/package-lock.json
	npm ci --prefix benchmarks --no-audit --no-fund --loglevel=error
	touch $@

# What the tests need from the system (Chromium, hunspell, the CJK fonts,
# Node.js, Java): installed where it can be, or the one command to run.
# A laptop checks what CI checks.
.PHONY: system
system:
	@bash .ci/system-packages

# Tests use Debian's Chromium where it is installed; elsewhere (a laptop)
# Playwright's own build, downloaded once.
.PHONY: browser
browser: $(STAMP)
	@command -v chromium >/dev/null || test -x /usr/bin/chromium || test -n "$$CHROMIUM_PATH" \
	  || $(BIN)/playwright install chromium

# Re-pin after editing requirements.in (needs the network to PyPI).
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv==0.13.9   # pinned: the lock file is its output
	$(BIN)/uv pip compile --universal --python-version 3.11.5 --generate-hashes --no-header \
	  requirements.in --output-file requirements.lock

clean:
	rm -rf $(VENV) .venv-model node_modules site
