"""In Arabic, a visitor opens an objective page, follows "next objective", opens a tool."""

import io

import pytest

from guidance.demo import load_guidance

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_arabic_objective_next_and_tool(page, live_server, home_pages, taxonomy):
    load_guidance(io.StringIO())
    page.goto(f"{live_server.url}/ar/guidance/handbook/objective-13/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator(".objective__number").inner_text().endswith("13")
    page.locator("a[rel=next]").click()
    page.wait_for_url(f"{live_server.url}/ar/guidance/handbook/objective-14/")
    assert "14" in page.locator(".objective__number").inner_text()
    page.goto(f"{live_server.url}/ar/guidance/handbook/objective-13/")
    page.locator("#related-tools + ul a").first.click()
    page.wait_for_url(f"{live_server.url}/ar/guidance/tools/**")
    assert page.locator("h1").inner_text() == "بدائل لاحتجاز المهاجرين"
