"""The taxonomy of the submission form: which form field fills which relation of a practice.

Terms are chosen by their language-independent ``number`` or ``slug`` and looked up in the
page's locale, like the repository's filters (see ``practices/models.py``).
"""

from typing import NamedTuple

from hub.models import (
    GuidingPrinciple,
    Objective,
    Region,
    StakeholderType,
    SustainableDevelopmentGoal,
)

from ..models import (
    PracticeObjective,
    PracticePrinciple,
    PracticeRegion,
    PracticeSDG,
    PracticeStakeholder,
)


class TermRelation(NamedTuple):
    field: str  # form field
    relation: str  # related name on PracticePage
    through: type  # the Orderable through-model
    attribute: str  # its ForeignKey to the term
    model: type  # the term model
    key: str  # "number" or "slug"


TERMS = (
    TermRelation("objectives", "practice_objectives", PracticeObjective, "objective", Objective,
                 "number"),
    TermRelation("principles", "practice_principles", PracticePrinciple, "principle",
                 GuidingPrinciple, "number"),
    TermRelation("sdgs", "practice_sdgs", PracticeSDG, "sdg", SustainableDevelopmentGoal,
                 "number"),
    TermRelation("regions", "practice_regions", PracticeRegion, "region", Region, "slug"),
    TermRelation("stakeholders", "practice_stakeholders", PracticeStakeholder, "stakeholder",
                 StakeholderType, "slug"),
)


def choices(term, locale):
    """(key, label) pairs of a term type in ``locale``, labels in that language."""
    return [(getattr(t, term.key), str(t)) for t in term.model.objects.filter(locale=locale)]


def keys_of(page, term):
    """The keys of the terms a page (or a revision's page object) links to."""
    return [getattr(getattr(link, term.attribute), term.key)
            for link in getattr(page, term.relation).all()]


def links_for(term, locale, keys):
    """Unsaved through-model rows linking to the terms with ``keys`` in ``locale``."""
    terms = term.model.objects.filter(locale=locale, **{f"{term.key}__in": keys or []})
    return [term.through(**{term.attribute: t}) for t in terms.order_by(term.key)]
