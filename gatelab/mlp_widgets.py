"""The lesson 04 playground: retrain the small network with other settings and see what it learns.

Built like the perceptron playgrounds in `gatelab.widgets` (sliders wired to a drawing function by
`interactive_output`), so `.controls` and `.result` let code and tests drive it without a browser:
`playground.controls["hidden_size"].value = 2` retrains at once and `.result` holds the new run.
"""

from __future__ import annotations

import numpy as np
from ipywidgets import Dropdown, FloatLogSlider, IntSlider

from gatelab.gates import get_gate
from gatelab.mlp import (
    DEFAULT_EPOCHS,
    DEFAULT_HIDDEN,
    DEFAULT_LEARNING_RATE,
    TrainingResult,
    train_gate_mlp,
)
from gatelab.mlp_plots import plot_mlp_training
from gatelab.widgets import SLIDER_LAYOUT, SLIDER_STYLE, TWO_INPUT_GATES, Playground, show_figure


def describe_run(result: TrainingResult, gate: str) -> str:
    """One line about a training run: its settings, how many rows it got right, its final loss."""
    spec = get_gate(gate)
    right = int(np.sum(result.model.predict(spec.inputs) == spec.targets))
    return (
        f"{spec.name}: hidden size {result.model.hidden_size}, learning rate "
        f"{result.learning_rate:.3g}, seed {result.seed} → {right} of 4 right, "
        f"final loss {result.final_loss:.4f}"
    )


def mlp_playground(
    gate: str = "XOR",
    hidden_size: int = DEFAULT_HIDDEN,
    learning_rate: float = DEFAULT_LEARNING_RATE,
    seed: int = 0,
    epochs: int = DEFAULT_EPOCHS,
) -> Playground:
    """Sliders for hidden size, learning rate and seed (and a gate menu): retrain and redraw."""

    def draw(gate: str, hidden_size: int, learning_rate: float, seed: int) -> TrainingResult:
        result = train_gate_mlp(
            gate, seed=seed, hidden_size=hidden_size, learning_rate=learning_rate, epochs=epochs
        )
        show_figure(plot_mlp_training(result, gate))
        print(describe_run(result, gate))
        return result

    # A retrain takes a fraction of a second: redraw when a slider is let go, not on every pixel.
    slider = {"continuous_update": False, "layout": SLIDER_LAYOUT, "style": SLIDER_STYLE}
    controls = {
        "gate": Dropdown(
            options=TWO_INPUT_GATES,
            value=get_gate(gate).name,
            description="gate",
            layout=SLIDER_LAYOUT,
            style=SLIDER_STYLE,
        ),
        "hidden_size": IntSlider(
            value=hidden_size, min=1, max=16, description="hidden size", **slider
        ),
        "learning_rate": FloatLogSlider(
            value=learning_rate,
            base=10,
            min=-3,
            max=0,
            step=0.1,
            description="learning rate",
            readout_format=".3g",
            **slider,
        ),
        "seed": IntSlider(value=seed, min=0, max=99, description="seed", **slider),
    }
    return Playground(draw, controls, title="Train the network again", side_by_side=False)
