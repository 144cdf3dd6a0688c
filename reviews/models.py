"""Voluntary national reviews and the review cycles (regional reviews, the IMRF).

Pages: ``ReviewIndexPage`` (``/<lang>/reviews/``, one per language) holds the reviews and the
``ReviewCycleIndexPage`` (``/<lang>/reviews/cycles/``) with one ``ReviewCyclePage`` per regional
review or IMRF, identified across languages by its slug.

A review is written in one language, by the government's focal points, and lives in that
language's tree; it is not translated. Listings and country pages therefore show the reviews
of both languages (each marked with its ``lang``) and filter by language. A review names its
country (ISO code), its cycle (the cycle page's slug) and the objectives it covers in depth
(numbers), all language-independent, so filters are the same in Arabic and English.

Moderation state lives in Wagtail's workflow tables (``reviews/workflow.py``), drafts in
page revisions: several focal points of one country edit the same page.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from hub.declarations import indexed, names, unique
from hub.pages import HubPage, SectionPage, to_view
from practices.blocks import ResourceBlock

from .blocks import TimelineBlock
from .template import sections


class CycleKind(models.TextChoices):
    REGIONAL = "regional", _("Regional review")
    IMRF = "imrf", _("International Migration Review Forum")


class ReviewIndexPage(RoutablePageMixin, SectionPage):
    """``/<lang>/reviews/``: published reviews of both languages, filters and open data."""

    parent_page_types = ["home.HomePage"]

    def item_count(self):
        """The live public voluntary reviews (for the home page's counts; one query)."""
        return VoluntaryReviewPage.objects.child_of(self).live().public().count()

    Meta = names(_("voluntary reviews index"))

    listing = path("", name="listing")(to_view("reviews.views.serve_listing"))
    feed = path("feed/", name="feed")(to_view("reviews.views.serve_feed"))
    compare = path("compare/<str:code>/", name="compare")(
        to_view("reviews.views.serve_compare"))


class ReviewCycleIndexPage(SectionPage):
    """``/<lang>/reviews/cycles/``: the regional reviews and IMRFs, newest first."""

    parent_page_types = ["reviews.ReviewIndexPage"]

    children_listed_as = "cycles"
    children_order = ("-year", "title")

    Meta = names(_("review cycles"))


class ReviewCyclePage(HubPage):
    """One regional review or IMRF: when, where, who, documents, the reviews submitted."""

    kind = models.CharField(_("kind"), max_length=10, choices=CycleKind.choices,
                            default=CycleKind.REGIONAL)
    regions = models.CharField(
        _("regions"), max_length=400, blank=True,
        help_text=_("The slugs of the regions whose countries take part, separated by spaces; "
                    "empty for the IMRF (every country)."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    dates = models.CharField(
        _("dates as the sources state them"), max_length=200, blank=True,
        help_text=_("With their uncertainty, e.g. “early June 2021 (not yet confirmed)”."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    confirmed = models.BooleanField(_("dates confirmed"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), default=False)
    coordinators = models.TextField(_("coordinating organisations"), blank=True,
                                    help_text=_("One per line."))
    body = RichTextField(_("description"), blank=True)
    timeline = StreamField(TimelineBlock(), verbose_name=_("process timeline"), blank=True)
    documents = StreamField(ResourceBlock(), verbose_name=_("documents"), blank=True)
    report = StreamField(ResourceBlock(), verbose_name=_("report of the review"), blank=True)

    parent_page_types = ["reviews.ReviewCycleIndexPage"]

    content_panels = HubPage.content_panels + [
        MultiFieldPanel([
            FieldRowPanel(["kind", "year"]),
            "regions", "dates",
            FieldRowPanel(["start_date", "end_date",
                           "confirmed"]),
            FieldRowPanel(["venue", "online"]),
            "coordinators",
        ], heading=_("The review")),
        "body", "timeline", "documents", "report",
    ]
    search_fields = HubPage.search_fields + indexed(
        "body", "dates", "coordinators", filters=("kind",))

    Meta = names(_("review cycle"), _("review cycles"))

    @property
    def region_list(self):
        return self.regions.split()

    def concerns(self, region):
        """Whether countries of ``region`` take part (an IMRF concerns every country)."""
        return not self.region_list or region in self.region_list

    @property
    def coordinator_list(self):
        return [line.strip() for line in self.coordinators.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from .services import cycle_reviews

        context = super().get_context(request, *args, **kwargs)
        context["reviews"] = cycle_reviews(self.slug)
        return context


class VoluntaryReviewPage(RoutablePageMixin, HubPage):
    """A country's voluntary national review of GCM implementation, in one language."""

    country = CountryField(_("country"), db_index=True)
    cycle = models.SlugField(_("review cycle"), max_length=80, blank=True,
                             help_text=_("The slug of the regional review or IMRF page."))
    section_1 = models.TextField(blank=True)
    section_2 = models.TextField(blank=True)
    section_3 = models.TextField(blank=True)
    section_4 = models.TextField(blank=True)
    section_5 = models.TextField(blank=True)
    attachments = StreamField(ResourceBlock(), verbose_name=_("attachments"), blank=True)

    parent_page_types = ["reviews.ReviewIndexPage"]

    content_panels = HubPage.content_panels + [
        FieldRowPanel(["country", "cycle"]),
        *[FieldPanel(f"section_{n}") for n in range(1, 6)],
        InlinePanel("review_objectives", label=_("objectives covered in depth")),
        "attachments",
    ]
    search_fields = HubPage.search_fields + indexed(
        *(f"section_{n}" for n in range(1, 6)), filters=("country", "cycle"))

    Meta = names(_("voluntary national review"), _("voluntary national reviews"))

    @property
    def language_code(self):
        return self.locale.language_code

    @property
    def objective_numbers(self):
        return sorted(link.number for link in self.review_objectives.all())

    def answers(self):
        """[(Section, text)] in the template's order, in the review's language."""
        return [(section, getattr(self, section.field)) for section in sections()]

    def get_context(self, request, *args, **kwargs):
        from .services import review_context

        context = super().get_context(request, *args, **kwargs)
        context.update(review_context(self, request))
        return context

    printable = path("print/", name="print")(to_view("reviews.views.serve_print"))
    pdf = path("pdf/", name="pdf")(to_view("reviews.views.serve_pdf"))


class ReviewObjective(Orderable):
    """An objective a review covers in depth, by its language-independent number."""

    page = ParentalKey(VoluntaryReviewPage, on_delete=models.CASCADE,
                       related_name="review_objectives")
    number = models.PositiveSmallIntegerField(_("objective number"))

    panels = ["number"]

    Meta = names(_("objective covered in depth"), bases=(Orderable.Meta,),
                 constraints=[unique("page", "number", name="unique_review_objective")])


class FocalPoint(models.Model):
    """A user a moderator named focal point of a country (with the ``Focal points`` group)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="focal_point_countries", verbose_name=_("user"))
    country = CountryField(_("country"))

    panels = ["user", "country"]

    Meta = names(_("focal point"), _("focal points"),
                 constraints=[unique("user", "country", name="unique_focal_point")])

    def __str__(self):
        return f"{self.user} · {self.country.name}"

    def save(self, *args, **kwargs):
        """Naming a focal point is all a moderator does: the user joins the group too."""
        from .workflow import focal_points_group

        super().save(*args, **kwargs)
        self.user.groups.add(focal_points_group())

    def delete(self, *args, **kwargs):
        """The user leaves the group with their last country."""
        from .workflow import focal_points_group

        user = self.user
        result = super().delete(*args, **kwargs)
        if not FocalPoint.objects.filter(user=user).exists():
            user.groups.remove(focal_points_group())
        return result
