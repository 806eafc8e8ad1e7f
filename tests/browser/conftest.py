"""Fixtures of the browser tests: Chromium, a test JupyterLab, `gatelab serve`, and a page that
leaves a screenshot and its console log behind when its test fails.

Run with `make test-browser` (or `pytest tests/browser`); `pytest tests` leaves them out
(tests/conftest.py), so `make test` needs no browser.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from checks import playgrounds
from lab import ROOT, VIEWPORT, JupyterLab, launch_chromium, running_jupyterlab
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from gatelab.server import ServerProcess, start_server_process

ARTIFACTS = ROOT / "build" / "browser-artifacts"


def pytest_addoption(parser: pytest.Parser) -> None:
    """--screenshots=all keeps a screenshot of every test, not only of the failed ones."""
    parser.addoption(
        "--screenshots",
        choices=("failed", "all"),
        default="failed",
        help="which browser tests leave a screenshot and console log (default: failed)",
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Keep each phase's report on the test, so the page fixture knows whether its test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Say where the screenshots and console logs are (CI prints this line)."""
    saved = sorted(ARTIFACTS.glob("*/console.log")) if ARTIFACTS.exists() else []
    terminalreporter.write_sep("-", "browser artifacts")
    terminalreporter.write_line(
        f"screenshots and console logs ({len(saved)} test(s)) are saved in: {ARTIFACTS}"
    )


@pytest.fixture(scope="session", autouse=True)
def fresh_artifacts() -> None:
    """Start each run with an empty artifacts directory: what is in it is from this run."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium, for the whole run."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JupyterLab]:
    """A JupyterLab on a fresh copy of notebooks/, with a token, stopped at the end."""
    with running_jupyterlab(tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


@pytest.fixture(scope="session")
def api_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """`gatelab serve` in a child process on a free port, with its own empty model directory."""
    with start_server_process(tmp_path_factory.mktemp("models")) as server:
        yield server


@dataclass
class PageLog:
    """What the page said in its console, and the JavaScript errors it threw."""

    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        """Keep one console line, with its type and where it came from."""
        where = message.location.get("url", "")
        self.console.append(f"[{message.type}] {message.text}  ({where})")

    def on_page_error(self, error: Exception) -> None:
        """Keep an uncaught exception of the page."""
        self.errors.append(str(error))
        self.console.append(f"[pageerror] {error}")

    def check_no_page_errors(self) -> None:
        """Fail if the page threw an uncaught JavaScript error."""
        assert not self.errors, f"errors in the page: {self.errors}"


@pytest.fixture
def page_log() -> PageLog:
    """The console of the test's page (filled by the `page` fixture)."""
    return PageLog()


@pytest.fixture
def page(browser: Browser, page_log: PageLog, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser page; on failure its screenshot and console log go to ARTIFACTS."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.on("console", page_log.on_console)
    page.on("pageerror", page_log.on_page_error)
    yield page
    failed = any(
        getattr(request.node, f"report_{when}", None) is not None
        and getattr(request.node, f"report_{when}").failed
        for when in ("setup", "call")
    )
    if failed or request.config.getoption("--screenshots") == "all":
        save_artifacts(page, page_log, request.node.name)
    context.close()


def save_artifacts(page: Page, log: PageLog, test_name: str) -> Path:
    """Save a screenshot, one per playground and the console log of a test in ARTIFACTS/<test>/."""
    folder = ARTIFACTS / re.sub(r"[^A-Za-z0-9_.-]+", "-", test_name).strip("-")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=folder / "screenshot.png", full_page=True, timeout=30_000)
        # The page shows only the end of a lesson; each playground as a student last saw it.
        for number, box in enumerate(playgrounds(page), start=1):
            box.screenshot(path=folder / f"playground-{number}.png", timeout=30_000)
    except Exception as exc:  # a crashed page still leaves its console log
        (folder / "screenshot-failed.txt").write_text(str(exc))
    (folder / "console.log").write_text("\n".join(log.console) + "\n")
    return folder
