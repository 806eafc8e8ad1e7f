"""Playgrounds for the lessons: sliders that move an input, a boundary or the training settings.

Every playground is an ipywidgets box: the controls sit beside (or above) what they change, and
the box keeps `.controls` (name -> widget) and `.result` (what the latest update computed), so
code and tests can drive it: `playground.controls["w1"].value = 1.0` updates it at once, no
browser needed.

Lessons 01-04's playgrounds are `LivePlayground`s: their figure is built once, and a control's
change moves only the artists that change (a cached copy of the rest is reused) and sends the
new PNG to an Image widget, with the numbers in an HTML widget under it. Drawing a new figure
into a cleared Output on every slider step (what `Playground` does, through `interactive_output`)
took a few hundred milliseconds a step; this takes a few tens (lesson 04's adds its training).
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from ipywidgets import (
    HTML,
    Dropdown,
    FloatLogSlider,
    FloatSlider,
    HBox,
    IntSlider,
    Label,
    Layout,
    SelectionSlider,
    ValueWidget,
    VBox,
    Widget,
    dlink,
    interactive_output,
)
from ipywidgets import Image as ImageWidget
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.image import imsave
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon
from matplotlib.text import Text

from gatelab.gates import GATE_NAMES, get_gate
from gatelab.language import get_language, tr
from gatelab.perceptron import Perceptron, step, train_gate
from gatelab.plots import (
    BOUNDARY_COLOR,
    VIEW,
    Table,
    boundary_label,
    boundary_path,
    boundary_segment,
    clip_half_plane,
    draw_boundary,
    draw_mistake_marks,
    new_axes,
    plot_boundary,
    plot_input_point,
    plot_training,
    predictions,
    truth_table_check,
)

TWO_INPUT_GATES = tuple(name for name in GATE_NAMES if get_gate(name).arity == 2)
SLIDER_LAYOUT = Layout(width="300px")
SLIDER_STYLE = {"description_width": "90px"}
MAX_PATCHES = 40  # remembered patches of pixels per figure (an epoch axis: ~100 kB each)
MAX_LAYOUTS = 3  # per figure: a legend that cannot fit must not make every step lay out again
MAX_TRAINING_FIGURES = 6  # looks of the training figure kept ready (a few MB each)


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


class LiveFigure:
    """One figure drawn again in place, to PNG bytes, without pyplot or a new figure per step.

    The layout is worked out once (a constrained layout on every step costs more than drawing).
    Each `png(moving, still)` draws only the `moving` artists over a kept picture of the rest;
    that picture is drawn again only when `still` (a description of what it shows) or the
    language changes. Matplotlib's text is the slow part, so labels, ticks and legends that stay
    put are drawn once and not on every step.
    """

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        self.canvas = FigureCanvasAgg(figure)
        self._background: Any = None
        self._still: object = None
        self._layouts = 0
        self._patches: dict[tuple[int, object], Any] = {}  # see png's `remembered`

    def redraw(self, draw: Callable[[], object]) -> list[Artist]:
        """Take everything plotted off the axes (keeping limits, ticks and labels), call `draw`
        and return what it plotted: cheaper than clearing the axes or making a new figure."""
        for axes in self.figure.axes:
            for container in list(axes.containers):
                container.remove()  # a bar chart's bars go with it
            for artist in plotted_artists(axes):
                artist.remove()
        self._background = None
        draw()
        return [artist for axes in self.figure.axes for artist in plotted_artists(axes)]

    def replace(self, old: Iterable[Artist], draw: Callable[[], object]) -> list[Artist]:
        """Take the `old` artists off, call `draw` and return the artists it plotted."""
        old = list(old)
        gone = {id(artist) for artist in old}
        for axes in self.figure.axes:
            for container in list(axes.containers):
                if all(id(part) in gone for part in container):
                    container.remove()
        for artist in old:
            if artist.axes is not None or artist.get_figure(root=False) is not None:
                artist.remove()
        before = {id(artist) for axes in self.figure.axes for artist in plotted_artists(axes)}
        draw()
        return [
            a for axes in self.figure.axes for a in plotted_artists(axes) if id(a) not in before
        ]

    def png(
        self, moving: Sequence[Artist], still: object = (), remembered: Sequence[tuple] = ()
    ) -> bytes:
        """The figure as PNG bytes, drawing `moving` over the kept picture of everything else.

        `remembered` holds (artist, key) pairs: artists that alone cover their own patch of the
        picture and look the same whenever their key is the same (an axis and its limits). Each
        is drawn once per key; after that its patch of pixels is put back instead.
        """
        if not self._layouts:
            self._lay_out()
        drew_everything = self._draw_step(moving, still, remembered)
        if drew_everything and not self._fits() and self._layouts < MAX_LAYOUTS:
            self._lay_out()  # e.g. a legend grew a row since the layout was made
            self._draw_step(moving, still, remembered)
        return self._encode()

    def _draw_step(
        self, moving: Sequence[Artist], still: object, remembered: Sequence[tuple] = ()
    ) -> bool:
        """Put back (or draw again) the picture of the still parts, then draw the moving ones."""
        still = (still, get_language())  # set_language changes the still parts' labels too
        hidden = [*moving, *(artist for artist, _ in remembered)]
        if self._background is None or self._still != still:
            # Matplotlib places an axes title on every draw and sends a hidden one off the
            # picture: hidden texts are put back where they were.
            placed = [(text, text.get_position()) for text in hidden if isinstance(text, Text)]
            for artist in hidden:
                artist.set_visible(False)  # hidden artists keep their room in a legend
            self.canvas.draw()
            for artist in hidden:
                artist.set_visible(True)
            for text, position in placed:
                text.set_position(position)
            self._background = self.canvas.copy_from_bbox(self.figure.bbox)
            self._still = still
            self._patches.clear()  # they were cut from the old picture
            drew_everything = True
        else:
            self.canvas.restore_region(self._background)
            drew_everything = False
        renderer = self.canvas.get_renderer()
        for artist, key in remembered:
            if (id(artist), key) in self._patches:
                self.canvas.restore_region(self._patches[id(artist), key])
                continue
            artist.draw(renderer)
            if len(self._patches) >= MAX_PATCHES:
                self._patches.clear()
            box = artist.get_tightbbox(renderer).padded(2)
            self._patches[id(artist), key] = self.canvas.copy_from_bbox(box)
        for artist in sorted(moving, key=lambda a: a.get_zorder()):
            artist.draw(renderer)
        return drew_everything

    def _lay_out(self) -> None:
        """Lay the figure out as it is now, then keep those positions."""
        self.figure.set_layout_engine("constrained")
        self.canvas.draw()
        self.figure.set_layout_engine("none")
        self._layouts += 1
        self._background = None

    def _fits(self) -> bool:
        """Whether every legend in the figure lies inside the picture."""
        renderer = self.canvas.get_renderer()
        inside = self.figure.bbox.padded(1)
        legends = [ax.legend_ for ax in self.figure.axes if ax.legend_ is not None]
        for legend in legends:
            box = legend.get_window_extent(renderer)
            if box.x0 < inside.x0 or box.y0 < inside.y0 or box.x1 > inside.x1:
                return False
        return True

    def _encode(self) -> bytes:
        """The canvas's pixels as a PNG (a low compression level: speed matters more here)."""
        buffer = io.BytesIO()
        pixels = np.asarray(self.canvas.buffer_rgba())
        imsave(buffer, pixels, format="png", dpi=self.figure.dpi, pil_kwargs={"compress_level": 1})
        return buffer.getvalue()


def plotted_artists(axes: Axes) -> list[Artist]:
    """What was plotted on `axes` (its legend too), not the axes' own frame, axis and titles."""
    artists = [*axes.collections, *axes.patches, *axes.lines, *axes.texts, *axes.images]
    artists += list(axes.artists)
    return [*artists, axes.legend_] if axes.legend_ is not None else artists


def preformatted(text: str) -> str:
    """Text as HTML that keeps its line breaks and lined-up columns, as printed output does."""
    return f'<pre style="margin: 0.2em 0">{html.escape(text)}</pre>'


def table_html(table: Table) -> str:
    """A Table as HTML styled like a notebook's own output (JupyterLab's table style)."""
    return f'<div class="jp-RenderedHTMLCommon">{table._repr_html_()}</div>'


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


def readout_label(slider: SelectionSlider) -> Label:
    """A Label that shows a slider's choice in full, kept in step with it by `dlink`."""
    # A slider's own readout is cut off at about 148 px: "33 (the XOR netw", "130억(13 bil".
    label = Label()
    label.add_class("gatelab-readout")  # the browser tests treat it as part of the control
    dlink((slider, "label"), (label, "value"))
    return label


def gate_menu(gate: str, options: Sequence[str] = TWO_INPUT_GATES) -> Dropdown:
    """A drop-down of gate names in the lessons' size and style."""
    return Dropdown(
        options=tuple(options),
        value=get_gate(gate).name,
        description=tr("gate"),
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
        "x1": _slider(tr("input x1"), 0.0, -0.5, 1.5, 0.05),
        "x2": _slider(tr("input x2"), 1.0, -0.5, 1.5, 0.05),
    }
    start = (controls["x1"].value, controls["x2"].value)
    # The model does not change, so only the star and the title move: the rest is drawn once.
    figure = plot_input_point(weights, bias, start, gate=spec.name)
    axes = figure.axes[0]
    star = max(axes.collections, key=lambda c: c.get_zorder())  # "your input" lies on top
    live = LiveFigure(figure)

    def draw(x1: float, x2: float) -> Frame:
        reading = read_input(weights, bias, (x1, x2))
        star.set_offsets([[x1, x2]])
        axes.title.set_text(
            tr(
                "w·x + b = {total}, so the step gives {output}",
                total=f"{reading.weighted_sum:+.2f}",
                output=reading.output,
            )
        )
        says = tr(
            "The trained {gate} perceptron says {output}.", gate=spec.name, output=reading.output
        )
        png = live.png([star, axes.title])
        return Frame(reading, png, preformatted(f"{reading}\n{says}"))

    title = tr("Move an input through {gate}", gate=spec.name)
    return LivePlayground(draw, controls, title=title)


def _line_and_shading(artists: Iterable[Artist]) -> list[Artist]:
    """The artists draw_boundary makes: the shaded half-planes and the line."""
    return [artist for artist in artists if isinstance(artist, (Polygon, Line2D))]


def _legend_rows(weights: Sequence[float], bias: float) -> tuple[bool, bool, bool]:
    """Which legend rows draw_boundary's picture gives: "says 1", "says 0", and the line."""
    lo, hi = VIEW
    square = np.array([[lo, lo], [hi, lo], [hi, hi], [lo, hi]], dtype=float)
    if any(weights):
        says_1, says_0 = (
            len(clip_half_plane(square, weights, bias, positive=p)) >= 3 for p in (True, False)
        )
    else:  # no line: step(b) answers the same everywhere
        says_1, says_0 = bias >= 0, bias < 0
    return says_1, says_0, boundary_segment(weights, bias) is not None


def _frames(figure: Figure) -> list[Artist]:
    """Every Axes' frame: drawn again over a shading so the shading never covers it."""
    return [spine for axes in figure.axes for spine in axes.spines.values()]


# ----- 2. the boundary playground: set w1, w2, b by hand ----------------------------------------
def boundary_playground(
    gate: str = "AND", weights: Sequence[float] = (0.5, 0.5), bias: float = -0.2
) -> LivePlayground:
    """Sliders for w1, w2 and b plus a gate menu: the boundary and a ✓/✗ truth table follow."""
    w1, w2 = (float(v) for v in weights)
    controls = {
        "gate": gate_menu(gate),
        "w1": _slider(tr("weight w1"), w1, -2.0, 2.0, 0.05),
        "w2": _slider(tr("weight w2"), w2, -2.0, 2.0, 0.05),
        "b": _slider(tr("bias b"), float(bias), -2.0, 2.0, 0.05),
    }
    figure, axes = new_axes()
    live = LiveFigure(figure)
    # Lay out once around the tallest legend (a line, both shadings, both classes, a ring), so
    # that no step's legend falls off the picture; the first step replaces this drawing.
    live.redraw(lambda: plot_boundary((-1.0, 1.0), -0.5, "AND", ax=axes, title="AND"))
    live.png([])
    # What the still picture shows, and the artists drawn on every step over it.
    shown: dict[str, Any] = {"still": None}

    def draw_everything(gate: str, weights: tuple[float, float], b: float) -> None:
        """plot_boundary itself: its legend, title, points and rings stay until `still` changes."""
        title = tr("{gate}: your boundary", gate=gate)
        plotted = live.redraw(lambda: plot_boundary(weights, b, gate, ax=axes, title=title))
        label = boundary_label(weights, b)
        texts = axes.get_legend().get_texts()
        shown["label"] = next((text for text in texts if text.get_text() == label), None)
        shown["boundary"] = _line_and_shading(plotted)
        legend = axes.get_legend()
        shown["kept"] = [a for a in plotted if a is not legend and a not in shown["boundary"]]

    def draw(gate: str, w1: float, w2: float, b: float) -> Frame:
        table = truth_table_check(gate, (w1, w2), b)
        wrong = tuple(predictions(gate, (w1, w2), b) != get_gate(gate).targets)
        # What the still picture shows: the title, points and rings, and the legend's rows (w1's
        # sign too: a "−" in front of the equation widens the legend).
        still = (gate, wrong, w1 < 0, _legend_rows((w1, w2), b))
        if still == shown["still"]:
            # Only the line, the shading and the equation in the legend move.
            shown["boundary"] = live.replace(
                shown["boundary"], lambda: draw_boundary(axes, (w1, w2), b)
            )
            if shown["label"] is not None:
                shown["label"].set_text(boundary_label((w1, w2), b))
        else:
            draw_everything(gate, (w1, w2), b)
            shown["still"] = still
        moving = [*shown["boundary"], *shown["kept"], *_frames(figure)]
        if shown["label"] is not None:
            moving.append(shown["label"])
        return Frame(table, live.png(moving, still), table_html(table))

    return LivePlayground(draw, controls, title=tr("Place the line yourself"))


# ----- 3. the training playground: learning rate, epochs, seed ----------------------------------
def _draw_training_step(path_axes: Axes, error_axes: Axes, model: Perceptron) -> None:
    """What plot_training draws that changes with the model (two-input gates): the boundary
    epoch by epoch and the mistakes per epoch, without the legends, titles and points."""
    path = boundary_path(model)
    alphas = np.linspace(0.12, 0.55, max(len(path) - 1, 1))
    segments, colors = [], []
    for (weights, bias), alpha in zip(path[:-1], alphas):
        segment = boundary_segment(weights, bias)
        if segment is not None:  # None when that epoch's line lay outside the picture
            segments.append(segment)
            colors.append(to_rgba(BOUNDARY_COLOR, alpha))
    # One collection instead of a Line2D per epoch: the same picture, far quicker to make.
    lines = LineCollection(segments, colors=colors, linewidths=1, zorder=2)
    path_axes.add_collection(lines, autolim=False)
    final_weights, final_bias = path[-1]
    draw_boundary(path_axes, final_weights, final_bias, linewidth=2.5)

    draw_mistake_marks(error_axes, model.errors_per_epoch(), model.converged_)


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
    # One figure per look of the still parts (two-input gates: gate, bars or line, a clean epoch,
    # the final boundary's legend rows; NOT: one number-line figure), so a slider that goes back
    # and forth across a change of look (39 epochs drawn as a line, 23 as bars) finds both
    # figures ready and only draws what moves. A few are kept, the oldest dropped first.
    figures: dict[object, tuple[LiveFigure, dict[str, Any]]] = {}

    def remember(
        shown: dict[str, Any], plotted: list[Artist], figure: Figure, still: object
    ) -> None:
        """Note which artists every step draws again and which a step of this look replaces."""
        path_axes, error_axes = figure.axes[:2]
        legends = [path_axes.get_legend(), error_axes.get_legend()]
        # The points (and the 0/1 inside them) lie over the lines: drawn on every step.
        kept = [a for a in path_axes.collections if isinstance(a, PathCollection)]
        kept += list(path_axes.texts)
        shown["kept"] = kept
        shown["replaced"] = [a for a in plotted if a not in legends and a not in kept]
        shown["still"] = still

    def picture(model: Perceptron, gate: str) -> bytes:
        """The training figure for this model: the figure of its look, with only the boundary
        path, the mistakes and the epoch axis drawn again."""
        spec = get_gate(gate)
        wide = spec.arity == 2
        errors = model.errors_per_epoch()
        final_weights, final_bias = model.weights_.tolist(), float(model.bias_)
        # NOT's legend names its threshold, so NOT is drawn in full whenever its weights change.
        rows = _legend_rows(final_weights, final_bias) if wide else (*final_weights, final_bias)
        still = (spec.name, len(errors) <= 30, 0 in errors, rows)
        look = (still, get_language()) if wide else (None, get_language())
        if look not in figures:
            if len(figures) >= MAX_TRAINING_FIGURES:
                figures.pop(next(iter(figures)))
            live = LiveFigure(plot_training(model, gate))
            figures[look] = (live, {})
            plotted = [a for axes in live.figure.axes for a in plotted_artists(axes)]
            remember(figures[look][1], plotted, live.figure, still)
        live, shown = figures[look]
        path_axes, error_axes = live.figure.axes[:2]
        if wide and shown["still"] == still:
            step = lambda: _draw_training_step(path_axes, error_axes, model)  # noqa: E731
            shown["replaced"] = live.replace(shown["replaced"], step)
        elif shown["still"] != still:  # NOT with other weights: its legend names the threshold
            plotted = live.redraw(lambda: plot_training(model, gate, axes=(path_axes, error_axes)))
            remember(shown, plotted, live.figure, still)
        moving = [*shown["replaced"], *shown["kept"], *_frames(live.figure)]
        # The epoch axis is slow to draw (its text) and depends only on the number of epochs.
        return live.png(moving, still, remembered=[(error_axes.xaxis, len(errors))])

    def draw(gate: str, learning_rate: float, epochs: int, seed: int) -> Frame:
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
        return Frame(model, picture(model, gate), preformatted(line))

    return LivePlayground(draw, controls, title=tr("Train again"), side_by_side=False)
