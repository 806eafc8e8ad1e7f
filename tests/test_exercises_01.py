"""Lesson 01's checks accept the reference solutions and explain typical wrong answers."""

import numpy as np
import pytest
from reference_answers import (
    assert_wrong,
    lucky_seeds,
    reference_train,
    slipped_train,
)

from gatelab import Perceptron, train_gate
from gatelab import exercises as ex


def test_nand_weights():
    assert ex.check_nand_weights(([-1, -1], 1.5)).passed
    # AND's weights: (1, 1) is right but the others are not.
    assert_wrong(
        ex.check_nand_weights(([1, 1], -1.5)), "misclassifies (0, 0): its weighted sum is -1.5 < 0"
    )
    assert_wrong(
        ex.check_nand_weights(([-1, -1], 2.5)), "misclassifies (1, 1): its weighted sum is 0.5 ≥ 0"
    )
    assert_wrong(ex.check_nand_weights([1, 2, 3]), "give the answer as a pair")
    assert_wrong(ex.check_nand_weights(([1], 0)), "give 2 weight(s)")
    assert_wrong(ex.check_nand_weights(([-1, -1], [1.5, 99])), "give the answer as a pair")


def test_and_epochs():
    reference = train_gate("AND", learning_rate=0.5, seed=0).converged_epoch_
    result = ex.check_and_epochs(reference)
    assert result.passed and "overshoots" in result.message  # ✓ says why it took more
    shown = train_gate("AND", learning_rate=0.1, seed=0).converged_epoch_
    assert shown < reference  # the ✓ message says "more epochs than at rate 0.1"
    assert shown != reference  # so the "that is the rate-0.1 run" hint can fire
    assert_wrong(ex.check_and_epochs(shown), "learning rate 0.1 shown in the lesson")
    assert_wrong(ex.check_and_epochs(reference - 1), "that epoch counts")
    assert_wrong(ex.check_and_epochs(reference * 4), "number of steps")
    assert_wrong(ex.check_and_epochs("six"), "whole number")
    assert_wrong(ex.check_and_epochs(10**400), "whole number")


def test_first_update():
    assert ex.check_first_update([0.5, 0.4]).passed
    assert_wrong(ex.check_first_update([0.4, 0.4]), "it does not move")
    assert_wrong(ex.check_first_update([0.5, 0.6]), "sign of the error")
    assert_wrong(ex.check_first_update([0.5, 0.5]), "a mistake")


def test_learning_rule_accepts_the_lesson_loop():
    result = ex.check_learning_rule(reference_train)
    assert result.passed, result

    # Changing the weights in place (the seed lesson's `+=`) is fine too.
    def in_place(X, y, weights, bias, learning_rate, epochs):
        weights, bias = weights.astype(float), np.array([bias])
        for _ in range(epochs):
            for x, target in zip(X, y):
                error = target - (1 if x @ weights + bias[0] >= 0 else 0)
                weights += learning_rate * error * x
                bias += learning_rate * error
        return weights, bias

    assert ex.check_learning_rule(in_place).passed


@pytest.mark.parametrize(
    ("slip", "hint"),
    [
        ("sign", "target − prediction, not prediction − target"),
        ("prediction", "you updated with the prediction"),
        ("bias", "the bias never changes"),
        ("input", "its own input"),
        ("rate", "multiply each update by the learning rate"),
        ("bias_rate", "the bias moves by the whole error"),
        ("fixed_rate", "use the learning_rate your function is given"),
        ("strict", "exactly 0 must give 1"),
        ("reseed", "ignores the one it is given"),
        ("budget", "your loop ignores `epochs`"),
        ("copied", "as the lesson's cell does"),
        ("batch", "update after every row"),
        ("stop_on_right", "not at the first row that is right"),
        ("one_epoch", "one pass over the truth table"),
    ],
)
def test_learning_rule_names_the_slip(slip, hint):
    assert_wrong(ex.check_learning_rule(slipped_train(slip)), hint)


def test_learning_rule_catches_the_lesson_loop_as_it_is():
    # Section 4's loop, wrapped in a function with its 20 epochs written in by hand.
    def lesson_loop(X, y, weights, bias, learning_rate, epochs):
        return reference_train(X, y, weights, bias, learning_rate, 20)

    assert_wrong(ex.check_learning_rule(lesson_loop), "your loop ignores `epochs`")

    def reseeded(X, y, weights, bias, learning_rate, epochs):  # two slips: hear of one first
        rng = np.random.default_rng(0)
        return lesson_loop(X, y, rng.random(2), rng.random(), learning_rate, epochs)

    assert_wrong(ex.check_learning_rule(reseeded), "ignores the one it is given")

    def greater(X, y, weights, bias, learning_rate, epochs):
        return reference_train(X, y, weights, bias, learning_rate, epochs, strict=True)

    assert_wrong(ex.check_learning_rule(greater), "exactly 0 must give 1")


def test_learning_rule_other_answers():
    def uses_library(X, y, weights, bias, learning_rate, epochs):
        model = Perceptron(learning_rate=learning_rate, epochs=epochs).fit(X, y)
        return model.weights_, model.bias_

    assert_wrong(ex.check_learning_rule(uses_library), "write the loop yourself")
    assert_wrong(ex.check_learning_rule(lambda *args: None), "returns nothing")
    assert_wrong(ex.check_learning_rule(lambda *args: [1, 2, 3]), "return two things")
    assert_wrong(ex.check_learning_rule(lambda X, y: (X, y)), "raised TypeError")
    assert_wrong(ex.check_learning_rule(lambda *args: ([9.0, 9.0], 9.0)), "differ from the library")
    assert_wrong(ex.check_learning_rule(3), "pass your function itself")


def test_no_check_prints_the_expected_number():
    for check, expected in [
        (ex.check_and_epochs, train_gate("AND", learning_rate=0.5, seed=0).converged_epoch_),
        (ex.check_nand_fast_rate, train_gate("NAND", learning_rate=1.0, seed=3).converged_epoch_),
        (ex.check_lucky_seeds, lucky_seeds()),
    ]:
        for answer in range(1, 40):
            if answer != expected:
                message = check(answer).message
                assert str(expected) not in message.replace(str(answer), ""), message
