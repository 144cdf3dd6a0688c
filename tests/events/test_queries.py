"""The events index, month view, feed and an event page cost the same number of SQL queries with
3 and with 30 events per language, within the hub's budget of 15."""

from datetime import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.demo import publish_translation

from .conftest import make_event

pytestmark = pytest.mark.django_db

LIMIT = 15
URLS = ["/en/events/", "/ar/events/", "/en/events/?type=workshop&objective=8&year=2020",
        "/en/events/month/2020-06/", "/en/events/feed.ics", "/ar/events/feed.ics?type=workshop",
        "/en/events/event-0/", "/ar/events/event-0/", "/en/events/event-0/event.ics"]
REGIONS = ["middle-east-and-north-africa", "europe-and-central-asia", None]


def add_events(index, start, count):
    for n in range(start, start + count):
        event = make_event(
            index, f"Workshop {n}", datetime(2020 + n % 8, 6, 1 + n % 27, 10),
            datetime(2020 + n % 8, 6, 1 + n % 27, 13), zone="Africa/Cairo", slug=f"event-{n}",
            event_type=["workshop", "gcm-talk", "regional-review"][n % 3],
            objectives=sorted({8, 1 + n % 23}), region=REGIONS[n % 3],
            agenda=[("session", {"start": "10:00", "end": "11:00", "title": f"Session {n}"})],
        )
        publish_translation(event, "ar", title=f"ورشة عمل {n}")


def measure(client, url):
    cache.clear()
    ContentType.objects.clear_cache()
    client.get(url)
    with CaptureQueriesContext(connection) as warm:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(warm)


def test_event_pages_cost_a_constant_number_of_queries(client, event_indexes):
    add_events(event_indexes["en"], 0, 3)
    small = {url: measure(client, url) for url in URLS}
    add_events(event_indexes["en"], 3, 27)
    large = {url: measure(client, url) for url in URLS}
    print("\nqueries with 3 and 30 events:", {url: (small[url], large[url]) for url in URLS})
    assert small == large
    assert {url: count for url, count in large.items() if count > LIMIT} == {}
    listing = client.get("/en/events/").context["listing"]
    assert listing.total == 30
    assert client.get("/en/events/feed.ics").content.count(b"BEGIN:VEVENT") == 30
