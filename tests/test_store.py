"""The model store: round trips for every gate, clear errors for every bad file, atomic writes."""

import json
import os
import re
import subprocess
import sys
import time
from datetime import datetime

import numpy as np
import pytest
import torch  # a hard dependency: a broken install must fail here, not skip

from gatelab import GATE_NAMES, LINEAR_GATES, NotFittedError, Perceptron, train_gate, truth_table
from gatelab.mlp import train_gate_mlp
from gatelab.model_info import ModelInfo
from gatelab.store import (
    FORMAT_VERSION,
    CorruptModel,
    InvalidModelName,
    ModelNotFound,
    ModelStore,
    NameInUse,
    WrongModelKind,
)


@pytest.fixture(scope="module")
def trained():
    """One trained model per gate: perceptrons for linear gates, MLPs for XOR and XNOR."""
    models = {gate: train_gate(gate) for gate in LINEAR_GATES}
    models.update({gate: train_gate_mlp(gate, seed=0).model for gate in ("XOR", "XNOR")})
    return models


@pytest.fixture
def store(tmp_path):
    return ModelStore(tmp_path / "models")


@pytest.fixture(scope="module")
def xor_mlp():
    return train_gate_mlp("XOR", seed=0)


def predicts_truth_table(model, gate):
    X, y = truth_table(gate)
    return np.array_equal(np.asarray(model.predict(X)), y)


# ----- round trips ------------------------------------------------------------------------------
@pytest.mark.parametrize("gate", GATE_NAMES)
def test_round_trip_reproduces_the_truth_table(store, trained, gate):
    model = trained[gate]
    assert predicts_truth_table(model, gate)
    store.save(gate, model, seed=0)
    loaded = store.load(gate.lower())  # names are case-insensitive
    assert type(loaded) is type(model)
    assert predicts_truth_table(loaded, gate)


def test_loaded_perceptron_has_the_same_numbers(store, trained):
    store.save("AND", trained["AND"])
    loaded = store.load("AND")
    assert loaded.to_dict() == trained["AND"].to_dict()


def test_loaded_mlp_has_the_same_weights(store, xor_mlp):
    store.save("XOR", xor_mlp.model, seed=xor_mlp.seed, epochs=xor_mlp.epochs)
    loaded = store.load("XOR")
    for key, value in xor_mlp.model.state_dict().items():
        assert torch.equal(loaded.state_dict()[key], value)
    assert not loaded.training  # ready to predict


def test_an_mlp_can_be_stored_for_a_linear_gate_and_replaced_by_a_perceptron(store):
    mlp = train_gate_mlp("AND", seed=1).model
    store.save("AND", mlp)
    assert store.info("AND")["kind"] == "mlp"
    assert predicts_truth_table(store.load("AND"), "AND")
    store.save("AND", train_gate("AND"))
    assert store.info("AND")["kind"] == "perceptron"
    assert sorted(p.name for p in store.directory.iterdir()) == ["AND.json"]


def test_saving_a_new_model_replaces_the_old_one(store):
    store.save("OR", train_gate("OR", seed=1))
    store.save("OR", train_gate("OR", seed=2))
    assert store.info("OR")["seed"] == 2
    assert len(store.list()) == 1


# ----- metadata -------------------------------------------------------------------------------
def test_perceptron_metadata(store):
    metadata = store.save("nand", train_gate("NAND", seed=3), note="first try")
    assert metadata == store.info("NAND")
    assert metadata["gate"] == "NAND"
    assert metadata["kind"] == "perceptron"
    assert metadata["parameters"] == 3
    assert metadata["seed"] == 3
    assert metadata["epochs"] >= 1
    assert metadata["format_version"] == FORMAT_VERSION
    assert metadata["accuracy"] == 1.0
    assert metadata["converged"] is True
    assert metadata["learning_rate"] == 0.1
    assert metadata["note"] == "first try"
    assert datetime.fromisoformat(metadata["trained_at"]).utcoffset().total_seconds() == 0


def test_mlp_metadata_holds_the_architecture(store, xor_mlp):
    metadata = store.save(
        "XOR", xor_mlp.model, seed=0, epochs=300, learning_rate=0.05, final_loss=0.01
    )
    info = store.info("XOR")
    assert info == metadata
    assert info["kind"] == "mlp"
    assert info["architecture"] == {"n_inputs": 2, "hidden_size": 8, "activation": "tanh"}
    assert info["parameters"] == xor_mlp.model.parameter_count() == 33
    assert (info["seed"], info["epochs"], info["learning_rate"]) == (0, 300, 0.05)
    assert info["accuracy"] == 1.0


def test_an_mlp_remembers_its_training_settings_for_the_store(store):
    # Saved with no settings given: seed, epochs and learning rate come from train_mlp.
    metadata = store.save("XOR", train_gate_mlp("XOR", seed=3, epochs=200).model)
    assert (metadata["seed"], metadata["epochs"], metadata["learning_rate"]) == (3, 200, 0.05)
    # Given settings win; a loaded network saved again keeps what it was trained with.
    assert store.save("XOR", train_gate_mlp("XOR", seed=3).model, seed=9)["seed"] == 9
    again = store.save("XNOR", store.load("XOR"))
    assert (again["seed"], again["epochs"], again["learning_rate"]) == (9, 300, 0.05)


def test_an_mlp_built_by_hand_has_no_training_settings(store):
    from gatelab.mlp import GateMLP

    metadata = store.save("AND", GateMLP())  # untrained: wrong answers, but storable
    assert (metadata["seed"], metadata["epochs"]) == (None, None)
    assert "learning_rate" not in metadata


def test_load_with_info_returns_both(store, trained):
    store.save("NOT", trained["NOT"])
    model, info = store.load_with_info("not")
    assert model.predict([1]) == 0
    assert info["gate"] == "NOT"
    assert info["parameters"] == 2


def test_list_shows_every_readable_model_in_gate_order(store, trained):
    for gate in ("XOR", "OR", "AND"):
        store.save(gate, trained[gate])
    (store.directory / "NOR.json").write_text("{ truncated")
    (store.directory / "notes.txt").write_text("not a model")
    assert [m["gate"] for m in store.list()] == ["AND", "OR", "XOR"]
    assert ModelStore(store.directory / "empty").list() == []


@pytest.mark.parametrize(
    "extra", [{"architecture": {}}, {"kind": "mlp"}, {"parameters": 1}, {"format_version": 9}]
)
def test_extra_metadata_cannot_overwrite_what_the_store_sets(store, trained, extra):
    with pytest.raises(ValueError, match="set by the store"):
        store.save("AND", trained["AND"], **extra)


def test_extra_metadata_must_be_json(store, trained):
    with pytest.raises(ValueError, match="JSON"):
        store.save("AND", trained["AND"], weights=np.zeros(2))
    with pytest.raises(ValueError, match="JSON"):
        store.save("AND", trained["AND"], loss=float("nan"))
    assert not store.exists("AND")


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ({"learning_rate": "fast"}, "learning_rate must be a positive number"),
        ({"learning_rate": 0}, "learning_rate must be a positive number"),
        ({"accuracy": 1.5}, "accuracy must be a number from 0 to 1"),
        ({"accuracy": True}, "accuracy must be a number from 0 to 1"),
        ({"max_epochs": 2.5}, "max_epochs must be a whole number"),
        ({"converged": "yes"}, "converged must be true or false"),
    ],
)
def test_known_metadata_keys_must_have_their_type(store, trained, extra, words):
    # ModelInfo (the API's answer too) gives these keys a type: never write otherwise.
    with pytest.raises(ValueError, match=words):
        store.save("AND", trained["AND"], **extra)
    assert not store.exists("AND")


def test_one_metadata_schema_for_the_store_and_the_api(store, trained):
    from gatelab.api import ModelInfo as answered_by_the_api

    assert answered_by_the_api is ModelInfo
    for gate in ("AND", "XOR"):
        ModelInfo.model_validate(store.save(gate, trained[gate]), strict=True)


def test_known_metadata_keys_may_be_null(store, trained):
    info = store.save("AND", trained["AND"], max_epochs=None, learning_rate=None)
    assert info["max_epochs"] is None and info["learning_rate"] is None


# ----- names ----------------------------------------------------------------------------------
BAD_NAMES = [
    "",
    "  ",
    "../x",
    "a/b",
    "../AND",
    "AND/",
    "AND.json",
    "..",
    "/etc/passwd",
    "FOO",
    None,
]


@pytest.mark.parametrize("name", BAD_NAMES)
def test_bad_names_are_refused_everywhere(store, trained, name):
    calls = [
        lambda: store.save(name, trained["AND"]),
        lambda: store.load(name),
        lambda: store.load_with_info(name),
        lambda: store.info(name),
        lambda: store.exists(name),
        lambda: store.delete(name),
        lambda: store.version(name),
    ]
    for call in calls:
        with pytest.raises(InvalidModelName) as caught:
            call()
        assert "AND, OR, NAND, NOR, XOR, XNOR, NOT" in str(caught.value)
    assert list(store.directory.iterdir()) == []


# ----- missing models ---------------------------------------------------------------------------
def test_missing_model(store):
    assert not store.exists("AND")
    assert store.version("AND") is None
    for call in (store.load, store.info, store.load_with_info, store.delete):
        with pytest.raises(ModelNotFound, match="train"):
            call("AND")


def test_missing_model_message_suggests_the_right_trainer(store):
    with pytest.raises(ModelNotFound, match=r"train_gate\('OR'\)"):
        store.load("OR")
    with pytest.raises(ModelNotFound, match="train_gate_mlp"):
        store.load("XNOR")


def test_delete(store, trained):
    store.save("AND", trained["AND"])
    store.save("OR", trained["OR"])
    store.delete("and")
    assert not store.exists("AND")
    assert store.exists("OR")
    with pytest.raises(ModelNotFound):
        store.delete("AND")


def test_a_pickle_file_does_not_count_as_a_model(store):
    (store.directory / "AND.pkl").write_bytes(b"\x80\x04N.")
    assert not store.exists("AND")
    with pytest.raises(ModelNotFound):
        store.load("AND")


# ----- bad files --------------------------------------------------------------------------------
def stored_bytes(store, trained, gate):
    """Save gate's model and return (path, bytes) of its file."""
    store.save(gate, trained[gate])
    (path,) = [p for p in store.directory.iterdir() if p.stem == gate]
    return path, path.read_bytes()


@pytest.mark.parametrize("keep", [0, 1, 10, 0.5, -2])  # -2: drop the final "}\n"
def test_truncated_json_is_corrupt(store, trained, keep):
    path, data = stored_bytes(store, trained, "AND")
    store.save("OR", trained["OR"])
    cut = int(len(data) * keep) if isinstance(keep, float) else keep % len(data)
    path.write_bytes(data[:cut])
    with pytest.raises(CorruptModel):
        store.load("AND")
    assert predicts_truth_table(store.load("OR"), "OR")  # the other model is untouched


@pytest.mark.parametrize("keep", [0, 4, 8, 20, 0.5, -1])
def test_truncated_safetensors_is_corrupt(store, trained, keep):
    path, data = stored_bytes(store, trained, "XOR")
    store.save("XNOR", trained["XNOR"])
    cut = int(len(data) * keep) if isinstance(keep, float) else keep % len(data)
    path.write_bytes(data[:cut])
    with pytest.raises(CorruptModel):
        store.load("XOR")
    assert store.info("XNOR")["gate"] == "XNOR"  # the other model is untouched
    assert [m["gate"] for m in store.list()] == ["XNOR"]


def test_safetensors_bytes_under_a_json_name_are_the_wrong_kind(store, trained):
    _, data = stored_bytes(store, trained, "XOR")
    (store.directory / "AND.json").write_bytes(data)
    with pytest.raises(WrongModelKind, match="safetensors"):
        store.load("AND")


def test_json_bytes_under_a_safetensors_name_are_the_wrong_kind(store, trained):
    _, data = stored_bytes(store, trained, "AND")
    (store.directory / "XOR.safetensors").write_bytes(data)
    with pytest.raises(WrongModelKind, match="JSON"):
        store.load("XOR")


def test_metadata_of_another_kind_is_the_wrong_kind(store, trained):
    path, data = stored_bytes(store, trained, "AND")
    document = json.loads(data)
    document["metadata"]["kind"] = "mlp"
    path.write_text(json.dumps(document))
    with pytest.raises(WrongModelKind, match="mlp"):
        store.load("AND")


def test_a_model_copied_under_another_gate_name_is_refused(store, trained):
    _, data = stored_bytes(store, trained, "OR")
    (store.directory / "AND.json").write_bytes(data)
    with pytest.raises(WrongModelKind, match="'OR'"):
        store.load("AND")
    _, data = stored_bytes(store, trained, "XOR")
    (store.directory / "XNOR.safetensors").write_bytes(data)
    with pytest.raises(WrongModelKind, match="'XOR'"):
        store.load("XNOR")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"hello",
        b'{"weights": [1, 2], "bias": 0}',
        b"[1, 2, 3]",
        b"\xff\xfe{\x00",
        b"PK\x03\x04 torch zip",
        b"{" * 100_000,
    ],
)
def test_foreign_json_files_are_corrupt(store, content):
    (store.directory / "AND.json").write_bytes(content)
    with pytest.raises(CorruptModel):
        store.load("AND")
    assert store.list() == []


def edit_perceptron_file(store, trained, change):
    path, data = stored_bytes(store, trained, "AND")
    document = json.loads(data)
    change(document)
    path.write_text(json.dumps(document))


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["perceptron"].update(weights=[1.0, 2.0, 3.0]),  # 3 inputs for a 2-input gate
        lambda d: d["perceptron"].update(weights=[]),
        lambda d: d["perceptron"].update(weights=["a", "b"]),
        lambda d: d["perceptron"].update(bias=[1]),
        lambda d: d["perceptron"].update(epochs_run=[1]),
        lambda d: d["perceptron"].update(epochs=1e999),
        lambda d: d["perceptron"].pop("weights"),
        lambda d: d.pop("perceptron"),
        lambda d: d.pop("metadata"),
        lambda d: d["metadata"].pop("trained_at"),
        lambda d: d["metadata"].update(parameters=7),
        lambda d: d["metadata"].update(seed="zero"),
        lambda d: d["metadata"].update(learning_rate="fast"),
        lambda d: d["metadata"].update(accuracy=2),
        lambda d: d["metadata"].update(converged=1),
        lambda d: d["metadata"].update(max_epochs=True),
        lambda d: d["metadata"].update(architecture={"n_inputs": 2}),  # a perceptron has none
        lambda d: d.update(format_version=99),
        lambda d: d.update(format="something.else"),
    ],
)
def test_perceptron_file_contents_are_checked(store, trained, change):
    edit_perceptron_file(store, trained, change)
    with pytest.raises(CorruptModel):
        store.load("AND")


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda m: m.pop("trained_at"), "AND.json metadata is missing trained_at"),
        (
            lambda m: m.update(seed="zero"),
            "AND.json metadata: seed must be a whole number, got 'zero'",
        ),
        (lambda m: m.update(kind="tree"), "AND.json metadata: kind must be 'perceptron' or 'mlp'"),
        (lambda m: m.update(gate=None), "AND.json metadata: gate must be a name, got None"),
    ],
)
def test_a_metadata_problem_names_the_key_and_what_it_must_be(store, trained, change, words):
    edit_perceptron_file(store, trained, lambda d: change(d["metadata"]))
    with pytest.raises(CorruptModel, match=re.escape(words)):
        store.info("AND")


def test_nan_weights_in_json_are_refused(store, trained):
    path, data = stored_bytes(store, trained, "AND")
    path.write_bytes(data.replace(b'"bias": ', b'"bias": NaN, "old_bias": '))
    with pytest.raises(CorruptModel):
        store.load("AND")


def rewrite_safetensors(path, tensors=None, metadata=None):
    """Rewrite a stored MLP file with changed tensors and/or metadata."""
    from safetensors.numpy import load, save

    data = path.read_bytes()
    header = json.loads(data[8 : 8 + int.from_bytes(data[:8], "little")])
    old_metadata = json.loads(header["__metadata__"]["gatelab"])
    new_tensors = load(data) if tensors is None else tensors(load(data))
    new_metadata = old_metadata if metadata is None else metadata(old_metadata)
    path.write_bytes(save(new_tensors, metadata={"gatelab": json.dumps(new_metadata)}))


@pytest.mark.parametrize(
    "tensors",
    [
        lambda t: {**t, "hidden.weight": np.full((8, 2), np.nan, dtype=np.float32)},
        lambda t: {**t, "output.bias": np.array([np.inf], dtype=np.float32)},
        lambda t: {**t, "output.bias": np.array([1e300])},  # finite float64, inf as float32
        lambda t: {**t, "hidden.weight": np.zeros((8, 3), dtype=np.float32)},
        lambda t: {**t, "hidden.bias": np.zeros(8, dtype=np.int32)},
        lambda t: {key: value for key, value in t.items() if key != "output.bias"},
        lambda t: {**t, "extra": np.zeros(1, dtype=np.float32)},
    ],
)
def test_mlp_tensors_are_checked(store, trained, tensors):
    path, _ = stored_bytes(store, trained, "XOR")
    rewrite_safetensors(path, tensors=tensors)
    with pytest.raises(CorruptModel):
        store.load("XOR")


@pytest.mark.parametrize(
    "metadata",
    [
        lambda m: {k: v for k, v in m.items() if k != "architecture"},
        lambda m: {**m, "architecture": {"n_inputs": 2, "hidden_size": 8}},
        lambda m: {**m, "architecture": {**m["architecture"], "hidden_size": 4}},
        lambda m: {**m, "architecture": {**m["architecture"], "n_inputs": 1}},
        lambda m: {**m, "architecture": {**m["architecture"], "activation": "softmax"}},
        lambda m: {**m, "parameters": 34},
        lambda m: {**m, "format_version": 2},
    ],
)
def test_mlp_metadata_is_checked(store, trained, metadata):
    path, _ = stored_bytes(store, trained, "XOR")
    rewrite_safetensors(path, metadata=metadata)
    with pytest.raises(CorruptModel):
        store.load("XOR")


def test_safetensors_without_gatelab_metadata_is_corrupt(store, trained):
    from safetensors.numpy import save

    (store.directory / "XOR.safetensors").write_bytes(save({"w": np.zeros(2, np.float32)}))
    with pytest.raises(CorruptModel, match="metadata"):
        store.load("XOR")


def test_a_torch_save_file_is_refused_without_unpickling(store, xor_mlp):
    path = store.directory / "XOR.safetensors"
    torch.save(xor_mlp.model.state_dict(), path)
    with pytest.raises(CorruptModel, match="zip"):
        store.load("XOR")


def test_a_huge_file_is_refused_without_reading_it_all(store):
    with (store.directory / "AND.json").open("wb") as file:
        file.truncate(9 * 1024 * 1024)
    with pytest.raises(CorruptModel, match="too large"):
        store.load("AND")


# ----- saving -----------------------------------------------------------------------------------
def test_save_refuses_models_that_do_not_fit_the_gate(store, trained, xor_mlp):
    with pytest.raises(ValueError, match="NOT takes 1 input"):
        store.save("NOT", trained["AND"])
    with pytest.raises(ValueError, match="NOT takes 1 input"):
        store.save("NOT", xor_mlp.model)
    with pytest.raises(NotFittedError):
        store.save("AND", Perceptron())
    with pytest.raises(TypeError):
        store.save("AND", {"weights": [1, 1], "bias": -1.5})
    assert list(store.directory.iterdir()) == []


def test_save_leaves_no_temporary_files(store, trained):
    for gate, model in trained.items():
        store.save(gate, model)
    names = sorted(p.name for p in store.directory.iterdir())
    assert names == sorted(f"{g}.{'json' if g in LINEAR_GATES else 'safetensors'}" for g in trained)


def test_a_failed_write_keeps_the_old_model(store, trained, monkeypatch):
    store.save("AND", train_gate("AND", seed=1))

    def crash(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        store.save("AND", train_gate("AND", seed=2))
    monkeypatch.undo()
    assert store.info("AND")["seed"] == 1
    assert [p.name for p in store.directory.iterdir()] == ["AND.json"]


def test_a_directory_under_a_model_name_is_not_a_model(store):
    (store.directory / "AND.json").mkdir()
    assert not store.exists("AND")
    assert store.version("AND") is None
    assert store.list() == []
    with pytest.raises(ModelNotFound):
        store.load("AND")
    with pytest.raises(ModelNotFound):
        store.delete("AND")
    assert (store.directory / "AND.json").is_dir()  # never deleted: it is not ours


def test_saving_over_a_directory_says_it_is_in_the_way(store, trained):
    (store.directory / "AND.json").mkdir()
    with pytest.raises(NameInUse, match=r"AND\.json: a directory of that name is in the way"):
        store.save("AND", trained["AND"])
    assert (store.directory / "AND.json").is_dir()
    assert not store.exists("AND")
    assert [p.name for p in store.directory.iterdir()] == ["AND.json"]  # no temporary left
    (store.directory / "AND.json").rmdir()
    store.save("AND", trained["AND"])
    assert store.load("AND").predict([1, 1]) == 1


def test_a_directory_beside_a_model_does_not_hide_it(store, trained):
    store.save("OR", trained["OR"])
    (store.directory / "OR.safetensors").mkdir()  # newer than the model, but not a model
    assert store.exists("OR")
    assert store.info("OR")["kind"] == "perceptron"
    version = store.version("OR")
    assert version is not None and [kind for kind, *_ in version] == ["perceptron"]


def test_save_recreates_a_removed_directory(store, trained):
    store.directory.rmdir()
    store.save("AND", trained["AND"])
    assert store.exists("AND")


def test_the_directory_is_created(tmp_path):
    store = ModelStore(tmp_path / "a" / "b")
    assert store.directory.is_dir()
    assert repr(store) == "ModelStore('b')"


# ----- versions and leftovers ---------------------------------------------------------------------
def test_version_changes_whenever_the_model_changes(store, trained):
    assert store.version("AND") is None
    store.save("AND", trained["AND"])
    first = store.version("AND")
    assert first is not None
    assert store.version("AND") == first  # stable while nothing changes
    store.save("AND", trained["AND"])  # same content, new file
    second = store.version("AND")
    assert second != first
    store.save("AND", train_gate_mlp("AND").model)
    assert store.version("AND") not in (first, second)
    store.delete("AND")
    assert store.version("AND") is None


def test_when_both_kinds_exist_the_newest_wins(store, trained, xor_mlp):
    # As if a crash happened between writing the new file and removing the old kind.
    store.save("AND", trained["AND"])
    json_bytes = (store.directory / "AND.json").read_bytes()
    store.save("AND", train_gate_mlp("AND").model)
    json_path = store.directory / "AND.json"
    json_path.write_bytes(json_bytes)
    st = (store.directory / "AND.safetensors").stat()
    os.utime(json_path, ns=(st.st_atime_ns, st.st_mtime_ns - 10**9))
    assert store.info("AND")["kind"] == "mlp"
    os.utime(json_path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert store.info("AND")["kind"] == "perceptron"
    store.save("AND", trained["AND"])  # a clean save removes the other kind
    assert sorted(p.name for p in store.directory.iterdir()) == ["AND.json"]


def test_reading_needs_no_torch(tmp_path, trained):
    store = ModelStore(tmp_path)
    store.save("XOR", trained["XOR"])
    store.save("AND", trained["AND"])
    code = (
        "import sys; from gatelab.store import ModelStore; "
        f"s = ModelStore({str(tmp_path)!r}); "
        "print([m['gate'] for m in s.list()], s.load('AND').predict([1, 1]), "
        "'torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['AND', 'XOR'] 1 False"


def test_stale_temporaries_from_a_killed_save_are_removed(tmp_path):
    stale = tmp_path / ".AND.json.abc123.tmp"
    fresh = tmp_path / ".OR.json.def456.tmp"
    stale.write_bytes(b"half a model")
    fresh.write_bytes(b"a save in progress")
    long_ago = time.time() - 3600
    os.utime(stale, (long_ago, long_ago))
    ModelStore(tmp_path)
    assert not stale.exists()
    assert fresh.exists()  # may belong to a save running right now


def test_a_directory_under_a_model_name_is_left_alone(tmp_path):
    store = ModelStore(tmp_path)
    (tmp_path / "XNOR.json").mkdir()
    store.save("XNOR", train_gate_mlp("XNOR", seed=0).model)
    assert (tmp_path / "XNOR.json").is_dir()
    assert store.load("XNOR").predict([1, 1]) == 1
