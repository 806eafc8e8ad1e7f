"""The playgrounds' controls: sliders and menus in the lessons' size and style."""

from __future__ import annotations

from collections.abc import Sequence

from ipywidgets import (
    Dropdown,
    FloatLogSlider,
    FloatSlider,
    HBox,
    IntSlider,
    Label,
    Layout,
    SelectionSlider,
    ToggleButtons,
    dlink,
)

from gatelab.gates import GATE_NAMES, get_gate
from gatelab.language import tr

TWO_INPUT_GATES = tuple(name for name in GATE_NAMES if get_gate(name).arity == 2)
SLIDER_LAYOUT = Layout(width="300px")
SLIDER_STYLE = {"description_width": "90px"}
LOOK = {"layout": SLIDER_LAYOUT, "style": SLIDER_STYLE}  # every control's size and style


def float_slider(
    description: str, value: float, low: float, high: float, step: float
) -> FloatSlider:
    """A float slider in the lessons' size and style, its value shown with two decimals."""
    bounds = {"min": low, "max": high, "step": step}
    return FloatSlider(value=value, description=description, readout_format=".2f", **bounds, **LOOK)


def choice_slider(
    description: str, options: Sequence[tuple[str, int]], value: int
) -> SelectionSlider:
    """A slider over named choices, without its own readout (see `with_readout`)."""
    return SelectionSlider(
        options=options,
        value=value,
        description=description,
        continuous_update=True,
        readout=False,
        style=SLIDER_STYLE,
    )


def with_readout(slider: SelectionSlider) -> HBox:
    """The slider with a Label beside it that shows its choice in full, kept in step by `dlink`."""
    # A slider's own readout cuts a long choice short: "33 (the XOR netw", "130억(13 bil".
    label = Label()
    label.add_class("gatelab-readout")  # the browser tests treat it as part of the control
    dlink((slider, "label"), (label, "value"))
    return HBox([slider, label])


def choice_buttons(description: str, options: Sequence[str], value: str) -> ToggleButtons:
    """A row of buttons, one per choice."""
    # Buttons about as wide as their labels (ipywidgets' default width is far wider).
    return ToggleButtons(
        options=list(options),
        value=value,
        description=description,
        style={**SLIDER_STYLE, "button_width": "80px"},
    )


def gate_menu(gate: str, options: Sequence[str] = TWO_INPUT_GATES) -> Dropdown:
    """A drop-down of gate names in the lessons' size and style."""
    name = get_gate(gate).name
    return Dropdown(options=tuple(options), value=name, description=tr("gate"), **LOOK)


def retrain_slider(
    description: str, value: float, low: float, high: float, *, log: bool = False, step: float = 1
) -> IntSlider | FloatLogSlider:
    """A slider that redraws when let go: retraining on every pixel of a drag would stutter."""
    common = {"value": value, "description": description, "continuous_update": False, **LOOK}
    if log:  # low and high are powers of ten
        return FloatLogSlider(base=10, min=low, max=high, step=step, readout_format=".3g", **common)
    return IntSlider(min=int(low), max=int(high), **common)


def bit_slider(name: str, value: int) -> IntSlider:
    """A 0/1 slider in the lessons' size and style."""
    return IntSlider(value=value, min=0, max=1, description=name, **LOOK)
