"""One colour for each meaning, shared by every lesson's pictures, and the figure helpers.

A colour is chosen by what it means (a class, a gate, a mistake), never by reading a label.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import offset_copy

from gatelab.gates import get_gate
from gatelab.language import translatable

# ----- the two classes: what the gate (or the model) outputs -------------------------------------
# Okabe-Ito colours: distinguishable with every common colour-vision deficiency.
CLASS_0_COLOR = "#D55E00"  # vermillion: the gate outputs 0
CLASS_1_COLOR = "#0072B2"  # blue: the gate outputs 1
CLASS_COLORS = (CLASS_0_COLOR, CLASS_1_COLOR)
CLASS_MARKERS = ("o", "s")  # shape differs too, so the picture survives grey-scale printing
SHADE_ALPHA = 0.13  # how strongly a class tints the area where the model gives it
# Shading legend entries: what the neuron says in each tinted area.
SAYS = (translatable("says 0 here"), translatable("says 1 here"))
YOUR_INPUT_COLOR = "#F0E442"  # Okabe-Ito yellow: stands out on both shadings

# ----- lines and marks that are not a class -----------------------------------------------------
BOUNDARY_COLOR = "#222222"  # the decision boundary: near black
# The red ring means one thing in every picture: this point is on the wrong side of the line.
MISTAKE_COLOR = "#CC0000"
MISTAKE_LABEL = translatable("wrong side")  # English keys: tr() them where they are drawn
# Counts of mistakes and clean epochs: neutral colours, since blue and orange mean "output 1 / 0".
ERROR_BAR_COLOR = "#666666"
CLEAN_EPOCH_COLOR = "#000000"
LOSS_COLOR = "#222222"  # a loss curve is neither output: near black, like the boundary
REFERENCE_COLOR = "#888888"  # a reference line: the number line's axis, the chance loss
GRID_COLOR = "#dddddd"  # the grid of the square view
CURVE_GRID_COLOR = "#e5e5e5"  # the fainter grid behind curves

# ----- one colour per gate (Paul Tol's "muted" colours, apart from the class colours) -----------
GATE_COLORS: dict[str, str] = {
    "AND": "#117733",  # green
    "OR": "#AA4499",  # purple
    "NAND": "#999933",  # olive
    "NOR": "#44AA99",  # teal
    "NOT": "#332288",  # indigo
    "XOR": "#882255",  # wine
    "XNOR": "#DDCC77",  # sand
}
SPARE_LINE_COLORS = ("#555555", "#999999", "#000000")  # for lines that compute no named gate

# ----- hidden units (lesson 04): grey, since the classes and the gates have taken the colours ----
HIDDEN_LOW_COLOR = "#d9d9d9"  # a hidden unit's value -1
HIDDEN_HIGH_COLOR = "#5c5c5c"  # a hidden unit's value +1
HIDDEN_LINE_COLOR = "#6a6a6a"  # a hidden unit's line, dashed

# ----- memory (lesson 05): greys, darker for more bytes; blue, orange and red are taken ----------
DTYPE_COLORS: dict[str, str] = {"float64": "#4d4d4d", "float32": "#8c8c8c", "float16": "#c7c7c7"}
SERVER_LINE_COLOR = "#333333"

# ----- sizes ------------------------------------------------------------------------------------
DPI = 85  # small PNGs in the committed notebooks
FIGSIZE = (4.2, 4.2)
LEGEND_SIZE = 8  # points: a legend under a wide or many-panel picture
# Lessons 01-03's single square pictures are shown 357 px wide: 8-point text there is about 6 px
# tall, so their legends and notes use 10 points (as do lesson 04's, for the Korean labels).
SQUARE_LEGEND_SIZE = 10


def gate_color(gate: str) -> str:
    """The colour that stands for this gate in every lesson's lines and curves."""
    return GATE_COLORS[get_gate(gate).name]


def new_axes(ax: Axes | None = None, figsize: tuple[float, float] = FIGSIZE) -> tuple[Figure, Axes]:
    """Return (figure, axes): the given Axes and its figure, or a fresh single-Axes figure."""
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=figsize, dpi=DPI, layout="constrained")
    return fig, fig.add_subplot()


def add_legend(ax: Axes, ncols: int = 2, fontsize: float = LEGEND_SIZE) -> None:
    """A small legend under the axes, where it never hides a point or a line."""
    # Anchored a fixed distance (in points) below the axes, so it clears the x label on any height.
    below = offset_copy(ax.transAxes, fig=ax.figure, y=-34, units="points")
    ax.legend(
        *_unique_entries(ax),
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        bbox_transform=below,
        ncols=ncols,
        fontsize=fontsize,
        markerscale=0.45,
        frameon=False,
        handlelength=1.6,
        columnspacing=1.2,
    )


def add_figure_legend(fig: Figure, axes: Sequence[Axes], ncols: int = 4) -> None:
    """One legend under a row of panels, each entry once, instead of one legend per panel."""
    entries: dict[str, object] = {}
    for ax in axes:
        if ax.get_legend() is not None:
            ax.get_legend().remove()
        for handle, label in zip(*_unique_entries(ax)):
            entries.setdefault(label, handle)
    fig.legend(
        list(entries.values()),
        list(entries),
        loc="outside lower center",
        ncols=ncols,
        fontsize=LEGEND_SIZE,
        markerscale=0.45,
        frameon=False,
    )


def _unique_entries(ax: Axes) -> tuple[list, list[str]]:
    """The Axes' legend handles and labels, each label once (a shading may be drawn twice)."""
    handles, labels = ax.get_legend_handles_labels()
    first: dict[str, object] = {}
    for handle, label in zip(handles, labels):
        first.setdefault(label, handle)
    return list(first.values()), list(first)
