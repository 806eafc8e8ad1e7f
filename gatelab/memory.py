"""Memory arithmetic for model weights: bytes per number, GB per model, servers per model.

The seed notes said "64-bit = 4 bytes": a byte is 8 bits, so 64 bits are 8 bytes.
A GPU's "80 GB" is taken as 80 × 10**9 bytes. That is a simplification: an H100's 80 GB is about
80 GiB (80 × 2**30 bytes, 7% more), and some of it is always in use by other things.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from gatelab.language import count_text, tr, translatable

if TYPE_CHECKING:  # matplotlib and ipywidgets load only when a picture or a slider is asked for
    from matplotlib.figure import Figure

    from gatelab.widgets import Playground

# Bytes per number of each dtype, as numpy counts them.
BYTES_PER: dict[str, int] = {
    name: np.dtype(name).itemsize for name in ("float64", "float32", "float16")
}
GPUS_PER_SERVER = 8
GB_PER_GPU = 80
SERVER_GB = GPUS_PER_SERVER * GB_PER_GPU  # one server with eight 80 GB GPUs: 640 GB
GB = 10**9  # the lessons' gigabyte: 10**9 bytes
# The calculator's choices: the lessons' own models, then sizes students hear about.
# The names are English keys, translated when shown (tr).
MODEL_SIZES: dict[str, int] = {
    translatable("3 (a perceptron)"): 3,
    translatable("33 (the XOR network)"): 33,
    translatable("1 million"): 10**6,
    translatable("100 million"): 10**8,
    translatable("1 billion"): 10**9,
    translatable("7 billion"): 7 * 10**9,
    translatable("13 billion"): 13 * 10**9,
    translatable("70 billion"): 70 * 10**9,
    translatable("175 billion"): 175 * 10**9,
    translatable("405 billion"): 405 * 10**9,
    translatable("1 trillion"): 10**12,
}


def weights_bytes(parameters: int, dtype: str) -> int:
    """Bytes for the weights alone: parameters × bytes per number."""
    if dtype not in BYTES_PER:
        raise ValueError(f"dtype must be one of {', '.join(BYTES_PER)}, got {dtype!r}")
    return int(parameters) * BYTES_PER[dtype]


def weights_gb(parameters: int, dtype: str) -> float:
    """Memory for the weights alone, in GB (10**9 bytes)."""
    return weights_bytes(parameters, dtype) / GB


def servers_needed(parameters: int, dtype: str) -> int:
    """How many 8×80 GB servers hold the weights (rounded up: part of a server is a server)."""
    return math.ceil(weights_bytes(parameters, dtype) / (SERVER_GB * GB))


def memory_report(parameters: int, dtype: str) -> str:
    """One line: how much memory the weights take, and how much of one server that is."""
    gb = weights_gb(parameters, dtype)
    return tr(
        "{parameters} parameters × {bytes} bytes ({dtype}) = {gb} GB = {share} of one "
        "{server_gb} GB server",
        parameters=count_text(parameters),
        bytes=BYTES_PER[dtype],
        dtype=dtype,
        gb=f"{gb:,.1f}",
        share=f"{gb / SERVER_GB:.1%}",
        server_gb=SERVER_GB,
    )


def plot_memory(sizes: dict[str, int], server_gb: int = SERVER_GB) -> Figure:
    """Bars: weight memory per model size and dtype (log scale); a line: one 8×80 GB server."""
    from matplotlib import patheffects
    from matplotlib.figure import Figure

    # The dtypes are greys (gatelab.plots.style): blue, orange and red mean output 1, output 0
    # and "wrong" in the other lessons' pictures.
    from gatelab.plots.style import DPI, DTYPE_COLORS, SERVER_LINE_COLOR

    fig = Figure(figsize=(6.4, 3.8), dpi=DPI, layout="constrained")
    ax = fig.add_subplot()
    width = 0.26
    for i, dtype in enumerate(BYTES_PER):
        xs = [group + (i - 1) * width for group in range(len(sizes))]
        gbs = [weights_gb(count, dtype) for count in sizes.values()]
        bars = ax.bar(
            xs,
            gbs,
            width * 0.92,
            color=DTYPE_COLORS[dtype],
            edgecolor="#333333",
            linewidth=0.6,
            label=tr("{dtype}: {bytes} bytes each", dtype=dtype, bytes=BYTES_PER[dtype]),
            zorder=3,
        )
        labels = [f"{gb:,.0f} GB" if gb < 1000 else f"{gb / 1000:,.0f} TB" for gb in gbs]
        ax.bar_label(bars, labels, padding=2, fontsize=8)
    line = ax.axhline(server_gb, color=SERVER_LINE_COLOR, linestyle="--", linewidth=1.5, zorder=4)
    line.set_path_effects([patheffects.withStroke(linewidth=3.5, foreground="white")])  # on a bar
    # Under the line, starting at the left edge: the first group's bars are far below the line
    # there, and the tall bars of a big model (further right) are never crossed.
    ax.text(
        0.01,
        server_gb / 1.2,
        tr(
            "one server: {gpus} × {gb_per_gpu} GB = {server_gb} GB",
            gpus=GPUS_PER_SERVER,
            gb_per_gpu=GB_PER_GPU,
            server_gb=server_gb,
        ),
        color=SERVER_LINE_COLOR,
        fontsize=10,
        ha="left",
        va="top",
        transform=ax.get_yaxis_transform(),  # x in axes fractions, y in GB
    )
    ax.set_yscale("log")
    ax.set_ylim(1, 30_000)
    ax.set_yticks([1, 10, 100, 1_000, 10_000], ["1 GB", "10 GB", "100 GB", "1 TB", "10 TB"])
    ax.minorticks_off()
    # A label the catalog knows ("1 billion") is shown in Korean too; others as they are.
    ticks = [tr("{label} parameters", label=tr(label)) for label in sizes]
    ax.set_xticks(range(len(sizes)), ticks)
    ax.set_ylabel(tr("memory for the weights"))
    ax.set_title(tr("Weights only: does the model fit on one GPU server?"))
    ax.grid(axis="y", color="#dddddd", zorder=0)
    ax.legend(loc="upper left", frameon=False, fontsize=10)
    return fig


def memory_calculator(parameters: int = 7 * 10**9, dtype: str = "float16") -> Playground:
    """A slider over model sizes and buttons for the dtype, with memory_report live.

    The slider steps through named sizes (MODEL_SIZES, plus `parameters` if it is not one of
    them), so it starts on exactly `parameters`: a log slider would round 7e9 to 7.08e9.
    """
    from gatelab._controls import choice_buttons, choice_slider, with_readout
    from gatelab.widgets import Playground

    parameters = int(parameters)
    sizes = dict(MODEL_SIZES)
    if parameters not in sizes.values():
        sizes[f"{parameters:,}"] = parameters
    options = sorted(((tr(name), count) for name, count in sizes.items()), key=lambda o: o[1])
    controls = {
        "parameters": choice_slider(tr("parameters"), options, parameters),
        "dtype": choice_buttons("dtype", list(BYTES_PER), dtype),
    }

    def draw(parameters: int, dtype: str) -> str:
        """Print and return memory_report for the chosen size and dtype."""
        report = memory_report(parameters, dtype)
        print(report)
        return report

    # The size's full name stands beside its slider.
    rows = [with_readout(controls["parameters"]), controls["dtype"]]
    title = tr("Memory for the weights")
    return Playground(draw, controls, title=title, side_by_side=False, rows=rows)
