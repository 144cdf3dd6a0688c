"""The repository's facets and how a practice links to the shared taxonomy: one entry each.

``FACETS`` declares every filter of the listing (registered with the ``hub_facets`` hook in
``wagtail_hooks.py``), a taxonomy relation with its facet (``TermRelation``: its through-model,
its row on the detail page, its column in the exports). The relations (``TERMS``) are read by the
listing's index (``facet_index.py``), the listing's labels (``listing.py``), the exports, the
detail page (``views.py``) and the submission form (``submission/``), so a new kind of term is
one declaration here plus its through-model (``hub.models.term_link``) and migration. Terms are
named by their language-independent ``number`` or ``slug`` and looked up in the page's locale.
Countries are no term model (ISO codes on ``PracticeCountry``) and are handled apart.
"""

from typing import Any, NamedTuple

from django.utils.translation import gettext_lazy as _

from hub import registry
from hub.models import (
    GuidingPrinciple,
    Objective,
    Region,
    StakeholderType,
    SustainableDevelopmentGoal,
    ThematicArea,
)
from hub.registry import Facet

from .models import (
    ImplementationLevel,
    PracticeObjective,
    PracticePrinciple,
    PracticeRegion,
    PracticeSDG,
    PracticeStakeholder,
    PracticeType,
)


class TermRelation(NamedTuple):
    facet: str  # the listing's filter parameter
    field: str  # the form field, the detail page's context name and the export's column
    relation: str  # related name on PracticePage
    through: type  # the Orderable through-model
    attribute: str  # its ForeignKey to the term
    model: type  # the term model
    key: str  # "number" or "slug"
    heading: Any = None  # the detail page's row
    chip: str = "{term.title}"  # how the detail page names one term
    always: bool = False  # the detail page shows the row even when the practice has no term

    @property
    def key_lookup(self):
        """The term's key seen from the through-model (``objective__number``)."""
        return f"{self.attribute}__{self.key}"

    def choices(self, locale):
        """(key, label) pairs of this term type in ``locale``, labels in that language."""
        return [(getattr(t, self.key), str(t)) for t in self.model.objects.filter(locale=locale)]

    def keys_of(self, page):
        """The keys of the terms a page (or a revision's page object) links to."""
        return [getattr(getattr(link, self.attribute), self.key)
                for link in getattr(page, self.relation).all()]

    def links_for(self, locale, keys):
        """Unsaved through-model rows linking to the terms with ``keys`` in ``locale``."""
        terms = self.model.objects.filter(locale=locale, **{f"{self.key}__in": keys or []})
        return [self.through(**{self.attribute: t}) for t in terms.order_by(self.key)]


OWNER = "practices.practicepage"
# The relation whose row on the detail page (and columns in the exports) also carries the
# practice's "global" flag and its countries (ISO codes, no term model).
GEOGRAPHY = "region"

# Every filter of the listing, in the order the listing shows them; a taxonomy relation is
# declared inline. The thematic area has no relation of its own: a practice is in the areas of
# its objectives (see facet_index.py).
FACETS = (
    Facet("objective", _("GCM objective"), OWNER, "number", Objective, "short_title",
          relation=TermRelation(
              "objective", "objectives", "practice_objectives", PracticeObjective, "objective",
              Objective, "number", _("GCM objectives"), "{term.number}. {term.short_title}",
              always=True)),
    Facet("principle", _("Guiding principle"), OWNER, "number", GuidingPrinciple,
          relation=TermRelation(
              "principle", "principles", "practice_principles", PracticePrinciple, "principle",
              GuidingPrinciple, "number", _("Guiding principles"))),
    Facet("area", _("Thematic area"), OWNER, "number", ThematicArea),
    Facet("sdg", _("Sustainable Development Goal"), OWNER, "number", SustainableDevelopmentGoal,
          relation=TermRelation(
              "sdg", "sdgs", "practice_sdgs", PracticeSDG, "sdg", SustainableDevelopmentGoal,
              "number", _("Sustainable Development Goals"), "{term.number}. {term.title}")),
    Facet("region", _("Region"), OWNER, "slug", Region, relation=TermRelation(
        "region", "regions", "practice_regions", PracticeRegion, "region", Region, "slug",
        _("Geographic scope"), always=True)),
    Facet("country", _("Country"), OWNER, "country"),
    Facet("type", _("Type of practice"), OWNER, "choice", choices=PracticeType),
    Facet("level", _("Implementation level"), OWNER, "choice", choices=ImplementationLevel),
    Facet("stakeholder", _("Stakeholder type"), OWNER, "slug", StakeholderType,
          relation=TermRelation(
              "stakeholder", "stakeholders", "practice_stakeholders", PracticeStakeholder,
              "stakeholder", StakeholderType, "slug", _("Stakeholders involved"))),
)
TERMS = tuple(facet.relation for facet in FACETS if isinstance(facet.relation, TermRelation))


def term_relations():
    """The taxonomy relations of every facet declared for practices (``hub_facets``), read when
    a page or an export is made: the detail page and the exports show each of them."""
    return tuple(facet.relation for facet in registry.facets(OWNER)
                 if isinstance(facet.relation, TermRelation))
