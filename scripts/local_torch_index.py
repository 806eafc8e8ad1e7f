"""Build a PEP 503 package index from wheel files: a local stand-in for PyTorch's CPU index.

PyTorch's CPU index is out of reach on a closed network; a directory laid out the same way lets
`make setup TORCH_INDEX=file://...` and `make check-platforms` be tested with a wheel at hand.

    python scripts/local_torch_index.py DIR WHEEL [WHEEL ...]   # prints the index's file:// URL
"""

import html
import re
import shutil
import sys
from pathlib import Path


def project_name(wheel: Path) -> str:
    """The normalized project name of a wheel file (PEP 503), e.g. 'torch'."""
    return re.sub(r"[-_.]+", "-", wheel.name.split("-", 1)[0]).lower()


def links_page(names: list[str]) -> str:
    """A minimal simple-API HTML page linking to each name."""
    links = "\n".join(f'<a href="{html.escape(name)}">{html.escape(name)}</a>' for name in names)
    return f"<!DOCTYPE html>\n<html><body>\n{links}\n</body></html>\n"


def build_index(root: Path, wheels: list[Path]) -> Path:
    """Copy the wheels into root/<project>/ and write the index pages; return root."""
    for wheel in wheels:
        folder = root / project_name(wheel)
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / wheel.name).exists():
            shutil.copy2(wheel, folder / wheel.name)
    projects = sorted(p.name for p in root.iterdir() if p.is_dir())
    for project in projects:
        files = sorted(f.name for f in (root / project).glob("*.whl"))
        (root / project / "index.html").write_text(links_page(files))
    (root / "index.html").write_text(links_page([f"{project}/" for project in projects]))
    return root


def main() -> None:
    """Build the index from the command line and print its URL."""
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    wheels = [Path(arg).resolve() for arg in sys.argv[2:]]
    missing = [str(wheel) for wheel in wheels if not wheel.is_file()]
    if missing:
        raise SystemExit(f"no such wheel: {', '.join(missing)}")
    print(build_index(Path(sys.argv[1]).resolve(), wheels).as_uri())


if __name__ == "__main__":
    main()
