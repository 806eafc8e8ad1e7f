"""Every message gatelab shows a student exists in Korean, with the same {fields} and verdicts.

The catalog is gatelab/messages_ko.py; the messages are the literals given to `tr(...)` and
`translatable(...)` anywhere in gatelab's source, found by walking its syntax trees.
"""

import ast
import io
import re
import string
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

import httpx
import matplotlib
import nbformat
import pytest
import torch

matplotlib.use("Agg")

from reference_answers import (
    ERROR_ANSWERS,
    count_parameters,
    forward_by_hand,
    lucky_seeds,
    reference_train,
    served_answers,
    slipped_loop,
    slipped_train,
    student_app,
    train_for_class,
    train_loop,
    with_reference_delete,
)

import gatelab
from gatelab import exercises as ex
from gatelab import set_language, train_gate
from gatelab.language import count_text, korean_units, tr
from gatelab.messages_ko import KOREAN, LESSON_TEXT

SOURCE = Path(gatelab.__file__).parent
MARKERS = {"tr", "translatable"}
HANGUL = re.compile("[\uac00-\ud7a3]")


@dataclass(frozen=True)
class Message:
    """One literal given to tr() or translatable(), and where."""

    english: str
    formatted: bool  # tr(..., field=value) fills {fields}; without fields the text is shown as is
    where: str


def _marker_calls() -> tuple[list[Message], list[str]]:
    """Every tr/translatable call with a literal message, and the places that have no literal."""
    messages, problems = [], []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in MARKERS:
                continue
            where = f"{path.relative_to(SOURCE.parent)}:{node.lineno}"
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                messages.append(Message(first.value, bool(node.keywords), where))
            elif isinstance(first, ast.JoinedStr) or node.func.id == "translatable":
                # An f-string key changes with its values, so no catalog entry could match it.
                problems.append(f"{where}: {node.func.id}() needs a plain string literal")
    return messages, problems


MESSAGES, PROBLEMS = _marker_calls()


def placeholders(text: str, formatted: bool) -> list[str]:
    """The {fields} tr() fills in (formatted), else the literal {...} groups shown as they are."""
    if formatted:
        return sorted({name for _, name, _, _ in string.Formatter().parse(text) if name})
    return sorted(re.findall(r"\{[^{}]*\}", text))


def in_both(call):
    """call() in English, then in Korean (the language is English again afterwards)."""
    english = call()
    with matplotlib.rc_context():
        set_language("ko")
        try:
            korean = call()
        finally:
            set_language("en")
    return english, korean


# ----- the catalog ------------------------------------------------------------------------------


def test_the_walk_finds_the_messages():
    assert len(MESSAGES) > 200  # a walk that found nothing would pass every test below
    assert PROBLEMS == []


def test_every_message_has_a_korean_entry():
    missing = sorted({f"{m.where}: {m.english!r}" for m in MESSAGES if m.english not in KOREAN})
    assert missing == []


def test_korean_entries_keep_the_fields():
    wrong = []
    for message in MESSAGES:
        korean = KOREAN.get(message.english)
        if korean is None:
            continue
        english_fields = placeholders(message.english, message.formatted)
        korean_fields = placeholders(korean, message.formatted)
        if english_fields != korean_fields:
            wrong.append(f"{message.where}: {english_fields} in English, {korean_fields} in Korean")
    assert wrong == []


def lesson_literals() -> set[str]:
    """Every string literal in the English lessons' code cells."""
    literals = set()
    for path in sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("0*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                source = "\n".join(
                    line for line in cell.source.splitlines() if not line.lstrip().startswith("%")
                )
                tree = ast.parse(source)
                literals |= {
                    node.value
                    for node in ast.walk(tree)
                    if isinstance(node, ast.Constant) and isinstance(node.value, str)
                }
    return literals


def test_no_korean_entry_is_an_orphan():
    used = {message.english for message in MESSAGES}
    assert sorted(set(KOREAN) - used - set(LESSON_TEXT)) == []


def test_lesson_text_is_text_a_lesson_passes_in():
    # LESSON_TEXT holds what the lessons' code cells give the library; an entry whose lesson
    # text changed would silently stop being translated.
    assert sorted(set(LESSON_TEXT) - lesson_literals()) == []


def test_korean_entries_are_korean():
    # Keys that are only fields ("{hint}") may add a Korean word; everything else must be Korean.
    not_korean = [english for english, korean in KOREAN.items() if not HANGUL.search(korean)]
    assert not_korean == []


def test_a_message_in_two_groups_reads_the_same_in_both():
    # KOREAN merges the groups, the later winning: a shared key must not mean two things.
    from gatelab import messages_ko

    groups = {name: value for name, value in vars(messages_ko).items() if name.isupper()}
    groups.pop("KOREAN")
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for group, entries in groups.items():
        for english, korean in entries.items():
            first = seen.setdefault(english, (group, korean))
            if first[1] != korean:
                clashes.append(f"{english!r}: {first[0]} {first[1]!r}, {group} {korean!r}")
    assert clashes == []


def test_tr_follows_the_language(korean):
    assert tr("epoch") == KOREAN["epoch"]
    assert tr("a message with no Korean entry stays English") == (
        "a message with no Korean entry stays English"
    )


def test_tr_without_fields_keeps_braces():
    assert tr("/models/{gate}") == "/models/{gate}"
    assert tr("{gate}: 4 of 4 right", gate="AND") == "AND: 4 of 4 right"


def test_large_numbers_in_korean_units():
    assert korean_units(7 * 10**9) == "70억"
    assert korean_units(175 * 10**9) == "1,750억"
    assert korean_units(10**12) == "1조"
    assert korean_units(1_234_500_000) == "12억 3,450만"
    assert korean_units(10**6) == "100만"
    assert count_text(7 * 10**9) == "7,000,000,000"  # English: as before


def test_large_numbers_in_korean_text(korean):
    assert count_text(7 * 10**9) == "7,000,000,000(70억)"
    assert count_text(33) == "33"
    from gatelab.memory import memory_report

    assert "70억" in memory_report(7 * 10**9, "float16")


# ----- exercise checks: the same verdict in both languages ---------------------------------------


def _round_trip_answers(kind: str):
    """Ex 5.3: the reference save-and-load (or a wrong one), with the file it wrote."""
    from safetensors.torch import load_file, save_file

    from gatelab.mlp import GateMLP, train_gate_mlp

    trained = train_gate_mlp("XOR", seed=5).model
    path = Path(tempfile.mkdtemp()) / "my_xor.safetensors"
    save_file(trained.state_dict(), path)
    fresh = GateMLP()
    if kind == "reference":
        fresh.load_state_dict(load_file(path))
    return ex.check_xor_round_trip(fresh, trained, path)


def _delete_route(kind: str):
    """Ex 6.1: the reference route, or the app without one."""
    if kind == "reference":
        app, _ = with_reference_delete()
    else:
        app = student_app()[0]
    return ex.check_delete_route(app)


def _xnor_from_gates():
    and_, nor, or_ = train_gate("AND"), train_gate("NOR"), train_gate("OR")
    return lambda a, b: or_.predict([and_.predict([a, b]), nor.predict([a, b])])


# (check name, how to call it with the reference answer, with wrong answers); each wrong answer
# earns a different hint.
CASES = {
    "check_nand_weights": (
        lambda: ex.check_nand_weights(([-1, -1], 1.5)),
        [
            lambda: ex.check_nand_weights(([1, 1], -1.5)),
            lambda: ex.check_nand_weights([1, 2, 3]),
            lambda: ex.check_nand_weights(([1], 0)),
        ],
    ),
    "check_and_epochs": (
        lambda: ex.check_and_epochs(train_gate("AND", learning_rate=0.5, seed=0).converged_epoch_),
        [
            lambda: ex.check_and_epochs(4),
            lambda: ex.check_and_epochs("six"),
            lambda: ex.check_and_epochs(99),
            lambda: ex.check_and_epochs(0),
        ],
    ),
    "check_first_update": (
        lambda: ex.check_first_update([0.5, 0.4]),
        [
            lambda: ex.check_first_update([0.4, 0.4]),
            lambda: ex.check_first_update([0.5, 0.6]),
            lambda: ex.check_first_update([0.5, 0.5]),
            lambda: ex.check_first_update([9, 9]),
            lambda: ex.check_first_update([1]),
        ],
    ),
    "check_learning_rule": (
        lambda: ex.check_learning_rule(reference_train),
        [
            lambda: ex.check_learning_rule(slipped_train("sign")),
            lambda: ex.check_learning_rule(slipped_train("bias")),
            lambda: ex.check_learning_rule(lambda *args: None),
            lambda: ex.check_learning_rule(lambda *args: 1 / 0),
            lambda: ex.check_learning_rule(3),
        ],
    ),
    "check_not_threshold": (
        lambda: ex.check_not_threshold(([-1], 0.8)),
        [
            lambda: ex.check_not_threshold(([-1], 0.5)),
            lambda: ex.check_not_threshold(([1], -0.8)),
            lambda: ex.check_not_threshold(([0], 1)),
        ],
    ),
    "check_lucky_seeds": (
        lambda: ex.check_lucky_seeds(lucky_seeds()),
        [
            lambda: ex.check_lucky_seeds(0),
            lambda: ex.check_lucky_seeds(50),
            lambda: ex.check_lucky_seeds(1000),
        ],
    ),
    "check_nand_fast_rate": (
        lambda: ex.check_nand_fast_rate(
            train_gate("NAND", learning_rate=1.0, seed=3).converged_epoch_
        ),
        [lambda: ex.check_nand_fast_rate(12), lambda: ex.check_nand_fast_rate(1000)],
    ),
    "check_xor_missing_corner": (
        lambda: ex.check_xor_missing_corner(([-1, 1], -0.5)),
        [
            lambda: ex.check_xor_missing_corner(([1, 1], -0.5)),
            lambda: ex.check_xor_missing_corner(([0, 0], 1)),
        ],
    ),
    "check_xnor_from_gates": (
        lambda: ex.check_xnor_from_gates(_xnor_from_gates()),
        [
            lambda: ex.check_xnor_from_gates(lambda a, b: int(a != b)),
            lambda: ex.check_xnor_from_gates(lambda a, b: a & b),
            lambda: ex.check_xnor_from_gates(lambda a: a),
            lambda: ex.check_xnor_from_gates(lambda a, b: int(a == b)),
        ],
    ),
    "check_count_parameters": (
        lambda: ex.check_count_parameters(count_parameters),
        [
            lambda: ex.check_count_parameters(lambda m: 33),
            lambda: ex.check_count_parameters(lambda m: len(list(m.parameters()))),
            lambda: ex.check_count_parameters(lambda m: None),
            lambda: ex.check_count_parameters(lambda m: m.parameter_count()),
        ],
    ),
    "check_forward_by_hand": (
        lambda: ex.check_forward_by_hand(forward_by_hand),
        [
            lambda: ex.check_forward_by_hand(lambda net, X: net(X)),
            lambda: ex.check_forward_by_hand(lambda net, X: torch.sigmoid(forward_by_hand(net, X))),
            lambda: ex.check_forward_by_hand(lambda net, X: forward_by_hand(net, X)[:, None]),
        ],
    ),
    "check_xnor_small_networks": (
        lambda: ex.check_xnor_small_networks(8, guess=10),
        [
            lambda: ex.check_xnor_small_networks(9),
            lambda: ex.check_xnor_small_networks(11),
            lambda: ex.check_xnor_small_networks(0),
        ],
    ),
    "check_train_loop": (
        lambda: ex.check_train_loop(train_loop),
        [
            lambda: ex.check_train_loop(slipped_loop("no_zero_grad")),
            lambda: ex.check_train_loop(slipped_loop("squared")),
            lambda: ex.check_train_loop(lambda *args: None),
        ],
    ),
    "check_float32_bytes": (
        lambda: ex.check_float32_bytes(4_000_000),
        [lambda: ex.check_float32_bytes(8_000_000), lambda: ex.check_float32_bytes(32_000_000)],
    ),
    "check_training_servers": (
        lambda: ex.check_training_servers(5),
        [
            lambda: ex.check_training_servers(4),
            lambda: ex.check_training_servers(1),
            lambda: ex.check_training_servers(2800),
        ],
    ),
    "check_xor_round_trip": (
        lambda: _round_trip_answers("reference"),
        [lambda: _round_trip_answers("wrong")],
    ),
    "check_delete_route": (lambda: _delete_route("reference"), [lambda: _delete_route("wrong")]),
    "check_batch_request": (
        lambda: ex.check_batch_request(served_answers),
        [
            lambda: ex.check_batch_request(lambda client, gate: [0, 0, 0, 1]),
            lambda: ex.check_batch_request(lambda client, gate: client.get(f"/predict/{gate}/1/1")),
        ],
    ),
    "check_error_codes": (
        lambda: ex.check_error_codes(ERROR_ANSWERS),
        [
            lambda: ex.check_error_codes({**ERROR_ANSWERS, "POST /train/AND (no key)": 200}),
            lambda: ex.check_error_codes(401),
        ],
    ),
    "check_train_with_key": (
        lambda: ex.check_train_with_key(train_for_class),
        [
            lambda: ex.check_train_with_key(
                lambda url, key, gate, seed: httpx.post(f"{url}/train/{gate}", json={"seed": seed})
            ),
            lambda: ex.check_train_with_key(lambda url, key, gate, seed: {"seed": seed}),
        ],
    ),
}


def test_every_check_has_cases():
    checks = sorted(name for name in dir(ex) if name.startswith("check_"))
    assert sorted(CASES) == checks


def _same_verdict(english, korean):
    assert korean.status == english.status, (english, korean)
    assert HANGUL.search(korean.message), korean.message
    assert HANGUL.search(korean.exercise), korean.exercise
    assert str(korean).startswith({"correct": "✓", "wrong": "✗"}.get(korean.status, "…"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_reference_answer_is_right_in_both_languages(name):
    english, korean = in_both(CASES[name][0])
    assert english.passed, english
    _same_verdict(english, korean)


@pytest.mark.parametrize("name", sorted(CASES))
def test_wrong_answers_are_wrong_in_both_languages(name):
    for wrong in CASES[name][1]:
        english, korean = in_both(wrong)
        assert not english.passed, english  # "wrong", or "not attempted yet" for a None
        _same_verdict(english, korean)
        assert korean.message != english.message


@pytest.mark.parametrize("check", [getattr(ex, name) for name in sorted(CASES)])
def test_not_attempted_in_korean(check, korean):
    result = check(...)
    assert result.status == ex.NOT_ATTEMPTED
    assert "`...`" in result.message and HANGUL.search(result.message)


def test_korean_verdict_lines_read_as_the_glossary_says(korean):
    assert "맞았습니다" in str(ex.check_error_codes(ERROR_ANSWERS))
    assert "다시 해 보세요" in str(ex.check_error_codes({**ERROR_ANSWERS, "PUT /models/AND": 404}))


# ----- tables and store messages ----------------------------------------------------------------


def test_tables_in_korean(korean):
    from gatelab.plots import history_table, truth_table_check

    model = train_gate("AND", seed=0)
    table = history_table(model, epochs=[1])
    assert HANGUL.search(table.caption) and all(HANGUL.search(h) for h in table.headers[:4])
    check = truth_table_check("AND", model.weights_, model.bias_)
    assert "AND" in check.caption and HANGUL.search(check.caption)


def test_store_errors_in_korean_keep_english_for_protocols(tmp_path, korean):
    from gatelab.store import ModelStore, StoreError

    store = ModelStore(tmp_path)
    (tmp_path / "OR.json").write_bytes(b"\x80\x04N.")  # a pickle under a model name
    for name in ("../x", "nor", "or"):
        with pytest.raises(StoreError) as caught:
            store.load(name)
        assert HANGUL.search(str(caught.value)), str(caught.value)
        assert not HANGUL.search(caught.value.english)


def test_api_error_bodies_stay_english_in_a_korean_kernel(tmp_path, korean):
    # Lesson 06 serves from a kernel that may have called set_language("ko"): the API's errors
    # are a protocol for programs, so they stay English there too.
    from fastapi.testclient import TestClient

    from gatelab.api import create_app

    (tmp_path / "OR.json").write_bytes(b"\x80\x04N.")  # a pickle under a model name: a 409
    (tmp_path / "AND.json").mkdir()  # saving would replace a directory: a 409 too
    client = TestClient(create_app(tmp_path), raise_server_exceptions=False)
    for answer in (client.get("/predict/or/1/1"), client.post("/train/and")):
        assert answer.status_code == 409, answer.text
        assert not HANGUL.search(answer.text), answer.text


# ----- plots: Korean text and a font that has every glyph ----------------------------------------


def _lesson_figures():
    """Every plot the lessons draw, with the arguments they use (built in the current language)."""
    from gatelab import plots
    from gatelab.memory import plot_memory
    from gatelab.mlp import train_gate_mlp
    from gatelab.mlp_plots import (
        plot_decision_surface,
        plot_hidden_units,
        plot_loss_curve,
        plot_mlp_training,
    )

    and_model = train_gate("AND", seed=0)
    xor_model = train_gate("XOR", learning_rate=0.1, epochs=100, seed=0)
    not_model = train_gate("NOT")
    nand, or_, and_ = train_gate("NAND"), train_gate("OR"), train_gate("AND")
    run = train_gate_mlp("XOR", seed=0, epochs=60)
    sweep = {
        gate: plots.epochs_to_converge(gate, [0.1, 1.0], range(3), epochs=50)
        for gate in ("AND", "OR")
    }
    yield "plot_gate", plots.plot_gate("AND")
    yield "plot_boundary", plots.plot_boundary([0.5, 0.5], -0.2, "AND", title="AND")
    yield "plot_training", plots.plot_training(and_model, "AND")
    yield "plot_training NOT", plots.plot_training(not_model, "NOT")
    yield "plot_training XOR", plots.plot_training(xor_model, "XOR")
    yield "plot_perceptron", plots.plot_perceptron(and_model, "AND")
    yield "plot_perceptron NOT", plots.plot_perceptron(not_model, "NOT")
    yield "plot_input_point", plots.plot_input_point([1, 1], -1.5, (0.3, 0.8), gate="AND")
    yield "plot_perceptrons", plots.plot_perceptrons({"AND": and_model, "OR": or_})
    yield "plot_learning_rate_sweep", plots.plot_learning_rate_sweep(sweep, [0.1, 1.0])
    yield "plot_cycle", plots.plot_cycle(xor_model, "XOR", epoch=20)
    yield "plot_xor_no_line", plots.plot_xor_no_line()
    yield "plot_attempts", plots.plot_attempts("XOR", [([1, 1], -0.5), ([1, -1], -0.5)])
    lines = [(nand.weights_, nand.bias_), (or_.weights_, or_.bias_)]
    yield "plot_band", plots.plot_band("XOR", lines, ["NAND", "OR"])
    yield "plot_hidden_space", plots.plot_hidden_space("XOR", [nand, or_], and_)
    yield "plot_decision_surface", plot_decision_surface(run.model, "XOR", show_hidden=True)
    yield "plot_loss_curve", plot_loss_curve(run.losses)
    yield "plot_hidden_units", plot_hidden_units(run.model, "XOR")
    yield "plot_mlp_training", plot_mlp_training(run, "XOR")
    yield "plot_memory", plot_memory({"1 billion": 10**9, "1 trillion": 10**12})


def _texts(figure) -> list[str]:
    """Every piece of text on the figure: titles, labels, legends, annotations."""
    from matplotlib.text import Text

    return [t.get_text() for t in figure.findobj(Text) if t.get_text()]


def test_lesson_plots_draw_korean_with_every_glyph(korean):
    missing, english_only = [], []
    for name, figure in _lesson_figures():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            figure.savefig(io.BytesIO(), format="png")
        missing += [f"{name}: {w.message}" for w in caught if "missing" in str(w.message)]
        if not any(HANGUL.search(text) for text in _texts(figure)):
            english_only.append(name)
    assert missing == []
    assert english_only == []


def test_english_plots_have_no_korean():
    for name, figure in _lesson_figures():
        assert not [t for t in _texts(figure) if HANGUL.search(t)], name


def test_korean_plots_leave_matplotlib_as_it_was():
    before = (matplotlib.rcParams["font.family"], matplotlib.rcParams["axes.unicode_minus"])
    english, korean = in_both(lambda: matplotlib.rcParams["font.family"])
    assert korean[0] == "NanumGothic"
    assert english == before[0]
    assert (matplotlib.rcParams["font.family"], matplotlib.rcParams["axes.unicode_minus"]) == before
