"""The repository of practices.

Minimal skeleton (issue 4 completes it): the index page and the practice page, linked to GCM
objectives through an Orderable through-model (see the taxonomy note in ``hub/models.py``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from hub.models import Objective


class PracticeIndexPage(Page):
    """The repository of practices: one per language, at /<lang>/practices/."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = ["practices.PracticePage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("repository of practices")


class PracticePage(Page):
    summary = models.TextField(_("summary"), max_length=600)
    description = RichTextField(_("description"), blank=True)

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        InlinePanel("practice_objectives", label=_("GCM objectives"), min_num=1),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.RelatedFields("practice_objectives", [
            index.FilterField("objective_id"),
        ]),
    ]

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    @property
    def objectives(self):
        return [link.objective for link in self.practice_objectives.all()]


class PracticeObjective(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="practice_objectives")
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("objective")]

    class Meta(Orderable.Meta):
        verbose_name = _("GCM objective")
        constraints = [
            models.UniqueConstraint(fields=["page", "objective"], name="unique_practice_objective"),
        ]
