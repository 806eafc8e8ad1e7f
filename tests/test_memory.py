"""Memory arithmetic for weights, and its picture and calculator."""

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from gatelab import memory


def test_bytes_per_number_match_the_bits():
    assert memory.BYTES_PER == {"float64": 8, "float32": 4, "float16": 2}  # 64 bits = 8 bytes


def test_weights_bytes_and_gb():
    assert memory.weights_bytes(3, "float64") == 24  # the seed's 3 parameters
    assert memory.weights_gb(10**9, "float32") == 4
    assert memory.weights_gb(10**12, "float16") == 2000
    with pytest.raises(ValueError, match="float64, float32, float16"):
        memory.weights_bytes(1, "int8")


def test_servers_needed_rounds_up():
    assert memory.SERVER_GB == 640
    assert memory.servers_needed(10**9, "float64") == 1
    assert memory.servers_needed(10**12, "float16") == 4  # 2000 GB / 640 GB = 3.1 → 4
    assert memory.servers_needed(10**12, "float64") == 13


def test_memory_report():
    line = memory.memory_report(7 * 10**9, "float16")
    assert (
        line == "7,000,000,000 parameters × 2 bytes (float16) = 14.0 GB = 2.2% of one 640 GB server"
    )


def test_plot_memory_draws_a_bar_per_size_and_dtype():
    fig = memory.plot_memory({"1 billion": 10**9, "1 trillion": 10**12})
    ax = fig.axes[0]
    assert len(ax.patches) == 2 * 3
    assert ax.get_yscale() == "log"
    heights = sorted(p.get_height() for p in ax.patches)
    assert heights[0] == 2 and heights[-1] == 8000


def test_server_label_stays_clear_of_every_bar():
    fig = memory.plot_memory({"1 billion": 10**9, "1 trillion": 10**12})
    ax = fig.axes[0]
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)  # run the layout first, so the extents are the ones a viewer sees
    (label,) = [text for text in ax.texts if text.get_text().startswith("one server")]
    box = label.get_window_extent(renderer)
    for bar in ax.patches:
        assert not box.overlaps(bar.get_window_extent(renderer)), bar
    for bar_label in ax.texts:  # the "8 TB" numbers above the bars, too
        if bar_label is not label:
            assert not box.overlaps(bar_label.get_window_extent(renderer)), bar_label.get_text()
    assert not box.overlaps(ax.get_legend().get_window_extent(renderer))
    assert ax.bbox.contains(box.x0, box.y0) and ax.bbox.contains(box.x1, box.y1)


def test_memory_calculator_starts_on_exactly_the_given_size():
    calculator = memory.memory_calculator(7 * 10**9, "float16")
    assert calculator.controls["parameters"].value == 7 * 10**9
    assert calculator.result == memory.memory_report(7 * 10**9, "float16")
    odd = memory.memory_calculator(1_234_567, "float32")  # not a named size: added as a choice
    assert odd.controls["parameters"].value == 1_234_567
    assert odd.result == memory.memory_report(1_234_567, "float32")


def test_memory_calculator_updates_its_report():
    calculator = memory.memory_calculator(1e9, "float32")
    assert (
        calculator.result
        == "1,000,000,000 parameters × 4 bytes (float32) = 4.0 GB = 0.6% of one 640 GB server"
    )
    calculator.controls["dtype"].value = "float64"
    assert calculator.result.startswith("1,000,000,000 parameters × 8 bytes (float64) = 8.0 GB")
    calculator.controls["parameters"].value = 10**12
    assert "= 8,000.0 GB" in calculator.result
    assert repr(calculator).startswith("Playground: Memory for the weights")


def test_memory_calculator_shows_the_whole_size_beside_its_slider(korean):
    calculator = memory.memory_calculator(13 * 10**9, "float32")
    slider = calculator.controls["parameters"]
    panel = calculator.children[0].children[0]
    (row,) = [box for box in panel.children if slider in getattr(box, "children", ())]
    label = row.children[1]
    # The slider's own readout would cut a long label; the label beside it shows it whole.
    assert not slider.readout and label.value == "130억"
    slider.value = 33
    assert label.value == "33 (XOR 신경망)"
