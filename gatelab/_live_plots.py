"""The perceptron playgrounds' pictures, drawn again in place (speed machinery, not lessons).

Each picture looks exactly like the `gatelab.plots` figure for the same settings: `InputPicture`
like plot_input_point, `BoundaryPicture` like plot_boundary, `TrainingPicture` like plot_training.
A slider step draws again only what that step moves, over a kept picture of the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon
from matplotlib.text import Text

from gatelab._live import FigureCache, LiveFigure, all_plotted, frames
from gatelab.gates import get_gate
from gatelab.language import tr
from gatelab.perceptron import Perceptron
from gatelab.plots import (
    BOUNDARY_COLOR,
    VIEW,
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
)


class InputPicture:
    """plot_input_point's figure: the model does not change, so only the star and title move."""

    def __init__(
        self, weights: Sequence[float], bias: float, start: tuple[float, float], gate: str
    ) -> None:
        figure = plot_input_point(weights, bias, start, gate=gate)
        self.axes = figure.axes[0]
        self.star = max(self.axes.collections, key=lambda c: c.get_zorder())  # "your input"
        self.live = LiveFigure(figure)

    def png(self, point: tuple[float, float], title: str) -> bytes:
        """The picture with the star at `point` under the title `title`."""
        self.star.set_offsets([list(point)])
        self.axes.title.set_text(title)
        return self.live.png([self.star, self.axes.title])


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


@dataclass
class BoundaryPicture:
    """plot_boundary's figure for any gate, weights and bias.

    While the still parts stay (title, points, rings, the legend's rows), a step draws again only
    the line, the shading and the equation in the legend.
    """

    live: LiveFigure
    axes: Axes
    still: object = None  # what the kept picture shows
    boundary: list[Artist] = field(default_factory=list)  # the line and the shading
    kept: list[Artist] = field(default_factory=list)  # points and rings: drawn over the shading
    label: Text | None = None  # the equation's row in the legend

    @classmethod
    def new(cls) -> BoundaryPicture:
        """An empty picture, laid out around the tallest legend the playground can show."""
        figure, axes = new_axes()
        live = LiveFigure(figure)
        # A line, both shadings, both classes, a ring: no later legend falls off the picture.
        # The first step replaces this drawing.
        live.redraw(lambda: plot_boundary((-1.0, 1.0), -0.5, "AND", ax=axes, title="AND"))
        live.png([])
        return cls(live, axes)

    def png(self, gate: str, weights: tuple[float, float], bias: float) -> bytes:
        """The picture of this boundary for this gate."""
        wrong = tuple(predictions(gate, weights, bias) != get_gate(gate).targets)
        # The title, points and rings, and the legend's rows (w1's sign too: a "−" in front of
        # the equation widens the legend).
        still = (gate, wrong, weights[0] < 0, _legend_rows(weights, bias))
        if still == self.still:
            self.boundary = self.live.replace(
                self.boundary, lambda: draw_boundary(self.axes, weights, bias)
            )
            if self.label is not None:
                self.label.set_text(boundary_label(weights, bias))
        else:
            self._draw_everything(gate, weights, bias)
            self.still = still
        moving = [*self.boundary, *self.kept, *frames(self.live.figure)]
        if self.label is not None:
            moving.append(self.label)
        return self.live.png(moving, still)

    def _draw_everything(self, gate: str, weights: tuple[float, float], bias: float) -> None:
        """plot_boundary itself: its legend, title, points and rings stay until `still` changes."""
        title = tr("{gate}: your boundary", gate=gate)
        plotted = self.live.redraw(
            lambda: plot_boundary(weights, bias, gate, ax=self.axes, title=title)
        )
        label = boundary_label(weights, bias)
        legend = self.axes.get_legend()
        self.label = next((text for text in legend.get_texts() if text.get_text() == label), None)
        self.boundary = _line_and_shading(plotted)
        self.kept = [a for a in plotted if a is not legend and a not in self.boundary]


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


@dataclass
class TrainingLook:
    """One look of the training figure, and which of its artists a step draws again."""

    live: LiveFigure
    still: object = None  # what the kept picture shows
    kept: list[Artist] = field(default_factory=list)  # points and their 0/1: over the lines
    replaced: list[Artist] = field(default_factory=list)  # what a step of this look replaces

    @classmethod
    def drawn(cls, model: Perceptron, gate: str, still: object) -> TrainingLook:
        """plot_training's figure of this model, as a look."""
        look = cls(LiveFigure(plot_training(model, gate)))
        look.remember(all_plotted(look.live.figure), still)
        return look

    def remember(self, plotted: list[Artist], still: object) -> None:
        """Note which artists every step draws again and which a step of this look replaces."""
        path_axes, error_axes = self.live.figure.axes[:2]
        legends = [path_axes.get_legend(), error_axes.get_legend()]
        # The points (and the 0/1 inside them) lie over the lines: drawn on every step.
        kept = [a for a in path_axes.collections if isinstance(a, PathCollection)]
        kept += list(path_axes.texts)
        self.kept = kept
        self.replaced = [a for a in plotted if a not in legends and a not in kept]
        self.still = still


@dataclass
class TrainingPicture:
    """plot_training's figure for any trained perceptron.

    One figure per look of the still parts (two-input gates: the gate, bars or a line, a clean
    epoch, the final boundary's legend rows; NOT: one number-line figure). A step draws again
    only the boundary path, the mistakes and the epoch axis.
    """

    looks: FigureCache[TrainingLook] = field(default_factory=FigureCache)

    def png(self, model: Perceptron, gate: str) -> bytes:
        """The training picture of this model."""
        spec = get_gate(gate)
        wide = spec.arity == 2
        errors = model.errors_per_epoch()
        final_weights, final_bias = model.weights_.tolist(), float(model.bias_)
        # NOT's legend names its threshold, so NOT is drawn in full whenever its weights change.
        rows = _legend_rows(final_weights, final_bias) if wide else (*final_weights, final_bias)
        still = (spec.name, len(errors) <= 30, 0 in errors, rows)
        look, _ = self.looks.get(
            still if wide else None, lambda: TrainingLook.drawn(model, gate, still)
        )
        path_axes, error_axes = look.live.figure.axes[:2]
        if wide and look.still == still:
            step = lambda: _draw_training_step(path_axes, error_axes, model)  # noqa: E731
            look.replaced = look.live.replace(look.replaced, step)
        elif look.still != still:  # NOT with other weights: its legend names the threshold
            plotted = look.live.redraw(
                lambda: plot_training(model, gate, axes=(path_axes, error_axes))
            )
            look.remember(plotted, still)
        moving = [*look.replaced, *look.kept, *frames(look.live.figure)]
        # The epoch axis is slow to draw (its text) and depends only on the number of epochs.
        return look.live.png(moving, still, remembered=[(error_axes.xaxis, len(errors))])
