"""The repository's facets and how a practice links to the shared taxonomy: one entry each.

``FACETS`` declares every filter of the listing (registered with the ``hub_facets`` hook in
``wagtail_hooks.py``); the taxonomy relations among them (``TERMS``) are read by the listing's
index (``facet_index.py``), the listing's labels (``listing.py``), the exports, the detail page
(``views.py``) and the submission form (``submission/``), so a new kind of term is one
declaration here plus its through-model and migration. Terms are named by their
language-independent ``number`` or ``slug`` and looked up in the page's locale. Countries are no
term model (ISO codes on ``PracticeCountry``) and are handled apart.
"""

from typing import NamedTuple

from django.utils.translation import gettext_lazy as _

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
    field: str  # the form field, and the detail page's context name
    relation: str  # related name on PracticePage
    through: type  # the Orderable through-model
    attribute: str  # its ForeignKey to the term
    model: type  # the term model
    key: str  # "number" or "slug"

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


TERMS = (
    TermRelation("objective", "objectives", "practice_objectives", PracticeObjective,
                 "objective", Objective, "number"),
    TermRelation("principle", "principles", "practice_principles", PracticePrinciple,
                 "principle", GuidingPrinciple, "number"),
    TermRelation("sdg", "sdgs", "practice_sdgs", PracticeSDG, "sdg", SustainableDevelopmentGoal,
                 "number"),
    TermRelation("region", "regions", "practice_regions", PracticeRegion, "region", Region,
                 "slug"),
    TermRelation("stakeholder", "stakeholders", "practice_stakeholders", PracticeStakeholder,
                 "stakeholder", StakeholderType, "slug"),
)

_TERM = {term.facet: term for term in TERMS}
OWNER = "practices.practicepage"

# Every filter of the listing, in the order the listing shows them. The thematic area has no
# relation of its own: a practice is in the areas of its objectives (see facet_index.py).
FACETS = (
    Facet("objective", _("GCM objective"), OWNER, "number", Objective, "short_title",
          relation=_TERM["objective"]),
    Facet("principle", _("Guiding principle"), OWNER, "number", GuidingPrinciple,
          relation=_TERM["principle"]),
    Facet("area", _("Thematic area"), OWNER, "number", ThematicArea),
    Facet("sdg", _("Sustainable Development Goal"), OWNER, "number",
          SustainableDevelopmentGoal, relation=_TERM["sdg"]),
    Facet("region", _("Region"), OWNER, "slug", Region, relation=_TERM["region"]),
    Facet("country", _("Country"), OWNER, "country"),
    Facet("type", _("Type of practice"), OWNER, "choice", choices=PracticeType),
    Facet("level", _("Implementation level"), OWNER, "choice", choices=ImplementationLevel),
    Facet("stakeholder", _("Stakeholder type"), OWNER, "slug", StakeholderType,
          relation=_TERM["stakeholder"]),
)
