"""Lesson 03's checks accept the reference solutions and explain typical wrong answers."""

from reference_answers import (
    assert_wrong,
)

from gatelab import exercises as ex
from gatelab import train_gate


def test_xor_missing_corner():
    assert ex.check_xor_missing_corner(([-1, 1], -0.5)).passed
    assert ex.check_xor_missing_corner(([-2, 2], -1)).passed
    # The three lines the lesson draws each leave a different corner wrong.
    assert_wrong(ex.check_xor_missing_corner(([1, 1], -0.5)), "the wrong point is (1, 1)")
    assert_wrong(ex.check_xor_missing_corner(([1, -1], -0.5)), "the wrong point is (0, 1)")
    assert_wrong(ex.check_xor_missing_corner(([-1, -1], 1.5)), "the wrong point is (0, 0)")
    assert_wrong(ex.check_xor_missing_corner(([1, 0], -0.5)), "2 of 4 are on the wrong side")
    assert_wrong(ex.check_xor_missing_corner(([0, 0], 1)), "with w = (0, 0) there is no line")
    assert_wrong(ex.check_xor_missing_corner([1, 2, 3]), "give the answer as a pair")
    assert_wrong(ex.check_xor_missing_corner(([1], 0)), "give 2 weights")


def test_xnor_from_gates():
    and_, nor, or_ = train_gate("AND"), train_gate("NOR"), train_gate("OR")

    def xnor(a, b):
        return or_.predict([and_.predict([a, b]), nor.predict([a, b])])

    def xor(a, b):
        return int(a != b)

    assert ex.check_xnor_from_gates(xnor).passed
    nand = train_gate("NAND")

    def flipped_xor(a, b):  # NOT as 1 - answer: a fair way to flip a trained gate's answer
        return 1 - and_.predict([nand.predict([a, b]), or_.predict([a, b])])

    assert ex.check_xnor_from_gates(flipped_xor).passed
    result = ex.check_xnor_from_gates(xor)
    assert_wrong(result, "that computes XOR")
    assert "OR(" not in result.message and "AND" not in result.message  # no formula given away
    assert_wrong(ex.check_xnor_from_gates(lambda a, b: a & b), "on inputs (0, 0) it gives 0")
    assert_wrong(ex.check_xnor_from_gates(lambda a: a), "raised TypeError")
    assert_wrong(ex.check_xnor_from_gates(3), "pass a function")
    assert_wrong(ex.check_xnor_from_gates(lambda a, b: int(a == b)), "no trained perceptron")
