"""gatelab: from one perceptron to a served model, one lesson at a time.

`import gatelab` stays light: it loads numpy only. Torch, FastAPI and matplotlib
are imported by the modules that use them (gatelab.mlp, gatelab.api, gatelab.plots);
`check_api` loads gatelab.check (and httpx) the first time it is used.
"""

from importlib.metadata import PackageNotFoundError, version

from gatelab.gates import GATE_NAMES, LINEAR_GATES, Gate, UnknownGateError, get_gate, truth_table
from gatelab.language import get_language, set_language
from gatelab.perceptron import NotFittedError, Perceptron, TrainingStep, train_gate

try:
    __version__ = version("gatelab")  # the installed package's metadata: pyproject.toml's version
except PackageNotFoundError:  # run from a folder that was never installed
    __version__ = "0+unknown"

__all__ = [
    "GATE_NAMES",
    "LINEAR_GATES",
    "Gate",
    "NotFittedError",
    "Perceptron",
    "TrainingStep",
    "UnknownGateError",
    "__version__",
    "check_api",
    "get_gate",
    "get_language",
    "set_language",
    "train_gate",
    "truth_table",
]


def __getattr__(name: str) -> object:
    """`gatelab.check_api`, imported on first use so that `import gatelab` stays light."""
    if name == "check_api":
        from gatelab.check import check_api

        return check_api
    raise AttributeError(f"module 'gatelab' has no attribute {name!r}")
