"""The lesson 07 playground: a gate menu and two bit sliders that ask a running gate API.

Built like the playgrounds in `gatelab.widgets` (controls wired to a function by
`interactive_output`), so `.controls` and `.result` let code and tests drive it without a browser.

The playground holds no HTTP client of its own: it calls the function it is given for every
request. In the lesson that function looks up the notebook's `client` when it runs, so the sliders
find a server that was restarted later. When nothing answers (the server was stopped), the output
says so in one line and says how to start it again: never a traceback.

After set_language("ko") the API's error messages should be Korean too: the gate API answers
`Accept-Language: ko` in Korean (gatelab.api.languages). `language_headers()` is that header in
the notebook's language, for a lesson's own client: `httpx.Client(..., headers=language_headers())`.
The playground sends it itself whenever its function takes a `headers=` keyword.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import httpx

from gatelab._controls import bit_slider, gate_menu
from gatelab.gates import get_gate
from gatelab.language import get_language, tr
from gatelab.widgets import Playground

Get = Callable[..., httpx.Response]


def language_headers() -> dict[str, str]:
    """The header that asks the gate API for messages in the notebook's language.

    {"Accept-Language": "ko"} after set_language("ko"), else {} (the API's default is English).
    """
    language = get_language()
    return {} if language == "en" else {"Accept-Language": language}


def _takes_headers(get: Get) -> bool:
    """Whether `get` can be called as get(path, headers=...): client.get, or a def with headers."""
    try:
        parameters = inspect.signature(get).parameters.values()
    except (TypeError, ValueError):  # no signature to read (some builtins): call it plainly
        return False
    return any(p.name == "headers" or p.kind is p.VAR_KEYWORD for p in parameters)


def _send(get: Get, path: str) -> httpx.Response:
    """get(path), with the language header when the notebook speaks Korean and `get` takes it."""
    headers = language_headers()
    if headers and _takes_headers(get):
        return get(path, headers=headers)
    return get(path)


def _body(response: httpx.Response) -> Any:
    """The response's JSON, or its text when the body is not JSON."""
    try:
        return response.json()
    except ValueError:
        return response.text


def ask_api(get: Get, gate: str, a: int, b: int) -> str:
    """What the playground shows: one GET /predict call, then all four calls of that gate."""
    path = f"/predict/{gate}/{a}/{b}"
    response = _send(get, path)
    lines = [f"GET {path}", f"-> {response.status_code} {_body(response)}", ""]
    lines.append(tr("all four questions for {gate}:", gate=gate))
    for x1, x2 in get_gate(gate).inputs:
        answer = _body(_send(get, f"/predict/{gate}/{x1}/{x2}"))
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
    `lambda path: client.get(path)`. A `get` that also takes `headers=` (`client.get` itself, or
    `lambda path, **options: client.get(path, **options)`) is given `language_headers()`, so after
    set_language("ko") the API's messages are Korean; a client made with
    `headers=language_headers()` sends it anyway. `restart` says how to start a stopped server.
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

    controls = {"gate": gate_menu(gate), "a": bit_slider("a", a), "b": bit_slider("b", b)}
    return Playground(draw, controls, title=tr("Ask the gate API"))
