"""gatelab.mlp_plots and gatelab.mlp_widgets: pictures show the right numbers, with no display."""

import matplotlib

matplotlib.use("Agg")  # no display in tests

import numpy as np
import pytest
import torch  # a hard dependency: a broken install must fail here, not skip
from matplotlib.contour import ContourSet
from matplotlib.figure import Figure
from pictures import pixels
from torch import nn

from gatelab import truth_table
from gatelab.mlp import GateMLP, TrainingResult, train_gate_mlp
from gatelab.mlp_plots import (
    CHANCE_LOSS,
    hidden_lines,
    plot_decision_surface,
    plot_hidden_units,
    plot_loss_curve,
    plot_mlp_training,
    probability_grid,
)
from gatelab.mlp_widgets import describe_run, mlp_playground
from gatelab.plots import CLASS_0_COLOR, CLASS_1_COLOR
from gatelab.widgets import LivePlayground


@pytest.fixture(scope="module")
def xor_run():
    return train_gate_mlp("XOR", seed=0)


@pytest.fixture
def by_hand():
    """Lesson 03's answer as a 2-unit network: OR line and NAND line, ANDed (tanh ≈ step)."""
    model = GateMLP(hidden_size=2)
    with torch.no_grad():
        model.hidden.weight.copy_(10 * torch.tensor([[1.0, 1.0], [-1.0, -1.0]]))
        model.hidden.bias.copy_(10 * torch.tensor([-0.5, 1.5]))
        model.output.weight.copy_(10 * torch.tensor([[1.0, 1.0]]))
        model.output.bias.copy_(torch.tensor([-10.0]))
    return model.eval()


def dashed_lines(ax):
    """Lines drawn dashed and with data (legend stand-ins have none)."""
    return [
        line for line in ax.get_lines() if line.get_linestyle() == "--" and len(line.get_xdata())
    ]


# ----- numbers behind the pictures ----------------------------------------------------------------
def test_probability_grid_covers_the_view_and_matches_the_model(xor_run):
    x1, x2, probability = probability_grid(xor_run.model, resolution=5)
    assert x1.shape == x2.shape == probability.shape == (5, 5)
    assert (x1.min(), x1.max(), x2.min(), x2.max()) == (-0.5, 1.5, -0.5, 1.5)
    assert ((probability >= 0) & (probability <= 1)).all()
    # Grid point (row 1, column 3) is (x1, x2) = (1.0, 0.0).
    assert probability[1, 3] == pytest.approx(xor_run.model.predict_proba([1.0, 0.0]), abs=1e-6)


def test_hand_set_network_is_blue_in_the_band_only(by_hand):
    x1, x2, probability = probability_grid(by_hand, resolution=41)
    band = (x1 + x2 > 0.6) & (x1 + x2 < 1.4)
    outside = (x1 + x2 < 0.4) | (x1 + x2 > 1.6)
    assert (probability[band] > 0.5).all() and (probability[outside] < 0.5).all()


def test_hidden_lines_read_the_weights(by_hand):
    lines = hidden_lines(by_hand)
    assert [line.unit for line in lines] == [1, 2]
    assert lines[0].weights == (10.0, 10.0) and lines[0].bias == -5.0
    assert lines[1].weights == (-10.0, -10.0) and lines[1].bias == 15.0
    assert [line.output_weight for line in lines] == [10.0, 10.0]


def test_hidden_lines_work_for_any_module_with_the_same_layer_names():
    class LessonNet(nn.Module):  # the lesson writes its own class with these attribute names
        def __init__(self):
            super().__init__()
            self.hidden, self.act, self.output = nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1)

        def forward(self, x):
            return self.output(self.act(self.hidden(x))).squeeze(-1)

    net = LessonNet()
    assert len(hidden_lines(net)) == 3
    assert isinstance(plot_hidden_units(net), Figure)
    assert isinstance(plot_decision_surface(net, show_hidden=True), Figure)


# ----- the figures --------------------------------------------------------------------------------
def test_decision_surface_has_points_boundary_and_colorbar(xor_run):
    fig = plot_decision_surface(xor_run.model, "XOR")
    assert isinstance(fig, Figure) and len(fig.axes) == 2  # the plane and its colorbar
    ax = fig.axes[0]
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels == ["boundary: p = 0.5", "XOR = 0", "XOR = 1"]
    assert fig.axes[1].get_ylabel() == "P(output = 1)"
    assert (ax.get_xlim(), ax.get_ylim()) == ((-0.5, 1.5), (-0.5, 1.5))
    assert dashed_lines(ax) == []


def test_decision_surface_can_add_one_dashed_line_per_hidden_unit(xor_run):
    fig = plot_decision_surface(xor_run.model, "XNOR", show_hidden=True, title="mine")
    ax = fig.axes[0]
    assert ax.get_title() == "mine"
    assert len(dashed_lines(ax)) <= xor_run.model.hidden_size  # lines outside the view are skipped
    assert len(dashed_lines(ax)) >= 2
    assert any(
        text.get_text().startswith("hidden units' lines") for text in ax.get_legend().get_texts()
    )


def test_hidden_lines_stay_visible_on_top_of_the_boundary(by_hand):
    # In the hand-set network the two hidden lines ARE the boundary: they must be drawn above it,
    # in another colour than the boundary's, so their dashes show.
    from gatelab.mlp_plots import HIDDEN_LINE_COLOR
    from gatelab.plots import BOUNDARY_COLOR

    ax = plot_decision_surface(by_hand, "XOR", show_hidden=True).axes[0]
    dashed = dashed_lines(ax)
    assert len(dashed) == 2
    (boundary,) = [c for c in ax.collections if isinstance(c, ContourSet) and not c.filled]
    for line in dashed:
        assert line.get_zorder() > boundary.get_zorder()
        assert line.get_color() == HIDDEN_LINE_COLOR != BOUNDARY_COLOR
        assert line.get_path_effects()  # a white edge keeps the dashes apart from the black line
    assert HIDDEN_LINE_COLOR.lower() not in {c.lower() for c in (CLASS_0_COLOR, CLASS_1_COLOR)}


def test_thickness_follows_the_absolute_output_weight():
    model = GateMLP(hidden_size=2)
    with torch.no_grad():
        model.hidden.weight.copy_(torch.tensor([[1.0, 1.0], [1.0, -1.0]]))
        model.hidden.bias.copy_(torch.tensor([-0.5, 0.0]))
        model.output.weight.copy_(torch.tensor([[-4.0, 1.0]]))  # the negative one is larger
    widths = [
        line.get_linewidth()
        for line in dashed_lines(plot_decision_surface(model, show_hidden=True).axes[0])
    ]
    assert widths[0] > widths[1]


def test_figures_are_made_without_pyplot(xor_run):
    from matplotlib import pyplot as plt

    plt.close("all")
    plot_decision_surface(xor_run.model)
    plot_loss_curve(xor_run.losses)
    plot_hidden_units(xor_run.model)
    plot_mlp_training(xor_run)
    assert plt.get_fignums() == []  # so a notebook shows each figure once, as the cell's value


def test_loss_curve_draws_every_epoch_and_the_chance_line(xor_run):
    fig = plot_loss_curve(xor_run.losses)
    ax = fig.axes[0]
    curve, chance = ax.get_lines()[:2]
    assert list(curve.get_ydata()) == xor_run.losses
    assert list(curve.get_xdata()) == list(range(1, len(xor_run.losses) + 1))
    assert chance.get_ydata()[0] == pytest.approx(CHANCE_LOSS)
    assert ax.get_yscale() == "log"
    low, high = ax.get_ylim()
    assert low <= min(xor_run.losses) and high >= max(xor_run.losses)
    assert f"final {xor_run.final_loss:.4f}" in ax.get_legend().get_texts()[0].get_text()
    # Blue and orange mean "output 1" and "output 0" in every lesson; a loss is neither.
    assert curve.get_color().lower() not in {CLASS_0_COLOR.lower(), CLASS_1_COLOR.lower()}


def test_hidden_unit_panels_run_from_the_largest_output_weight(xor_run):
    fig = plot_hidden_units(xor_run.model, "XOR")
    panels = [ax for ax in fig.axes if ax.get_visible() and ax.get_title()]
    assert len(panels) == xor_run.model.hidden_size
    weights = [float(ax.get_title().split("output weight ")[1]) for ax in panels]
    assert weights == sorted(weights, key=abs, reverse=True)
    assert fig.axes[-1].get_ylabel() == "hidden unit's value"  # the shared colorbar


def test_training_figure_reports_rows_right(xor_run):
    fig = plot_mlp_training(xor_run, "XOR")
    titles = [ax.get_title() for ax in fig.axes]
    assert "XOR: 4 of 4 right" in titles
    assert "seed 0" in fig.get_suptitle() and "hidden size 8" in fig.get_suptitle()
    stuck = train_gate_mlp("XOR", seed=1, hidden_size=1, epochs=50)  # one line: never 4/4
    X, y = truth_table("XOR")
    right = int((stuck.model.predict(X) == y).sum())
    assert right < 4
    assert f"XOR: {right} of 4 right" in [ax.get_title() for ax in plot_mlp_training(stuck).axes]


# ----- the playground -----------------------------------------------------------------------------
def test_describe_run_is_one_rounded_line(xor_run):
    text = describe_run(xor_run, "xor")
    assert text.startswith("XOR: hidden size 8, learning rate 0.05, seed 0 → 4 of 4 right")
    assert f"final loss {xor_run.final_loss:.4f}" in text and "\n" not in text


def test_playground_trains_once_and_again_when_a_slider_moves():
    playground = mlp_playground("XOR", seed=0)
    assert isinstance(playground, LivePlayground)
    assert bytes(playground.image.value).startswith(b"\x89PNG")
    assert set(playground.controls) == {"gate", "hidden_size", "learning_rate", "seed"}
    first = playground.result
    assert isinstance(first, TrainingResult) and first.model.hidden_size == 8
    X, y = truth_table("XOR")
    assert np.array_equal(first.model.predict(X), y)

    playground.controls["hidden_size"].value = 2
    playground.controls["seed"].value = 1
    moved = playground.result
    assert (moved.model.hidden_size, moved.seed) == (2, 1)
    assert moved.losses == train_gate_mlp("XOR", seed=1, hidden_size=2).losses

    playground.controls["gate"].value = "XNOR"
    X, y = truth_table("XNOR")
    playground.controls["hidden_size"].value = 8
    assert np.array_equal(playground.result.model.predict(X), y)
    assert "run the notebook" in repr(playground)


def test_playground_pictures_match_a_fresh_drawing_of_the_same_run():
    # Reached move by move (only the run's parts drawn again) or in one go: the same pixels,
    # also across a change of the loss axis's decades and of the gate.
    stepped = mlp_playground("XOR", hidden_size=8, learning_rate=0.05, seed=0)
    first = pixels(stepped.image.value)
    for seed in (1, 2, 3):
        stepped.controls["seed"].value = seed
    assert (pixels(stepped.image.value) != first).any()
    direct = mlp_playground("XOR", hidden_size=8, learning_rate=0.05, seed=3)
    assert (pixels(stepped.image.value) == pixels(direct.image.value)).all()

    stepped.controls["gate"].value = "XNOR"
    stepped.controls["learning_rate"].value = 0.002  # the loss stays near 0.69: other decades
    direct = mlp_playground("XNOR", hidden_size=8, learning_rate=0.002, seed=3)
    assert (pixels(stepped.image.value) == pixels(direct.image.value)).all()
    assert stepped.text.value == direct.text.value and "XNOR: hidden size 8" in direct.text.value


def test_playground_learning_rate_reaches_the_training():
    playground = mlp_playground("XOR", learning_rate=0.01, epochs=20)
    assert playground.result.learning_rate == pytest.approx(0.01)
    assert playground.result.epochs == 20
    playground.controls["learning_rate"].value = 0.1
    assert playground.result.learning_rate == pytest.approx(0.1)
