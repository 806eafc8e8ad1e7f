"""Lesson 01's exercises: NAND by hand, a bigger learning rate, one step of the rule, and the
learning rule written as a function. Each check runs gatelab's own perceptron to know the answer."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from gatelab.exercises._core import Wrong, exercise, run_answer
from gatelab.exercises._shared import (
    expect_epoch,
    expect_gate_weights,
    watching_calls,
    weights_and_bias,
)
from gatelab.gates import truth_table
from gatelab.language import tr, translatable
from gatelab.perceptron import Perceptron, random_start, step, train_gate


@exercise(translatable("Exercise 1.1 (NAND by hand)"))
def check_nand_weights(answer: Any) -> str:
    """Ex 1.1: weights and bias, set by hand, that make the perceptron compute NAND."""
    return expect_gate_weights("NAND", answer)


@exercise(translatable("Exercise 1.2 (a bigger learning rate)"))
def check_and_epochs(answer: Any) -> str | None:
    """Ex 1.2: the epoch in which AND training at learning rate 0.5, seed 0 makes no mistake."""
    printed = train_gate("AND", learning_rate=0.1, seed=0).converged_epoch_  # shown in the lesson
    hint = tr(
        "{epochs} epochs is the run at learning rate 0.1 shown in the lesson; "
        "train again with learning_rate=0.5 and read converged_epoch_",
        epochs=printed,
    )
    why = tr(
        "more epochs than at rate 0.1: a step of 0.5 pushes the line too far (it overshoots), "
        "so a row that was right goes wrong and later steps must fix it"
    )
    return expect_epoch(answer, {printed: hint}, why, gate="AND", learning_rate=0.5, seed=0)


# Ex 1.3's question: one update from w = [0.5, 0.5], b = 0 on the input (0, 1) with target 0.
FIRST_UPDATE = {"weights": (0.5, 0.5), "bias": 0.0, "row": (0, 1), "target": 0, "rate": 0.1}


def _first_update(slip: str = "") -> np.ndarray:
    """The weights after Ex 1.3's update, by the rule (or with one of its slips)."""
    q = FIRST_UPDATE
    X, y = np.array([q["row"]], dtype=float), np.array([q["target"]])
    return _slipped_rule(X, y, np.array(q["weights"]), q["bias"], q["rate"], 1, slip)[0]


@exercise(translatable("Exercise 1.3 (one step of the rule)"))
def check_first_update(answer: Any) -> str:
    """Ex 1.3: the new weights after the one update of FIRST_UPDATE."""
    try:
        weights = np.asarray(answer, dtype=float).reshape(-1)
    except (TypeError, ValueError, OverflowError):
        raise Wrong(tr("give the new weights as a list: answer = [w1, w2]")) from None
    if weights.shape != (2,):
        raise Wrong(tr("give the two new weights: answer = [w1, w2]"))
    if np.allclose(weights, _first_update()):
        return tr("w1 stays (its input was 0) and w2 drops by 0.1")
    if np.allclose(weights, _first_update("input")):
        raise Wrong(tr("x1 was 0, so w1 gets 0.1 × error × 0: it does not move"))
    if np.allclose(weights, _first_update("sign")):
        raise Wrong(tr("check the sign of the error: target − prediction = 0 − 1 = −1"))
    if np.allclose(weights, FIRST_UPDATE["weights"]):
        raise Wrong(tr("the weighted sum is 0.5 ≥ 0, so the prediction is 1: a mistake"))
    raise Wrong(tr("use w ← w + rate × (target − prediction) × x with rate 0.1"))


# The runs Ex 1.4 checks a student's loop on: (gate, learning rate, start, epochs). The start is
# a seed of the random start, or None for w = (0, 0), b = 0, where the first sum is exactly 0.
# NAND needs more than 5 epochs from seed 0, so its budget of 5 stops it with mistakes left.
# Rate 0.5 from the zero start keeps every number exact, whatever order a loop adds in.
LEARNING_RULE_RUNS = (
    ("AND", 0.1, 2, 100),
    ("OR", 0.5, 1, 100),
    ("NAND", 0.1, 0, 5),
    ("AND", 0.5, None, 100),
)

# Typical slips in the learning rule, each with the hint it earns (checked in this order).
_RULE_SLIPS: dict[str, str] = {
    "sign": translatable(
        "the line moves the wrong way: the error is target − prediction, not prediction − target"
    ),
    "prediction": translatable(
        "you updated with the prediction; update with the error, target − prediction "
        "(it is 0 when the answer was right, so nothing moves)"
    ),
    "bias": translatable("the bias never changes: it needs its own update, b ← b + rate × error"),
    "input": translatable(
        "each weight moves by rate × error × its own input, so a weight whose input "
        "was 0 stays where it is"
    ),
    "rate": translatable("the steps are too big: multiply each update by the learning rate"),
    "bias_rate": translatable(
        "the bias moves by the whole error: multiply its update by the learning rate too"
    ),
    "fixed_rate": translatable(
        "every step uses the rate 0.1: use the learning_rate your function is given"
    ),
    "strict": translatable(
        "a weighted sum of exactly 0 must give 1: the step fires when the sum is ≥ 0, not only > 0"
    ),
    "reseed": translatable(
        "your function makes its own random start and ignores the one it is given: "
        "start from the weights and bias passed in"
    ),
    "budget": translatable(
        "your loop ignores `epochs`: with epochs=5 it must stop after 5 passes, "
        "even when mistakes are left"
    ),
    "copied": translatable(
        "your function sets its own start, rate and number of epochs, as the lesson's cell does: "
        "use the weights, bias, learning_rate and epochs it is given"
    ),
    "batch": translatable(
        "update after every row, before the next row's weighted sum: you computed a "
        "whole epoch's predictions with the weights from the start of the epoch"
    ),
    "stop_on_right": translatable(
        "stop only after a whole epoch without a mistake, not at the first row that is right"
    ),
    "one_epoch": translatable(
        "that is one pass over the truth table: repeat the pass up to `epochs` times"
    ),
}
# "copied" is the lesson's loop pasted into the function whole: three slips at once.
_SLIP_PARTS = {"copied": {"reseed", "fixed_rate", "budget"}}
# Slips that often come two at a time (a loop copied from the lesson and half adapted): a pair
# is named by its first slip's hint, so the student fixes one, then hears about the other.
_PAIRED = ("reseed", "fixed_rate", "strict", "bias_rate", "budget")
_SLIP_HINTS = _RULE_SLIPS | {
    f"{first}+{second}": _RULE_SLIPS[first]
    for i, first in enumerate(_PAIRED)
    for second in _PAIRED[i + 1 :]
}


def _slipped_rule(
    X: np.ndarray,
    y: np.ndarray,
    weights: np.ndarray,
    bias: float,
    rate: float,
    epochs: int,
    slip: str = "",
) -> tuple[np.ndarray, float]:
    """The learning rule with typical slips (see _SLIP_HINTS: "a+b" is two); none for ""."""
    slips = set().union(*(_SLIP_PARTS.get(part, {part}) for part in slip.split("+")))
    if "reseed" in slips:
        weights, bias = random_start(2, 0)  # the lesson's own start: seed 0
    rate = 0.1 if "fixed_rate" in slips else rate  # the lesson's rate
    epochs = 100 if "budget" in slips else epochs  # until no mistake, for every run here
    weights = weights.astype(float)
    for _ in range(1 if "one_epoch" in slips else epochs):
        mistakes, updates = 0, []
        frozen = weights.copy(), bias  # what a student who batches the epoch predicts with
        for row, target in zip(X, y):
            w_now, b_now = frozen if "batch" in slips else (weights, bias)
            total = float(row @ w_now + b_now)
            prediction = int(total > 0) if "strict" in slips else step(total)
            error = int(target) - prediction
            if "stop_on_right" in slips and error == 0:
                return weights, bias
            change = prediction if "prediction" in slips else -error if "sign" in slips else error
            factor = 1.0 if "rate" in slips else rate
            step_w = factor * change * (np.ones_like(row) if "input" in slips else row)
            step_b = 0.0 if "bias" in slips else change if "bias_rate" in slips else factor * change
            mistakes += error != 0
            if "batch" in slips:
                updates.append((step_w, step_b))
            else:
                weights, bias = weights + step_w, bias + step_b
        for step_w, step_b in updates:
            weights, bias = weights + step_w, bias + step_b
        if mistakes == 0:
            break
    return weights, bias


def _run_start(start: int | None) -> tuple[np.ndarray, float]:
    """The weights and bias a run starts from: seed `start`'s random start, or zeros for None."""
    return random_start(2, start) if start is not None else (np.zeros(2), 0.0)


def _run_name(gate: str, rate: float, start: int | None, epochs: int) -> str:
    """A run of Ex 1.4 in words, for a hint."""
    if start is None:
        return tr("{gate} with learning rate {rate} from w = (0, 0), b = 0", gate=gate, rate=rate)
    if epochs != 100:
        return tr(
            "{gate} with learning rate {rate} and epochs={epochs} from seed {seed}'s start",
            gate=gate,
            rate=rate,
            epochs=epochs,
            seed=start,
        )
    return tr(
        "{gate} with learning rate {rate} from seed {seed}'s start",
        gate=gate,
        rate=rate,
        seed=start,
    )


def _library_rule(
    X: np.ndarray, y: np.ndarray, rate: float, start: int | None, epochs: int
) -> tuple[np.ndarray, float]:
    """What the library learns on a run: Perceptron.fit from a seed, the same rule from zeros."""
    if start is None:  # fit always starts from a seed's random start
        return _slipped_rule(X, y, *_run_start(start), rate, epochs)
    fitted = Perceptron(learning_rate=rate, epochs=epochs, seed=start).fit(X, y)
    return fitted.weights_, fitted.bias_


def _same_line(a: tuple[np.ndarray, float], b: tuple[np.ndarray, float]) -> bool:
    """Whether two (weights, bias) pairs are equal up to rounding."""
    return bool(np.allclose(a[0], b[0]) and math.isclose(a[1], b[1], abs_tol=1e-9))


@exercise(translatable("Exercise 1.4 (write the learning rule)"))
def check_learning_rule(answer: Any) -> str:
    """Ex 1.4: a function train(X, y, weights, bias, learning_rate, epochs) -> (weights, bias)."""
    if not callable(answer):
        raise Wrong(tr("pass your function itself: answer = train (no brackets)"))
    answers = []  # per run: its name, the student's result, the library's, each slip's
    for gate, rate, start, epochs in LEARNING_RULE_RUNS:
        X, y = truth_table(gate)
        start_w, start_b = _run_start(start)
        run = _run_name(gate, rate, start, epochs)
        with watching_calls(Perceptron, "fit") as calls:
            arguments = (X.copy(), y.copy(), start_w.copy(), start_b, rate, epochs)
            result = run_answer(answer, *arguments, run=run)
        if calls.called:
            raise Wrong(tr("write the loop yourself: do not call Perceptron.fit in it"))
        if result is None:
            raise Wrong(tr("your function returns nothing: end it with return weights, bias"))
        got = weights_and_bias(result)
        if got is None or got[0].shape != (2,):
            raise Wrong(tr("return two things: the 2 weights and the bias"))
        slips = {s: _slipped_rule(X, y, start_w, start_b, rate, epochs, s) for s in _SLIP_HINTS}
        answers.append((run, got, _library_rule(X, y, rate, start, epochs), slips))
    wrong_runs = [run for run, got, library, _ in answers if not _same_line(got, library)]
    if not wrong_runs:
        return tr("your loop learns exactly what Perceptron.fit learns")
    # Name a slip only when it explains every run, so that two slips are never confused.
    for slip, hint in _SLIP_HINTS.items():
        if all(_same_line(got, slips[slip]) for _, got, _, slips in answers):
            raise Wrong(tr(hint))
    raise Wrong(
        tr(
            "on {run} your final weights differ from the library's: print each step "
            "(sum, step, error, new weights) and compare it with the rule",
            run=wrong_runs[0],
        )
    )
