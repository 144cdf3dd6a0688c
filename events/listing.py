"""The events list as a service: parse GET parameters, filter, count, split upcoming/past.

A language has tens or hundreds of events, not thousands: they are loaded in three queries
(pages with their region, the objective links with their objectives) and filtered and counted
in Python, so the query count does not grow with the number of events. Facets are disjunctive,
as in the repository of practices: an option's count is the number of events matching every
OTHER active facet plus that option. Values are language-independent (type key, region slug,
objective number, year), so a URL gives the same events in Arabic and English.
"""

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .dates import month_label
from .models import EventObjective, EventPage, EventType, term_titles

FACETS = ("type", "region", "objective", "year")
FACET_LABELS = {
    "type": _("Type of event"),
    "region": _("Region"),
    "objective": _("GCM objective"),
    "year": _("Year"),
}
WHEN = ("upcoming", "past")
VALUE_RE = re.compile(r"^[a-z0-9-]{1,80}$")
MAX_VALUES = 30
PAST_PER_PAGE = 20


@dataclass
class Filters:
    values: dict = field(default_factory=dict)  # facet -> tuple of str
    page: int = 1

    @property
    def is_active(self):
        return any(self.values.values())

    def query(self, **extra):
        pairs = [(name, value) for name in FACETS for value in self.values.get(name, ())]
        pairs += [(k, v) for k, v in extra.items() if v]
        return urlencode(pairs)


def parse(get):
    """Filters from a QueryDict; unknown or malformed values are ignored."""
    values = {}
    for name in FACETS:
        kept = []
        for value in get.getlist(name)[:MAX_VALUES]:
            value = value.strip().lower()
            if VALUE_RE.match(value) and value not in kept:
                kept.append(value)
        values[name] = tuple(kept)
    try:
        page = max(1, int(get.get("page", 1)))
    except ValueError:
        page = 1
    return Filters(values=values, page=page)


def events_of(index):
    """The live, public events under ``index``, earliest first, with region and objectives
    titled in the index's language (``region_title``, ``objective_titles``)."""
    events = list(
        EventPage.objects.child_of(index).live().public()
        .select_related("region")
        .prefetch_related(Prefetch(
            "event_objectives",
            queryset=EventObjective.objects.select_related("objective").order_by("sort_order"),
        ))
        .order_by("start", "pk")
    )
    titles = term_titles(index.locale)
    for event in events:
        event.region_title = (titles["region"].get(event.region.slug, event.region.title)
                              if event.region else "")
        event.objective_titles = {
            link.objective.number: titles["objective"].get(
                link.objective.number, link.objective.short_title or link.objective.title)
            for link in event.event_objectives.all()
        }
    return events


def keys_of(event):
    zone = event.zone
    first, last = event.start.astimezone(zone).year, event.end.astimezone(zone).year
    return {
        "type": {event.event_type},
        "region": {event.region.slug} if event.region else set(),
        "objective": {str(link.objective.number) for link in event.event_objectives.all()},
        "year": {str(year) for year in range(first, last + 1)},
    }


def _matches(keys, values, skip=None):
    for name, wanted in values.items():
        if name == skip or not wanted:
            continue
        if not keys[name] & set(wanted):
            return False
    return True


def _option_labels(events):
    labels = {"type": dict(EventType.choices), "region": {}, "objective": {}, "year": {}}
    for event in events:
        if event.region:
            labels["region"][event.region.slug] = event.region_title
        for number, title in event.objective_titles.items():
            labels["objective"][str(number)] = f"{number}. {title}"
    return labels


def _sort_key(name, value):
    if name in ("objective",):
        return (0, int(value)) if value.isdigit() else (1, value)
    if name == "year":
        return (0, -int(value)) if value.isdigit() else (1, value)
    return (0, value)


def facets(events, all_keys, filters):
    labels = _option_labels(events)
    result = []
    for name in FACETS:
        counts = {}
        for keys in all_keys:
            if _matches(keys, filters.values, skip=name):
                for value in keys[name]:
                    counts[value] = counts.get(value, 0) + 1
        present = set()
        for keys in all_keys:
            present |= keys[name]
        options = []
        for value in sorted(present | set(filters.values.get(name, ())),
                            key=lambda v: _sort_key(name, v)):
            label = labels[name].get(value, value)
            if name == "year" and not value.isdigit():
                continue
            if name != "year" and value not in labels[name]:
                continue
            options.append({
                "key": value, "label": str(label), "count": counts.get(value, 0),
                "selected": value in filters.values.get(name, ()),
            })
        if options:
            result.append({"name": name, "label": FACET_LABELS[name], "options": options})
    return result


@dataclass
class Listing:
    filters: Filters
    upcoming: list
    past: object  # a Page of the paginator
    facets: list
    total: int


def build(index, get, now=None):
    now = now or timezone.now()
    filters = parse(get)
    events = events_of(index)
    all_keys = [keys_of(event) for event in events]
    chosen = [e for e, keys in zip(events, all_keys, strict=True) if _matches(keys, filters.values)]
    upcoming = [e for e in chosen if e.end >= now]
    past = sorted((e for e in chosen if e.end < now), key=lambda e: e.start, reverse=True)
    paginator = Paginator(past, PAST_PER_PAGE)
    return Listing(
        filters=filters, upcoming=upcoming, past=paginator.get_page(filters.page),
        facets=facets(events, all_keys, filters), total=len(chosen),
    )


def filtered(index, get):
    """All events matching the filters, earliest first (for the iCalendar feed)."""
    filters = parse(get)
    return [e for e in events_of(index) if _matches(keys_of(e), filters.values)]


# The month view: a grid of weeks, each event on every day it covers (in its own zone).

FIRST_WEEKDAY = {"ar": calendar.SATURDAY}


@dataclass
class Month:
    year: int
    month: int
    label: str
    weekdays: list
    weeks: list  # of lists of {"day": date, "in_month": bool, "events": [...]}
    previous: date
    next: date
    events: list


def month(index, year, month_number, get):
    filters = parse(get)
    first = date(year, month_number, 1)
    last = first.replace(day=calendar.monthrange(year, month_number)[1])
    firstweekday = FIRST_WEEKDAY.get(get_language(), calendar.MONDAY)
    grid = calendar.Calendar(firstweekday).monthdatescalendar(year, month_number)
    by_day = {}
    shown = []
    for event in events_of(index):
        if not _matches(keys_of(event), filters.values):
            continue
        start = event.start.astimezone(event.zone).date()
        end = event.end.astimezone(event.zone).date()
        if end < grid[0][0] or start > grid[-1][-1]:
            continue
        if not (end < first or start > last):
            shown.append(event)
        day = max(start, grid[0][0])
        while day <= min(end, grid[-1][-1]):
            by_day.setdefault(day, []).append(event)
            day += timedelta(days=1)
    weeks = [
        [{"day": day, "in_month": day.month == month_number, "events": by_day.get(day, [])}
         for day in week]
        for week in grid
    ]
    weekdays = [WEEKDAYS_ABBR[(firstweekday + i) % 7] for i in range(7)]
    return Month(
        year=year, month=month_number, label=month_label(year, month_number), weekdays=weekdays,
        weeks=weeks, previous=(first - timedelta(days=1)).replace(day=1),
        next=last + timedelta(days=1), events=shown,
    )
