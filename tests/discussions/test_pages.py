"""Page tree rules, site search of replies, query counts, and the Arabic side."""

import pytest
from django.core import mail
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from discussions.models import (
    DiscussionIndexPage,
    DiscussionSpacePage,
    DiscussionTopicPage,
    Question,
    Reply,
)
from home.models import HomePage
from hub.demo import publish, publish_translation
from tests.factories import UserFactory
from tests.page_rules import PageTreeRules

from .conftest import make_topic

pytestmark = pytest.mark.django_db


class TestTree(PageTreeRules, WagtailPageTestCase):
    allowed = [(HomePage, DiscussionIndexPage), (DiscussionIndexPage, DiscussionSpacePage),
               (DiscussionSpacePage, DiscussionTopicPage)]
    refused = [(HomePage, DiscussionTopicPage), (DiscussionIndexPage, DiscussionTopicPage),
               (Page, DiscussionSpacePage)]


def test_urls_follow_the_issue(client, topic, space, discussion_index):
    assert discussion_index.url == "/en/discussions/"
    assert space.url == "/en/discussions/review-forum/"
    assert topic.url == "/en/discussions/review-forum/labour-mobility/"
    for page in (discussion_index, space, topic):
        assert client.get(page.url).status_code == 200


def test_questions_are_numbered_in_order(client, topic):
    html = client.get(topic.url).content.decode()
    assert html.index("Question 1") < html.index("What works in your country?")
    assert html.index("Question 2") < html.index("What should change?")


def search_topics(query):
    return list(DiscussionTopicPage.objects.live().search(query))


def test_only_visible_replies_are_searchable(client, user, moderator, topic, question):
    client.force_login(user)
    reply_url = topic.url + topic.reverse_subpage("reply")
    client.post(reply_url, {"body": "Seasonal xylophonists arrive", "question": question.pk})
    assert search_topics("xylophonists") == [topic]

    reply = Reply.objects.get()
    client.force_login(moderator)
    hide_url = topic.url + topic.reverse_subpage("hide_reply", args=[reply.pk])
    client.post(hide_url, {"reason": "Test"})
    assert search_topics("xylophonists") == []


def test_closed_topics_stay_searchable(space, user):
    from datetime import timedelta

    from django.utils import timezone

    closed = make_topic(space, slug="closed", closes_at=timezone.now() - timedelta(days=1),
                        opens_at=timezone.now() - timedelta(days=9))
    Reply.objects.create(question=closed.questions.first(), author=user, body="zanzibarian idea")
    from discussions.services import reindex

    reindex(closed)
    assert search_topics("zanzibarian") == [closed]


@pytest.mark.parametrize("as_moderator", [False, True])
def test_topic_page_queries_do_not_grow_with_replies(client, user, moderator, topic, question,
                                                    django_assert_max_num_queries, as_moderator):
    viewer = moderator if as_moderator else user
    client.force_login(viewer)

    def add_replies(n):
        for i in range(n):
            author = UserFactory()
            parent = Reply.objects.create(question=question, author=author, body=f"top {i}")
            Reply.objects.create(question=question, author=UserFactory(), parent=parent,
                                 body=f"child {i}")

    add_replies(2)
    client.get(topic.url)  # warm up sessions and caches
    # A logged-in visitor's session, user, groups and follow state come on top of the 15 queries
    # an anonymous visitor costs.
    with django_assert_max_num_queries(20) as small:
        client.get(topic.url)
    add_replies(20)
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        response = client.get(topic.url)
    assert response.content.decode().count('class="reply') >= 44
    print(f"queries: {len(small.captured_queries)} with 4 replies, "
          f"{len(large.captured_queries)} with 44")


@pytest.fixture
def arabic_topic(home_pages, discussion_index, topic):
    arabic_index = publish_translation(discussion_index, "ar", title="النقاشات")
    publish_translation(topic.get_parent(), "ar", title="منتدى الاستعراض")
    arabic = topic.copy_for_translation(arabic_index.locale)
    arabic.title = "تنقل اليد العاملة"
    return publish(arabic)


def test_translated_topic_keeps_its_own_questions(arabic_topic, topic, question):
    arabic_questions = list(Question.objects.filter(page=arabic_topic))
    assert len(arabic_questions) == 2
    assert arabic_questions[0].translation_key == question.translation_key
    assert arabic_questions[0].locale.language_code == "ar"
    assert arabic_questions[0].pk != question.pk
    assert arabic_topic.url.startswith("/ar/discussions/")


def test_arabic_reply_and_messages_in_arabic(client, user, arabic_topic):
    question = Question.objects.filter(page=arabic_topic).first()
    client.force_login(user)
    url = arabic_topic.url + arabic_topic.reverse_subpage("reply")
    response = client.post(url, {"body": "", "question": question.pk})
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert "ردّك فارغ" in html  # the empty-reply error, translated
    client.post(url, {"body": "تجربتنا في تنظيم الهجرة الموسمية", "question": question.pk})
    reply = Reply.objects.get()
    assert reply.language == "ar"
    page = client.get(arabic_topic.url).content.decode()
    assert f'id="reply-{reply.pk}"' in page and "تجربتنا في تنظيم الهجرة الموسمية" in page


def test_follow_email_in_the_followers_language(client, user, other_user, arabic_topic):
    question = Question.objects.filter(page=arabic_topic).first()
    client.force_login(user)
    client.post(arabic_topic.url + arabic_topic.reverse_subpage("follow"))
    client.force_login(other_user)
    client.post(arabic_topic.url + arabic_topic.reverse_subpage("reply"),
                {"body": "مرحبا", "question": question.pk})
    assert len(mail.outbox) == 1
    assert "ردّ جديد" in mail.outbox[0].subject


class TestAdminCreation(WagtailPageTestCase):
    """Editors create a topic with its questions in the Wagtail admin."""

    def test_editor_creates_a_topic_with_questions(self):
        from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

        from tests.factories import (
            DiscussionIndexPageFactory,
            DiscussionSpacePageFactory,
            HomePageFactory,
        )

        root = Page.get_first_root_node()
        home = HomePageFactory(parent=root, slug="home-admin")
        space = DiscussionSpacePageFactory(parent=DiscussionIndexPageFactory(parent=home))
        self.client.force_login(UserFactory(groups=["Editors"]))
        data = nested_form_data({
            "title": "Skills partnerships",
            "slug": "skills",
            "welcome": rich_text("<p>Welcome</p>"),
            "opens_at": "2026-01-01 09:00",
            "closes_at": "",
            "questions": inline_formset([{"text": "First?"}, {"text": "Second?"}]),
        })
        self.assertCanCreate(space, DiscussionTopicPage, data)
        topic = DiscussionTopicPage.objects.get(slug="skills")
        texts = list(topic.questions.values_list("text", "locale__language_code"))
        assert texts == [("First?", "en"), ("Second?", "en")]


def test_index_and_space_queries_do_not_grow(client, discussion_index, space, taxonomy,
                                            django_assert_max_num_queries):
    from datetime import timedelta

    from django.utils import timezone

    from discussions.models import SpaceModerator, SpaceObjective
    from hub.models import Objective
    from tests.factories import DiscussionSpacePageFactory

    def grow(n):
        for i in range(n):
            extra = DiscussionSpacePageFactory(parent=discussion_index)
            for objective in Objective.objects.filter(locale=space.locale, number__in=[1, 2]):
                SpaceObjective.objects.create(page=extra, objective=objective)
            SpaceObjective.objects.get_or_create(
                page=space, objective=Objective.objects.get(locale=space.locale, number=i + 3)
            )
            SpaceModerator.objects.create(page=space, user=UserFactory())
            make_topic(space, slug=f"closed-{extra.pk}",
                       opens_at=timezone.now() - timedelta(days=9),
                       closes_at=timezone.now() - timedelta(days=1))

    grow(1)
    counts = {}
    for size in ("small", "large"):
        for page in (discussion_index, space):
            client.get(page.url)
            limit = counts.get(page.pk, 15)
            with django_assert_max_num_queries(limit) as queries:
                assert client.get(page.url).status_code == 200
            counts[page.pk] = len(queries.captured_queries)
        if size == "small":
            grow(8)


def test_site_search_finds_a_topic_by_its_reply_text(client, user, topic, question):
    client.force_login(user)
    client.post(topic.url + topic.reverse_subpage("reply"),
                {"body": "Circular quetzalcoatl visas", "question": question.pk})
    response = client.get("/en/search/", {"q": "quetzalcoatl"})
    assert topic.title in response.content.decode()
    reply = Reply.objects.get()
    client.post(topic.url + topic.reverse_subpage("delete_reply", args=[reply.pk]))
    response = client.get("/en/search/", {"q": "quetzalcoatl"})
    assert topic.title not in response.content.decode()
