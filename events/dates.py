"""Dates of events in the visitor's language, in the event's time zone.

Month names are the hub's (``hub/formatting.py``): the ones Django's ``DATE_FORMAT`` shows
elsewhere on the site, so an event reads «17 مايو 2022» like every other date. Digits stay
Western in both languages.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _


def month_name(month):
    return str(MONTHS[month])


def month_label(year, month):
    return f"{month_name(month)} {year}"


def day_label(value):
    return f"{value.day} {month_name(value.month)} {value.year}"


def time_label(value):
    return value.strftime("%H:%M")


def utc_offset(value):
    offset = value.strftime("%z") or "+0000"
    return f"UTC{offset[:3]}:{offset[3:]}"


def span(start, end):
    return _("%(start)s – %(end)s") % {"start": start, "end": end}


def date_range(start, end):
    """12–13 November 2020, 30 November – 2 December 2020, or one day."""
    if start.date() == end.date():
        return day_label(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{span(start.day, end.day)} {month_name(start.month)} {start.year}"
    if start.year == end.year:
        return f"{span(f'{start.day} {month_name(start.month)}', day_label(end))}"
    return span(day_label(start), day_label(end))


@dataclass
class When:
    text: str
    zone: str
    start: datetime
    end: datetime
    utc: str = ""

    @property
    def is_date(self):
        """One whole day: the text is a single date of the hub's format (a ``<time>``)."""
        return self.text == day_label(self.start)


def when(event):
    """What a page shows of an event's dates, in the event's zone."""
    zone = event.zone
    start, end = event.start.astimezone(zone), event.end.astimezone(zone)
    if event.all_day:
        text = date_range(start, end)
        zone_text = ""
    elif start.date() == end.date():
        text = _("%(day)s, %(times)s") % {
            "day": day_label(start), "times": span(time_label(start), time_label(end)),
        }
        zone_text = f"{event.time_zone} ({utc_offset(start)})"
    else:
        text = span(f"{day_label(start)} {time_label(start)}",
                    f"{day_label(end)} {time_label(end)}")
        zone_text = f"{event.time_zone} ({utc_offset(start)})"
    utc_start, utc_end = event.start.astimezone(UTC), event.end.astimezone(UTC)
    if utc_start.date() == utc_end.date():
        utc = f"{day_label(utc_start)}, {span(time_label(utc_start), time_label(utc_end))}"
    else:
        utc = span(f"{day_label(utc_start)} {time_label(utc_start)}",
                   f"{day_label(utc_end)} {time_label(utc_end)}")
    return When(text=text, zone=zone_text, start=start, end=end, utc=utc)


def short_date(event):
    """The first day, for lists and the month view."""
    return day_label(event.start.astimezone(event.zone))
