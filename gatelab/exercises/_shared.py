"""What several lessons' checks share: reading a number, a list of bits or a pair of weights and
bias, the check of a whole-number answer and of a gate's weights, and counting a method's calls."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from typing import Any
from unittest import mock

import numpy as np

from gatelab.exercises._core import Wrong
from gatelab.gates import get_gate
from gatelab.language import tr
from gatelab.perceptron import step, train_gate


def as_number(answer: Any) -> float | None:
    """The answer as a float, or None if it is not a plain number."""
    if isinstance(answer, bool):
        return None
    try:
        value = float(answer)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an int too big for a float
        return None
    return value if math.isfinite(value) else None


def short(value: float) -> str:
    """A number printed short, the same on every machine."""
    return f"{value:.3g}"


def bits_or_none(values: Any) -> list[int] | None:
    """`values` as a list of 0s and 1s, or None if it is not a sequence of bits."""
    if isinstance(values, (str, bytes)):
        return None
    try:
        bits = [as_number(value) for value in values]
    except TypeError:  # not iterable
        return None
    if any(bit not in (0, 1) for bit in bits):
        return None
    return [int(bit) for bit in bits]


def weights_and_bias(answer: Any) -> tuple[np.ndarray, float] | None:
    """A (weights, bias) pair as a flat array and one number, or None if it is not such a pair."""
    try:
        weights, bias = answer
        weights = np.asarray(weights, dtype=float).reshape(-1)
        bias = np.asarray(bias, dtype=float).reshape(-1)  # np.random.rand(1) is one number too
    except (TypeError, ValueError, OverflowError):
        return None
    if bias.shape != (1,):  # a list here would hide extra values
        return None
    return weights, float(bias[0])


def expect_count(
    answer: Any, expected: int, hints: dict[int, str], praise: str | None = None
) -> str | None:
    """Check a whole-number answer, with a hint for each typical wrong value; return `praise`."""
    value = as_number(answer)
    if value is None or value != int(value):
        raise Wrong(tr("answer with a whole number, got {answer}", answer=repr(answer)))
    value = int(value)
    if value == expected:
        return praise
    if value in hints:
        raise Wrong(hints[value])
    if value > expected:
        raise Wrong(tr("{value} is too high", value=value))
    raise Wrong(tr("{value} is too low", value=value))


def expect_epoch(answer: Any, hints: dict[int, str], overshoot: str, **run: Any) -> str | None:
    """Check the epoch in which train_gate(**run) first makes no mistake (Ex 1.2 and 2.3).

    `hints` name the other runs a student may have read the epoch from; `overshoot` says on a ✓
    why a big learning rate takes more epochs than the lesson's 0.1.
    """
    expected = train_gate(**run).converged_epoch_
    close = tr(
        "close: that many epochs still made a mistake; training stops after "
        "the first epoch with none, and that epoch counts"
    )
    steps = tr("that is the number of steps (rows × epochs), not epochs")
    hints = {expected - 1: close} | hints | {expected * 4: steps}  # a run's own hint wins
    return expect_count(answer, expected, hints, praise=overshoot)


def expect_gate_weights(gate_name: str, answer: Any) -> str:
    """Check that (weights, bias) make step(w · x + b) compute the gate on every row."""
    gate = get_gate(gate_name)
    pair = weights_and_bias(answer)
    if pair is None:
        shape = "[w1, w2], b" if gate.arity == 2 else "[w], b"
        raise Wrong(tr("give the answer as a pair: answer = ({shape})", shape=shape))
    weights, bias = pair
    if weights.shape != (gate.arity,):
        raise Wrong(
            tr(
                "{gate} takes {arity} input(s), so give {arity} weight(s)",
                gate=gate.name,
                arity=gate.arity,
            )
        )
    for row, target in zip(gate.inputs, gate.targets):
        total = float(row @ weights + bias)
        if step(total) != target:
            point = tuple(int(v) for v in row)
            raise Wrong(
                tr(
                    "your boundary misclassifies {point}: its weighted sum is {total} {sign} 0, "
                    "so the step gives {output} but {gate} wants {target}",
                    point=f"({point[0]})" if len(point) == 1 else str(point),
                    total=short(total),
                    sign="≥" if total >= 0 else "<",
                    output=step(total),
                    gate=gate.name,
                    target=int(target),
                )
            )
    return tr("these weights compute {gate} on every row", gate=gate.name)


@contextlib.contextmanager
def watching_calls(cls: type, method: str) -> Iterator[mock.MagicMock]:
    """Watch cls.method while a student's function runs: it still works; .called tells."""
    with mock.patch.object(cls, method, autospec=True, side_effect=getattr(cls, method)) as spy:
        yield spy
