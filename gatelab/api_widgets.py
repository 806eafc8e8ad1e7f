"""The lesson 07 playground: a gate menu and two bit sliders that ask a running gate API.

Built like the playgrounds in `gatelab.widgets` (controls wired to a function by
`interactive_output`), so `.controls` and `.result` let code and tests drive it without a browser.

The playground holds no HTTP client of its own: it calls the function it is given for every
request. In the lesson that function looks up the notebook's `client` when it runs, so the sliders
find a server that was restarted later. When nothing answers (the server was stopped), the output
says so in one line and says how to start it again: never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from ipywidgets import IntSlider

from gatelab.gates import get_gate
from gatelab.language import tr
from gatelab.widgets import SLIDER_LAYOUT, SLIDER_STYLE, Playground, gate_menu

Get = Callable[[str], httpx.Response]


def _bit_slider(name: str, value: int) -> IntSlider:
    """A 0/1 slider in the lessons' size and style."""
    return IntSlider(
        value=value, min=0, max=1, description=name, layout=SLIDER_LAYOUT, style=SLIDER_STYLE
    )


def _body(response: httpx.Response) -> Any:
    """The response's JSON, or its text when the body is not JSON."""
    try:
        return response.json()
    except ValueError:
        return response.text


def ask_api(get: Get, gate: str, a: int, b: int) -> str:
    """What the playground shows: one GET /predict call, then all four calls of that gate."""
    path = f"/predict/{gate}/{a}/{b}"
    response = get(path)
    lines = [f"GET {path}", f"-> {response.status_code} {_body(response)}", ""]
    lines.append(tr("all four questions for {gate}:", gate=gate))
    for x1, x2 in get_gate(gate).inputs:
        answer = _body(get(f"/predict/{gate}/{x1}/{x2}"))
        result = answer.get("result", answer) if isinstance(answer, dict) else answer
        lines.append(f"  GET /predict/{gate}/{x1}/{x2} -> {result}")
    return "\n".join(lines)


def api_playground(
    get: Get,
    gate: str = "AND",
    a: int = 0,
    b: int = 1,
    *,
    restart: str | None = None,
) -> Playground:
    """A gate menu and sliders for a and b: every change sends GET /predict/{gate}/{a}/{b}.

    `get(path)` sends one GET request and returns the response, e.g.
    `lambda path: client.get(path)`. `restart` says how to start a stopped server again.
    """
    # The lesson's own advice, in Korean when the catalog has it.
    restart = (
        tr(restart) if restart else tr("run the cells that start it again, then move a slider")
    )

    def draw(gate: str, a: int, b: int) -> str:
        try:
            text = ask_api(get, gate, a, b)
        except (httpx.HTTPError, RuntimeError):  # RuntimeError: a client that was closed
            text = tr("The server is stopped, so nothing answered: {restart}.", restart=restart)
        print(text)
        return text

    controls = {"gate": gate_menu(gate), "a": _bit_slider("a", a), "b": _bit_slider("b", b)}
    return Playground(draw, controls, title=tr("Ask the gate API"))
