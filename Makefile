# Two commands: `make lab` (set up and open the lessons) and `make test` (set up and check everything).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The stamp records that .venv matches the pinned files; it is rebuilt only when they change.
STAMP  := $(VENV)/.gatelab-installed
# Elsewhere, point pip at PyTorch's CPU wheels, e.g. TORCH_INDEX=https://download.pytorch.org/whl/cpu
TORCH_INDEX ?=
PIP_INDEX_FLAGS := $(if $(TORCH_INDEX),--extra-index-url $(TORCH_INDEX),)

.PHONY: lab test lint unit notebooks setup clean

setup: $(STAMP)

$(STAMP): pyproject.toml environment.yml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet $(PIP_INDEX_FLAGS) -e '.[dev]'
	@# The CPU torch build must never bring CUDA packages along.
	@if $(BIN)/python -m pip list 2>/dev/null | grep -i '^nvidia-'; then \
		echo "error: nvidia-* packages were installed; use the CPU torch wheel" >&2; exit 1; fi
	touch $(STAMP)

# Containers (Codespaces, Docker) often run as root, which Jupyter refuses without --allow-root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=notebooks $(ROOT_FLAG)

test: lint unit notebooks

lint: $(STAMP)
	$(BIN)/ruff check gatelab tests bench
	$(BIN)/ruff format --check gatelab tests bench

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
