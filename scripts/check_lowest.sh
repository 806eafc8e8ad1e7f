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
shopt -s nullglob

fail() {
  echo "check_lowest: error: $*" >&2
  exit 1
}
step() {
  echo "check_lowest: $*"
}
trap 'echo "check_lowest: error: line $LINENO exited with status $? (last command: $BASH_COMMAND)" >&2' ERR

root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  fail "usage: scripts/check_lowest.sh TORCH_WHEEL [WORK_DIR]"
fi
wheel_of_torch=$(realpath -e -- "$1" 2>/dev/null) || fail "no torch wheel at '$1'"
case $wheel_of_torch in
  */torch-*.whl) ;;
  *) fail "'$1' is not a torch wheel (torch-*.whl)" ;;
esac
cd "$root"
work=${2:-build/lowest}
[ -x .venv/bin/python ] || fail "no .venv/bin/python: run 'make setup' first"
python=$(.venv/bin/python -c 'import sys; print(sys._base_executable)')
# pip as a fresh machine has it: PyPI only, no local wheel folders, no user or site config
pypi_only=(env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_CONSTRAINT
  -u PIP_NO_INDEX -u PIP_REQUIRE_VIRTUALENV -u PYTHONPATH PIP_CONFIG_FILE=/dev/null PIP_DISABLE_PIP_VERSION_CHECK=1)

rm -rf "$work"
mkdir -p "$work"
step "building the wheel"
.venv/bin/python -m pip wheel --quiet --no-deps -w "$work/dist" .
wheels=("$work"/dist/gatelab-*.whl)
[ ${#wheels[@]} -eq 1 ] || fail "expected one gatelab wheel in $work/dist, found ${#wheels[@]}"
"$python" -m venv "$work/venv"
venv=$(cd "$work/venv/bin" && pwd)
step "installing $(basename "$wheel_of_torch") (the environment's own torch)"
"${pypi_only[@]}" "$venv/python" -m pip install --quiet "$wheel_of_torch"
torch_before=$("$venv/python" -c 'import torch; print(torch.__version__)')

.venv/bin/python scripts/lowest_constraints.py > "$work/lowest.txt"
runtime=$(.venv/bin/python scripts/lowest_constraints.py --runtime)
step "lowest versions: $(tr '\n' ' ' <<< "$runtime")"
step "installing $(basename "${wheels[0]}")[dev] with those (the dev tools as locked)"
"${pypi_only[@]}" "$venv/python" -m pip install --quiet -c "$work/lowest.txt" "${wheels[0]}[dev]" ||
  fail "pip could not install gatelab with its dependencies at their lower bounds (above)"

torch_after=$("$venv/python" -c 'import torch; print(torch.__version__)')
[ "$torch_before" = "$torch_after" ] ||
  fail "installing gatelab replaced torch $torch_before with $torch_after"
nvidia=$("$venv/python" -m pip list --format=freeze 2>/dev/null | grep -i '^nvidia-' || true)
[ -z "$nvidia" ] || fail "nvidia-* packages were installed: $(tr '\n' ' ' <<< "$nvidia")"
"$venv/python" -m pip check || fail "the installed set has broken requirements (pip check, above)"
step "torch $torch_after kept; gatelab $("$venv/gatelab" --version | cut -d' ' -f2) installed"

# Commands the lessons and tests start by name (gatelab, fastapi, jupyter) come from this venv.
VIRTUAL_ENV=$(dirname "$venv")
export PATH="$venv:$PATH" VIRTUAL_ENV
lessons=$work/lessons
"$venv/gatelab" lessons "$lessons"
"$venv/gatelab" lessons "$lessons" --lang ko
step "unit tests"
"$venv/pytest" tests -q -p no:cacheprovider

expected=(notebooks/[0-9]*.ipynb notebooks/ko/[0-9]*.ipynb)
copied=("$lessons"/[0-9]*.ipynb "$lessons"/ko/[0-9]*.ipynb)
[ ${#copied[@]} -eq ${#expected[@]} ] ||
  fail "gatelab lessons copied ${#copied[@]} lessons to $lessons, the source has ${#expected[@]}"
count=0
for lesson in "${copied[@]}"; do
  step "running ${lesson#"$lessons"/}"
  (cd "$(dirname "$lesson")" && "$venv/jupyter" nbconvert --to notebook --execute --log-level=ERROR \
    --ExecutePreprocessor.timeout=600 --output "$(basename "$lesson" .ipynb).run" \
    "$(basename "$lesson")") || fail "${lesson#"$lessons"/} raised an error at the lowest versions"
  count=$((count + 1))
done
echo "$count lessons ran without an error at the lowest versions"
