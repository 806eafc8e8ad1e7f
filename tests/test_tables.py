"""gatelab.tables: the learning steps and the truth-table check, as HTML and as aligned text."""

from gatelab import get_gate, train_gate
from gatelab.tables import Table, display_width, history_table, truth_table_check


def test_history_table_has_one_rounded_row_per_step():
    model = train_gate("AND")
    table = history_table(model)
    assert len(table.rows) == len(model.history_)
    assert table.rows[0] == ("1", "(0, 0)", "(0.637, 0.270)", "0.041", "0.041", "1", "0", "-1")
    assert len(history_table(model, epochs=[1]).rows) == 4
    assert "first 3 of" in history_table(model, max_rows=3).caption
    html = table._repr_html_()
    assert html.startswith("<table>") and html.count("<tr>") == len(model.history_) + 1
    assert str(table).splitlines()[1].startswith("epoch")


def test_truth_table_check_marks_each_row():
    table = truth_table_check("AND", [1.0, 1.0], -1.5)
    assert [row[-1] for row in table.rows] == ["✓"] * 4
    assert table.caption == "AND: 4 of 4 right"
    table = truth_table_check("XOR", [1.0, 1.0], -0.5)
    assert [row[-1] for row in table.rows] == ["✓", "✓", "✓", "✗"]
    table = truth_table_check("NOT", [-1.0], 0.5)
    assert table.headers[0] == "x" and table.caption == "NOT: 2 of 2 right"
    assert len(get_gate("NOT").targets) == len(table.rows)


def test_printed_tables_line_up_hangul_which_takes_two_columns():
    table = Table(("입력", "ok"), (("0", "✓"), ("10", "✗")))
    lines = str(table).splitlines()
    assert {display_width(line) for line in lines} == {display_width(lines[0])}
    assert lines[0] == "입력  ok" and lines[2] == "   0   ✓"


def test_the_lessons_still_import_the_tables_from_gatelab_plots():
    from gatelab import plots

    assert plots.history_table is history_table and plots.truth_table_check is truth_table_check
