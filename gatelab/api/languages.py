"""The language of an answer: English, or Korean for a client that sends ``Accept-Language: ko``.

Only the sentences people read change language: an error's ``detail`` and the ``msg`` of each
problem in a 422. Status codes, field names, ``loc`` and ``type`` are the protocol, the same in
every language, so a program that reads them works whatever a person asked for. English is the
default: a request without the header (httpx, curl, a classmate's script) gets English.

Why a middleware and a ContextVar (gatelab.language.speaking), not set_language: a server answers
many clients at once, and in the notebook it runs beside the lesson's own code, so one
process-wide language would let one client's choice, or the notebook's, leak into another's
answers. The middleware picks each request's language from its header and sets it for that
request alone (its asyncio task, and the worker threads FastAPI starts for it), so the messages
are written with the same `tr(...)` as the rest of gatelab and each answer speaks its client's
language. Error answers say which language they use (``Content-Language``) and that it came from
the header (``Vary: Accept-Language``, so a cache never hands one client's language to another).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from gatelab.language import LANGUAGES, speaking

DEFAULT_LANGUAGE = "en"
# A browser sends a handful of ranges ("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7"); more are ignored.
MAX_RANGES = 32
# For the OpenAPI document (/docs): how a client asks for Korean.
LANGUAGE_NOTE = (
    "Error messages (`detail`, and each problem's `msg`) are in English; send the header "
    "`Accept-Language: ko` for Korean (q-values are honoured, e.g. `ko-KR,ko;q=0.9`). Status "
    "codes, field names, `loc` and `type` are the same in every language."
)


def _quality(parameters: str) -> float:
    """The q-value in a range's parameters (" q=0.8"): 1 if absent, 0 unless a number in 0-1."""
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "q":
            try:
                quality = float(value)
            except ValueError:
                return 0.0
            return quality if 0.0 <= quality <= 1.0 else 0.0  # NaN fails both comparisons
    return 1.0


def choose_language(header: str | None) -> str:
    """The language to answer in for an Accept-Language header: "ko" or "en" (the default).

    The client's best-liked language among those gatelab speaks, by q-value, earlier ranges
    winning ties: "ko", "ko-KR" → "ko"; "en;q=0.9, ko;q=0.8" → "en"; "fr, ko;q=0.5" → "ko";
    "ko;q=0", "fr", "*", "" or no header → "en". A wildcard counts for the languages not named.
    """
    if not header:
        return DEFAULT_LANGUAGE
    ranked: dict[str, tuple[float, int]] = {}  # language -> (q, -position): bigger is better
    wildcard: tuple[float, int] | None = None
    for position, part in enumerate(header.split(",")[:MAX_RANGES]):
        tag, _, parameters = part.partition(";")
        tag = tag.strip().lower()
        rank = (_quality(parameters), -position)
        if tag == "*":
            wildcard = wildcard or rank
            continue
        language = tag.split("-", 1)[0]  # "ko-KR" is Korean, "en-GB" English
        if language in LANGUAGES:
            ranked[language] = max(ranked.get(language, rank), rank)
    if wildcard is not None:
        for language in LANGUAGES:
            ranked.setdefault(language, wildcard)
    # The best rank; between equals (a wildcard), English.
    choices = [(rank, name == DEFAULT_LANGUAGE, name) for name, rank in ranked.items() if rank[0]]
    return max(choices)[-1] if choices else DEFAULT_LANGUAGE


class RequestLanguage:
    """Pure ASGI middleware: each request is answered in the language its Accept-Language asks.

    Every request gets a language, "en" without the header, so a notebook's set_language("ko")
    never reaches the server's answers.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # lifespan events: no request, nothing to say
            await self.app(scope, receive, send)
            return
        asked = [value for key, value in scope["headers"] if key == b"accept-language"]
        language = choose_language(b",".join(asked).decode("latin-1")) if asked else "en"
        with speaking(language):
            await self.app(scope, receive, send)
