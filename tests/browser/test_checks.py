"""Tests of the browser tests: the same checks, on pages built to fail them, do fail.

fixtures/broken_playground.ipynb has a working playground, a broken one (its slider changes
nothing it shows), a line on stderr, a widget's text fallback and a traceback;
fixtures/docs_with_other_hosts.html asks CDNs for its script, style and logo.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from checks import (
    block_other_hosts,
    check_every_cell_ran,
    check_no_error_output,
    check_sliders_change_output,
    check_widgets_rendered,
    playground_title,
    playgrounds,
)
from notebook import open_notebook, restart_and_run_all

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BROKEN_NOTEBOOK = "broken_playground.ipynb"


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def fixture_site() -> Iterator[str]:
    """tests/browser/fixtures/ served over HTTP on a free port of 127.0.0.1."""
    handler = functools.partial(QuietHandler, directory=str(FIXTURES))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_offline_check_fails_on_a_page_that_asks_other_hosts(fixture_site, page):
    other_hosts = block_other_hosts(page, fixture_site)
    page.goto(f"{fixture_site}/docs_with_other_hosts.html")
    page.wait_for_load_state("networkidle")

    with pytest.raises(AssertionError, match="requested other hosts"):
        other_hosts.check()
    assert sorted(other_hosts.blocked) == [
        "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js",
        "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css",
        "https://cdn.redoc.ly/redoc/logo-mini.svg",
    ]
    # The page's own picture came through: only other hosts are stopped.
    assert page.locator("img[src='same-host.svg']").evaluate("img => img.naturalWidth") == 10


def test_checks_fail_on_a_broken_notebook(lab, page, page_log):
    shutil.copy(FIXTURES / BROKEN_NOTEBOOK, lab.root_dir / BROKEN_NOTEBOOK)
    try:
        open_notebook(page, lab.tree_url(BROKEN_NOTEBOOK))
        restart_and_run_all(page)
        working, broken = playgrounds(page)
        assert playground_title(working) == "A working playground"

        # The working playground passes: its HTML widget follows the slider.
        (move,) = check_sliders_change_output(page, working)
        assert move.changed and "value 0.6" in move.after

        with pytest.raises(AssertionError, match=r"A broken playground.*did not change.*'stuck'"):
            check_sliders_change_output(page, broken, timeout_ms=3000)
        with pytest.raises(AssertionError, match=r"(?s)a warning on stderr.*RuntimeError"):
            check_no_error_output(page)
        with pytest.raises(AssertionError, match="run the notebook to use the sliders"):
            check_widgets_rendered(page)

        page.evaluate("() => { setTimeout(() => { throw new Error('deliberately'); }); }")
        page.wait_for_timeout(200)
        with pytest.raises(AssertionError, match="deliberately"):
            page_log.check_no_page_errors()
    finally:
        lab.shut_down_kernels()


def test_run_all_that_stopped_part_way_is_caught():
    check_every_cell_ran(["[1]:", "[2]:", "[3]:"])
    with pytest.raises(AssertionError, match=r"not run \(by position\): \[2\]"):
        check_every_cell_ran(["[1]:", "[2]:", "[ ]:"])
    with pytest.raises(AssertionError):
        check_every_cell_ran([])  # no code cell found is no proof either
