"""Events: an index at /<lang>/events/ and one page per event.

Times: ``start`` and ``end`` are stored in UTC (``USE_TZ``); ``time_zone`` is the IANA zone the
event happens in. The admin form reads and writes the times as wall-clock times of that zone
(``forms.EventPageForm``), pages show them in that zone (``dates.py``), and iCalendar exports
them in UTC (``ical.py``). An all-day event keeps its days only.

Taxonomy follows the hub's rule (``hub/models.py``): objectives through an Orderable, the region
as a foreign key to the language's row; listings filter on the language-independent number/slug.
"""

import zoneinfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField

from hub.cache import TERMS_KEY, cached_in
from hub.declarations import indexed, names
from hub.models import Objective, Region, term_link
from hub.pages import HubPage, SectionPage, to_view

from .blocks import AgendaBlock, DocumentsBlock
from .forms import EventPageForm


def time_zone_choices():
    return [(zone, zone) for zone in sorted(zoneinfo.available_timezones() - {"localtime"})]


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(_("Unknown time zone."), code="time_zone") from None


class EventType(models.TextChoices):
    IMRF = "imrf", _("International Migration Review Forum")
    REGIONAL_REVIEW = "regional-review", _("Regional review")
    WORKSHOP = "workshop", _("Workshop")
    GCM_TALK = "gcm-talk", _("GCM Talk")
    WEBINAR = "webinar", _("Webinar")
    OTHER = "other", _("Other")


class EventIndexPage(RoutablePageMixin, SectionPage):
    """Upcoming and past events of one language, their filters, month view and feeds."""

    parent_page_types = ["home.HomePage"]

    Meta = names(_("events index"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.now()
        context["this_month"] = {"year": f"{today.year:04d}", "month": f"{today.month:02d}"}
        context["feed_url"] = self.url + "feed.ics"
        return context

    def latest_items(self, count):
        """The next events (those not yet over), soonest first: the home page's "latest items"
        block (one query)."""
        return (EventPage.objects.live().public().filter(locale_id=self.locale_id,
                                                         end__gte=timezone.now())
                .order_by("start", "pk").defer_streamfields()[:count])

    listing = path("", name="listing")(to_view("events.views.serve_listing"))
    # A file's URL: /<lang>/events/feed.ics (hub/routing.py serves it without the slash).
    feed = path("feed.ics/", name="feed")(to_view("events.views.serve_feed"))
    request_talk = path("request-a-gcm-talk/", name="request_talk")(
        to_view("events.talks.request_talk"))
    month = re_path(r"^month/(?P<year>\d{4})-(?P<month>\d{2})/$", name="month")(
        to_view("events.views.serve_month"))


class EventPage(RoutablePageMixin, HubPage):
    event_type = models.CharField(
        _("type of event"), max_length=20, choices=EventType.choices, default=EventType.OTHER
    )
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("Plain text, at most 600 characters.")
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(
        _("all day"), default=False,
        help_text=_("The event takes whole days: times are not shown."),
    )
    # No ``choices``: the list of zones changes with tzdata; the editor offers it as a select.
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone],
        help_text=_("Where the event happens: start and end are entered and shown in this zone."),
    )
    is_online = models.BooleanField(_("online"), default=False)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    organisers = models.TextField(_("organisers"), blank=True, help_text=_("One per line."))
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("e.g. “Arabic, English”.")
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ul", "ol", "h3"]
    )
    agenda = StreamField(AgendaBlock(), verbose_name=_("agenda"), blank=True)
    documents = StreamField(DocumentsBlock(), verbose_name=_("documents"), blank=True)
    outcomes = RichTextField(
        _("outcomes"), blank=True, features=["bold", "italic", "link", "ul", "ol", "h3"],
        help_text=_("After the event: what came out of it."),
    )

    base_form_class = EventPageForm
    parent_page_types = ["events.EventIndexPage"]

    content_panels = HubPage.content_panels + [
        "event_type", "summary",
        MultiFieldPanel(
            [
                FieldRowPanel(["start", "end"]),
                "all_day",
                FieldPanel("time_zone", widget=forms.Select(choices=time_zone_choices)),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            ["is_online", "venue", "city"],
            heading=pgettext_lazy("event", "Where"),
        ),
        "organisers", "languages", "region",
        InlinePanel("event_objectives", label=_("GCM objectives")),
        "registration_url", "description", "agenda", "documents", "outcomes",
    ]
    search_fields = HubPage.search_fields + indexed(
        "summary", "description", "organisers", "venue", "city", "agenda", "outcomes",
        filters=("event_type", "start"))

    Meta = names(_("event"), _("events"))

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event must end after it starts.")})

    ics = path("event.ics/", name="ics")(to_view("events.views.serve_event_ics"))

    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def organiser_list(self):
        return [line.strip() for line in self.organisers.splitlines() if line.strip()]

    @property
    def uid(self):
        """The iCalendar UID: the same for every revision and both languages of the event."""
        return f"event-{self.translation_key}@gcm-knowledge-hub"

    def get_context(self, request, *args, **kwargs):
        from .dates import when

        context = super().get_context(request, *args, **kwargs)
        context["when"] = when(self)
        context["ics_url"] = self.url + "event.ics"
        context["index_url"] = self.get_parent().url
        titles = term_titles(self.locale)
        context["region_title"] = (
            titles["region"].get(self.region.slug, self.region.title) if self.region else "")
        context["objectives"] = [
            {"number": link.objective.number,
             "short_title": titles["objective"].get(link.objective.number,
                                                   link.objective.short_title)}
            for link in self.event_objectives.select_related("objective")
        ]
        return context


def term_titles(locale):
    """Region and objective titles in ``locale``, by their language-independent keys. An event
    may link the terms of another language (the taxonomy has a row per language); a reader
    sees them in the page's language. Kept with the hub's taxonomy cache (``hub/cache.py``),
    which forgets it when a term changes."""
    def build():
        return {
            "region": dict(Region.objects.filter(locale=locale).values_list("slug", "title")),
            "objective": {
                number: short_title or title for number, short_title, title in
                Objective.objects.filter(locale=locale).values_list(
                    "number", "short_title", "title")
            },
        }

    return cached_in(TERMS_KEY, ("event titles", locale.pk), build)


EventObjective = term_link(EventPage, "EventObjective", "objective", Objective,
                           _("GCM objective"), "event", module=__name__)


class TalkLevel(models.TextChoices):
    GLOBAL = "global", _("Global")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")


class TalkRequest(models.Model):
    """A registered user's request for a GCM Talk, reviewed by the secretariat in the admin.
    Accepting it makes a draft event (``services.accept_talk_request``)."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("waiting for review")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="talk_requests",
        verbose_name=_("requested by"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    topic = models.CharField(_("topic"), max_length=255)
    level = models.CharField(_("level"), max_length=20, choices=TalkLevel.choices)
    proposed_start = models.DateField(_("proposed first day"))
    proposed_end = models.DateField(_("proposed last day"), null=True, blank=True)
    organisers = models.TextField(_("organisers"), help_text=_("One per line."))
    objectives = models.JSONField(_("GCM objectives"), default=list, blank=True)
    description = models.TextField(_("what the talk should achieve"), max_length=3000)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.SUBMITTED)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    event = models.ForeignKey(EventPage, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", verbose_name=_("event"))

    Meta = names(_("GCM Talk request"), _("GCM Talk requests"), ordering=["-created_at"])

    def __str__(self):
        return self.topic
