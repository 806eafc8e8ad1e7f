"""Check a running gate API from the outside, over HTTP: one ✓/✗ line per promise it makes.

    from gatelab import check_api
    check_api("http://127.0.0.1:8000")  # the app you started with `fastapi dev main.py`
    check_api(url, gates=("AND", "OR", "NAND", "NOR", "NOT"))

Or in a terminal: `gatelab check http://127.0.0.1:8000`. It works on any server (yours, a
classmate's through a public Codespaces port, gatelab's own), so it trusts none of them: each
request has a time limit, the whole check a deadline, redirects are not followed and a body is
read only up to 1 MiB. Whatever a server does, the check prints lines, never a traceback.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from gatelab.gates import get_gate, normalize_gate_name
from gatelab.language import tr

DEFAULT_GATES = ("AND", "OR", "NOT")
MAX_BODY_BYTES = 1024 * 1024  # a gate's answer is a few dozen bytes: anything near this is wrong
PASSED, FAILED, SKIPPED = "✓", "✗", "–"
Item = tuple[str, str, str]  # (✓/✗/–, what was checked, a hint that says what to change)
ERROR_INSIDE = -1  # a key of the hints below: a 200 whose JSON body holds "error"


@dataclass
class Answer:
    """What one request got back: its status code and JSON body, or the problem instead."""

    request: str  # "GET /predict/AND/1/1", as the lines name it
    status: int = 0  # 0: no answer at all
    body: object = None
    is_json: bool = False
    content_type: str = ""
    problem: tuple[str, str] | None = None  # (what went wrong, hint) when nothing usable came
    unreachable: bool = False  # nothing listens at the address

    def has(self, key: str) -> bool:
        """Whether the body is a JSON object with `key` in it."""
        return self.is_json and isinstance(self.body, dict) and key in self.body


@dataclass
class ApiReport:
    """The verdict on one server: `items` holds (✓/✗/–, what was checked, hint) per line."""

    url: str
    items: list[Item] = field(default_factory=list)
    reachable: bool = True

    @property
    def ok(self) -> bool:
        """True when the server answered and no line is a ✗ (skipped lines are fine)."""
        return self.reachable and self.count(FAILED) == 0

    def count(self, status: str) -> int:
        """How many lines have this status (✓, ✗ or –)."""
        return sum(item[0] == status for item in self.items)

    def __str__(self) -> str:
        if not self.reachable:
            return f"{FAILED} " + tr(
                "nothing answers at {url}: start the server first (open a terminal, cd to "
                "the folder with main.py and run: fastapi dev main.py)",
                url=self.url,
            )
        lines = []
        for number, (status, text, hint) in enumerate(self.items):
            lines.append(f"{status} {text}")
            if hint and hint not in [item[2] for item in self.items[:number]]:  # once is enough
                lines.append(f"  → {hint}")
        passed, failed, skipped = (self.count(PASSED), self.count(FAILED), self.count(SKIPPED))
        summary = tr(
            "{passed} passed, {failed} failed, {skipped} skipped",
            passed=passed,
            failed=failed,
            skipped=skipped,
        )
        lines.append(summary)
        return "\n".join(lines)

    def __repr__(self) -> str:  # short: check_api has printed the lines already
        counts = f"{self.count(PASSED)} ✓, {self.count(FAILED)} ✗, {self.count(SKIPPED)} –"
        return f"ApiReport(ok={self.ok}, {counts})"


class Server:
    """The server under check: every request within `timeout` s, all before the deadline."""

    def __init__(self, http: httpx.Client, timeout: float, total: float) -> None:
        self.http, self.timeout, self.total = http, timeout, total
        self.deadline = time.monotonic() + total
        self.first_not_json: Answer | None = None  # item 7 names it

    def ask(self, method: str, path: str) -> Answer:
        """Send one request and wait for it at most until its time limit; never raises."""
        answer = Answer(f"{method} {path}")
        left = self.deadline - time.monotonic()
        late = left < self.timeout  # a time-out now means the whole check ran out of time
        if left <= 0:
            return Answer(answer.request, problem=too_slow(answer.request, self, late))
        # In a thread we can stop waiting for: httpx's timeouts hold per read, so a server that
        # drips its answer byte by byte (or a name lookup that hangs) would keep us forever.
        seconds = min(self.timeout, left)
        worker = threading.Thread(target=self.send, args=(answer, seconds, late), daemon=True)
        worker.start()
        worker.join(seconds + 0.1)
        if worker.is_alive():  # give up on it: it may go on filling in the old answer, unread
            return Answer(answer.request, problem=too_slow(answer.request, self, late))
        if answer.status and not answer.problem and not answer.is_json:
            self.first_not_json = self.first_not_json or answer
        return answer

    def send(self, answer: Answer, seconds: float, late: bool) -> None:
        """The request itself, in ask's thread: fills in `answer`, whatever the server does."""
        method, path = answer.request.split(" ", 1)
        try:
            with self.http.stream(method, path, timeout=seconds) as response:
                self.read(answer, response)
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            answer.unreachable = True
            answer.problem = failure(answer.request, error)
        except httpx.TimeoutException:
            answer.problem = too_slow(answer.request, self, late)
        except Exception as error:  # a broken server can provoke anything: report, never crash
            answer.problem = failure(answer.request, error)

    def read(self, answer: Answer, response: httpx.Response) -> None:
        """Status, content type and JSON body, read in pieces up to MAX_BODY_BYTES."""
        answer.status = response.status_code
        content_type = response.headers.get("content-type", "").split(";")[0].strip()
        answer.content_type = printable(content_type)
        if 300 <= answer.status < 400:
            location = printable(response.headers.get("location", ""))
            answer.problem = redirected(answer, location, self)
            return
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BODY_BYTES:  # refused before reading it
            answer.problem = too_large(answer.request)
            return
        body = bytearray()
        for piece in response.iter_raw():  # as sent: a compressed body would not shrink here
            body += piece
            if len(body) > MAX_BODY_BYTES:
                answer.problem = too_large(answer.request)
                return
        try:
            answer.body = json.loads(body)
            answer.is_json = "json" in answer.content_type
        except (ValueError, RecursionError):  # HTML, text, or JSON nested too deep
            answer.is_json = False


# ----- what went wrong with one request: (the line, the hint) ----------------------------------


def printable(text: str) -> str:
    """`text` (a header a server chose) cut to 200 characters, with no terminal control codes."""
    return "".join(c if c.isprintable() else "?" for c in text[:200])


def failure(request: str, error: Exception) -> tuple[str, str]:
    """No answer: the connection failed or broke off (named by the error's class)."""
    text = tr("{request} failed: {error}", request=request, error=type(error).__name__)
    if isinstance(error, httpx.ConnectError):
        return text, tr("the server stopped answering: look for an error in its terminal")
    return text, tr("the server broke off its answer: look for an error in its terminal")


def too_slow(request: str, server: Server, late: bool) -> tuple[str, str]:
    """No answer in time: this request was slow, or (late) the whole check ran out of time."""
    if late:
        text = tr(
            "{request}: not checked, the server took too long (over {seconds} s in all)",
            request=request,
            seconds=f"{server.total:g}",
        )
        return text, ""
    seconds = f"{server.timeout:g}"
    text = tr("{request} did not answer within {seconds} s", request=request, seconds=seconds)
    return text, tr("a route should answer in well under a second: look for a sleep or a slow loop")


def redirected(answer: Answer, location: str, server: Server) -> tuple[str, str]:
    """A 3xx: the check follows no redirect, since the server should answer the path itself."""
    shown = location.removeprefix(str(server.http.base_url).rstrip("/"))[:100] or "?"
    text = tr(
        "{request} redirected ({status}) to {location}",
        request=answer.request,
        status=answer.status,
        location=shown,
    )
    if shown == answer.request.split(" ", 1)[1] + "/":  # FastAPI's answer to a route's "/"
        return text, tr(
            "the route's path ends with /, so FastAPI redirects the path without it: "
            "drop the / at the end of the path in the decorator"
        )
    return text, tr(
        "give the server's own address, the check follows no redirect (a private Codespaces "
        "port redirects to a login page: make the port public)"
    )


def too_large(request: str) -> tuple[str, str]:
    """A body over MAX_BODY_BYTES, left unread."""
    text = tr("{request} sent a body larger than 1 MiB", request=request)
    return text, tr("a gate's answer is a small JSON object: check what the route returns")


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


# ----- the promises, one function each ---------------------------------------------------------


def predict_path(gate: str, row: Iterable[int]) -> str:
    """/predict/AND/1/0 for AND's row (1, 0); /predict/NOT/1 for NOT's."""
    return "/".join(["/predict", gate, *(str(int(bit)) for bit in row)])


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


# ----- the whole check -------------------------------------------------------------------------


def normalize_url(url: str) -> str:
    """The server's base address: http:// added when missing, no / (or /docs) at the end."""
    text = url.strip()
    if "://" not in text:
        text = "http://" + text  # "127.0.0.1:8000", "localhost:8000", as people type them
    parts = urlsplit(text)
    try:
        valid = parts.scheme.lower() in ("http", "https") and parts.hostname and parts.port != 0
    except ValueError:  # a port that is not a number, or over 65535
        valid = False
    if not valid:
        raise ValueError(tr("{url} is not a server address like http://127.0.0.1:8000", url=url))
    path = parts.path.rstrip("/").removesuffix("/docs")  # /docs: copied from a browser's tab
    return f"{parts.scheme.lower()}://{parts.netloc}{path.rstrip('/')}"


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
    headers = {"Accept-Encoding": "identity"}  # no compressed bodies: the 1 MiB cap is exact
    with httpx.Client(base_url=report.url, follow_redirects=False, headers=headers) as http:
        server = Server(http, timeout, deadline)
        untrained = []
        for gate in names:  # the first request also tells whether anything listens at all
            untrained.append(server.ask("GET", predict_path(gate, get_gate(gate).inputs[0])))
            if untrained[0].unreachable:
                report.reachable = False
                break
        if report.reachable:
            report.items = every_check(server, names, untrained)
    if not quiet:
        print(report)
    return report


def every_check(server: Server, gates: list[str], untrained: list[Answer]) -> list[Item]:
    """The lines of promises 1 to 7, in order, given promise 1's answers."""
    items = [untrained_gates_answer_404(untrained)]
    trained_line, trained = training_answers_200(server, gates)
    items.append(trained_line)
    items += [truth_table_is_right(server, gate) for gate in trained]
    pair = next((gate for gate in gates if get_gate(gate).arity == 2), "AND")
    items.append(unknown_gate_answers_404(server))
    items.append(wrong_bit_answers_422(server, pair))
    items.append(training_is_post_only(server, gates[0]))
    items.append(every_body_is_json(server))
    return items
