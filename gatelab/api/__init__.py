"""The gate API (lesson 07): train, ask and inspect logic-gate models over HTTP with FastAPI.

Run it with ``gatelab serve`` or ``uvicorn gatelab.api:app``; in a notebook use
``gatelab.server.start_server``. Its parts, each short enough to read in one sitting:

====================  ============================================================================
``routes.py``         every route, written like the app you wrote in lesson 06
``schemas.py``        the request and response bodies (pydantic models) and their limits
``service.py``        GateService: the model store on disk, and the answers kept in memory
``errors.py``         one error shape (ErrorBody) for every 4xx, and the messages it carries
``security.py``       the key that changes need when the server has one (like Jupyter's token)
``body_limit.py``     a body over 64 KiB is refused (413) before it is read
``languages.py``      the errors' language: English, or Korean for ``Accept-Language: ko``
``docs.py``           /docs and /redoc served by the app itself, so they work offline
``main.py``           create_app(), which puts the parts together
====================  ============================================================================

Every name below can be imported from ``gatelab.api`` directly, as before the split.
"""

from gatelab import __version__
from gatelab.api.body_limit import BodySizeLimit, BodyTooLarge
from gatelab.api.docs import DOCS_ASSETS_URL
from gatelab.api.errors import (
    ERROR_MEANINGS,
    FASTAPI_UNPARSABLE_BODY,
    MAX_ECHO_CHARS,
    METHOD_ORDER,
    error_responses,
    validation_error,
)
from gatelab.api.languages import LANGUAGE_NOTE, RequestLanguage, choose_language
from gatelab.api.main import create_app
from gatelab.api.routes import TAGS, refuse_a_null_body, router
from gatelab.api.schemas import (
    AS_INT,
    BIT_TEXTS,
    GATE_DESCRIPTION,
    MAX_BATCH_ROWS,
    MAX_BODY_BYTES,
    MAX_LISTED_PROBLEMS,
    MAX_SEED,
    ONE_BIT_PARAMETERS,
    TWO_BITS_PARAMETERS,
    About,
    Architecture,
    BatchPrediction,
    BatchRequest,
    Bit,
    Deleted,
    Epochs,
    ErrorBody,
    GateName,
    GateSummary,
    Health,
    ModelInfo,
    Prediction,
    Problem,
    Row,
    Seed,
    TrainResult,
    TrainSettings,
)
from gatelab.api.security import TOKEN_ENV, ChangeKey, generate_key, require_key
from gatelab.api.service import (
    ARITY,
    CHECK_INTERVAL,
    MODEL_DIR_ENV,
    GateService,
    ServedModel,
    answer_table,
    default_model_dir,
    kind_for,
    model_info_from,
)

__all__ = [
    "ARITY",
    "AS_INT",
    "BIT_TEXTS",
    "CHECK_INTERVAL",
    "DOCS_ASSETS_URL",
    "ERROR_MEANINGS",
    "FASTAPI_UNPARSABLE_BODY",
    "GATE_DESCRIPTION",
    "LANGUAGE_NOTE",
    "MAX_BATCH_ROWS",
    "MAX_BODY_BYTES",
    "MAX_ECHO_CHARS",
    "MAX_LISTED_PROBLEMS",
    "MAX_SEED",
    "METHOD_ORDER",
    "MODEL_DIR_ENV",
    "ONE_BIT_PARAMETERS",
    "TAGS",
    "TOKEN_ENV",
    "TWO_BITS_PARAMETERS",
    "About",
    "Architecture",
    "BatchPrediction",
    "BatchRequest",
    "Bit",
    "BodySizeLimit",
    "BodyTooLarge",
    "ChangeKey",
    "Deleted",
    "Epochs",
    "ErrorBody",
    "GateName",
    "GateService",
    "GateSummary",
    "Health",
    "ModelInfo",
    "Prediction",
    "Problem",
    "RequestLanguage",
    "Row",
    "Seed",
    "ServedModel",
    "TrainResult",
    "TrainSettings",
    "__version__",
    "answer_table",
    "app",
    "choose_language",
    "create_app",
    "default_model_dir",
    "error_responses",
    "generate_key",
    "kind_for",
    "model_info_from",
    "refuse_a_null_body",
    "require_key",
    "router",
    "validation_error",
]

# `uvicorn gatelab.api:app` serves this one; its model directory is resolved on first use.
app = create_app()
