"""create_app: the gate API put together from its parts (your `app = FastAPI()` line, grown up)."""

from __future__ import annotations

import os

from fastapi import FastAPI

from gatelab import __version__
from gatelab.api.body_limit import BodySizeLimit
from gatelab.api.docs import install_offline_docs
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
    app = FastAPI(
        title="gatelab",
        version=__version__,
        summary="Train logic gates and ask them questions.",
        # Accept-Language is documented here once, not as a parameter of every route.
        description=f"**Languages.** {LANGUAGE_NOTE}",
        openapi_tags=TAGS,
        docs_url=None,  # replaced by the offline /docs (gatelab.api.docs)
        redoc_url=None,  # and /redoc
        # No redirect from /gates/ to /gates: a 404 that names the right path instead. (The
        # redirect would also turn /models/..%2F into /models/.., which a client resolves to /.)
        redirect_slashes=False,
        # The routes themselves, first: Starlette tries routes in order, the busiest go first.
        # (app.include_router(router) would wrap them in a layer that costs GET /predict about
        # a sixth of its speed in FastAPI 0.163; the routes are the same objects either way.)
        routes=router.routes,
    )
    # Every route reaches the models through this one object (routes.get_service).
    app.state.service = GateService(model_dir)
    app.state.change_key = ChangeKey(token)
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, limit=MAX_BODY_BYTES)
    # Added last, so it runs first: even the 413 and 400 above answer in the request's language.
    app.add_middleware(RequestLanguage)
    install_offline_docs(app)
    return app
