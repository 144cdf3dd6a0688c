"""The GCM implementation guidance: the guide, the handbook (one page per objective) and the
thematic tool pages, under /<lang>/guidance/.

Pages link to taxonomy terms through a ForeignKey or an Orderable through-model (see
``hub/models.py``). Listings in Arabic show the Arabic tree; where a listing falls back to an
English page (not yet translated) the template marks it ``lang="en"`` with an "English only"
label.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale

from home.blocks import AnchoredBody
from hub.declarations import indexed, names
from hub.models import Objective, ThematicArea, term_link
from hub.pages import HubPage, SectionPage, public
from hub.structure import language_code_of, section_of_type

from .blocks import ChapterStreamBlock, ExampleStreamBlock, ResourceStreamBlock

RICH_TEXT = ["bold", "italic", "link", "document-link", "ul", "ol", "h3", "h4"]
RELATED_PRACTICES_LIMIT = 5


class GuidanceSectionPage(SectionPage):
    """A section page of the guidance, whose introduction may have headings, lists and links
    to documents."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT)

    class Meta:
        abstract = True


class GuidanceIndexPage(GuidanceSectionPage):
    """The guidance home: /<lang>/guidance/."""

    parent_page_types = ["home.HomePage"]

    Meta = names(_("guidance home"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = public(self.get_children().live()).specific()
        return context


class GuidePage(AnchoredBody, HubPage):
    """The guide: chapters with an automatic table of contents."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ChapterStreamBlock(), verbose_name=_("chapters"), blank=True)

    parent_page_types = ["guidance.GuidanceIndexPage"]
    max_count_per_parent = 1

    content_panels = HubPage.content_panels + ["intro", "body"]
    search_fields = HubPage.search_fields + indexed("intro", "body")

    Meta = names(_("guide"))


class HandbookPage(GuidanceSectionPage):
    """The handbook: the 23 objectives grouped by the five thematic areas."""

    parent_page_types = ["guidance.GuidanceIndexPage"]

    Meta = names(_("handbook"))

    def objective_pages_by_number(self):
        """Live objective pages of this locale by number; untranslated ones fall back to the
        default locale's page, flagged ``fallback`` so the template can say so."""
        pages = {
            page.objective.number: page
            for page in ObjectivePage.objects.live().public().filter(locale_id=self.locale_id)
            .select_related("objective")
        }
        default = Locale.get_default()
        if default.pk != self.locale_id:
            for page in (
                ObjectivePage.objects.live().public().filter(locale=default)
                .exclude(objective__number__in=pages).select_related("objective")
            ):
                page.fallback = True
                pages[page.objective.number] = page
        return pages

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = self.objective_pages_by_number()
        areas = ThematicArea.objects.filter(locale_id=self.locale_id).prefetch_related(
            "area_objectives__objective"
        )
        context["areas"] = [
            (area, [(objective, pages.get(objective.number)) for objective in area.objectives])
            for area in areas
        ]
        return context


class ObjectivePage(HubPage):
    """The handbook chapter of one GCM objective (exactly one page per objective and locale)."""

    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.PROTECT, related_name="+"
    )
    summary = models.TextField(_("summary"), max_length=800)
    overview = RichTextField(_("overview"), blank=True, features=RICH_TEXT)
    actions = RichTextField(_("actions"), blank=True, features=RICH_TEXT,
                            help_text=_("The actions the Global Compact lists for this objective."))
    guiding_principles = RichTextField(_("how the guiding principles apply"), blank=True,
                                       features=RICH_TEXT)
    stakeholders = RichTextField(_("stakeholders to involve"), blank=True, features=RICH_TEXT)
    examples = StreamField(ExampleStreamBlock(), verbose_name=_("examples"), blank=True)
    resources = StreamField(ResourceStreamBlock(), verbose_name=_("resources"), blank=True)

    parent_page_types = ["guidance.HandbookPage"]

    content_panels = HubPage.content_panels + [
        "objective", "summary", "overview", "actions", "guiding_principles", "stakeholders",
        "examples", "resources",
    ]
    search_fields = HubPage.search_fields + indexed(
        "summary", "overview", "actions", "guiding_principles", "stakeholders", "examples",
        filters=("objective",))

    Meta = names(_("objective page"))

    def clean(self):
        super().clean()
        if not self.objective_id:
            return
        objective = self.objective
        if self.locale_id and objective.locale_id != self.locale_id:
            raise ValidationError(
                {"objective": _("Choose the objective in the language of this page.")}
            )
        others = ObjectivePage.objects.filter(
            objective__number=objective.number, locale_id=objective.locale_id
        ).exclude(pk=self.pk)
        if others.exists():
            raise ValidationError({"objective": _(
                "Objective %(number)s already has a page in this language: “%(title)s”."
            ) % {"number": objective.number, "title": others.first().title}})

    def neighbours(self, number):
        """(previous, next) objective pages of this language, either None, in one query."""
        pages = {
            page.objective_number: page
            for page in ObjectivePage.objects.live().public()
            .filter(locale_id=self.locale_id, objective__number__in=[number - 1, number + 1])
            .annotate(objective_number=F("objective__number")).order_by("-path")
        }
        return pages.get(number - 1), pages.get(number + 1)

    def related_practices(self):
        from practices.models import PracticePage

        return (
            PracticePage.objects.live().public()
            .filter(locale_id=self.locale_id,
                    practice_objectives__objective__number=self.objective.number)
            .distinct().order_by("-first_published_at")[:RELATED_PRACTICES_LIMIT]
        )

    def repository_url(self, request=None):
        from practices.models import PracticeIndexPage

        repository = section_of_type(request, PracticeIndexPage, language_code_of(self, request))
        if repository is None:
            return None
        return f"{repository.get_url(request)}?objective={self.objective.number}"

    def related_tools(self):
        return (
            ThematicToolPage.objects.live().public()
            .filter(locale_id=self.locale_id,
                    tool_objectives__objective__number=self.objective.number)
            .distinct().order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        previous_objective, next_objective = self.neighbours(self.objective.number)
        context.update(
            previous_objective=previous_objective,
            next_objective=next_objective,
            related_practices=list(self.related_practices()),
            repository_url=self.repository_url(request),
            related_tools=list(self.related_tools()),
        )
        return context


class ToolsIndexPage(GuidanceSectionPage):
    """The thematic tools: /<lang>/guidance/tools/."""

    parent_page_types = ["guidance.GuidanceIndexPage"]

    children_listed_as = "tools"
    children_order = ("title",)

    Meta = names(_("thematic tools"))


class ThematicToolPage(HubPage):
    """A thematic tool: a set of guidance documents and links on one theme."""

    theme = models.CharField(_("theme"), max_length=200)
    summary = models.TextField(_("summary"), max_length=800)
    body = StreamField(ChapterStreamBlock(), verbose_name=_("body"), blank=True)
    resources = StreamField(ResourceStreamBlock(), verbose_name=_("documents and links"),
                            blank=True)

    parent_page_types = ["guidance.ToolsIndexPage"]

    content_panels = HubPage.content_panels + [
        "theme", "summary", "body",
        InlinePanel("tool_objectives", label=_("related objectives")),
        "resources",
    ]
    search_fields = HubPage.search_fields + indexed("theme", "summary", "body")

    Meta = names(_("thematic tool"), _("thematic tools"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        numbers = [link.objective.number
                   for link in self.tool_objectives.select_related("objective")]
        context["related_objectives"] = (
            ObjectivePage.objects.live().public()
            .filter(locale_id=self.locale_id, objective__number__in=numbers)
            .select_related("objective").order_by("objective__number")
        )
        return context


ThematicToolObjective = term_link(ThematicToolPage, "ThematicToolObjective", "objective",
                                  Objective, _("related objective"), "tool", module=__name__)
