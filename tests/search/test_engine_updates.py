"""A view restriction and a hidden discussion reply reach the engine at once.

Like the publish / unpublish / delete tests of test_engine_faults.py, on the real node:

- a restriction set in the admin hides the practice from the engine's answers (the listing's one
  request, the site search), and lifting it shows the practice again. The restriction is part of
  every request the hub sends (Wagtail compiles ``public()`` into the query from the restricted
  sections, kept in the cache and forgotten when a restriction changes), so no document has to
  be rewritten, however many pages a restricted section holds;
- a reply hidden by a moderator leaves the topic's document on the engine (the topic is indexed
  again without it): the engine itself no longer matches its words.

Skipped, with the reason shown, when OPENSEARCH_URL is unset.
"""

import pytest
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from discussions.models import DiscussionTopicPage, Reply
from practices.facet_index import public_practices
from search.query import search_pages

from ..discussions.conftest import (  # noqa: F401 (fixtures)
    discussion_index,
    question,
    reply_factory,
    space,
    topic,
)
from ..discussions.test_replies import post_reply, route
from ..factories import UserFactory, make_practice

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]


def listed(client, url, q):
    response = client.get(url, {"q": q})
    assert response.status_code == 200
    return [p.title for p in response.context["practices"]]


def test_a_restriction_set_and_lifted_in_the_admin_reaches_the_engine(
        client, practice_indexes, taxonomy, settings):
    settings.PRACTICE_LISTING = settings.PRACTICE_LISTINGS["engine"]
    index = practice_indexes["en"]
    kept = make_practice(index, "Remittance corridors", [])
    restricted = make_practice(index, "Remittance costs", [])
    url = index.url
    assert sorted(listed(client, url, "remittance")) == ["Remittance corridors",
                                                        "Remittance costs"]

    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(f"/admin/pages/{restricted.pk}/privacy/",
                           {"restriction_type": "login"})
    assert response.status_code == 200, response.content[:500]
    assert PageViewRestriction.objects.filter(page=restricted).exists()
    client.logout()

    backend = get_search_backend()
    on_engine = backend.faceted_search(public_practices(index.locale_id), "remittance", size=10)
    assert on_engine.ids == [kept.pk] and on_engine.total == 1
    assert listed(client, url, "remittance") == ["Remittance corridors"]
    assert search_pages(Page.objects.live().public(), "remittance") == [kept.pk]
    assert "Remittance costs" not in client.get("/en/search/", {"q": "remittance"}).content.decode()

    client.force_login(admin)
    client.post(f"/admin/pages/{restricted.pk}/privacy/", {"restriction_type": "none"})
    assert not PageViewRestriction.objects.filter(page=restricted).exists()
    client.logout()
    assert sorted(listed(client, url, "remittance")) == ["Remittance corridors",
                                                        "Remittance costs"]


def test_a_reply_hidden_by_a_moderator_leaves_the_engine(client, topic, question,  # noqa: F811
                                                        moderator):
    author = UserFactory()
    client.force_login(author)
    assert post_reply(client, topic, question, "Seasonal harvest visas worked well"
                      ).status_code == 302
    reply = Reply.objects.get(body__startswith="Seasonal")
    assert reply.status == "approved"
    backend = get_search_backend()
    assert backend.matching_ids(DiscussionTopicPage, "harvest") == [topic.pk]
    assert search_pages(Page.objects.live().public(), "harvest") == [topic.pk]

    client.force_login(moderator)
    response = client.post(route(topic, "hide_reply", reply.pk), {"reason": "Off topic"})
    assert response.status_code == 302
    # The engine's own document no longer holds the words (not a filter of the database's).
    assert backend.matching_ids(DiscussionTopicPage, "harvest") == []
    assert search_pages(Page.objects.live().public(), "harvest") == []
    client.logout()
    assert "Seasonal harvest" not in client.get("/en/search/",
                                                 {"q": "harvest"}).content.decode()

    client.force_login(moderator)  # approved again: back on the engine
    assert client.post(route(topic, "approve_reply", reply.pk)).status_code == 302
    reply.refresh_from_db()
    assert reply.status == "approved"
    assert backend.matching_ids(DiscussionTopicPage, "harvest") == [topic.pk]
