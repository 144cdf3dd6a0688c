"""The feed and the exports cost what they show: the feed renders its newest entries only; CSV
and JSON stream and are served from the cache, per filter, until the practices change."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.demo import publish
from practices.exports import FEED_ENTRIES

from ..factories import make_practice
from .test_listing import body, objective

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def many(practice_indexes, taxonomy):
    en = practice_indexes["en"]
    return [make_practice(en, f"Practice {n:02d}", [objective(1 + n % 3)], countries=["JO"])
            for n in range(FEED_ENTRIES + 5)]


def entries(client, **params):
    feed = ET.fromstring(client.get("/en/practices/feed/", params).content)
    return [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]


def test_feed_shows_only_the_newest_entries(client, many):
    newest_first = [p.title for p in reversed(many)]
    assert entries(client) == newest_first[:FEED_ENTRIES]
    assert entries(client, objective=1) == [
        p.title for p in reversed(many) if p.title in {f"Practice {n:02d}" for n in range(0, 30, 3)}
    ]


def feed_queries(client):
    client.get("/en/practices/feed/")  # rebuild what the last change made the hub forget
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/practices/feed/")
    return len(queries)


def test_feed_queries_do_not_grow_with_the_repository(client, many, practice_indexes):
    few = feed_queries(client)
    assert few <= 20
    for n in range(40):
        make_practice(practice_indexes["en"], f"More {n}", [objective(2)])
    assert feed_queries(client) == few


def csv_titles(response):
    return [row["title"] for row in
            csv.DictReader(io.StringIO(body(response).decode("utf-8-sig")))]


def test_exports_stream_every_matching_practice(client, many):
    response = client.get("/en/practices/", {"format": "csv"})
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert len(csv_titles(response)) == len(many)
    response = client.get("/en/practices/", {"format": "json", "objective": 1})
    assert response.streaming
    data = json.loads(body(response))
    assert data["count"] == len(data["results"]) == 10


def test_exports_are_cached_per_filter_until_the_data_changes(
    client, many, practice_indexes, django_assert_max_num_queries
):
    url = "/en/practices/"
    first = csv_titles(client.get(url, {"format": "csv", "objective": 2}))
    assert len(first) == 10
    # The same filters, in another order and with noise: served from the cache.
    with django_assert_max_num_queries(8):  # routing, session, version: no practice row
        again = client.get(url, {"objective": ["2", "x"], "format": "csv", "page": 3})
        assert csv_titles(again) == first
    # Other filters are another export.
    assert len(csv_titles(client.get(url, {"format": "csv", "objective": 3}))) == 10

    # Publishing, unpublishing and editing change what is exported, at once.
    added = make_practice(practice_indexes["en"], "Fresh practice", [objective(2)])
    assert csv_titles(client.get(url, {"format": "csv", "objective": 2}))[0] == "Fresh practice"
    added.title = "Fresh practice, renamed"
    publish(added)
    assert "Fresh practice, renamed" in csv_titles(
        client.get(url, {"format": "csv", "objective": 2}))
    added.unpublish()
    assert csv_titles(client.get(url, {"format": "csv", "objective": 2})) == first
    data = json.loads(body(client.get(url, {"format": "json", "objective": 2})))
    assert [r["title"] for r in data["results"]] == first


def test_a_large_export_is_streamed_but_not_kept(client, many, settings):
    from django.core.cache import cache

    def kept():
        return [k for k in cache._cache if "practices:export" in k]

    url = "/en/practices/"
    settings.PRACTICES_EXPORT_CACHE_MAX_BYTES = 0
    large = body(client.get(url, {"format": "csv"}))
    small = body(client.get(url, {"format": "csv", "objective": 1}))
    assert not kept()

    settings.PRACTICES_EXPORT_CACHE_MAX_BYTES = (len(large) + len(small)) // 2
    assert body(client.get(url, {"format": "csv"})) == large
    assert not kept()
    assert body(client.get(url, {"format": "csv", "objective": 1})) == small
    assert len(kept()) == 1
