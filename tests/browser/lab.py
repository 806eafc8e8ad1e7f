"""The servers and the browser the browser tests drive: a test JupyterLab and Debian's Chromium.

Shared by the tests (tests/browser/conftest.py) and by bench/bench_ui.py. Nothing here downloads
a browser: Chromium is the system's (`apt-get install chromium`), launched by Playwright through
`executable_path`.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from playwright.sync_api import Browser, Playwright

from gatelab.network import free_port

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
CHROMIUM = Path(os.environ.get("GATELAB_CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags Chromium stalls on a closed network; --no-sandbox
# because CI runs as root, where Chromium's sandbox refuses to start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 1000}
# JupyterLab's own settings for the test server: no "get Jupyter news?" toast over the lesson and
# no update check (both would ask a host on the internet).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    # Every cell in the page, scrolled to or not, so the checks see every output.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's headless Chromium, never a downloaded browser."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(
            f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium` "
            "(or point $GATELAB_CHROMIUM at one); `playwright install` is not used"
        )
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def copy_lessons(destination: Path) -> Path:
    """Copy notebooks/ (lessons, images) to `destination`: the tests never touch the originals."""
    shutil.copytree(NOTEBOOKS, destination, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return destination


@dataclass
class JupyterLab:
    """A running test JupyterLab: its address and token, and `stop()`."""

    url: str
    token: str
    root_dir: Path
    process: subprocess.Popen = field(repr=False)
    log_path: Path = field(repr=False)

    def tree_url(self, name: str, workspace: str | None = None) -> str:
        """The address that opens `name` (a path under root_dir) in JupyterLab.

        A workspace of its own (by default named after the file) keeps JupyterLab from
        reopening the notebooks an earlier test had open, each with a kernel.
        """
        workspace = workspace or str(Path(name).with_suffix("")).replace("/", "-").replace("_", "-")
        return f"{self.url}/lab/workspaces/{workspace}/tree/{name}?token={self.token}"

    def api(self, method: str, path: str) -> httpx.Response:
        """One call to the Jupyter server's REST API (e.g. GET /api/kernels)."""
        headers = {"Authorization": f"token {self.token}"}
        return httpx.request(method, f"{self.url}{path}", headers=headers, timeout=30)

    def shut_down_kernels(self) -> None:
        """Stop every kernel, so the next lesson does not share the two cores with this one."""
        for kernel in self.api("GET", "/api/kernels").json():
            self.api("DELETE", f"/api/kernels/{kernel['id']}")

    def stop(self, timeout: float = 20) -> None:
        """Stop the server (SIGTERM, as Ctrl+C would), and its kernels with it."""
        if self.process.poll() is None:
            with contextlib.suppress(httpx.HTTPError):
                self.shut_down_kernels()
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_jupyterlab(root_dir: Path, work_dir: Path, timeout: float = 120) -> JupyterLab:
    """Start JupyterLab from this venv on a free port with a random token; return once it is up."""
    token = secrets.token_hex(16)
    port = free_port()
    settings_dir = work_dir / "lab-settings"
    for name, values in LAB_SETTINGS.items():
        path = settings_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    jupyter = Path(sys.executable).with_name("jupyter")
    command = [
        str(jupyter),
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        f"--LabApp.user_settings_dir={settings_dir}",
        f"--LabApp.workspaces_dir={work_dir / 'lab-workspaces'}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        # As `make lab` does: not a login shell, which would set PATH anew from /etc/profile.
        f"--ServerApp.terminado_settings=shell_command={os.environ.get('SHELL') or '/bin/sh'}",
        # window.jupyterapp: lets the tests close side panels and read the kernel's state.
        "--LabApp.expose_app_in_browser=True",
    ]
    if os.getuid() == 0:  # containers and CI run as root, which Jupyter refuses without this
        command.append("--allow-root")
    # A config and runtime directory of its own: nobody's ~/.jupyter changes what is tested.
    # The venv's bin first on PATH, as `make lab` does: a terminal finds `fastapi` there.
    environment = dict(
        os.environ,
        PATH=f"{jupyter.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        JUPYTER_CONFIG_DIR=str(work_dir / "jupyter-config"),
        JUPYTER_RUNTIME_DIR=str(work_dir / "jupyter-runtime"),
    )
    log_path = work_dir / "jupyterlab.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, env=environment, cwd=root_dir
        )
    lab = JupyterLab(f"http://127.0.0.1:{port}", token, root_dir, process, log_path)
    _wait_until_ready(lab, timeout)
    return lab


def _wait_until_ready(lab: JupyterLab, timeout: float) -> None:
    """Poll GET /api/status until the server answers; fail with its log if it exits or hangs."""
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(httpx.TransportError):
            if lab.api("GET", "/api/status").status_code == 200:
                return
        if lab.process.poll() is not None or time.monotonic() > deadline:
            lab.stop()
            log = lab.log_path.read_text()[-3000:]
            raise RuntimeError(f"JupyterLab did not start within {timeout} s:\n{log}")
        time.sleep(0.2)


@contextlib.contextmanager
def running_jupyterlab(work_dir: Path) -> Iterator[JupyterLab]:
    """A test JupyterLab on a fresh copy of the lessons in work_dir, stopped at the end."""
    lab = start_jupyterlab(copy_lessons(work_dir / "notebooks"), work_dir)
    try:
        yield lab
    finally:
        lab.stop()
