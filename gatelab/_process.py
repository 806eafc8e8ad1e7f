"""`gatelab serve` in a child process, for lesson 07's class server, the tests and the benchmarks.

Unlike gatelab.server's thread, a child process can run several uvicorn workers on one port, and
it can be killed with SIGKILL as a crash would::

    with start_server_process(model_dir, workers=2) as server:
        httpx.post(f"{server.url}/train/xor")

Import it from gatelab.server, as lesson 07 does.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field

import httpx

from gatelab.network import DEFAULT_HOST, ServerStartError, base_url, free_port


@dataclass
class ServerProcess:
    """`gatelab serve` running in a child process: its address, `stop()` and `kill()`."""

    url: str
    process: subprocess.Popen = field(repr=False)
    token: str | None = field(default=None, repr=False)  # the key changes need, if any

    @property
    def running(self) -> bool:
        """Whether the server's main process is still alive."""
        return self.process.poll() is None

    def worker_pids(self) -> list[int]:
        """Process ids of the uvicorn workers ([] with one worker: the server serves itself)."""
        import psutil  # installed with Jupyter's kernel; only the tests ask for worker ids

        try:
            children = psutil.Process(self.process.pid).children()
        except psutil.NoSuchProcess:
            return []
        pids = []
        for child in children:
            with contextlib.suppress(psutil.Error):  # a child that just exited
                # Workers are multiprocessing "spawn" children; its resource tracker is not one.
                if any("spawn_main" in part for part in child.cmdline()):
                    pids.append(child.pid)
        return pids

    def stop(self, timeout: float = 10.0) -> None:
        """Shut down as Ctrl+C would (SIGTERM: open requests finish), then wait for it."""
        if self.process.poll() is None:
            self.process.terminate()  # uvicorn stops its workers, then itself
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()

    def kill(self) -> None:
        """Kill the server and all its workers at once with SIGKILL, as a crash would."""
        # The child leads its own process group (start_new_session), which holds its workers.
        # Until the child is reaped its id stays ours, so the signal reaches only our processes.
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def __enter__(self) -> ServerProcess:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def start_server_process(
    model_dir: str | os.PathLike,
    *,
    workers: int = 1,
    host: str = DEFAULT_HOST,
    port: int = 0,
    timeout: float = 60.0,
    quiet: bool = True,
    token: str | None = None,
) -> ServerProcess:
    """Run `gatelab serve` in a child process; return once it answers GET /health.

    port=0 picks a free port. quiet=True hides the startup lines and uvicorn's info logs
    (warnings and errors still reach stderr). `token` is the key changes need (through
    $GATELAB_TOKEN, never on the command line, where `ps` shows it); beyond loopback one is
    generated if not given. Read it from `handle.token`.
    """
    from gatelab.api.security import key_for

    token = key_for(host, token)
    attempt = 1
    while True:
        handle = _spawn_serve(model_dir, workers, host, port or free_port(host), quiet, token)
        try:
            _wait_until_healthy(handle, timeout)
        except ServerStartError:
            handle.kill()
            # A port picked for us can be taken by someone else before the child binds it.
            if port or attempt == 3:
                raise
            attempt += 1
        else:
            return handle


def _spawn_serve(
    model_dir: str | os.PathLike,
    workers: int,
    host: str,
    port: int,
    quiet: bool,
    token: str | None = None,
) -> ServerProcess:
    """Start `python -m gatelab.cli serve ...` in a new process group."""
    from gatelab.api.security import TOKEN_ENV

    command = [sys.executable, "-m", "gatelab.cli", "serve", "--host", host, "--port", str(port)]
    command += ["--model-dir", os.fspath(model_dir), "--workers", str(workers)]
    if quiet:
        command += ["--log-level", "warning", "--no-access-log"]
    environment = {key: value for key, value in os.environ.items() if key != TOKEN_ENV}
    if token is not None:
        environment[TOKEN_ENV] = token
    output = subprocess.DEVNULL if quiet else None
    process = subprocess.Popen(command, stdout=output, start_new_session=True, env=environment)
    return ServerProcess(base_url(host, port), process, token)


def _wait_until_healthy(handle: ServerProcess, timeout: float) -> None:
    """Poll GET /health until it answers; ServerStartError if the process exits or time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{handle.url}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        status = handle.process.poll()
        if status is not None:
            raise ServerStartError(f"gatelab serve exited with status {status} during startup")
        if time.monotonic() > deadline:
            message = f"gatelab serve did not answer on {handle.url} within {timeout} s"
            raise ServerStartError(message)
        time.sleep(0.05)
