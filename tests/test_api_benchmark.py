"""bench/bench_api.py, briefly: it reads wrk's report and runs wrk as documented."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest

WRK_REPORT = """\
Running 3s test @ http://127.0.0.1:8000/predict/and/1/1
  1 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.51ms  412.13us   9.87ms   91.23%
    Req/Sec     6.41k   301.22     6.80k    83.33%
  19152 requests in 3.00s, 2.98MB read
Requests/sec:   6383.25
Transfer/sec:      0.99MB
"""


def load_bench_api():
    """bench/bench_api.py as a module (bench/ is not a package)."""
    path = Path(__file__).resolve().parent.parent / "bench" / "bench_api.py"
    spec = importlib.util.spec_from_file_location("bench_api", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_reads_wrks_report(monkeypatch):
    bench = load_bench_api()
    assert bench.wrk_requests_per_second(WRK_REPORT) == 6383.25
    with pytest.raises(RuntimeError, match="error answers"):
        bench.wrk_requests_per_second(WRK_REPORT + "  Non-2xx or 3xx responses: 12\n")
    with pytest.raises(RuntimeError, match="no Requests/sec"):
        bench.wrk_requests_per_second("unable to connect to 127.0.0.1:8000 Connection refused\n")
    commands = []

    def fake_run(command, **kwargs):
        commands.append(command)
        return subprocess.CompletedProcess(command, 0, stdout=WRK_REPORT)

    monkeypatch.setattr(bench.subprocess, "run", fake_run)
    rate = bench.measure_with_wrk("wrk", "http://127.0.0.1:9", "/predict/and/1/1", 3.0, 16)
    assert rate == 6383.25
    url = "http://127.0.0.1:9/predict/and/1/1"
    # A one-second warm-up, then the measured run.
    assert commands == [["wrk", "-t1", "-c16", "-d1s", url], ["wrk", "-t1", "-c16", "-d3s", url]]
