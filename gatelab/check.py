"""Check a running gate API from the outside, over HTTP: one ✓/✗ line per promise it makes.

    from gatelab import check_api
    check_api("http://127.0.0.1:8000")  # the app you started with `fastapi dev main.py`
    check_api(url, gates=("AND", "OR", "NAND", "NOR", "NOT"))

Or in a terminal: `gatelab check http://127.0.0.1:8000`. It works on any server (yours, a
classmate's through a public Codespaces port, gatelab's own), so it trusts none of them: each
request has a time limit, the whole check a deadline, redirects are not followed and a body is
read only up to 1 MiB. Whatever a server does, the check prints lines, never a traceback.
That machinery, and the report's layout, is in gatelab/_probe.py; this file holds the promises.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from gatelab._probe import (
    FAILED,
    PASSED,
    SKIPPED,
    Answer,
    ApiReport,
    Item,
    Server,
    connect,
    normalize_url,
)
from gatelab.gates import get_gate, normalize_gate_name
from gatelab.language import tr

DEFAULT_GATES = ("AND", "OR", "NOT")
ERROR_INSIDE = -1  # a key of the hints below: a 200 whose JSON body holds "error"


# ----- the whole check -------------------------------------------------------------------------


def check_api(
    url: str,
    gates: Iterable[str] | str = DEFAULT_GATES,
    *,
    timeout: float = 5.0,
    deadline: float = 30.0,
    quiet: bool = False,
) -> ApiReport:
    """Check the gate API at `url` over HTTP; print one ✓/✗ line per promise, return the report.

    `gates` (default AND, OR, NOT) are trained and asked their whole truth tables; each request
    may take `timeout` s, the whole check `deadline` s. quiet=True prints nothing.
    """
    if isinstance(gates, str):  # "AND" or "AND,OR", as typed on a command line
        gates = [name for name in gates.split(",") if name.strip()]
    names = list(dict.fromkeys(normalize_gate_name(gate) for gate in gates))  # "and" -> "AND"
    if not names:
        raise ValueError(tr("give at least one gate to check, e.g. AND"))
    report = ApiReport(normalize_url(url))
    with connect(report.url, timeout, deadline) as server:
        # Promise 1 needs gates nobody trained yet, so its requests go first. The very first
        # also tells whether anything listens at the address at all.
        first_rows = [predict_path(gate, get_gate(gate).inputs[0]) for gate in names]
        untrained = [server.ask("GET", first_rows[0])]
        report.reachable = not untrained[0].unreachable
        if report.reachable:
            untrained += [server.ask("GET", path) for path in first_rows[1:]]
            report.items = every_check(server, names, untrained)
    if not quiet:
        print(report)
    return report


def every_check(server: Server, gates: list[str], untrained: list[Answer]) -> list[Item]:
    """The lines of promises 1 to 7, in order, given promise 1's answers."""
    trained_line, trained = training_answers_200(server, gates)
    pair = next((gate for gate in gates if get_gate(gate).arity == 2), "AND")  # takes 2 bits
    return [
        untrained_gates_answer_404(untrained),
        trained_line,
        *(truth_table_is_right(server, gate) for gate in trained),
        unknown_gate_answers_404(server),
        wrong_bit_answers_422(server, pair),
        training_is_post_only(server, gates[0]),
        every_body_is_json(server),  # last: it sums up every answer before it
    ]


# ----- the promises, one function each ---------------------------------------------------------


def untrained_gates_answer_404(answers: list[Answer]) -> Item:
    """1: before training, a gate answers 404, not 200 with an error inside."""
    if all(a.status == 200 and a.has("result") for a in answers):
        text = tr(
            "untrained gate answers 404: skipped, every gate answered (trained before); "
            "restart the server with an empty models folder to check this"
        )
        return SKIPPED, text, ""
    # One 404 shows the route does it, unless another gate hides its error in a 200.
    inside = [a for a in answers if a.status == 200 and a.has("error")]
    found = [a for a in answers if a.status == 404]
    answer = (inside or found or [a for a in answers if not a.has("result")])[0]
    hints = {
        0: tr("a gate with no model yet should answer 404: raise HTTPException(404, ...)"),
        ERROR_INSIDE: tr(
            "a client takes a 200 for a success: raise HTTPException(404, ...) for a gate "
            "with no model yet"
        ),
    }
    passed = tr("an untrained gate answers 404: {request}", request=answer.request)
    return verdict(answer, 404, passed, hints)


def training_answers_200(server: Server, gates: list[str]) -> tuple[Item, list[str]]:
    """2: POST /train/{gate} answers 200; also returns the gates it trained."""
    answers = {gate: server.ask("POST", f"/train/{gate}") for gate in gates}
    trained = [g for g, a in answers.items() if a.status == 200 and not a.has("error")]
    answer = next((answers[g] for g in gates if g not in trained), answers[gates[0]])
    hints = {
        0: tr('declare @app.post("/train/{gate}"): with no body it should train and answer 200'),
        405: tr("the path has no POST route: declare the train route with @app.post"),
        ERROR_INSIDE: tr("a client takes a 200 for a success: answer a failure with a 4xx"),
    }
    passed = tr("training answers 200: POST /train/{{gate}} for {gates}", gates=", ".join(gates))
    return verdict(answer, 200, passed, hints), trained


def truth_table_is_right(server: Server, gate: str) -> Item:
    """3: every row of the gate's truth table gets {"result": the right bit}."""
    hints = {
        0: tr("every row of a trained gate should answer 200 with its result"),
        404: tr("a gate just trained answers 404: is its model saved under another name?"),
        422: tr("the route refused the bits: do the names in its path match its parameters?"),
    }
    if gate == "NOT":
        hints[404] = tr("NOT takes one input, so it needs a route for one bit: /predict/NOT/{x}")
    table = get_gate(gate)
    for row, target in zip(table.inputs.tolist(), table.targets.tolist()):
        answer = server.ask("GET", predict_path(gate, row))
        if answer.status != 200 or answer.problem or answer.has("error"):
            return verdict(answer, 200, "", hints)
        if not answer.is_json:
            return not_json(answer)
        got = answer.body.get("result") if answer.has("result") else None
        if type(got) is not int:  # not 1.0, "1" or true: a client compares with the number 1
            body = json.dumps(answer.body, ensure_ascii=False)[:60]  # one line, however long
            text = tr(
                '{request} answered {body}, without "result": 0 or 1',
                request=answer.request,
                body=body,
            )
            hint = tr('answer a JSON object with the bit under "result", a whole number')
            return FAILED, text, hint
        if got != target:
            text = tr(
                "{request} gave {got}, but {gate}({bits}) is {target}",
                request=answer.request,
                got=got,
                gate=gate,
                bits=", ".join(map(str, row)),
                target=target,
            )
            hint = tr(
                "check the gate's truth table in model.py, the order the route passes the "
                "inputs in, and that training runs enough epochs"
            )
            return FAILED, text, hint
    rows = len(table.targets)
    return PASSED, tr("truth table of {gate}: all {rows} rows right", gate=gate, rows=rows), ""


def unknown_gate_answers_404(server: Server) -> Item:
    """4: a gate the server does not know answers 404."""
    answer = server.ask("GET", "/predict/XAND/1/1")
    hints = {
        0: tr("a gate that does not exist is a 404: raise HTTPException(404, ...) for it"),
        ERROR_INSIDE: tr(
            "a client takes a 200 for a success: raise HTTPException(404, ...) for an unknown gate"
        ),
    }
    passed = tr("an unknown gate answers 404: {request}", request=answer.request)
    return verdict(answer, 404, passed, hints)


def wrong_bit_answers_422(server: Server, gate: str) -> Item:
    """5: a bit that is not 0 or 1 answers 422 (FastAPI does it, given the right type)."""
    answer = server.ask("GET", f"/predict/{gate}/1/2")
    hint = tr(
        "declare the bits as whole numbers from 0 to 1 (a type with ge and le): then a 2 gets a 422"
    )
    passed = tr("a bit that is not 0 or 1 answers 422: {request}", request=answer.request)
    return verdict(answer, 422, passed, {0: hint})


def training_is_post_only(server: Server, gate: str) -> Item:
    """6: GET /train/{gate} answers 405: a GET must never change anything."""
    answer = server.ask("GET", f"/train/{gate}")
    hints = {
        0: tr("with only a POST route at this path, FastAPI answers a GET with 405 itself"),
        200: tr(
            "a GET must not change anything (browsers and link previews send GETs): "
            "declare the train route with @app.post, not @app.get"
        ),
        404: tr("no route has this path: the train route's path should be /train/{gate}"),
    }
    passed = tr("training is POST only: {request} answers 405", request=answer.request)
    return verdict(answer, 405, passed, hints)


def every_body_is_json(server: Server) -> Item:
    """7: every answer's body was JSON, errors included."""
    if server.first_not_json is None:
        return PASSED, tr("every answer was JSON"), ""
    return not_json(server.first_not_json)


# ----- grading one answer: ✓, or ✗ with a hint ------------------------------------------------


def crashed() -> str:
    """The hint for a 500, whatever the route."""
    return tr("the route crashed: read the traceback in the server's terminal")


def verdict(answer: Answer, expected: int, passed: str, hints: dict[int, str]) -> Item:
    """✓ `passed` for the expected status; else ✗ with the hint for the status it got (0: any)."""
    if answer.problem:
        return FAILED, *answer.problem
    if answer.status == 200 and answer.has("error"):  # the bootcamp notes' style
        text = tr("{request} answered 200 with an error inside", request=answer.request)
        return FAILED, text, hints.get(ERROR_INSIDE, hints[0])
    if answer.status == expected:
        return PASSED, passed, ""
    text = tr(
        "{request} answered {status}, not {expected}",
        request=answer.request,
        status=answer.status,
        expected=expected,
    )
    return FAILED, text, crashed() if answer.status == 500 else hints.get(answer.status, hints[0])


def predict_path(gate: str, row: Iterable[int]) -> str:
    """/predict/AND/1/0 for AND's row (1, 0); /predict/NOT/1 for NOT's."""
    return "/".join(["/predict", gate, *(str(int(bit)) for bit in row)])


def not_json(answer: Answer) -> Item:
    """✗ for an answer whose body is not JSON, with its content type (text/html, ...)."""
    text = tr(
        "{request} answered {status} with a body that is not JSON (Content-Type: {kind})",
        request=answer.request,
        status=answer.status,
        kind=answer.content_type or "-",
    )
    hint = tr("return a dict from every route (FastAPI sends it as JSON), not HTML or text")
    return FAILED, text, crashed() if answer.status == 500 else hint
