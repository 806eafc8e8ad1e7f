"""The perceptron and its learning rule."""

import json

import numpy as np
import pytest

from gatelab import NotFittedError, Perceptron, train_gate, truth_table
from gatelab.perceptron import random_start

LINEAR = ["AND", "OR", "NAND", "NOR", "NOT"]
SEEDS = range(100)


@pytest.mark.parametrize("gate", LINEAR)
def test_learns_every_linear_gate_for_every_seed(gate):
    X, y = truth_table(gate)
    for seed in SEEDS:
        model = Perceptron(seed=seed).fit(X, y)
        assert model.converged_, f"{gate} seed {seed} did not converge"
        assert np.array_equal(model.predict(X), y), f"{gate} seed {seed}"


def test_xor_never_converges():
    X, y = truth_table("XOR")
    for seed in SEEDS:
        model = Perceptron(seed=seed).fit(X, y)
        assert not model.converged_
        assert model.converged_epoch_ is None
        assert model.epochs_run_ == model.epochs
        assert model.score(X, y) < 1.0
        # Not at the end, nor at any moment of training: each recorded pass has a mistake.
        assert min(model.errors_per_epoch()) >= 1


def test_same_seed_same_history():
    first = train_gate("and", seed=7)
    second = train_gate("AND", seed=7)
    assert first.history_ == second.history_
    assert first.weights_.tolist() == second.weights_.tolist()


def test_different_seeds_start_differently():
    assert train_gate("and", seed=1).history_[0] != train_gate("and", seed=2).history_[0]


@pytest.mark.parametrize("gate", ["AND", "NAND", "NOT", "XOR"])
def test_history_length_is_epochs_times_rows(gate):
    X, _ = truth_table(gate)
    model = train_gate(gate, seed=3)
    assert len(model.history_) == model.epochs_run_ * len(X)
    assert [s.epoch for s in model.history_[:: len(X)]] == list(range(1, model.epochs_run_ + 1))


def test_history_records_the_learning_rule():
    model = train_gate("or", seed=0)
    for before, after in zip(model.history_, model.history_[1:]):
        rate_times_error = model.learning_rate * before.error
        expected = np.array(before.weights_before) + rate_times_error * np.array(before.inputs)
        assert np.allclose(after.weights_before, expected)
        assert after.bias_before == pytest.approx(before.bias_before + rate_times_error)
        assert before.error == before.target - before.prediction


def test_converged_epoch_has_no_mistakes():
    model = train_gate("nor", seed=5)
    errors = model.errors_per_epoch()
    assert model.converged_epoch_ == len(errors)
    assert errors[-1] == 0
    assert all(e > 0 for e in errors[:-1])


def test_predict_one_row_and_a_batch():
    model = train_gate("and")
    assert model.predict([1, 1]) == 1
    assert isinstance(model.predict([0, 1]), int)
    batch = model.predict([[0, 0], [1, 1]])
    assert isinstance(batch, np.ndarray)
    assert batch.tolist() == [0, 1]


def test_params_round_trip_through_a_plain_dict():
    model = train_gate("nand", seed=11)
    data = json.loads(json.dumps(model.to_dict()))
    again = Perceptron.from_dict(data)
    X, y = truth_table("nand")
    assert again.predict(X).tolist() == y.tolist()
    assert again.weights_.tolist() == model.weights_.tolist()
    assert again.bias_ == model.bias_
    assert again.to_dict() == model.to_dict()


@pytest.mark.parametrize(
    "data", [{}, {"learning_rate": 0.1, "epochs": 5, "seed": 0, "weights": "ab", "bias": 0}]
)
def test_from_dict_rejects_garbage(data):
    with pytest.raises(ValueError):
        Perceptron.from_dict(data)


def test_predict_before_fit():
    with pytest.raises(NotFittedError, match="fit"):
        Perceptron().predict([0, 1])


@pytest.mark.parametrize(
    ("X", "y", "message"),
    [
        ([[0, 0], [1, 1]], [0, 2], "0 or 1"),
        ([[0, 0], [1, 1]], [0.5, 1], "0 or 1"),
        ([0, 1, 1], [0, 1, 1], "2-D"),
        ([[0, 0], [1, 1]], [0, 1, 1], "one label per row"),
        ([[0, 0], [1, np.nan]], [0, 1], "finite"),
        (np.zeros((0, 2)), [], "2-D"),
        ([[0, 0], [1]], [0, 1], "2-D array of numbers"),
        ([["a", "b"], [1, 1]], [0, 1], "2-D array of numbers"),
    ],
)
def test_bad_training_data_names_the_problem(X, y, message):
    with pytest.raises(ValueError, match=message):
        Perceptron().fit(X, y)


@pytest.mark.parametrize("epochs", [0, -3, 2.5, True])
def test_bad_epochs(epochs):
    with pytest.raises(ValueError, match="epochs"):
        Perceptron(epochs=epochs).fit(*truth_table("and"))


@pytest.mark.parametrize("rate", [0, -0.1, float("nan"), "0.1", None, True])
def test_bad_learning_rate(rate):
    with pytest.raises(ValueError, match="learning_rate"):
        Perceptron(learning_rate=rate).fit(*truth_table("and"))


def test_predict_checks_the_row_width():
    model = train_gate("and")
    with pytest.raises(ValueError, match="2 input"):
        model.predict([1, 0, 1])


def test_random_start_is_where_fit_begins():
    for seed in (0, 5):
        weights, bias = random_start(2, seed)
        first = Perceptron(seed=seed).fit(*truth_table("AND")).history_[0]
        assert tuple(weights) == first.weights_before and bias == first.bias_before
        assert np.all((weights >= 0) & (weights < 1)) and 0 <= bias < 1


@pytest.mark.parametrize(
    ("gate", "weights", "bias"),
    [("AND", [1, 1], -1.5), ("OR", [1, 1], -0.5), ("NAND", [-1, -1], 1.5), ("NOT", [-1], 0.5)],
)
def test_from_weights_predicts_with_the_given_line(gate, weights, bias):
    X, y = truth_table(gate)
    model = Perceptron.from_weights(weights, bias)
    assert model.predict(X).tolist() == y.tolist()
    assert model.score(X, y) == 1.0
    assert model.weights_.tolist() == weights and model.bias_ == bias


def test_from_weights_takes_settings_and_checks_the_numbers():
    model = Perceptron.from_weights(np.array([0.5, 0.5]), -0.7, learning_rate=0.5, seed=3)
    assert (model.learning_rate, model.seed) == (0.5, 3)
    assert model.predict([1, 1]) == 1 and model.predict([1, 0]) == 0
    for weights, bias in ([[], 0], [[1, float("nan")], 0], [[1, 1], float("inf")], ["ab", 0]):
        with pytest.raises(ValueError, match=r"weights|bias"):
            Perceptron.from_weights(weights, bias)
