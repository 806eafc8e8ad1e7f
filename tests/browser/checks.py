"""The checks the browser tests make on a page, as functions that raise AssertionError.

Kept apart from the tests so the tests of the tests (test_checks.py) can run the very same checks
on pages built to fail them, and bench/bench_ui.py can time the same slider moves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Locator, Page, Request, Route
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ERROR_OUTPUTS = (
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]',
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]',
)
# What a student sees where a widget should be but is not: JupyterLab's message when a view
# fails, ipywidgets' text fallback, and gatelab's own repr of a playground.
WIDGET_FAILURES = (
    "Error displaying widget",
    "run the notebook to use the sliders",
    "(children=(",  # VBox(children=(...)): a widget's repr shown as text
    "A Jupyter widget could not be displayed",
)
# The top-level widget of a cell's output: a playground when it holds a control.
WIDGET_ROOTS = ".jp-Notebook .jp-OutputArea-output > .jupyter-widgets"
CONTROLS = (
    ".widget-slider, .widget-dropdown, .widget-toggle-buttons, .widget-select, .gatelab-readout"
)
SLIDER_HANDLES = ".noUi-handle"
# How long one arrow step may take to show before the slider is tried with a jump instead.
STEP_TIMEOUT_MS = 10_000

# The playground's picture of itself: its text and image sources with the controls taken out
# (a slider's own readout changes with every move; that is not the playground answering).
# Independent of how the playground draws: an Output redrawn, an Image or HTML widget updated.
SNAPSHOT_JS = """
(box) => {
  const copy = box.cloneNode(true);
  copy.querySelectorAll(CONTROLS).forEach((control) => control.remove());
  const images = [...copy.querySelectorAll('img')].map((img) => img.getAttribute('src'));
  return JSON.stringify({text: copy.textContent.replace(/\\s+/g, ' ').trim(), images});
}
""".replace("CONTROLS", json.dumps(CONTROLS))

# Watch one playground from the key press to its last change: window.__watch.t0 is when the key
# went down, .last when the snapshot last changed, .changed whether it differs from the start.
WATCH_JS = """
(box) => {
  const snapshot = SNAPSHOT;
  const watch = {start: snapshot(box), t0: null, last: null, changed: false};
  watch.previous = watch.start;
  document.addEventListener('keydown', () => { watch.t0 = performance.now(); },
                            {capture: true, once: true});
  watch.observer = new MutationObserver(() => {
    const now = snapshot(box);
    if (now !== watch.previous) {
      watch.previous = now;
      watch.last = performance.now();
      watch.changed = now !== watch.start;
    }
  });
  watch.observer.observe(box, {subtree: true, childList: true, attributes: true,
                               characterData: true});
  window.__watch = watch;
}
""".replace("SNAPSHOT", SNAPSHOT_JS.strip())

# Done when the playground differs from before and has been still for `quiet` ms: an Output
# that is cleared, then gets an image, then text, is timed to its last piece.
SETTLED_JS = """
(quiet) => window.__watch.changed && performance.now() - window.__watch.last > quiet
"""


@dataclass
class SliderMove:
    """One key press on one slider of a playground, and what the playground showed."""

    playground: str
    slider: str
    key: str
    before: str
    after: str | None = None
    milliseconds: float | None = None

    @property
    def changed(self) -> bool:
        """Whether the playground's output changed after the key press."""
        return self.after is not None and self.after != self.before


def check_no_error_output(page: Page) -> None:
    """No cell (and no widget's output) shows a traceback or anything on stderr."""
    problems = []
    for selector in ERROR_OUTPUTS:
        for output in page.locator(selector).all():
            problems.append(output.inner_text()[-1500:])
    assert not problems, "error output in the notebook:\n\n" + "\n---\n".join(problems)


def check_widgets_rendered(page: Page) -> None:
    """Every widget shows as a widget: no error message, no text fallback in its place."""
    text = page.locator(".jp-Notebook").inner_text()
    found = [failure for failure in WIDGET_FAILURES if failure in text]
    assert not found, f"widgets not rendered, the page says: {found}"


def check_every_cell_ran(prompts: list[str]) -> None:
    """Every code cell has an execution count: Run All did not stop part-way."""
    not_run = [i for i, prompt in enumerate(prompts) if not prompt.strip("[]: ").isdigit()]
    assert prompts and not not_run, f"code cells not run (by position): {not_run} of {prompts}"


def playgrounds(page: Page) -> list[Locator]:
    """Every widget box in the notebook's outputs that holds a slider."""
    roots = page.locator(WIDGET_ROOTS).all()
    return [root for root in roots if root.locator(SLIDER_HANDLES).count()]


def playground_title(box: Locator) -> str:
    """The playground's bold title, else the start of its text."""
    bold = box.locator("b").first
    text = bold.inner_text() if bold.count() else box.inner_text()
    return text.strip().splitlines()[0][:60]


def snapshot(box: Locator) -> str:
    """What the playground shows right now, controls left out (JSON text)."""
    return box.evaluate(SNAPSHOT_JS)


def slider_name(handle: Locator) -> str:
    """A slider's description label, e.g. 'input x1'."""
    label = handle.locator("xpath=ancestor::div[contains(@class, 'widget-slider')]//label").first
    return label.inner_text().strip() or "(no label)"


def key_for(handle: Locator) -> str:
    """ArrowRight, unless the slider is at its maximum already (then ArrowLeft)."""
    now, top = handle.get_attribute("aria-valuenow"), handle.get_attribute("aria-valuemax")
    return "ArrowLeft" if now is not None and now == top else "ArrowRight"


def move_slider(
    page: Page,
    box: Locator,
    index: int,
    key: str | None = None,
    timeout_ms: float = 30_000,
    quiet_ms: float = 300,
) -> SliderMove:
    """Focus slider `index` of the playground, press a key, wait for the output to settle.

    The key is one arrow step (`key_for`) unless given: Home and End jump to the ends.
    """
    handle = box.locator(SLIDER_HANDLES).nth(index)
    handle.scroll_into_view_if_needed()
    handle.focus()
    key = key or key_for(handle)
    box.evaluate(WATCH_JS)
    move = SliderMove(playground_title(box), slider_name(handle), key, snapshot(box))
    page.keyboard.press(key)
    try:
        page.wait_for_function(SETTLED_JS, arg=quiet_ms, timeout=timeout_ms, polling=20)
    except PlaywrightTimeout:  # no change within the timeout: move.changed stays False
        return move
    finally:
        watch = page.evaluate(
            "() => { window.__watch.observer.disconnect(); "
            "return {t0: window.__watch.t0, last: window.__watch.last}; }"
        )
    move.after = snapshot(box)
    if watch["t0"] is not None and watch["last"] is not None:
        move.milliseconds = watch["last"] - watch["t0"]
    return move


def check_sliders_change_output(
    page: Page, box: Locator, timeout_ms: float = 30_000
) -> list[SliderMove]:
    """Each slider of the playground, moved with the keyboard, changes what it shows.

    First one arrow step. One step may rightly change nothing (one epoch fewer than training
    needed anyway), so a slider whose step did not show gets a jump to its other end (Home or
    End), which must.
    """
    moves = []
    for index in range(box.locator(SLIDER_HANDLES).count()):
        move = move_slider(page, box, index, timeout_ms=min(timeout_ms, STEP_TIMEOUT_MS))
        if not move.changed:
            jump = "Home" if move.key == "ArrowLeft" else "End"
            move = move_slider(page, box, index, key=jump, timeout_ms=timeout_ms)
        moves.append(move)
    stuck = [f"{move.slider!r} ({move.key})" for move in moves if not move.changed]
    assert moves, "the playground has no slider"
    assert not stuck, (
        f"playground {moves[0].playground!r}: its output did not change within "
        f"{timeout_ms / 1000:.0f} s after a key press on {', '.join(stuck)}"
    )
    return moves


@dataclass
class OtherHosts:
    """Requests a page made to any host but the one it was served from: aborted and kept."""

    allowed: str  # scheme://host:port
    blocked: list[str] = field(default_factory=list)

    def route(self, route: Route, request: Request) -> None:
        """Let requests to the page's own server through; abort and record every other."""
        if _origin(request.url) == self.allowed or request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(request.url)
            route.abort()

    def check(self) -> None:
        """Fail if the page asked any other host."""
        assert not self.blocked, f"the page requested other hosts: {self.blocked}"


def block_other_hosts(page: Page, base_url: str) -> OtherHosts:
    """Abort and record every request from `page` to a host that is not `base_url`'s."""
    hosts = OtherHosts(_origin(base_url))
    page.route("**/*", hosts.route)
    return hosts


def _origin(url: str) -> str:
    """scheme://host:port of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
