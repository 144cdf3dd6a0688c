"""Thin views of the events index and event pages: parse, call a service, render."""

from django.http import Http404, HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import ical, listing

ICS_TYPE = "text/calendar; charset=utf-8"


def serve_listing(index, request):
    result = listing.build(index, request.GET)
    return index.render(request, context_overrides={
        "listing": result,
        "feed_query": result.filters.query(),
        "noindex": result.filters.is_active or result.filters.page > 1,
    })


def serve_month(index, request, year, month):
    year, month = int(year), int(month)
    if not (1 <= month <= 12 and 1900 <= year <= 2999):
        raise Http404
    result = listing.month(index, year, month, request.GET)
    filters = listing.parse(request.GET)
    return index.render(
        request,
        template="events/event_month.html",
        context_overrides={
            "month": result,
            "filter_query": filters.query(),
            "noindex": True,
        },
    )


def serve_feed(index, request):
    events = listing.filtered(index, request.GET)
    body = ical.calendar_bytes(events, request, f"{index.title} · {_('GCM Knowledge Hub')}")
    response = HttpResponse(body, content_type=ICS_TYPE)
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response


def serve_event_ics(event, request):
    body = ical.calendar_bytes([event], request, event.title)
    response = HttpResponse(body, content_type=ICS_TYPE)
    filename = slugify(event.slug) or "event"
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response
