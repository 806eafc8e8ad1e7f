"""Package-level promises: a light import and a CPU-only torch."""

import importlib.metadata
import subprocess
import sys


def test_import_gatelab_stays_light():
    code = (
        "import sys, gatelab; "
        "heavy = [m for m in ('torch', 'fastapi', 'matplotlib', 'uvicorn', 'ipywidgets') "
        "if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"import gatelab pulled in: {out.stdout.strip()}"


def test_no_cuda_packages_installed():
    names = {dist.metadata["Name"].lower() for dist in importlib.metadata.distributions()}
    assert not [n for n in names if n.startswith("nvidia-")]


def test_torch_is_the_cpu_build():
    assert importlib.metadata.version("torch") == "2.13.0+cpu"


def test_the_wheel_lists_every_subpackage():
    # pyproject.toml names the packages one by one (the lessons ride along as gatelab.notebooks),
    # so a new folder of modules must be added there or the wheel leaves it out.
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(root).parts)
        for init in (root / "gatelab").rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
