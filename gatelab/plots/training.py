"""Pictures of training (lessons 01-03): where the boundary went, and the mistakes per epoch."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from gatelab.gates import get_gate
from gatelab.language import tr
from gatelab.perceptron import Perceptron
from gatelab.plots.drawing import draw_boundary, draw_gate_points
from gatelab.plots.geometry import VIEW, threshold
from gatelab.plots.number_line import draw_number_line
from gatelab.plots.style import (
    BOUNDARY_COLOR,
    CLEAN_EPOCH_COLOR,
    DPI,
    ERROR_BAR_COLOR,
    add_legend,
)


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
    draw_boundary_path(path_ax, model, spec.name)
    errors = model.errors_per_epoch()
    draw_errors_per_epoch(error_ax, errors, len(spec.targets), model.converged_)
    if title:
        fig.suptitle(tr(title))
    return fig


def draw_boundary_path(ax: Axes, model: Perceptron, gate: str) -> None:
    """Each epoch's starting boundary, fainter the older it is, then the final one bold."""
    path = boundary_path(model)
    # Old boundaries fade out so the eye follows the line as it moves.
    alphas = np.linspace(0.12, 0.55, max(len(path) - 1, 1))
    final_weights, final_bias = path[-1]
    if get_gate(gate).arity == 2:
        for (weights, bias), alpha in zip(path[:-1], alphas):
            line = draw_boundary(ax, weights, bias, shade=False, linewidth=1)
            if line is not None:  # None when that epoch's line lay outside the picture
                line.set_alpha(alpha)
        ax.plot([], [], color=BOUNDARY_COLOR, alpha=0.3, lw=1, label=tr("start of each epoch"))
        draw_boundary(ax, final_weights, final_bias, linewidth=2.5, label=tr("after training"))
        draw_gate_points(ax, gate)
    else:
        for (weights, bias), alpha in zip(path[:-1], alphas):
            at = threshold(weights[0], bias)
            if VIEW[0] <= at <= VIEW[1]:  # False for nan: no threshold when w == 0
                ax.axvline(at, color=BOUNDARY_COLOR, alpha=alpha, lw=1)
        ax.plot([], [], color=BOUNDARY_COLOR, alpha=0.3, lw=1, label=tr("start of each epoch"))
        draw_number_line(ax, final_weights, final_bias, gate=gate)
    add_legend(ax, ncols=2)
    ax.set_title(tr("{gate}: the boundary epoch by epoch", gate=gate), fontsize=10)


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
