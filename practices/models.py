"""The repository of practices: the index page (one per language) and the practice page.

Taxonomy links: a practice points at the shared terms of ``hub.models`` through Orderable
through-models (``ParentalKey`` + ``ForeignKey``), never ``ParentalManyToManyField``, because
wagtail-localize remaps a through-model's ``ForeignKey`` to the target locale's row when a page
is translated, while a ``ParentalManyToManyField`` to a translatable snippet shows every locale's
rows in the editor and is not synchronised (see ``hub/models.py``). The listing filters on the
terms' language-independent ``number``/``slug``, so one URL gives the same practices in Arabic
and English. Countries are ISO codes in their own through-model so filters and facet counts stay
plain SQL.

The focal point's contact (name, organisation, email) is private: it is not indexed for search,
never rendered by a template and never exported (``practices/exports.py`` lists public fields).
"""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.search import index

from hub.declarations import indexed, names
from hub.models import (
    GuidingPrinciple,
    Objective,
    Region,
    StakeholderType,
    SustainableDevelopmentGoal,
    linked_terms,
    term_link,
)
from hub.pages import HubPage, SectionPage, to_view

from .blocks import ResourceBlock

FIRST_YEAR = 1950
YEARS_AHEAD = 5
RICH_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def last_allowed_year():
    return datetime.date.today().year + YEARS_AHEAD


class PracticeType(models.TextChoices):
    STRATEGY = "strategy", _("Strategy or framework")
    POLICY = "policy", _("Policy or legislation")
    PROGRAMME = "programme", _("Programme or project")
    TOOL = "tool", _("Tool or guidance")
    PARTNERSHIP = "partnership", _("Partnership or coordination mechanism")
    SERVICE = "service", _("Service delivery")
    CAPACITY = "capacity", _("Capacity building")
    RESEARCH = "research", _("Research or data")


class ImplementationLevel(models.TextChoices):
    LOCAL = "local", _("Local")
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    GLOBAL = "global", _("Global")


class SubmissionLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    OTHER = "other", _("Other language")


def scope_errors(objectives, countries, is_global):
    """Errors of a practice's taxonomy as a whole, keyed by field name (empty when valid).

    Shared by the admin form and any front-end form: both hold the objectives and countries in
    their formsets before the page is saved, where ``Model.clean()`` cannot see them.
    """
    errors = {}
    if not objectives:
        errors["__all__"] = [_("Choose at least one GCM objective.")]
    if not countries and not is_global:
        errors["is_global"] = [_("Choose at least one country, or mark the practice as global.")]
    return errors


def period_errors(start_year, end_year, ongoing):
    """Errors of a practice's years, keyed by field name (empty when valid).

    The one place for these rules: ``PracticePage.clean`` and the front-end form both call it.
    """
    errors = {}
    low, high = FIRST_YEAR, last_allowed_year()
    for field, value in (("start_year", start_year), ("end_year", end_year)):
        if value is not None and not low <= value <= high:
            errors[field] = _("Enter a year between %(low)s and %(high)s.") % {
                "low": low, "high": high,
            }
    if start_year and end_year and "end_year" not in errors and end_year < start_year:
        errors["end_year"] = _("The end year cannot be before the start year.")
    if ongoing and end_year:
        errors["ongoing"] = _("An ongoing practice has no end year: clear one of them.")
    if end_year and not start_year:
        errors.setdefault("start_year", _("Give the start year as well."))
    return errors


class PracticePageForm(WagtailAdminPageForm):
    """Checks the objectives and countries held in the inline formsets."""

    def _kept(self, name):
        formset = self.formsets.get(name)
        if formset is None or not formset.is_valid():
            return []
        return [
            form.cleaned_data for form in formset.forms
            if form.cleaned_data and not formset._should_delete_form(form)
        ]

    def clean(self):
        cleaned_data = super().clean()
        errors = scope_errors(
            self._kept("practice_objectives"),
            self._kept("practice_countries"),
            cleaned_data.get("is_global"),
        )
        for field, messages in errors.items():
            for message in messages:
                self.add_error(None if field == "__all__" else field, message)
        return cleaned_data


class PracticeIndexPage(RoutablePageMixin, SectionPage):
    """The repository of practices: one per language, at /<lang>/practices/.

    The listing (filters, facets, sorting, pagination) lives in ``practices/listing.py``;
    the CSV/JSON/Atom exports in ``practices/exports.py``. This class only wires them up.
    """

    parent_page_types = ["home.HomePage"]

    Meta = names(_("repository of practices"))

    listing = path("", name="listing")(to_view("practices.views.serve_listing"))
    feed = path("feed/", name="feed")(to_view("practices.views.serve_feed"))


# The taxonomy keys a practice's search document carries for the listing on an engine:
# document field -> (relation, term attribute or None, key). Declared here, not read from
# terms.py (which imports this module); tests/search/test_engine_listing.py keeps both in step.
LISTING_KEYS = {
    "listing_objectives": ("practice_objectives", "objective", "number"),
    "listing_principles": ("practice_principles", "principle", "number"),
    "listing_sdgs": ("practice_sdgs", "sdg", "number"),
    "listing_regions": ("practice_regions", "region", "slug"),
    "listing_stakeholders": ("practice_stakeholders", "stakeholder", "slug"),
    "listing_countries": ("practice_countries", None, "country"),
}
LISTING_KEY_FIELDS = tuple(LISTING_KEYS)


def listing_key(name):
    """The page's method of the document field ``name`` of ``LISTING_KEYS`` (indexed as a
    filter field): ``page.listing_keys(name)``."""
    def keys(self):
        return self.listing_keys(name)

    keys.__name__ = name
    return keys


class PracticePage(HubPage):
    summary = models.TextField(
        _("summary"), max_length=600,
        help_text=_("Plain text, at most 600 characters: shown in listings."),
    )
    description = RichTextField(_("description"), blank=True)
    practice_type = models.CharField(
        _("type of practice"), max_length=20, choices=PracticeType.choices,
        default=PracticeType.PROGRAMME,
    )
    implementation_level = models.CharField(
        _("implementation level"), max_length=20, choices=ImplementationLevel.choices,
        default=ImplementationLevel.NATIONAL,
    )
    is_global = models.BooleanField(
        _("global scope"), default=False,
        help_text=_("The practice is not tied to particular countries."),
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)
    ongoing = models.BooleanField(_("ongoing"), default=False)
    implementing_organisation = models.CharField(
        _("main implementing organisation"), max_length=255, blank=True
    )
    partners = models.TextField(_("partners"), blank=True)
    results = RichTextField(_("results and impact"), blank=True, features=RICH_FEATURES)
    lessons_learned = RichTextField(_("lessons learned"), blank=True, features=RICH_FEATURES)
    innovation = RichTextField(_("what makes it innovative"), blank=True, features=RICH_FEATURES)
    replicability = RichTextField(_("replicability"), blank=True, features=RICH_FEATURES)
    migrant_participation = RichTextField(
        _("migrant participation"), blank=True, features=RICH_FEATURES
    )
    resources = StreamField(ResourceBlock(), verbose_name=_("resources"), blank=True)
    submission_language = models.CharField(
        _("language of the original submission"), max_length=10,
        choices=SubmissionLanguage.choices, default=SubmissionLanguage.ENGLISH,
    )
    # Private: the submitter's focal point. Never rendered, exported or indexed.
    contact_name = models.CharField(_("focal point: name"), max_length=255, blank=True)
    contact_organisation = models.CharField(
        _("focal point: organisation"), max_length=255, blank=True
    )
    contact_email = models.EmailField(_("focal point: email"), blank=True)

    base_form_class = PracticePageForm
    parent_page_types = ["practices.PracticeIndexPage"]

    content_panels = HubPage.content_panels + [
        "summary", "description",
        MultiFieldPanel([
            "practice_type", "implementation_level",
            FieldRowPanel(["start_year", "end_year",
                           "ongoing"]),
            "implementing_organisation", "partners",
        ], heading=_("The practice")),
        "results", "lessons_learned", "innovation", "replicability", "migrant_participation",
        "resources",
    ]
    taxonomy_panels = [
        InlinePanel("practice_objectives", label=_("GCM objectives"), min_num=1),
        InlinePanel("practice_principles", label=_("guiding principles")),
        InlinePanel("practice_sdgs", label=_("Sustainable Development Goals")),
        "is_global",
        InlinePanel("practice_regions", label=_("regions")),
        InlinePanel("practice_countries", label=_("countries")),
        InlinePanel("practice_stakeholders", label=_("stakeholder types involved")),
    ]
    submission_panels = [
        "submission_language",
        MultiFieldPanel([
            "contact_name", "contact_organisation", "contact_email",
        ], heading=_("Focal point (never shown publicly)")),
    ]
    edit_handler = TabbedInterface([
        ObjectList(content_panels, heading=_("Content")),
        ObjectList(taxonomy_panels, heading=_("Taxonomy and scope")),
        ObjectList(submission_panels, heading=_("Submission")),
        ObjectList(HubPage.promote_panels, heading=_("Promote")),
    ])

    search_fields = HubPage.search_fields + indexed(
        "summary", "description", "implementing_organisation", "partners", "results",
        "lessons_learned", "innovation",
        filters=("practice_type", "implementation_level", "start_year"),
    ) + [
        index.RelatedFields("practice_objectives", indexed(filters=("objective_id",))),
    ] + indexed(
        # What the listing filters and counts on a search engine (practices/engine_listing.py)
        filters=("end_year", "ongoing", *LISTING_KEY_FIELDS),
    )

    Meta = names(_("practice"), _("practices"))

    def clean(self):
        super().clean()
        errors = period_errors(self.start_year, self.end_year, self.ongoing)
        if errors:
            raise ValidationError(errors)

    @classmethod
    def get_indexed_objects(cls):
        """Pages as an engine indexes them: every term the listing's keys read, prefetched."""
        return super().get_indexed_objects().prefetch_related(
            *(f"{relation}__{attribute}" for relation, attribute, _key in LISTING_KEYS.values()
              if attribute), "practice_countries")

    def listing_keys(self, name):
        """The language-independent keys of a taxonomy relation, as the listing names them
        (objective numbers, region slugs, ISO codes), as strings."""
        relation, attribute, key = LISTING_KEYS[name]
        links = getattr(self, relation).all()
        if attribute is None:
            return [str(getattr(link, key)) for link in links]
        return [str(getattr(getattr(link, attribute), key)) for link in links]

    listing_objectives = listing_key("listing_objectives")
    listing_principles = listing_key("listing_principles")
    listing_sdgs = listing_key("listing_sdgs")
    listing_regions = listing_key("listing_regions")
    listing_stakeholders = listing_key("listing_stakeholders")
    listing_countries = listing_key("listing_countries")

    objectives = linked_terms("practice_objectives", "objective")
    principles = linked_terms("practice_principles", "principle")
    sdgs = linked_terms("practice_sdgs", "sdg")
    regions = linked_terms("practice_regions", "region")
    stakeholders = linked_terms("practice_stakeholders", "stakeholder")
    countries = linked_terms("practice_countries", "country")

    @property
    def period(self):
        """Human-readable years: "2019–2022", "2019 – ongoing", "2019" or ""."""
        from django.utils.translation import gettext

        if not self.start_year:
            return ""
        if self.ongoing:
            return gettext("%(start)s – ongoing") % {"start": self.start_year}
        if self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year)

    def get_context(self, request, *args, **kwargs):
        from .views import detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self, request))
        return context


# A practice's links to the shared taxonomy, one through-model per kind of term (hub.models).
PracticeObjective = term_link(PracticePage, "PracticeObjective", "objective", Objective,
                              _("GCM objective"), "practice", module=__name__)
PracticePrinciple = term_link(PracticePage, "PracticePrinciple", "principle", GuidingPrinciple,
                              _("guiding principle"), "practice", module=__name__)
PracticeSDG = term_link(PracticePage, "PracticeSDG", "sdg", SustainableDevelopmentGoal,
                        _("Sustainable Development Goal"), "practice", module=__name__)
PracticeRegion = term_link(PracticePage, "PracticeRegion", "region", Region, _("region"),
                           "practice", module=__name__)
PracticeStakeholder = term_link(PracticePage, "PracticeStakeholder", "stakeholder",
                                StakeholderType, _("stakeholder type"), "practice",
                                module=__name__)
PracticeCountry = term_link(PracticePage, "PracticeCountry", "country", None, _("country"),
                            "practice", module=__name__)


class PendingUpload(models.Model):
    """A checked file uploaded with a submission form that has not been saved yet.

    The file is stored at once as a Wagtail document or image (in the "Submissions" collection),
    so a form that fails validation does not lose it; the form carries the opaque ``token`` in a
    hidden field and only the uploader's own tokens are honoured. Saving the submission attaches
    the file and deletes this row; ``manage.py clean_pending_uploads`` deletes rows (and their
    files) that were never used.
    """

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(
        get_document_model_string(), null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )
    image = models.ForeignKey(
        get_image_model_string(), null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("pending upload")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(document__isnull=False, image__isnull=True)
                | models.Q(document__isnull=True, image__isnull=False),
                name="pending_upload_document_or_image",
            ),
        ]

    def __str__(self):
        return str(self.token)

    @property
    def file_object(self):
        return self.document or self.image


from .peer_review import PeerReview, PeerReviewTask  # noqa: E402, F401  (models of this app)
from .screening import ScreeningTask  # noqa: E402, F401
