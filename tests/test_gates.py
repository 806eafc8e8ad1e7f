"""Truth tables and gate lookup."""

import numpy as np
import pytest

from gatelab.gates import GATE_NAMES, UnknownGateError, get_gate, normalize_gate_name, truth_table


@pytest.mark.parametrize(
    ("name", "targets"),
    [
        ("AND", [0, 0, 0, 1]),
        ("OR", [0, 1, 1, 1]),
        ("NAND", [1, 1, 1, 0]),
        ("NOR", [1, 0, 0, 0]),
        ("XOR", [0, 1, 1, 0]),
        ("XNOR", [1, 0, 0, 1]),
    ],
)
def test_two_input_truth_tables(name, targets):
    X, y = truth_table(name)
    assert X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert y.tolist() == targets


def test_not_has_one_input():
    gate = get_gate("NOT")
    assert gate.arity == 1
    assert gate.inputs.tolist() == [[0], [1]]
    assert gate.targets.tolist() == [1, 0]


@pytest.mark.parametrize("spelling", ["and", "And", "AND", " and "])
def test_lookup_ignores_case(spelling):
    assert get_gate(spelling).name == "AND"


@pytest.mark.parametrize("bad", ["XAND", "", "../and", None, 3])
def test_unknown_gate_lists_the_gates(bad):
    with pytest.raises(UnknownGateError) as caught:
        normalize_gate_name(bad)
    for name in GATE_NAMES:
        assert name in str(caught.value)


def test_gate_is_callable_like_the_logic():
    assert get_gate("xor")(1, 0) == 1
    assert get_gate("not")(1) == 0
    with pytest.raises(ValueError, match="takes 2"):
        get_gate("and")(1)
    with pytest.raises(ValueError, match="0 or 1"):
        get_gate("and")(2, 1)


def test_tables_are_copies():
    X, _ = truth_table("AND")
    X[0, 0] = 9
    assert np.array_equal(truth_table("AND")[0][0], [0, 0])


def test_linear_flag():
    assert get_gate("or").is_linear
    assert not get_gate("xnor").is_linear
