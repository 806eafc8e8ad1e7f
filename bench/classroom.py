"""A classroom on one server: N students train and ask gates at the same time (`make bench`).

Each simulated student has a keep-alive connection (like a browser tab) and repeats, until the
time is up:

1. pick a gate and a seed at random (every student has its own seeded random generator, so a
   run can be repeated), and POST /train/{gate} with that seed;
2. check the whole truth table: one GET /predict per row, then one POST /predict batch;
3. every tenth round, make a typical beginner's mistake (a typo in the gate, a bit "2", GET
   instead of POST, ...) and check the answer is a 4xx with a JSON "detail" saying why.

Nobody deletes models, but another student may retrain the same gate at the same moment with
another seed. Every trained model answers its whole truth table right (seeds 0-99 are checked
by the test suite), so every answer must still be right, whichever student's model it comes from.

It prints the requests, the statuses that were not 200, wrong answers and the p50/p99 latency
of each kind of request, and exits 1 on any 5xx, broken connection, unexpected status or wrong
answer. Without --url it starts `gatelab serve --workers 2` itself, on 127.0.0.1 over an empty
temporary model directory, and stops it at the end. Loopback only.

Usage: python bench/classroom.py [--students 30] [--duration 30] [--workers 2] [--url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from gatelab.gates import GATE_NAMES, get_gate
from gatelab.network import is_loopback
from gatelab.server import start_server_process

# Seeds the test suite proves every model learns its whole truth table with (tests/test_mlp.py).
SEEDS = range(100)
MISTAKE_EVERY = 10  # rounds
# One line per kind of request, in this order.
KINDS = ("train", "predict GET", "predict batch", "mistake")
# Truth tables as plain lists: {"AND": ([[0, 0], ...], [0, 0, 0, 1]), ...}
TABLES = {
    name: (get_gate(name).inputs.tolist(), get_gate(name).targets.tolist()) for name in GATE_NAMES
}


def mistakes(gate: str) -> list[tuple[str, str, dict | str | None]]:
    """Typical beginners' requests for `gate` (method, path, JSON body or raw text)."""
    arity = len(TABLES[gate][0][0])
    bits = "/".join(["1"] * arity)
    return [
        ("GET", f"/predict/{gate}x/{bits}", None),  # a typo in the gate's name
        ("GET", f"/predict/{gate}/{'/'.join(['2'] * arity)}", None),  # a bit that is not 0 or 1
        ("GET", f"/predict/{gate}/{bits}/1", None),  # one input too many
        ("GET", f"/train/{gate}", None),  # typed into the browser's address bar: GET, not POST
        ("POST", f"/train/{gate}", {"seed": "three"}),  # a seed that is not a number
        ("POST", f"/train/{gate}", {"sead": 3}),  # a misspelt setting
        ("POST", f"/predict/{gate}", {"inputs": [[1] * (arity + 1)]}),  # a row of the wrong size
        ("POST", f"/predict/{gate}", {"inputs": []}),  # nothing to answer
        ("POST", f"/predict/{gate}", "[[0, 1]"),  # JSON cut short
    ]


@dataclass
class Tally:
    """Everything the students saw, summed over all of them."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter = field(default_factory=Counter)
    wrong_answers: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    broken: Counter = field(default_factory=Counter)
    trained: Counter = field(default_factory=Counter)

    @property
    def requests(self) -> int:
        return sum(len(values) for values in self.latencies.values())

    @property
    def server_errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status >= 500)

    @property
    def failed(self) -> bool:
        """Any 5xx, broken connection, unexpected status or wrong answer."""
        return bool(self.server_errors or self.broken or self.unexpected or self.wrong_answers)


class Student:
    """One simulated student: trains gates and checks every answer against the truth table."""

    def __init__(self, number: int, http: httpx.AsyncClient, tally: Tally, seed: int) -> None:
        self.number = number
        self.http = http
        self.tally = tally
        self.random = random.Random(seed * 1000 + number)

    async def request(
        self, kind: str, method: str, path: str, body: dict | str | None = None
    ) -> httpx.Response | None:
        """Send one request and record its latency and status; None if the connection broke."""
        if isinstance(body, str):
            options = {"content": body, "headers": {"content-type": "application/json"}}
        else:
            options = {"json": body} if body is not None else {}
        start = time.perf_counter()
        try:
            response = await self.http.request(method, path, **options)
        except httpx.TransportError as exc:
            self.tally.broken[type(exc).__name__] += 1
            await asyncio.sleep(0.5)  # a student waits a moment before trying again
            return None
        self.tally.latencies[kind].append(time.perf_counter() - start)
        self.tally.statuses[response.status_code] += 1
        return response

    def expect_200(self, response: httpx.Response, what: str) -> bool:
        """Record anything but a 200 as unexpected."""
        if response.status_code != 200:
            self.tally.unexpected.append(f"{what}: {response.status_code} {response.text[:200]}")
            return False
        return True

    async def one_round(self, round_number: int) -> None:
        """Train a random gate, then check its whole truth table twice (GET rows, POST batch)."""
        gate = self.random.choice(GATE_NAMES)
        seed = self.random.choice(SEEDS)
        # Students type gate names in any case; the server accepts all of them.
        spelled = self.random.choice([gate, gate.lower(), gate.capitalize()])
        rows, targets = TABLES[gate]

        response = await self.request("train", "POST", f"/train/{spelled}", {"seed": seed})
        if response is None or not self.expect_200(response, f"POST /train/{spelled}"):
            return
        if response.json()["accuracy"] != 1.0:
            self.tally.wrong_answers.append(f"{gate} seed {seed} trained to {response.json()}")
        self.tally.trained[gate] += 1

        for row, target in zip(rows, targets):
            path = f"/predict/{spelled}/{'/'.join(map(str, row))}"
            response = await self.request("predict GET", "GET", path)
            if response is None or not self.expect_200(response, f"GET {path}"):
                return
            if response.json()["result"] != target:
                self.tally.wrong_answers.append(f"GET {path} -> {response.json()}")

        response = await self.request(
            "predict batch", "POST", f"/predict/{spelled}", {"inputs": rows}
        )
        if response is None or not self.expect_200(response, f"POST /predict/{spelled}"):
            return
        if response.json()["results"] != targets:
            self.tally.wrong_answers.append(f"POST /predict/{gate} -> {response.json()}")

        if round_number % MISTAKE_EVERY == self.number % MISTAKE_EVERY:
            await self.make_a_mistake(gate)

    async def make_a_mistake(self, gate: str) -> None:
        """Send a malformed request; the answer must be a 4xx whose JSON says what went wrong."""
        method, path, body = self.random.choice(mistakes(gate))
        response = await self.request("mistake", method, path, body)
        if response is None:
            return
        try:
            detail = response.json().get("detail")
        except ValueError:
            detail = None
        if not 400 <= response.status_code < 500 or not detail:
            self.tally.unexpected.append(
                f"{method} {path} {body!r}: {response.status_code} {response.text[:200]}"
            )

    async def attend(self, stop_at: float, max_rounds: int, pause: float) -> None:
        """Work until the time is up (or max_rounds are done); each round is a few requests."""
        round_number = 0
        while time.monotonic() < stop_at and (not max_rounds or round_number < max_rounds):
            await self.one_round(round_number)
            round_number += 1
            if pause:
                await asyncio.sleep(self.random.uniform(0, 2 * pause))


async def run_class(
    url: str,
    students: int,
    duration: float,
    max_rounds: int,
    pause: float,
    seed: int,
    token: str | None = None,
) -> tuple[Tally, float]:
    """Run every student at once; return what they saw and how long it took (seconds)."""
    tally = Tally()
    # One connection per student, as one browser tab each; generous timeouts for a busy server.
    limits = httpx.Limits(max_connections=1)
    # A server with a key (gatelab serve --token) needs it to train: every student sends it.
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    clients = [
        httpx.AsyncClient(base_url=url, limits=limits, timeout=60, trust_env=False, headers=headers)
        for _ in range(students)
    ]
    start = time.monotonic()
    try:
        await asyncio.gather(
            *(
                Student(number, client, tally, seed).attend(start + duration, max_rounds, pause)
                for number, client in enumerate(clients)
            )
        )
    finally:
        for client in clients:
            await client.aclose()
    return tally, time.monotonic() - start


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def report(tally: Tally, seconds: float) -> None:
    """Print the numbers a teacher needs: how much, how fast, and what went wrong."""
    print(f"requests: {tally.requests:,} in {seconds:.1f} s ({tally.requests / seconds:,.0f}/s)")
    for kind in KINDS:
        values = tally.latencies.get(kind, [])
        if values:
            p50, p99 = percentile(values, 0.50) * 1000, percentile(values, 0.99) * 1000
            print(f"  {kind:14s} {len(values):8,}   p50 {p50:7.1f} ms   p99 {p99:7.1f} ms")
    everything = [value for values in tally.latencies.values() for value in values]
    if everything:
        p50, p99 = percentile(everything, 0.50) * 1000, percentile(everything, 0.99) * 1000
        print(f"  {'all':14s} {len(everything):8,}   p50 {p50:7.1f} ms   p99 {p99:7.1f} ms")
    models = ", ".join(f"{gate} {tally.trained[gate]}" for gate in GATE_NAMES)
    print(f"models trained: {sum(tally.trained.values()):,} ({models})")
    statuses = ", ".join(f"{status}: {count:,}" for status, count in sorted(tally.statuses.items()))
    print(f"statuses: {statuses or 'none'}  (4xx are the deliberate mistakes)")
    print(f"5xx: {tally.server_errors}")
    print(f"broken connections: {sum(tally.broken.values())} {dict(tally.broken) or ''}".rstrip())
    print(f"unexpected answers: {len(tally.unexpected)}")
    print(f"wrong answers: {len(tally.wrong_answers)}")
    for problem in (tally.unexpected + tally.wrong_answers)[:10]:
        print(f"  {problem}")


@contextlib.contextmanager
def server_for(url: str | None, workers: int) -> Iterator[str]:
    """The given loopback URL, or `gatelab serve --workers N` started (and stopped) here."""
    if url:
        try:
            httpx.get(f"{url.rstrip('/')}/health", timeout=10, trust_env=False).raise_for_status()
        except httpx.HTTPError as exc:
            raise SystemExit(f"error: no gatelab server answers GET {url}/health ({exc})") from None
        yield url.rstrip("/")
        return
    with (
        tempfile.TemporaryDirectory(prefix="gatelab-classroom-") as model_dir,
        start_server_process(model_dir, workers=workers) as server,
    ):
        yield server.url


def main(argv: list[str] | None = None) -> int:
    """Run the class and report; exit status 1 if anything went wrong."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30, help="students at once (default 30)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds (default 30)")
    parser.add_argument(
        "--workers", type=int, default=2, help="server worker processes (default 2)"
    )
    parser.add_argument("--url", help="a running server on this computer (default: start one)")
    parser.add_argument(
        "--rounds", type=int, default=0, help="stop each student after this many rounds too"
    )
    parser.add_argument(
        "--pause", type=float, default=0.0, help="mean seconds a student waits between rounds"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the students' choices")
    parser.add_argument(
        "--token",
        default=os.environ.get("GATELAB_TOKEN"),
        help="the --url server's key, if it has one (default: $GATELAB_TOKEN)",
    )
    args = parser.parse_args(argv)
    if args.students < 1 or args.duration <= 0 or args.workers < 1:
        parser.error("--students, --duration and --workers must be positive")
    if args.url and not is_loopback(urlsplit(args.url).hostname or ""):
        parser.error("--url must be a server on this computer (127.0.0.1 or localhost)")

    with server_for(args.url, args.workers) as url:
        where = f"{args.url}" if args.url else f"gatelab serve --workers {args.workers}, loopback"
        print(f"classroom: {args.students} students for {args.duration:g} s ({where})")
        tally, seconds = asyncio.run(
            run_class(
                url, args.students, args.duration, args.rounds, args.pause, args.seed, args.token
            )
        )
    report(tally, seconds)
    if tally.failed:
        print("FAILED: see the problems above", file=sys.stderr)
        return 1
    print("OK: no 5xx, no broken connections, every answer right, every mistake a clear 4xx")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
