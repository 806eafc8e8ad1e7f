"""gatelab.plots: the boundary drawn is the boundary computed, and the pictures render.

The numpy geometry has its own tests (test_plot_geometry.py), the tables theirs (test_tables.py).
"""

import io

import matplotlib

matplotlib.use("Agg")  # no display in tests

import numpy as np
import pytest
from matplotlib.figure import Figure

from gatelab import train_gate, truth_table
from gatelab.gates import GATE_NAMES
from gatelab.plots import (
    CLASS_COLORS,
    CLEAN_EPOCH_COLOR,
    ERROR_BAR_COLOR,
    GATE_COLORS,
    MISTAKE_COLOR,
    MISTAKE_LABEL,
    SAYS,
    SPARE_LINE_COLORS,
    VIEW,
    boundary_path,
    draw_boundary,
    draw_gate_points,
    draw_mistakes,
    draw_number_line,
    epochs_to_converge,
    gate_color,
    new_axes,
    plot_attempts,
    plot_band,
    plot_boundary,
    plot_cycle,
    plot_gate,
    plot_hidden_space,
    plot_input_point,
    plot_learning_rate_sweep,
    plot_not,
    plot_perceptron,
    plot_perceptrons,
    plot_training,
    plot_xor_no_line,
)
from gatelab.plots.drawing import gate_computed_by

LO, HI = VIEW


def _renders(fig: Figure) -> None:
    """The figure draws to a PNG without error."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG")


# ----- the decision boundary --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("weights", "bias"),
    [([1.0, 1.0], -1.5), ([0.337, 0.170], -0.459), ([-2.0, 0.5], 0.3), ([0.2, -1.0], 0.1)],
)
def test_drawn_line_satisfies_its_equation(weights, bias):
    _, ax = new_axes()
    line = draw_boundary(ax, weights, bias)
    points = line.get_xydata()
    assert len(points) == 2 and not np.allclose(points[0], points[1])
    np.testing.assert_allclose(points @ np.array(weights) + bias, 0.0, atol=1e-9)
    # Both ends lie on the edge of the view, so the line crosses the whole picture.
    assert np.all((points >= LO - 1e-9) & (points <= HI + 1e-9))
    on_edge = np.isclose(points, LO) | np.isclose(points, HI)
    assert on_edge.any(axis=1).all()


def test_vertical_line_when_w2_is_zero():
    _, ax = new_axes()
    line = draw_boundary(ax, [0.5, 0.0], -0.25)
    xs, ys = line.get_data()
    np.testing.assert_allclose(xs, [0.5, 0.5])
    assert sorted(ys) == [LO, HI]


@pytest.mark.parametrize(("bias", "expected_class"), [(0.5, 1), (0.0, 1), (-0.5, 0)])
def test_no_line_when_both_weights_are_zero(bias, expected_class):
    _, ax = new_axes()
    assert draw_boundary(ax, [0.0, 0.0], bias) is None
    # One class covers the whole view: step(b), with step(0) = 1.
    (patch,) = ax.patches
    assert matplotlib.colors.same_color(patch.get_facecolor()[:3], CLASS_COLORS[expected_class])


def test_line_outside_the_view_is_not_drawn():
    _, ax = new_axes()
    assert draw_boundary(ax, [1.0, 1.0], -10.0) is None
    assert len(ax.patches) == 1  # everything predicted 0


def test_gate_points_are_coloured_by_target():
    _, ax = new_axes()
    draw_gate_points(ax, "XOR")
    zeros, ones = ax.collections[:2]
    np.testing.assert_array_equal(zeros.get_offsets(), [[0, 0], [1, 1]])
    np.testing.assert_array_equal(ones.get_offsets(), [[0, 1], [1, 0]])
    assert matplotlib.colors.same_color(ones.get_facecolor()[0], CLASS_COLORS[1])
    assert ax.get_xlim() == VIEW and ax.get_ylim() == VIEW
    assert ax.get_legend() is not None


def test_gate_points_refuse_one_input_gates():
    _, ax = new_axes()
    with pytest.raises(ValueError, match="number_line"):
        draw_gate_points(ax, "NOT")


def test_new_axes_reuses_a_given_axes():
    fig = Figure()
    ax = fig.add_subplot()
    assert new_axes(ax) == (fig, ax)


def test_mistakes_are_counted():
    _, ax = new_axes()
    assert draw_mistakes(ax, "AND", [0.5, 0.5], -0.2) == 2
    assert draw_mistakes(ax, "AND", [1.0, 1.0], -1.5) == 0


# ----- NOT on a number line ---------------------------------------------------------------------
@pytest.mark.parametrize(("weight", "bias"), [(-1.0, 0.5), (-0.163, 0.07), (2.0, -0.6)])
def test_not_threshold_sits_where_the_weights_put_it(weight, bias):
    fig = plot_not([weight], bias)
    (threshold_line,) = [line for line in fig.axes[0].lines if line.get_gid() == "threshold"]
    np.testing.assert_allclose(threshold_line.get_xdata(), [-bias / weight] * 2)


def test_not_threshold_is_returned_and_absent_when_weight_is_zero():
    _, ax = new_axes()
    assert draw_number_line(ax, [-1.0], 0.5) == pytest.approx(0.5)
    _, ax = new_axes()
    assert np.isnan(draw_number_line(ax, [0.0], 0.5))
    assert not [line for line in ax.lines if line.get_gid() == "threshold"]


@pytest.mark.parametrize(("weight", "bias", "colour_at_zero"), [(1.0, 5.0, 1), (1.0, -5.0, 0)])
def test_number_line_shading_with_the_threshold_out_of_view(weight, bias, colour_at_zero):
    _, ax = new_axes()
    draw_number_line(ax, [weight], bias)
    spans = [patch for patch in ax.patches if patch.get_width() > 0]
    (span,) = spans  # the whole view is one class
    assert matplotlib.colors.same_color(span.get_facecolor()[:3], CLASS_COLORS[colour_at_zero])


def test_number_line_refuses_two_input_gates():
    _, ax = new_axes()
    with pytest.raises(ValueError, match="two inputs"):
        draw_number_line(ax, [1.0], 0.0, gate="AND")


# ----- training pictures ------------------------------------------------------------------------
def test_boundary_path_starts_at_the_initial_weights_and_ends_at_the_final_ones():
    model = train_gate("AND")
    path = boundary_path(model)
    assert len(path) == model.epochs_run_ + 1
    first = model.history_[0]
    np.testing.assert_allclose(path[0][0], first.weights_before)
    assert path[0][1] == first.bias_before
    np.testing.assert_allclose(path[-1][0], model.weights_)


def test_training_plot_draws_one_line_per_epoch_plus_the_final_one():
    model = train_gate("AND")
    fig = plot_training(model, "AND")
    path_ax, error_ax = fig.axes
    drawn = [line for line in path_ax.lines if len(line.get_xdata())]
    assert len(drawn) == model.epochs_run_ + 1
    assert [patch.get_height() for patch in error_ax.patches] == model.errors_per_epoch()
    _renders(fig)


def test_training_plot_draws_into_given_axes():
    fig = Figure()
    axes = fig.subplots(1, 2)
    assert plot_training(train_gate("OR"), "OR", axes=tuple(axes)) is fig
    assert axes[1].get_title() == "mistakes per epoch"


def test_training_plot_handles_not_and_a_long_xor_run():
    _renders(plot_training(train_gate("NOT"), "NOT"))
    _renders(plot_training(train_gate("XOR", epochs=60), "XOR"))


def test_epochs_to_converge_marks_failures_as_nan():
    table = epochs_to_converge("XOR", [0.1, 1.0], seeds=[0, 1], epochs=20)
    assert table.shape == (2, 2) and np.isnan(table).all()
    table = epochs_to_converge("AND", [0.1], seeds=[0], epochs=20)
    assert table[0, 0] == train_gate("AND").converged_epoch_


def test_learning_rate_sweep_draws_one_line_per_gate():
    rates = [0.1, 1.0]
    results = {gate: epochs_to_converge(gate, rates, range(3)) for gate in ("AND", "OR")}
    fig = plot_learning_rate_sweep(results, rates)
    assert [text.get_text() for text in fig.axes[0].get_legend().get_texts()] == ["AND", "OR"]
    _renders(fig)


# ----- XOR pictures -----------------------------------------------------------------------------
def test_cycle_shows_each_step_of_one_epoch():
    model = train_gate("XOR", epochs=20)
    assert len(plot_cycle(model, "XOR", epoch=20).axes) == 4
    with pytest.raises(ValueError, match="epoch 21"):
        plot_cycle(model, "XOR", epoch=21)


def test_band_is_where_both_perceptrons_fire():
    nand, or_ = train_gate("NAND"), train_gate("OR")
    fig = plot_band("XOR", [(nand.weights_, nand.bias_), (or_.weights_, or_.bias_)], ["a", "b"])
    band = fig.axes[0].patches[-1].get_xy()  # the last fill is the band
    for model in (nand, or_):
        assert np.all(band @ model.weights_ + model.bias_ >= -1e-9)
    _renders(fig)


def test_every_picture_renders():
    model = train_gate("AND")
    models = {gate: train_gate(gate) for gate in ("AND", "NAND")}
    figures = [
        plot_gate("OR"),
        plot_boundary([1, 1], -1.5, "AND", title="by hand"),
        plot_boundary([1, 1], -1.5),
        plot_input_point(model.weights_, model.bias_, (0.3, 0.8), gate="AND"),
        plot_perceptron(model, "AND"),
        plot_perceptron(train_gate("NOT"), "NOT"),
        plot_perceptrons(models),
        plot_xor_no_line(),
        plot_attempts("XOR", [([1, 1], -0.5), ([-1, -1], 1.5)]),
        plot_hidden_space("XOR", [models["NAND"], train_gate("OR")], model),
    ]
    for fig in figures:
        assert isinstance(fig, Figure)
        assert fig.canvas.manager is None  # not registered with pyplot: shown once, never twice
        _renders(fig)


# ----- one meaning per colour -------------------------------------------------------------------
same_color = matplotlib.colors.same_color


def _legend_texts(fig: Figure) -> list[str]:
    """Every legend entry in the figure, from its Axes' legends and its own."""
    legends = [ax.get_legend() for ax in fig.axes] + list(fig.legends)
    return [text.get_text() for legend in legends if legend for text in legend.get_texts()]


def test_every_gate_has_its_own_colour_apart_from_the_class_colours():
    assert set(GATE_COLORS) == set(GATE_NAMES)
    colours = list(GATE_COLORS.values())
    assert len({matplotlib.colors.to_hex(c) for c in colours}) == len(colours)
    for colour in colours:
        assert not any(same_color(colour, other) for other in (*CLASS_COLORS, MISTAKE_COLOR))
    assert gate_color("nand") == GATE_COLORS["NAND"]


def test_a_line_is_named_by_the_gate_its_answers_match():
    assert gate_computed_by([1.0, 1.0], -1.5) == "AND"
    assert gate_computed_by([-1.0, -1.0], 1.5) == "NAND"
    assert gate_computed_by([1.0, 1.0], -0.5) == "OR"
    assert gate_computed_by([1.0, -1.0], 0.2) is None  # 1 only for (0,0) and (1,0): no gate
    for gate in ("AND", "OR", "NAND", "NOR"):
        model = train_gate(gate)
        assert gate_computed_by(model.weights_, model.bias_) == gate


@pytest.mark.parametrize("order", [("NAND", "OR"), ("OR", "NAND")])
def test_band_lines_take_the_colour_of_the_gate_they_compute(order):
    models = {gate: train_gate(gate) for gate in order}
    lines = [(models[gate].weights_, models[gate].bias_) for gate in order]
    # The labels say nothing about the gates: the colour comes from what each line computes.
    fig = plot_band("XOR", lines, ["first", "second"])
    drawn = {line.get_label(): line.get_color() for line in fig.axes[0].lines}
    assert same_color(drawn["first"], GATE_COLORS[order[0]])
    assert same_color(drawn["second"], GATE_COLORS[order[1]])
    # Named explicitly, the gates decide; a line that computes no gate takes a spare grey.
    fig = plot_band("XOR", lines, ["first", "second"], gates=order[::-1])
    drawn = {line.get_label(): line.get_color() for line in fig.axes[0].lines}
    assert same_color(drawn["first"], GATE_COLORS[order[1]])
    fig = plot_band("XOR", [([1.0, -1.0], 0.2)], ["no gate"])
    (line,) = fig.axes[0].lines
    assert same_color(line.get_color(), SPARE_LINE_COLORS[0])


def test_hidden_space_line_takes_the_colour_of_the_gate_the_output_computes():
    nand, or_ = train_gate("NAND"), train_gate("OR")
    for output, colour in ((train_gate("AND"), GATE_COLORS["AND"]), (nand, GATE_COLORS["NAND"])):
        fig = plot_hidden_space("XOR", [nand, or_], output, output_name="out")
        (line,) = [line for line in fig.axes[0].lines if line.get_label() == "out's line"]
        assert same_color(line.get_color(), colour)


def test_learning_rate_sweep_colours_each_gate_by_its_colour():
    rates = [0.1, 1.0]
    results = {gate: epochs_to_converge(gate, rates, range(2)) for gate in ("OR", "AND", "NOR")}
    ax = plot_learning_rate_sweep(results, rates).axes[0]
    for gate, (line, *_) in zip(results, ax.containers):
        assert same_color(line.get_color(), GATE_COLORS[gate])


@pytest.mark.parametrize(
    "make",
    [
        lambda: plot_boundary([0.5, 0.5], -0.2, "AND"),
        lambda: plot_perceptron(train_gate("NOT"), "NOT"),
        lambda: plot_training(train_gate("AND"), "AND"),
        lambda: plot_input_point([1, 1], -1.5, (0.3, 0.8), gate="AND"),
        lambda: plot_band("XOR", [([-1, -1], 1.5), ([1, 1], -0.5)], ["NAND", "OR"]),
        lambda: plot_perceptrons({"AND": train_gate("AND"), "OR": train_gate("OR")}),
        lambda: plot_attempts("XOR", [([1, 1], -0.5)]),
        lambda: plot_cycle(train_gate("XOR", epochs=20), "XOR", epoch=20),
    ],
)
def test_decision_plots_say_what_the_shading_means(make):
    texts = _legend_texts(make())
    assert SAYS[0] in texts and SAYS[1] in texts


def _rings(fig: Figure) -> list:
    """Scatter collections drawn as red rings."""
    return [
        c
        for ax in fig.axes
        for c in ax.collections
        if len(c.get_edgecolor()) and same_color(c.get_edgecolor()[0], MISTAKE_COLOR)
    ]


@pytest.mark.parametrize(
    "make",
    [
        lambda: plot_boundary([0.5, 0.5], -0.2, "AND"),
        lambda: plot_band("XOR", [([1, 1], -0.5)], ["OR"]),
        lambda: plot_attempts("XOR", [([1, 1], -0.5), ([-1, -1], 1.5)]),
        lambda: plot_perceptrons({"AND": train_gate("AND", epochs=2)}),
        lambda: plot_cycle(train_gate("XOR", epochs=20), "XOR", epoch=20),
    ],
)
def test_the_red_ring_only_marks_the_wrong_side_and_has_a_legend_entry(make):
    fig = make()
    rings = _rings(fig)
    assert rings
    assert all(ring.get_label() == MISTAKE_LABEL for ring in rings)
    assert MISTAKE_LABEL in _legend_texts(fig)


def test_cycle_rings_only_the_points_on_the_wrong_side():
    model = train_gate("XOR", epochs=20)
    fig = plot_cycle(model, "XOR", epoch=20)
    records = [record for record in model.history_ if record.epoch == 20]
    for ax, record in zip(fig.axes, records):
        rings = [ring for ring in _rings(fig) if ring.axes is ax]
        ringed = {tuple(p) for ring in rings for p in ring.get_offsets()}
        X, y = truth_table("XOR")
        sums = X @ np.array(record.weights_before) + record.bias_before
        assert ringed == {tuple(p) for p in X[(sums >= 0).astype(int) != y]}


def test_mistake_counts_do_not_use_the_class_colours():
    fig = plot_training(train_gate("AND"), "AND")
    error_ax = fig.axes[1]
    for patch in error_ax.patches:
        assert same_color(patch.get_facecolor()[:3], ERROR_BAR_COLOR)
    (clean,) = [line for line in error_ax.lines if line.get_label() == "no mistake"]
    assert same_color(clean.get_color(), CLEAN_EPOCH_COLOR)
    for colour in (ERROR_BAR_COLOR, CLEAN_EPOCH_COLOR):
        assert not any(same_color(colour, other) for other in CLASS_COLORS)


def test_a_long_run_draws_its_mistakes_as_a_line_not_a_block():
    model = train_gate("XOR", epochs=100)
    error_ax = plot_training(model, "XOR").axes[1]
    assert not error_ax.patches  # no bars, no filled area
    (line,) = [line for line in error_ax.lines if line.get_gid() == "errors"]
    np.testing.assert_array_equal(line.get_ydata(), model.errors_per_epoch())
