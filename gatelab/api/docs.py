"""The interactive docs, /docs (Swagger UI) and /redoc (ReDoc), served entirely by this app.

FastAPI's default pages load their JavaScript and CSS from a CDN, so they are blank without
internet (a classroom's Wi-Fi, a train). The fastapi-offline package's `FastAPIOffline` builds
the app with both pages pointing at files it ships, served by the app itself (main.py uses it).
Two things would still reach another host, and are turned off here: Swagger UI's badge from
swagger.io's online validator, and the Redocly logo that ReDoc's sidebar loads from cdn.redoc.ly
(replaced, in the copy of ReDoc's script served here, by an image written inside the script).
"""

from __future__ import annotations

import functools
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

DOCS_ASSETS_URL = "/docs-assets"
REDOC_SCRIPT = "redoc.standalone.js"
# Without this, Swagger UI shows a badge image fetched from swagger.io's online validator
# (sending it our spec's address) whenever the page is not on localhost.
SWAGGER_UI_PARAMETERS = {"validatorUrl": None}
# ReDoc's sidebar shows "API docs by Redocly" with this logo, fetched from Redocly's CDN.
REDOC_LOGO_URL = "https://cdn.redoc.ly/redoc/logo-mini.svg"
# In its place: a transparent 1x1 GIF, written in the script itself (a data: URL fetches nothing).
BLANK_IMAGE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


def docs_assets_dir() -> Path:
    """Swagger UI's and ReDoc's JavaScript and CSS, shipped by the fastapi-offline package."""
    import fastapi_offline

    return Path(fastapi_offline.__file__).parent / "static"


@functools.cache
def offline_redoc_script() -> bytes:
    """ReDoc's script with its CDN logo replaced (read once, on the first visit to /redoc)."""
    script = (docs_assets_dir() / REDOC_SCRIPT).read_bytes()
    return script.replace(REDOC_LOGO_URL.encode(), BLANK_IMAGE.encode())


async def redoc_script(request: Request) -> Response:
    """The copy of ReDoc's script that /redoc loads."""
    return Response(offline_redoc_script(), media_type="text/javascript")


def redoc_script_route() -> Route:
    """The route for that copy: give it before FastAPIOffline's files, so it answers first."""
    return Route(f"{DOCS_ASSETS_URL}/{REDOC_SCRIPT}", redoc_script, include_in_schema=False)
