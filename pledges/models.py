"""Pledges: measurable commitments to advance the GCM, made on behalf of an organisation or a
government and updated by their makers over time.

Taxonomy links follow the practices' pattern (``practices/models.py``): Orderable through-models
to the shared terms of ``hub.models``, filtered on their language-independent number or slug.
A pledge's progress notes and its links to practices are child objects too, so they are part of
each revision: an update of a published pledge is a new revision that goes through moderation
while the published revision stays what visitors see.

Amounts are ``Decimal`` with an ISO 4217 currency, for financial contributions only; amounts in
different currencies are never added up (``pledges/dashboard.py``).
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from hub.declarations import indexed, names, unique
from hub.models import (
    GuidingPrinciple,
    Objective,
    Region,
    StakeholderType,
    linked_terms,
    term_link,
)
from hub.pages import HubPage, SectionPage, to_view

MAX_AMOUNT = Decimal("999999999999.99")
# ISO 4217 codes offered for financial pledges: the currencies pledges are made in. Codes are
# language-neutral and shown as such.
CURRENCIES = (
    "AED", "AUD", "BHD", "BRL", "CAD", "CHF", "CNY", "DKK", "DZD", "EGP", "ETB", "EUR", "GBP",
    "INR", "IQD", "JOD", "JPY", "KES", "KWD", "LBP", "LYD", "MAD", "MXN", "NGN", "NOK", "OMR",
    "PHP", "QAR", "SAR", "SDG", "SEK", "TND", "TRY", "USD", "XAF", "XOF", "YER", "ZAR",
)
CURRENCY_CHOICES = [(code, code) for code in CURRENCIES]
Currency = models.TextChoices("Currency", [(code, (code, code)) for code in CURRENCIES])


class PledgeType(models.TextChoices):
    FINANCIAL = "financial", _("Financial contribution")
    HUMAN_RESOURCES = "human-resources", _("Human resources contribution")
    PROCESS = "process", _("Process-oriented commitment")
    POLICY = "policy", _("Policy-oriented commitment")


class Champion(models.TextChoices):
    """The listing's "champion countries" filter: pledges for a champion country."""

    YES = "yes", _("Pledges for champion countries")


class PledgeStatus(models.TextChoices):
    ANNOUNCED = "announced", _("Announced")
    IN_PROGRESS = "in-progress", _("In progress")
    FULFILLED = "fulfilled", _("Fulfilled")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def amount_errors(pledge_type, amount, currency):
    """Errors of a pledge's amount, keyed by field name (empty when valid).

    The one place for these rules: ``PledgePage.clean``, the admin and the front-end form.
    """
    errors = {}
    if pledge_type != PledgeType.FINANCIAL:
        if amount is not None:
            errors["amount"] = _("Only a financial contribution has an amount: clear it, or "
                                 "choose “Financial contribution” as the type.")
        if currency:
            errors["currency"] = _("Only a financial contribution has a currency.")
        return errors
    if amount is not None and amount <= 0:
        errors["amount"] = _("The amount must be more than zero.")
    elif amount is not None and amount > MAX_AMOUNT:
        errors["amount"] = _("The amount is too large.")
    if amount is not None and not currency:
        errors["currency"] = _("Choose the currency of the amount.")
    if currency and currency not in CURRENCIES:
        errors["currency"] = _("Choose a currency from the list.")
    if currency and amount is None and "currency" not in errors:
        errors["amount"] = _("Give the amount in this currency, or clear the currency.")
    return errors


def period_errors(start_date, end_date):
    errors = {}
    if start_date and end_date and end_date <= start_date:
        errors["end_date"] = _("The end date must be after the start date.")
    if end_date and not start_date:
        errors["start_date"] = _("Give the start date as well.")
    return errors


def completeness_errors(data):
    """What a pledge needs before it is submitted for review (a draft needs none of it).

    ``data`` holds field values by name, with the lists of terms and countries.
    """
    errors = {}
    required = {
        "summary": _("Describe the pledge in a few sentences."),
        "pledging_entity": _("Name the organisation or government making the pledge."),
        "stakeholder": _("Choose the stakeholder type of the pledging entity."),
        "target": _("Give a measurable target."),
        "start_date": _("Give the start date."),
        "end_date": _("Give the end date."),
    }
    for name, message in required.items():
        if not data.get(name):
            errors[name] = message
    if not data.get("objectives") and not data.get("principles"):
        errors["objectives"] = _(
            "Choose at least one GCM objective or guiding principle the pledge advances."
        )
    if not data.get("countries") and not data.get("is_global"):
        errors["is_global"] = _("Choose at least one country, or mark the pledge as global.")
    if data.get("pledge_type") == PledgeType.FINANCIAL and data.get("amount") is None:
        errors.setdefault("amount", _("A financial contribution needs its amount."))
    return errors


class PledgePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        for errors in (
            amount_errors(cleaned_data.get("pledge_type"), cleaned_data.get("amount"),
                          cleaned_data.get("currency")),
            period_errors(cleaned_data.get("start_date"), cleaned_data.get("end_date")),
        ):
            for field, message in errors.items():
                if field not in self.errors:
                    self.add_error(field, message)
        return cleaned_data


class PledgeIndexPage(RoutablePageMixin, SectionPage):
    """The pledges of one language, at /<lang>/pledges/: listing, feed and dashboard.

    The listing reuses the practice repository's service (``pledges/listing.py``); this class
    only wires the routes up.
    """

    parent_page_types = ["home.HomePage"]

    Meta = names(_("pledges"))

    listing = path("", name="listing")(to_view("pledges.views.serve_listing"))
    feed = path("feed/", name="feed")(to_view("pledges.views.serve_feed"))
    dashboard = path("dashboard/", name="dashboard")(to_view("pledges.views.serve_dashboard"))

    def get_sitemap_urls(self, request=None):
        """The listing and, as a page of its own, the dashboard."""
        urls = super().get_sitemap_urls(request)
        return urls + [{**entry, "location": entry["location"] + self.reverse_subpage(
            "dashboard")} for entry in urls]


class PledgePage(HubPage):
    summary = models.TextField(
        _("summary"), max_length=600, blank=True,
        help_text=_("Plain text, at most 600 characters: shown in listings."),
    )
    description = RichTextField(_("description"), blank=True,
                                features=["bold", "italic", "link", "ul", "ol"])
    pledge_type = models.CharField(
        _("type of pledge"), max_length=20, choices=PledgeType.choices,
        default=PledgeType.POLICY,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PledgeStatus.choices, default=PledgeStatus.ANNOUNCED,
    )
    pledging_entity = models.CharField(
        _("pledging entity"), max_length=255, blank=True,
        help_text=_("The organisation or government on whose behalf the pledge is made."),
    )
    target = models.TextField(_("measurable target"), max_length=2000, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, null=True, blank=True,
        help_text=_("Financial contributions only."),
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True,
                                choices=CURRENCY_CHOICES)
    partners = models.TextField(_("partners"), blank=True, max_length=5000)
    is_global = models.BooleanField(
        _("global scope"), default=False,
        help_text=_("The pledge is not tied to particular countries."),
    )

    base_form_class = PledgePageForm
    parent_page_types = ["pledges.PledgeIndexPage"]

    content_panels = HubPage.content_panels + [
        "summary", "description",
        MultiFieldPanel([
            "pledge_type", "status", "pledging_entity", "target",
            FieldRowPanel(["start_date", "end_date"]),
            FieldRowPanel(["amount", "currency"]),
            "partners",
        ], heading=_("The pledge")),
        InlinePanel("progress_notes", label=_("progress notes")),
        InlinePanel("pledge_links", label=_("links")),
        InlinePanel("pledge_practices", label=_("practices that carry it out")),
    ]
    taxonomy_panels = [
        InlinePanel("pledge_objectives", label=_("GCM objectives")),
        InlinePanel("pledge_principles", label=_("guiding principles")),
        InlinePanel("pledge_stakeholders", label=_("stakeholder type"), max_num=1),
        "is_global",
        InlinePanel("pledge_regions", label=_("regions")),
        InlinePanel("pledge_countries", label=_("countries")),
    ]
    edit_handler = TabbedInterface([
        ObjectList(content_panels, heading=_("Content")),
        ObjectList(taxonomy_panels, heading=_("Taxonomy and scope")),
        ObjectList(HubPage.promote_panels, heading=_("Promote")),
    ])

    search_fields = HubPage.search_fields + indexed(
        "summary", "description", "pledging_entity", "target", "partners",
        filters=("pledge_type", "status"))

    Meta = names(_("pledge"), _("pledges"))

    def clean(self):
        super().clean()
        errors = {**period_errors(self.start_date, self.end_date),
                  **amount_errors(self.pledge_type, self.amount, self.currency)}
        if errors:
            raise ValidationError(errors)

    @property
    def is_financial(self):
        return self.pledge_type == PledgeType.FINANCIAL

    @property
    def start_year(self):
        return self.start_date.year if self.start_date else None

    @property
    def end_year(self):
        return self.end_date.year if self.end_date else None

    objectives = linked_terms("pledge_objectives", "objective")
    principles = linked_terms("pledge_principles", "principle")
    regions = linked_terms("pledge_regions", "region")
    stakeholders = linked_terms("pledge_stakeholders", "stakeholder")
    countries = linked_terms("pledge_countries", "country")

    def get_context(self, request, *args, **kwargs):
        from .views import detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self, request))
        return context


# A pledge's links to the shared taxonomy (hub.models), as a practice's.
PledgeObjective = term_link(PledgePage, "PledgeObjective", "objective", Objective,
                            _("GCM objective"), "pledge", module=__name__)
PledgePrinciple = term_link(PledgePage, "PledgePrinciple", "principle", GuidingPrinciple,
                            _("guiding principle"), "pledge", module=__name__)
PledgeRegion = term_link(PledgePage, "PledgeRegion", "region", Region, _("region"), "pledge",
                         module=__name__)
PledgeStakeholder = term_link(
    PledgePage, "PledgeStakeholder", "stakeholder", StakeholderType, _("stakeholder type"),
    "pledge", module=__name__,
    doc="The stakeholder type of the pledging entity (one per pledge).")
PledgeCountry = term_link(PledgePage, "PledgeCountry", "country", None, _("country"), "pledge",
                          module=__name__)


class PledgePractice(Orderable):
    """A published practice that carries the pledge out. Shown in the visitor's language where
    the practice has a live translation (``views.linked_practices``)."""

    page = ParentalKey(PledgePage, on_delete=models.CASCADE, related_name="pledge_practices")
    practice = models.ForeignKey("practices.PracticePage", on_delete=models.CASCADE,
                                 related_name="pledge_links")

    panels = [PageChooserPanel("practice", "practices.PracticePage")]

    Meta = names(_("practice"), bases=(Orderable.Meta,),
                 constraints=[unique("page", "practice", name="unique_pledge_practice")])


class PledgeLink(Orderable):
    page = ParentalKey(PledgePage, on_delete=models.CASCADE, related_name="pledge_links")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=2000)

    panels = ["title", "url"]

    Meta = names(_("link"), bases=(Orderable.Meta,))


class ProgressNote(Orderable):
    """A dated note on the pledge's progress, with the status it reported."""

    page = ParentalKey(PledgePage, on_delete=models.CASCADE, related_name="progress_notes")
    date = models.DateField(_("date"), default=datetime.date.today)
    status = models.CharField(_("status"), max_length=20, choices=PledgeStatus.choices)
    note = models.TextField(_("note"), max_length=5000)

    panels = [FieldRowPanel(["date", "status"]), "note"]

    Meta = names(_("progress note"), bases=(Orderable.Meta,))
