# De Wegwijzer van de Kop. `make serve` and `make test` set up everything they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build test test-snel mutatie verwacht lint validate bench chromium java clean toegankelijkheid

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch node_modules/.installed

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Chromium ontbreekt: installeren met apt-get (nodig voor de browsertests)."; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

java:
	@command -v java >/dev/null 2>&1 || { \
	  echo "Java ontbreekt: installeren met apt-get (nodig voor de HTML-controle met vnu)."; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

install: $(STAMP) node_modules/.installed

serve: install
	$(VENV)/bin/wegwijzer serve

build: install
	$(VENV)/bin/wegwijzer build

validate: install
	$(VENV)/bin/wegwijzer validate

test: install chromium java lint
	$(PY) -m pytest -n 2 -q

# The fast tier: pure unit tests, no site build, no browser (seconds).
test-snel: install
	$(PY) -m pytest -q -m "not browser and not build"

# The golden fixture site: write its pages as the new expected output (after a change on purpose).
verwacht: install
	$(PY) -m pytest -q tests/test_gouden.py --verwacht-bijwerken
	@git status --short tests/fixtures/gouden/verwacht

# Mutation testing of the core modules (slow: not part of `make test`). README: "Hoe goed zijn de tests?".
# Groups of modules, each with its own tests: tests/mutatie/groepen.yaml. Only some: make mutatie GROEPEN="tekst validatie"
# After adding tests, only the survivors again: make mutatie OPNIEUW=1 GROEPEN=tekst
mutatie: install
	nice -n 19 $(PY) tests/mutatie/run.py $(foreach g,$(GROEPEN),--groep $(g)) $(if $(OPNIEUW),--opnieuw) \
	  $(if $(KINDEREN),--kinderen $(KINDEREN))

# Lint, format and type checks (also in pre-commit, and the first step of `make test`).
lint: install
	$(VENV)/bin/ruff check scripts tests benchmarks
	$(VENV)/bin/ruff format --check scripts tests benchmarks
	$(VENV)/bin/mypy
	npx --no-install eslint .

# Run the accessibility checks and write their results for the statement on /toegankelijkheid/
# (scripts/wegwijzer/data/toegankelijkheid-getest.json). Commit that file afterwards.
toegankelijkheid: install chromium java
	rm -rf .toegankelijkheid
	$(VENV)/bin/wegwijzer build --site-dir .toegankelijkheid/site
	WEGWIJZER_TOEGANKELIJKHEID=$(CURDIR)/.toegankelijkheid $(PY) -m pytest -n 2 -q tests/test_a11y.py \
	  tests/test_html_valid.py tests/test_trust.py -k "axe or valid_html or dutch_only or finger_sized"
	$(PY) tests/statement_results.py .toegankelijkheid
	rm -rf .toegankelijkheid

bench: install
	$(VENV)/bin/wegwijzer bench --uit benchmarks/resultaten.json

clean:
	rm -rf site .pytest_cache .mutatie
