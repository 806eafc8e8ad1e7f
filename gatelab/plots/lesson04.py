"""Lesson 04's pictures: what a small network learned, as surfaces and lines in the plane.

The functions take any torch module that maps (n, 2) inputs to n logits; the hidden-line pictures
also need `.hidden` and `.output` linear layers, as in `gatelab.mlp.GateMLP` and the lesson's own
network. Every function returns a plain Figure made without pyplot, like lessons 01-03's. This
module needs PyTorch, so `gatelab.plots` leaves it out: import it by name (or gatelab.mlp_plots).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.contour import QuadContourSet
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter
from torch import nn

from gatelab.gates import get_gate
from gatelab.language import tr
from gatelab.mlp import TrainingResult
from gatelab.plots.drawing import draw_boundary, draw_gate_points, draw_points
from gatelab.plots.geometry import VIEW
from gatelab.plots.style import (
    BOUNDARY_COLOR,
    CLASS_0_COLOR,
    CLASS_1_COLOR,
    CURVE_GRID_COLOR,
    DPI,
    HIDDEN_HIGH_COLOR,
    HIDDEN_LINE_COLOR,
    HIDDEN_LOW_COLOR,
    LOSS_COLOR,
    REFERENCE_COLOR,
    SQUARE_LEGEND_SIZE,
    add_legend,
    new_axes,
)


def _legend_below(ax: Axes, ncols: int) -> None:
    """The usual legend under the axes, in this module's larger legend font."""
    add_legend(ax, ncols=ncols)
    for text in ax.get_legend().get_texts():
        text.set_fontsize(SQUARE_LEGEND_SIZE)


def _paler(color: str, amount: float = 0.5) -> tuple[float, float, float]:
    """The colour mixed with white, so the gate's points stay visible on top of it."""
    return tuple(amount + (1 - amount) * channel for channel in to_rgb(color))


# Orange (says 0) through white (cannot decide) to blue (says 1): the lessons' class colours.
PROBABILITY_CMAP = LinearSegmentedColormap.from_list(
    "gate_probability", [_paler(CLASS_0_COLOR), "#ffffff", _paler(CLASS_1_COLOR)]
)
# A hidden unit's value runs from -1 (light grey) to +1 (dark grey): grey means "a hidden unit".
HIDDEN_CMAP = LinearSegmentedColormap.from_list(
    "hidden_value", [HIDDEN_LOW_COLOR, HIDDEN_HIGH_COLOR]
)
# Hidden lines are drawn above the black boundary, with a white edge: a hidden line that lies on
# the boundary (as in the hand-set network, where they are the same lines) stays visible.
HIDDEN_LINE_ZORDER = 2.5  # above the boundary (2), below the gate's points (3)
CHANCE_LOSS = float(np.log(2.0))  # the loss of a network that gives 0.5 for every row


def _grid(resolution: int) -> tuple[np.ndarray, np.ndarray, torch.Tensor]:
    """A square grid over the lesson's view, as two coordinate arrays and an (n, 2) tensor."""
    ticks = np.linspace(*VIEW, resolution)
    x1, x2 = np.meshgrid(ticks, ticks)
    points = torch.as_tensor(np.column_stack([x1.ravel(), x2.ravel()]), dtype=torch.float32)
    return x1, x2, points


def probability_grid(
    model: nn.Module, resolution: int = 101
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The network's P(output = 1) on a grid over [-0.5, 1.5]², as (x1, x2, probability)."""
    x1, x2, points = _grid(resolution)
    with torch.no_grad():
        probability = torch.sigmoid(model(points)).reshape(x1.shape).numpy()
    return x1, x2, probability


@dataclass(frozen=True)
class HiddenLine:
    """One hidden unit: its line w·x + b = 0 and the output unit's weight on its value."""

    unit: int  # 1-based, as the lesson names them: h1, h2, ...
    weights: tuple[float, float]
    bias: float
    output_weight: float


def hidden_lines(model: nn.Module) -> list[HiddenLine]:
    """Each hidden unit's line and output weight, read from `model.hidden` and `model.output`."""
    weights = model.hidden.weight.detach().numpy()
    biases = model.hidden.bias.detach().numpy()
    votes = model.output.weight.detach().numpy()[0]
    if weights.shape[1] != 2:
        raise ValueError(f"lines in the plane need 2 inputs, the model has {weights.shape[1]}")
    return [
        HiddenLine(unit, (float(w[0]), float(w[1])), float(b), float(v))
        for unit, (w, b, v) in enumerate(zip(weights, biases, votes), start=1)
    ]


def draw_probability_surface(
    ax: Axes, model: nn.Module, *, resolution: int = 101, colorbar: bool = True
) -> QuadContourSet:
    """Fill the view by the network's P(output = 1) and draw its p = 0.5 decision boundary."""
    x1, x2, probability = probability_grid(model, resolution)
    filled = ax.contourf(
        x1, x2, probability, levels=np.linspace(0, 1, 11), cmap=PROBABILITY_CMAP, zorder=0
    )
    ax.contour(x1, x2, probability, levels=[0.5], colors=BOUNDARY_COLOR, linewidths=2, zorder=2)
    # Contour lines do not enter legends by themselves: a blank line carries the label.
    ax.plot([], [], color=BOUNDARY_COLOR, lw=2, label=tr("boundary: p = 0.5"))
    if colorbar:
        bar = ax.figure.colorbar(filled, ax=ax, shrink=0.8, ticks=[0, 0.25, 0.5, 0.75, 1])
        bar.set_label(tr("P(output = 1)"))
    return filled


def draw_hidden_lines(ax: Axes, model: nn.Module) -> list[HiddenLine]:
    """Dash each hidden unit's line; the larger |output weight|, the thicker the line."""
    lines = hidden_lines(model)
    largest = max(abs(line.output_weight) for line in lines) or 1.0
    for line in lines:
        width = 0.7 + 1.5 * abs(line.output_weight) / largest
        drawn = draw_boundary(
            ax,
            line.weights,
            line.bias,
            shade=False,
            color=HIDDEN_LINE_COLOR,
            linestyle="--",
            linewidth=width,
        )
        if drawn is not None:  # None: the line misses the view
            drawn.set_zorder(HIDDEN_LINE_ZORDER)
            drawn.set_path_effects([patheffects.withStroke(linewidth=width + 1.2, foreground="w")])
    ax.plot(
        [],
        [],
        color=HIDDEN_LINE_COLOR,
        ls="--",
        lw=1.6,
        label=tr("hidden units' lines (thicker: larger |output weight|)"),
    )
    return lines


def plot_decision_surface(
    model: nn.Module,
    gate: str = "XOR",
    *,
    show_hidden: bool = False,
    ax: Axes | None = None,
    title: str | None = None,
) -> Figure:
    """The network's probability over the plane, its boundary, the gate's points (and lines)."""
    # With the hidden lines there is more to see: a larger picture keeps them apart.
    fig, ax = new_axes(ax, figsize=(6.0, 5.2) if show_hidden else (5.0, 4.3))
    draw_probability_surface(ax, model)
    if show_hidden:
        draw_hidden_lines(ax, model)
    draw_gate_points(ax, gate)
    _legend_below(ax, ncols=2 if show_hidden else 3)
    learned = tr("{gate}: what the network learned", gate=get_gate(gate).name)
    ax.set_title(tr(title) if title else learned, fontsize=10)
    return fig


def draw_loss_curve(ax: Axes, losses: Sequence[float]) -> None:
    """The loss per epoch on a log scale, with the loss of always answering 0.5 for reference."""
    epochs = np.arange(1, len(losses) + 1)
    final = tr("training loss (final {loss})", loss=f"{losses[-1]:.4f}")
    ax.plot(epochs, losses, color=LOSS_COLOR, lw=2, label=final)
    chance = tr("always p = 0.5: ln 2 ≈ 0.693")
    ax.axhline(CHANCE_LOSS, color=REFERENCE_COLOR, ls=":", lw=1.5, label=chance)
    # Whole decades on a log axis, labelled as plain numbers (0.01, not 10⁻²).
    ax.set_yscale("log")
    ax.set_ylim(*loss_limits(losses))
    ax.yaxis.set_major_locator(LogLocator(base=10))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.set_xlim(0, len(losses))
    ax.set_xlabel(tr("epoch"))
    ax.set_ylabel(tr("loss (binary cross-entropy)"))
    ax.grid(True, which="major", color=CURVE_GRID_COLOR, lw=0.8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(
        fontsize=SQUARE_LEGEND_SIZE, frameon=False, loc="upper right", bbox_to_anchor=(1.0, 0.86)
    )


def loss_limits(losses: Sequence[float]) -> tuple[float, float]:
    """The loss axis's range: from the whole decade below the lowest loss to 1 (or the top)."""
    lowest = 10.0 ** np.floor(np.log10(max(min(losses), 1e-8)))
    return float(lowest), max(1.0, max(losses) * 1.1)


def plot_loss_curve(
    losses: Sequence[float], ax: Axes | None = None, title: str | None = None
) -> Figure:
    """How the loss fell, epoch by epoch."""
    fig, ax = new_axes(ax, figsize=(5.6, 3.4))
    draw_loss_curve(ax, losses)
    default = tr("Loss over {epochs} epochs", epochs=len(losses))
    ax.set_title(tr(title) if title else default, fontsize=10)
    return fig


def plot_hidden_units(model: nn.Module, gate: str = "XOR", resolution: int = 61) -> Figure:
    """One small panel per hidden unit: its value tanh(w·x + b) over the plane and its line.

    Panels run from the largest |output weight| to the smallest.
    """
    lines = sorted(hidden_lines(model), key=lambda line: -abs(line.output_weight))
    columns = min(4, len(lines))
    rows = -(-len(lines) // columns)
    fig = Figure(figsize=(2.3 * columns + 0.8, 2.55 * rows + 0.6), dpi=DPI, layout="constrained")
    axes = np.atleast_1d(fig.subplots(rows, columns, sharex=True, sharey=True)).ravel()
    x1, x2, points = _grid(resolution)
    with torch.no_grad():
        values = model.act(model.hidden(points)).numpy()
    spec = get_gate(gate)
    filled = None
    for ax, line in zip(axes, lines):
        value = values[:, line.unit - 1].reshape(x1.shape)
        filled = ax.contourf(
            x1, x2, value, levels=np.linspace(-1, 1, 11), cmap=HIDDEN_CMAP, extend="both"
        )
        draw_boundary(ax, line.weights, line.bias, shade=False, color="black", linewidth=1.5)
        draw_points(ax, spec.inputs, spec.targets, size=80, annotate=False)
        ax.set_aspect("equal")
        ax.set_xticks([0, 1])
        ax.set_yticks([0, 1])
        ax.set_title(
            tr(
                "h{unit}: output weight {weight}",
                unit=line.unit,
                weight=f"{line.output_weight:+.2f}",
            ),
            fontsize=10,
        )
    for ax in axes[len(lines) :]:
        ax.set_visible(False)
    if filled is not None:
        bar = fig.colorbar(filled, ax=axes.tolist(), shrink=0.8, ticks=[-1, 0, 1])
        bar.set_label(tr("hidden unit's value"))
    fig.suptitle(
        tr(
            "{gate}: each hidden unit splits the plane along its line "
            "(largest |output weight| first)",
            gate=spec.name,
        ),
        fontsize=11,
    )
    return fig


def plot_mlp_training(result: TrainingResult, gate: str = "XOR") -> Figure:
    """Two panels for one training run: the loss curve and the learned surface with its lines."""
    fig = Figure(figsize=(9.6, 4.2), dpi=DPI, layout="constrained")
    loss_ax, surface_ax = fig.subplots(1, 2, width_ratios=(1, 1.1))
    draw_mlp_training(loss_ax, surface_ax, result, gate)
    return fig


def draw_mlp_training(
    loss_ax: Axes, surface_ax: Axes, result: TrainingResult, gate: str, *, colorbar: bool = True
) -> None:
    """What plot_mlp_training draws on its two panels (colorbar=False: the figure has one)."""
    draw_loss_curve(loss_ax, result.losses)
    loss_ax.set_title(tr("loss over {epochs} epochs", epochs=result.epochs), fontsize=10)
    draw_probability_surface(surface_ax, result.model, colorbar=colorbar)
    draw_hidden_lines(surface_ax, result.model)
    draw_gate_points(surface_ax, gate)
    _legend_below(surface_ax, ncols=2)
    spec = get_gate(gate)
    right = int(np.sum(result.model.predict(spec.inputs) == spec.targets))
    surface_ax.set_title(tr("{gate}: {right} of 4 right", gate=spec.name, right=right), fontsize=10)
    model = result.model
    loss_ax.figure.suptitle(
        tr(
            "hidden size {hidden_size} ({activation}), learning rate {rate}, seed {seed}",
            hidden_size=model.hidden_size,
            activation=model.activation,
            rate=f"{result.learning_rate:.3g}",
            seed=result.seed,
        ),
        fontsize=10,
    )
