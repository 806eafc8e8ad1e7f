"""Speed machinery behind the playgrounds: redraw only what moved, over a kept picture of the rest.

Not lesson material: a playground's picture looks exactly like the figure its plots function
draws for the same settings; this module only makes a slider step cheap. `LiveFigure` keeps one
figure and its still parts as pixels, `FigureCache` keeps a few such figures, one per look.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.image import imsave
from matplotlib.text import Text

from gatelab.language import get_language

MAX_PATCHES = 40  # remembered patches of pixels per figure (each an axis's worth of pixels)
MAX_LAYOUTS = 3  # per figure: a legend that cannot fit must not make every step lay out again
MAX_FIGURES = 6  # looks of a playground's figure kept ready (each keeps its whole picture)

T = TypeVar("T")


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
        return all_plotted(self.figure)

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
        before = {id(artist) for artist in all_plotted(self.figure)}
        draw()
        return [artist for artist in all_plotted(self.figure) if id(artist) not in before]

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


@dataclass
class FigureCache(Generic[T]):
    """A few figures, one per look and language, the oldest dropped first.

    A slider that goes back and forth across a change of look (a legend with another row, an
    axis with wider labels) then finds both figures ready and draws only what moves.
    """

    size: int = MAX_FIGURES
    _figures: dict[Hashable, T] = field(default_factory=dict)

    def get(self, look: Hashable, make: Callable[[], T]) -> tuple[T, bool]:
        """The figure kept for `look` in the current language, made now if there is none; and
        whether it was made now."""
        key = (look, get_language())  # a figure's labels are in the language it was made in
        if key in self._figures:
            return self._figures[key], False
        if len(self._figures) >= self.size:
            self._figures.pop(next(iter(self._figures)))
        self._figures[key] = made = make()
        return made, True


def plotted_artists(axes: Axes) -> list[Artist]:
    """What was plotted on `axes` (its legend too), not the axes' own frame, axis and titles."""
    artists = [*axes.collections, *axes.patches, *axes.lines, *axes.texts, *axes.images]
    artists += list(axes.artists)
    return [*artists, axes.legend_] if axes.legend_ is not None else artists


def all_plotted(figure: Figure) -> list[Artist]:
    """What was plotted on every axes of `figure`."""
    return [artist for axes in figure.axes for artist in plotted_artists(axes)]


def frames(figure: Figure) -> list[Artist]:
    """Every Axes' frame: drawn again over a shading so the shading never covers it."""
    return [spine for axes in figure.axes for spine in axes.spines.values()]
