"""The lesson 04 playground: retrain the small network with other settings and see what it learns.

A `LivePlayground` like the perceptron playgrounds in `gatelab.widgets`, so `.controls` and
`.result` let code and tests drive it without a browser: `playground.controls["hidden_size"].value
= 2` retrains at once and `.result` holds the new run. Its figure is laid out once (for each
language, gate and range of the loss axis); a new run replaces only what it plotted (curve,
surface, lines, legends, titles) over a kept picture of the rest (axes, ticks, colour bar). A
slider move then takes about 0.45 s in the browser, most of it the training's 0.3 s; a new figure
per move took about 1.2 s (README, `make bench-ui`).
"""

from __future__ import annotations

import math

import numpy as np

from gatelab.gates import get_gate
from gatelab.language import get_language, tr
from gatelab.mlp import (
    DEFAULT_EPOCHS,
    DEFAULT_HIDDEN,
    DEFAULT_LEARNING_RATE,
    TrainingResult,
    train_gate_mlp,
)
from gatelab.mlp_plots import draw_mlp_training, loss_limits, plot_mlp_training
from gatelab.widgets import (
    MAX_TRAINING_FIGURES,
    Frame,
    LiveFigure,
    LivePlayground,
    gate_menu,
    plotted_artists,
    preformatted,
    retrain_slider,
)


def describe_run(result: TrainingResult, gate: str) -> str:
    """One line about a training run: its settings, how many rows it got right, its final loss."""
    spec = get_gate(gate)
    right = int(np.sum(result.model.predict(spec.inputs) == spec.targets))
    return tr(
        "{gate}: hidden size {hidden_size}, learning rate {rate}, seed {seed} → "
        "{right} of 4 right, final loss {loss}",
        gate=spec.name,
        hidden_size=result.model.hidden_size,
        rate=f"{result.learning_rate:.3g}",
        seed=result.seed,
        right=right,
        loss=f"{result.final_loss:.4f}",
    )


def mlp_playground(
    gate: str = "XOR",
    hidden_size: int = DEFAULT_HIDDEN,
    learning_rate: float = DEFAULT_LEARNING_RATE,
    seed: int = 0,
    epochs: int = DEFAULT_EPOCHS,
) -> LivePlayground:
    """Sliders for hidden size, learning rate and seed (and a gate menu): retrain and redraw."""
    # One figure per look of its still parts: the language, the gate (its legend's width) and the
    # loss axis's decades (the width of its labels), each laid out for its own labels as a new
    # figure is. A few are kept, the oldest dropped first.
    figures: dict[tuple, LiveFigure] = {}

    def picture(result: TrainingResult, gate: str) -> bytes:
        """The training figure of this run, drawing again only what a run changes."""
        low, high = loss_limits(result.losses)
        look = (get_language(), gate, math.floor(math.log10(low)), math.floor(math.log10(high)))
        new_look = look not in figures
        if new_look:  # a new figure draws the whole run
            if len(figures) >= MAX_TRAINING_FIGURES:
                figures.pop(next(iter(figures)))
            figures[look] = LiveFigure(plot_mlp_training(result, gate))
        live = figures[look]
        loss_ax, surface_ax = live.figure.axes[:2]
        if not new_look:
            old = [*plotted_artists(loss_ax), *plotted_artists(surface_ax)]
            # suptitle() puts its text back at its default height; keep it where the layout put it.
            placed = [text.get_position() for text in live.figure.texts]
            live.replace(
                old, lambda: draw_mlp_training(loss_ax, surface_ax, result, gate, colorbar=False)
            )
            for text, position in zip(live.figure.texts, placed, strict=True):
                text.set_position(position)
        # Drawn on every run: what the run plotted, the titles that name it (the suptitle is
        # one of the figure's texts), and the surface's grid and frame, which lie over its colours.
        moving = [*plotted_artists(loss_ax), *plotted_artists(surface_ax)]
        moving += [surface_ax.title, *live.figure.texts]
        moving += [surface_ax.xaxis, surface_ax.yaxis, *surface_ax.spines.values()]
        # The top of the loss axis follows the highest loss: a new picture of the rest then.
        return live.png(moving, still=(low, high))

    def draw(gate: str, hidden_size: int, learning_rate: float, seed: int) -> Frame:
        result = train_gate_mlp(
            gate, seed=seed, hidden_size=hidden_size, learning_rate=learning_rate, epochs=epochs
        )
        return Frame(result, picture(result, gate), preformatted(describe_run(result, gate)))

    controls = {
        "gate": gate_menu(gate),
        "hidden_size": retrain_slider(tr("hidden size"), hidden_size, 1, 16),
        "learning_rate": retrain_slider(
            tr("learning rate"), learning_rate, -3, 0, log=True, step=0.1
        ),
        "seed": retrain_slider(tr("seed"), seed, 0, 99),
    }
    title = tr("Train the network again")
    return LivePlayground(draw, controls, title=title, side_by_side=False)
