"""The demo events: regional reviews, the 2022 IMRF and the 2020 workshop with its agenda, in
English and Arabic, loaded through the hub's demo registry."""

import io
from datetime import UTC, datetime

import pytest

from events.models import EventPage
from hub.demo import loaders

pytestmark = pytest.mark.django_db


def test_demo_events_in_both_languages(client, home_pages, taxonomy):
    from events.demo import load_events

    assert load_events in loaders()
    load_events(io.StringIO())
    load_events(io.StringIO())  # a second run adds nothing
    english = EventPage.objects.filter(locale__language_code="en").live()
    arabic = EventPage.objects.filter(locale__language_code="ar").live()
    assert english.count() == arabic.count() == 5
    assert sorted(english.values_list("event_type", flat=True)) == [
        "imrf", "regional-review", "regional-review", "regional-review", "workshop"]

    workshop = english.get(slug="capacity-building-workshop-arab-region-2020")
    assert workshop.start == datetime(2020, 6, 25, 8, tzinfo=UTC)  # 10:00 in Cairo
    assert len(workshop.agenda) == 6
    page = client.get("/en/events/capacity-building-workshop-arab-region-2020/").content.decode()
    assert "Welcome and method of the workshop" in page and "12:40" in page
    page = client.get("/ar/events/capacity-building-workshop-arab-region-2020/").content.decode()
    assert "كلمات الترحيب ومنهجية ورشة العمل" in page
    assert "25 يونيو 2020، 10:00 – 13:00" in page

    past = client.get("/ar/events/?type=regional-review").context["listing"].past
    assert [e.title for e in past][0] == "الاستعراض الإقليمي للاتفاق العالمي: آسيا والمحيط الهادئ"
    imrf = client.get("/en/events/international-migration-review-forum-2022/").content.decode()
    assert "17 – 20 May 2022" in imrf
