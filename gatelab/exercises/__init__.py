"""Exercises with instant feedback: each check takes a student's answer and says ✓ or ✗ with a hint.

In a notebook::

    from gatelab import exercises as ex
    answer = ...                       # the student replaces ... with their answer
    ex.check_nand_weights(answer)      # shows ✓, ✗ with a specific hint, or "not attempted yet"

Checks never raise on a wrong or malformed answer: they explain what was expected instead.
One module per lesson holds that lesson's checks (lesson01.py ... lesson07.py); _core.py holds
what they share: the verdict and the @exercise decorator. Reference solutions live in
tests/reference_answers.py, not here and not in the lessons.
"""

from gatelab.exercises._core import NOT_ATTEMPTED, CheckResult, Status
from gatelab.exercises.lesson01 import (
    check_and_epochs,
    check_first_update,
    check_learning_rule,
    check_nand_weights,
)
from gatelab.exercises.lesson02 import check_lucky_seeds, check_nand_fast_rate, check_not_threshold
from gatelab.exercises.lesson03 import check_xnor_from_gates, check_xor_missing_corner
from gatelab.exercises.lesson04 import (
    check_count_parameters,
    check_forward_by_hand,
    check_xnor_small_networks,
)
from gatelab.exercises.lesson04_loop import check_train_loop
from gatelab.exercises.lesson05 import (
    check_float32_bytes,
    check_training_servers,
    check_xor_round_trip,
)
from gatelab.exercises.lesson06 import check_delete_route
from gatelab.exercises.lesson07 import check_batch_request, check_error_codes, check_train_with_key

__all__ = [
    "NOT_ATTEMPTED",
    "CheckResult",
    "Status",
    "check_and_epochs",
    "check_batch_request",
    "check_count_parameters",
    "check_delete_route",
    "check_error_codes",
    "check_first_update",
    "check_float32_bytes",
    "check_forward_by_hand",
    "check_learning_rule",
    "check_lucky_seeds",
    "check_nand_fast_rate",
    "check_nand_weights",
    "check_not_threshold",
    "check_train_loop",
    "check_train_with_key",
    "check_training_servers",
    "check_xnor_from_gates",
    "check_xnor_small_networks",
    "check_xor_missing_corner",
    "check_xor_round_trip",
]
