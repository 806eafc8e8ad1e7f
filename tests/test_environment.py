"""pyproject.toml declares ranges, requirements.lock pins them, environment.yml follows the lock."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
# conda-forge spells a package differently from PyPI. Its "fastapi" is PyPI's fastapi[standard]
# (fastapi-cli for `fastapi dev`, uvicorn-standard), which is what pyproject.toml asks for; the
# lock names it fastapi, because pip constraints carry no extras.
CONDA_TO_PYPI = {"pytorch": "torch"}
NOT_PACKAGES = {"python", "pip"}
# The one allowance: packages conda-forge does not have come from PyPI through environment.yml's
# pip section. koreanize-matplotlib (NanumGothic for the Korean lessons) needs only matplotlib.
PIP_ONLY = {"koreanize-matplotlib"}


def _pypi_base_version(version: str) -> str:
    """Drop a local label such as +cpu, which conda expresses as a build string."""
    return version.split("+", 1)[0]


def _pypi_name(name: str) -> str:
    """A requirement's name in one spelling: lower case, extras sorted ("fastapi[standard]")."""
    name = name.strip().lower().replace(" ", "")
    if "[" not in name:
        return name
    base, extras = name.rstrip("]").split("[", 1)
    return f"{base}[{','.join(sorted(extras.split(',')))}]"


def pyproject_specs() -> list[str]:
    """Every dependency (runtime and dev extras) of pyproject.toml, without its marker."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        specs.extend(extra)
    return [spec.split(";", 1)[0].strip() for spec in specs]


def pyproject_ranges() -> dict[str, SpecifierSet]:
    """Each dependency of pyproject.toml (name without extras) with its version range."""
    ranges = {}
    for spec in pyproject_specs():
        requirement = Requirement(spec)
        ranges[requirement.name.lower()] = requirement.specifier
    return ranges


def lock_lines() -> list[str]:
    """The requirement lines of requirements.lock (comments and blank lines left out)."""
    lines = (ROOT / "requirements.lock").read_text().splitlines()
    return [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


def lock_pins() -> dict[str, str]:
    """Every package of the lock with its version (torch once for all platforms, no +cpu)."""
    pins: dict[str, str] = {}
    for line in lock_lines():
        requirement = Requirement(line)
        (specifier,) = requirement.specifier
        version = _pypi_base_version(specifier.version)
        name = requirement.name.lower()
        assert pins.setdefault(name, version) == version, f"{name} is locked to two versions"
    return pins


def environment_pins() -> dict[str, str]:
    """Every conda package of environment.yml with its version (pip section excluded)."""
    pins = {}
    text = (ROOT / "environment.yml").read_text()
    for line in text.split("\ndependencies:\n", 1)[1].splitlines():
        match = re.match(r"^  - ([A-Za-z0-9_.-]+)(?:=([^=\s]+))?(?:=\S+)?\s*$", line)
        if match and match[1] not in NOT_PACKAGES:
            name = _pypi_name(CONDA_TO_PYPI.get(match[1], match[1]))
            pins[name] = match[2]
    return pins


def pip_section() -> list[str]:
    """The entries of environment.yml's pip section (empty when it has none)."""
    text = (ROOT / "environment.yml").read_text()
    if "\n  - pip:\n" not in text:
        return []
    entries = []
    for line in text.split("\n  - pip:\n", 1)[1].splitlines():
        if not line.startswith("      - "):
            break
        entries.append(line.removeprefix("      - ").strip())
    return entries


def pip_pins() -> dict[str, str]:
    """The packages of environment.yml's pip section with their versions."""
    return dict(entry.lower().split("==") for entry in pip_section())


def test_pyproject_declares_ranges_not_pins():
    # A library that pins exact versions cannot join an environment that has its own numpy or
    # torch; the exact versions belong in the lock. No +cpu either: PyPI has no such version.
    for spec in pyproject_specs():
        assert "==" not in spec and "+cpu" not in spec, spec
        assert Requirement(spec).specifier, f"{spec} has no lower bound"


def test_the_lock_pins_every_dependency_inside_its_range():
    ranges, pins = pyproject_ranges(), lock_pins()
    assert pins.keys() == ranges.keys()
    for name, version in pins.items():
        assert Version(version) in ranges[name], (
            f"locked {name}=={version} is not in {ranges[name]}"
        )


def test_torch_is_the_cpu_build_on_every_platform():
    # Linux: PyTorch's +cpu build (PyPI's Linux wheel is the CUDA one); elsewhere PyPI's own wheel,
    # which is CPU-only there. Exactly two torch lines, whose markers split the platforms in two.
    torch = sorted(line for line in lock_lines() if line.startswith("torch=="))
    assert torch == [
        'torch==2.13.0 ; sys_platform != "linux"',
        'torch==2.13.0+cpu ; sys_platform == "linux"',
    ]


def test_fastapi_brings_its_dev_command():
    # Lesson 06 starts the student's API with `fastapi dev main.py`: without [standard] that
    # command only says to install "fastapi[standard]".
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    fastapi = [spec for spec in project["dependencies"] if spec.startswith("fastapi")]
    assert any(Requirement(spec).extras == {"standard"} for spec in fastapi), fastapi


def test_requirement_names_keep_their_extras():
    assert _pypi_name("FastAPI[standard]") == "fastapi[standard]"
    assert _pypi_name("uvicorn[standard, b]") == "uvicorn[b,standard]"
    assert _pypi_name("numpy") == "numpy"


def test_python_versions_admitted():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.11,<3.14"


def test_environment_yml_follows_the_lock():
    assert environment_pins().keys().isdisjoint(pip_pins())
    assert {**environment_pins(), **pip_pins()} == lock_pins()


def test_environment_uses_python_311_and_cpu_torch():
    text = (ROOT / "environment.yml").read_text()
    assert "  - python=3.11\n" in text
    assert "pytorch=2.13.0=cpu_*" in text
    assert "conda-forge" in text


def test_environment_pip_section_is_plain_and_only_for_pip_only_packages():
    # A pip section with options (--no-deps) breaks `conda env create`, and pip resolving a package
    # whose dependencies conda lacks would replace conda's own (torch!). So the pip section holds
    # only PIP_ONLY packages, as plain `name==version` entries; gatelab itself is installed by
    # postBuild (Binder runs it) without re-resolving anything.
    entries = pip_section()
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][A-Za-z0-9.]*", entry) for entry in entries)
    assert set(pip_pins()) <= PIP_ONLY
    assert "pip install --no-deps -e ." in (ROOT / "postBuild").read_text()
