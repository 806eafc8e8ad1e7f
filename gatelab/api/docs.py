"""The interactive docs, /docs (Swagger UI) and /redoc (ReDoc), served entirely by this app.

FastAPI's default pages load their JavaScript and CSS from a CDN, so they are blank without
internet (a classroom's Wi-Fi, a train). Here the files come from the fastapi-offline package
and are served by the app itself under /docs-assets. Three more things would still reach
another host, and are turned off: Swagger UI's badge from swagger.io's online validator, ReDoc's
Google fonts, and the Redocly logo that ReDoc's sidebar loads from cdn.redoc.ly (replaced, in
the copy of ReDoc's script served here, by an image written inside the script).
"""

from __future__ import annotations

import functools
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

DOCS_ASSETS_URL = "/docs-assets"
REDOC_SCRIPT = "redoc.standalone.js"
# ReDoc's sidebar shows "API docs by Redocly" with this logo, fetched from Redocly's CDN.
REDOC_LOGO_URL = "https://cdn.redoc.ly/redoc/logo-mini.svg"
# In its place: a transparent 1x1 GIF, written in the script itself (a data: URL fetches nothing).
BLANK_IMAGE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


def docs_assets_dir() -> Path:
    """Swagger UI's and ReDoc's JavaScript and CSS, shipped by the fastapi-offline package."""
    import fastapi_offline  # imported here: only the docs need its files

    return Path(fastapi_offline.__file__).parent / "static"


@functools.cache
def offline_redoc_script() -> bytes:
    """ReDoc's script with its CDN logo replaced (read once, on the first visit to /redoc)."""
    script = (docs_assets_dir() / REDOC_SCRIPT).read_bytes()
    return script.replace(REDOC_LOGO_URL.encode(), BLANK_IMAGE.encode())


def install_offline_docs(app: FastAPI) -> None:
    """Serve /docs and /redoc with files from this app, so both work without internet."""
    redirect_url = "/docs/oauth2-redirect"

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - Swagger UI",
            oauth2_redirect_url=f"{root}{redirect_url}",
            swagger_js_url=f"{root}{DOCS_ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{DOCS_ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{DOCS_ASSETS_URL}/favicon.png",
            # Without this, Swagger UI shows a badge image fetched from swagger.io's online
            # validator (sending it our spec's address) whenever the page is not on localhost.
            swagger_ui_parameters={"validatorUrl": None},
        )

    @app.get(redirect_url, include_in_schema=False)
    async def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{DOCS_ASSETS_URL}/{REDOC_SCRIPT}",
            redoc_favicon_url=f"{root}{DOCS_ASSETS_URL}/favicon.png",
            with_google_fonts=False,  # fonts from Google would be a CDN request
        )

    # Added before the mount below, so this route (not the unchanged file) answers for it.
    @app.get(f"{DOCS_ASSETS_URL}/{REDOC_SCRIPT}", include_in_schema=False)
    def redoc_script() -> Response:
        return Response(offline_redoc_script(), media_type="text/javascript")

    app.mount(DOCS_ASSETS_URL, StaticFiles(directory=docs_assets_dir()), name="docs-assets")
