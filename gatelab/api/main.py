"""create_app: the gate API put together from its parts (your `app = FastAPI()` line, grown up)."""

from __future__ import annotations

import os

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gatelab import __version__
from gatelab.api.body_limit import BodySizeLimit
from gatelab.api.docs import DOCS_ASSETS_URL, SWAGGER_UI_PARAMETERS, redoc_script_route
from gatelab.api.errors import install_error_handlers
from gatelab.api.languages import LANGUAGE_NOTE, RequestLanguage
from gatelab.api.routes import TAGS, router
from gatelab.api.schemas import MAX_BODY_BYTES
from gatelab.api.security import ChangeKey
from gatelab.api.service import GateService


def create_app(model_dir: str | os.PathLike | None = None, *, token: str | None = None) -> FastAPI:
    """Build the gate API on the model store in `model_dir` (default: $GATELAB_MODEL_DIR, ...).

    `token` is the key that POST /train and DELETE /models then need (gatelab.api.security);
    without one, $GATELAB_TOKEN if it is set, else changes need no key.
    """
    # FastAPIOffline is FastAPI whose /docs and /redoc load their files from this app (docs.py).
    app = FastAPIOffline(
        title="gatelab",
        version=__version__,
        summary="Train logic gates and ask them questions.",
        # Accept-Language is documented here once, not as a parameter of every route.
        description=f"**Languages.** {LANGUAGE_NOTE}",
        openapi_tags=TAGS,
        # No redirect from /gates/ to /gates: a 404 that names the right path instead. (The
        # redirect would also turn /models/..%2F into /models/.., which a client resolves to /.)
        redirect_slashes=False,
        # The routes themselves, first: Starlette tries routes in order, the busiest go first.
        # (app.include_router(router) would wrap them in a layer that slows GET /predict down;
        # the routes are the same objects either way.)
        routes=[*router.routes, redoc_script_route()],
        static_url=DOCS_ASSETS_URL,
        swagger_ui_parameters=SWAGGER_UI_PARAMETERS,
    )
    # Every route reaches the models through this one object (routes.get_service).
    app.state.service = GateService(model_dir)
    app.state.change_key = ChangeKey(token)
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, limit=MAX_BODY_BYTES)
    # Added after the two above, so it runs before them: even the 413 and 400 answer in the
    # request's language.
    app.add_middleware(RequestLanguage)
    app.add_middleware(AnswerHead)
    return app


class AnswerHead:
    """Pure ASGI middleware: HEAD gets what GET would get, status and headers, without the body.

    HTTP asks every GET route to answer HEAD too (`curl -I`, uptime monitors and link checkers
    send it), but FastAPI's routes take only the methods they name. So a HEAD request is served
    as a GET, and its body is dropped on the way out.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        # A copy of the scope: the server's own still says HEAD, so it logs HEAD and sends no body.
        await self.app({**scope, "method": "GET"}, receive, without_body)
