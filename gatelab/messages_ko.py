"""Korean text for every English message gatelab shows (the keys are the English, as in gettext).

tests/test_messages.py checks that each `tr("...")` in gatelab has an entry here with the same
{fields}. Conventions: Korean term first, English in parentheses on first use (가중치(weight)).
One dict per group of modules, so a module's messages can be read together.
"""

# gatelab.exercises: ✓/✗ verdicts and hints
EXERCISES: dict[str, str] = {}

# gatelab.gates, gatelab.perceptron: truth tables, training history
TABLES: dict[str, str] = {}

# gatelab.plots, gatelab.mlp_plots: titles, axis labels, legends
PLOTS: dict[str, str] = {}

# gatelab.memory, gatelab.store: sizes and store messages shown in lessons
STORAGE: dict[str, str] = {}

# gatelab.widgets: lessons 01-03 playgrounds
PLAYGROUNDS: dict[str, str] = {}

# gatelab.mlp_widgets, gatelab.api_widgets: lessons 04 and 06 playgrounds
MORE_PLAYGROUNDS: dict[str, str] = {}

KOREAN: dict[str, str] = {
    **EXERCISES,
    **TABLES,
    **PLOTS,
    **STORAGE,
    **PLAYGROUNDS,
    **MORE_PLAYGROUNDS,
}
