"""`gatelab serve` in this process: check the port, say what is served, then run uvicorn.

The command line (gatelab.cli) has chosen the key and the model directory; here they are handed
to the worker processes, the start-up lines are printed, and uvicorn runs until Ctrl+C.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING, Any

import uvicorn

from gatelab.gates import GATE_NAMES
from gatelab.network import (
    ALL_INTERFACES,
    DEFAULT_HOST,
    DEFAULT_PORT,
    base_url,
    is_loopback,
    lan_address,
    listening_socket,
    local_url,
    needs_key,
)

if TYPE_CHECKING:  # only for type hints: the store is imported when a command needs it
    from gatelab.store import ModelStore


def serve(
    host: str,
    port: int,
    *,
    store: ModelStore,
    key: str | None,
    origin: str,
    workers: int = 1,
    **options: Any,
) -> None:
    """Serve the gate API on host:port until Ctrl+C (the command line checked the port)."""
    from gatelab.api import MODEL_DIR_ENV, TOKEN_ENV

    # Worker processes build the app from the import string and read the key and the model
    # directory from the environment: every worker asks for the same key and serves the same
    # directory (the one printed below).
    os.environ[MODEL_DIR_ENV] = str(store.directory)
    if key is None:
        os.environ.pop(TOKEN_ENV, None)
    else:
        os.environ[TOKEN_ENV] = key
    announce(host, port, store=store, workers=workers, key=key, origin=origin)
    # An import string, not an app object: each worker (and --reload) imports it afresh.
    run_app("gatelab.api:app", host=host, port=port, workers=workers, **options)


def announce(
    host: str, port: int, *, store: ModelStore, workers: int, key: str | None, origin: str
) -> None:
    """Print what `gatelab serve` serves: models, workers, where to open it, and the key."""
    if needs_key(host) and key is None:
        print(
            f"warning: listening on {host} with --no-token exposes the API beyond this "
            "computer: anyone who can reach this machine on the network (on 0.0.0.0, every "
            "device on your Wi-Fi or LAN) can call it, including POST /train and DELETE /models. "
            "Drop --no-token to require a key for changes, or use --host 127.0.0.1 to keep it "
            "private.",
            file=sys.stderr,
        )
    print(f"models:  {store.directory}")
    _announce_stored_models(store)
    print(f"workers: {workers}")
    print(f"docs:    {local_url(host, port)}/docs")
    if host in ALL_INTERFACES:
        print(
            f"students: http://<this computer's address>:{port}/docs (the address: `hostname -I` "
            "on Linux, `ipconfig getifaddr en0` on macOS, `ipconfig` on Windows)"
        )
    elif not is_loopback(host):
        print(f"students: {local_url(host, port)}/docs")
    if key is not None:
        _announce_key(host, port, key, origin)


def _announce_stored_models(store: ModelStore) -> None:
    """Print which gates are trained, and warn about stored files that cannot be served."""
    from gatelab.store import StoreError

    trained = []
    for gate in GATE_NAMES:
        if not store.exists(gate):
            continue
        try:
            store.info(gate)  # reads and checks the whole file; never unpickles
        except StoreError as exc:
            print(
                f"warning: the stored {gate} model cannot be used ({exc}). It answers 409 until "
                f"it is retrained: POST /train/{gate}, or run: gatelab train {gate}",
                file=sys.stderr,
            )
        else:
            trained.append(gate)
    print(f"trained: {', '.join(trained) or 'none yet'}")


def _announce_key(host: str, port: int, key: str, origin: str) -> None:
    """Say that changes need the key, with a curl command ready to copy."""
    # A generated key has to be shown; one the teacher chose is not printed again.
    shown = {"generated": key, "$GATELAB_TOKEN": "$GATELAB_TOKEN"}.get(origin, "<your --token>")
    if host in ALL_INTERFACES:
        address = lan_address() or "<this computer's address>"
        url = f"http://{address}:{port}"
    else:
        url = local_url(host, port)
    print(f"key:     {shown}")
    print("         (POST /train and DELETE /models need it, reading does not; /docs: Authorize)")
    print(f'example: curl -X POST -H "Authorization: Bearer {shown}" {url}/train/XOR')


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
    algorithm on, so each kept-alive request waits for a delayed ACK. Here the socket is bound
    by gatelab.network.listening_socket and handed to uvicorn's worker supervisor.
    """
    if workers == 1 or reload:  # one process: uvicorn lets asyncio create a proper TCP socket
        uvicorn.run(app, host=host, port=port, workers=workers, reload=reload, **options)
        return
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(app, host=host, port=port, workers=workers, **options)
    sock = listening_socket(host, port)
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
