# Two commands: `make lab` (set up and open the lessons) and `make test` (set up and check everything).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# The stamp records that .venv matches the pinned files; it is rebuilt only when they change.
STAMP  := $(VENV)/.gatelab-installed
# Linux's CPU torch wheel: pip's own indexes when they have it, else PyTorch's CPU index.
# TORCH_INDEX=URL always uses URL instead (a mirror, or a local stand-in for PyTorch's index).
TORCH_INDEX     ?=
TORCH_CPU_INDEX ?= https://download.pytorch.org/whl/cpu

# The Pythons every pinned package has wheels for (make check-platforms). Checked before .venv
# is made, so an old interpreter (macOS's python3 is 3.9) stops at once with one line.
PYTHONS_OK     := 3.11 3.12 3.13
python_version  = $(shell $(PYTHON) -c 'import sys; print(*sys.version_info[:3], sep=".")' 2>/dev/null)
python_problem  = $(if $(python_version),$(PYTHON) is Python $(python_version),$(PYTHON) was not found)
check_python    = $(if $(filter $(PYTHONS_OK),$(basename $(python_version))),,$(error \
	gatelab needs Python 3.11, 3.12 or 3.13, but $(python_problem); pick one with \
	e.g. make $(or $(MAKECMDGOALS),setup) PYTHON=python3.12))

.PHONY: lab test test-fast lint unit notebooks setup clean check-platforms check-lowest

setup: $(STAMP)

# gatelab from this folder, its dependencies at the exact versions of requirements.lock.
$(STAMP): pyproject.toml requirements.lock environment.yml
	$(if $(wildcard $(BIN)/python),,$(check_python))
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c requirements.lock $$($(BIN)/python scripts/torch_index.py \
		--override "$(TORCH_INDEX)" --fallback "$(TORCH_CPU_INDEX)") -e '.[dev]'
	@# The CPU torch build must never bring CUDA packages along.
	@if $(BIN)/python -m pip list 2>/dev/null | grep -i '^nvidia-'; then \
		echo "error: nvidia-* packages were installed; use the CPU torch wheel" >&2; exit 1; fi
	touch $(STAMP)

# Containers (Codespaces, Docker) often run as root, which Jupyter refuses without --allow-root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

# .venv/bin first on PATH: a JupyterLab terminal then finds `fastapi`, `gatelab` and this Python
# (lesson 06 runs `fastapi dev main.py` in one), as if the venv were activated. The terminal's
# shell is named, because Jupyter otherwise starts a login shell when its output is not a
# terminal (a Codespace, an IDE), and Linux's /etc/profile then sets PATH anew.
TERMINAL_SHELL := $(or $(shell echo $$SHELL),/bin/sh)
LAB_FLAGS := --ServerApp.root_dir=notebooks --ServerApp.terminado_settings=shell_command=$(TERMINAL_SHELL)

lab: $(STAMP)
	PATH="$(abspath $(BIN)):$$PATH" VIRTUAL_ENV="$(abspath $(VENV))" \
		$(BIN)/jupyter lab $(LAB_FLAGS) $(ROOT_FLAG)

test: lint unit notebooks

# The inner loop: lint and the unit tests without servers, child processes or long training.
test-fast: lint
	$(BIN)/pytest tests -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check gatelab tests bench scripts tools
	$(BIN)/ruff format --check gatelab tests bench scripts tools

# Resolve the full pinned set for Linux x86_64, macOS arm64 and Windows on Python 3.11-3.13
# (uv pip compile; fails on a missing wheel or any nvidia-* package). Needs PyPI.
check-platforms: $(STAMP)
	$(BIN)/python scripts/check_platforms.py --torch-index "$(or $(TORCH_INDEX),$(TORCH_CPU_INDEX))"

# The wheel in an environment that already has its CPU torch, every other dependency at the lowest
# version pyproject.toml allows: unit tests and every lesson run (scripts/check_lowest.sh). Needs PyPI.
check-lowest: $(STAMP)
	test -n "$$(ls build/torch-wheel/torch-*.whl 2>/dev/null)" || $(BIN)/python -m pip download \
		--quiet --no-deps -d build/torch-wheel "$$($(BIN)/python scripts/torch_index.py --pin)"
	scripts/check_lowest.sh "$$(ls build/torch-wheel/torch-*.whl | head -1)"

unit: $(STAMP)
	$(BIN)/pytest tests

# nbval in strict mode: every committed output must match a fresh run.
# Exit code 5 means "no notebooks collected", which is fine before the lessons exist.
notebooks: $(STAMP)
	$(BIN)/pytest --nbval --nbval-current-env notebooks/ || test $$? -eq 5

clean:
	rm -rf $(VENV)

# Throughput of GET /predict/and/1/1 against a bare FastAPI endpoint (about 30 s), then a class of
# 30 students training and checking gates on `gatelab serve --workers 2` (30 s). Loopback only.
.PHONY: bench
bench: $(STAMP)
	$(BIN)/python bench/bench_api.py
	$(BIN)/python bench/classroom.py --students 30 --duration 30 --workers 2

# The Korean edition: notebooks/ko/ built from the English lessons and locale/ko/ (make ko).
include ko.mk

# The browser tests and the playground benchmark (make test-browser, make bench-ui).
include browser.mk
