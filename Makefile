# Two commands set everything up on a fresh machine: `make demo` and `make test`.
# `make demo` installs only what the demo needs (the `lab` extra); `make test` installs the
# rest (every extra and the developer tools). constraints.txt pins this machine's versions.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# --no-compile: Python compiles each module when it is first imported, so the install does
# not spend minutes compiling every file of pandas, scipy and pyarrow up front.
PIP := $(BIN)/python -m pip install -q --no-compile -c constraints.txt
DEMO_STAMP := $(VENV)/.demo-stamp
STAMP := $(VENV)/.installed-stamp
OUT ?= demo-output

.PHONY: demo test lint typecheck unit clean chromium bench warm

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Re-install whenever the project's declared dependencies change.
$(DEMO_STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) -e '.[lab]'
	touch $(DEMO_STAMP)

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) -e '.[all,bench,dev]'
	touch $(STAMP) $(DEMO_STAMP)

# Compiles the simulation kernel once (numba caches it), with a message, before any run waits.
warm: $(DEMO_STAMP)
	$(BIN)/python -m nabij.engine.warm

demo: warm
	$(BIN)/nabij demo --out $(OUT)
	$(BIN)/nabij replicate --only T1,T3,T15 --replications 10 --out $(OUT)/replication

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) warm
	$(BIN)/pytest -n 2 -q

# The web app's browser test drives Debian's chromium (Playwright cannot download its own
# browser here). Installed only when missing, and only on Debian or Ubuntu (apt-get); sudo
# only when not root. Elsewhere, install Chromium at /usr/bin/chromium yourself, or the
# browser test is skipped.
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif command -v apt-get >/dev/null; then \
	  SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "chromium: no apt-get (not Debian/Ubuntu): install Chromium at /usr/bin/chromium" \
	  "yourself, or the browser test is skipped"; fi

test: lint typecheck chromium unit

# Performance: nabij vs a Mesa model of the same rules and vs a limit kernel (docs/performance.md).
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run --config benchmarks/config.toml --out benchmarks/results/latest.json

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
