"""Lesson 02's pictures: the linear gates side by side, and what the learning rate changes."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import NullFormatter, NullLocator, ScalarFormatter

from gatelab.gates import get_gate, truth_table
from gatelab.language import tr
from gatelab.perceptron import Perceptron, train_gate
from gatelab.plots.drawing import draw_boundary, draw_mistakes, draw_points, square_view
from gatelab.plots.style import (
    CURVE_GRID_COLOR,
    DPI,
    LEGEND_SIZE,
    add_figure_legend,
    gate_color,
    new_axes,
)


def plot_perceptrons(models: dict[str, Perceptron]) -> Figure:
    """Several fitted two-input perceptrons side by side, one panel per gate name."""
    fig = Figure(figsize=(2.7 * len(models), 3.6), dpi=DPI, layout="constrained")
    axes = np.atleast_1d(fig.subplots(1, len(models), sharey=True))
    for number, (ax, (gate, model)) in enumerate(zip(axes, models.items())):
        draw_boundary(ax, model.weights_, model.bias_)
        draw_points(ax, *truth_table(gate), name=tr("target"))
        square_view(ax)
        wrong = draw_mistakes(ax, gate, model.weights_, model.bias_)
        right = len(get_gate(gate).targets) - wrong
        ax.set_title(tr("{gate}: {right} of 4 right", gate=get_gate(gate).name, right=right))
        if number:
            ax.set_ylabel("")
    add_figure_legend(fig, axes)
    return fig


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
        seeds = table.shape[1]
        median = np.nanmedian(table, axis=1)
        low, high = np.nanpercentile(table, [25, 75], axis=1)
        ax.errorbar(
            rates * 10**nudge,
            median,
            yerr=[median - low, high - median],
            marker="o",
            ms=5,
            color=gate_color(gate),
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
    ax.grid(True, which="major", color=CURVE_GRID_COLOR, lw=0.8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=LEGEND_SIZE, frameon=False, title=tr("gate"), title_fontsize=LEGEND_SIZE)
    return fig
