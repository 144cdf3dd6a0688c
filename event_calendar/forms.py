"""The event editor: start and end are typed as wall-clock times of the event's time zone.

Django reads a datetime typed in a form in the editor's current time zone and stores it in UTC.
An event's organisers publish times in the event's own zone ("10:00, Cairo time"), so this form
re-reads the typed values in the zone chosen on the same form, and shows stored values in it.
"""

import zoneinfo
from datetime import time

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

TIME_FIELDS = ("start", "end")


def zone_named(name):
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def in_zone(value, zone):
    """An aware datetime read in the current time zone, re-read as the same wall-clock time in
    ``zone``."""
    wall_clock = timezone.make_naive(value, timezone.get_current_timezone())
    return timezone.make_aware(wall_clock, zone)


class EventPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance.pk or instance.start:
            zone = zone_named(instance.time_zone)
            for name in TIME_FIELDS:
                value = getattr(instance, name, None)
                if value and name in self.fields:
                    self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone = zone_named(cleaned.get("time_zone"))
        for name in TIME_FIELDS:
            if cleaned.get(name):
                cleaned[name] = in_zone(cleaned[name], zone)
        if cleaned.get("all_day"):
            if cleaned.get("start"):
                cleaned["start"] = cleaned["start"].replace(hour=0, minute=0, second=0)
            if cleaned.get("end"):
                cleaned["end"] = timezone.make_aware(
                    timezone.datetime.combine(cleaned["end"].date(), time(23, 59)), zone
                )
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", _("The event must end after it starts."))
        return cleaned
