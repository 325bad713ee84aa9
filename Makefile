# publish: `make` sets everything up and builds all formats; `make test` runs the test suite.
# Run `make help` for every target.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := all

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PUBLISH := $(BIN)/publish
OUT ?= build

# Debian packages: what building needs, and what the validators in `test`/`check` add.
APT_BUILD := fonts-noto-cjk fonts-noto-core libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 fontconfig
APT_TEST := poppler-utils libjaxb-java chromium

.PHONY: all setup system-packages test-packages node-tools gongwen-fonts pdf epub html test test-properties test-fuzz lint check archive clean help bench eval serve

all: setup ## set up, then build PDF, EPUB and the site from content/ (one pass over the sources)
	$(PUBLISH) build --format pdf,epub,html --out $(OUT)

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

setup: system-packages $(VENV)/.installed ## .venv with publish installed editable, plus system packages
	@$(BIN)/python -m compileall -q publish  # (byte code kept even where Python writes none: PYTHONDONTWRITEBYTECODE)

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# Installs missing Debian packages when run as root; otherwise prints the exact command.
define ensure_apt
	missing=""; \
	for pkg in $(1); do \
	  dpkg-query -W -f='$${Status}' "$$pkg" 2>/dev/null | grep -q "ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$(2)" ] && ! command -v javac >/dev/null 2>&1; then missing="$$missing default-jdk-headless"; fi; \
	if [ -n "$(2)" ] && ! command -v npm >/dev/null 2>&1; then missing="$$missing nodejs npm"; fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "publish needs these Debian packages:$$missing"; \
	    echo "Run: sudo apt-get update && sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi
endef

system-packages: ## install the fonts and libraries the build needs (when root)
	@$(call ensure_apt,$(APT_BUILD),)

test-packages: ## what the validators need: poppler-utils, JAXB, a JDK, chromium, npm (as root)
	@$(call ensure_apt,$(APT_TEST),java)

gongwen-fonts: ## the free 仿宋 and 楷体 for theme gongwen (texlive-lang-chinese is large)
	@$(call ensure_apt,texlive-lang-chinese fonts-lxgw-wenkai fonts-arphic-ukai,)

pdf: setup ## build/pdf/<slug>.pdf
	$(PUBLISH) build --format pdf --out $(OUT)

epub: setup ## build/epub/<slug>.epub
	$(PUBLISH) build --format epub --out $(OUT)

html: setup ## build/site/
	$(PUBLISH) build --format html --out $(OUT)

lint: setup ## ruff and mypy --strict
	$(BIN)/ruff check publish tests
	$(BIN)/ruff format --check publish tests
	$(BIN)/mypy

node_modules/.installed: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	touch $@

node-tools: test-packages node_modules/.installed ## Ace by DAISY (npm), run on Debian's chromium

test: setup test-packages node-tools lint ## lint, the whole test suite (real validators), the properties and the fuzz at 10,000 examples
	$(BIN)/pytest
	$(MAKE) --no-print-directory test-properties test-fuzz

test-properties: setup ## the cleaner's hypothesis properties on 10,000 generated texts each
	PUBLISH_EXAMPLES=10000 $(BIN)/pytest -q -p no:cacheprovider tests/test_clean_properties.py

test-fuzz: setup ## hostile front matter and Markdown through read, clean, parse and render: 10,000 files
	PUBLISH_EXAMPLES=10000 $(BIN)/pytest -q -p no:cacheprovider -p no:logging tests/test_fuzz_pipeline.py

archive: setup test-packages node-tools ## one BagIt bag of content/ (and its .tar) in build/archive/, every output validated
	$(PUBLISH) archive --out $(OUT)/archive --tar

check: setup test-packages node-tools ## EPUBCheck, Ace, pdffonts, veraPDF over build/
	$(PUBLISH) check $(OUT)

serve: setup ## the site on http://127.0.0.1:8000/, rebuilt on change, pages reloaded
	$(PUBLISH) serve

clean: ## remove build/ (keeps .venv)
	rm -rf $(OUT)

bench: setup ## time the cleaner and the stages against peers run in the same process
	$(BIN)/python tests/bench.py

eval: setup ## the cleaner on real documents against hand-written gold: block F1, harm, fix rate
	$(BIN)/python tests/evaluate.py
