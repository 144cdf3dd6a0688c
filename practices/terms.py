"""How a practice links to the shared taxonomy: one entry per relation.

The listing's index (``facet_index.py``), the detail page (``views.py``) and the submission form
(``submission/``) all read this list, so a new kind of term is added here once. Terms are
named by their language-independent ``number`` or ``slug`` and looked up in the page's locale.
Countries are no term model (ISO codes on ``PracticeCountry``) and are handled apart.
"""

from typing import NamedTuple

from hub.models import (
    GuidingPrinciple,
    Objective,
    Region,
    StakeholderType,
    SustainableDevelopmentGoal,
)

from .models import (
    PracticeObjective,
    PracticePrinciple,
    PracticeRegion,
    PracticeSDG,
    PracticeStakeholder,
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
