"""Run the gate API in a background thread, so a notebook can start it, call it and stop it.

`uvicorn.run` would block the notebook's kernel; here a `uvicorn.Server` runs in a daemon thread
and `start_server` returns once it accepts connections::

    with start_server(create_app(model_dir), port=8765) as server:
        httpx.get(f"{server.url}/gates")

Re-running a notebook cell that starts a server on the same port stops the old one first.
`start_server_process` runs the real command, `gatelab serve`, in a child process instead, with
as many workers as asked (gatelab._process). Beyond loopback a server always has a key, which
POST /train and DELETE /models then need: given as `token=`, or generated (``handle.token``).
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import uvicorn

from gatelab._process import ServerProcess, start_server_process
from gatelab.network import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    ServerStartError,
    base_url,
    listening_socket,
)

__all__ = [
    "ServerHandle",
    "ServerProcess",
    "ServerStartError",
    "start_server",
    "start_server_process",
]

# Servers this process started, by (host, port), so a re-run cell can stop its predecessor.
_running: dict[tuple[str, int], ServerHandle] = {}
_registry_lock = threading.Lock()


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
        from gatelab.api import create_app
        from gatelab.api.security import key_for

        token = key_for(host, token)
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


def _bind(host: str, port: int) -> socket.socket:
    """A socket bound to (host, port), or ServerStartError saying why not and what to do."""
    try:
        return listening_socket(host, port)
    except OSError as exc:
        raise ServerStartError(
            exc.errno,
            f"cannot listen on {host}:{port}: {exc.strerror}. Another program may be using this "
            "port: stop it, or pick another port (port=0 picks a free one)",
        ) from None


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
