"""Korean text for every English message gatelab shows (the keys are the English, as in gettext).

tests/test_messages.py checks that each `tr("...")` in gatelab has an entry here with the same
{fields}. Conventions: Korean term first, English in parentheses on first use (가중치(weight)).
"""

KOREAN: dict[str, str] = {}
