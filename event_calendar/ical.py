"""iCalendar (RFC 5545) for events, written by the ``icalendar`` library.

Times go out in UTC (``DTSTART:20200625T070000Z``), so no VTIMEZONE is needed; all-day events
as dates (``VALUE=DATE``, the end exclusive). The UID comes from the page's translation key: it
stays the same when the event is edited, so calendar programs update the event instead of adding
a second one, and both languages of an event are one event. Line folding at 75 octets and the
escaping of commas, semicolons, backslashes and newlines are the library's.
"""

from datetime import UTC, timedelta

from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar
from icalendar import Event as VEvent

PRODID = "-//GCM Knowledge Hub//Events//EN"


def location(event):
    parts = [part for part in (event.venue, event.city) if part]
    if event.is_online:
        parts.append(str(_online()))
    return ", ".join(parts)


def _online():
    from django.utils.translation import gettext

    return gettext("Online")


def vevent(event, request):
    url = event.get_full_url(request)
    item = VEvent()
    item.add("uid", event.uid)
    item.add("dtstamp", timezone.now().astimezone(UTC))
    if event.all_day:
        zone = event.zone
        item.add("dtstart", event.start.astimezone(zone).date())
        item.add("dtend", event.end.astimezone(zone).date() + timedelta(days=1))
    else:
        item.add("dtstart", event.start.astimezone(UTC))
        item.add("dtend", event.end.astimezone(UTC))
    item.add("summary", event.title)
    description = event.summary
    if event.outcomes:
        description += "\n\n" + strip_tags(event.outcomes)
    item.add("description", f"{description}\n\n{url}")
    item.add("url", url)
    where = location(event)
    if where:
        item.add("location", where)
    item.add("categories", [event.get_event_type_display()])
    if event.last_published_at:
        item.add("last-modified", event.last_published_at.astimezone(UTC))
    item.add("status", "CONFIRMED")
    return item


def calendar_bytes(events, request, name):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(vevent(event, request))
    return cal.to_ical()
