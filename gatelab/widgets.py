"""Playgrounds for the lessons: a slider calls a function, and the playground shows its result.

Every playground is an ipywidgets box: the controls sit beside (or above) what they show. Moving a
control calls the playground's `draw` function with every control's value; what `draw` returns is
shown and kept as `.result`. `.controls` (name -> widget) lets code and tests drive it without a
browser: `playground.controls["w1"].value = 1.0` updates it at once.

Lessons 01-04's playgrounds are `LivePlayground`s: `draw` returns a Frame (a result, a PNG
picture, an HTML text) shown in an Image and an HTML widget. Their pictures look exactly like the
`gatelab.plots` figures for the same settings; `gatelab._live_plots` draws them quickly.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from ipywidgets import HTML, HBox, Layout, ValueWidget, VBox, Widget, interactive_output
from ipywidgets import Image as ImageWidget

from gatelab._controls import TWO_INPUT_GATES, float_slider, gate_menu, retrain_slider
from gatelab._live_plots import BoundaryPicture, InputPicture, TrainingPicture
from gatelab.gates import get_gate
from gatelab.language import tr
from gatelab.perceptron import Perceptron, step, train_gate
from gatelab.plots import Table, truth_table_check


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
        rows: Sequence[Widget] | None = None,
    ) -> None:
        super().__init__()
        self.title = title
        self.controls = controls
        self.result: Any = None
        view = self._make_view(draw)
        # `rows` lays the controls out another way (a slider with its own label beside it);
        # by default each control is a row of its own.
        panel = VBox([HTML(f"<b>{title}</b>"), *(rows or controls.values())])
        body = HBox([panel, view]) if side_by_side else VBox([panel, view])
        self.children = (body,)

    def _make_view(self, draw: Callable[..., Any]) -> Widget:
        """The widget that shows what `draw` makes: here an Output it prints and displays into."""

        def run(**values: Any) -> None:
            self.result = draw(**values)

        # interactive_output calls `run` once now, then again on every change of a control.
        self.output = interactive_output(run, self.controls)
        return self.output

    def __repr__(self) -> str:
        # Shown where widgets cannot run (a code host, a terminal): say what would be here.
        return tr("Playground: {title} (run the notebook to use the sliders)", title=self.title)


@dataclass(frozen=True)
class Frame:
    """What one update of a LivePlayground shows: its result, a PNG picture and an HTML text."""

    result: Any
    png: bytes
    html: str


class LivePlayground(Playground):
    """A Playground that updates in place: an Image widget and an HTML widget, not an Output.

    `draw(**values)` returns a Frame; `.image.value` is its PNG and `.text.value` its HTML.
    """

    def _make_view(self, draw: Callable[..., Frame]) -> Widget:
        """An Image above an HTML text, filled now and again on every change of a control."""
        self._draw = draw
        # A VBox stretches its children to its width, which would blow the picture up (blurred);
        # flex-start keeps it at its own size, max_width lets a narrow window shrink it.
        self.image = ImageWidget(
            format="png", layout=Layout(align_self="flex-start", max_width="100%")
        )
        self.text = HTML()
        for widget in self.controls.values():
            widget.observe(self._refresh, names="value")
        self._refresh()
        return VBox([self.image, self.text])

    def _refresh(self, change: object = None) -> None:
        """Run `draw` with the controls' values and show what it made."""
        values = {name: widget.value for name, widget in self.controls.items()}
        try:
            frame = self._draw(**values)
        except Exception as error:
            # The student sees why nothing moved; code that set the value gets the error too.
            self.text.value = preformatted(f"{type(error).__name__}: {error}")
            raise
        self.result = frame.result
        self.image.value = frame.png
        self.text.value = frame.html


def preformatted(text: str) -> str:
    """Text as HTML that keeps its line breaks and lined-up columns, as printed output does."""
    return f'<pre style="margin: 0.2em 0">{html.escape(text)}</pre>'


def table_html(table: Table) -> str:
    """A Table as HTML styled like a notebook's own output (JupyterLab's table style)."""
    return f'<div class="jp-RenderedHTMLCommon">{table._repr_html_()}</div>'


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
            f"step({self.weighted_sum:.3f}) = {self.output}   "
            + tr("(the step fires, giving 1, only when the sum is ≥ 0)")
        )


def read_input(weights: Sequence[float], bias: float, inputs: Sequence[float]) -> Reading:
    """Run one input through the neuron and keep every intermediate number."""
    w = tuple(float(v) for v in np.atleast_1d(weights))
    x = tuple(float(v) for v in inputs)
    if len(w) != len(x):
        raise ValueError(
            tr("{weights} weight(s) but {inputs} input(s)", weights=len(w), inputs=len(x))
        )
    total = float(np.dot(w, x) + float(bias))
    return Reading(x, w, float(bias), total, int(step(total)))


def input_playground(model: Perceptron, gate: str = "AND") -> LivePlayground:
    """Sliders for x1 and x2 of a trained two-input gate: the point, sum and output follow."""
    spec = get_gate(gate)
    if spec.arity != 2 or model.weights_ is None or len(model.weights_) != 2:
        raise ValueError(tr("the input playground needs a perceptron trained on a two-input gate"))
    weights, bias = model.weights_.copy(), float(model.bias_)
    controls = {
        "x1": float_slider(tr("input x1"), 0.0, -0.5, 1.5, 0.05),
        "x2": float_slider(tr("input x2"), 1.0, -0.5, 1.5, 0.05),
    }
    # Looks exactly like plot_input_point(weights, bias, (x1, x2), gate=...).
    start = (controls["x1"].value, controls["x2"].value)
    picture = InputPicture(weights, bias, start, gate=spec.name)

    def draw(x1: float, x2: float) -> Frame:
        """Run (x1, x2) through the neuron: the numbers, the point on the picture, the output."""
        reading = read_input(weights, bias, (x1, x2))
        title = tr(
            "w·x + b = {total}, so the step gives {output}",
            total=f"{reading.weighted_sum:+.2f}",
            output=reading.output,
        )
        says = tr(
            "The trained {gate} perceptron says {output}.", gate=spec.name, output=reading.output
        )
        return Frame(reading, picture.png((x1, x2), title), preformatted(f"{reading}\n{says}"))

    title = tr("Move an input through {gate}", gate=spec.name)
    return LivePlayground(draw, controls, title=title)


# ----- 2. the boundary playground: set w1, w2, b by hand ----------------------------------------
def boundary_playground(
    gate: str = "AND", weights: Sequence[float] = (0.5, 0.5), bias: float = -0.2
) -> LivePlayground:
    """Sliders for w1, w2 and b plus a gate menu: the boundary and a ✓/✗ truth table follow."""
    w1, w2 = (float(v) for v in weights)
    controls = {
        "gate": gate_menu(gate),
        "w1": float_slider(tr("weight w1"), w1, -2.0, 2.0, 0.05),
        "w2": float_slider(tr("weight w2"), w2, -2.0, 2.0, 0.05),
        "b": float_slider(tr("bias b"), float(bias), -2.0, 2.0, 0.05),
    }
    # Looks exactly like plot_boundary((w1, w2), b, gate).
    picture = BoundaryPicture.new()

    def draw(gate: str, w1: float, w2: float, b: float) -> Frame:
        """Check the line w1·x1 + w2·x2 + b = 0 against the gate: the picture and the table."""
        table = truth_table_check(gate, (w1, w2), b)
        return Frame(table, picture.png(gate, (w1, w2), b), table_html(table))

    return LivePlayground(draw, controls, title=tr("Place the line yourself"))


# ----- 3. the training playground: learning rate, epochs, seed ----------------------------------
def training_playground(
    gate: str = "AND", learning_rate: float = 0.1, epochs: int = 20, seed: int = 0
) -> LivePlayground:
    """Sliders for the learning rate, epochs and seed: retrain, then redraw path and mistakes."""
    controls = {
        "gate": gate_menu(gate, (*TWO_INPUT_GATES, "NOT")),
        "learning_rate": retrain_slider(
            tr("learning rate"), learning_rate, -3, 1, log=True, step=0.25
        ),
        "epochs": retrain_slider(tr("epochs"), epochs, 1, 100),
        "seed": retrain_slider(tr("seed"), seed, 0, 50),
    }
    # Looks exactly like plot_training(model, gate).
    picture = TrainingPicture()

    def draw(gate: str, learning_rate: float, epochs: int, seed: int) -> Frame:
        """Train a new perceptron with the sliders' values: the model, its picture, one line."""
        model = train_gate(gate, learning_rate=learning_rate, epochs=epochs, seed=seed)
        rounded = ", ".join(f"{w:.3f}" for w in model.weights_)
        if model.converged_:
            state = tr("converged in {epochs} epochs", epochs=model.converged_epoch_)
        else:
            state = tr("not converged after {epochs} epochs", epochs=model.epochs_run_)
        # The budget is said too: past convergence, moving the epochs slider changes only it.
        line = tr(
            "{gate}: {state} (at most {budget} allowed); weights ({weights}), bias {bias}",
            gate=gate,
            state=state,
            budget=epochs,
            weights=rounded,
            bias=f"{model.bias_:.3f}",
        )
        return Frame(model, picture.png(model, gate), preformatted(line))

    return LivePlayground(draw, controls, title=tr("Train again"), side_by_side=False)
