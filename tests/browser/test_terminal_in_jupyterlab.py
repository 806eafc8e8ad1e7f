"""Lesson 06 the way a student runs it: a JupyterLab terminal, `fastapi dev main.py`, check_api.

The student's files come from lesson 06's %%writefile cells; the terminal is opened from the
launcher (it starts in the folder the file list shows), and the commands are typed into it.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

import httpx
from lab import NOTEBOOKS, free_port

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from lesson_files import write_lesson_files

from gatelab import check_api

LESSON = NOTEBOOKS / "06_serving_gates_with_fastapi.ipynb"


def wait_for_server(url: str, timeout: float) -> None:
    """Poll url/docs until the server answers, or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(f"{url}/docs", timeout=2).status_code == 200:
                return
        time.sleep(0.5)
    raise AssertionError(f"fastapi dev did not answer at {url} within {timeout} s")


def open_terminal(page, lab) -> None:
    """The launcher's Terminal tile (the blue + above the file list), as lesson 06 says."""
    page.goto(f"{lab.url}/lab/workspaces/terminal?token={lab.token}")
    page.locator(
        ".jp-FileBrowser .jp-ToolbarButtonComponent[data-command='launcher:create']"
    ).click()
    page.locator(".jp-LauncherCard", has_text="Terminal").first.click()
    page.locator(".jp-Terminal .xterm-screen").wait_for(timeout=30_000)
    page.locator(".jp-Terminal .xterm-screen").click()


def test_fastapi_dev_in_a_jupyterlab_terminal_passes_check_api(lab, page):
    write_lesson_files(LESSON, lab.root_dir / "my_gate_api")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    open_terminal(page, lab)
    page.keyboard.type("ls\n")
    page.keyboard.type(f"cd my_gate_api && fastapi dev main.py --port {port}\n")
    try:
        wait_for_server(url, timeout=90)
        report = check_api(url)
        assert report.ok, str(report)
    finally:
        page.keyboard.press("Control+C")  # how the lesson says to stop it
        for terminal in lab.api("GET", "/api/terminals").json():
            lab.api("DELETE", f"/api/terminals/{terminal['name']}")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1)
        except httpx.TransportError:
            break
        time.sleep(0.5)
    else:
        raise AssertionError("fastapi dev still answers after Ctrl+C and closing the terminal")
