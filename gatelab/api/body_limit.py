"""A request body over 64 KiB gets a 413 without being read into memory.

1024 rows of a batch need at most about 50 KB, so nothing valid is near the limit. FastAPI
reads a whole body before a route sees it; this pure ASGI middleware sits in front and counts.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gatelab.api.errors import error_response
from gatelab.api.schemas import MAX_BATCH_ROWS, MAX_BODY_BYTES
from gatelab.language import tr


class BodyTooLarge(HTTPException):
    """A request body over the limit: 413, and the connection is closed after the answer.

    Made for each request, so its detail is in the request's language (gatelab.api.languages).
    """

    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            tr(
                "the request body is over the {limit} KiB limit; "
                "POST /predict takes at most {rows} rows per request",
                limit=limit // 1024,
                rows=MAX_BATCH_ROWS,
            ),
            # The client may still be sending the rest: do not read it, end the connection.
            headers={"Connection": "close"},
        )


class BodySizeLimit:
    """Pure ASGI middleware: a body over `limit` bytes gets a 413 without being read into memory.

    A declared Content-Length over the limit is refused before any of the body is read; a
    streamed (chunked) body is counted as it arrives and refused as soon as it passes the limit.
    Requests without a body (every GET a browser sends) pass straight through.
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared: bytes | None = None
        streamed = False
        for key, value in scope["headers"]:
            if key == b"content-length":
                declared = value
            elif key == b"transfer-encoding":
                streamed = True
        if declared is None and not streamed:  # no body: nothing to check, the fast path
            await self.app(scope, receive, send)
            return
        if declared is not None and not declared.isdigit():
            message = tr("the Content-Length header must be a whole number of bytes")
            response = error_response(400, message)
            await response(scope, receive, send)
            return
        too_large = BodyTooLarge(self.limit)
        if declared is not None and int(declared) > self.limit:
            response = error_response(413, str(too_large.detail), too_large.headers)
            await response(scope, receive, send)
            return
        received = 0

        async def counted_receive() -> Message:
            """The next piece of the body, refused once the total passes the limit."""
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:  # also catches a body longer than it declared
                    raise too_large  # FastAPI hands it to the HTTPException handler: a 413
            return message

        await self.app(scope, counted_receive, send)
