"""Chromium loads the site's pages under their Content-Security-Policy without one violation."""

import pytest

from tests.factories import UserFactory

from .test_discussions import arabic_topic, log_in  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = ["/en/", "/ar/", "/en/search/?q=migration", "/ar/search/?q=هجرة",
         "/en/accounts/login/", "/ar/accounts/signup/", "/en/no-such-page/"]


def test_pages_load_without_csp_violations(browser, live_server, home_pages, taxonomy,
                                           arabic_topic):  # noqa: F811
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems = []
    page.on("console", lambda message: problems.append(message.text)
            if "Content Security Policy" in message.text or message.type == "error" else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy violation: ' + e.violatedDirective))"
    )
    for path in [*PAGES, arabic_topic.url]:
        response = page.goto(live_server.url + path)
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        page.wait_for_load_state("load")
    log_in(context, live_server, UserFactory())
    page.goto(live_server.url + arabic_topic.url)
    page.wait_for_load_state("load")
    # The 404 page's own status is logged as a failed resource load: not a CSP problem.
    assert [p for p in problems if "404" not in p] == []
    context.close()
