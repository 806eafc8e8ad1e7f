"""Playgrounds for the lessons: sliders that move an input, a boundary or the training settings.

Each playground is an ipywidgets box built with `interactive_output`: the controls sit beside
(or above) a live output that redraws whenever a control changes. The box keeps `.controls`
(name -> widget) and `.result` (what the last redraw computed), so code and tests can drive it:
`playground.controls["w1"].value = 1.0` redraws at once, no browser needed.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from IPython.display import Image, display
from ipywidgets import (
    HTML,
    Dropdown,
    FloatLogSlider,
    FloatSlider,
    HBox,
    IntSlider,
    Layout,
    ValueWidget,
    VBox,
    interactive_output,
)
from matplotlib.figure import Figure

from gatelab.gates import GATE_NAMES, get_gate
from gatelab.perceptron import Perceptron, step, train_gate
from gatelab.plots import (
    DPI,
    plot_boundary,
    plot_input_point,
    plot_training,
    truth_table_check,
)

TWO_INPUT_GATES = tuple(name for name in GATE_NAMES if get_gate(name).arity == 2)
SLIDER_LAYOUT = Layout(width="300px")
SLIDER_STYLE = {"description_width": "90px"}


class Playground(VBox):
    """Controls wired to a drawing function through `interactive_output`.

    `.controls` maps each argument name to its widget, `.output` is the live Output widget and
    `.result` holds what the drawing function returned on its latest run.
    """

    def __init__(
        self,
        draw: Callable[..., Any],
        controls: dict[str, ValueWidget],
        *,
        title: str,
        side_by_side: bool = True,
    ) -> None:
        super().__init__()
        self.title = title
        self.controls = controls
        self.result: Any = None

        def run(**values: Any) -> None:
            self.result = draw(**values)

        # interactive_output calls `run` once now, then again on every change of a control.
        self.output = interactive_output(run, controls)
        panel = VBox([HTML(f"<b>{title}</b>"), *controls.values()])
        body = HBox([panel, self.output]) if side_by_side else VBox([panel, self.output])
        self.children = (body,)

    def __repr__(self) -> str:
        # Shown where widgets cannot run (a code host, a terminal): say what would be here.
        return f"Playground: {self.title} (run the notebook to use the sliders)"


def show_figure(fig: Figure) -> None:
    """Display a figure as a PNG (works whatever matplotlib backend the kernel uses)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    display(Image(data=buffer.getvalue()))


def _slider(description: str, value: float, low: float, high: float, step: float) -> FloatSlider:
    """A float slider in the lessons' size and style."""
    return FloatSlider(
        value=value,
        min=low,
        max=high,
        step=step,
        description=description,
        readout_format=".2f",
        layout=SLIDER_LAYOUT,
        style=SLIDER_STYLE,
    )


def gate_menu(gate: str, options: Sequence[str] = TWO_INPUT_GATES) -> Dropdown:
    """A drop-down of gate names in the lessons' size and style."""
    return Dropdown(
        options=tuple(options),
        value=get_gate(gate).name,
        description="gate",
        layout=SLIDER_LAYOUT,
        style=SLIDER_STYLE,
    )


def retrain_slider(
    description: str, value: float, low: float, high: float, *, log: bool = False, step: float = 1
) -> IntSlider | FloatLogSlider:
    """A slider that redraws when let go: retraining on every pixel of a drag would stutter."""
    common = {
        "value": value,
        "description": description,
        "continuous_update": False,
        "layout": SLIDER_LAYOUT,
        "style": SLIDER_STYLE,
    }
    if log:  # low and high are powers of ten
        return FloatLogSlider(base=10, min=low, max=high, step=step, readout_format=".3g", **common)
    return IntSlider(min=int(low), max=int(high), **common)


# ----- 1. the input playground: move one point through a trained gate -------------------------
@dataclass(frozen=True)
class Reading:
    """What the neuron computes for one input: the weighted sum, then the step."""

    inputs: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    weighted_sum: float
    output: int

    def __str__(self) -> str:
        terms = " + ".join(f"{w:.3f}×{x:.2f}" for w, x in zip(self.weights, self.inputs))
        return (
            f"w·x + b = {terms} + ({self.bias:.3f})\n"
            f"        = {self.weighted_sum:.3f}\n"
            f"step({self.weighted_sum:.3f}) = {self.output}"
            f"   (the step fires, giving 1, only when the sum is ≥ 0)"
        )


def read_input(weights: Sequence[float], bias: float, inputs: Sequence[float]) -> Reading:
    """Run one input through the neuron and keep every intermediate number."""
    w = tuple(float(v) for v in np.atleast_1d(weights))
    x = tuple(float(v) for v in inputs)
    if len(w) != len(x):
        raise ValueError(f"{len(w)} weight(s) but {len(x)} input(s)")
    total = float(np.dot(w, x) + float(bias))
    return Reading(x, w, float(bias), total, int(step(total)))


def input_playground(model: Perceptron, gate: str = "AND") -> Playground:
    """Sliders for x1 and x2 of a trained two-input gate: the point, sum and output follow."""
    spec = get_gate(gate)
    if spec.arity != 2 or model.weights_ is None or len(model.weights_) != 2:
        raise ValueError("the input playground needs a perceptron trained on a two-input gate")
    weights, bias = model.weights_.copy(), float(model.bias_)

    def draw(x1: float, x2: float) -> Reading:
        reading = read_input(weights, bias, (x1, x2))
        show_figure(plot_input_point(weights, bias, (x1, x2), gate=spec.name))
        print(reading)
        print(f"The trained {spec.name} perceptron says {reading.output}.")
        return reading

    controls = {
        "x1": _slider("input x1", 0.0, -0.5, 1.5, 0.05),
        "x2": _slider("input x2", 1.0, -0.5, 1.5, 0.05),
    }
    return Playground(draw, controls, title=f"Move an input through {spec.name}")


# ----- 2. the boundary playground: set w1, w2, b by hand ----------------------------------------
def boundary_playground(
    gate: str = "AND", weights: Sequence[float] = (0.5, 0.5), bias: float = -0.2
) -> Playground:
    """Sliders for w1, w2 and b plus a gate menu: the boundary and a ✓/✗ truth table follow."""
    w1, w2 = (float(v) for v in weights)

    def draw(gate: str, w1: float, w2: float, b: float) -> Any:
        table = truth_table_check(gate, (w1, w2), b)
        show_figure(plot_boundary((w1, w2), b, gate, title=f"{gate}: your boundary"))
        display(table)
        return table

    controls = {
        "gate": gate_menu(gate),
        "w1": _slider("weight w1", w1, -2.0, 2.0, 0.05),
        "w2": _slider("weight w2", w2, -2.0, 2.0, 0.05),
        "b": _slider("bias b", float(bias), -2.0, 2.0, 0.05),
    }
    return Playground(draw, controls, title="Place the line yourself")


# ----- 3. the training playground: learning rate, epochs, seed ----------------------------------
def training_playground(
    gate: str = "AND", learning_rate: float = 0.1, epochs: int = 20, seed: int = 0
) -> Playground:
    """Sliders for the learning rate, epochs and seed: retrain, then redraw path and mistakes."""

    def draw(gate: str, learning_rate: float, epochs: int, seed: int) -> Perceptron:
        model = train_gate(gate, learning_rate=learning_rate, epochs=epochs, seed=seed)
        show_figure(plot_training(model, gate))
        rounded = ", ".join(f"{w:.3f}" for w in model.weights_)
        state = (
            f"converged in {model.converged_epoch_} epochs"
            if model.converged_
            else (f"not converged after {model.epochs_run_} epochs")
        )
        print(f"{gate}: {state}; weights ({rounded}), bias {model.bias_:.3f}")
        return model

    controls = {
        "gate": gate_menu(gate, (*TWO_INPUT_GATES, "NOT")),
        "learning_rate": retrain_slider("learning rate", learning_rate, -3, 1, log=True, step=0.25),
        "epochs": retrain_slider("epochs", epochs, 1, 100),
        "seed": retrain_slider("seed", seed, 0, 50),
    }
    return Playground(draw, controls, title="Train again", side_by_side=False)
