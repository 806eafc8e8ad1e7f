"""Fixtures shared by several test files."""

import os
import pickle
import pickletools
from pathlib import Path

import matplotlib
import pytest

from gatelab.language import set_language

BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Leave tests/browser out unless it is asked for by path (`make test-browser`).

    They need Chromium and take minutes, so `pytest tests` (and `make test`) skip the folder.
    """
    if collection_path != BROWSER_TESTS:
        return None
    for arg in config.args:
        asked = (config.invocation_params.dir / arg.split("::", 1)[0]).resolve()
        if asked == BROWSER_TESTS or BROWSER_TESTS in asked.parents:
            return None
    return True


class WritesMarker:
    """A crafted object whose unpickling runs code: here, harmlessly, writing a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        # Unpickling calls exec(source): an attacker could put anything in that string.
        return (exec, (f"open({str(self.marker)!r}, 'w').write('the pickle ran code')",))


@pytest.fixture
def malicious(tmp_path):
    """(bytes of a malicious pickle, the marker file it would create)."""
    marker = tmp_path / "marker.txt"
    data = pickle.dumps(WritesMarker(marker))
    # It really is a code-running pickle: it calls a global (exec) through the REDUCE opcode.
    ops = {op.name for op, _, _ in pickletools.genops(data)}
    assert "REDUCE" in ops and b"exec" in data
    return data, marker


@pytest.fixture(autouse=True)
def no_key_from_the_environment():
    """No test inherits $GATELAB_TOKEN, and none leaks one (`gatelab serve` sets it)."""
    saved = os.environ.pop("GATELAB_TOKEN", None)
    yield
    os.environ.pop("GATELAB_TOKEN", None)
    if saved is not None:
        os.environ["GATELAB_TOKEN"] = saved


@pytest.fixture
def korean():
    """Korean messages and the Hangul font for one test; English and matplotlib's settings after."""
    with matplotlib.rc_context():
        set_language("ko")
        try:
            yield
        finally:
            set_language("en")
