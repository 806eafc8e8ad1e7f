"""Throughput of GET /predict/and/1/1 against a bare FastAPI endpoint, on loopback (`make bench`).

Both apps run the same way: `python -m uvicorn`, one process each, same flags, 127.0.0.1 only.
They are measured one after the other, in alternating rounds (so background load hits both
alike), with wrk when it is installed (`wrk -t1 -cN -dSs URL`), else with a small keep-alive
HTTP/1.1 load generator written with asyncio streams; the report says which. Every run is
bounded: a fixed number of rounds of a fixed duration; the servers are stopped at the end.

Usage: python bench/bench_api.py [--seconds 3] [--rounds 3] [--connections 16]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from gatelab.network import free_port

HERE = Path(__file__).resolve().parent
HOST = "127.0.0.1"
# The same uvicorn settings for every server: one process, no access log (it would dominate).
UVICORN_FLAGS = ["--host", HOST, "--log-level", "warning", "--no-access-log"]


@contextlib.contextmanager
def uvicorn_process(target: str, env: dict[str, str], app_dir: Path | None = None) -> Iterator[str]:
    """Run `uvicorn target` in a child process; yield its base URL; stop it afterwards."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", target, *UVICORN_FLAGS, "--port", str(port)]
    if app_dir is not None:
        command += ["--app-dir", str(app_dir)]
    process = subprocess.Popen(command, env={**os.environ, **env})
    url = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/health" if app_dir is None else url, timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"uvicorn {target} did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def _connection(path: str, port: int, stop_at: float, counts: list[int]) -> None:
    """One keep-alive connection sending GET `path` back to back until `stop_at`."""
    reader, writer = await asyncio.open_connection(HOST, port)
    request = f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n\r\n".encode()
    done = 0
    try:
        while time.monotonic() < stop_at:
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            if not head.startswith(b"HTTP/1.1 200"):
                raise RuntimeError(f"{path} answered {head.splitlines()[0]!r}")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            await reader.readexactly(length)
            done += 1
    finally:
        writer.close()
        counts.append(done)


async def _measure(url: str, path: str, seconds: float, connections: int) -> float:
    """Requests per second over `seconds`, after a short warm-up."""
    port = int(url.rsplit(":", 1)[1])
    warm: list[int] = []
    await asyncio.gather(
        *(_connection(path, port, time.monotonic() + 0.3, warm) for _ in range(connections))
    )
    counts: list[int] = []
    start = time.monotonic()
    stop_at = start + seconds
    await asyncio.gather(*(_connection(path, port, stop_at, counts) for _ in range(connections)))
    return sum(counts) / (time.monotonic() - start)


def measure(url: str, path: str, seconds: float, connections: int) -> float:
    """Requests per second for GET url+path, with the Python load generator."""
    return asyncio.run(_measure(url, path, seconds, connections))


def wrk_requests_per_second(output: str) -> float:
    """The "Requests/sec:" figure of wrk's report; RuntimeError if any answer was not a 2xx/3xx."""
    if "Non-2xx or 3xx responses" in output:
        raise RuntimeError(f"wrk saw error answers:\n{output}")
    found = re.search(r"^Requests/sec:\s+([0-9.]+)", output, re.MULTILINE)
    if found is None:
        raise RuntimeError(f"wrk printed no Requests/sec line:\n{output}")
    return float(found.group(1))


def measure_with_wrk(wrk: str, url: str, path: str, seconds: float, connections: int) -> float:
    """Requests per second for GET url+path, measured by wrk on one thread (after a warm-up)."""
    whole_seconds = max(1, round(seconds))  # wrk takes whole seconds
    for duration in (1, whole_seconds):  # the first run only warms the server up
        command = [wrk, "-t1", f"-c{connections}", f"-d{duration}s", f"{url}{path}"]
        report = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return wrk_requests_per_second(report)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print requests per second and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="length of one measurement")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per endpoint")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections")
    args = parser.parse_args(argv)
    wrk = shutil.which("wrk")
    if wrk is None:
        generator = "the Python asyncio load generator (wrk is not installed)"
    else:
        generator = f"wrk ({wrk}, one thread)"

    with tempfile.TemporaryDirectory() as model_dir:
        env = {"GATELAB_MODEL_DIR": model_dir}
        with (
            uvicorn_process("gatelab.api:app", env) as gate_url,
            uvicorn_process("bare_app:app", {}, app_dir=HERE) as bare_url,
        ):
            httpx.post(f"{gate_url}/train/and", timeout=30).raise_for_status()
            targets = {
                "bare GET / (def, as in the seed)": (bare_url, "/"),
                "bare GET /async (async def)": (bare_url, "/async"),
                "gatelab GET /predict/and/1/1": (gate_url, "/predict/and/1/1"),
            }
            results: dict[str, list[float]] = {name: [] for name in targets}
            for _ in range(args.rounds):
                for name, (url, path) in targets.items():
                    if wrk is None:
                        rate = measure(url, path, args.seconds, args.connections)
                    else:
                        rate = measure_with_wrk(wrk, url, path, args.seconds, args.connections)
                    results[name].append(rate)

    print(f"{args.rounds} rounds x {args.seconds:g} s, {args.connections} connections, loopback")
    print(f"load generator: {generator}")
    medians = {name: statistics.median(values) for name, values in results.items()}
    for name, values in results.items():
        rounds = ", ".join(f"{value:,.0f}" for value in values)
        print(f"  {name:36s} median {medians[name]:8,.0f} req/s   ({rounds})")
    predict = medians["gatelab GET /predict/and/1/1"]
    for name in list(medians)[:2]:
        print(f"ratio predict / {name}: {predict / medians[name]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
