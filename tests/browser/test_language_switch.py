"""A visitor opens the English home, switches to Arabic with the switcher, and back."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def document_language(page):
    return page.evaluate("[document.documentElement.lang, document.documentElement.dir]")


def test_switch_language_and_direction(page, live_server, home_pages, taxonomy):
    page.goto(f"{live_server.url}/en/")
    assert document_language(page) == ["en", "ltr"]
    assert page.locator("h1").inner_text() == "GCM Knowledge Hub"

    page.locator('[data-language-switch="ar"]').click()
    page.wait_for_url(f"{live_server.url}/ar/")
    assert document_language(page) == ["ar", "rtl"]
    assert page.locator("nav.main-nav a").first.inner_text() == "الرئيسية"
    # The layout really mirrors: the brand sits on the right in Arabic.
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] > page.viewport_size["width"] / 2

    page.locator('[data-language-switch="en"]').click()
    page.wait_for_url(f"{live_server.url}/en/")
    assert document_language(page) == ["en", "ltr"]
    assert page.locator(".brand").bounding_box()["x"] < page.viewport_size["width"] / 2


def test_root_follows_the_browser_language(browser, live_server, home_pages):
    context = browser.new_context(locale="ar", extra_http_headers={"Accept-Language": "ar"})
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    assert page.url == f"{live_server.url}/ar/"
    assert document_language(page) == ["ar", "rtl"]
    context.close()
