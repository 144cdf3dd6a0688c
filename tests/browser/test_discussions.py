"""A logged-in user posts a reply in Arabic on an Arabic topic and finds it at its permalink."""

import pytest
from django.conf import settings
from django.test import Client

from discussions.models import Question, Reply
from hub.demo import publish, publish_translation
from tests.factories import (
    DiscussionIndexPageFactory,
    DiscussionSpacePageFactory,
    DiscussionTopicPageFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ARABIC_REPLY = "في بلدنا، تُشرك اللجنة الوطنية منظمات المهاجرين منذ البداية.\nhttps://example.org"


@pytest.fixture
def arabic_topic(home_pages):
    index = publish(DiscussionIndexPageFactory(parent=home_pages["en"]))
    arabic_index = publish_translation(index, "ar", title="النقاشات")
    space = publish(DiscussionSpacePageFactory(
        parent=arabic_index, locale=arabic_index.locale, title="الخطط الوطنية", slug="plans",
    ))
    topic = DiscussionTopicPageFactory(
        parent=space, locale=space.locale, title="إشراك المجتمع بأكمله", slug="whole-of-society",
    )
    Question.objects.create(page=topic, text="من يشارك في إعداد الخطة؟")
    return publish(topic)


def log_in(context, live_server, user):
    client = Client()
    client.force_login(user)
    context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }])


def test_post_an_arabic_reply_and_open_its_permalink(browser, live_server, arabic_topic):
    context = browser.new_context(locale="ar")
    log_in(context, live_server, UserFactory())
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}{arabic_topic.url}")
    assert page.evaluate("document.documentElement.dir") == "rtl"

    page.locator(".question .reply-form textarea").first.fill(ARABIC_REPLY)
    page.get_by_role("button", name="انشر إجابتك").click()
    page.wait_for_url("**#reply-*")
    reply = Reply.objects.get()
    assert page.url.endswith(f"#reply-{reply.pk}")
    assert page.locator(".message").first.inner_text() == "نُشر ردّك."

    # A fresh visit to the permalink lands on the reply, shown as typed (line break, link).
    other = context.new_page()
    other.goto(f"{live_server.url}{arabic_topic.url}#reply-{reply.pk}")
    target = other.locator(":target")
    assert target.get_attribute("id") == f"reply-{reply.pk}"
    body = target.locator(".reply__body")
    assert body.inner_text() == ARABIC_REPLY
    assert body.get_attribute("lang") == "ar"
    assert body.locator("a").get_attribute("href") == "https://example.org"
    assert target.is_visible()
    context.close()
