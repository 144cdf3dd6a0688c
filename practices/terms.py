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
from hub.models import NumberedTerm, ThematicArea
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

def term_facet(name, label, through, heading, label_field="title", chip="{term.title}",
               always=False):
    """The facet ``name`` of a taxonomy relation of practices: ``through`` links a practice to
    its terms by the ForeignKey ``name`` (its related name on PracticePage ``practice_<name>s``,
    the form field and export column ``<name>s``); options are labelled by ``label_field``, the
    detail page's row is ``heading`` with a chip per term (``chip``, formatted with ``term``),
    shown even when empty if ``always``."""
    model = through._meta.get_field(name).related_model
    key = "number" if issubclass(model, NumberedTerm) else "slug"
    return Facet(name, label, OWNER, key, model, label_field, relation=TermRelation(
        name, f"{name}s", f"practice_{name}s", through, name, model, key, heading, chip, always))


# Every filter of the listing, in the order the listing shows them. The thematic area has no
# relation of its own: a practice is in the areas of its objectives (see facet_index.py).
FACETS = (
    term_facet("objective", _("GCM objective"), PracticeObjective, _("GCM objectives"),
               "short_title", "{term.number}. {term.short_title}", always=True),
    term_facet("principle", _("Guiding principle"), PracticePrinciple, _("Guiding principles")),
    Facet("area", _("Thematic area"), OWNER, "number", ThematicArea),
    term_facet("sdg", _("Sustainable Development Goal"), PracticeSDG,
               _("Sustainable Development Goals"), chip="{term.number}. {term.title}"),
    term_facet("region", _("Region"), PracticeRegion, _("Geographic scope"), always=True),
    Facet("country", _("Country"), OWNER, "country"),
    Facet("type", _("Type of practice"), OWNER, "choice", choices=PracticeType),
    Facet("level", _("Implementation level"), OWNER, "choice", choices=ImplementationLevel),
    term_facet("stakeholder", _("Stakeholder type"), PracticeStakeholder,
               _("Stakeholders involved")),
)
TERMS = tuple(facet.relation for facet in FACETS if isinstance(facet.relation, TermRelation))


def term_relations():
    """The taxonomy relations of every facet declared for practices (``hub_facets``), read when
    a page or an export is made: the detail page and the exports show each of them."""
    return tuple(facet.relation for facet in registry.facets(OWNER)
                 if isinstance(facet.relation, TermRelation))
