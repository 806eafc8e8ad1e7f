"""How fast the lessons' playgrounds answer a slider in a real browser: key press -> new output.

For each lesson: open it in a test JupyterLab (headless Debian Chromium, as tests/browser does),
Restart Kernel and Run All, then for every slider of every playground press the arrow keys
`--moves` times (right, left, right, ... so it stays in range) and time each press from the
keydown event to the playground's last change on screen (its text and images, the controls left
out), the same change the browser tests wait for. Prints p50 and p95 in ms per slider.

    python bench/bench_ui.py [--moves 20] [--lessons 01 02 03 04]

A benchmark, not a test: nothing fails on a slow figure. The machine's load is printed with the
table, since other work on the same cores slows every figure down.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))  # the browser tests' own helpers

from checks import SLIDER_HANDLES, move_slider, playground_title, playgrounds, slider_name  # noqa: E402
from lab import NOTEBOOKS, VIEWPORT, launch_chromium, running_jupyterlab  # noqa: E402
from notebook import open_notebook, restart_and_run_all  # noqa: E402
from playwright.sync_api import Locator, Page, sync_playwright  # noqa: E402

OPPOSITE = {"ArrowRight": "ArrowLeft", "ArrowLeft": "ArrowRight"}


@dataclass
class Row:
    """The timings of one slider of one playground."""

    lesson: str
    playground: str
    slider: str
    milliseconds: list[float]
    note: str = ""

    def percentile(self, share: float) -> float | None:
        """The share-th percentile of the timings (0.5: the median), None without timings."""
        if not self.milliseconds:
            return None
        if len(self.milliseconds) == 1:
            return self.milliseconds[0]
        cuts = statistics.quantiles(self.milliseconds, n=100, method="inclusive")
        return cuts[round(share * 100) - 1]


def time_slider(page: Page, box: Locator, index: int, moves: int) -> tuple[list[float], str]:
    """Press the slider's arrow keys `moves` times, back and forth: ms per press, and a note."""
    first = move_slider(page, box, index, timeout_ms=10_000)
    if not first.changed:
        return [], "one step changes nothing on screen"
    timings = [first.milliseconds]
    key = OPPOSITE[first.key]
    for _ in range(moves - 1):
        move = move_slider(page, box, index, key=key, timeout_ms=30_000)
        if not move.changed:
            return timings, f"a press ({key}) changed nothing within 30 s"
        timings.append(move.milliseconds)
        key = OPPOSITE[key]
    return timings, ""


def bench_lesson(page: Page, url: str, lesson: str, moves: int) -> list[Row]:
    """Run the lesson, then time every slider of each of its playgrounds."""
    open_notebook(page, url)
    restart_and_run_all(page)
    rows = []
    for box in playgrounds(page):
        title = playground_title(box)
        for index in range(box.locator(SLIDER_HANDLES).count()):
            name = slider_name(box.locator(SLIDER_HANDLES).nth(index))
            timings, note = time_slider(page, box, index, moves)
            rows.append(Row(lesson, title, name, timings, note))
            print(f"  {lesson} {title} / {name}: {len(timings)} moves {note}", file=sys.stderr)
    return rows


def print_table(rows: list[Row]) -> None:
    """One line per slider: lesson, playground, slider, moves timed, p50 and p95 in ms."""
    print("| lesson | playground | slider | moves | p50 ms | p95 ms |")
    print("| --- | --- | --- | ---: | ---: | ---: |")
    for row in rows:
        p50, p95 = row.percentile(0.5), row.percentile(0.95)
        numbers = f"{p50:.0f} | {p95:.0f}" if p50 is not None else f"- | - ({row.note})"
        print(
            f"| {row.lesson} | {row.playground} | {row.slider} | {len(row.milliseconds)} | "
            f"{numbers} |"
        )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--moves", type=int, default=20, help="key presses per slider (20)")
    parser.add_argument(
        "--lessons", nargs="*", default=[], help="lesson numbers, e.g. 01 04 (default: all)"
    )
    args = parser.parse_args(argv)
    lessons = sorted(
        path.name
        for path in NOTEBOOKS.glob("0*.ipynb")
        if not args.lessons or path.name[:2] in args.lessons
    )
    load_before = os.getloadavg()
    started = time.monotonic()
    rows: list[Row] = []
    with (
        tempfile.TemporaryDirectory(prefix="gatelab-bench-ui-") as work,
        running_jupyterlab(Path(work)) as lab,
        sync_playwright() as playwright,
    ):
        browser = launch_chromium(playwright)
        for lesson in lessons:
            page = browser.new_page(viewport=VIEWPORT)
            rows += bench_lesson(page, lab.tree_url(lesson), lesson[:2], args.moves)
            page.close()
            lab.shut_down_kernels()
        browser.close()
    print_table(rows)
    load_after = os.getloadavg()
    print(
        f"\n{args.moves} key presses per slider, keydown -> last change on screen; "
        f"{time.monotonic() - started:.0f} s in all; {os.cpu_count()} CPUs, load average "
        f"{load_before[0]:.1f} before and {load_after[0]:.1f} after"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
