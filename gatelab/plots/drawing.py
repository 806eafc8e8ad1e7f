"""The pieces every perceptron picture is made of: points, the boundary, the mistakes ringed.

`draw_*` functions draw onto an Axes you give them; lessons 01-04 build their pictures from them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from gatelab.gates import GATE_NAMES, get_gate
from gatelab.language import tr
from gatelab.perceptron import Perceptron
from gatelab.plots.geometry import VIEW, boundary_segment, clip_half_plane, view_corners
from gatelab.plots.style import (
    BOUNDARY_COLOR,
    CLASS_COLORS,
    CLASS_MARKERS,
    GRID_COLOR,
    MISTAKE_COLOR,
    MISTAKE_LABEL,
    SAYS,
    SHADE_ALPHA,
    add_legend,
)


def square_view(ax: Axes) -> None:
    """Fix the lesson's view: [-0.5, 1.5] on both axes, equal aspect, labelled x1 and x2."""
    ax.set_xlim(*VIEW)
    ax.set_ylim(*VIEW)
    ax.set_aspect("equal")
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    ax.set_xticks([0, 1])
    ax.set_yticks([0, 1])
    ax.grid(True, color=GRID_COLOR, linewidth=0.8, zorder=0)


def draw_points(
    ax: Axes,
    points: np.ndarray,
    targets: np.ndarray,
    *,
    name: str | None = None,
    size: float = 260,
    annotate: bool = True,
) -> None:
    """Scatter points coloured and shaped by their 0/1 target, the target written inside."""
    points = np.asarray(points, dtype=float).reshape(len(targets), -1)
    if points.shape[1] == 1:  # one-input gates sit on a number line at height 0
        points = np.column_stack([points[:, 0], np.zeros(len(points))])
    targets = np.asarray(targets)
    for target in (0, 1):
        rows = points[targets == target]
        if not len(rows):
            continue
        ax.scatter(
            rows[:, 0],
            rows[:, 1],
            s=size,
            c=CLASS_COLORS[target],
            marker=CLASS_MARKERS[target],
            edgecolors="white",
            linewidths=1.5 if size >= 100 else 1,
            zorder=3,
            label=None if name is None else f"{name} = {target}",
        )
        if annotate:
            for x1, x2 in rows:
                # The target written inside its marker: readable without the legend.
                ax.annotate(
                    str(target),
                    (x1, x2),
                    ha="center",
                    va="center",
                    color="white",
                    fontsize=10,
                    fontweight="bold",
                    zorder=4,
                )


def draw_gate_points(ax: Axes, gate: str, *, annotate: bool = True) -> None:
    """Draw a two-input gate's four input points, coloured (and shaped) by the target output."""
    spec = get_gate(gate)
    if spec.arity != 2:
        raise ValueError(f"{spec.name} has one input: draw it with draw_number_line")
    draw_points(ax, spec.inputs, spec.targets, name=spec.name, annotate=annotate)
    square_view(ax)
    add_legend(ax)


def draw_boundary(
    ax: Axes,
    weights: Sequence[float],
    bias: float,
    *,
    shade: bool = True,
    color: str = BOUNDARY_COLOR,
    alpha: float = SHADE_ALPHA,
    label: str | None = None,
    linestyle: str = "-",
    linewidth: float = 2.0,
) -> Line2D | None:
    """Draw the line w1*x1 + w2*x2 + b = 0 and shade each side by the class it predicts.

    Returns the drawn line (None when there is no line in view, e.g. w1 == w2 == 0).
    """
    if len(weights) != 2:
        raise ValueError(f"a boundary in the plane needs 2 weights, got {len(weights)}")
    if shade:
        sides = ((1, True), (0, False))
        if not any(weights):  # no line: step(b) answers the same everywhere
            sides = ((1, True),) if bias >= 0 else ((0, False),)
        for target, positive in sides:
            region = clip_half_plane(view_corners(), weights, bias, positive=positive)
            if len(region) >= 3:
                shade_region(ax, region, target, alpha=alpha)
    segment = boundary_segment(weights, bias)
    line = None
    if segment is not None:
        (line,) = ax.plot(
            segment[:, 0],
            segment[:, 1],
            color=color,
            linestyle=linestyle,
            linewidth=linewidth,
            label=label,
            zorder=2,
        )
    ax.set_xlim(*VIEW)
    ax.set_ylim(*VIEW)
    return line


def shade_region(ax: Axes, region: np.ndarray, target: int, alpha: float = SHADE_ALPHA) -> None:
    """Tint a polygon in the colour of the class the model gives there, with its legend entry."""
    tint = CLASS_COLORS[target]
    ax.fill(*region.T, color=tint, alpha=alpha, lw=0, zorder=1, label=tr(SAYS[target]))


def predictions(gate: str, weights: Sequence[float], bias: float) -> np.ndarray:
    """What the perceptron with these weights says for each row of the gate's truth table."""
    return Perceptron.from_weights(weights, bias).predict(get_gate(gate).inputs)


def gate_computed_by(weights: Sequence[float], bias: float) -> str | None:
    """The two-input gate whose whole truth table this line's perceptron gets right, or None."""
    for name in GATE_NAMES:
        spec = get_gate(name)
        if spec.arity == 2 and np.array_equal(predictions(name, weights, bias), spec.targets):
            return name
    return None


def draw_mistakes(ax: Axes, gate: str, weights: Sequence[float], bias: float) -> int:
    """Ring every point the boundary puts on the wrong side; return how many there are."""
    spec = get_gate(gate)
    wrong = predictions(gate, weights, bias) != spec.targets
    ring_points(ax, spec.inputs[wrong])
    return int(wrong.sum())


def ring_points(ax: Axes, points: np.ndarray) -> None:
    """A red ring around each point on the wrong side (nothing when there is none)."""
    if len(points):
        ax.scatter(
            points[:, 0],
            points[:, 1],
            s=620,
            facecolors="none",
            edgecolors=MISTAKE_COLOR,
            linewidths=2,
            zorder=5,
            label=tr(MISTAKE_LABEL),
        )
