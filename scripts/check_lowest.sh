#!/usr/bin/env bash
# gatelab in an environment that already has its own torch, every other dependency at the lowest
# version pyproject.toml's ranges allow: build the wheel, install it with a pip that sees only
# PyPI into a venv holding the CPU torch wheel given, check that torch was left alone and that no
# nvidia-* package came in, copy the lessons out with `gatelab lessons`, run the unit tests and
# execute every copied lesson from a fresh kernel (errors fail; outputs are not compared: nbval
# strict runs on the locked set).
#
#   scripts/check_lowest.sh TORCH_WHEEL [WORK_DIR]      (make check-lowest does this)
set -euo pipefail
cd "$(dirname "$0")/.."
wheel_of_torch=${1:?usage: scripts/check_lowest.sh TORCH_WHEEL [WORK_DIR]}
work=${2:-build/lowest}
python=$(.venv/bin/python -c 'import sys; print(sys._base_executable)')
pypi_only=(env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null PIP_DISABLE_PIP_VERSION_CHECK=1)

rm -rf "$work"
mkdir -p "$work"
.venv/bin/python -m pip wheel --quiet --no-deps -w "$work/dist" .
"$python" -m venv "$work/venv"
venv=$work/venv/bin
"${pypi_only[@]}" "$venv/python" -m pip install --quiet "$wheel_of_torch"
torch_before=$("$venv/python" -c 'import torch; print(torch.__version__)')
.venv/bin/python scripts/lowest_constraints.py > "$work/lowest.txt"
echo "lowest versions: $(grep -v -e nbval -e playwright -e polib -e pytest -e ruff -e schemathesis -e '^uv' "$work/lowest.txt" | tr '\n' ' ')"
"${pypi_only[@]}" "$venv/python" -m pip install --quiet -c "$work/lowest.txt" \
  "$(ls "$work"/dist/gatelab-*.whl)[dev]"
torch_after=$("$venv/python" -c 'import torch; print(torch.__version__)')
if [ "$torch_before" != "$torch_after" ]; then
  echo "error: installing gatelab replaced torch $torch_before with $torch_after" >&2
  exit 1
fi
if "$venv/python" -m pip list 2>/dev/null | grep -i '^nvidia-'; then
  echo "error: nvidia-* packages were installed" >&2
  exit 1
fi
"$venv/python" -m pip check
echo "torch $torch_after kept; gatelab $("$venv/gatelab" --version | cut -d' ' -f2) installed"

lessons=$work/lessons
"$venv/gatelab" lessons "$lessons"
"$venv/gatelab" lessons "$lessons" --lang ko
"$venv/pytest" tests -q -p no:cacheprovider
count=0
for lesson in "$lessons"/[0-9]*.ipynb "$lessons"/ko/[0-9]*.ipynb; do
  (cd "$(dirname "$lesson")" && "$venv/jupyter" nbconvert --to notebook --execute --log-level=ERROR \
    --ExecutePreprocessor.timeout=600 --output "$(basename "$lesson" .ipynb).run" "$(basename "$lesson")")
  count=$((count + 1))
done
echo "$count lessons ran without an error at the lowest versions"
