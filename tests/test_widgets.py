"""gatelab.widgets: each playground builds, and moving a control redraws it, with no display."""

import matplotlib

matplotlib.use("Agg")  # no display in tests

import numpy as np
import pytest
from ipywidgets import HTML, Image
from pictures import pixels

from gatelab import train_gate
from gatelab.perceptron import Perceptron
from gatelab.widgets import (
    LivePlayground,
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
    assert isinstance(playground, LivePlayground) and isinstance(playground, Playground)
    assert isinstance(playground.image, Image) and isinstance(playground.text, HTML)
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


def moved(playground: LivePlayground, name: str, value: object) -> tuple[bool, bool]:
    """Set one control; say whether the picture's pixels and the text changed."""
    png, text = playground.image.value, playground.text.value
    playground.controls[name].value = value
    new = pixels(playground.image.value)
    picture_changed = new.shape != pixels(png).shape or bool((new != pixels(png)).any())
    return picture_changed, playground.text.value != text


def test_the_input_playground_moves_its_star_and_rewrites_the_arithmetic(and_model):
    playground = input_playground(and_model, "AND")
    assert "The trained AND perceptron says 0." in playground.text.value
    assert moved(playground, "x1", 1.0) == (True, True)
    assert "The trained AND perceptron says 1." in playground.text.value
    assert "step(" in playground.text.value and "&gt;" not in playground.text.value
    # Back where it was: the same picture as before, drawn from the kept still parts.
    first = pixels(playground.image.value)
    moved(playground, "x1", 0.0)
    moved(playground, "x1", 1.0)
    assert (pixels(playground.image.value) == first).all()


def test_the_boundary_playground_redraws_line_legend_and_table(and_model):
    playground = boundary_playground("AND", weights=(0.5, 0.5), bias=-0.2)
    assert "<table>" in playground.text.value and "AND: 2 of 4 right" in playground.text.value
    assert moved(playground, "w1", 0.6) == (True, True)  # the line moves, the sums change
    assert moved(playground, "b", -0.7) == (True, True)
    assert "AND: 4 of 4 right" in playground.text.value
    assert moved(playground, "gate", "XOR") == (True, True)
    assert "XOR:" in playground.text.value


def test_a_step_looks_like_a_fresh_drawing_of_the_same_settings():
    # Reached step by step (the quick path) or in one go (everything drawn): the same picture.
    stepped = boundary_playground("AND", weights=(0.5, 0.5), bias=-0.2)
    for value in (0.55, 0.6, 0.65, 0.7):
        stepped.controls["w1"].value = value
    direct = boundary_playground("AND", weights=(0.7, 0.5), bias=-0.2)
    difference = np.abs(pixels(stepped.image.value) - pixels(direct.image.value))
    assert difference.max() <= 8  # only anti-aliasing and the shading over the grid may differ


def test_the_training_playground_redraws_after_retraining():
    playground = training_playground("NAND", learning_rate=0.01, epochs=100, seed=3)
    assert "NAND: converged in" in playground.text.value
    for seed in (4, 5, 4):
        assert moved(playground, "seed", seed) == (True, True)
    assert moved(playground, "epochs", 12) == (True, True)
    assert "not converged after 12 epochs" in playground.text.value
    wide = pixels(playground.image.value).shape
    assert moved(playground, "gate", "NOT")[0]  # a number line: a lower picture
    assert pixels(playground.image.value).shape[0] < wide[0]


def test_playgrounds_built_after_set_language_ko_speak_korean(and_model, korean):
    inputs = input_playground(and_model, "AND")
    assert inputs.controls["x1"].description == "입력 x1"
    assert "퍼셉트론의 출력은 0입니다" in inputs.text.value
    assert "계단 함수는" in inputs.text.value
    assert repr(inputs).startswith("실습 위젯: 입력을 움직여 AND")
    boundary = boundary_playground("AND")
    assert [boundary.controls[name].description for name in ("gate", "w1", "b")] == [
        "게이트",
        "가중치 w1",
        "편향 b",
    ]
    training = training_playground("AND")
    assert training.controls["learning_rate"].description == "학습률"
    assert "에포크 만에 수렴했습니다" in training.text.value
    assert moved(training, "epochs", 2) == (True, True)
    assert "수렴하지 않았습니다" in training.text.value


def test_english_is_back_after_set_language_en(and_model):
    playground = input_playground(and_model, "AND")
    assert playground.controls["x1"].description == "input x1"
    assert repr(playground) == (
        "Playground: Move an input through AND (run the notebook to use the sliders)"
    )


def test_the_figure_cache_keeps_one_figure_per_look_and_language(korean):
    from gatelab._live import FigureCache
    from gatelab.language import set_language

    cache = FigureCache(size=2)
    made = []

    def make():
        made.append(object())
        return made[-1]

    first, new = cache.get("bars", make)
    assert new and cache.get("bars", make) == (first, False)  # Korean: made once
    set_language("en")
    english, new = cache.get("bars", make)
    assert new and english is not first  # its labels would be in the other language
    cache.get("line", make)  # a third look: the oldest ("bars" in Korean) is dropped
    set_language("ko")
    again, new = cache.get("bars", make)
    assert new and again is not first and len(made) == 4
