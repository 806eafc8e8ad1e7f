"""Lesson 06's own files, served the way the student serves them: `fastapi dev main.py`.

The test writes the lesson's %%writefile cells (my_gate_api/model.py and main.py) into a temporary
folder, starts `fastapi dev` there in its own process group, and runs gatelab's check_api on it.
"""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import nbformat
import pytest
from lesson_files import lesson_files, write_lesson_files
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from gatelab import check_api
from gatelab.network import free_port

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("06_*.ipynb"))
STUDENT_FILES = {"model.py", "main.py"}
START_SECONDS = 30  # fastapi dev starts in a few seconds; more means it is stuck


def fastapi_command() -> Path:
    """The `fastapi` command installed beside this Python (fastapi[standard] brings it)."""
    folder = Path(sys.executable).parent
    found = [folder / name for name in ("fastapi", "fastapi.exe") if (folder / name).exists()]
    assert found, f'no fastapi command in {folder}: install "fastapi[standard]"'
    return found[0]


def stop_group(process: subprocess.Popen) -> None:
    """Stop the server and its reloader child: the whole process group, by force if need be."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return  # the group is gone already
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        if sig == signal.SIGTERM:
            time.sleep(0.2)  # the reloader waits for its server child; then the group is empty


@contextmanager
def fastapi_dev(folder: Path, log: Path) -> Iterator[str]:
    """Run `fastapi dev main.py` in `folder` until the block ends; yield the server's URL."""
    port = free_port()
    command = [fastapi_command(), "dev", "main.py", "--port", str(port), "--host", "127.0.0.1"]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=folder, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_it_answers(process, url, log)
        yield url
    finally:
        stop_group(process)


def wait_until_it_answers(process: subprocess.Popen, url: str, log: Path) -> None:
    """Return once the server answers at `url`; fail with its log if it stops or takes too long."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"fastapi dev stopped with {process.returncode}:\n{log.read_text()}")
        try:
            httpx.get(f"{url}/openapi.json", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    pytest.fail(f"fastapi dev did not answer within {START_SECONDS} s:\n{log.read_text()}")


def serve_and_check(notebook: Path, tmp_path: Path) -> None:
    """Serve the notebook's student files with fastapi dev; check_api must find no fault."""
    files = lesson_files(notebook)
    if not files.keys() >= STUDENT_FILES:
        pytest.skip("lesson 06 has no %%writefile cells yet")
    folder = write_lesson_files(notebook, tmp_path / "my_gate_api")
    with fastapi_dev(folder, tmp_path / "fastapi.log") as url:
        report = check_api(url, quiet=True)
    assert report.ok, f"{report}\n{(tmp_path / 'fastapi.log').read_text()}"


@pytest.mark.slow  # `fastapi dev` in a child process
def test_lesson_06_api_served_with_fastapi_dev_passes_check_api(tmp_path):
    if not LESSONS:
        pytest.skip("lesson 06 is not in notebooks/")
    serve_and_check(LESSONS[0], tmp_path)


def test_lesson_files_reads_writefile_cells_like_jupyter(tmp_path):
    cells = [
        new_markdown_cell("%%writefile not_code.py\nmarkdown is not run"),
        new_code_cell("%%writefile my_gate_api/model.py\nfirst = 1"),
        new_code_cell("print('no magic')"),
        new_code_cell('%%writefile "my_gate_api/main.py"\napp = None\n'),
        new_code_cell("%%writefile my_gate_api/model.py\nsecond = 2"),  # overwrites the first
        new_code_cell("%%writefile -a my_gate_api/model.py\nmore = 3"),  # appends
    ]
    notebook = tmp_path / "06_lesson.ipynb"
    nbformat.write(new_notebook(cells=cells), notebook)
    expected = {"model.py": "second = 2\nmore = 3\n", "main.py": "app = None\n"}
    assert lesson_files(notebook) == expected
    folder = write_lesson_files(notebook, tmp_path / "api")
    assert sorted(path.name for path in folder.iterdir()) == ["main.py", "model.py"]
    assert (folder / "main.py").read_text() == "app = None\n"
