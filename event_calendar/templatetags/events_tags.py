from django import template

from ..dates import day_label, short_date

register = template.Library()


@register.simple_tag
def event_dates(event):
    return short_date(event)


@register.filter
def event_start_iso(event):
    return event.start.astimezone(event.zone).date().isoformat()


@register.simple_tag
def session_day(day):
    return day_label(day)
