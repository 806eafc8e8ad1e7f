"""The setup helpers behind `make setup` and `make check-platforms` (offline: pip and uv faked)."""

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def load(name: str):
    """Import scripts/<name>.py as a module."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


torch_index = load("torch_index")
local_torch_index = load("local_torch_index")
check_platforms = load("check_platforms")


def test_the_linux_pin_is_the_cpu_build():
    assert torch_index.cpu_torch_pin().endswith("+cpu")


def test_an_override_is_used_as_it_is(monkeypatch):
    monkeypatch.setattr(torch_index, "pip_finds", lambda requirement: pytest.fail("asked pip"))
    option = torch_index.index_option("file:///mirror", "https://fallback")
    assert option == "--extra-index-url file:///mirror"


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_macos_and_windows_need_no_index(monkeypatch, platform):
    monkeypatch.setattr(torch_index, "pip_finds", lambda requirement: pytest.fail("asked pip"))
    assert torch_index.index_option("", "https://fallback", platform=platform) == ""


def test_linux_uses_what_pip_finds_and_falls_back_otherwise(monkeypatch):
    monkeypatch.setattr(torch_index, "pip_finds", lambda requirement: True)
    assert torch_index.index_option("", "https://fallback", platform="linux") == ""
    monkeypatch.setattr(torch_index, "pip_finds", lambda requirement: False)
    option = torch_index.index_option("", "https://fallback", platform="linux")
    assert option == "--extra-index-url https://fallback"


def test_a_local_index_has_the_pep_503_layout(tmp_path):
    wheel = tmp_path / "torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl"
    wheel.write_bytes(b"not really a wheel")
    url = local_torch_index.build_index(tmp_path / "index", [wheel]).as_uri()
    assert url.startswith("file://")
    assert (tmp_path / "index" / "torch" / wheel.name).read_bytes() == b"not really a wheel"
    assert 'href="torch/"' in (tmp_path / "index" / "index.html").read_text()
    assert f'href="{wheel.name}"' in (tmp_path / "index" / "torch" / "index.html").read_text()


def fake_uv(results):
    """A stand-in for uv_compile answering (lines, error) by the source file's name."""
    return lambda platform, python, source, index, lock=None: results[source.name]


def test_a_resolution_with_cuda_packages_fails(monkeypatch, tmp_path):
    lines = "numpy==2.4.6\nnvidia-cublas==13.0\ntorch==2.13.0\n"
    monkeypatch.setattr(check_platforms, "uv_compile", fake_uv({"pyproject.toml": (lines, "")}))
    row = check_platforms.check("Linux x86_64", "3.12", "https://index", tmp_path)
    assert row.problem == "pulls in CUDA packages: nvidia-cublas"


def test_a_missing_wheel_fails(monkeypatch, tmp_path):
    error = "Because ruff==0.17.5 has no wheels with a matching platform tag ..."
    monkeypatch.setattr(check_platforms, "uv_compile", fake_uv({"pyproject.toml": ("", error)}))
    row = check_platforms.check("Windows x86_64", "3.13", "https://index", tmp_path)
    assert "no wheels" in row.problem


def test_a_stand_in_index_without_the_wheel_checks_the_rest(monkeypatch, tmp_path):
    gap = "Because torch==2.13.0+cpu has no wheels with a matching platform tag ..."
    results = {
        "pyproject.toml": ("", gap),
        "requirements-without-torch.txt": ("numpy==2.4.6\nfastapi==0.163.2\n", ""),
    }
    monkeypatch.setattr(check_platforms, "uv_compile", fake_uv(results))
    row = check_platforms.check("Linux x86_64", "3.13", "file:///stand-in", tmp_path)
    assert (row.problem, row.packages) == ("", 2)
    assert "torch not checked" in row.note
    # The same gap on PyTorch's real index is a failure, not a note.
    row = check_platforms.check("Linux x86_64", "3.13", "https://index", tmp_path)
    assert "no wheels" in row.problem
