"""Print pip constraints that hold gatelab's dependencies at the lowest versions its ranges allow.

Runtime dependencies get their lower bound (`numpy>=1.26` becomes `numpy==1.26`); torch is left
out, because the environment under test already has its own; the development tools keep the
versions of requirements.lock (the tests need them, not a range check).

    python scripts/lowest_constraints.py > build/lowest.txt
    python scripts/lowest_constraints.py --runtime     (the runtime dependencies' lines only)
"""

import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
KEEP_INSTALLED = {"torch"}  # the environment's own: pip must not replace it


def lower_bound(requirement: Requirement) -> str:
    """The version a `>=` in the requirement's range names."""
    bounds = [spec.version for spec in requirement.specifier if spec.operator == ">="]
    if len(bounds) != 1:
        raise SystemExit(f"{requirement} needs exactly one >= lower bound")
    return bounds[0]


def lowest_constraints(pyproject: Path, lock: Path, dev_tools: bool = True) -> list[str]:
    """Constraint lines: each runtime dependency at its lower bound, the dev tools as locked."""
    project = tomllib.loads(pyproject.read_text())["project"]
    lines = []
    for spec in project["dependencies"]:
        requirement = Requirement(spec)
        if requirement.name not in KEEP_INSTALLED:
            lines.append(f"{requirement.name}=={lower_bound(requirement)}")
    if not dev_tools:
        return lines
    dev = {Requirement(spec).name for spec in project["optional-dependencies"]["dev"]}
    for line in lock.read_text().splitlines():
        text = line.split("#", 1)[0].strip()
        if text and Requirement(text).name in dev:
            lines.append(text)
    return lines


if __name__ == "__main__":
    if sys.argv[1:] not in ([], ["--runtime"]):
        raise SystemExit("usage: python scripts/lowest_constraints.py [--runtime]")
    lines = lowest_constraints(
        ROOT / "pyproject.toml", ROOT / "requirements.lock", dev_tools=sys.argv[1:] != ["--runtime"]
    )
    print("\n".join(lines))
