"""Exercises with instant feedback: each check takes a student's answer and says ✓ or ✗ with a hint.

In a notebook::

    from gatelab import exercises as ex
    answer = ...                       # the student replaces ... with their answer
    ex.check_nand_weights(answer)      # shows ✓, ✗ with a specific hint, or "not attempted yet"

Checks never raise on a wrong or malformed answer: they explain what was expected instead.
Reference solutions live in tests/test_exercises.py, not here and not in the lessons.
"""

from __future__ import annotations

import contextlib
import functools
import html
import math
import tempfile
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from gatelab.gates import get_gate, truth_table
from gatelab.language import count_text, tr, translatable
from gatelab.memory import SERVER_GB, servers_needed, weights_bytes
from gatelab.perceptron import Perceptron, random_start, step, train_gate

NOT_ATTEMPTED = "not attempted yet"  # a status, like "correct": the same in every language
_SYMBOLS = {"correct": "✓", "wrong": "✗", NOT_ATTEMPTED: "…"}
_COLOURS = {"correct": "#1a7f37", "wrong": "#cf222e", NOT_ATTEMPTED: "#6e7781"}


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one answer: status is "correct", "wrong" or "not attempted yet"."""

    exercise: str
    status: str
    message: str

    @property
    def passed(self) -> bool:
        """True only for a correct answer."""
        return self.status == "correct"

    def __str__(self) -> str:
        return f"{_SYMBOLS[self.status]} {self.exercise}: {self.message}"

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        """Jupyter shows a coloured ✓/✗ line instead of the plain text."""
        colour = _COLOURS[self.status]
        return (
            f'<div style="border-left: 4px solid {colour}; padding: 4px 10px;">'
            f'<b style="color: {colour};">{_SYMBOLS[self.status]} {html.escape(self.exercise)}</b>'
            f": {html.escape(self.message)}</div>"
        )


def _correct(exercise: str, message: str | None = None) -> CheckResult:
    """A ✓ verdict; `message` (already passed through tr) says what was right."""
    if message is None:
        return CheckResult(exercise, "correct", tr("correct!"))
    # English shows the message alone; Korean puts "맞았습니다!" before it.
    return CheckResult(exercise, "correct", tr("{praise}", praise=message))


def _wrong(exercise: str, hint: str) -> CheckResult:
    """A ✗ verdict; `hint` (already passed through tr) says what to change."""
    # English shows the hint alone; Korean puts "다시 해 보세요:" before it.
    return CheckResult(exercise, "wrong", tr("{hint}", hint=hint))


def _not_attempted(exercise: str) -> CheckResult:
    return CheckResult(
        exercise,
        NOT_ATTEMPTED,
        tr("not attempted yet: replace `...` with your answer and run the cell again"),
    )


class _ShownCheckResult(CheckResult):
    """A verdict the check has already shown in the notebook (see _shows_verdict)."""

    def _ipython_display_(self) -> None:
        """Show nothing as the same cell's last value: the verdict is already on the page."""
        from IPython import get_ipython
        from IPython.display import display

        shell = get_ipython()
        if shell is None or shell.execution_count != getattr(self, "_cell", None):
            display(CheckResult(self.exercise, self.status, self.message))


def _shows_verdict(check: Callable[..., CheckResult]) -> Callable[..., CheckResult]:
    """Make a check show its verdict itself in a notebook, so code after it cannot hide it."""

    @functools.wraps(check)
    def showing(*args: Any, **kwargs: Any) -> CheckResult:
        result = check(*args, **kwargs)
        try:
            from IPython import get_ipython
        except ImportError:  # plain Python: the caller prints the result
            return result
        shell = get_ipython()
        if shell is None or not hasattr(shell, "kernel"):  # not a notebook kernel
            return result
        from IPython.display import display

        display(result)
        shown = _ShownCheckResult(result.exercise, result.status, result.message)
        object.__setattr__(shown, "_cell", shell.execution_count)  # the cell that showed it
        return shown

    return showing


def _is_placeholder(answer: Any) -> bool:
    return answer is ... or answer is None


def _as_number(answer: Any) -> float | None:
    """The answer as a float, or None if it is not a plain number."""
    if isinstance(answer, bool):
        return None
    try:
        value = float(answer)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an int too big for a float
        return None
    return value if math.isfinite(value) else None


def _fmt(value: float) -> str:
    """A number printed short, the same on every machine."""
    return f"{value:.3g}"


def _check_weights_for_gate(exercise: str, gate_name: str, answer: Any) -> CheckResult:
    """Shared check: do (weights, bias) make step(w · x + b) compute the gate?"""
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    gate = get_gate(gate_name)
    try:
        weights, bias = answer
        weights = np.asarray(weights, dtype=float).reshape(-1)
        bias = float(bias)  # one number: a list here would hide extra values
    except (TypeError, ValueError, OverflowError):
        shape = "[w1, w2], b" if gate.arity == 2 else "[w], b"
        return _wrong(exercise, tr("give the answer as a pair: answer = ({shape})", shape=shape))
    if weights.shape != (gate.arity,):
        return _wrong(
            exercise,
            tr(
                "{gate} takes {arity} input(s), so give {arity} weight(s)",
                gate=gate.name,
                arity=gate.arity,
            ),
        )
    for row, target in zip(gate.inputs, gate.targets):
        total = float(row @ weights + bias)
        if step(total) != target:
            sign = "≥" if total >= 0 else "<"
            point = tuple(int(v) for v in row)
            point_text = f"({point[0]})" if len(point) == 1 else str(point)
            return _wrong(
                exercise,
                tr(
                    "your boundary misclassifies {point}: its weighted sum is {total} {sign} 0, "
                    "so the step gives {output} but {gate} wants {target}",
                    point=point_text,
                    total=_fmt(total),
                    sign=sign,
                    output=step(total),
                    gate=gate.name,
                    target=int(target),
                ),
            )
    return _correct(exercise, tr("these weights compute {gate} on every row", gate=gate.name))


def _check_truth_table(exercise: str, gate_name: str, fn: Callable[..., Any]) -> CheckResult:
    """Shared check: does a function or model reproduce a gate's truth table?"""
    gate = get_gate(gate_name)
    for row, target in zip(gate.inputs, gate.targets):
        bits = tuple(int(v) for v in row)
        try:
            got = int(fn(*bits))
        except Exception as exc:  # a student's function may fail in any way; say how
            return _wrong(
                exercise,
                tr(
                    "calling it on {bits} raised {error}: {detail}",
                    bits=bits,
                    error=type(exc).__name__,
                    detail=exc,
                ),
            )
        if got != target:
            return _wrong(
                exercise,
                tr(
                    "on inputs {bits} it gives {got}, but {gate} is {target}",
                    bits=bits,
                    got=got,
                    gate=gate.name,
                    target=target,
                ),
            )
    return _correct(exercise, tr("it reproduces the whole {gate} truth table", gate=gate.name))


def _check_count(
    exercise: str,
    answer: Any,
    expected: int,
    hints: dict[int, str],
    praise: str | None = None,
) -> CheckResult:
    """Shared check for a whole-number answer, with hints for typical wrong values.

    `praise` (already passed through tr) says why the right number is right.
    """
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    value = _as_number(answer)
    if value is None or value != int(value):
        return _wrong(exercise, tr("answer with a whole number, got {answer}", answer=repr(answer)))
    value = int(value)
    if value == expected:
        return _correct(exercise, praise)
    if value in hints:
        return _wrong(exercise, hints[value])
    if value > expected:
        return _wrong(exercise, tr("{value} is too high", value=value))
    return _wrong(exercise, tr("{value} is too low", value=value))


# ----- Lesson 01: the perceptron and AND ----------------------------------------------------


def check_nand_weights(answer: Any) -> CheckResult:
    """Ex 1.1: weights and bias, set by hand, that make the perceptron compute NAND."""
    return _check_weights_for_gate(tr("Exercise 1.1 (NAND by hand)"), "NAND", answer)


def check_and_epochs(answer: Any) -> CheckResult:
    """Ex 1.2: the epoch in which AND training at learning rate 0.5, seed 0 makes no mistake."""
    exercise = tr("Exercise 1.2 (a bigger learning rate)")
    expected = train_gate("AND", learning_rate=0.5, seed=0).converged_epoch_
    printed = train_gate("AND", learning_rate=0.1, seed=0).converged_epoch_  # 4, shown in 01
    hints = {
        printed: tr(
            "{epochs} epochs is the run at learning rate 0.1 shown in the lesson; "
            "train again with learning_rate=0.5 and read converged_epoch_",
            epochs=printed,
        ),
        expected - 1: tr(
            "close: that many epochs still made a mistake; training stops after "
            "the first epoch with none, and that epoch counts"
        ),
        expected * 4: tr("that is the number of steps (rows × epochs), not epochs"),
    }
    why = tr(
        "more epochs than at rate 0.1: a step of 0.5 pushes the line too far (it overshoots), "
        "so a row that was right goes wrong and later steps must fix it"
    )
    return _check_count(exercise, answer, expected, hints, praise=why)


def check_first_update(answer: Any) -> CheckResult:
    """Ex 1.3: new weights after one update from w = [0.5, 0.5], b = 0 on input (0, 1), target 0."""
    exercise = tr("Exercise 1.3 (one step of the rule)")
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    # z = 0.5 ≥ 0 → prediction 1, error = 0 − 1 = −1, rate 0.1: w2 and b drop by 0.1.
    expected = np.array([0.5, 0.4])
    try:
        weights = np.asarray(answer, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        return _wrong(exercise, tr("give the new weights as a list: answer = [w1, w2]"))
    if weights.shape != (2,):
        return _wrong(exercise, tr("give the two new weights: answer = [w1, w2]"))
    if np.allclose(weights, expected):
        return _correct(exercise, tr("w1 stays (its input was 0) and w2 drops by 0.1"))
    if np.allclose(weights, [0.4, 0.4]):
        return _wrong(exercise, tr("x1 was 0, so w1 gets 0.1 × error × 0: it does not move"))
    if np.allclose(weights, [0.5, 0.6]):
        return _wrong(exercise, tr("check the sign of the error: target − prediction = 0 − 1 = −1"))
    if np.allclose(weights, [0.5, 0.5]):
        return _wrong(
            exercise, tr("the weighted sum is 0.5 ≥ 0, so the prediction is 1: a mistake")
        )
    return _wrong(exercise, tr("use w ← w + rate × (target − prediction) × x with rate 0.1"))


# The runs Ex 1.4 checks a student's loop on: (gate, learning rate, start, epochs). The start is
# a seed of the random start, or None for w = (0, 0), b = 0, where the first sum is exactly 0.
# NAND needs 12 epochs from seed 0, so its budget of 5 stops it with mistakes left.
# Rate 0.5 from the zero start keeps every number exact, whatever order a loop adds in.
LEARNING_RULE_RUNS = (
    ("AND", 0.1, 2, 100),
    ("OR", 0.5, 1, 100),
    ("NAND", 0.1, 0, 5),
    ("AND", 0.5, None, 100),
)

# Typical slips in the learning rule, each with the hint it earns (checked in this order).
# The hints are English keys, translated when shown (tr).
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
# A slip made of several: "copied" is the lesson's loop pasted into the function whole.
_SLIP_PARTS = {"copied": {"reseed", "fixed_rate", "budget"}}
# Slips that often come two at a time (a loop copied from the lesson and half adapted): a pair
# is named by its first slip's hint, so the student fixes one, then hears about the other.
_PAIRED_SLIPS = ("reseed", "fixed_rate", "strict", "bias_rate", "budget")
_SLIP_HINTS: dict[str, str] = {
    **_RULE_SLIPS,
    **{
        f"{first}+{second}": _RULE_SLIPS[first]
        for i, first in enumerate(_PAIRED_SLIPS)
        for second in _PAIRED_SLIPS[i + 1 :]
    },
}


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
    if "fixed_rate" in slips:
        rate = 0.1  # the lesson's rate
    if "budget" in slips:
        epochs = 100  # until no mistake: the lesson's 20 epochs are enough for every run here
    weights = weights.astype(float)
    for _ in range(1 if "one_epoch" in slips else epochs):
        mistakes = 0
        frozen = weights.copy(), bias  # what a student who batches the epoch predicts with
        updates = []
        for row, target in zip(X, y):
            w_now, b_now = frozen if "batch" in slips else (weights, bias)
            total = float(row @ w_now + b_now)
            prediction = int(total > 0) if "strict" in slips else step(total)
            error = int(target) - prediction
            if "stop_on_right" in slips and error == 0:
                return weights, bias
            if "sign" in slips:
                error = -error
            change = prediction if "prediction" in slips else error
            factor = 1.0 if "rate" in slips else rate
            step_w = factor * change * (np.ones_like(row) if "input" in slips else row)
            step_b = factor * change
            if "bias" in slips:
                step_b = 0.0
            elif "bias_rate" in slips:
                step_b = float(change)
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


def _as_weights_and_bias(result: Any) -> tuple[np.ndarray, float] | None:
    """A student's (weights, bias) return value as arrays, or None if it is not that shape."""
    try:
        weights, bias = result
        weights = np.asarray(weights, dtype=float).reshape(-1)
        bias_array = np.asarray(bias, dtype=float).reshape(-1)  # np.random.rand(1) is fine too
    except (TypeError, ValueError):
        return None
    if weights.shape != (2,) or bias_array.shape != (1,):
        return None
    return weights, float(bias_array[0])


def _same_line(a: tuple[np.ndarray, float], b: tuple[np.ndarray, float]) -> bool:
    """Whether two (weights, bias) pairs are equal up to rounding."""
    return bool(np.allclose(a[0], b[0]) and math.isclose(a[1], b[1], abs_tol=1e-9))


def _library_rule(
    X: np.ndarray, y: np.ndarray, rate: float, start: int | None, epochs: int
) -> tuple[np.ndarray, float]:
    """What the library learns on a run: Perceptron.fit from a seed, the same rule from zeros."""
    if start is None:  # fit always starts from a seed's random start
        return _slipped_rule(X, y, *_run_start(start), rate, epochs)
    fitted = Perceptron(learning_rate=rate, epochs=epochs, seed=start).fit(X, y)
    return fitted.weights_, fitted.bias_


def check_learning_rule(answer: Any) -> CheckResult:
    """Ex 1.4: a function train(X, y, weights, bias, learning_rate, epochs) -> (weights, bias)."""
    exercise = tr("Exercise 1.4 (write the learning rule)")
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    if not callable(answer):
        return _wrong(exercise, tr("pass your function itself: answer = train (no brackets)"))
    answers = []  # per run: its name, the student's result, the library's, each slip's
    for gate, rate, start, epochs in LEARNING_RULE_RUNS:
        X, y = truth_table(gate)
        start_w, start_b = _run_start(start)
        run = _run_name(gate, rate, start, epochs)
        with _counting_calls(Perceptron, "fit") as calls:
            try:
                result = answer(X.copy(), y.copy(), start_w.copy(), start_b, rate, epochs)
            except Exception as exc:  # a student's function may fail in any way; say how
                return _wrong(
                    exercise,
                    tr(
                        "on {run} it raised {error}: {detail}",
                        run=run,
                        error=type(exc).__name__,
                        detail=exc,
                    ),
                )
        if calls["fit"]:
            return _wrong(exercise, tr("write the loop yourself: do not call Perceptron.fit in it"))
        if result is None:
            return _wrong(
                exercise, tr("your function returns nothing: end it with return weights, bias")
            )
        got = _as_weights_and_bias(result)
        if got is None:
            return _wrong(exercise, tr("return two things: the 2 weights and the bias"))
        slips = {
            slip: _slipped_rule(X, y, start_w, start_b, rate, epochs, slip) for slip in _SLIP_HINTS
        }
        answers.append((run, got, _library_rule(X, y, rate, start, epochs), slips))
    wrong_runs = [run for run, got, library, _ in answers if not _same_line(got, library)]
    if not wrong_runs:
        return _correct(exercise, tr("your loop learns exactly what Perceptron.fit learns"))
    # Name a slip only when it explains every run, so that two slips are never confused.
    for slip, hint in _SLIP_HINTS.items():
        if all(_same_line(got, slips[slip]) for _, got, _, slips in answers):
            return _wrong(exercise, tr(hint))
    return _wrong(
        exercise,
        tr(
            "on {run} your final weights differ from the library's: print each step "
            "(sum, step, error, new weights) and compare it with the rule",
            run=wrong_runs[0],
        ),
    )


# ----- Lesson 02: more linear gates ---------------------------------------------------------


# Ex 2.1: where the NOT neuron's threshold -b/w must sit (the question, not its answer).
NOT_THRESHOLD = 0.8


def check_not_threshold(answer: Any) -> CheckResult:
    """Ex 2.1: one weight and a bias that compute NOT with the threshold -b/w at NOT_THRESHOLD."""
    exercise = tr("Exercise 2.1 (NOT with a chosen threshold)")
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    try:
        weights, bias = answer
        weights = np.asarray(weights, dtype=float).reshape(-1)
        bias = float(bias)
    except (TypeError, ValueError, OverflowError):
        return _wrong(exercise, tr("give the answer as a pair: answer = ({shape})", shape="[w], b"))
    if weights.shape != (1,):
        return _wrong(
            exercise,
            tr("{gate} takes {arity} input(s), so give {arity} weight(s)", gate="NOT", arity=1),
        )
    weight = float(weights[0])
    if weight == 0:
        return _wrong(
            exercise, tr("with w = 0 the sum is the same for every x, so there is no threshold")
        )
    threshold = -bias / weight
    if not math.isclose(threshold, NOT_THRESHOLD, abs_tol=1e-9):
        return _wrong(
            exercise,
            tr(
                "your threshold −b/w is at x = {threshold}, not at {wanted}",
                threshold=_fmt(threshold),
                wanted=NOT_THRESHOLD,
            ),
        )
    if weight > 0:
        return _wrong(
            exercise,
            tr(
                "the threshold is right, but with a positive weight the neuron fires above it; "
                "NOT must fire for the small inputs"
            ),
        )
    return _check_weights_for_gate(exercise, "NOT", answer)


# Ex 2.2: the runs a student counts: NAND at learning rate 1.0 with a budget of 3 epochs.
LUCKY_SEEDS_RUN = {"gate": "NAND", "learning_rate": 1.0, "epochs": 3, "seeds": range(50)}


def _count_converged(gate: str, learning_rate: float, epochs: int, seeds: Any) -> int:
    """How many of the seeds converge within the epoch budget."""
    return sum(
        train_gate(gate, learning_rate=learning_rate, epochs=epochs, seed=seed).converged_
        for seed in seeds
    )


def check_lucky_seeds(answer: Any) -> CheckResult:
    """Ex 2.2: how many of seeds 0-49 let NAND converge within 3 epochs at learning rate 1.0."""
    exercise = tr("Exercise 2.2 (search the seeds)")
    run = LUCKY_SEEDS_RUN
    expected = _count_converged(**run)
    slow = _count_converged(run["gate"], 0.1, run["epochs"], run["seeds"])
    no_budget = _count_converged(run["gate"], run["learning_rate"], 100, run["seeds"])
    hints = {
        len(run["seeds"]) - expected: tr(
            "that many seeds did not converge: count the runs whose converged_ is True"
        ),
        slow: tr("that is the count at learning rate 0.1: train at learning rate 1.0"),
        no_budget: tr("that many converge within 100 epochs: give each run a budget of epochs=3"),
    }
    hints.pop(expected, None)
    return _check_count(exercise, answer, expected, hints)


def check_nand_fast_rate(answer: Any) -> CheckResult:
    """Ex 2.3: the epoch in which NAND, seed 3, learning rate 1.0 first makes no mistake."""
    exercise = tr("Exercise 2.3 (NAND at learning rate 1.0)")
    expected = train_gate("NAND", learning_rate=1.0, seed=3).converged_epoch_
    hints = {
        train_gate("NAND", learning_rate=0.1, seed=3).converged_epoch_: tr(
            "that is the run at learning rate 0.1: use learning_rate=1.0"
        ),
        train_gate("NAND", learning_rate=1.0, seed=0).converged_epoch_: tr(
            "that is seed 0's run: use seed=3"
        ),
        train_gate("NAND", learning_rate=0.1, seed=0).converged_epoch_: tr(
            "that is the run shown in the lesson (rate 0.1, seed 0): "
            "use learning_rate=1.0 and seed=3"
        ),
        expected * 4: tr("that is the number of steps (rows × epochs), not epochs"),
    }
    why = tr(
        "more epochs than at rate 0.1: the first step of 1.0 pushes the line too far "
        "(it overshoots), so a row that was right goes wrong and later steps must fix it"
    )
    return _check_count(exercise, answer, expected, hints, praise=why)


# ----- Lesson 03: XOR -----------------------------------------------------------------------


def check_xor_missing_corner(answer: Any) -> CheckResult:
    """Ex 3.1: a line that gets 3 of XOR's 4 rows right, its one mistake at (1, 0)."""
    exercise = tr("Exercise 3.1 (the fourth corner)")
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    try:
        weights, bias = answer
        weights = np.asarray(weights, dtype=float).reshape(-1)
        bias = float(bias)
    except (TypeError, ValueError, OverflowError):
        return _wrong(
            exercise, tr("give the answer as a pair: answer = ({shape})", shape="[w1, w2], b")
        )
    if weights.shape != (2,):
        return _wrong(exercise, tr("XOR has two inputs, so give 2 weights"))
    if not weights.any():
        return _wrong(
            exercise,
            tr(
                "with w = (0, 0) there is no line: the sum is b at every point, so all four "
                "points get the same answer; give at least one weight a value other than 0"
            ),
        )
    X, y = truth_table("XOR")
    wrong = [tuple(int(v) for v in row) for row in X[step(X @ weights + bias) != y]]
    if wrong == [(1, 0)]:
        return _correct(exercise, tr("3 of 4 right, and the one wrong point is (1, 0)"))
    if len(wrong) == 1:
        return _wrong(
            exercise,
            tr(
                "3 of 4 right, but the wrong point is {point}: make (1, 0) the wrong one",
                point=wrong[0],
            ),
        )
    return _wrong(
        exercise,
        tr(
            "{count} of 4 are on the wrong side; a line gets 3 right when one point is alone "
            "on one side of it and the other three share the other side",
            count=len(wrong),
        ),
    )


def check_xnor_from_gates(answer: Any) -> CheckResult:
    """Ex 3.2: a function f(a, b) built from trained gates that computes XNOR."""
    exercise = tr("Exercise 3.2 (XNOR from gates)")
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    if not callable(answer):
        return _wrong(exercise, tr("pass a function of two inputs, e.g. def xnor(a, b): ..."))
    with _counting_calls(Perceptron, "predict") as calls:
        result = _check_truth_table(exercise, "XNOR", answer)
    if not result.passed and _check_truth_table(exercise, "XOR", answer).passed:
        return _wrong(
            exercise,
            tr(
                "that computes XOR, so every answer is flipped; look at XNOR's rows that are 1 "
                "and ask which trained gate says 1 on each of them"
            ),
        )
    if result.passed and calls["predict"] == 0:
        return _wrong(
            exercise,
            tr("right table, but no trained perceptron answered: build it from gates' .predict"),
        )
    return result


@contextlib.contextmanager
def _counting_calls(cls: type, method: str) -> Iterator[dict[str, int]]:
    """Count calls of cls.method while a student's function runs."""
    calls = {method: 0}
    original = getattr(cls, method)

    def counting(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls[method] += 1
        return original(self, *args, **kwargs)

    setattr(cls, method, counting)
    try:
        yield calls
    finally:
        setattr(cls, method, original)


# ----- Lesson 04: XOR with PyTorch ----------------------------------------------------------
# The code checks run the student's function on small networks of the lesson's own shape
# (layers `hidden`, `act`, `output`, no parameter_count method), built here with fixed seeds.
# torch is imported inside the checks: lessons 01-03 use this module without it.


class _LayerCalled(Exception):
    """Raised when a student's forward pass calls a layer instead of using its weights."""


def _lesson_net(hidden_size: int, n_inputs: int = 2, seed: int = 0, sums_only: bool = False) -> Any:
    """A network like lesson 04's XorNet, with seeded weights (sums_only: layers refuse calls)."""
    import torch
    from torch import nn

    class SumsOnly(nn.Linear):
        def forward(self, x: Any) -> Any:
            raise _LayerCalled

    linear = SumsOnly if sums_only else nn.Linear

    class LessonNet(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.hidden = linear(n_inputs, hidden_size)
            self.act = nn.Tanh()
            self.output = linear(hidden_size, 1)

        def forward(self, x: Any) -> Any:
            return self.output(self.act(self.hidden(x))).squeeze(-1)

    with torch.random.fork_rng(devices=[]):  # leave the notebook's random numbers alone
        torch.manual_seed(seed)
        return LessonNet()


def _returns_nothing(exercise: str) -> CheckResult:
    return CheckResult(
        exercise,
        NOT_ATTEMPTED,
        tr(
            "not attempted yet: your function returns None; write its body, return the result "
            "and run the cell again"
        ),
    )


def _shape_text(n_inputs: int, hidden_size: int) -> str:
    return f"{n_inputs} → {hidden_size} → 1"


@_shows_verdict
def check_count_parameters(answer: Any) -> CheckResult:
    """Ex 4.1: a function count_parameters(model) that counts every weight and bias."""
    exercise = tr("Exercise 4.1 (count the parameters)")
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    if not callable(answer):
        return _wrong(
            exercise, tr("pass the function itself: check_count_parameters(count_parameters)")
        )
    shapes = [(2, 1), (2, 3), (2, 16), (3, 5)]  # (inputs, hidden units)
    counts = {}
    for n_inputs, hidden_size in shapes:
        shape = _shape_text(n_inputs, hidden_size)
        try:
            got = answer(_lesson_net(hidden_size, n_inputs))
        except Exception as exc:  # a student's function may fail in any way; say how
            if isinstance(exc, AttributeError) and "parameter_count" in str(exc):
                return _wrong(
                    exercise,
                    tr(
                        "parameter_count() belongs to gatelab's GateMLP only; count the numbers "
                        "in model.parameters() yourself"
                    ),
                )
            return _wrong(
                exercise,
                tr(
                    "on a {shape} network it raised {error}: {detail}",
                    shape=shape,
                    error=type(exc).__name__,
                    detail=exc,
                ),
            )
        if got is None:
            return _returns_nothing(exercise)
        value = _as_number(got)
        if value is None or value != int(value):
            return _wrong(
                exercise,
                tr(
                    "return one whole number; for a {shape} network it gave {got}",
                    shape=shape,
                    got=repr(got),
                ),
            )
        counts[(n_inputs, hidden_size)] = int(value)
    wrong = [(n, h) for n, h in shapes if counts[(n, h)] != n * h + h + h + 1]
    if not wrong:
        return _correct(exercise, tr("right for every network tried, from 2 → 1 → 1 to 3 → 5 → 1"))
    n, h = wrong[0]
    got, shape = counts[(n, h)], _shape_text(n, h)
    if got == 4:
        return _wrong(
            exercise, tr("you counted the tensors; count the numbers inside each (.numel())")
        )
    if len(set(counts.values())) == 1:
        return _wrong(
            exercise,
            tr("it gives {got} for every network: read the sizes from the model", got=got),
        )
    if got == n * h + h:
        return _wrong(
            exercise,
            tr(
                "on {shape} that is the weights only (or the hidden layer only): add the "
                "biases, and the output layer",
                shape=shape,
            ),
        )
    if all(n != 2 for n, _ in wrong):
        return _wrong(
            exercise,
            tr(
                "right with 2 inputs, not on {shape}: read the number of inputs from the model "
                "too (hidden.weight has one column per input)",
                shape=shape,
            ),
        )
    return _wrong(
        exercise,
        tr(
            "on {shape} it gives {got}, not the number of weights and biases: add up the sizes "
            "of every tensor in model.parameters()",
            shape=shape,
            got=got,
        ),
    )


@_shows_verdict
def check_forward_by_hand(answer: Any) -> CheckResult:
    """Ex 4.2: forward_by_hand(net, X), the network's logits from its weights, with @ and tanh."""
    exercise = tr("Exercise 4.2 (the forward pass by hand)")
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    if not callable(answer):
        return _wrong(
            exercise, tr("pass the function itself: check_forward_by_hand(forward_by_hand)")
        )
    import torch

    X = torch.as_tensor(truth_table("XOR")[0], dtype=torch.float32)
    for hidden_size, seed in ((8, 0), (3, 1)):  # not 2: a 2 × 2 weight needs no transpose
        net = _lesson_net(hidden_size, seed=seed, sums_only=True)
        W1, b1 = net.hidden.weight.detach(), net.hidden.bias.detach()
        W2, b2 = net.output.weight.detach(), net.output.bias.detach()
        try:
            with torch.no_grad():
                got = answer(net, X.clone())
        except _LayerCalled:
            return _wrong(
                exercise,
                tr(
                    "it calls a layer (net(X) or net.hidden(X)); write the sums out with "
                    "net.hidden.weight and net.hidden.bias instead"
                ),
            )
        except RuntimeError as exc:
            if "shapes cannot be multiplied" in str(exc) or "size mismatch" in str(exc):
                return _wrong(
                    exercise,
                    tr(
                        "the shapes do not fit: a layer's weight is (out, in), one row per unit, "
                        "so multiply by its transpose: X @ weight.T"
                    ),
                )
            return _wrong(exercise, tr("it raised RuntimeError: {detail}", detail=exc))
        except Exception as exc:  # a student's function may fail in any way; say how
            return _wrong(
                exercise,
                tr("it raised {error}: {detail}", error=type(exc).__name__, detail=exc),
            )
        if got is None:
            return _returns_nothing(exercise)
        try:
            got = torch.as_tensor(got, dtype=torch.float32).detach()
        except (TypeError, ValueError, RuntimeError):
            return _wrong(exercise, tr("return the logits as a tensor, one number per row"))
        logits = (torch.tanh(X @ W1.T + b1) @ W2.T + b2).squeeze(-1)
        if got.shape == (4, 1) and torch.allclose(got.squeeze(-1), logits, atol=1e-5):
            return _wrong(
                exercise,
                tr("right numbers, shape (4, 1): use .squeeze(-1) for one logit per row"),
            )
        if got.shape != (4,):
            return _wrong(
                exercise,
                tr("give one logit per row, shape (4,), not {shape}", shape=tuple(got.shape)),
            )
        if torch.allclose(got, logits, atol=1e-5):
            continue
        if torch.allclose(got, torch.sigmoid(logits), atol=1e-5):
            return _wrong(
                exercise,
                tr("those are probabilities: the network returns logits (no sigmoid)"),
            )
        if torch.allclose(got, ((X @ W1.T + b1) @ W2.T + b2).squeeze(-1), atol=1e-5):
            return _wrong(
                exercise, tr("the hidden sums must go through tanh before the output layer")
            )
        if torch.allclose(got, (torch.tanh(X @ W1.T) @ W2.T).squeeze(-1), atol=1e-5):
            return _wrong(exercise, tr("add each layer's bias after its weighted sum"))
        if torch.allclose(got, (torch.tanh(X @ W1.T + b1) @ W2.T).squeeze(-1), atol=1e-5):
            return _wrong(
                exercise,
                tr("the hidden layer is right, but the output layer's bias is missing"),
            )
        if torch.allclose(got, (torch.tanh(X @ W1.T) @ W2.T + b2).squeeze(-1), atol=1e-5):
            return _wrong(
                exercise,
                tr("the output layer is right, but the hidden layer's bias is missing"),
            )
        return _wrong(
            exercise,
            tr(
                "the logits differ from net(X): in your own notebook, compare each step with "
                "the layers (net.hidden(X), then net.act, then net.output) to find the first "
                "step that differs"
            ),
        )
    return _correct(exercise, tr("your logits equal net(X) for two different networks"))


_LEARNED: dict[tuple[str, int], int] = {}  # training is deterministic: count each case once


def _seeds_that_learn(gate: str, hidden_size: int) -> int:
    """Of seeds 0..9, how many train a network of this size that gets the gate 4/4."""
    from gatelab.mlp import train_gate_mlp  # torch is needed only here

    if (gate, hidden_size) not in _LEARNED:
        X, y = truth_table(gate)
        runs = (train_gate_mlp(gate, seed=s, hidden_size=hidden_size) for s in range(10))
        _LEARNED[gate, hidden_size] = sum(
            bool(np.array_equal(run.model.predict(X), y)) for run in runs
        )
    return _LEARNED[gate, hidden_size]


@_shows_verdict
def check_xnor_small_networks(answer: Any, guess: Any = None) -> CheckResult:
    """Ex 4.3: for how many of seeds 0..9 does a 3-unit network learn XNOR (run it to find out)?"""
    exercise = tr("Exercise 4.3 (XNOR with 3 hidden units)")
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    learned = _seeds_that_learn
    value = _as_number(answer)
    if value is None or value != int(value) or not 0 <= value <= 10:
        return _wrong(exercise, tr("answer with how many of the 10 seeds learn it: 0 to 10"))
    expected = learned("XNOR", 3)
    if int(value) == expected:
        if _is_placeholder(guess):
            return _correct(exercise, tr("that is what the runs give"))
        return _correct(
            exercise,
            tr("that is what the runs give (your guess before running: {guess})", guess=guess),
        )
    # Each typical slip gives a count of its own; the first slip listed wins a shared count.
    hints: dict[int, str] = {}
    hints.setdefault(learned("XOR", 3), tr("that is XOR's count: train XNOR"))
    hints.setdefault(
        learned("XNOR", 2), tr("that is the count with 2 hidden units: use hidden_size=3")
    )
    hints.setdefault(
        learned("XNOR", 8),
        tr(
            "that is what the default hidden size gives: check that your runs really "
            "have 3 hidden units"
        ),
    )
    hints.setdefault(
        10 - expected,
        tr("that is how many seeds fail: count the runs that get all four rows right"),
    )
    hints.setdefault(
        0,
        tr(
            "no run counted: check what you compare the predictions with; they must equal "
            "XNOR's targets, not the XOR targets from the lesson"
        ),
    )
    hints.pop(expected, None)
    return _wrong(
        exercise,
        hints.get(
            int(value),
            tr(
                "that is not what the runs give: print each seed's four predictions beside "
                "XNOR's targets, then count the seeds where all four agree"
            ),
        ),
    )


# The runs Ex 4.4 trains a student's loop on: (gate, hidden units, epochs, learning rate, seed).
TRAIN_LOOP_RUNS = (("XOR", 8, 300, 0.05, 0), ("XNOR", 3, 60, 0.1, 2))

# Wrong losses a student may write, each with the hint it earns (English keys, see _RULE_SLIPS).
_LOSS_SLIPS: dict[str, str] = {
    "swapped": translatable(
        "the loss gets its two inputs the wrong way round: first what the network says, "
        "then the targets"
    ),
    "squared": translatable(
        "that looks like mean squared error; the lesson trains with binary cross-entropy "
        "on the logits (section 4)"
    ),
    "sigmoid_twice": translatable(
        "the loss applies the sigmoid itself: give it the network's logits, not probabilities"
    ),
}


class _LoopTrace:
    """What a student's training loop did, seen through hooks on the network and the optimizer."""

    def __init__(self) -> None:
        self.events: list[str] = []  # "forward", "backward" and "step", in the order they came
        self.optimizers: list[Any] = []  # every optimizer that took a step
        self.last_gradient: Any = None  # the watched weight's gradient from the last backward
        self.piled_up = False  # a step saw old gradients added to this epoch's
        self.cleared = False  # a step found no gradient at all after a backward pass
        self.foreign = False  # a step by an optimizer that does not hold the model's weights

    def count(self, event: str) -> int:
        return self.events.count(event)

    def step_before_backward(self) -> bool:
        """Whether some step came after a forward pass but before its backward pass."""
        backward_done = True
        for event in self.events:
            if event == "forward":
                backward_done = False
            elif event == "backward":
                backward_done = True
            elif not backward_done:
                return True
        return False


@contextlib.contextmanager
def _watching(model: Any) -> Iterator[_LoopTrace]:
    """Record the forward passes, backward passes and optimizer steps a loop makes on `model`."""
    import torch
    from torch.optim.optimizer import register_optimizer_step_pre_hook

    trace = _LoopTrace()
    watched = model.output.bias  # every backward pass reaches it, so one weight is enough

    def on_forward(module: Any, inputs: Any, output: Any) -> None:
        trace.events.append("forward")

    def on_gradient(gradient: Any) -> None:
        trace.events.append("backward")
        trace.last_gradient = gradient.detach().clone()

    def on_step(optimizer: Any, args: Any, kwargs: Any) -> None:
        trace.events.append("step")
        if not any(optimizer is seen for seen in trace.optimizers):
            trace.optimizers.append(optimizer)
        held = [p for group in optimizer.param_groups for p in group["params"]]
        if not any(p is watched for p in held):
            trace.foreign = True
        elif watched.grad is None or not watched.grad.any():
            trace.cleared = trace.cleared or trace.count("backward") > 0
        elif trace.last_gradient is not None and not torch.allclose(
            watched.grad, trace.last_gradient
        ):
            trace.piled_up = True

    handles = [
        model.register_forward_hook(on_forward),
        watched.register_hook(on_gradient),
        register_optimizer_step_pre_hook(on_step),
    ]
    try:
        yield trace
    finally:
        for handle in handles:
            handle.remove()


def _train_with_loss(
    gate: str, hidden_size: int, epochs: int, lr: float, seed: int, slip: str
) -> Any:
    """The lesson's loop with one wrong loss (see _LOSS_SLIPS); returns the trained network."""
    import torch
    from torch import nn

    X, y = (torch.as_tensor(a, dtype=torch.float32) for a in truth_table(gate))
    model = _lesson_net(hidden_size, seed=seed)
    bce, squared = nn.BCEWithLogitsLoss(), nn.MSELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for _ in range(epochs):
        optimizer.zero_grad()
        logits = model(X)
        if slip == "swapped":
            loss = bce(y, logits)
        elif slip == "squared":
            loss = squared(logits, y)
        else:
            loss = bce(torch.sigmoid(logits), y)
        loss.backward()
        optimizer.step()
    return model


def _same_weights(a: Any, b: Any) -> bool:
    """Whether two networks of the lesson's shape hold the same weights, up to rounding."""
    import torch

    pairs = zip(a.state_dict().values(), b.state_dict().values())
    return all(torch.allclose(x, y, rtol=1e-4, atol=1e-5) for x, y in pairs)


def _loop_slip(trace: _LoopTrace, epochs: int, lr: float) -> str | None:
    """The hint for a slip the hooks saw in the order or the setup of the steps, or None."""
    if trace.count("forward") == 0:
        return tr(
            "it never runs the network it is given: train `model`, not a network from the "
            "notebook such as `net`"
        )
    if trace.count("backward") == 0:
        return tr(
            "no gradient ever reaches the weights: one of the four steps is missing, the one "
            "that fills in the gradients"
        )
    if trace.count("step") == 0:
        return tr(
            "the weights never move, so the loss never changes: one of the four steps is "
            "missing, the one that moves the weights"
        )
    if trace.foreign:
        return tr(
            "the optimizer does not hold this network's weights: make it from the parameters "
            "of `model`, the network the function is given"
        )
    if trace.step_before_backward():
        return tr(
            "the optimizer steps before the backward pass has filled in this epoch's "
            "gradients: which step needs the result of which?"
        )
    if trace.cleared:
        return tr(
            "the gradients are cleared between the backward pass and the step, so the step "
            "has nothing to follow"
        )
    if trace.count("step") != epochs:
        return tr(
            "it takes {steps} optimizer steps for epochs={epochs}: take one step per epoch",
            steps=trace.count("step"),
            epochs=epochs,
        )
    if len(trace.optimizers) > 1:
        return tr(
            "you make a new optimizer in every epoch, so Adam forgets the running averages "
            "of the gradients: make it once, before the loop"
        )
    if trace.piled_up:
        return tr(
            "the gradients pile up: PyTorch adds each backward pass's gradients to the old "
            "ones, so every epoch must start from cleared gradients. Which of the four steps "
            "does that?"
        )
    optimizer = trace.optimizers[0]
    name = type(optimizer).__name__
    if name != "Adam":
        return tr(
            "that optimizer is {name}, which moves the weights differently: the lesson "
            "trains with Adam",
            name=name,
        )
    rate = optimizer.param_groups[0]["lr"]
    if not math.isclose(float(rate), lr):
        return tr(
            "the optimizer's learning rate is {rate}: use `lr`, the rate the function is "
            "given ({lr})",
            rate=rate,
            lr=lr,
        )
    return None


def _as_losses(result: Any) -> list[float] | None:
    """A student's returned losses as plain floats (numbers or one-number tensors), or None."""
    try:  # detach first: a loss tensor still carries its gradient graph
        return [float(v.detach() if hasattr(v, "detach") else v) for v in result]
    except (TypeError, ValueError, RuntimeError):
        return None


@_shows_verdict
def check_train_loop(answer: Any) -> CheckResult:
    """Ex 4.4: train_loop(model, X, y, epochs, lr) trains like train_mlp and returns the losses."""
    exercise = tr("Exercise 4.4 (write the training loop)")
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    if not callable(answer):
        return _wrong(exercise, tr("pass the function itself: check_train_loop(train_loop)"))
    import torch

    from gatelab.mlp import train_mlp

    for gate, hidden_size, epochs, lr, seed in TRAIN_LOOP_RUNS:
        inputs, targets = truth_table(gate)
        X = torch.as_tensor(inputs, dtype=torch.float32)
        y = torch.as_tensor(targets, dtype=torch.float32)
        model = _lesson_net(hidden_size, seed=seed)
        run = tr(
            "{gate} with {hidden_size} hidden units, {epochs} epochs, lr={lr}, seed {seed}",
            gate=gate,
            hidden_size=hidden_size,
            epochs=epochs,
            lr=lr,
            seed=seed,
        )
        with _watching(model) as trace:
            try:
                result = answer(model, X.clone(), y.clone(), epochs, lr)
            except Exception as exc:  # a student's function may fail in any way; say how
                if "does not require grad" in str(exc):
                    return _wrong(
                        exercise,
                        tr(
                            "the loss has no gradients to follow: train outside torch.no_grad(), "
                            "which is only for looking"
                        ),
                    )
                return _wrong(
                    exercise,
                    tr(
                        "on {run} it raised {error}: {detail}",
                        run=run,
                        error=type(exc).__name__,
                        detail=exc,
                    ),
                )
        if result is None and not trace.events:
            return _returns_nothing(exercise)
        slip = _loop_slip(trace, epochs, lr)
        if slip is not None:
            return _wrong(exercise, slip)
        library = train_mlp(
            inputs, targets, hidden_size=hidden_size, epochs=epochs, learning_rate=lr, seed=seed
        )
        if not _same_weights(model, library.model):
            for loss_slip, hint in _LOSS_SLIPS.items():
                slipped = _train_with_loss(gate, hidden_size, epochs, lr, seed, loss_slip)
                if _same_weights(model, slipped):
                    return _wrong(exercise, tr(hint))
            return _wrong(
                exercise,
                tr(
                    "on {run} the steps come in the right order, but the weights end up "
                    "elsewhere than with train_mlp: check the loss function and what you give it",
                    run=run,
                ),
            )
        if result is None:
            return _wrong(
                exercise,
                tr("your loop trains well but returns nothing: return the loss of every epoch"),
            )
        losses = _as_losses(result)
        if losses is None or len(losses) != epochs:
            return _wrong(
                exercise,
                tr(
                    "return a list with one loss per epoch: {epochs} numbers for epochs={epochs}",
                    epochs=epochs,
                ),
            )
        if not np.allclose(losses, library.losses, rtol=1e-4, atol=1e-6):
            return _wrong(
                exercise,
                tr(
                    "the weights are right, but the losses differ: record each epoch's loss "
                    "from its forward pass, as a number (.item())"
                ),
            )
    return _correct(
        exercise,
        tr("your loop ends with the same weights and losses as train_mlp, for two networks"),
    )


# ----- Lesson 05: saving and loading --------------------------------------------------------


@_shows_verdict
def check_float32_bytes(answer: Any, parameters: int = 1_000_000) -> CheckResult:
    """Ex 5.1: raw bytes of a model with `parameters` float32 numbers."""
    exercise = tr(
        "Exercise 5.1 (bytes for {parameters} float32 parameters)",
        parameters=count_text(parameters),
    )
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
    return _check_count(exercise, answer, weights_bytes(parameters, "float32"), hints)


TRAINING_BYTES_PER_PARAMETER = 16  # mixed-precision Adam, as lesson 05 counts it


@_shows_verdict
def check_training_servers(answer: Any) -> CheckResult:
    """Ex 5.2: 8×80 GB servers to TRAIN 175 billion parameters at 16 bytes each (no activations)."""
    exercise = tr("Exercise 5.2 (servers to train 175 billion parameters)")
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    parameters = 175 * 10**9
    needed = parameters * TRAINING_BYTES_PER_PARAMETER / (SERVER_GB * 10**9)
    expected = math.ceil(needed)
    value = _as_number(answer)
    if value is not None and value != int(value):
        return _wrong(exercise, tr("part of a server is still a whole server: round up"))
    hints = {expected - 1: tr("round up: part of a server is still a whole server")}
    for dtype in ("float16", "float32", "float64"):
        hints.setdefault(
            servers_needed(parameters, dtype),
            tr(
                "that holds the {dtype} weights alone; training keeps {bytes} bytes per parameter",
                dtype=dtype,
                bytes=TRAINING_BYTES_PER_PARAMETER,
            ),
        )
    hints.setdefault(
        round(parameters * TRAINING_BYTES_PER_PARAMETER / 10**9),
        tr("that is the memory in GB: how many 640 GB servers hold it?"),
    )
    hints.pop(expected, None)
    return _check_count(exercise, answer, expected, hints)


@_shows_verdict
def check_xor_round_trip(answer: Any, trained: Any = None, path: Any = None) -> CheckResult:
    """Ex 5.3: `trained` saved to safetensors at `path` and loaded into a fresh network (answer)."""
    exercise = tr("Exercise 5.3 (save and load the XOR network)")
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    from pathlib import Path

    import torch
    from torch import nn

    if not isinstance(trained, nn.Module):
        return _wrong(exercise, tr("pass all three: check_xor_round_trip(fresh, trained, path)"))
    if hasattr(answer, "missing_keys") and hasattr(answer, "unexpected_keys"):
        return _wrong(
            exercise,
            tr(
                "that is what load_state_dict returns: a report of missing and unexpected "
                "keys, not the network; pass the network you loaded the file into"
            ),
        )
    if not isinstance(answer, nn.Module):
        return _wrong(
            exercise, tr("pass the fresh network you loaded the file into, e.g. a GateMLP")
        )
    if answer is trained:
        return _wrong(
            exercise,
            tr(
                "that is `trained` itself: it had these weights before anything was loaded, "
                "so it proves nothing; the check needs a second, fresh network"
            ),
        )
    X = torch.as_tensor(truth_table("XOR")[0], dtype=torch.float32)
    with torch.no_grad():
        trained_logits = trained(X)
    if not np.array_equal((trained_logits >= 0).int().numpy(), truth_table("XOR")[1]):
        return _wrong(exercise, tr("`trained` does not compute XOR: keep the line that trains it"))
    expected = {name: tensor.detach() for name, tensor in trained.state_dict().items()}
    loaded = {name: tensor.detach() for name, tensor in answer.state_dict().items()}
    if path is not None:
        result = _check_saved_file(exercise, Path(path), expected, loaded)
        if result is not None:
            return result
    if loaded.keys() == expected.keys():
        for name, tensor in expected.items():
            if loaded[name].shape != tensor.shape:
                return _wrong(
                    exercise,
                    tr(
                        "the fresh network's {name} has shape {got}, trained's has {wanted}: "
                        "the two networks are not the same size",
                        name=name,
                        got=tuple(loaded[name].shape),
                        wanted=tuple(tensor.shape),
                    ),
                )
    same = loaded.keys() == expected.keys() and all(
        torch.equal(loaded[name], tensor) for name, tensor in expected.items()
    )
    if not same:
        return _wrong(
            exercise,
            tr(
                "the fresh network still has its own random starting weights: "
                "the tensors in the file never reached it"
            ),
        )
    with torch.no_grad():
        if not torch.equal(answer(X), trained_logits):
            return _wrong(
                exercise,
                tr(
                    "same weights, other answers: the fresh network is built differently; "
                    "compare its architecture with trained's"
                ),
            )
    return _correct(
        exercise, tr("the fresh network gives exactly trained's logits on all four rows")
    )


def _check_saved_file(
    exercise: str, path: Any, expected: dict[str, Any], loaded: dict[str, Any]
) -> CheckResult | None:
    """A hint if the file at path (a Path) is missing, not safetensors, or not trained's weights."""
    import torch
    from safetensors.torch import load_file

    if not path.is_file():
        return _wrong(
            exercise,
            tr("there is no file {name}: nothing was saved at `path`", name=path.name),
        )
    try:
        saved = load_file(path)
    except Exception:  # safetensors raises its own error types for a foreign file
        if path.read_bytes()[:2] == b"PK":
            return _wrong(
                exercise,
                tr(
                    "that file was written by torch.save (a zip with a pickle inside), "
                    "not in the safetensors format"
                ),
            )
        return _wrong(
            exercise,
            tr(
                "{name} is not a safetensors file: it does not start with a safetensors header",
                name=path.name,
            ),
        )
    if saved.keys() != expected.keys():
        return _wrong(
            exercise,
            tr(
                "the file holds tensors named {saved}, but trained's state_dict has {expected}",
                saved=", ".join(sorted(saved)) or "-",
                expected=", ".join(sorted(expected)),
            ),
        )

    def equal(a: dict[str, Any], b: dict[str, Any]) -> bool:
        return a.keys() == b.keys() and all(
            a[k].shape == b[k].shape and torch.equal(a[k], b[k]) for k in a
        )

    if not equal(saved, expected):
        if equal(saved, loaded):
            return _wrong(
                exercise,
                tr(
                    "the file holds the fresh network's random weights, not trained's: "
                    "which network did you save?"
                ),
            )
        return _wrong(
            exercise,
            tr(
                "the file's weights are not trained's: did you save an untrained network, "
                "or save before training?"
            ),
        )
    return None


# ----- Lesson 06: the API -------------------------------------------------------------------


@contextlib.contextmanager
def _test_client(app: Any) -> Iterator[Any]:
    """FastAPI's TestClient on `app`: requests go straight to the app, no server and no port."""
    with warnings.catch_warnings():
        # Starlette asks for the httpx2 package; the httpx it finds works the same here.
        warnings.filterwarnings("ignore", message=".*install `httpx2`")
        from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def _latest_routes(app: Any) -> Any:
    """A copy of `app` in which a route defined twice keeps only its latest definition.

    In a notebook a student runs a cell with `@app.delete(...)` again after fixing it; FastAPI
    then holds both versions and would keep answering with the first one.
    """
    from fastapi import FastAPI

    latest: dict[tuple[str, frozenset[str]], Any] = {}
    for route in app.router.routes:
        key = (getattr(route, "path", ""), frozenset(getattr(route, "methods", None) or ()))
        latest[key] = route  # a dict keeps the first one's place, so the routes keep their order
    copy = FastAPI()
    copy.router.routes = list(latest.values())
    return copy


def _methods_on_path(app: Any, path: str) -> set[str]:
    """Every method some route of `app` takes on `path`, e.g. {"GET"}."""
    from starlette.routing import Match

    scope = {"type": "http", "path": path, "method": "GET", "root_path": ""}
    methods: set[str] = set()
    for route in app.router.routes:
        if route.matches(scope)[0] != Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return methods


def check_delete_route(answer: Any) -> CheckResult:
    """Ex 6.1: the student's app, with DELETE /models/{gate} added to it."""
    exercise = tr("Exercise 6.1 (add DELETE /models/{gate})")
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    if not hasattr(answer, "router") or not callable(answer):
        return _wrong(exercise, tr("pass your FastAPI app itself: answer = app"))
    app = _latest_routes(answer)
    if "POST" not in _methods_on_path(app, "/train/AND"):
        return _wrong(
            exercise, tr("this app has no POST /train/{gate}: pass the app of your main.py")
        )
    methods = _methods_on_path(app, "/models/AND")
    if "DELETE" not in methods:
        if methods:
            taken = ", ".join(sorted(methods - {"HEAD"}))
            return _wrong(
                exercise,
                tr(
                    "/models/{{gate}} takes {taken} only: removing is the DELETE method, "
                    "so decorate the function with @app.delete(...)",
                    taken=taken,
                ),
            )
        return _wrong(
            exercise,
            tr("no route matches /models/AND: the path is /models/{gate}, with the gate in braces"),
        )
    with _test_client(app) as client:
        return _check_delete_answers(exercise, client)


def _check_delete_answers(exercise: str, client: Any) -> CheckResult:
    """Train AND, delete it, and look at every answer the new route gives."""
    trained_before = client.get("/predict/AND/0/0").status_code == 200
    try:
        if client.post("/train/AND").status_code != 200:
            return _wrong(
                exercise, tr("POST /train/AND failed: run the cells that write and import main.py")
            )
        deleted = client.delete("/models/and")  # small letters: the answer names it AND
        if deleted.status_code >= 500:
            return _wrong(
                exercise, tr("DELETE /models/AND crashed the route (a 500): read its error")
            )
        if deleted.status_code != 200:
            return _wrong(
                exercise,
                tr(
                    "DELETE /models/AND of a trained gate answered {code}: a delete that worked "
                    "is a 200, FastAPI's answer when the function returns",
                    code=deleted.status_code,
                ),
            )
        if _json_or_none(deleted) != {"deleted": "AND"}:
            return _wrong(
                exercise,
                tr(
                    'DELETE /models/and should answer the JSON {"deleted": "AND"}: '
                    "the gate's name in capitals, however it was asked"
                ),
            )
        if client.get("/predict/AND/0/0").status_code == 200:
            return _wrong(
                exercise,
                tr(
                    "GET /predict/AND/0/0 still answers after the delete: predict found the "
                    "model again, in the `models` dict or in its file"
                ),
            )
        again = client.delete("/models/AND")
        if again.status_code != 404:
            code = again.status_code
            said = tr("crashed (a 500)") if code >= 500 else tr("answered {code}", code=code)
            return _wrong(
                exercise,
                tr(
                    "deleting AND a second time {said}: a gate with no model is not found, "
                    "so raise HTTPException(404, ...) (trained_model(name) does it)",
                    said=said,
                ),
            )
        unknown = client.delete("/models/XAND")
        if unknown.status_code != 404:
            return _wrong(
                exercise,
                tr(
                    "DELETE /models/XAND answered {code}: an unknown gate is not found either "
                    "(find_gate does that)",
                    code=unknown.status_code,
                ),
            )
    finally:
        if trained_before:  # the check used AND: leave the app as it found it
            client.post("/train/AND")
    return _correct(exercise, tr("your API can forget a model, and says 404 when there is none"))


def _json_or_none(response: Any) -> Any:
    """The response's JSON, or None if its body is not JSON."""
    try:
        return response.json()
    except ValueError:
        return None


# ----- Lesson 07: a server for the class ----------------------------------------------------
# The models of Ex 7.1's server. AND and NOT get one epoch only, so they answer differently from
# their truth tables (AND: 0, 0, 1, 1; NOT: 1, 1): only answers asked of the server pass.
BATCH_MODELS = {"AND": {"epochs": 1, "seed": 0}, "XOR": {}, "NOT": {"epochs": 1, "seed": 0}}


def check_batch_request(answer: Any) -> CheckResult:
    """Ex 7.1: served_answers(client, gate), the served answers for every row in one request."""
    exercise = tr("Exercise 7.1 (one request for a whole truth table)")
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    if not callable(answer):
        return _wrong(
            exercise, tr("pass the function itself: ex.check_batch_request(served_answers)")
        )
    from gatelab.api import create_app

    with tempfile.TemporaryDirectory() as directory, _test_client(create_app(directory)) as client:
        for gate, settings in BATCH_MODELS.items():
            client.post(f"/train/{gate}", json=settings)
        for gate in BATCH_MODELS:
            rows = {"inputs": get_gate(gate).inputs.tolist()}
            served = client.post(f"/predict/{gate}", json=rows).json()["results"]
            result = _batch_answers(exercise, answer, client, gate, served)
            if result is not None:
                return result
    return _correct(
        exercise,
        tr("one request per gate, and the server's own answers, even from its undertrained models"),
    )


def _batch_answers(
    exercise: str, answer: Callable[..., Any], client: Any, gate: str, served: list[int]
) -> CheckResult | None:
    """A ✗ if answer(client, gate) does not ask the server once for `served`; else None."""
    call = f"served_answers(client, {gate!r})"
    sent: list[Any] = []
    answered: list[Any] = []
    # The hooks see every request the student's function sends through the check's client.
    client.event_hooks = {"request": [sent.append], "response": [answered.append]}
    try:
        got = answer(client, gate)
    except Exception as exc:  # a student's function may fail in any way; say how
        refused = _refused_request(exercise, call, answered)
        if refused is not None:
            return refused
        if isinstance(exc, TypeError) and "JSON serializable" in str(exc):
            return _wrong(
                exercise,
                tr("JSON holds plain lists, not numpy arrays: turn the rows into lists first"),
            )
        return _wrong(
            exercise,
            tr("{call} raised {error}: {detail}", call=call, error=type(exc).__name__, detail=exc),
        )
    finally:
        client.event_hooks = {"request": [], "response": []}
    if got is None and not sent:
        return _returns_nothing(exercise)
    if not sent:
        return _wrong(
            exercise,
            tr(
                "{call} sent no request through `client`: the answers must come from the "
                "server behind the client the check passes in",
                call=call,
            ),
        )
    if len(sent) > 1:
        return _wrong(
            exercise,
            tr(
                "{call} sent {count} requests: one request can carry every row",
                call=call,
                count=len(sent),
            ),
        )
    request = sent[0]
    if request.method != "POST" or request.url.path.lower() != f"/predict/{gate.lower()}":
        return _wrong(
            exercise,
            tr(
                "{call} sent {method} {path}: which route answers many rows at once?",
                call=call,
                method=request.method,
                path=request.url.path,
            ),
        )
    refused = _refused_request(exercise, call, answered)
    if refused is not None:
        return refused
    if got is None or hasattr(got, "status_code"):
        return _wrong(exercise, tr("return the list of results, not the response"))
    if isinstance(got, dict):
        return _wrong(exercise, tr("return the list of results, not the whole JSON answer"))
    values = _bits_or_none(got)
    if values is None:
        return _wrong(
            exercise,
            tr("{call} returned {got}: return a list of 0s and 1s", call=call, got=repr(got)),
        )
    if values == served:
        return None
    if values == get_gate(gate).targets.tolist():
        return _wrong(
            exercise,
            tr(
                "for {gate} that is the gate's true truth table, but this server's {gate} model "
                "learned too little and answers otherwise: return what the server says",
                gate=gate,
            ),
        )
    return _wrong(
        exercise,
        tr(
            "for {gate} it returned {got}, but the server answers {served} for the truth "
            "table's rows in order",
            gate=gate,
            got=values,
            served=served,
        ),
    )


def _refused_request(exercise: str, call: str, answered: list[Any]) -> CheckResult | None:
    """A ✗ with the server's own message if it refused the student's request; else None."""
    if not answered or answered[-1].status_code == 200:
        return None
    response = answered[-1]
    response.read()  # a response hook runs before the body is read
    detail = (_json_or_none(response) or {}).get("detail", response.text)
    return _wrong(
        exercise,
        tr(
            "the server answered {code} to the request of {call}: {detail}",
            code=response.status_code,
            call=call,
            detail=detail,
        ),
    )


def _bits_or_none(values: Any) -> list[int] | None:
    """`values` as a list of 0s and 1s, or None if it is not a sequence of bits."""
    if isinstance(values, (str, bytes)):
        return None
    try:
        bits = [_as_number(value) for value in values]
    except TypeError:  # not iterable
        return None
    if any(bit not in (0, 1) for bit in bits):
        return None
    return [int(bit) for bit in bits]


# The requests of Ex 7.2, sent to a new gatelab API that has a key and no trained model yet,
# each with a hint that names the rule without the number (English keys, translated when shown).
ERROR_QUESTIONS = {
    "PUT /models/AND": translatable("the path exists, but not with this method"),
    "GET /predict/XOR/0/1": translatable(
        "the gate and the path are right, but what has this new server learned so far?"
    ),
    "GET /predict/OR/0/true": translatable(
        "the route exists and the gate too, but the data does not fit it"
    ),
    "POST /train/AND (no key)": translatable(
        "this request changes the models, on a server that has a key"
    ),
}


def check_error_codes(answer: Any) -> CheckResult:
    """Ex 7.2: the code a new gatelab API with a key gives each request of ERROR_QUESTIONS."""
    exercise = tr("Exercise 7.2 (which error, and why)")
    if isinstance(answer, dict) and answer and all(map(_is_placeholder, answer.values())):
        answer = ...  # the exercise cell as given: every code still `...`
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    if not isinstance(answer, dict) or set(answer) != set(ERROR_QUESTIONS):
        return _wrong(exercise, tr("fill in the dict of the exercise cell: one code per request"))
    if any(map(_is_placeholder, answer.values())):
        return _wrong(exercise, tr("replace every `...` in the dict with a status code"))
    from gatelab.api import create_app, generate_key

    expected = {}
    with (
        tempfile.TemporaryDirectory() as directory,
        _test_client(create_app(directory, token=generate_key())) as client,
    ):
        for question in ERROR_QUESTIONS:
            method, path = question.split(" ")[:2]  # "(no key)": no header is sent anyway
            expected[question] = client.request(method, path).status_code
    wrong = []
    for question, hint in ERROR_QUESTIONS.items():
        if _as_number(answer[question]) != expected[question]:
            wrong.append(f"{question}: {tr(hint)}")
    if not wrong:
        return _correct(exercise, tr("all four codes right"))
    right = len(ERROR_QUESTIONS) - len(wrong)
    return _wrong(exercise, tr("{right} of 4 right. {hints}", right=right, hints="; ".join(wrong)))


# The calls Ex 7.3 makes of a student's train_for_class(url, key, gate, seed): two, so that
# neither the gate nor the seed can be written into the function.
CLASS_TRAININGS = [("NAND", 5), ("XOR", 2)]


def check_train_with_key(answer: Any) -> CheckResult:
    """Ex 7.3: train_for_class(url, key, gate, seed) trains on a server that has a key."""
    exercise = tr("Exercise 7.3 (train a gate on the class server)")
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    if not callable(answer):
        return _wrong(
            exercise, tr("pass the function itself: ex.check_train_with_key(train_for_class)")
        )
    from gatelab.api import create_app, generate_key
    from gatelab.server import start_server

    key = generate_key()  # new on every check: a key copied from the page cannot pass
    with (
        tempfile.TemporaryDirectory() as directory,
        start_server(create_app(directory, token=key), port=0) as server,
    ):
        for gate, seed in CLASS_TRAININGS:
            result = _class_training(exercise, answer, server.url, key, gate, seed)
            if result is not None:
                return result
    return _correct(
        exercise, tr("NAND and XOR trained on a server with a key, each with the seed asked")
    )


def _class_training(
    exercise: str, answer: Callable[..., Any], url: str, key: str, gate: str, seed: int
) -> CheckResult | None:
    """A ✗ if answer(url, key, gate, seed) did not train `gate` with `seed` on `url`; else None."""
    import httpx

    call = f"train_for_class(url, key, {gate!r}, {seed})"
    try:
        response = answer(url, key, gate, seed)
    except httpx.HTTPStatusError as exc:  # raise_for_status(): judge the answer it refused
        response = exc.response
    except Exception as exc:  # a student's function may fail in any way; say how
        return _wrong(
            exercise,
            tr("{call} raised {error}: {detail}", call=call, error=type(exc).__name__, detail=exc),
        )
    if response is None:
        if httpx.get(f"{url}/models/{gate}", timeout=30).status_code == 404:
            return _returns_nothing(exercise)  # nothing trained: the body is still `...`
        return _wrong(
            exercise, tr("{call} trained, but returned None: return the response", call=call)
        )
    if isinstance(response, dict):
        return _wrong(exercise, tr("return the response itself, not its .json()"))
    request = getattr(response, "request", None)
    if request is None or not hasattr(response, "status_code"):
        return _wrong(
            exercise,
            tr(
                "{call} returned {got}: return the response of your request",
                call=call,
                got=repr(response),
            ),
        )
    sent_to = httpx.URL(str(request.url))
    if (sent_to.host, sent_to.port) != (httpx.URL(url).host, httpx.URL(url).port):
        return _wrong(
            exercise,
            tr("the request went to another server: build its address from the `url` argument"),
        )
    code = response.status_code
    if code == 401:
        return _wrong(exercise, _key_hint(request.headers.get("authorization"), key))
    if code == 405:
        return _wrong(
            exercise,
            tr(
                "the server answered 405 to {method}: in training the server computes a new "
                "model, and the client sends none (section 2 says which method fits)",
                method=request.method,
            ),
        )
    if code != 200:
        detail = (_json_or_none(response) or {}).get("detail", "")
        return _wrong(
            exercise,
            tr(
                "the server answered {code} to {call}: {detail}",
                code=code,
                call=call,
                detail=detail,
            ),
        )
    stored = httpx.get(f"{url}/models/{gate}", timeout=30)
    if stored.status_code != 200:
        return _wrong(
            exercise,
            tr(
                "{call} trained something, but not {gate}: the gate is part of the path",
                call=call,
                gate=gate,
            ),
        )
    if stored.json().get("seed") != seed:
        return _wrong(
            exercise,
            tr(
                "{gate} was trained, but not with seed {seed}: the seed goes in the request's "
                "JSON body",
                gate=gate,
                seed=seed,
            ),
        )
    return None


def _key_hint(header: str | None, key: str) -> str:
    """What was wrong with the key of a request the server refused with a 401."""
    if header is None:
        return tr(
            "the server answered 401: the request carried no key; a server with a key "
            "reads it from one request header (its 401 says which)"
        )
    scheme, _, sent = header.partition(" ")
    if scheme.lower() != "bearer" or not sent:
        return tr(
            "the server answered 401: the Authorization header holds the word Bearer, "
            "a space, then the key"
        )
    if sent.strip() != key:
        return tr(
            "the server answered 401: the request sent a key, but not the one given in "
            "the `key` argument"
        )
    return tr("the server answered 401: read its detail")
