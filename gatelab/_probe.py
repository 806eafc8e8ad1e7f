"""The machinery behind gatelab.check: requests a server cannot hang, flood or redirect, and
the report's printed lines.

Not lesson material: check.py says what a gate API promises; this module fetches the answers and
lays out the verdict. Every request has a time limit, the whole check a deadline, no redirect is
followed and a body is read only up to MAX_BODY_BYTES. Whatever a server does, `Server.ask`
returns an `Answer`, never raises: what went wrong becomes a (line, hint) pair the check prints.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from gatelab.language import tr

MAX_BODY_BYTES = 1024 * 1024  # a gate's answer is a few dozen bytes: anything near this is wrong
PASSED, FAILED, SKIPPED = "✓", "✗", "–"
Item = tuple[str, str, str]  # (✓/✗/–, what was checked, a hint that says what to change)


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
        self.first_not_json: Answer | None = None  # the JSON promise names it

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


@contextmanager
def connect(url: str, timeout: float, deadline: float) -> Iterator[Server]:
    """The server at `url` (from normalize_url), ready to be asked until it closes."""
    headers = {"Accept-Encoding": "identity"}  # no compressed bodies: the 1 MiB cap is exact
    with httpx.Client(base_url=url, follow_redirects=False, headers=headers) as http:
        yield Server(http, timeout, deadline)


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
