"""The repository listing as a service: parse GET parameters, filter, count facets, sort, page.

Facets are disjunctive: the count shown for an option is the number of practices matching every
OTHER active facet plus that option (AND across facets, OR within one). Filtering and counting
are bit operations on an in-memory index (``facet_index.py``), so neither the time nor the query
count grows with content. Terms are identified by their language-independent number/slug,
countries by ISO alpha-2.
"""

import copy
import re
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import CharField, Prefetch, Value
from django.db.models.functions import Cast
from django.http import QueryDict
from django_countries import countries as all_countries

from hub.cache import TERMS_KEY, cached_in
from hub.formatting import country_choices
from hub.registry import facets as registered_facets
from search.query import matching_ids, ranked

from .facet_index import build as build_index
from .facet_index import index_for, index_of_cards
from .models import (
    FIRST_YEAR,
    PracticeObjective,
    PracticePage,
)
from .terms import FACETS as FACET_DECLARATIONS
from .terms import OWNER

PER_PAGE = 12
RANK_AMONG_IDS = 1000  # up to this many results, relevance ranks them by id, not all matches
MAX_VALUES = 30
SLUG_RE = re.compile(r"^[a-z0-9-]{1,80}$")
def by_name(facets):
    """{name: Facet} of ``facets``: a listing's declarations."""
    return {facet.name: facet for facet in facets}


DECLARED = by_name(FACET_DECLARATIONS)  # see terms.py
FACETS = tuple(DECLARED)
TERM_FACETS = tuple(facet for facet in FACET_DECLARATIONS if facet.terms is not None)
SORTS = ("newest", "oldest", "title", "relevance")


@dataclass
class Filters:
    values: dict = field(default_factory=dict)  # facet -> tuple of keys (str)
    q: str = ""
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "newest"
    page: int = 1

    @property
    def is_active(self):
        return bool(self.q or self.year_from or self.year_to or any(self.values.values()))


def _int(value, low, high):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


def valid_key(facet, raw, declared=DECLARED):
    """The facet's key from a raw GET value, or None; ``declared``: {name: Facet}."""
    raw, kind = raw.strip(), declared[facet].kind
    if kind == "number":
        number = _int(raw, 1, 999)
        return str(number) if number else None
    if kind == "slug":
        return raw if SLUG_RE.match(raw) else None
    if kind == "country":
        code = raw.upper()
        return code if len(code) == 2 and code in dict(all_countries) else None
    if kind == "choice":
        return raw if raw in declared[facet].choices.values else None
    return None


def declarations(owner=OWNER, own=None):
    """{name: Facet}: a listing's own facets (``own``, by default the repository's), then those
    other apps declare for it through the ``hub_facets`` hook (e.g. "champion countries")."""
    found = dict(DECLARED if own is None else own)
    for facet in registered_facets(owner):
        found.setdefault(facet.name, facet)
    return found


def with_derived(index, declared):
    """``index`` with the bitsets of the derived facets among ``declared`` (each the union of
    the bitsets of its source facet's keys), as a shallow copy: the cached index is shared."""
    derived = [facet for facet in declared.values() if facet.derived_from]
    if not derived:
        return index
    result = copy.copy(index)
    result.bits = dict(index.bits)
    result.derived = {}  # {facet: {key: sorted source keys}}: what an export's cache key needs
    for facet in derived:
        groups = {str(key): sorted(keys) for key, keys in facet.groups().items()}
        result.derived[facet.name] = groups
        result.bits[facet.name] = {key: index.any_of(facet.derived_from, keys)
                                   for key, keys in groups.items()}
    return result


def parse_filters(params: QueryDict, declared=None) -> Filters:
    """Validated filters from GET parameters; anything unknown or malformed is dropped.

    Another listing passes its own facet declarations, ``{name: Facet}``; by default, the
    repository's (``declarations()``).
    """
    declared = declarations() if declared is None else declared
    filters = Filters(q=params.get("q", "").strip()[:200])
    for facet in declared:
        kept = []
        for raw in params.getlist(facet)[:MAX_VALUES]:
            value = valid_key(facet, raw, declared)
            if value and value not in kept:
                kept.append(value)
        filters.values[facet] = tuple(kept)
    filters.year_from = _int(params.get("year_from"), FIRST_YEAR, 2100)
    filters.year_to = _int(params.get("year_to"), FIRST_YEAR, 2100)
    sort = params.get("sort", "")
    if sort in SORTS and (sort != "relevance" or filters.q):
        filters.sort = sort
    elif filters.q:
        filters.sort = "relevance"
    filters.page = _int(params.get("page"), 1, 100_000) or 1
    return filters


class Listing:
    """The result of one listing request: the matching practices, facet counts, chips.

    Filters and counts are bitset operations on the language's ``FacetIndex`` (see
    ``practices/facet_index.py``). The keyword is asked of the search backend (the site search's
    Arabic-aware analyser) once for the ids of every match; with ``sort=relevance`` it ranks
    only what is needed (``by_relevance``).

    Another kind of page reuses it by overriding the class attributes (its model and facet
    declarations), ``build_index`` and ``cards``, and ``labels`` for labels of its own (see
    ``pledges/listing.py``); ``public`` and ``labels`` read its model and declarations.
    """

    model = PracticePage
    owner = OWNER
    declared = DECLARED  # the listing's own facets; others' come from ``declarations``
    build_index = staticmethod(build_index)

    def __init__(self, locale, filters):
        self.locale = locale
        self.filters = filters
        self.declared = declarations(self.owner, type(self).declared)
        self.index = with_derived(index_for(locale, self.build_index), self.declared)
        common = self.index.everything
        if filters.q:
            common &= self.index.from_ids(matching_ids(self.model, filters.q))
        if filters.year_from or filters.year_to:
            common &= self.index.bitset(self.year_positions())
        self.common = common

    @classmethod
    def parse(cls, params):
        """Validated filters of ``params`` (a ``QueryDict``) for this listing's facets."""
        return parse_filters(params, declarations(cls.owner, cls.declared))

    @classmethod
    def from_params(cls, locale, params):
        """The listing of ``locale`` filtered by the request's ``params``."""
        return cls(locale, cls.parse(params))

    @classmethod
    def public(cls, locale):
        """The language's public pages of the listing's model."""
        return cls.model.objects.live().public().filter(locale=locale)

    @classmethod
    def labels(cls, locale):
        return term_labels(locale, cls.declared.values())

    @staticmethod
    def cards(queryset):
        return for_cards(queryset)

    def year_positions(self):
        """Positions of the practices running in the chosen years (from/to, both optional)."""
        low, high = self.filters.year_from, self.filters.year_to
        kept = []
        for i, (start, end, ongoing) in enumerate(self.index.years):
            if low and not (ongoing or (end is not None and end >= low)
                            or (end is None and start is not None and start >= low)):
                continue
            if high and not (start is not None and start <= high):
                continue
            kept.append(i)
        return kept

    def filtered(self, exclude=None):
        """Bitset of the practices matching every active filter but ``exclude``'s facet."""
        bits = self.common
        for facet, keys in self.filters.values.items():
            if keys and facet != exclude:
                bits &= self.index.any_of(facet, keys)
        return bits

    @property
    def other_language_count(self):
        """Live practices in other languages with no live translation in this one."""
        return self.index.other_language

    def ordered_ids(self):
        """Ids of every matching practice in the chosen sort order."""
        index, bits, sort = self.index, self.filtered(), self.filters.sort
        if sort == "relevance" and self.filters.q:
            return self.by_relevance(bits)
        if sort == "title":
            return [index.ids[i] for i in index.title_order if bits >> i & 1]
        positions = index.positions(bits)
        if sort == "oldest":
            positions.reverse()
        return [index.ids[i] for i in positions]

    def export_ids(self):
        """The ids an export streams (``ordered_ids``; an engine's listing fetches them here,
        before the response starts, so that an unreachable engine gives a clear 503)."""
        return self.ordered_ids()

    def by_relevance(self, bits):
        """Ids of ``bits`` best first: lazily when only the keyword filters (the database ranks
        just the page shown), by id when they are few, else every match then kept in order."""
        if bits == self.common and not (self.filters.year_from or self.filters.year_to):
            return ranked(self.public(self.locale), self.filters.q, count=bits.bit_count())
        ids = [self.index.ids[i] for i in self.index.positions(bits)]
        if len(ids) <= RANK_AMONG_IDS:
            return ranked(self.model.objects.filter(pk__in=ids), self.filters.q)[0:None]
        everything = ranked(self.public(self.locale), self.filters.q)[0:None]
        return [pk for pk in everything if self.index.has(bits, pk)]

    # -- facets -------------------------------------------------------------------------
    def facet_counts(self):
        """{facet: {key: count}}: disjunctive counts, an AND and a bit count per option."""
        counts = {}
        for facet in self.declared:
            others = self.filtered(exclude=facet)
            counts[facet] = {key: (others & bits).bit_count()
                             for key, bits in self.index.bits.get(facet, {}).items()}
        return counts

    def options(self):
        """The facet options with labels in the listing's language, counts and selection."""
        labels = self.labels(self.locale)
        for name, facet in self.declared.items():  # facets other apps add (choices only)
            if name not in labels and facet.choices is not None:
                labels[name] = [(value, str(label)) for value, label in facet.choices.choices]
        counts = self.facet_counts()
        facets = []
        for facet in self.declared:
            selected = self.filters.values.get(facet, ())
            choices = labels.get(facet, [])
            options = [
                {"key": key, "label": label, "count": counts[facet].get(key, 0),
                 "selected": key in selected}
                for key, label in choices
            ]
            if facet == "country":
                options = [o for o in options if o["count"] or o["selected"]]
            facets.append({"name": facet, "label": self.declared[facet].label,
                           "options": options})
        return facets


def practice_listing(locale, filters):
    """The listing of the configured implementation (``PRACTICE_LISTING``): the in-memory index
    by default, ``engine_listing.EngineListing`` when a search engine is configured."""
    from django.conf import settings
    from django.utils.module_loading import import_string

    return import_string(settings.PRACTICE_LISTING)(locale, filters)


def term_labels(locale, declarations=FACET_DECLARATIONS):
    """{facet: [(key, label)]} for the listing's language. The taxonomy's part is cached
    (``hub/cache.py`` forgets it when a term changes) and built in one UNION query; another
    listing passes its own ``declarations`` for its countries and choices."""
    labels = {facet: list(choices) for facet, choices in cached_in(
        TERMS_KEY, ("labels", getattr(locale, "pk", locale)), lambda: _taxonomy_labels(locale)
    ).items()}
    for facet in declarations:
        if facet.kind == "country":
            labels[facet.name] = country_choices()
        elif facet.kind == "choice":
            labels[facet.name] = [(value, str(label)) for value, label in facet.choices.choices]
    return labels


def _taxonomy_labels(locale):
    parts = [
        facet.terms.objects.filter(locale=locale)
        .annotate(facet=Value(facet.name, output_field=CharField()),
                  key=Cast(facet.kind, CharField()), label=Cast(facet.label_field, CharField()))
        .values("facet", "key", "label").order_by()
        for facet in TERM_FACETS
    ]
    labels = {}
    for row in parts[0].union(*parts[1:], all=True):
        labels.setdefault(row["facet"], []).append((row["key"], row["label"]))
    for facet in TERM_FACETS:
        if facet.kind == "number":
            labels.get(facet.name, []).sort(key=lambda item: int(item[0]))
            labels[facet.name] = [(k, f"{k}. {v}") for k, v in labels.get(facet.name, [])]
        else:
            labels.get(facet.name, []).sort(key=lambda item: item[1])
    return labels


# Long texts a card never shows: not read from the database for a page of results.
CARD_DEFERRED = ("description", "partners", "results", "lessons_learned", "innovation",
                 "replicability", "migrant_participation", "resources", "contact_name",
                 "contact_organisation", "contact_email")


def for_cards(queryset):
    """Practices to show as result cards: no long texts, terms prefetched."""
    return card_prefetches(queryset.defer(*CARD_DEFERRED))


def card_prefetches(queryset):
    """What a result card shows: objectives and countries, without a query per card."""
    return queryset.prefetch_related(
        Prefetch("practice_objectives",
                 queryset=PracticeObjective.objects.select_related("objective")),
        "practice_countries",
    )


def paginate(listing):
    paginator = Paginator(listing.ordered_ids(), PER_PAGE)
    number = min(listing.filters.page, paginator.num_pages) or 1
    page_obj = paginator.page(number)
    ids = list(page_obj.object_list)
    pages = {p.pk: p for p in listing.cards(listing.model.objects.filter(pk__in=ids))}
    page_obj.object_list = [pages[pk] for pk in ids if pk in pages]
    return paginator, page_obj


def sort_options(filters):
    """The listing's orders, the one ``filters`` asks for selected; relevance with a keyword."""
    from django.utils.translation import gettext_lazy as _

    options = [("newest", _("Newest")), ("oldest", _("Oldest")), ("title", _("Title"))]
    if filters.q:
        options.append(("relevance", _("Relevance")))
    return [{"value": v, "label": label, "selected": v == filters.sort} for v, label in options]


def chips(filters, facets):
    """Active filters as removable chips: label and the query string without that value."""
    from django.utils.translation import gettext

    result = []
    labels = {f["name"]: {o["key"]: o["label"] for o in f["options"]} for f in facets}
    base = []
    for facet, keys in filters.values.items():
        for key in keys:
            base.append((facet, key))
    extras = []
    if filters.q:
        extras.append(("q", filters.q))
    if filters.year_from:
        extras.append(("year_from", str(filters.year_from)))
    if filters.year_to:
        extras.append(("year_to", str(filters.year_to)))
    everything = base + extras
    if filters.sort not in ("newest", "relevance"):
        everything_sort = [("sort", filters.sort)]
    else:
        everything_sort = []
    for item in everything:
        facet, key = item
        remaining = QueryDict(mutable=True)
        for other in everything + everything_sort:
            if other != item:
                remaining.appendlist(*other)
        if facet == "q":
            label = gettext("Keyword: %(q)s") % {"q": key}
        elif facet == "year_from":
            label = gettext("From %(year)s") % {"year": key}
        elif facet == "year_to":
            label = gettext("Until %(year)s") % {"year": key}
        else:
            label = labels.get(facet, {}).get(key, key)
        result.append({"facet": facet, "label": label, "remove": remaining.urlencode()})
    return result


def card_listing(model, facets, *, order, year, cards):
    """A ``Listing`` of one kind of card page (library documents, articles), declared by data:
    ``facets`` say where their keys are (``relation``: a lookup on the page, or a pair
    (through model, key lookup)); ``order`` and ``year`` (a lookup) as ``index_of_cards`` takes
    them; ``cards(queryset)`` prepares the shown page's cards (``select_related``, ``defer``)."""

    def build_index(locale):
        """The in-memory bitset index of a language's public pages of ``model``."""
        return index_of_cards(
            model, locale, order=order, year=year,
            columns={f.name: f.relation for f in facets if isinstance(f.relation, str)},
            linked={f.name: f.relation for f in facets if isinstance(f.relation, tuple)})

    return type(f"{model.__name__}Listing", (Listing,), {
        "__module__": model.__module__, "model": model, "owner": model._meta.label_lower,
        "declared": by_name(facets), "build_index": staticmethod(build_index),
        "cards": staticmethod(cards),
    })
