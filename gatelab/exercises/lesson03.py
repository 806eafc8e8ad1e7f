"""Lesson 03's exercises: a line that gets three of XOR's four corners right, and XNOR built
from trained gates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from gatelab.exercises._core import Wrong, exercise, run_answer
from gatelab.exercises._shared import watching_calls, weights_and_bias
from gatelab.gates import get_gate, truth_table
from gatelab.language import tr, translatable
from gatelab.perceptron import Perceptron


@exercise(translatable("Exercise 3.1 (the fourth corner)"))
def check_xor_missing_corner(answer: Any) -> str:
    """Ex 3.1: a line that gets 3 of XOR's 4 rows right, its one mistake at (1, 0)."""
    pair = weights_and_bias(answer)
    if pair is None:
        raise Wrong(tr("give the answer as a pair: answer = ({shape})", shape="[w1, w2], b"))
    weights, bias = pair
    if weights.shape != (2,):
        raise Wrong(tr("XOR has two inputs, so give 2 weights"))
    if not weights.any():
        raise Wrong(
            tr(
                "with w = (0, 0) there is no line: the sum is b at every point, so all four "
                "points get the same answer; give at least one weight a value other than 0"
            )
        )
    if not (np.isfinite(weights).all() and np.isfinite(bias)):
        raise Wrong(tr("give finite numbers: a weight or the bias is inf or nan"))
    X, y = truth_table("XOR")
    said = Perceptron.from_weights(weights, bias).predict(X)
    wrong = [tuple(int(v) for v in row) for row in X[said != y]]
    if wrong == [(1, 0)]:
        return tr("3 of 4 right, and the one wrong point is (1, 0)")
    if len(wrong) == 1:
        raise Wrong(
            tr(
                "3 of 4 right, but the wrong point is {point}: make (1, 0) the wrong one",
                point=wrong[0],
            )
        )
    raise Wrong(
        tr(
            "{count} of 4 are on the wrong side; a line gets 3 right when one point is alone "
            "on one side of it and the other three share the other side",
            count=len(wrong),
        )
    )


def _first_wrong_row(gate_name: str, function: Callable[..., Any]) -> str | None:
    """What `function` gets wrong in the gate's truth table, or None if it computes the gate."""
    gate = get_gate(gate_name)

    def output(*bits: int) -> int:
        return int(function(*bits))  # int() fails on None: a function that returns nothing

    for row, target in zip(gate.inputs, gate.targets):
        bits = tuple(int(v) for v in row)
        got = run_answer(output, *bits, run=tr("inputs {bits}", bits=bits))
        if got != target:
            return tr(
                "on inputs {bits} it gives {got}, but {gate} is {target}",
                bits=bits,
                got=got,
                gate=gate.name,
                target=target,
            )
    return None


@exercise(translatable("Exercise 3.2 (XNOR from gates)"))
def check_xnor_from_gates(answer: Any) -> str:
    """Ex 3.2: a function f(a, b) built from trained gates that computes XNOR."""
    if not callable(answer):
        raise Wrong(tr("pass a function of two inputs, e.g. def xnor(a, b): ..."))
    with watching_calls(Perceptron, "predict") as calls:
        slip = _first_wrong_row("XNOR", answer)
    if slip is not None and _first_wrong_row("XOR", answer) is None:
        raise Wrong(
            tr(
                "that computes XOR, so every answer is flipped; look at XNOR's rows that are 1 "
                "and ask which trained gate says 1 on each of them"
            )
        )
    if slip is not None:
        raise Wrong(slip)
    if not calls.called:
        raise Wrong(
            tr("right table, but no trained perceptron answered: build it from gates' .predict")
        )
    return tr("it reproduces the whole {gate} truth table", gate="XNOR")
