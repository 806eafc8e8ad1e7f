"""Lesson 05's exercises: the bytes of a float32 model, the servers to train a large one, and a
network saved to safetensors and loaded into a fresh one."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

from gatelab.exercises._core import Wrong, exercise
from gatelab.exercises._shared import as_number, expect_count
from gatelab.gates import truth_table
from gatelab.language import tr, translatable
from gatelab.memory import SERVER_GB, servers_needed, weights_bytes


@exercise(
    translatable("Exercise 5.1 (bytes for {parameters} float32 parameters)"), shows_verdict=True
)
def check_float32_bytes(answer: Any, parameters: int = 1_000_000) -> str | None:
    """Ex 5.1: raw bytes of a model with `parameters` float32 numbers."""
    hints = {
        weights_bytes(parameters, "float64"): tr(
            "that is float64 (8 bytes each); float32 is 32 bits = 4 bytes"
        ),
        parameters * 32: tr("32 is the number of bits; a byte is 8 bits"),
        weights_bytes(parameters, "float16"): tr("that is float16; float32 takes 4 bytes"),
        parameters: tr(
            "that is the number of parameters: multiply it by the bytes that one float32 "
            "number takes"
        ),
    }
    return expect_count(answer, weights_bytes(parameters, "float32"), hints)


TRAINING_BYTES_PER_PARAMETER = 16  # mixed-precision Adam, as lesson 05 counts it
TRAINED_PARAMETERS = 175 * 10**9  # Ex 5.2's model


@exercise(
    translatable("Exercise 5.2 (servers to train 175 billion parameters)"), shows_verdict=True
)
def check_training_servers(answer: Any) -> str | None:
    """Ex 5.2: 8×80 GB servers to TRAIN 175 billion parameters at 16 bytes each (no activations)."""
    parameters, per_parameter = TRAINED_PARAMETERS, TRAINING_BYTES_PER_PARAMETER
    expected = math.ceil(parameters * per_parameter / (SERVER_GB * 10**9))
    value = as_number(answer)
    if value is not None and value != int(value):
        raise Wrong(tr("part of a server is still a whole server: round up"))
    hints = {expected - 1: tr("round up: part of a server is still a whole server")}
    for dtype in ("float16", "float32", "float64"):
        hints.setdefault(
            servers_needed(parameters, dtype),
            tr(
                "that holds the {dtype} weights alone; training keeps {bytes} bytes per parameter",
                dtype=dtype,
                bytes=per_parameter,
            ),
        )
    hints.setdefault(
        round(parameters * per_parameter / 10**9),
        tr("that is the memory in GB: how many 640 GB servers hold it?"),
    )
    hints.pop(expected, None)
    return expect_count(answer, expected, hints)


@exercise(translatable("Exercise 5.3 (save and load the XOR network)"), shows_verdict=True)
def check_xor_round_trip(answer: Any, trained: Any = None, path: Any = None) -> str:
    """Ex 5.3: `trained` saved to safetensors at `path` and loaded into a fresh network (answer)."""
    import torch
    from torch import nn

    if not isinstance(trained, nn.Module):
        raise Wrong(tr("pass all three: check_xor_round_trip(fresh, trained, path)"))
    if hasattr(answer, "missing_keys") and hasattr(answer, "unexpected_keys"):
        raise Wrong(
            tr(
                "that is what load_state_dict returns: a report of missing and unexpected "
                "keys, not the network; pass the network you loaded the file into"
            )
        )
    if not isinstance(answer, nn.Module):
        raise Wrong(tr("pass the fresh network you loaded the file into, e.g. a GateMLP"))
    if answer is trained:
        raise Wrong(
            tr(
                "that is `trained` itself: it had these weights before anything was loaded, "
                "so it proves nothing; the check needs a second, fresh network"
            )
        )
    X = torch.as_tensor(truth_table("XOR")[0], dtype=torch.float32)
    with torch.no_grad():
        trained_logits = trained(X)
    if not np.array_equal((trained_logits >= 0).int().numpy(), truth_table("XOR")[1]):
        raise Wrong(tr("`trained` does not compute XOR: keep the line that trains it"))
    expected = {name: tensor.detach() for name, tensor in trained.state_dict().items()}
    loaded = {name: tensor.detach() for name, tensor in answer.state_dict().items()}
    if path is not None:
        _check_saved_file(Path(path), expected, loaded)
    if loaded.keys() == expected.keys():
        for name, tensor in expected.items():
            if loaded[name].shape != tensor.shape:
                raise Wrong(
                    tr(
                        "the fresh network's {name} has shape {got}, trained's has {wanted}: "
                        "the two networks are not the same size",
                        name=name,
                        got=tuple(loaded[name].shape),
                        wanted=tuple(tensor.shape),
                    )
                )
    if not _same_tensors(loaded, expected):
        raise Wrong(
            tr(
                "the fresh network still has its own random starting weights: "
                "the tensors in the file never reached it"
            )
        )
    with torch.no_grad():
        if not torch.equal(answer(X), trained_logits):
            raise Wrong(
                tr(
                    "same weights, other answers: the fresh network is built differently; "
                    "compare its architecture with trained's"
                )
            )
    return tr("the fresh network gives exactly trained's logits on all four rows")


def _same_tensors(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two state dicts hold the same names, shapes and numbers."""
    import torch

    return a.keys() == b.keys() and all(
        a[k].shape == b[k].shape and torch.equal(a[k], b[k]) for k in a
    )


def _check_saved_file(path: Path, expected: dict[str, Any], loaded: dict[str, Any]) -> None:
    """A ✗ if the file at `path` is missing, not safetensors, or not trained's weights."""
    from safetensors.torch import load_file

    if not path.is_file():
        raise Wrong(tr("there is no file {name}: nothing was saved at `path`", name=path.name))
    try:
        saved = load_file(path)
    except Exception:  # safetensors raises its own error types for a foreign file
        if path.read_bytes()[:2] == b"PK":
            raise Wrong(
                tr(
                    "that file was written by torch.save (a zip with a pickle inside), "
                    "not in the safetensors format"
                )
            ) from None
        raise Wrong(
            tr(
                "{name} is not a safetensors file: it does not start with a safetensors header",
                name=path.name,
            )
        ) from None
    if saved.keys() != expected.keys():
        raise Wrong(
            tr(
                "the file holds tensors named {saved}, but trained's state_dict has {expected}",
                saved=", ".join(sorted(saved)) or "-",
                expected=", ".join(sorted(expected)),
            )
        )
    if _same_tensors(saved, loaded) and not _same_tensors(saved, expected):
        raise Wrong(
            tr(
                "the file holds the fresh network's random weights, not trained's: "
                "which network did you save?"
            )
        )
    if not _same_tensors(saved, expected):
        raise Wrong(
            tr(
                "the file's weights are not trained's: did you save an untrained network, "
                "or save before training?"
            )
        )
