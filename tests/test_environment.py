"""pyproject.toml and environment.yml pin the same packages at the same versions."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# conda-forge spells a few packages differently from PyPI.
CONDA_TO_PYPI = {"pytorch": "torch"}
NOT_PACKAGES = {"python", "pip"}


def _pypi_base_version(version: str) -> str:
    """Drop a local label such as +cpu, which conda expresses as a build string."""
    return version.split("+", 1)[0]


def pyproject_pins() -> dict[str, str]:
    """Every pinned dependency (runtime and dev extras) of pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        specs.extend(extra)
    pins = {}
    for spec in specs:
        name, version = spec.split("==")
        pins[name.strip().lower()] = _pypi_base_version(version.strip())
    return pins


def environment_pins() -> dict[str, str]:
    """Every conda package of environment.yml with its version (pip section excluded)."""
    pins = {}
    text = (ROOT / "environment.yml").read_text()
    for line in text.split("\ndependencies:\n", 1)[1].splitlines():
        match = re.match(r"^  - ([A-Za-z0-9_.-]+)(?:=([^=\s]+))?(?:=\S+)?\s*$", line)
        if match and match[1] not in NOT_PACKAGES:
            name = CONDA_TO_PYPI.get(match[1], match[1]).lower()
            pins[name] = match[2]
    return pins


def test_every_pyproject_dependency_is_exactly_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for spec in project["dependencies"] + project["optional-dependencies"]["dev"]:
        assert spec.count("==") == 1, f"{spec} is not pinned with =="


def test_environment_yml_matches_pyproject():
    assert environment_pins() == pyproject_pins()


def test_environment_uses_python_311_and_cpu_torch():
    text = (ROOT / "environment.yml").read_text()
    assert "  - python=3.11\n" in text
    assert "pytorch=2.13.0=cpu_*" in text
    assert "conda-forge" in text


def test_environment_has_no_pip_section():
    # A pip section with options (--no-deps) breaks `conda env create`, and without them pip would
    # try to replace conda's torch; gatelab itself is installed by postBuild (Binder runs it).
    text = (ROOT / "environment.yml").read_text()
    assert "  - pip:" not in text
    assert "pip install --no-deps -e ." in (ROOT / "postBuild").read_text()
