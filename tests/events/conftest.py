"""An events index in both languages and a helper that publishes an event."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from events.models import EventIndexPage, EventObjective, EventPage
from hub.demo import publish
from hub.models import Objective, Region
from tests.factories import section_in_both_languages


def make_event(index, title, start, end, *, zone="UTC", objectives=(), region=None, **fields):
    """Publish an event under ``index``; ``start``/``end`` are naive wall-clock times in ``zone``;
    ``objectives`` are numbers, ``region`` a slug (rows of the index's language)."""
    tz = ZoneInfo(zone)
    locale = index.locale
    fields.setdefault("summary", f"Summary of {title}.")
    fields.setdefault("slug", None)
    if region:
        fields["region"] = Region.objects.get(locale=locale, slug=region)
    event = EventPage(
        title=title, start=start.replace(tzinfo=tz), end=end.replace(tzinfo=tz), time_zone=zone,
        **{k: v for k, v in fields.items() if v is not None},
    )
    for number in objectives:
        event.event_objectives.add(
            EventObjective(objective=Objective.objects.get(locale=locale, number=number))
        )
    index.add_child(instance=event)
    return publish(event)


@pytest.fixture
def event_indexes(home_pages, taxonomy):
    index = EventIndexPage(title="Events", slug="events", show_in_menus=True)
    return section_in_both_languages(home_pages, index, "الفعاليات")


def dt(*args):
    return datetime(*args)
