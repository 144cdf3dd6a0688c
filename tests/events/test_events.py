"""Event pages and the events index: dates in the event's zone, filters with counts, upcoming
and past, the month view, search and the sitemap."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventIndexPage, EventPage
from home.models import HomePage
from tests.factories import UserFactory

from .conftest import make_event

pytestmark = pytest.mark.django_db

NEXT_YEAR = timezone.now().year + 1


def test_page_types_sit_where_they_belong(event_indexes):
    assert EventPage.parent_page_types == ["events.EventIndexPage"]
    assert EventPage.clean_subpage_models() == []
    assert EventIndexPage.parent_page_types == ["home.HomePage"]
    assert EventIndexPage.can_create_at(event_indexes["en"]) is False  # one per home
    assert EventPage.can_create_at(event_indexes["en"])
    assert not EventPage.can_create_at(HomePage.objects.first())


def test_editor_types_times_in_the_event_zone_and_they_are_stored_in_utc(client, event_indexes):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    index = event_indexes["en"]
    data = nested_form_data({
        "title": "Capacity-building workshop", "slug": "workshop-1", "event_type": "workshop",
        "summary": "First session.", "start": "2020-06-25 10:00", "end": "2020-06-25 13:00",
        "time_zone": "Africa/Cairo", "venue": "", "city": "", "organisers": "ESCWA\nIOM",
        "languages": "Arabic", "registration_url": "", "description": rich_text(""),
        "outcomes": rich_text(""), "agenda": streamfield([]), "documents": streamfield([]),
        "event_objectives": inline_formset([]), "comments": inline_formset([]),
    })
    url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", index.pk))
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="workshop-1")
    # Cairo was UTC+2 in June 2020.
    assert event.start == datetime(2020, 6, 25, 8, 0, tzinfo=UTC)
    assert event.end == datetime(2020, 6, 25, 11, 0, tzinfo=UTC)
    # The edit form shows the times in the event's zone again.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(event.pk,)))
    assert 'value="2020-06-25 10:00"' in edit.content.decode()


def test_editor_end_before_start_is_refused_with_nothing_lost(client, event_indexes):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    data = nested_form_data({
        "title": "Backwards", "slug": "backwards", "event_type": "webinar", "summary": "S.",
        "start": "2030-01-02 10:00", "end": "2030-01-01 10:00", "time_zone": "UTC",
        "description": rich_text(""), "outcomes": rich_text(""), "agenda": streamfield([]),
        "documents": streamfield([]), "event_objectives": inline_formset([]),
        "comments": inline_formset([]),
    })
    url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", event_indexes["en"].pk))
    response = client.post(url, data)
    assert response.status_code == 200
    assert "end" in response.context["form"].errors
    assert 'value="Backwards"' in response.content.decode()


def test_event_page_shows_dates_in_its_zone_in_both_languages(client, event_indexes):
    make_event(event_indexes["en"], "Workshop", datetime(2020, 6, 25, 10),
               datetime(2020, 6, 25, 13), zone="Africa/Cairo", slug="workshop",
               event_type="workshop", objectives=[23],
               region="middle-east-and-north-africa", organisers="ESCWA\nIOM\nLAS",
               agenda=[("session", {"start": "10:00", "end": "10:15", "title": "Welcome",
                                    "speakers": "ESCWA"})])
    page = client.get("/en/events/workshop/").content.decode()
    assert "25 June 2020, 10:00 – 13:00" in page
    assert "Africa/Cairo (UTC+02:00)" in page
    assert "25 June 2020, 08:00 – 11:00 UTC" in page
    assert "Welcome" in page and "10:00" in page and "ESCWA" in page
    assert 'href="/en/events/?region=middle-east-and-north-africa"' in page
    assert "/en/events/workshop/event.ics" in page
    assert client.get("/ar/events/").status_code == 200


def test_arabic_dates_use_the_hubs_month_names(client, event_indexes):
    """One Arabic date format on the hub: events read «12 – 13 نوفمبر 2020» like every other
    date, not the UN double names of the source documents."""
    from hub.demo import publish_translation

    event = make_event(event_indexes["en"], "Review", datetime(2020, 11, 12),
                       datetime(2020, 11, 13), slug="review", all_day=True)
    publish_translation(event, "ar", title="الاستعراض")
    arabic = client.get("/ar/events/review/").content.decode()
    assert "12 – 13 نوفمبر 2020" in arabic and "تشرين" not in arabic
    english = client.get("/en/events/review/").content.decode()
    assert "12 – 13 November 2020" in english


def test_index_lists_upcoming_and_past_with_filters_and_counts(client, event_indexes):
    index = event_indexes["en"]
    make_event(index, "Future talk", datetime(NEXT_YEAR, 3, 1, 9), datetime(NEXT_YEAR, 3, 1, 11),
               slug="future-talk", event_type="gcm-talk", objectives=[8])
    make_event(index, "Old review", datetime(2020, 11, 12, 9), datetime(2020, 11, 13, 17),
               slug="old-review", event_type="regional-review", objectives=[8, 23],
               region="europe-and-central-asia")
    make_event(index, "Old workshop", datetime(2020, 6, 25, 10), datetime(2020, 6, 25, 13),
               slug="old-workshop", event_type="workshop", objectives=[23],
               region="middle-east-and-north-africa")
    listing = client.get("/en/events/").context["listing"]
    assert [e.slug for e in listing.upcoming] == ["future-talk"]
    assert [e.slug for e in listing.past] == ["old-review", "old-workshop"]

    response = client.get("/en/events/?objective=23&type=workshop&type=regional-review")
    listing = response.context["listing"]
    assert [e.slug for e in listing.past] == ["old-review", "old-workshop"]
    assert listing.upcoming == []
    counts = {f["name"]: {o["key"]: o["count"] for o in f["options"]} for f in listing.facets}
    # Disjunctive counts: each facet counted with the OTHER active filters.
    assert counts["type"] == {"gcm-talk": 0, "regional-review": 1, "workshop": 1}
    assert counts["objective"] == {"8": 1, "23": 2}
    assert counts["year"] == {str(NEXT_YEAR): 0, "2020": 2}
    assert counts["region"] == {"europe-and-central-asia": 1, "middle-east-and-north-africa": 1}
    assert b'<meta name="robots" content="noindex">' in response.content

    assert [e.slug for e in client.get("/en/events/?year=2020&region=europe-and-central-asia")
            .context["listing"].past] == ["old-review"]
    # Unknown or malformed values are ignored, never an error.
    assert client.get("/en/events/?year=<script>&objective=x'&page=zz").status_code == 200


def test_month_view_without_javascript(client, event_indexes):
    make_event(event_indexes["en"], "Two-day review", datetime(2020, 11, 30, 9),
               datetime(2020, 12, 1, 17), slug="two-day", zone="Asia/Beirut")
    response = client.get("/en/events/month/2020-11/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<table" in body and "November 2020" in body and "Two-day review" in body
    assert 'href="/en/events/month/2020-10/"' in body and 'href="/en/events/month/2020-12/"' in body
    december = client.get("/en/events/month/2020-12/").context["month"]
    days = [cell["day"].day for week in december.weeks for cell in week if cell["events"]]
    assert 1 in days
    assert client.get("/en/events/month/2020-13/").status_code == 404
    assert client.get("/ar/events/month/2020-11/").status_code == 200


def test_past_events_stay_searchable_and_in_the_sitemap(client, event_indexes):
    from hub.demo import publish_translation

    event = make_event(event_indexes["en"], "Arab regional review", datetime(2021, 2, 24, 9),
                       datetime(2021, 2, 25, 17), slug="arab-review",
                       summary="Regional review of the Global Compact in the Arab region.")
    publish_translation(event, "ar", title="الاستعراض الإقليمي للمنطقة العربية",
                        summary="الاستعراض الإقليمي للاتفاق العالمي في المنطقة العربية.")
    found = client.get("/en/search/?q=regional+review")
    assert 'href="/en/events/arab-review/"' in found.content.decode()
    found = client.get("/ar/search/?q=الإقليمي&type=event")
    assert 'href="/ar/events/arab-review/"' in found.content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/events/arab-review/" in sitemap and "/ar/events/arab-review/" in sitemap
    assert "/ar/events/" in sitemap


def test_draft_event_is_not_public(client, event_indexes):
    event = make_event(event_indexes["en"], "Secret", datetime(2030, 1, 1, 9),
                       datetime(2030, 1, 1, 10), slug="secret")
    event.unpublish()
    assert client.get("/en/events/secret/").status_code == 404
    assert client.get("/en/events/secret/event.ics").status_code == 404
    assert b"Secret" not in client.get("/en/events/").content
    assert b"Secret" not in client.get("/en/events/feed.ics").content


def test_event_ends_after_start(event_indexes):
    from django.core.exceptions import ValidationError

    event = EventPage(title="x", slug="x", summary="s", start=timezone.now(),
                      end=timezone.now() - timedelta(hours=1))
    with pytest.raises(ValidationError):
        event.full_clean()
