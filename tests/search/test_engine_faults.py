"""A stopped search engine: publishing still works, nothing is lost, visitors get a message.

"Stopped" is real here: the backend is pointed at a closed port of this machine (connection
refused, as when the node is down), then back at the node of OPENSEARCH_URL. Skipped, with the
reason shown, when OPENSEARCH_URL is unset.
"""

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from practices.models import PracticePage
from search.backlog import apply_backlog
from search.models import IndexBacklog
from search.query import search_pages

from ..factories import make_practice

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]

CLOSED_PORT = "http://127.0.0.1:1"


@pytest.fixture
def engine(settings):
    """``engine.stop()`` / ``engine.start()`` point the hub away from / back at the node."""
    live = dict(settings.WAGTAILSEARCH_BACKENDS["default"])

    class Engine:
        def stop(self):
            settings.WAGTAILSEARCH_BACKENDS = {"default": {**live, "URLS": [CLOSED_PORT]}}

        def start(self):
            settings.WAGTAILSEARCH_BACKENDS = {"default": live}

    return Engine()


def found(q):
    return search_pages(Page.objects.live(), q)


def on_engine(q):
    """Every id the engine's documents match, whatever the database says."""
    return set(get_search_backend().matching_ids(PracticePage, q))


def document(page):
    """The engine's document for ``page`` (its _source), None if it has none."""
    backend = get_search_backend()
    response = backend.es.get(index=backend.get_index_for_model(PracticePage).name,
                              id=str(page.pk), ignore=404)
    return response.get("_source")


def test_publish_unpublish_delete_with_the_engine_stopped_are_applied_when_it_returns(
        make_page, engine):
    kept = make_page("Remittance corridors")
    withdrawn = make_page("Remittance costs")
    removed = make_page("Remittance archive")
    engine.stop()
    new = make_page("Remittance apps")  # the publish succeeds
    withdrawn.unpublish()
    removed.delete()
    assert set(IndexBacklog.objects.values_list("object_id", "action")) == {
        (str(new.pk), "update"), (str(withdrawn.pk), "update"), (str(removed.pk), "delete")}

    engine.start()
    # What the engine holds (its own `live` filter, its raw ids): stale until the backlog is sent
    assert on_engine("remittance") == {kept.pk, withdrawn.pk, removed.pk}
    assert document(withdrawn)["live_filter"] is True
    assert apply_backlog() == 0
    assert on_engine("remittance") == {kept.pk, withdrawn.pk, new.pk}
    assert document(withdrawn)["live_filter"] is False and document(removed) is None
    assert sorted(found("remittance")) == sorted([kept.pk, new.pk])
    assert not IndexBacklog.objects.exists()


def test_the_next_update_that_reaches_the_engine_sends_the_backlog(make_page, engine):
    engine.stop()
    missed = make_page("Labour mobility")
    engine.start()
    make_page("Skills partnerships")
    assert not IndexBacklog.objects.exists()
    assert found("mobility") == [missed.pk]


def test_a_failed_retry_keeps_the_backlog_and_counts_the_attempt(make_page, engine):
    engine.stop()
    make_page("Labour mobility")
    assert apply_backlog() == 1
    assert IndexBacklog.objects.get().attempts == 1
    engine.start()
    call_command("apply_index_backlog", stdout=open("/dev/null", "w"))
    assert not IndexBacklog.objects.exists()


def test_search_page_answers_with_a_message_in_the_visitors_language(client, make_page, engine):
    make_page("Migration data")
    engine.stop()
    response = client.get("/en/search/", {"q": "migration"})
    assert response.status_code == 503
    html = response.content.decode()
    assert "Search is unavailable for a moment" in html and 'value="migration"' in html
    html = client.get("/ar/search/", {"q": "الهجرة"}).content.decode()
    assert "البحث غير متاح مؤقتاً" in html and 'value="الهجرة"' in html
    assert client.get("/en/search/").status_code == 200  # no query: nothing asked of the engine
    assert client.get("/en/").status_code == 200  # every other page works


def test_keyword_listing_shows_the_other_filters_and_says_why(client, practice_indexes, taxonomy,
                                                              engine):
    index = practice_indexes["en"]
    make_practice(index, "Remittance corridors", [])
    make_practice(index, "Labour mobility", [])
    url = index.url
    engine.stop()
    response = client.get(url, {"q": "remittance"})
    assert response.status_code == 503
    html = response.content.decode()
    assert "Keyword search is unavailable for a moment" in html
    assert 'value="remittance"' in html  # nothing typed is lost
    assert "Remittance corridors" in html and "Labour mobility" in html
    assert client.get(url, {"q": "remittance", "format": "csv"}).status_code == 503
    assert client.get(url).status_code == 200
    ar = client.get(practice_indexes["ar"].url, {"q": "تحويلات"}).content.decode()
    assert "البحث بالكلمة المفتاحية غير متاح مؤقتاً" in ar
    engine.start()
    html = client.get(url, {"q": "remittance"}).content.decode()
    assert "Remittance corridors" in html and "Labour mobility" not in html
