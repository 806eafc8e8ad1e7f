"""Take the lessons' screenshots of a /docs page after "Try it out" and "Execute".

- lesson 06 (notebooks/images/my_api_try_it_out.png): the student's own app, written from lesson
  06's %%writefile cells into a temporary folder, with POST /train/{gate} tried on AND;
- lesson 07 (notebooks/images/docs_try_it_out.png): the gatelab API with AND trained, and
  GET /predict/{gate}/{a}/{b} tried with AND, 1 and 1.

Each picture is the opened route from its title down to the server's answer, about 850 px wide::

    .venv/bin/python scripts/docs_screenshot.py [--only student|gatelab]

Needs Playwright for Python and Debian's Chromium at /usr/bin/chromium (no `playwright install`).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
from pathlib import Path

import fastapi_offline
import httpx
from playwright.sync_api import Page, Route, sync_playwright

from gatelab.api import create_app
from gatelab.server import start_server

ROOT = Path(__file__).resolve().parent.parent
# The browser tests' Chromium launcher, and the reader of a lesson's %%writefile cells.
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "tests"))
from lab import launch_chromium  # noqa: E402
from lesson_files import write_lesson_files  # noqa: E402

IMAGES = ROOT / "notebooks" / "images"
STUDENT_LESSON = ROOT / "notebooks" / "06_serving_gates_with_fastapi.ipynb"
# The ports the lessons name, so the request URL and the curl line match what a student sees.
FASTAPI_DEV_PORT = 8000
GATELAB_PORT = 8765


def try_it_out(page: Page, method: str, route: str, fields: dict[str, str], output: Path) -> None:
    """Open one route on /docs, fill its fields, press Execute and save the block as a PNG."""
    summary = page.locator(f'.opblock-{method} .opblock-summary-path[data-path="{route}"]')
    summary.click()
    block = page.locator(".opblock.is-open").first
    block.locator("button.try-out__btn").click()
    for name, value in fields.items():
        field = block.locator(f'tr[data-param-name="{name}"]').locator("input, select")
        if field.evaluate("element => element.tagName") == "SELECT":  # an enum: 0 or 1
            field.select_option(value)
        else:
            field.fill(value)
    block.locator("button.execute").click()
    answer = block.locator(".live-responses-table .highlight-code").first
    answer.wait_for()
    # From the route's title down to the server's answer: the response headers (with today's
    # date) and the list of documented error answers below are left out.
    top, bottom = block.bounding_box(), answer.bounding_box()
    clip = {
        "x": top["x"],
        "y": top["y"],
        "width": top["width"],
        "height": bottom["y"] + bottom["height"] + 12 - top["y"],
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(output), clip=clip, full_page=True)
    print(f"wrote {output}")


# FastAPI's own /docs page (the student's app) loads Swagger UI from a CDN; this machine may be
# offline, so the same files are served from the copy fastapi_offline ships.
SWAGGER_FILES = Path(fastapi_offline.__file__).parent / "static"


def serve_cdn_files(route: Route) -> None:
    """Answer a request for Swagger UI's CDN files from the local copy; refuse anything else."""
    local = SWAGGER_FILES / route.request.url.rsplit("/", 1)[-1]
    if local.is_file():
        route.fulfill(path=str(local))
    else:
        route.abort()


def screenshot_docs(
    url: str, method: str, route: str, fields: dict[str, str], output: Path
) -> None:
    """Open url + /docs in headless Chromium and take one route's screenshot."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 900, "height": 1400})
        page.route(lambda address: not address.startswith(url), serve_cdn_files)
        page.goto(f"{url}/docs")
        try_it_out(page, method, route, fields, output)
        browser.close()


def student_screenshot(output: Path) -> None:
    """Lesson 06: the student's main.py, POST /train/{gate} tried on AND."""
    with tempfile.TemporaryDirectory() as folder:
        write_lesson_files(STUDENT_LESSON, Path(folder))
        sys.path.insert(0, folder)  # as fastapi dev does: main.py imports model.py beside it
        main = importlib.import_module("main")
        with start_server(main.app, port=FASTAPI_DEV_PORT, any_port_if_busy=True) as server:
            screenshot_docs(server.url, "post", "/train/{gate}", {"gate": "AND"}, output)


def gatelab_screenshot(output: Path) -> None:
    """Lesson 07: the gatelab API with AND trained, GET /predict tried with AND, 1 and 1."""
    with (
        tempfile.TemporaryDirectory() as model_dir,
        start_server(create_app(model_dir), port=GATELAB_PORT, any_port_if_busy=True) as server,
    ):
        httpx.post(f"{server.url}/train/AND", timeout=30).raise_for_status()
        fields = {"gate": "AND", "a": "1", "b": "1"}
        route = "/predict/{gate}/{a}/{b}"
        screenshot_docs(server.url, "get", route, fields, output)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["student", "gatelab"])
    args = parser.parse_args()
    if args.only in (None, "student"):
        student_screenshot(IMAGES / "my_api_try_it_out.png")
    if args.only in (None, "gatelab"):
        gatelab_screenshot(IMAGES / "docs_try_it_out.png")
