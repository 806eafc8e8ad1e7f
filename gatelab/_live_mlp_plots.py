"""Lesson 04's playground picture, drawn again in place (speed machinery, not lesson material).

`MlpTrainingPicture` looks exactly like `gatelab.mlp_plots.plot_mlp_training` for the same run:
a new run draws again what it plotted (curve, surface, lines, legends, titles) over a kept picture
of the rest (axes, ticks, colour bar).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from gatelab._live import FigureCache, LiveFigure, plotted_artists
from gatelab.mlp import TrainingResult
from gatelab.mlp_plots import draw_mlp_training, loss_limits, plot_mlp_training


@dataclass
class MlpTrainingPicture:
    """plot_mlp_training's figure for any run.

    One figure per look of its still parts: the gate (its legend's width) and the loss axis's
    decades (the width of its labels), each laid out for its own labels as a new figure is.
    """

    figures: FigureCache[LiveFigure] = field(default_factory=FigureCache)

    def png(self, result: TrainingResult, gate: str) -> bytes:
        """The training picture of this run."""
        low, high = loss_limits(result.losses)
        look = (gate, math.floor(math.log10(low)), math.floor(math.log10(high)))
        # A new figure draws the whole run; a kept one draws again only what a run changes.
        live, new = self.figures.get(look, lambda: LiveFigure(plot_mlp_training(result, gate)))
        loss_ax, surface_ax = live.figure.axes[:2]
        if not new:
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
