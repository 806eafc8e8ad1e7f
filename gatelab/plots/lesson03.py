"""Lesson 03's pictures: XOR, where one line is not enough, and the two lines that do it."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from gatelab.gates import get_gate
from gatelab.language import tr
from gatelab.perceptron import Perceptron
from gatelab.plots.drawing import (
    draw_boundary,
    draw_gate_points,
    draw_mistakes,
    draw_points,
    gate_computed_by,
    predictions,
    ring_points,
    shade_region,
    square_view,
)
from gatelab.plots.geometry import (
    boundary_label,
    boundary_segment,
    region_where_all_fire,
    view_corners,
)
from gatelab.plots.style import (
    BOUNDARY_COLOR,
    CLASS_0_COLOR,
    CLASS_1_COLOR,
    DPI,
    GATE_COLORS,
    SPARE_LINE_COLORS,
    SQUARE_LEGEND_SIZE,
    add_figure_legend,
    add_legend,
    new_axes,
)

Line = tuple[Sequence[float], float]  # (weights, bias) of one perceptron


def plot_cycle(model: Perceptron, gate: str, epoch: int) -> Figure:
    """One epoch step by step: the line before each update, with the row being looked at."""
    records = [record for record in model.history_ if record.epoch == epoch]
    if not records:
        raise ValueError(f"the model has no recorded epoch {epoch} (it ran {model.epochs_run_})")
    # Two panels a row, so each step's picture and two-line title have room to be read.
    cols = min(len(records), 2)
    rows = -(-len(records) // cols)
    fig = Figure(figsize=(3.6 * cols, 3.5 * rows + 0.7), dpi=DPI, layout="constrained")
    axes = fig.subplots(rows, cols, sharey=True, squeeze=False).ravel()
    for extra in axes[len(records) :]:
        extra.remove()
    axes = axes[: len(records)]
    for number, (ax, record) in enumerate(zip(axes, records), start=1):
        draw_boundary(ax, record.weights_before, record.bias_before)
        draw_gate_points(ax, gate)
        draw_mistakes(ax, gate, record.weights_before, record.bias_before)
        # The row this step looks at: a black square frame, so the red ring keeps one meaning.
        ax.scatter(
            *record.inputs,
            s=900,
            marker="s",
            facecolors="none",
            edgecolors="black",
            linewidths=1.5,
            zorder=5,
            label=tr("the row this step looks at"),
        )
        verdict = tr("wrong, so the line moves") if record.error else tr("right, so the line stays")
        if boundary_segment(record.weights_before, record.bias_before) is None:
            everyone = tr(
                "the line is off the picture:\nevery point gets {output}",
                output=record.prediction,
            )
            ax.text(
                0.5, -0.3, everyone, ha="center", va="center", fontsize=9, linespacing=1.4, zorder=6
            )
        x1, x2 = (int(v) for v in record.inputs)
        ax.set_title(
            tr(
                "step {number}: ({x1},{x2}) says {output}\n{verdict}",
                number=number,
                x1=x1,
                x2=x2,
                output=record.prediction,
                verdict=verdict,
            ),
            fontsize=10,
            linespacing=1.4,  # the two lines of the title apart, also in Hangul
        )
        if (number - 1) % cols:
            ax.set_ylabel("")
    add_figure_legend(fig, axes)
    fig.suptitle(
        tr(
            "{gate}, epoch {epoch}: the line before each update",
            gate=get_gate(gate).name,
            epoch=epoch,
        ),
        fontsize=10,
    )
    return fig


def plot_xor_no_line(ax: Axes | None = None) -> Figure:
    """Why no line separates XOR: the diagonal joining the 1s crosses the one joining the 0s."""
    fig, ax = new_axes(ax)
    ax.plot([0, 1], [1, 0], "--", color=CLASS_1_COLOR, lw=2, label=tr("between the two 1s"))
    ax.plot([0, 1], [0, 1], "--", color=CLASS_0_COLOR, lw=2, label=tr("between the two 0s"))
    draw_gate_points(ax, "XOR")
    ax.scatter([0.5], [0.5], s=90, marker="X", c="black", zorder=6, label=tr("shared midpoint"))
    ax.annotate(
        tr("(½, ½): the middle of both diagonals"),
        xy=(0.5, 0.5),
        xytext=(0.5, 1.32),
        ha="center",
        va="center",
        fontsize=SQUARE_LEGEND_SIZE,
        arrowprops={"arrowstyle": "->", "color": "black"},
    )
    add_legend(ax, ncols=2, fontsize=SQUARE_LEGEND_SIZE)
    ax.set_title(tr("XOR: the diagonals cross"))
    return fig


def plot_attempts(gate: str, attempts: Sequence[Line]) -> Figure:
    """Several candidate lines side by side, each with the points it gets wrong ringed."""
    fig = Figure(figsize=(3.5 * len(attempts), 4.3), dpi=DPI, layout="constrained")
    axes = np.atleast_1d(fig.subplots(1, len(attempts), sharey=True))
    for number, (ax, (weights, bias)) in enumerate(zip(axes, attempts)):
        draw_boundary(ax, weights, bias)
        draw_gate_points(ax, gate)
        wrong = draw_mistakes(ax, gate, weights, bias)
        ax.set_title(
            tr("{line}\n{wrong} of 4 wrong", line=boundary_label(weights, bias), wrong=wrong),
            fontsize=9.5,
            linespacing=1.5,  # the two lines of the title apart, also in Hangul
        )
        if number:
            ax.set_ylabel("")
    add_figure_legend(fig, axes)
    return fig


def line_colors(boundaries: Sequence[Line], gates: Sequence[str] | None = None) -> list[str]:
    """Each line's colour: the gate it computes (or is named as in `gates`), else a spare grey."""
    names = gates or [gate_computed_by(weights, bias) for weights, bias in boundaries]
    spare = iter(SPARE_LINE_COLORS)
    colors = []
    for name in names:
        known = name is not None and name.upper() in GATE_COLORS
        colors.append(GATE_COLORS[name.upper()] if known else next(spare))
    return colors


def plot_band(
    gate: str,
    boundaries: Sequence[Line],
    labels: Sequence[str],
    ax: Axes | None = None,
    title: str | None = None,
    gates: Sequence[str] | None = None,
) -> Figure:
    """Several perceptrons ANDed: the region where all of them fire is shaded as class 1.

    Each line takes the colour of the gate it computes over the truth table (a NAND line is
    olive in every lesson); name the gates in `gates` to choose the colours yourself.
    """
    fig, ax = new_axes(ax)
    shade_region(ax, view_corners(), 0)
    band = region_where_all_fire(boundaries)
    if len(band) >= 3:
        # Blank the band first so its blue does not mix with the orange underneath.
        ax.fill(*band.T, color="white", lw=0, zorder=1)
        shade_region(ax, band, 1)
    for (weights, bias), label, color in zip(boundaries, labels, line_colors(boundaries, gates)):
        draw_boundary(ax, weights, bias, shade=False, color=color, label=tr(label), linewidth=2.5)
    draw_gate_points(ax, gate)
    spec = get_gate(gate)
    fires = np.ones(len(spec.targets), dtype=bool)
    for weights, bias in boundaries:
        fires &= predictions(gate, weights, bias) == 1
    ring_points(ax, spec.inputs[fires.astype(int) != spec.targets])
    add_legend(ax, ncols=2)
    band_title = tr("{gate}: 1 only in the band where every line fires", gate=spec.name)
    ax.set_title(tr(title) if title else band_title, fontsize=10)
    return fig


def plot_hidden_space(
    gate: str,
    hidden: Sequence[Perceptron],
    output: Perceptron,
    names: Sequence[str] = ("h1", "h2"),
    output_name: str = "output",
    ax: Axes | None = None,
) -> Figure:
    """Where two hidden perceptrons send the gate's inputs, and the output's line there."""
    fig, ax = new_axes(ax)
    spec = get_gate(gate)
    # The output's line in the colour of the gate it computes (AND is green in every lesson).
    computed = gate_computed_by(output.weights_, output.bias_)
    draw_boundary(
        ax,
        output.weights_,
        output.bias_,
        color=GATE_COLORS.get(computed or "", BOUNDARY_COLOR),
        label=tr("{name}'s line", name=output_name),
    )
    moved = np.array([[model.predict(row) for model in hidden] for row in spec.inputs])
    # Two inputs may land on one spot: draw each spot once, with the target written inside.
    spots, first = np.unique(moved, axis=0, return_index=True)
    draw_points(ax, spots, spec.targets[first], name=spec.name)
    # Name the inputs that landed on each spot.
    for spot in spots:
        landed = [i for i, m in enumerate(moved) if (m == spot).all()]
        sources = ", ".join(f"({a},{b})" for a, b in spec.inputs[landed])
        ax.annotate(
            tr("from {sources}", sources=sources),
            tuple(spot),
            xytext=(0, -16),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=SQUARE_LEGEND_SIZE,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
        )
    square_view(ax)
    ax.set_xlabel(tr("{name} (hidden)", name=names[0]))
    ax.set_ylabel(tr("{name} (hidden)", name=names[1]))
    add_legend(ax, ncols=2, fontsize=SQUARE_LEGEND_SIZE)
    ax.set_title(tr("After the hidden layer: one line is enough"), fontsize=10)
    return fig
