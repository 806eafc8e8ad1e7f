"""The API docs of `gatelab serve` in a browser: offline, and Swagger UI's "Try it out" works."""

from __future__ import annotations

import json

import pytest
from checks import block_other_hosts
from playwright.sync_api import Locator, Page, expect

# What each docs page shows once its script has drawn it.
DRAWN = {"/docs": ".swagger-ui .opblock", "/redoc": ".redoc-wrap .api-content h2"}


@pytest.mark.parametrize("path", sorted(DRAWN))
def test_docs_page_asks_no_other_host(path, api_server, page, page_log):
    other_hosts = block_other_hosts(page, api_server.url)
    page.goto(api_server.url + path)
    page.locator(DRAWN[path]).first.wait_for(timeout=60_000)
    page.wait_for_load_state("networkidle")

    other_hosts.check()
    page_log.check_no_page_errors()


def operation(page: Page, method: str, path: str) -> Locator:
    """Swagger UI's block of one operation, e.g. ("post", "/train/{gate}")."""
    return page.locator(f".opblock-{method}").filter(
        has=page.locator(".opblock-summary-path", has_text=path)
    )


def try_it_out(block: Locator, **parameters: str) -> Locator:
    """Open the block, press Try it out, fill the path parameters, Execute: the live response."""
    block.locator(".opblock-summary").click()
    block.locator("button.try-out__btn").click()
    for name, value in parameters.items():
        # A text box, or a drop-down where the parameter has a fixed set of values (a bit: 0, 1).
        field = block.locator(f'tr[data-param-name="{name}"]').locator("input, select").first
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    block.locator("button.execute").click()
    response = block.locator(".live-responses-table .response")
    response.wait_for(timeout=60_000)
    return response


def test_swagger_try_it_out_trains_and_asks_xor(api_server, page, page_log):
    other_hosts = block_other_hosts(page, api_server.url)
    page.goto(api_server.url + "/docs")
    page.locator(DRAWN["/docs"]).first.wait_for(timeout=60_000)

    trained = try_it_out(operation(page, "post", "/train/{gate}"), gate="XOR")
    expect(trained.locator(".response-col_status")).to_have_text("200")
    body = json.loads(trained.locator(".response-col_description pre").first.inner_text())
    assert body["gate"] == "XOR" and body["accuracy"] == 1.0

    answer = try_it_out(operation(page, "get", "/predict/{gate}/{a}/{b}"), gate="XOR", a="1", b="0")
    expect(answer.locator(".response-col_status")).to_have_text("200")
    body = json.loads(answer.locator(".response-col_description pre").first.inner_text())
    assert body["result"] == 1, body  # XOR(1, 0) = 1

    other_hosts.check()
    page_log.check_no_page_errors()
