"""Pictures for the perceptron lessons: gate points, decision boundaries, training paths.

One module per lesson, built from shared pieces:

| module | what it holds |
| --- | --- |
| `lesson01` | AND's points, a boundary, one input on it, a fitted perceptron |
| `lesson02` | the linear gates side by side, the learning-rate sweep |
| `lesson03` | XOR: one epoch step by step, the crossing diagonals, the band, the hidden space |
| `lesson04` | the PyTorch network's surface, hidden units, loss (needs torch: import by name) |
| `training` | where the boundary went during training, and the mistakes per epoch |
| `number_line` | NOT's one input on a number line |
| `drawing` | the `draw_*` pieces: points, boundary, mistakes ringed |
| `geometry` | the numpy arithmetic: sides of a line, half-planes, the line inside the view |
| `style` | one colour per meaning, sizes, new figures and legends |

Every figure is a plain `matplotlib.figure.Figure` made without pyplot, so a notebook shows it
exactly once: leave the returned Figure as the cell's last expression. `plot_*` functions return
the Figure; single-panel ones take an optional Axes (to draw beside something else) or make
their own; multi-panel ones make their own figure (`plot_training` also takes two Axes).
"""

from gatelab.plots.drawing import (
    draw_boundary,
    draw_gate_points,
    draw_mistakes,
    draw_points,
    predictions,
)
from gatelab.plots.geometry import VIEW, boundary_label, boundary_segment, clip_half_plane
from gatelab.plots.lesson01 import plot_boundary, plot_gate, plot_input_point, plot_perceptron
from gatelab.plots.lesson02 import epochs_to_converge, plot_learning_rate_sweep, plot_perceptrons
from gatelab.plots.lesson03 import (
    plot_attempts,
    plot_band,
    plot_cycle,
    plot_hidden_space,
    plot_xor_no_line,
)
from gatelab.plots.number_line import draw_number_line, plot_not
from gatelab.plots.style import (
    BOUNDARY_COLOR,
    CLASS_0_COLOR,
    CLASS_1_COLOR,
    CLASS_COLORS,
    CLASS_MARKERS,
    CLEAN_EPOCH_COLOR,
    DPI,
    DTYPE_COLORS,
    ERROR_BAR_COLOR,
    FIGSIZE,
    GATE_COLORS,
    HIDDEN_LINE_COLOR,
    LEGEND_SIZE,
    MISTAKE_COLOR,
    MISTAKE_LABEL,
    SAYS,
    SHADE_ALPHA,
    SPARE_LINE_COLORS,
    SQUARE_LEGEND_SIZE,
    add_figure_legend,
    add_legend,
    gate_color,
    new_axes,
)
from gatelab.plots.training import (
    boundary_path,
    draw_errors_per_epoch,
    draw_mistake_marks,
    plot_training,
)

# The lessons' tables, imported from here since lessons 01-02 began.
from gatelab.tables import Table, display_width, history_table, truth_table_check

__all__ = [
    "BOUNDARY_COLOR",
    "CLASS_0_COLOR",
    "CLASS_1_COLOR",
    "CLASS_COLORS",
    "CLASS_MARKERS",
    "CLEAN_EPOCH_COLOR",
    "DPI",
    "DTYPE_COLORS",
    "ERROR_BAR_COLOR",
    "FIGSIZE",
    "GATE_COLORS",
    "HIDDEN_LINE_COLOR",
    "LEGEND_SIZE",
    "MISTAKE_COLOR",
    "MISTAKE_LABEL",
    "SAYS",
    "SHADE_ALPHA",
    "SPARE_LINE_COLORS",
    "SQUARE_LEGEND_SIZE",
    "VIEW",
    "Table",
    "add_figure_legend",
    "add_legend",
    "boundary_label",
    "boundary_path",
    "boundary_segment",
    "clip_half_plane",
    "display_width",
    "draw_boundary",
    "draw_errors_per_epoch",
    "draw_gate_points",
    "draw_mistake_marks",
    "draw_mistakes",
    "draw_number_line",
    "draw_points",
    "epochs_to_converge",
    "gate_color",
    "history_table",
    "new_axes",
    "plot_attempts",
    "plot_band",
    "plot_boundary",
    "plot_cycle",
    "plot_gate",
    "plot_hidden_space",
    "plot_input_point",
    "plot_learning_rate_sweep",
    "plot_not",
    "plot_perceptron",
    "plot_perceptrons",
    "plot_training",
    "plot_xor_no_line",
    "predictions",
    "truth_table_check",
]
