"""File inputs read in the page's language: Chromium's own "Choose Files" / "No file chosen"
(drawn in the browser's language, English here) never shows on an Arabic page; the control
drawn instead is reachable and usable from the keyboard."""

import pytest

from hub.demo import publish, publish_translation
from practices.models import PracticeIndexPage
from tests.factories import UserFactory
from tests.submissions.samples import SAMPLE_PDF

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_arabic_submission_page_shows_no_browser_file_button(
        page, live_server, home_pages, taxonomy, client):
    english = PracticeIndexPage(title="Practices", slug="practices")
    home_pages["en"].add_child(instance=english)
    publish(english)
    publish_translation(english, "ar", title="الممارسات")
    user = UserFactory(email="amal@example.org")
    client.force_login(user)
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])

    page.goto(f"{live_server.url}/ar/practices/submit/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    main = page.locator("main")
    text = main.inner_text()
    assert "Choose" not in text and "No file" not in text
    picker = page.locator(".file-picker").first
    assert picker.locator(".file-picker__button").inner_text() == "اختيار ملفات"
    assert picker.locator(".file-picker__names").inner_text() == "لم يُختر أي ملف"
    # The browser's control is not seen: one pixel, transparent (it keeps the focus).
    native = page.locator("input[type=file][name=attachments]")
    box = native.bounding_box()
    assert box["width"] <= 1 and box["height"] <= 1
    assert native.evaluate("e => getComputedStyle(e).opacity") == "0"
    # Its name comes from the field's label, not from the drawn button.
    label = page.locator(f"label[for={native.get_attribute('id')}]:not(.file-picker__button)")
    assert label.count() == 1
    described = native.get_attribute("aria-describedby").split()
    assert f"{native.get_attribute('id')}_chosen" in described

    # Keyboard: tabbing reaches the input, and the drawn button shows the focus.
    native.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "attachments"
    outline = picker.locator(".file-picker__button").evaluate(
        "e => getComputedStyle(e).outlineStyle")
    assert outline == "solid"
    # Choosing a file names it, isolated from the Arabic text around it.
    page.set_input_files("input[name=attachments]", str(SAMPLE_PDF))
    chosen = picker.locator(".file-picker__names bdi")
    assert chosen.count() == 1 and chosen.inner_text() == SAMPLE_PDF.name
    page.set_input_files("input[name=attachments]", [])
    assert picker.locator(".file-picker__names").inner_text() == "لم يُختر أي ملف"
