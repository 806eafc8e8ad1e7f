"""Lesson 02's checks accept the reference solutions and explain typical wrong answers."""

from reference_answers import (
    assert_wrong,
    lucky_seeds,
)

from gatelab import exercises as ex
from gatelab import train_gate


def test_not_threshold():
    assert ex.check_not_threshold(([-1], 0.8)).passed
    assert ex.check_not_threshold(([-0.3], 0.24)).passed  # -b/w = 0.8 up to rounding
    # The trained NOT from the lesson computes NOT, but its threshold is elsewhere.
    trained = train_gate("NOT")
    assert_wrong(ex.check_not_threshold((trained.weights_, trained.bias_)), "not at 0.8")
    assert_wrong(ex.check_not_threshold(([1], -0.8)), "with a positive weight")
    assert_wrong(ex.check_not_threshold(([0], 1)), "no threshold")
    assert_wrong(ex.check_not_threshold(([1, 1], 0)), "give 1 weight(s)")
    assert_wrong(ex.check_not_threshold([1, 2, 3]), "give the answer as a pair")
    for weight in (-1, -2.5, 1, 3):  # no hint states a weight and bias that work
        message = ex.check_not_threshold(([weight], 0.0)).message
        assert "b =" not in message and "w =" not in message


def test_lucky_seeds():
    reference = lucky_seeds()
    assert 0 < reference < 50  # reachable, and not every seed
    assert ex.check_lucky_seeds(reference).passed
    assert_wrong(ex.check_lucky_seeds(50 - reference), "did not converge")
    assert_wrong(ex.check_lucky_seeds(0), "learning rate 0.1")
    assert_wrong(ex.check_lucky_seeds(50), "budget of epochs=3")
    assert_wrong(ex.check_lucky_seeds("nine"), "whole number")


def test_nand_fast_rate():
    reference = train_gate("NAND", learning_rate=1.0, seed=3).converged_epoch_
    result = ex.check_nand_fast_rate(reference)
    assert result.passed and "overshoots" in result.message  # ✓ says why it took more
    slow = train_gate("NAND", learning_rate=0.1, seed=3).converged_epoch_
    assert slow < reference  # the ✓ message says "more epochs than at rate 0.1"
    assert_wrong(ex.check_nand_fast_rate(slow), "use learning_rate=1.0")
    seed_0 = train_gate("NAND", learning_rate=1.0, seed=0).converged_epoch_
    assert_wrong(ex.check_nand_fast_rate(seed_0), "use seed=3")
    assert_wrong(ex.check_nand_fast_rate(12), "the run shown in the lesson")
    assert_wrong(ex.check_nand_fast_rate(reference * 4), "number of steps")
    assert len({reference, slow, seed_0, 12, reference * 4}) == 5  # every hint can fire
