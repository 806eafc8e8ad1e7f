"""Korean text for every English message gatelab shows (the keys are the English, as in gettext).

tests/test_messages.py checks that each `tr("...")` in gatelab has an entry here with the same
{fields}. Conventions: Korean term first, English in parentheses on first use (가중치(weight)).
One section per module, so a module's messages can be read together.
"""

KOREAN: dict[str, str] = {
    # --- gatelab.exercises: ✓/✗ verdicts and hints ---

    # --- gatelab.gates, gatelab.perceptron: truth tables, training history ---

    # --- gatelab.plots, gatelab.mlp_plots: titles, axis labels, legends ---

    # --- gatelab.memory, gatelab.store: sizes and store messages shown in lessons ---

    # --- gatelab.widgets: lessons 01-03 playgrounds ---

    # --- gatelab.mlp_widgets, gatelab.api_widgets: lessons 04 and 06 playgrounds ---
}
