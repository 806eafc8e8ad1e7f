"""Resolve gatelab's locked set for every platform and Python a student may have.

For each platform and Python, `uv pip compile` resolves pyproject.toml (with the dev extras) held
to requirements.lock's exact versions, as `make setup` installs it on that machine, environment
markers included, and needs a wheel for every package (no source builds). A resolution fails
when a package has no wheel there or when it pulls in a CUDA (`nvidia-*`) package. Linux reads
torch from the CPU index given (PyTorch's by default).

A local stand-in index (file://, used where PyTorch's index is out of reach) usually holds one
wheel only: Linux rows it cannot serve are resolved without torch and reported as such.

    python scripts/check_platforms.py [--torch-index URL]
"""

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPI = "https://pypi.org/simple"
PYTORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"
PYTHONS = ("3.11", "3.12", "3.13")
# uv's names for the target platforms. Apple-silicon torch 2.13 wheels need macOS 14 or newer.
PLATFORMS = {
    "Linux x86_64": "x86_64-manylinux_2_28",
    "macOS arm64": "aarch64-apple-darwin",
    "Windows x86_64": "x86_64-pc-windows-msvc",
}
MACOS_VERSION = "14.0"


@dataclass
class Row:
    """One platform and Python: what was resolved and what went wrong."""

    platform: str
    python: str
    packages: int = 0
    problem: str = ""
    note: str = ""


def uv_compile(
    platform: str,
    python: str,
    source: Path,
    torch_index: str,
    lock: Path = ROOT / "requirements.lock",
) -> tuple[str, str]:
    """Run `uv pip compile` for one target; return (the pinned lines or '', the error or '')."""
    command = [sys.executable, "-m", "uv", "pip", "compile", str(source), "--quiet",
               "--constraint", str(lock),
               "--python-platform", PLATFORMS[platform], "--python-version", python,
               "--index-url", PYPI, "--no-build", "--no-header", "--no-annotate"]  # fmt: skip
    if source.name == "pyproject.toml":
        command += ["--extra", "dev"]
    if platform.startswith("Linux"):
        command += ["--extra-index-url", torch_index]
    env = {**os.environ, "MACOSX_DEPLOYMENT_TARGET": MACOS_VERSION}
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        return "", done.stderr.strip() or f"uv exited with {done.returncode}"
    return done.stdout, ""


def pinned_names(lines: str) -> list[str]:
    """The package names of uv's pinned output."""
    return [line.split("==")[0].strip().lower() for line in lines.splitlines() if "==" in line]


def without_torch(folder: Path) -> tuple[Path, Path]:
    """pyproject.toml's requirements and the lock, both without torch (for a stand-in's gaps)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_environment import lock_lines, pyproject_specs  # one reader for tests and this

    requirements = folder / "requirements-without-torch.txt"
    requirements.write_text("\n".join(s for s in pyproject_specs() if not s.startswith("torch")))
    lock = folder / "lock-without-torch.txt"
    lock.write_text("\n".join(line for line in lock_lines() if not line.startswith("torch")))
    return requirements, lock


def check(platform: str, python: str, torch_index: str, folder: Path) -> Row:
    """Resolve one target and judge it."""
    row = Row(platform, python)
    lines, error = uv_compile(platform, python, ROOT / "pyproject.toml", torch_index)
    stand_in_gap = "torch" in error and "no wheels" in error and torch_index.startswith("file:")
    if stand_in_gap:
        row.note = "torch not checked: the local stand-in index has no wheel for it"
        requirements, lock = without_torch(folder)
        lines, error = uv_compile(platform, python, requirements, torch_index, lock)
    if error:
        row.problem = error.splitlines()[-1] if len(error) > 300 else error
        return row
    names = pinned_names(lines)
    row.packages = len(names)
    cuda = sorted(name for name in names if name.startswith("nvidia-"))
    if cuda:
        row.problem = f"pulls in CUDA packages: {', '.join(cuda)}"
    return row


def main() -> int:
    """Check every platform and Python; print a table; exit 1 when any fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--torch-index", default=PYTORCH_CPU_INDEX, help="Linux's CPU torch index")
    args = parser.parse_args()
    print(f"Resolving the locked set (PyPI; Linux torch from {args.torch_index})")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for platform in PLATFORMS:
            for python in PYTHONS:
                row = check(platform, python, args.torch_index, Path(folder))
                verdict = f"FAIL  {row.problem}" if row.problem else f"ok    {row.packages} wheels"
                print(f"  {platform:<15} Python {python}  {verdict}  {row.note}".rstrip())
                rows.append(row)
    failed = [row for row in rows if row.problem]
    print(f"{len(rows) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
