"""gatelab.widgets: each playground builds, and moving a control redraws it, with no display."""

import matplotlib

matplotlib.use("Agg")  # no display in tests

import pytest
from ipywidgets import Output

from gatelab import train_gate
from gatelab.perceptron import Perceptron
from gatelab.widgets import (
    Playground,
    Reading,
    boundary_playground,
    input_playground,
    read_input,
    training_playground,
)


@pytest.fixture(scope="module")
def and_model():
    return train_gate("AND")


def test_read_input_shows_the_arithmetic():
    reading = read_input([1.0, 1.0], -1.5, (1, 1))
    assert reading.weighted_sum == pytest.approx(0.5) and reading.output == 1
    text = str(reading)
    assert "1.000×1.00 + 1.000×1.00 + (-1.500)" in text and "step(0.500) = 1" in text
    assert read_input([1.0, 1.0], -1.5, (0, 1)).output == 0
    assert read_input([1.0, 1.0], -2.0, (1, 1)).output == 1  # a sum of exactly 0 fires
    with pytest.raises(ValueError, match="input"):
        read_input([1.0, 1.0], 0.0, (1,))


def test_input_playground_follows_the_sliders(and_model):
    playground = input_playground(and_model, "AND")
    assert isinstance(playground, Playground) and isinstance(playground.output, Output)
    assert set(playground.controls) == {"x1", "x2"}
    assert isinstance(playground.result, Reading)
    playground.controls["x1"].value = 1.0
    playground.controls["x2"].value = 1.0
    assert playground.result.inputs == (1.0, 1.0)
    assert playground.result.output == and_model.predict([1, 1]) == 1
    playground.controls["x2"].value = 0.0
    assert playground.result.output == 0
    assert playground.result.weighted_sum == pytest.approx(and_model.decision_function([1, 0]))


def test_input_playground_needs_a_two_input_gate():
    with pytest.raises(ValueError, match="two-input"):
        input_playground(train_gate("NOT"), "NOT")


def test_boundary_playground_checks_the_truth_table_live():
    playground = boundary_playground("AND", weights=(0.5, 0.5), bias=-0.2)
    assert playground.result.caption == "AND: 2 of 4 right"
    playground.controls["b"].value = -0.7  # 0.5·x1 + 0.5·x2 − 0.7: only (1, 1) fires
    assert playground.result.caption == "AND: 4 of 4 right"
    playground.controls["gate"].value = "OR"
    assert playground.result.caption == "OR: 2 of 4 right"
    playground.controls["gate"].value = "XOR"
    assert [row[-1] for row in playground.result.rows].count("✓") < 4


def test_training_playground_retrains_on_each_change():
    playground = training_playground("AND", learning_rate=0.1, epochs=20, seed=0)
    first = playground.result
    assert isinstance(first, Perceptron) and first.converged_
    playground.controls["seed"].value = 3
    assert playground.result is not first and playground.result.seed == 3
    playground.controls["gate"].value = "XOR"
    assert not playground.result.converged_ and playground.result.epochs_run_ == 20
    playground.controls["gate"].value = "NOT"
    assert playground.result.weights_.shape == (1,)


def test_playground_repr_is_readable_without_a_browser(and_model):
    text = repr(input_playground(and_model, "AND"))
    assert text.startswith("Playground: ") and " at 0x" not in text
