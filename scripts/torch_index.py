"""Print the pip option that finds gatelab's CPU torch wheel, or nothing when pip finds it already.

`make setup` runs this with the new .venv's Python. On Linux the pin is PyTorch's CPU build
(`torch==X+cpu`), which PyPI does not carry: where pip's own indexes already offer it (a mirror,
a wheel directory, a configured extra index), nothing is added; otherwise PyTorch's CPU index is.
On macOS and Windows PyPI's own torch wheel is CPU-only, so no index is ever needed there.

    python scripts/torch_index.py [--override URL] [--fallback URL]
    python scripts/torch_index.py --pin      # just the pin, e.g. torch==2.13.0+cpu
"""

import argparse
import subprocess
import sys
from pathlib import Path

LOCK = Path(__file__).resolve().parent.parent / "requirements.lock"
PYTORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"


def cpu_torch_pin(lock: Path = LOCK) -> str:
    """The locked Linux torch requirement without its marker, e.g. 'torch==2.13.0+cpu'."""
    for line in lock.read_text().splitlines():
        requirement = line.split(";", 1)[0].strip()
        if requirement.startswith("torch==") and requirement.endswith("+cpu"):
            return requirement
    raise SystemExit(f"no torch==...+cpu pin in {lock}")


def pip_finds(requirement: str) -> bool:
    """Whether this interpreter's pip, with its own configuration, can find `requirement`."""
    # --dry-run --no-deps only looks the one wheel up: nothing is installed or downloaded from PyPI
    # (a pin PyPI lacks fails at once with "No matching distribution").
    pip = [sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "--ignore-installed"]
    found = subprocess.run([*pip, "--quiet", requirement], capture_output=True, text=True)
    return found.returncode == 0


def index_option(override: str, fallback: str, platform: str = sys.platform) -> str:
    """The extra pip option for torch: the override, nothing, or the fallback index."""
    if override:
        return f"--extra-index-url {override}"
    if platform != "linux":
        return ""  # PyPI's macOS and Windows wheels are the CPU build already
    pin = cpu_torch_pin()
    if pip_finds(pin):
        print(f"{pin}: found by pip's own indexes", file=sys.stderr)
        return ""
    print(f"{pin}: not on pip's indexes, using {fallback}", file=sys.stderr)
    return f"--extra-index-url {fallback}"


def main() -> None:
    """Print the option (maybe an empty line) for the Makefile to pass to pip."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--override", default="", help="use this index, no questions asked")
    parser.add_argument("--fallback", default=PYTORCH_CPU_INDEX, help="where else to look")
    parser.add_argument("--pin", action="store_true", help="print the Linux torch pin and stop")
    args = parser.parse_args()
    print(cpu_torch_pin() if args.pin else index_option(args.override, args.fallback))


if __name__ == "__main__":
    main()
