"""gatelab.mlp: the network learns XOR and XNOR for every seed, and lesson 04's loop matches it."""

import contextlib
import io
import json
import math
from pathlib import Path

import numpy as np
import pytest
import torch  # a hard dependency: a broken install must fail here, not skip

from gatelab import truth_table
from gatelab.mlp import (
    DEFAULT_EPOCHS,
    DEFAULT_HIDDEN,
    DEFAULT_LEARNING_RATE,
    GateMLP,
    TrainingResult,
    train_gate_mlp,
    train_mlp,
)

SEEDS = range(100)
LESSON_04 = Path(__file__).resolve().parents[1] / "notebooks" / "04_xor_with_pytorch.ipynb"
TRAINING_TAG = "mlp-training"  # the lesson's cells that build and train its network


# ----- the promise: 4/4 for every seed ----------------------------------------------------
@pytest.mark.slow  # trains every seed the lessons allow
@pytest.mark.parametrize("gate", ["XOR", "XNOR"])
def test_learns_the_gate_exactly_for_every_seed(gate):
    X, y = truth_table(gate)
    failures = [
        seed for seed in SEEDS if not np.array_equal(train_mlp(X, y, seed=seed).model.predict(X), y)
    ]
    assert failures == [], f"{gate} not learned 4/4 for seeds {failures}"


def test_the_defaults_are_the_documented_ones():
    model = GateMLP()
    assert (DEFAULT_HIDDEN, DEFAULT_EPOCHS, DEFAULT_LEARNING_RATE) == (8, 300, 0.05)
    assert model.architecture == {"n_inputs": 2, "hidden_size": 8, "activation": "tanh"}
    assert model.parameter_count() == 2 * 8 + 8 + 8 * 1 + 1  # 33: weights and biases


# ----- determinism ------------------------------------------------------------------------------
def test_same_seed_same_run():
    first, second = train_gate_mlp("XOR", seed=5), train_gate_mlp("xor", seed=5)
    assert first.losses == second.losses
    for a, b in zip(first.model.state_dict().values(), second.model.state_dict().values()):
        assert torch.equal(a, b)


def test_different_seeds_start_differently():
    one, two = train_gate_mlp("XOR", seed=1, epochs=1), train_gate_mlp("XOR", seed=2, epochs=1)
    assert one.losses[0] != two.losses[0]


def test_training_leaves_the_callers_random_numbers_alone():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    train_gate_mlp("XOR", seed=9, epochs=2)
    assert torch.equal(torch.rand(3), expected)


def test_training_restores_the_callers_thread_count():
    before = torch.get_num_threads()
    train_gate_mlp("XOR", seed=0, epochs=2)
    assert torch.get_num_threads() == before


# ----- what a training run returns ----------------------------------------------------------------
def test_training_result_records_the_run():
    result = train_gate_mlp("XNOR", seed=3, epochs=40, learning_rate=0.1, hidden_size=4)
    assert isinstance(result, TrainingResult)
    assert (result.seed, result.epochs, result.learning_rate) == (3, 40, 0.1)
    assert len(result.losses) == 40 and all(isinstance(loss, float) for loss in result.losses)
    assert result.final_loss == result.losses[-1] < result.losses[0]
    assert result.model.architecture["hidden_size"] == 4
    assert not result.model.training  # returned in eval mode, ready to predict
    # The network itself remembers how it was trained (the model store reads it).
    assert result.model.trained_with == {"seed": 3, "epochs": 40, "learning_rate": 0.1}
    assert GateMLP().trained_with is None


def test_the_first_loss_is_about_a_fair_guess():
    # Small random starting weights give probabilities near 0.5, so the loss starts near ln 2.
    for seed in range(5):
        assert train_gate_mlp("XOR", seed=seed, epochs=1).losses[0] == pytest.approx(
            math.log(2), abs=0.15
        )


@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid"])
def test_every_activation_trains(activation):
    X, y = truth_table("AND")  # a linear gate: every activation must manage it
    model = train_mlp(X, y, activation=activation, seed=0).model
    assert model.architecture["activation"] == activation
    assert np.array_equal(model.predict(X), y)


# ----- predict and predict_proba ------------------------------------------------------------------
@pytest.fixture(scope="module")
def xor_model():
    return train_gate_mlp("XOR", seed=0).model


def test_predict_one_row_or_a_batch(xor_model):
    X, y = truth_table("XOR")
    batch = xor_model.predict(X)
    assert isinstance(batch, np.ndarray) and batch.tolist() == y.tolist()
    single = xor_model.predict([1, 0])
    assert isinstance(single, int) and single == 1
    assert xor_model.predict(np.array([0.0, 0.0])) == 0


def test_score_is_the_fraction_of_rows_right(xor_model):
    X, y = truth_table("XOR")
    assert xor_model.score(X, y) == 1.0
    assert xor_model.score(X, 1 - y) == 0.0
    assert xor_model.score(X, [0, 1, 1, 1]) == 0.75  # XOR(1, 1) is 0, not 1
    with pytest.raises(ValueError, match="one label per row"):
        xor_model.score(X, y[:3])


def test_predict_proba_agrees_with_predict(xor_model):
    X, _ = truth_table("XOR")
    probabilities = xor_model.predict_proba(X)
    assert probabilities.shape == (4,) and ((probabilities >= 0) & (probabilities <= 1)).all()
    assert ((probabilities >= 0.5).astype(int) == xor_model.predict(X)).all()
    single = xor_model.predict_proba([0, 1])
    assert isinstance(single, float) and single > 0.99


def test_predict_proba_stays_finite_far_away(xor_model):
    far = np.array([[1e6, -1e6], [-1e6, 1e6], [1e6, 1e6]])
    assert np.isfinite(xor_model.predict_proba(far)).all()


@pytest.mark.parametrize("bad", [[1, 0, 1], [[1, 0, 1]], [[[0, 1]]], []])
def test_predict_rejects_the_wrong_shape(xor_model, bad):
    with pytest.raises(ValueError, match="2 input"):
        xor_model.predict(bad)


# ----- bad settings say what is allowed -----------------------------------------------------------
@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"hidden_size": 0}, "hidden_size"),
        ({"hidden_size": True}, "hidden_size"),
        ({"hidden_size": 2.5}, "hidden_size"),
        ({"activation": "softmax"}, "activation must be one of"),
        ({"epochs": 0}, "epochs"),
        ({"epochs": 1.5}, "epochs"),
        ({"learning_rate": 0.0}, "learning_rate"),
        ({"learning_rate": -0.1}, "learning_rate"),
        ({"learning_rate": float("nan")}, "learning_rate"),
        ({"learning_rate": "0.1"}, "learning_rate"),
    ],
)
def test_bad_settings_raise_clear_errors(settings, message):
    with pytest.raises(ValueError, match=message):
        train_gate_mlp("XOR", **settings)


# ----- lesson 04's hand-written loop is the library's loop ----------------------------------------
def _training_cells() -> list[str]:
    """The lesson's tagged cells (imports, tensors, network, optimizer, loop), magics removed."""
    notebook = json.loads(LESSON_04.read_text(encoding="utf-8"))
    cells = [
        "".join(cell["source"])
        for cell in notebook["cells"]
        if cell["cell_type"] == "code" and TRAINING_TAG in cell.get("metadata", {}).get("tags", [])
    ]
    # `%matplotlib inline` and friends are IPython, not Python.
    return [
        "\n".join(line for line in cell.splitlines() if not line.startswith("%")) for cell in cells
    ]


def test_the_lesson_tags_its_training_cells():
    sources = _training_cells()
    assert len(sources) >= 5
    loop = sources[-1]
    for step in ("optimizer.zero_grad()", "loss.backward()", "optimizer.step()"):
        assert step in loop, f"the lesson's last tagged cell should be the loop ({step})"


def test_the_lessons_training_loop_matches_train_mlp():
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):  # the cells print as they go
        for source in _training_cells():
            exec(compile(source, str(LESSON_04), "exec"), namespace)
    net, losses = namespace["net"], namespace["losses"]
    X, y = truth_table("XOR")
    library = train_mlp(
        X,
        y,
        hidden_size=net.hidden.out_features,
        epochs=namespace["EPOCHS"],
        learning_rate=namespace["LEARNING_RATE"],
        seed=namespace["SEED"],
    )
    assert losses == library.losses  # the same run, epoch by epoch
    ours, theirs = net.state_dict(), library.model.state_dict()
    assert list(ours) == list(theirs)  # same layer names, so a GateMLP can load the lesson's net
    for name in ours:
        assert torch.equal(ours[name], theirs[name]), name
    with torch.no_grad():
        assert ((net(torch.tensor(X, dtype=torch.float32)) >= 0).int().numpy() == y).all()
