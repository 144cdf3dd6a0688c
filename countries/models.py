"""Country pages: one data record per UN member State, and an optional page editors write.

``CountryProfile`` holds what is a fact about the country whatever the language (region,
champion status, national UN network, national implementation plan); it is data, edited as a
snippet, with one row per member State created by a migration. ``CountryPage`` is what editors
add: a translatable introduction, one page per country and language under the country index.

Every country has a page at ``/<lang>/countries/<iso2>/`` whether or not an editor wrote one:
``CountryIndexPage`` routes the code itself (``countries/views.py``) and shows the editor's
``CountryPage`` of that language when there is one. What comes from the hub's content
(practices, reviews, pledges) is contributed by the apps that own it through the
``hub_country_sections`` hook (``countries/sections.py``), so nothing on it needs editing.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField

from hub.declarations import indexed, names
from hub.pages import HubPage, SectionPage

FIRST_YEAR = 2018  # the Global Compact was adopted in December 2018
RICH_FEATURES = ["h2", "h3", "bold", "italic", "link", "ul", "ol"]


class PlanStatus(models.TextChoices):
    NONE = "none", _("No plan")
    PREPARING = "preparing", _("In preparation")
    ADOPTED = "adopted", _("Adopted")


class CountryProfile(models.Model):
    """The facts about one member State (language-independent)."""

    country = CountryField(_("country"), unique=True)
    region = models.SlugField(
        _("region"), max_length=80,
        help_text=_("The slug of the region of the UN Network on Migration."),
    )
    is_champion = models.BooleanField(_("champion country"), default=False)
    champion_since = models.PositiveSmallIntegerField(_("champion since"), null=True, blank=True)
    has_un_network = models.BooleanField(_("national UN network on migration"), default=False)
    plan_status = models.CharField(
        _("national implementation plan"), max_length=12, choices=PlanStatus.choices,
        default=PlanStatus.NONE,
    )
    plan_year = models.PositiveSmallIntegerField(_("year of the plan"), null=True, blank=True)
    plan_url = models.URLField(_("link to the plan"), blank=True)

    panels = [
        FieldPanel("country", read_only=True),
        "region",
        FieldRowPanel(["is_champion", "champion_since"]),
        "has_un_network",
        MultiFieldPanel([
            "plan_status", "plan_year", "plan_url",
        ], heading=_("National implementation plan")),
    ]

    Meta = names(_("country profile"), _("country profiles"), ordering=["country"])

    def __str__(self):
        return str(self.country.name)

    def clean(self):
        errors = {}
        if self.champion_since and not self.is_champion:
            errors["champion_since"] = _("Only a champion country has a year it became one.")
        for field in ("champion_since", "plan_year"):
            value = getattr(self, field)
            if value is not None and not FIRST_YEAR <= value <= 2100:
                errors[field] = _("Enter a year from %(year)s on.") % {"year": FIRST_YEAR}
        if self.plan_status == PlanStatus.NONE and (self.plan_year or self.plan_url):
            errors["plan_status"] = _("A plan year or link needs a plan status other than "
                                      "“No plan”.")
        if errors:
            raise ValidationError(errors)


class CountryIndexPage(RoutablePageMixin, SectionPage):
    """``/<lang>/countries/``: every member State by region, and each country's page."""

    parent_page_types = ["home.HomePage"]

    Meta = names(_("country index"))

    @path("")
    def index(self, request):
        from .views import serve_index

        return serve_index(self, request)

    @re_path(r"^(?P<code>[a-z]{2})/$", name="country")
    def country(self, request, code):
        from .views import serve_country

        return serve_country(self, request, code)

    def get_sitemap_urls(self, request=None):
        """The index and the page of every member State (routes, not pages of the tree)."""
        from .data import MEMBER_STATES

        urls = super().get_sitemap_urls(request)
        return urls + [
            {**entry, "location": entry["location"] + self.reverse_subpage(
                "country", kwargs={"code": code.lower()})}
            for entry in urls for code in sorted(MEMBER_STATES)
        ]


class ChampionCountriesPage(SectionPage):
    """``/<lang>/champions/``: the champion countries by region (the flags of the country
    profiles), each linked to its country page, and the support the Network offers them."""

    parent_page_types = ["home.HomePage"]

    Meta = names(_("champion countries page"))

    def get_context(self, request, *args, **kwargs):
        from .views import champions_context

        context = super().get_context(request, *args, **kwargs)
        context.update(champions_context(self, request))
        return context


class CountryPage(HubPage):
    """An editor's introduction to one country, in one language (optional)."""

    country = CountryField(_("country"))
    intro = RichTextField(_("introduction"), blank=True, features=RICH_FEATURES)

    parent_page_types = ["countries.CountryIndexPage"]

    content_panels = HubPage.content_panels + ["country", "intro"]
    search_fields = HubPage.search_fields + indexed("intro", filters=("country",))

    Meta = names(_("country page"), _("country pages"))

    def full_clean(self, *args, **kwargs):
        # The page's address is the country's: /<lang>/countries/<iso2>/.
        if self.country:
            self.slug = str(self.country.code).lower()
        super().full_clean(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        from .views import serve_country

        return serve_country(self.get_parent().specific, request, self.slug, enrichment=self)

    def serve_preview(self, request, mode_name):
        return self.serve(request)
