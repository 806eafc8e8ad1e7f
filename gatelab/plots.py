"""Pictures for the perceptron lessons: gate points, decision boundaries, training paths.

Every figure is a plain `matplotlib.figure.Figure` made without pyplot, so a notebook shows it
exactly once: leave the returned Figure as the cell's last expression. `plot_*` functions return
the Figure; single-panel ones take an optional Axes (to draw beside something else) or make
their own; multi-panel ones make their own figure (`plot_training` also takes two Axes).
`draw_*` functions draw onto an Axes you give them: lesson 04 reuses them.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator, NullFormatter, NullLocator, ScalarFormatter
from matplotlib.transforms import offset_copy

from gatelab.gates import get_gate, truth_table
from gatelab.language import tr, translatable
from gatelab.perceptron import Perceptron, train_gate

# ----- one style for every lesson ---------------------------------------------------------------
# Okabe-Ito colours: distinguishable with every common colour-vision deficiency.
CLASS_0_COLOR = "#D55E00"  # vermillion: the gate outputs 0
CLASS_1_COLOR = "#0072B2"  # blue: the gate outputs 1
CLASS_COLORS = (CLASS_0_COLOR, CLASS_1_COLOR)
CLASS_MARKERS = ("o", "s")  # shape differs too, so the picture survives grey-scale printing
BOUNDARY_COLOR = "#222222"
# The red ring means one thing in every picture: this point is on the wrong side of the line.
MISTAKE_COLOR = "#CC0000"
MISTAKE_LABEL = translatable("wrong side")  # English keys: tr() them where they are drawn
# Shading legend entries: what the neuron says in each tinted area.
SAYS = (translatable("says 0 here"), translatable("says 1 here"))
# Counts of mistakes and clean epochs: neutral colours, since blue and orange mean "output 1 / 0".
ERROR_BAR_COLOR = "#666666"
CLEAN_EPOCH_COLOR = "#000000"
# One colour per gate in every lesson (Paul Tol's "muted" colours, apart from the class colours).
GATE_COLORS: dict[str, str] = {
    "AND": "#117733",  # green
    "OR": "#AA4499",  # purple
    "NAND": "#999933",  # olive
    "NOR": "#44AA99",  # teal
    "NOT": "#332288",  # indigo
    "XOR": "#882255",  # wine
    "XNOR": "#DDCC77",  # sand
}
SPARE_LINE_COLORS = ("#555555", "#999999", "#000000")  # for lines that are not a named gate
_GATE_WORD = re.compile(r"\b(XNOR|NAND|NOR|XOR|AND|NOT|OR)\b", re.IGNORECASE)
SHADE_ALPHA = 0.13
DPI = 85  # small PNGs in the committed notebooks
FIGSIZE = (4.2, 4.2)
LEGEND_SIZE = 8  # points: a legend under a wide or many-panel picture
# Lessons 01-03's single square pictures are shown 357 px wide: 8-point text there is about 6 px
# tall, so their legends and notes use 10 points.
SQUARE_LEGEND_SIZE = 10
VIEW = (-0.5, 1.5)  # both axes: the unit square with room around it


def gate_named_in(text: str) -> str | None:
    """The first gate name written as a word in `text` ("NAND's line" gives "NAND"), or None."""
    found = _GATE_WORD.search(text)
    return found.group(1).upper() if found else None


def gate_color(gate: str) -> str:
    """The colour that stands for this gate in every lesson's lines and curves."""
    return GATE_COLORS[get_gate(gate).name]


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
    _square_view(ax)
    add_legend(ax)


def add_legend(ax: Axes, ncols: int = 2, fontsize: float = LEGEND_SIZE) -> None:
    """A small legend under the axes, where it never hides a point or a line."""
    # Anchored a fixed distance (in points) below the axes, so it clears the x label on any height.
    below = offset_copy(ax.transAxes, fig=ax.figure, y=-34, units="points")
    ax.legend(
        *_unique_entries(ax),
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        bbox_transform=below,
        ncols=ncols,
        fontsize=fontsize,
        markerscale=0.45,
        frameon=False,
        handlelength=1.6,
        columnspacing=1.2,
    )


def add_figure_legend(fig: Figure, axes: Sequence[Axes], ncols: int = 4) -> None:
    """One legend under a row of panels, each entry once, instead of one legend per panel."""
    entries: dict[str, object] = {}
    for ax in axes:
        if ax.get_legend() is not None:
            ax.get_legend().remove()
        for handle, label in zip(*_unique_entries(ax)):
            entries.setdefault(label, handle)
    fig.legend(
        list(entries.values()),
        list(entries),
        loc="outside lower center",
        ncols=ncols,
        fontsize=8,
        markerscale=0.45,
        frameon=False,
    )


def _unique_entries(ax: Axes) -> tuple[list, list[str]]:
    """The Axes' legend handles and labels, each label once (a shading may be drawn twice)."""
    handles, labels = ax.get_legend_handles_labels()
    first: dict[str, object] = {}
    for handle, label in zip(handles, labels):
        first.setdefault(label, handle)
    return list(first.values()), list(first)


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
        sides = ((1, True), (0, False))
        if not any(weights):  # no line: step(b) answers the same everywhere
            sides = ((1, True),) if bias >= 0 else ((0, False),)
        for target, positive in sides:
            region = clip_half_plane(square, weights, bias, positive=positive)
            if len(region) >= 3:
                tint = CLASS_COLORS[target]
                ax.fill(*region.T, color=tint, alpha=alpha, lw=0, zorder=1, label=tr(SAYS[target]))
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
    """The boundary's equation with rounded numbers, e.g. '0.20·x1 − 0.10·x2 + 0.25 = 0'."""
    w1, w2 = (float(w) for w in weights)
    b = float(bias)

    def signed(value: float) -> str:
        return f"{'−' if value < 0 else '+'} {abs(value):.2f}"

    first = f"{'−' if w1 < 0 else ''}{abs(w1):.2f}"
    return f"{first}·x1 {signed(w2)}·x2 {signed(b)} = 0"


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
        _square_view(ax)
    add_legend(ax)
    if title is not None:
        ax.set_title(tr(title))  # a lesson's own title, in Korean when the catalog has it
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
            label=tr(MISTAKE_LABEL),
        )
    return int(wrong.sum())


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
    total = float(_side(np.array([x1, x2]), weights, bias))
    output = int(total >= 0)
    ax.scatter(
        [x1],
        [x2],
        s=300,
        marker="*",
        c="#F0E442",  # Okabe-Ito yellow: stands out on both shadings
        edgecolors="black",
        linewidths=1.2,
        zorder=6,
        label=tr("your input"),
    )
    _square_view(ax)
    add_legend(ax, ncols=2, fontsize=SQUARE_LEGEND_SIZE)
    ax.set_title(
        tr("w·x + b = {total}, so the step gives {output}", total=f"{total:+.2f}", output=output),
        fontsize=10,
    )
    return fig


# ----- NOT: one input, so a number line instead of a plane ----------------------------------------
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
    threshold = -b / w if w != 0 else float("nan")
    # Shade the stretch of line each class gets.
    if w == 0:
        spans = [(lo, hi, int(b >= 0))]
    else:
        cut = min(max(threshold, lo), hi)
        left_class = int(w < 0)  # w·x + b grows to the right when w > 0, so 1 is on the right
        spans = [(lo, cut, left_class), (cut, hi, 1 - left_class)]
    for start, stop, target in spans:
        label = tr(SAYS[target]) if stop > start else None  # no entry for an empty stretch
        color = CLASS_COLORS[target]
        ax.axvspan(start, stop, color=color, alpha=SHADE_ALPHA * 1.5, lw=0, label=label)
    if lo <= threshold <= hi:  # False for nan, so no line when w == 0
        ax.axvline(
            threshold,
            color=BOUNDARY_COLOR,
            lw=2,
            gid="threshold",
            label=tr("threshold x = {threshold}", threshold=f"{threshold:.2f}"),
        )
    ax.axhline(0, color="#888888", lw=1, zorder=1)
    draw_points(ax, spec.inputs, spec.targets, name=spec.name)
    ax.set_xlim(lo, hi)
    ax.set_ylim(-1, 1)
    ax.set_yticks([])
    ax.set_xticks([0, 1])
    ax.set_xlabel(tr("x (the one input)"))
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    return threshold


def plot_not(
    weights: Sequence[float], bias: float, ax: Axes | None = None, title: str | None = None
) -> Figure:
    """NOT on a number line: its two inputs and the threshold the weights put between them."""
    fig, ax = new_axes(ax, figsize=(5.0, 2.4))
    draw_number_line(ax, weights, bias)
    add_legend(ax, ncols=3)
    ax.set_title(tr(title) if title else tr("NOT: one input, one threshold"), fontsize=10)
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


def plot_perceptrons(models: dict[str, Perceptron]) -> Figure:
    """Several fitted two-input perceptrons side by side, one panel per gate name."""
    fig = Figure(figsize=(2.7 * len(models), 3.6), dpi=DPI, layout="constrained")
    axes = np.atleast_1d(fig.subplots(1, len(models), sharey=True))
    for number, (ax, (gate, model)) in enumerate(zip(axes, models.items())):
        draw_boundary(ax, model.weights_, model.bias_)
        draw_points(ax, *truth_table(gate), name=tr("target"))
        _square_view(ax)
        wrong = draw_mistakes(ax, gate, model.weights_, model.bias_)
        right = len(get_gate(gate).targets) - wrong
        ax.set_title(tr("{gate}: {right} of 4 right", gate=get_gate(gate).name, right=right))
        if number:
            ax.set_ylabel("")
    add_figure_legend(fig, axes)
    return fig


# ----- training: where the boundary went, and how many mistakes each epoch made -----------------
def boundary_path(model: Perceptron) -> list[tuple[np.ndarray, float]]:
    """(weights, bias) at the start of every epoch, then the final pair after training."""
    starts: dict[int, tuple[np.ndarray, float]] = {}
    for record in model.history_:
        if record.epoch not in starts:
            starts[record.epoch] = (np.array(record.weights_before), record.bias_before)
    return [*starts.values(), (np.array(model.weights_), float(model.bias_))]


def plot_training(
    model: Perceptron,
    gate: str,
    title: str | None = None,
    axes: tuple[Axes, Axes] | None = None,
) -> Figure:
    """Two panels: each epoch's boundary (older ones fainter) and the mistakes made per epoch.

    Pass `axes=(path_ax, error_ax)` to draw into existing axes instead of a new figure.
    """
    spec = get_gate(gate)
    wide = spec.arity == 2
    if axes is None:
        # One input: a number line above its legend, given the height to read both.
        fig = Figure(figsize=(8.6, 4.0) if wide else (8.6, 3.6), dpi=DPI, layout="constrained")
        path_ax, error_ax = fig.subplots(1, 2, width_ratios=(1, 1.15) if wide else (1.2, 1))
    else:
        path_ax, error_ax = axes
        fig = path_ax.figure
    path = boundary_path(model)
    # Old boundaries fade out so the eye follows the line as it moves.
    alphas = np.linspace(0.12, 0.55, max(len(path) - 1, 1))
    final_weights, final_bias = path[-1]
    if wide:
        for (weights, bias), alpha in zip(path[:-1], alphas):
            line = draw_boundary(path_ax, weights, bias, shade=False, linewidth=1)
            if line is not None:  # None when that epoch's line lay outside the picture
                line.set_alpha(alpha)
        path_ax.plot([], [], color=BOUNDARY_COLOR, alpha=0.3, lw=1, label=tr("start of each epoch"))
        draw_boundary(path_ax, final_weights, final_bias, linewidth=2.5, label=tr("after training"))
        draw_gate_points(path_ax, spec.name)
    else:
        for (weights, bias), alpha in zip(path[:-1], alphas):
            w, b = float(weights[0]), float(bias)
            if w != 0 and VIEW[0] <= -b / w <= VIEW[1]:
                path_ax.axvline(-b / w, color=BOUNDARY_COLOR, alpha=alpha, lw=1)
        path_ax.plot([], [], color=BOUNDARY_COLOR, alpha=0.3, lw=1, label=tr("start of each epoch"))
        draw_number_line(path_ax, final_weights, final_bias, gate=spec.name)
    add_legend(path_ax, ncols=2)
    path_ax.set_title(tr("{gate}: the boundary epoch by epoch", gate=spec.name), fontsize=10)

    errors = model.errors_per_epoch()
    draw_errors_per_epoch(error_ax, errors, len(spec.targets), model.converged_)
    if title:
        fig.suptitle(tr(title))
    return fig


def draw_errors_per_epoch(ax: Axes, errors: Sequence[int], rows: int, converged: bool) -> None:
    """Mistakes per epoch in grey; a clean epoch gets a black diamond (a zero bar is invisible).

    Up to 30 epochs are bars; longer runs are a thin line with a dot per epoch, so 100 epochs of
    the same count read as a level line, not a solid block.
    """
    draw_mistake_marks(ax, errors, converged)
    ax.set_xlabel(tr("epoch"))
    ax.set_ylabel(tr("rows predicted wrong"))
    ax.set_ylim(0, rows + 0.7)
    ax.set_yticks(range(rows + 1))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(tr("mistakes per epoch"), fontsize=10)
    add_legend(ax, ncols=2)


def draw_mistake_marks(ax: Axes, errors: Sequence[int], converged: bool) -> None:
    """What the mistakes panel shows of one run: the counts, the clean epochs, the verdict.

    The training playground draws only this on each step, over the panel's kept labels.
    """
    epochs = np.arange(1, len(errors) + 1)
    if len(errors) <= 30:
        ax.bar(epochs, errors, color=ERROR_BAR_COLOR, width=0.7, label=tr("mistakes in that epoch"))
    else:
        ax.plot(
            epochs,
            errors,
            "-o",
            color=ERROR_BAR_COLOR,
            lw=1,
            ms=2.5,
            gid="errors",
            label=tr("mistakes in that epoch"),
        )
    clean = [epoch for epoch, count in zip(epochs, errors) if count == 0]
    if clean:
        ax.plot(
            clean,
            [0] * len(clean),
            "D",
            color=CLEAN_EPOCH_COLOR,
            ms=6,
            clip_on=False,
            zorder=4,
            label=tr("no mistake"),
        )
    ax.set_xlim(0.3, len(errors) + 0.7)
    if converged:
        verdict = tr("epoch {epoch} made no mistake: converged", epoch=len(errors))
    else:
        verdict = tr("never converged in {epochs} epochs", epochs=len(errors))
    ax.text(0.98, 0.97, verdict, transform=ax.transAxes, ha="right", va="top", fontsize=9)


# ----- lesson 02: how the learning rate changes the number of epochs ---------------------------
def epochs_to_converge(
    gate: str, learning_rates: Sequence[float], seeds: Sequence[int], epochs: int = 200
) -> np.ndarray:
    """Epochs each (learning rate, seed) needed to converge; nan where it never did."""
    table = np.full((len(learning_rates), len(seeds)), np.nan)
    for i, rate in enumerate(learning_rates):
        for j, seed in enumerate(seeds):
            model = train_gate(gate, learning_rate=rate, epochs=epochs, seed=seed)
            if model.converged_:
                table[i, j] = model.converged_epoch_
    return table


def plot_learning_rate_sweep(
    results: dict[str, np.ndarray],
    learning_rates: Sequence[float],
    ax: Axes | None = None,
) -> Figure:
    """Median epochs to converge against the learning rate, one line per gate.

    `results` maps a gate name to its `epochs_to_converge` table (rates × seeds).
    """
    fig, ax = new_axes(ax, figsize=(6.4, 3.8))
    rates = np.asarray(learning_rates, dtype=float)
    # Nudge each gate sideways a little (on the log axis) so the spreads do not sit on each other.
    nudges = np.linspace(-0.04, 0.04, len(results)) if len(results) > 1 else [0.0]
    seeds = 0
    for (gate, table), nudge in zip(results.items(), nudges):
        color = gate_color(gate)
        seeds = table.shape[1]
        median = np.nanmedian(table, axis=1)
        low, high = np.nanpercentile(table, [25, 75], axis=1)
        ax.errorbar(
            rates * 10**nudge,
            median,
            yerr=[median - low, high - median],
            marker="o",
            ms=5,
            color=color,
            lw=1.8,
            elinewidth=1,
            capsize=3,
            label=get_gate(gate).name,
        )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xticks(rates, [f"{rate:g}" for rate in rates])
    ax.xaxis.set_minor_locator(NullLocator())
    ax.yaxis.set_major_formatter(ScalarFormatter())
    ax.yaxis.set_minor_formatter(NullFormatter())
    low, high = ax.get_ylim()
    ax.set_yticks([tick for tick in (1, 2, 5, 10, 20, 50, 100, 200, 500) if low <= tick <= high])
    ax.set_xlabel(tr("learning rate"))
    ax.set_ylabel(tr("epochs to converge"))
    ax.set_title(
        tr("Median over {seeds} seeds (bars: the middle half of the seeds)", seeds=seeds),
        fontsize=10,
    )
    ax.grid(True, which="major", color="#e5e5e5", lw=0.8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=8, frameon=False, title=tr("gate"), title_fontsize=8)
    return fig


# ----- lesson 03: XOR, where one line is not enough --------------------------------------------
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


def plot_attempts(
    gate: str,
    attempts: Sequence[tuple[Sequence[float], float]],
) -> Figure:
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


def plot_band(
    gate: str,
    boundaries: Sequence[tuple[Sequence[float], float]],
    labels: Sequence[str],
    ax: Axes | None = None,
    title: str | None = None,
    gates: Sequence[str] | None = None,
) -> Figure:
    """Several perceptrons ANDed: the region where all of them fire is shaded as class 1.

    Each line takes its gate's colour from GATE_COLORS: name the gates in `gates`, or let the
    gate named in each label ("NAND line") decide.
    """
    fig, ax = new_axes(ax)
    square = _view_corners(VIEW)
    ax.fill(*square.T, color=CLASS_0_COLOR, alpha=SHADE_ALPHA, lw=0, zorder=1, label=tr(SAYS[0]))
    band = square
    for weights, bias in boundaries:
        band = clip_half_plane(band, weights, bias, positive=True)
        if len(band) < 3:
            break
    if len(band) >= 3:
        # Blank the band first so its blue does not mix with the orange underneath.
        ax.fill(*band.T, color="white", lw=0, zorder=1)
        ax.fill(*band.T, color=CLASS_1_COLOR, alpha=SHADE_ALPHA, lw=0, zorder=1, label=tr(SAYS[1]))
    gates = gates or [gate_named_in(label) for label in labels]
    spare = iter(SPARE_LINE_COLORS)
    for (weights, bias), label, name in zip(boundaries, labels, gates):
        color = GATE_COLORS[name] if name in GATE_COLORS else next(spare)
        draw_boundary(ax, weights, bias, shade=False, color=color, label=tr(label), linewidth=2.5)
    draw_gate_points(ax, gate)
    spec = get_gate(gate)
    fires = np.ones(len(spec.targets), dtype=bool)
    for weights, bias in boundaries:
        fires &= predictions(gate, weights, bias) == 1
    rows = spec.inputs[fires.astype(int) != spec.targets]
    if len(rows):
        ax.scatter(
            *rows.T,
            s=620,
            facecolors="none",
            edgecolors=MISTAKE_COLOR,
            linewidths=2,
            zorder=5,
            label=tr(MISTAKE_LABEL),
        )
    add_legend(ax, ncols=2)
    band_title = tr("{gate}: 1 only in the band where every line fires", gate=spec.name)
    ax.set_title(tr(title) if title else band_title, fontsize=10)
    return fig


# ----- tables that read well both on a code host (HTML) and when printed (text) -----------------
def display_width(text: str) -> int:
    """How many columns `text` takes in a terminal: Hangul and other wide letters take two."""
    return sum(2 if unicodedata.east_asian_width(letter) in "WF" else 1 for letter in text)


@dataclass(frozen=True)
class Table:
    """A small table: shown as HTML in a notebook, as aligned text when printed."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""

    def __str__(self) -> str:
        widths = [max(map(display_width, column)) for column in zip(self.headers, *self.rows)]

        def right_aligned(cell: str, width: int) -> str:
            return " " * (width - display_width(cell)) + cell

        lines = ["  ".join(map(right_aligned, row, widths)) for row in (self.headers, *self.rows)]
        lines.insert(1, "  ".join("-" * width for width in widths))
        return "\n".join(([self.caption] if self.caption else []) + lines)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(cell)}</th>" for cell in self.headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
            for row in self.rows
        )
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _numbers(values: Sequence[float]) -> str:
    """A short tuple of rounded numbers, e.g. '(0.637, 0.270)'."""
    return "(" + ", ".join(f"{float(v):.3f}" for v in values) + ")"


def history_table(
    model: Perceptron, epochs: Sequence[int] | None = None, max_rows: int | None = None
) -> Table:
    """The recorded learning steps (optionally only some epochs), one row per step, rounded."""
    records = model.history_as_dicts()
    if epochs is not None:
        records = [record for record in records if record["epoch"] in set(epochs)]
    rows = tuple(
        (
            str(record["epoch"]),
            "(" + ", ".join(f"{v:g}" for v in record["inputs"]) + ")",
            _numbers(record["weights_before"]),
            f"{record['bias_before']:.3f}",
            f"{record['weighted_sum']:.3f}",
            str(record["prediction"]),
            str(record["target"]),
            f"{record['error']:+d}" if record["error"] else "0",
        )
        for record in records[:max_rows]
    )
    headers = (
        tr("epoch"),
        tr("input x"),
        tr("weights w"),
        tr("bias b"),
        "w·x + b",
        tr("says"),
        tr("target"),
        tr("error"),
    )
    if len(rows) < len(records):
        caption = tr(
            "Learning steps (first {shown} of {total} shown)", shown=len(rows), total=len(records)
        )
    else:
        caption = tr("Learning steps ({shown} shown)", shown=len(rows))
    return Table(headers, rows, caption=caption)


def truth_table_check(gate: str, weights: Sequence[float], bias: float) -> Table:
    """The gate's truth table beside what step(w·x + b) says, with ✓ or ✗ per row."""
    spec = get_gate(gate)
    sums = _side(spec.inputs.astype(float), np.atleast_1d(weights), bias)
    said = (sums >= 0).astype(int)
    names = ("x",) if spec.arity == 1 else ("x1", "x2")
    rows = tuple(
        (
            *(str(int(v)) for v in row),
            f"{total:.2f}",
            str(answer),
            str(int(target)),
            "✓" if answer == target else "✗",
        )
        for row, total, answer, target in zip(spec.inputs, sums, said, spec.targets)
    )
    right = int((said == spec.targets).sum())
    headers = (*names, "w·x + b", tr("says"), spec.name, tr("ok"))
    caption = tr("{gate}: {right} of {rows} right", gate=spec.name, right=right, rows=len(rows))
    return Table(headers, rows, caption=caption)


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
    # The output's line in its gate's colour ("AND" is green in every lesson), else the usual one.
    color = GATE_COLORS.get(gate_named_in(output_name) or "", BOUNDARY_COLOR)
    draw_boundary(
        ax,
        output.weights_,
        output.bias_,
        color=color,
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
    _square_view(ax)
    ax.set_xlabel(tr("{name} (hidden)", name=names[0]))
    ax.set_ylabel(tr("{name} (hidden)", name=names[1]))
    add_legend(ax, ncols=2, fontsize=SQUARE_LEGEND_SIZE)
    ax.set_title(tr("After the hidden layer: one line is enough"), fontsize=10)
    return fig
