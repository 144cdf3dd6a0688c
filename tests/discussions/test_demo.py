"""The demo loader builds both spaces once, and the pages it builds render."""

import sys

import pytest

from discussions import demo
from discussions.models import DiscussionSpacePage, DiscussionTopicPage, Reply

pytestmark = pytest.mark.django_db


def test_demo_content_is_complete_and_idempotent(client, home_pages, taxonomy):
    demo.load(sys.stdout)
    demo.load(sys.stdout)  # a second run adds nothing
    spaces = DiscussionSpacePage.objects.all()
    assert sorted(s.locale.language_code for s in spaces) == ["ar", "en"]
    assert DiscussionTopicPage.objects.count() == 4
    assert sum(topic.is_closed for topic in DiscussionTopicPage.objects.all()) == 2
    assert Reply.objects.filter(parent__isnull=False).exists()
    arabic = DiscussionTopicPage.objects.get(slug="whole-of-government")
    html = client.get(arabic.url).content.decode()
    assert arabic.url.startswith("/ar/discussions/")
    assert "السؤال 1" in html and "شكّلنا لجنة وطنية" in html
    assert "النقاشات الجارية" in client.get(arabic.get_parent().url).content.decode()
    assert "Discussions" in client.get("/en/").content.decode()  # in the main menu
    assert not any(r.author.has_usable_password() for r in Reply.objects.select_related("author"))
