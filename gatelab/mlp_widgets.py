"""The lesson 04 playground: retrain the small network with other settings and see what it learns.

A `LivePlayground` like the perceptron playgrounds in `gatelab.widgets`: each slider calls `draw`,
which trains the network and shows the run's picture and one line about it. `.controls` and
`.result` let code and tests drive it without a browser: `playground.controls["hidden_size"].value
= 2` retrains at once and `.result` holds the new run.
"""

from __future__ import annotations

import numpy as np

from gatelab._controls import gate_menu, retrain_slider
from gatelab._live_mlp_plots import MlpTrainingPicture
from gatelab.gates import get_gate
from gatelab.language import tr
from gatelab.mlp import (
    DEFAULT_EPOCHS,
    DEFAULT_HIDDEN,
    DEFAULT_LEARNING_RATE,
    TrainingResult,
    train_gate_mlp,
)
from gatelab.widgets import Frame, LivePlayground, preformatted


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
    controls = {
        "gate": gate_menu(gate),
        "hidden_size": retrain_slider(tr("hidden size"), hidden_size, 1, 16),
        "learning_rate": retrain_slider(
            tr("learning rate"), learning_rate, -3, 0, log=True, step=0.1
        ),
        "seed": retrain_slider(tr("seed"), seed, 0, 99),
    }
    # Looks exactly like plot_mlp_training(result, gate), redrawing only what a new run changes.
    picture = MlpTrainingPicture()

    def draw(gate: str, hidden_size: int, learning_rate: float, seed: int) -> Frame:
        """Train with the sliders' values: the run, its picture and one line about it."""
        result = train_gate_mlp(
            gate, seed=seed, hidden_size=hidden_size, learning_rate=learning_rate, epochs=epochs
        )
        return Frame(result, picture.png(result, gate), preformatted(describe_run(result, gate)))

    title = tr("Train the network again")
    return LivePlayground(draw, controls, title=title, side_by_side=False)
