"""Safety: the store never runs code from a file; nothing unpickles outside lesson 05."""

import ast
import json
import pickle
from pathlib import Path

import pytest

from gatelab.store import CorruptModel, ModelNotFound, ModelStore

ROOT = Path(__file__).resolve().parent.parent
# The model store and the modules it reads files with.
STORE_MODULES = ["store.py", "model_files.py", "model_info.py", "store_errors.py"]
# The one place allowed to call pickle's loaders: the lesson that shows why they are dangerous.
PICKLE_LESSON = "notebooks/05_saving_and_loading.ipynb"


@pytest.mark.parametrize("filename", ["AND.json", "XOR.safetensors", "NOT.json"])
def test_a_malicious_pickle_under_a_model_name_is_refused_and_never_runs(
    tmp_path, malicious, filename
):
    data, marker = malicious
    store = ModelStore(tmp_path / "models")
    (store.directory / filename).write_bytes(data)
    gate = filename.split(".")[0]
    for call in (store.load, store.info, store.load_with_info):
        with pytest.raises(CorruptModel, match="pickle"):
            call(gate)
    assert store.list() == []
    assert not marker.exists()


@pytest.mark.parametrize("protocol", [0, 1, 2, pickle.HIGHEST_PROTOCOL])
def test_a_pickle_of_any_protocol_is_named_as_one_and_never_runs(tmp_path, protocol):
    # Protocols 0 and 1 have no header: pickletools reads their instructions without running them.
    from conftest import WritesMarker

    marker = tmp_path / "marker.txt"
    store = ModelStore(tmp_path / "models")
    (store.directory / "NAND.json").write_bytes(pickle.dumps(WritesMarker(marker), protocol))
    with pytest.raises(CorruptModel, match="it looks like a Python pickle"):
        store.load("NAND")
    assert not marker.exists()


@pytest.mark.parametrize("filename", ["AND.pkl", "AND.pickle", "AND.pt", "AND"])
def test_pickles_under_other_names_are_ignored(tmp_path, malicious, filename):
    data, marker = malicious
    store = ModelStore(tmp_path / "models")
    (store.directory / filename).write_bytes(data)
    with pytest.raises(ModelNotFound):
        store.load("AND")
    assert store.list() == []
    assert not marker.exists()


def test_a_pickle_inside_safetensors_metadata_is_just_text(tmp_path, malicious):
    from safetensors.numpy import save

    data, marker = malicious
    store = ModelStore(tmp_path / "models")
    blob = {"gatelab": data.hex(), "pickle": data.decode("latin-1")}
    (store.directory / "XOR.safetensors").write_bytes(save({}, metadata=blob))
    with pytest.raises(CorruptModel):
        store.load("XOR")
    assert not marker.exists()


# ----- a grep-style scan of every source file -----------------------------------------------------
def sources():
    """(relative path, Python source) for gatelab/, tests/ and every notebook's code cells."""
    for folder in ("gatelab", "tests"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = [
            # IPython magics and shell escapes are not Python: blank them out before parsing.
            "\n".join("" if line.lstrip()[:1] in "%!" else line for line in cell_source(cell))
            for cell in cells
            if cell["cell_type"] == "code"
        ]
        yield path.relative_to(ROOT).as_posix(), "\n\n".join(code)


def cell_source(cell):
    source = cell["source"]
    return ("".join(source) if isinstance(source, list) else source).splitlines()


def dotted(node):
    """'torch.load' for the expression torch.load, None for anything more complex."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return ".".join([node.id, *reversed(parts)])
    return None


def keyword_is_true(call, name):
    return any(
        kw.arg == name and isinstance(kw.value, ast.Constant) and kw.value.value is True
        for kw in call.keywords
    )


UNPICKLERS = {"pickle.load", "pickle.loads", "pickle.Unpickler", "_pickle.load", "_pickle.loads"}
UNSAFE_ELSEWHERE = {
    "dill.load",
    "dill.loads",
    "joblib.load",
    "pandas.read_pickle",
    "pd.read_pickle",
}


def unsafe_calls(source):
    """Describe every unpickling call and every torch.load without weights_only=True."""
    found = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in ("pickle", "_pickle"):
            loaders = [a.name for a in node.names if a.name in ("load", "loads", "Unpickler")]
            if loaders:
                found.append(("pickle", f"from {node.module} import {', '.join(loaders)}"))
        if not isinstance(node, ast.Call):
            continue
        name = dotted(node.func)
        if name in UNPICKLERS:
            found.append(("pickle", name))
        elif name in UNSAFE_ELSEWHERE:
            found.append(("other", name))
        elif name == "torch.load" and not keyword_is_true(node, "weights_only"):
            found.append(("other", "torch.load without weights_only=True"))
        elif name in ("np.load", "numpy.load") and keyword_is_true(node, "allow_pickle"):
            found.append(("other", f"{name} with allow_pickle=True"))
    return found


def test_the_scan_catches_what_it_should():
    # Built by joining pieces so this file's own text never reads as a real call.
    load = "lo" + "ad"
    bad = [
        f"import pickle\npickle.{load}(f)",
        f"import pickle\npickle.{load}s(b)",
        f"from pickle import {load}s",
        f"torch.{load}('m.pt')",
        f"torch.{load}('m.pt', weights_only=False)",
        f"np.{load}('a.npy', allow_pickle=True)",
    ]
    for source in bad:
        assert unsafe_calls(source), source
    good = [f"torch.{load}('m.pt', weights_only=True)", "pickle.dumps(x)", "json.loads(s)"]
    for source in good:
        assert not unsafe_calls(source), source


def test_no_unpickling_outside_lesson_05_and_torch_load_only_with_weights_only():
    problems = []
    scanned = 0
    for relative, source in sources():
        scanned += 1
        for kind, what in unsafe_calls(source):
            if kind == "pickle" and relative == PICKLE_LESSON:
                continue  # the lesson demonstrates the danger on purpose
            problems.append(f"{relative}: {what}")
    assert scanned >= 5
    assert problems == []


@pytest.mark.parametrize("module", STORE_MODULES)
def test_the_store_modules_have_no_pickle_or_torch_load_at_all(module):
    source = (ROOT / "gatelab" / module).read_text(encoding="utf-8")
    tree = ast.parse(source)
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not imported & {"pickle", "_pickle", "dill", "joblib"}
    called = {dotted(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    assert "torch.load" not in called


def test_model_files_are_written_through_the_store_only_atomically():
    # The store is the one writer of model files, and it renames a finished temp file into place.
    source = (ROOT / "gatelab" / "store.py").read_text(encoding="utf-8")
    assert "os.replace" in source and "mkstemp(dir=" in source and "os.fsync" in source
