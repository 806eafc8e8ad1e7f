"""The API's documentation: an OpenAPI schema for every answer, and docs pages that work offline."""

from __future__ import annotations

import re

import pytest
from api_client import new_client


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """One app for the module: its tests only read the docs."""
    return new_client(tmp_path_factory.mktemp("docs"))


# ----- the OpenAPI schema ---------------------------------------------------------------------
def test_every_200_answer_has_a_documented_schema(client):
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            content = operation["responses"]["200"]["content"]["application/json"]
            assert content["schema"] != {}, (method, path)  # not "any JSON at all"
    ref = "#/components/schemas/"
    schemas = {
        (path, method): operation["responses"]["200"]["content"]["application/json"]["schema"]
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
    }
    assert schemas[("/", "get")] == {"$ref": ref + "About"}
    assert schemas[("/models/{gate}", "get")] == {"$ref": ref + "ModelInfo"}
    assert schemas[("/models/{gate}", "delete")] == {"$ref": ref + "Deleted"}
    assert schemas[("/models", "get")]["items"] == {"$ref": ref + "ModelInfo"}
    required = set(spec["components"]["schemas"]["ModelInfo"]["required"])
    assert required == {
        "gate",
        "kind",
        "parameters",
        "seed",
        "epochs",
        "trained_at",
        "format_version",
    }


def test_openapi_documents_every_error_with_the_error_body(client):
    spec = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in spec["components"]["schemas"]  # FastAPI's list shape
    error_body = {"$ref": "#/components/schemas/ErrorBody"}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            statuses = {int(status) for status in operation["responses"]}
            assert 405 in statuses, (method, path)
            if "{gate}" in path:
                assert {404, 422} <= statuses, (method, path)
            if method == "post":
                assert 413 in statuses, (method, path)
            for status in statuses - {200}:
                content = operation["responses"][str(status)]["content"]
                assert content["application/json"]["schema"] == error_body, (method, path, status)


# ----- docs pages offline ---------------------------------------------------------------------
# Absolute URLs in JavaScript or CSS that a browser would fetch: an image, font, script or style
# sheet (by its src, url(...), @import, fetch(...), or its file name), or anything from a CDN.
# Other absolute URLs in these files are never fetched: XML namespaces, JSON Schema ids, links
# a reader may click, and URLs quoted in error messages.
FETCHED_URL_PATTERNS = [
    re.compile(r"""\b(?:src|srcset|poster)\s*[:=]\s*["'`](https?://[^"'`\s]+)"""),
    re.compile(r"""url\(\s*["']?(https?://[^"')\s]+)"""),
    re.compile(r"""@import\s+(?:url\()?\s*["']?(https?://[^"')\s;]+)"""),
    re.compile(r"""\b(?:fetch|import|importScripts)\(\s*["'`](https?://[^"'`\s]+)"""),
    re.compile(
        r"""["'`(](https?://[^"'`\s)]+\.(?:svg|png|jpe?g|gif|webp|ico|css|m?js|woff2?|ttf|otf|eot)"""
        r"""(?:[?#][^"'`\s)]*)?)["'`)]"""
    ),
    re.compile(
        r"""(https?://(?:fonts\.googleapis\.com|fonts\.gstatic\.com|cdn\.[\w.-]+|unpkg\.com"""
        r"""|[\w.-]*jsdelivr\.net|cdnjs\.cloudflare\.com)[^"'`\s)]*)"""
    ),
]


def fetched_urls(text: str) -> list[str]:
    """The absolute URLs in a script or style sheet that a browser would fetch."""
    return sorted(
        {found.group(1) for pattern in FETCHED_URL_PATTERNS for found in pattern.finditer(text)}
    )


def _assert_page_is_offline(client, url):
    """The page references no http(s) URL, every asset it names answers 200, and none of its
    scripts or style sheets would fetch anything from another host."""
    page = client.get(url)
    assert page.status_code == 200
    assert not re.search(r"https?://", page.text)
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert len(assets) >= 2
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        if asset.endswith((".js", ".css")):
            assert fetched_urls(response.text) == [], asset
    return page


def test_docs_work_offline(client):
    page = _assert_page_is_offline(client, "/docs")
    assert '"validatorUrl": null' in page.text  # no badge from the online validator either
    assert len(re.findall(r'(?:src|href)="([^"]+)"', page.text)) >= 3  # script, stylesheet, icon
    spec_url = re.search(r"url: '([^']+)'", page.text).group(1)
    spec = client.get(spec_url).json()
    assert spec["openapi"] == "3.1.0"  # Swagger UI 5 reads FastAPI's document as it is
    assert "/predict/{gate}/{a}/{b}" in spec["paths"]
    redirect = client.get("/docs/oauth2-redirect")
    assert redirect.status_code == 200 and not re.search(r"https?://", redirect.text)


def test_redoc_works_offline(client):
    page = _assert_page_is_offline(client, "/redoc")
    assert 'spec-url="/openapi.json"' in page.text
    script = client.get("/docs-assets/redoc.standalone.js")
    assert script.headers["content-type"].startswith("text/javascript")
    assert "API docs by Redocly" in script.text  # the whole script, only its logo replaced


def test_the_offline_check_would_catch_redocs_cdn_logo():
    """ReDoc's own file loads its logo from a CDN: the check above finds it, the app's copy not."""
    from gatelab.api.docs import REDOC_LOGO_URL, REDOC_SCRIPT, docs_assets_dir

    original = (docs_assets_dir() / REDOC_SCRIPT).read_text(encoding="utf-8")
    assert fetched_urls(original) == [REDOC_LOGO_URL]
    for name in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert fetched_urls((docs_assets_dir() / name).read_text(encoding="utf-8")) == [], name
