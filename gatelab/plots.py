"""Pictures for the perceptron lessons: gate points, decision boundaries, training paths.

Every figure is a plain `matplotlib.figure.Figure` made without pyplot, so a notebook shows it
exactly once: leave the returned Figure as the cell's last expression. Functions that draw take
an optional Axes (draw beside something else) or make their own, and return the Figure.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from gatelab.gates import get_gate

# ----- one style for every lesson ---------------------------------------------------------------
# Okabe-Ito colours: distinguishable with every common colour-vision deficiency.
CLASS_0_COLOR = "#D55E00"  # vermillion: the gate outputs 0
CLASS_1_COLOR = "#0072B2"  # blue: the gate outputs 1
CLASS_COLORS = (CLASS_0_COLOR, CLASS_1_COLOR)
CLASS_MARKERS = ("o", "s")  # shape differs too, so the picture survives grey-scale printing
BOUNDARY_COLOR = "#222222"
MISTAKE_COLOR = "#CC0000"
SHADE_ALPHA = 0.13
DPI = 85  # small PNGs in the committed notebooks
FIGSIZE = (4.2, 4.2)
VIEW = (-0.5, 1.5)  # both axes: the unit square with room around it


def new_axes(ax: Axes | None = None, figsize: tuple[float, float] = FIGSIZE) -> tuple[Figure, Axes]:
    """Return (figure, axes): the given Axes and its figure, or a fresh single-Axes figure."""
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=figsize, dpi=DPI, layout="constrained")
    return fig, fig.add_subplot()


def _square_view(ax: Axes) -> None:
    """Fix the lesson's view: [-0.5, 1.5] on both axes, equal aspect, labelled x1 and x2."""
    ax.set_xlim(*VIEW)
    ax.set_ylim(*VIEW)
    ax.set_aspect("equal")
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    ax.set_xticks([0, 1])
    ax.set_yticks([0, 1])
    ax.grid(True, color="#dddddd", linewidth=0.8, zorder=0)


def draw_gate_points(ax: Axes, gate: str, *, annotate: bool = True) -> None:
    """Draw a two-input gate's four input points, coloured (and shaped) by the target output."""
    spec = get_gate(gate)
    if spec.arity != 2:
        raise ValueError(f"{spec.name} has one input: draw it with draw_number_line")
    for target in (0, 1):
        rows = spec.inputs[spec.targets == target]
        ax.scatter(
            rows[:, 0],
            rows[:, 1],
            s=260,
            c=CLASS_COLORS[target],
            marker=CLASS_MARKERS[target],
            edgecolors="white",
            linewidths=1.5,
            zorder=3,
            label=f"{spec.name} = {target}",
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
    _square_view(ax)
    add_legend(ax)


def add_legend(ax: Axes, ncols: int = 2) -> None:
    """A small legend under the axes, where it never hides a point or a line."""
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.14),
        ncols=ncols,
        fontsize=8,
        markerscale=0.45,
        frameon=False,
        handlelength=1.6,
        columnspacing=1.2,
    )


def _side(points: np.ndarray, weights: Sequence[float], bias: float) -> np.ndarray:
    """The weighted sum w1*x1 + w2*x2 + b at each point (>= 0 means the perceptron says 1)."""
    return points @ np.asarray(weights, dtype=float) + float(bias)


def clip_half_plane(
    polygon: np.ndarray, weights: Sequence[float], bias: float, *, positive: bool = True
) -> np.ndarray:
    """Cut a convex polygon to the half-plane w·x + b >= 0 (or <= 0); return its corners."""
    sign = 1.0 if positive else -1.0
    sums = sign * _side(polygon, weights, bias)
    kept: list[np.ndarray] = []
    # Sutherland-Hodgman for a single edge: walk the corners, keep the inside ones, and add the
    # crossing point wherever an edge of the polygon crosses the line.
    for i in range(len(polygon)):
        here, there = polygon[i], polygon[(i + 1) % len(polygon)]
        s_here, s_there = sums[i], sums[(i + 1) % len(polygon)]
        if s_here >= 0:
            kept.append(here)
        if (s_here >= 0) != (s_there >= 0):
            t = s_here / (s_here - s_there)
            kept.append(here + t * (there - here))
    return np.array(kept).reshape(-1, 2)


def _view_corners(view: tuple[float, float]) -> np.ndarray:
    """The four corners of the square view, counter-clockwise."""
    lo, hi = view
    return np.array([[lo, lo], [hi, lo], [hi, hi], [lo, hi]], dtype=float)


def boundary_segment(
    weights: Sequence[float], bias: float, view: tuple[float, float] = VIEW
) -> np.ndarray | None:
    """The part of the line w1*x1 + w2*x2 + b = 0 inside the view, as two end points (or None)."""
    w1, w2 = (float(w) for w in weights)
    b = float(bias)
    lo, hi = view
    if w1 == 0 and w2 == 0:
        return None  # no line: the weighted sum is the same everywhere
    crossings = []
    if w2 != 0:  # where the line meets the left and right edges
        crossings += [(x, -(w1 * x + b) / w2) for x in (lo, hi)]
    if w1 != 0:  # where it meets the bottom and top edges
        crossings += [(-(w2 * y + b) / w1, y) for y in (lo, hi)]
    eps = 1e-9 * (hi - lo)
    inside = [p for p in crossings if lo - eps <= p[0] <= hi + eps and lo - eps <= p[1] <= hi + eps]
    if len(inside) < 2:
        return None  # the line passes outside the view
    # Order the crossings along the line's direction (-w2, w1) and keep the two ends.
    direction = np.array([-w2, w1])
    points = np.array(sorted(inside, key=lambda p: float(np.dot(p, direction))))
    if np.allclose(points[0], points[-1]):
        return None  # it only touches a corner
    return np.array([points[0], points[-1]])


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
        square = _view_corners(VIEW)
        for target, positive in ((1, True), (0, False)):
            region = clip_half_plane(square, weights, bias, positive=positive)
            if len(region) >= 3:
                ax.fill(*region.T, color=CLASS_COLORS[target], alpha=alpha, lw=0, zorder=1)
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


def boundary_label(weights: Sequence[float], bias: float) -> str:
    """The boundary's equation with rounded numbers, e.g. '0.20·x1 + 0.10·x2 − 0.25 = 0'."""
    w1, w2 = (float(w) for w in weights)
    b = float(bias)
    sign = "−" if b < 0 else "+"
    return f"{w1:.2f}·x1 + {w2:.2f}·x2 {sign} {abs(b):.2f} = 0"


def plot_gate(gate: str, ax: Axes | None = None) -> Figure:
    """The gate's truth table as four coloured points in the plane."""
    fig, ax = new_axes(ax)
    draw_gate_points(ax, gate)
    ax.set_title(f"{get_gate(gate).name}: the four inputs")
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
        _square_view(ax)
    add_legend(ax)
    if title is not None:
        ax.set_title(title)
    return fig


def predictions(gate: str, weights: Sequence[float], bias: float) -> np.ndarray:
    """What step(w·x + b) says for each row of the gate's truth table."""
    spec = get_gate(gate)
    return (_side(spec.inputs.astype(float), weights, bias) >= 0).astype(int)


def draw_mistakes(ax: Axes, gate: str, weights: Sequence[float], bias: float) -> int:
    """Ring every point the boundary puts on the wrong side; return how many there are."""
    spec = get_gate(gate)
    wrong = predictions(gate, weights, bias) != spec.targets
    rows = spec.inputs[wrong]
    if len(rows):
        ax.scatter(
            rows[:, 0],
            rows[:, 1],
            s=620,
            facecolors="none",
            edgecolors=MISTAKE_COLOR,
            linewidths=2,
            zorder=5,
            label="wrong side",
        )
    return int(wrong.sum())
