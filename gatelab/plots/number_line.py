"""NOT has one input, so its pictures use a number line instead of a plane (lessons 01-02)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from gatelab.gates import get_gate
from gatelab.language import tr
from gatelab.plots.drawing import draw_points
from gatelab.plots.geometry import VIEW, threshold
from gatelab.plots.style import (
    BOUNDARY_COLOR,
    CLASS_COLORS,
    REFERENCE_COLOR,
    SAYS,
    SHADE_ALPHA,
    add_legend,
    new_axes,
)


def draw_number_line(ax: Axes, weights: Sequence[float], bias: float, gate: str = "NOT") -> float:
    """Draw a one-input gate on a number line with the threshold x = -b / w; return the threshold.

    The perceptron fires where w*x + b >= 0: right of the threshold when w > 0, left when w < 0.
    With w == 0 there is no threshold (returned as nan) and one class covers the whole line.
    """
    spec = get_gate(gate)
    if spec.arity != 1:
        raise ValueError(f"{spec.name} has two inputs: draw it with draw_gate_points")
    (w,) = (float(v) for v in np.atleast_1d(weights))
    b = float(bias)
    lo, hi = VIEW
    at = threshold(w, b)
    # Shade the stretch of line each class gets.
    if w == 0:
        spans = [(lo, hi, int(b >= 0))]
    else:
        cut = min(max(at, lo), hi)
        left_class = int(w < 0)  # w·x + b grows to the right when w > 0, so 1 is on the right
        spans = [(lo, cut, left_class), (cut, hi, 1 - left_class)]
    for start, stop, target in spans:
        label = tr(SAYS[target]) if stop > start else None  # no entry for an empty stretch
        color = CLASS_COLORS[target]
        ax.axvspan(start, stop, color=color, alpha=SHADE_ALPHA * 1.5, lw=0, label=label)
    if lo <= at <= hi:  # False for nan, so no line when w == 0
        ax.axvline(
            at,
            color=BOUNDARY_COLOR,
            lw=2,
            gid="threshold",
            label=tr("threshold x = {threshold}", threshold=f"{at:.2f}"),
        )
    ax.axhline(0, color=REFERENCE_COLOR, lw=1, zorder=1)
    draw_points(ax, spec.inputs, spec.targets, name=spec.name)
    ax.set_xlim(lo, hi)
    ax.set_ylim(-1, 1)
    ax.set_yticks([])
    ax.set_xticks([0, 1])
    ax.set_xlabel(tr("x (the one input)"))
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    return at


def plot_not(
    weights: Sequence[float], bias: float, ax: Axes | None = None, title: str | None = None
) -> Figure:
    """NOT on a number line: its two inputs and the threshold the weights put between them."""
    fig, ax = new_axes(ax, figsize=(5.0, 2.4))
    draw_number_line(ax, weights, bias)
    add_legend(ax, ncols=3)
    ax.set_title(tr(title) if title else tr("NOT: one input, one threshold"), fontsize=10)
    return fig
