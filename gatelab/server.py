"""Run the gate API in a background thread, so a notebook can start it, call it and stop it.

`uvicorn.run` would block the notebook's kernel; here a `uvicorn.Server` runs in a daemon thread
and `start_server` returns once it accepts connections::

    with start_server(create_app(model_dir), port=8765) as server:
        httpx.get(f"{server.url}/gates")

Re-running a notebook cell that starts a server on the same port stops the old one first.

`start_server_process` runs the real command, `gatelab serve`, in a child process instead (with
as many uvicorn workers as asked), for tests and benchmarks that need several processes, or a
server they can kill with SIGKILL as a crash would::

    with start_server_process(model_dir, workers=2) as server:
        httpx.post(f"{server.url}/train/xor")

Both take an optional key (`token=`), which POST /train and DELETE /models then need as the
header ``Authorization: Bearer <key>`` (gatelab.api.security). Beyond loopback a server always
has one: given, or generated and kept in ``handle.token``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

# Servers this process started, by (host, port), so a re-run cell can stop its predecessor.
_running: dict[tuple[str, int], ServerHandle] = {}
_registry_lock = threading.Lock()


class ServerStartError(OSError):
    """The server could not start: the port is taken, or startup failed or timed out."""


@dataclass
class ServerHandle:
    """A running server: its address, and `stop()` (also called when a `with` block ends)."""

    host: str
    port: int
    server: uvicorn.Server = field(repr=False)
    thread: threading.Thread = field(repr=False)
    requested_port: int = field(default=0, repr=False)
    token: str | None = field(default=None, repr=False)  # the key changes need, if any

    @property
    def url(self) -> str:
        """The base URL, e.g. http://127.0.0.1:8765."""
        return base_url(self.host, self.port)

    @property
    def running(self) -> bool:
        """Whether the server thread is still serving."""
        return self.thread.is_alive()

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the server to finish its open requests and exit, and wait for its thread."""
        self.server.should_exit = True
        self.thread.join(timeout)
        if self.thread.is_alive():  # a request that will not finish: stop waiting for it
            self.server.force_exit = True
            self.thread.join(timeout)
        with _registry_lock:
            if _running.get((self.host, self.requested_port)) is self:
                del _running[(self.host, self.requested_port)]

    def __enter__(self) -> ServerHandle:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def start_server(
    app: Any = None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    log_level: str = "warning",
    timeout: float = 10.0,
    any_port_if_busy: bool = False,
    token: str | None = None,
) -> ServerHandle:
    """Serve `app` (default: the gate API) in a daemon thread; return once it accepts requests.

    port=0 picks a free port (read it from `handle.port` or `handle.url`). A port taken by
    another program raises ServerStartError at once instead of hanging, unless
    any_port_if_busy=True: then the server takes a free port instead (a lesson open twice).
    `token` is the key the default app's changes need; beyond loopback one is generated if not
    given (read it from `handle.token`). An app of your own takes its key from create_app.
    """
    if app is None:
        from gatelab.api import create_app, generate_key

        if token is None and not _is_loopback(host):
            token = generate_key()
        app = create_app(token=token)
    elif token is not None:
        raise ValueError("give the key to the app instead: create_app(..., token=...)")
    if port:
        with _registry_lock:
            previous = _running.get((host, port))
        if previous is not None:  # this cell ran before: stop the server it started
            previous.stop()
    try:
        sock = _bind(host, port)
    except ServerStartError:
        if not (port and any_port_if_busy):
            raise
        sock = _bind(host, 0)  # port 0: the operating system picks a free one
    config = uvicorn.Config(app, log_level=log_level, access_log=log_level == "debug")
    server = uvicorn.Server(config)
    # Our socket, already bound: uvicorn would exit the whole process if binding failed.
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name=f"gatelab-server-{port}", daemon=True
    )
    thread.start()
    handle = ServerHandle(host, sock.getsockname()[1], server, thread, port, token)
    _wait_until_started(handle, sock, timeout)
    if port:
        with _registry_lock:
            _running[(host, port)] = handle
    return handle


def _is_loopback(host: str) -> bool:
    """Whether `host` is this computer only (gatelab.cli.is_loopback)."""
    from gatelab.cli import is_loopback

    return is_loopback(host)


def _bind(host: str, port: int) -> socket.socket:
    """A listening-ready socket bound to (host, port), or ServerStartError saying why not."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not the default 0: accepted connections inherit it, and asyncio turns Nagle's
    # algorithm off (TCP_NODELAY) only on sockets that say they are TCP. Without it, every
    # request after the first on a kept-alive connection waits ~40 ms for a delayed ACK
    # (uvicorn issue #3149).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    # Lets a re-run cell bind again right away while the old connections linger in TIME_WAIT;
    # on Linux and macOS it does not let two servers listen on the same port.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ServerStartError(
            exc.errno,
            f"cannot listen on {host}:{port}: {exc.strerror}. Another program may be using this "
            "port: stop it, or pick another port (port=0 picks a free one)",
        ) from None
    return sock


def _wait_until_started(handle: ServerHandle, sock: socket.socket, timeout: float) -> None:
    """Block until uvicorn reports it started; ServerStartError if it died or took too long."""
    deadline = time.monotonic() + timeout
    while not handle.server.started:
        if not handle.thread.is_alive():
            sock.close()
            raise ServerStartError(f"the server on {handle.url} stopped during startup")
        if time.monotonic() > deadline:
            handle.stop()
            sock.close()
            raise ServerStartError(f"the server on {handle.url} did not start within {timeout} s")
        time.sleep(0.01)


# ----- `gatelab serve` in this process --------------------------------------------------------
def run_app(
    app: str,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    workers: int = 1,
    reload: bool = False,
    **options: Any,
) -> None:
    """uvicorn.run(app, ...) until Ctrl+C; with workers > 1, on a socket that keeps TCP_NODELAY.

    `app` is an import string ("gatelab.api:app"): every worker process imports it afresh.
    uvicorn's own multi-worker path binds a socket whose accepted connections keep Nagle's
    algorithm on, so each kept-alive request waits ~40 ms (uvicorn issue #3149). Here the
    socket is bound by `_bind` and handed to uvicorn's worker supervisor instead.
    """
    if workers == 1 or reload:  # one process: uvicorn lets asyncio create a proper TCP socket
        uvicorn.run(app, host=host, port=port, workers=workers, reload=reload, **options)
        return
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(app, host=host, port=port, workers=workers, **options)
    sock = _bind(host, port)
    sock.set_inheritable(True)  # the worker processes accept connections on it
    logging.getLogger("uvicorn.error").info(
        "Uvicorn running on %s with %d workers (Press CTRL+C to quit)",
        base_url(host, port),
        workers,
    )
    try:
        Multiprocess(config, sockets=[sock]).run()
    finally:
        sock.close()


# ----- `gatelab serve` in a child process -----------------------------------------------------
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
        """Process ids of the uvicorn workers (Linux: read from /proc; [] with one worker)."""
        pid = self.process.pid
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return []
        pids = []
        for child in children:
            with contextlib.suppress(OSError):  # a child that just exited
                # Workers are multiprocessing "spawn" children; its resource tracker is not one.
                if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                    pids.append(int(child))
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
    from gatelab.api import generate_key

    if token is None and not _is_loopback(host):
        token = generate_key()
    attempt = 1
    while True:
        handle = _spawn_serve(model_dir, workers, host, port or _free_port(host), quiet, token)
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
    command = [
        sys.executable,
        "-m",
        "gatelab.cli",
        "serve",
        "--host",
        host,
        "--port",
        str(port),
        "--model-dir",
        os.fspath(model_dir),
        "--workers",
        str(workers),
    ]
    if quiet:
        command += ["--log-level", "warning", "--no-access-log"]
    from gatelab.api import TOKEN_ENV

    environment = {key: value for key, value in os.environ.items() if key != TOKEN_ENV}
    if token is not None:
        environment[TOKEN_ENV] = token
    output = subprocess.DEVNULL if quiet else None
    process = subprocess.Popen(command, stdout=output, start_new_session=True, env=environment)
    return ServerProcess(base_url(host, port), process, token)


def _free_port(host: str) -> int:
    """A port nobody listened on a moment ago (the OS picks it for port 0)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def base_url(host: str, port: int) -> str:
    """http://host:port, with brackets around an IPv6 address."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


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
