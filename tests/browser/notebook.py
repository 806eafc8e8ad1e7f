"""What a student does with a lesson in JupyterLab, as Playwright steps: open it, run it all.

Shared by the tests and bench/bench_ui.py.
"""

from __future__ import annotations

import time

from playwright.sync_api import Page

CODE_PROMPTS = ".jp-Notebook .jp-CodeCell .jp-InputArea-prompt"


def open_notebook(page: Page, url: str, timeout_ms: float = 120_000) -> None:
    """Open a notebook, wait until its kernel is idle, and hide the side panel (more lesson)."""
    page.goto(url)
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=timeout_ms)
    wait_for_kernel(page, "Idle", timeout_ms)
    # The file browser takes a quarter of the screen; the screenshots show the lesson instead.
    open_panel = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if open_panel.count():
        page.evaluate("() => window.jupyterapp.commands.execute('application:toggle-left-area')")
        open_panel.wait_for(state="detached", timeout=timeout_ms)


def kernel_status(page: Page) -> str:
    """The kernel's status word from the status bar: Idle, Busy, Starting, Restarting, ..."""
    text = page.locator(".jp-StatusBar-Widget .jp-StatusBar-TextItem", has_text=" | ").first
    return text.inner_text().rsplit("|", 1)[-1].strip()


def wait_for_kernel(page: Page, status: str, timeout_ms: float) -> None:
    """Wait until the status bar says the kernel is `status` (e.g. Idle)."""
    page.locator(".jp-StatusBar-TextItem", has_text=f"| {status}").first.wait_for(
        timeout=timeout_ms
    )


def restart_and_run_all(page: Page, timeout_ms: float = 600_000) -> float:
    """Kernel > Restart Kernel and Run All Cells…, confirm, wait for the end: seconds taken."""
    started = time.monotonic()
    page.locator(".lm-MenuBar-itemLabel", has_text="Kernel").click()
    page.locator(".lm-Menu-itemLabel", has_text="Restart Kernel and Run All Cells").click()
    dialog = page.locator(".jp-Dialog")
    dialog.locator(".jp-Dialog-button.jp-mod-accept").click()
    dialog.wait_for(state="detached", timeout=timeout_ms)
    # Run All queues every cell at once ([*]); it has finished when none is queued or running
    # and the kernel is idle again.
    page.locator(CODE_PROMPTS, has_text="[*]").first.wait_for(timeout=timeout_ms)
    page.wait_for_function(
        """(selector) => ![...document.querySelectorAll(selector)]
               .some(prompt => prompt.textContent.includes('[*]'))""",
        arg=CODE_PROMPTS,
        timeout=timeout_ms,
        polling=250,
    )
    wait_for_kernel(page, "Idle", timeout_ms)
    return time.monotonic() - started


def code_prompts(page: Page) -> list[str]:
    """The prompt of every code cell, e.g. ['[1]:', '[2]:', '[ ]:']."""
    return [text.strip() for text in page.locator(CODE_PROMPTS).all_text_contents()]
