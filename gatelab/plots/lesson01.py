"""Lesson 01's pictures: AND's four points, a line that splits them, one input on that line."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from gatelab.gates import get_gate
from gatelab.language import tr
from gatelab.perceptron import Perceptron, step
from gatelab.plots.drawing import draw_boundary, draw_gate_points, draw_mistakes, square_view
from gatelab.plots.geometry import boundary_label, weighted_sums
from gatelab.plots.number_line import plot_not
from gatelab.plots.style import SQUARE_LEGEND_SIZE, YOUR_INPUT_COLOR, add_legend, new_axes


def plot_gate(gate: str, ax: Axes | None = None) -> Figure:
    """The gate's truth table as four coloured points in the plane."""
    fig, ax = new_axes(ax)
    draw_gate_points(ax, gate)
    add_legend(ax, fontsize=SQUARE_LEGEND_SIZE)
    ax.set_title(tr("{gate}: the four inputs", gate=get_gate(gate).name))
    return fig


def plot_boundary(
    weights: Sequence[float],
    bias: float,
    gate: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Figure:
    """A decision boundary with its shaded half-planes, over the gate's points when given."""
    fig, ax = new_axes(ax)
    draw_boundary(ax, weights, bias, label=boundary_label(weights, bias))
    if gate is not None:
        draw_gate_points(ax, gate)
        draw_mistakes(ax, gate, weights, bias)
    else:
        square_view(ax)
    add_legend(ax)
    if title is not None:
        ax.set_title(tr(title))  # a lesson's own title, in Korean when the catalog has it
    return fig


def plot_input_point(
    weights: Sequence[float],
    bias: float,
    point: Sequence[float],
    gate: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """One input (x1, x2) on the boundary picture, with its weighted sum and the step's answer."""
    fig, ax = new_axes(ax)
    draw_boundary(ax, weights, bias, label=tr("boundary"))
    if gate is not None:
        draw_gate_points(ax, gate)
    x1, x2 = (float(v) for v in point)
    total = float(weighted_sums([x1, x2], weights, bias))
    output = step(total)
    ax.scatter(
        [x1],
        [x2],
        s=300,
        marker="*",
        c=YOUR_INPUT_COLOR,
        edgecolors="black",
        linewidths=1.2,
        zorder=6,
        label=tr("your input"),
    )
    square_view(ax)
    add_legend(ax, ncols=2, fontsize=SQUARE_LEGEND_SIZE)
    ax.set_title(
        tr("w·x + b = {total}, so the step gives {output}", total=f"{total:+.2f}", output=output),
        fontsize=10,
    )
    return fig


def plot_perceptron(
    model: Perceptron, gate: str, ax: Axes | None = None, title: str | None = None
) -> Figure:
    """A fitted perceptron's boundary over its gate (a number line for one-input NOT)."""
    name = get_gate(gate).name
    title = title or tr("{gate}: the learned boundary", gate=name)
    if get_gate(gate).arity == 1:
        return plot_not(model.weights_, model.bias_, ax=ax, title=title)
    return plot_boundary(model.weights_, model.bias_, gate, ax=ax, title=title)
