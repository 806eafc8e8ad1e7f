"""Take lesson 06's screenshot of the /docs page with "Try it out" used on GET /predict.

Starts the gate API on a fresh model directory (AND trained), opens /docs in headless Chromium,
opens GET /predict/{gate}/{a}/{b}, presses "Try it out", asks AND with a = 1 and b = 1, presses
"Execute" and saves that part of the page, about 850 px wide::

    .venv/bin/python scripts/docs_screenshot.py [notebooks/images/docs_try_it_out.png]

Needs Playwright for Python and Debian's Chromium at /usr/bin/chromium (no `playwright install`).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

from gatelab.api import create_app
from gatelab.server import start_server

# The browser tests' launcher: Debian's Chromium with the flags it needs on a closed network.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "browser"))
from lab import launch_chromium

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "notebooks/images/docs_try_it_out.png"
ROUTE = "/predict/{gate}/{a}/{b}"
LESSON_PORT = 8765


def take_screenshot(output: Path) -> None:
    """Drive the real /docs page and save the opened GET /predict block as a PNG."""
    with (
        tempfile.TemporaryDirectory() as model_dir,
        # The lesson's port, so the curl line and request URL match what a student sees.
        start_server(create_app(model_dir), port=LESSON_PORT, any_port_if_busy=True) as server,
    ):
        httpx.post(f"{server.url}/train/AND", timeout=30).raise_for_status()
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page(viewport={"width": 900, "height": 1400})
            page.goto(f"{server.url}/docs")
            summary = page.locator(f'.opblock-summary-path[data-path="{ROUTE}"]')
            summary.click()
            block = page.locator(".opblock.is-open").first
            block.locator("button.try-out__btn").click()
            for name, value in {"gate": "AND", "a": "1", "b": "1"}.items():
                field = block.locator(f'tr[data-param-name="{name}"]').locator("input, select")
                if field.evaluate("element => element.tagName") == "SELECT":  # an enum: 0 or 1
                    field.select_option(value)
                else:
                    field.fill(value)
            block.locator("button.execute").click()
            answer = block.locator(".live-responses-table .highlight-code").first
            answer.wait_for()
            # From the route's title down to the server's answer: the response headers (with
            # today's date) and the list of documented error answers below are left out.
            top, bottom = block.bounding_box(), answer.bounding_box()
            clip = {
                "x": top["x"],
                "y": top["y"],
                "width": top["width"],
                "height": bottom["y"] + bottom["height"] + 12 - top["y"],
            }
            output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(output), clip=clip, full_page=True)
            browser.close()
    print(f"wrote {output}")


if __name__ == "__main__":
    take_screenshot(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT)
