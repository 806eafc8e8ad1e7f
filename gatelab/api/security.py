"""A key for every change, like Jupyter's token: POST /train and DELETE /models need it.

Reading stays open (GET /predict, /gates, /models, /docs), so a class can ask questions without a
key. A server with a key refuses any change that does not carry the header
``Authorization: Bearer <key>`` with a 401 saying how to send it. ``gatelab serve`` gives its
server a key whenever it listens beyond this computer (--token KEY, $GATELAB_TOKEN, or a random
one it prints); on 127.0.0.1, the notebooks' address, there is no key unless one is set.

This is FastAPI's ``HTTPBearer`` security scheme, so /docs shows an **Authorize** button: paste
the key there and "Try it out" sends it. The key is compared in constant time
(``secrets.compare_digest``: how long a wrong guess takes says nothing about the right key),
and it is never logged or repeated in an answer.
"""

from __future__ import annotations

import os
import re
import secrets
from functools import cached_property
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from gatelab.language import tr, translatable
from gatelab.network import needs_key

TOKEN_ENV = "GATELAB_TOKEN"
# What a key may hold: the characters of an HTTP bearer token (RFC 6750), at least one.
KEY_PATTERN = re.compile(r"[A-Za-z0-9._~+/=-]+")
# auto_error=False: a missing or malformed header reaches require_key, which says what to send.
bearer = HTTPBearer(
    auto_error=False,
    scheme_name="key",
    description="The server's key, needed for POST /train and DELETE /models when the server "
    "has one (always when it listens beyond its own computer). `gatelab serve` prints it.",
)
HOW_TO_SEND = translatable(
    "send the header `Authorization: Bearer <key>` with the key that `gatelab serve` printed "
    "when it started (in /docs: the Authorize button). Reading needs no key."
)


def generate_key() -> str:
    """A new random key: 32 random bytes, as 43 URL-safe characters."""
    return secrets.token_urlsafe(32)


def key_for(host: str, key: str | None = None) -> str | None:
    """The key a server on `host` asks for: `key` if given, else a new one beyond this computer."""
    if key is None and needs_key(host):
        return generate_key()
    return key


def choose_key(host: str, token: str | None, no_token: bool) -> tuple[str | None, str]:
    """`gatelab serve`'s key and where it came from: --token, $GATELAB_TOKEN or generated."""
    if no_token:
        return None, "--no-token"
    if token is not None:
        return token, "--token"
    if os.environ.get(TOKEN_ENV):
        return os.environ[TOKEN_ENV], "$GATELAB_TOKEN"
    key = key_for(host)  # this computer only, as in the notebooks: no key unless asked
    return key, "generated" if key else "loopback"


def is_valid_key(key: str) -> bool:
    """Whether `key` can be sent as a bearer token (letters, digits and ._~+/=- only)."""
    return KEY_PATTERN.fullmatch(key) is not None


def key_matches(given: str, expected: str) -> bool:
    """Whether the key sent is the server's, compared in constant time."""
    # As bytes: compare_digest refuses str with characters outside ASCII (a header may have them).
    return secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


class ChangeKey:
    """The key a server's changes need: given, or else read from $GATELAB_TOKEN on first use.

    Read on first use, not when the app is built: `uvicorn gatelab.api:app` builds its app at
    import, possibly before `gatelab serve` has put the key in the environment for its workers.
    """

    def __init__(self, key: str | None = None) -> None:
        if key is not None:
            if not is_valid_key(key):
                raise ValueError("a key is made of letters, digits and ._~+/=- only")
            self.value = key  # given: the environment is never read

    @cached_property
    def value(self) -> str | None:
        """The key, or None when changes need none."""
        return os.environ.get(TOKEN_ENV) or None


def _refused(request: Request, reason: str) -> HTTPException:
    """A 401 that names what was refused and how to send the key (and never repeats a key).

    In the request's language (gatelab.api.languages), like every error's detail.
    """
    message = tr(
        "{request} changes the stored models, so it needs this server's key; {reason}: {how}",
        request=f"{request.method} {request.url.path[:80]}",
        reason=tr(reason),
        how=tr(HOW_TO_SEND),
    )
    return HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


async def require_key(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Let the change through if the server has no key, or the request carries it; else 401."""
    expected = request.app.state.change_key.value
    if expected is None:
        return
    if credentials is None:
        sent = "authorization" in request.headers
        reason = (
            translatable("the Authorization header is not `Bearer <key>`")
            if sent
            else translatable("no key was sent")
        )
        raise _refused(request, reason)
    if not key_matches(credentials.credentials, expected):
        raise _refused(request, translatable("the key sent is not this server's key"))
