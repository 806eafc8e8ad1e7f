"""Lesson 02's exercises: NOT with a chosen threshold, a search over seeds, and NAND at a
learning rate of 1.0. The counts come from training gatelab's own perceptrons."""

from __future__ import annotations

import math
from typing import Any

from gatelab.exercises._core import Wrong, exercise
from gatelab.exercises._shared import (
    expect_count,
    expect_epoch,
    expect_gate_weights,
    short,
    weights_and_bias,
)
from gatelab.language import tr, translatable
from gatelab.perceptron import train_gate

# Ex 2.1: where the NOT neuron's threshold -b/w must sit (the question, not its answer).
NOT_THRESHOLD = 0.8


@exercise(translatable("Exercise 2.1 (NOT with a chosen threshold)"))
def check_not_threshold(answer: Any) -> str:
    """Ex 2.1: one weight and a bias that compute NOT with the threshold -b/w at NOT_THRESHOLD."""
    pair = weights_and_bias(answer)
    if pair is None or pair[0].shape != (1,):
        return expect_gate_weights("NOT", answer)  # its hint says what shape to give
    weight, bias = float(pair[0][0]), pair[1]
    if weight == 0:
        raise Wrong(tr("with w = 0 the sum is the same for every x, so there is no threshold"))
    threshold = -bias / weight
    if not math.isclose(threshold, NOT_THRESHOLD, abs_tol=1e-9):
        raise Wrong(
            tr(
                "your threshold −b/w is at x = {threshold}, not at {wanted}",
                threshold=short(threshold),
                wanted=NOT_THRESHOLD,
            )
        )
    if weight > 0:
        raise Wrong(
            tr(
                "the threshold is right, but with a positive weight the neuron fires above it; "
                "NOT must fire for the small inputs"
            )
        )
    return expect_gate_weights("NOT", answer)


# Ex 2.2: the runs a student counts: NAND at learning rate 1.0 with a budget of 3 epochs.
LUCKY_SEEDS_RUN = {"gate": "NAND", "learning_rate": 1.0, "epochs": 3, "seeds": range(50)}


def _count_converged(gate: str, learning_rate: float, epochs: int, seeds: Any) -> int:
    """How many of the seeds converge within the epoch budget."""
    return sum(
        train_gate(gate, learning_rate=learning_rate, epochs=epochs, seed=seed).converged_
        for seed in seeds
    )


@exercise(translatable("Exercise 2.2 (search the seeds)"))
def check_lucky_seeds(answer: Any) -> str | None:
    """Ex 2.2: how many of seeds 0-49 let NAND converge within 3 epochs at learning rate 1.0."""
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
    return expect_count(answer, expected, hints)


@exercise(translatable("Exercise 2.3 (NAND at learning rate 1.0)"))
def check_nand_fast_rate(answer: Any) -> str | None:
    """Ex 2.3: the epoch in which NAND, seed 3, learning rate 1.0 first makes no mistake."""
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
    }
    why = tr(
        "more epochs than at rate 0.1: the first step of 1.0 pushes the line too far "
        "(it overshoots), so a row that was right goes wrong and later steps must fix it"
    )
    return expect_epoch(answer, hints, why, gate="NAND", learning_rate=1.0, seed=3)
