"""The repository listing on a search engine: filters, facet counts, keyword, relevance and sort
in one engine request (``EngineListing``); selected by ``PRACTICE_LISTING`` when an engine is
configured (``OPENSEARCH_URL`` / ``ELASTICSEARCH_URL``), the in-memory index
(``listing.Listing``) staying the embedded default. Same interface, same results and counts
(tests/search/test_engine_listing.py runs the listing's cases on both).

The request, on the practices' documents (``PracticePage.search_fields``: the hub's analysed
text, the language-independent taxonomy keys as keyword fields, the years):

- ``query``: the keyword (the site search's query, scored) or every document, filtered to the
  language's live, public practices (Wagtail compiles the same queryset as the embedded listing
  uses) and to the chosen years;
- ``post_filter``: every chosen facet (OR within one, AND across), which narrows the results but
  not the aggregations;
- ``aggs``: per facet, the documents matching every *other* chosen facet, counted per key (a
  ``terms`` aggregation; the thematic area, which a practice has through its objectives, as one
  ``filters`` bucket per area): the disjunctive counts of the embedded listing;
- ``sort``: newest/oldest (publication date, then id), title (then id) or the score.

The page of ids shown comes with that request; other slices ask for ids only: the feed's top
entries in one request, an export's rows by scrolling through every id once.
"""

from wagtail.search.backends import get_search_backend

from hub.cache import COUNTS_KEY, TERMS_KEY, cached_in
from hub.models import ThematicAreaObjective
from search.query import clean_query

from .facet_index import other_language_count, public_practices
from .listing import PER_PAGE, Listing, declarations

# facet -> the FilterField of PracticePage holding its keys (the thematic area: see ``areas``)
FIELDS = {
    "objective": "listing_objectives",
    "principle": "listing_principles",
    "sdg": "listing_sdgs",
    "region": "listing_regions",
    "stakeholder": "listing_stakeholders",
    "country": "listing_countries",
    "type": "practice_type",
    "level": "implementation_level",
}
AREA, AREA_FIELD = "area", "listing_objectives"
SORTS = {
    "newest": (("first_published_at", "desc"), ("id", "desc")),
    "oldest": (("first_published_at", "asc"), ("id", "asc")),
    "title": (("title", "asc"), ("id", "asc")),
    "relevance": None,  # the engine's score
}
MAX_KEYS = 1000  # more keys than any facet has (some 200 countries)
WINDOW = 10_000  # the engines' default max_result_window: deeper pages are scrolled
SMALL_SLICE = 100  # slices ending before this are asked for; after it, every id at once


def area_objectives(locale):
    """{area number (str): [objective numbers (str)]} of ``locale``'s thematic areas (cached
    with the taxonomy labels, forgotten when an area's objectives change)."""
    def build():
        areas = {}
        for area, objective in ThematicAreaObjective.objects.filter(
                area__locale=locale).values_list("area__number", "objective__number"):
            areas.setdefault(str(area), []).append(str(objective))
        return areas

    return cached_in(TERMS_KEY, ("area-objectives", getattr(locale, "pk", locale)), build)


class EngineListing(Listing):
    """``Listing``'s interface (``options``, ``facet_counts``, ``ordered_ids``,
    ``other_language_count``) answered by the engine (see the module's docstring)."""

    def __init__(self, locale, filters):
        self.locale = locale
        self.filters = filters
        self.backend = get_search_backend()
        self.areas = area_objectives(locale)
        # The facets other apps derive from one of ours (e.g. "champion countries" from the
        # country): {facet: (source facet, {key: source keys})}, read once per request.
        self.declared = declarations(self.owner, type(self).declared)
        self.derived = {
            facet.name: (facet.derived_from,
                         {str(key): sorted(keys) for key, keys in facet.groups().items()})
            for facet in self.declared.values() if facet.derived_from
        }
        self._first = None  # the one request: a page of ids and the aggregations

    def field(self, name):
        return self.backend.filter_field(self.model, name)

    def clause(self, facet, keys):
        """The documents having any of ``keys`` in ``facet``."""
        if facet in self.derived:
            source, groups = self.derived[facet]
            return self.clause(source, sorted({k for key in keys for k in groups.get(key, ())}))
        if facet == AREA:
            objectives = sorted({o for area in keys for o in self.areas.get(area, ())})
            return {"terms": {self.field(AREA_FIELD): objectives}}
        return {"terms": {self.field(FIELDS[facet]): list(keys)}}

    def year_clauses(self):
        """The embedded listing's ``year_positions`` as engine filters."""
        low, high = self.filters.year_from, self.filters.year_to
        start, end, ongoing = (self.field(name) for name in ("start_year", "end_year", "ongoing"))
        clauses = []
        if low:
            clauses.append({"bool": {"minimum_should_match": 1, "should": [
                {"term": {ongoing: True}},
                {"range": {end: {"gte": low}}},
                {"bool": {"must_not": {"exists": {"field": end}},
                          "filter": {"range": {start: {"gte": low}}}}},
            ]}})
        if high:
            clauses.append({"range": {start: {"lte": high}}})
        return clauses

    def aggregation(self, facet):
        if facet in self.derived:
            return {"filters": {"filters": {
                key: self.clause(facet, (key,)) for key in self.derived[facet][1]}}}
        if facet == AREA:
            return {"filters": {"filters": {
                area: self.clause(AREA, (area,)) for area in self.areas}}}
        return {"terms": {"field": self.field(FIELDS[facet]), "size": MAX_KEYS}}

    def parts(self, aggregations=True):
        """What ``faceted_search`` needs besides the page wanted."""
        active = {facet: keys for facet, keys in self.filters.values.items() if keys}
        sort = SORTS["newest" if self.filters.sort == "relevance" and not self.filters.q
                     else self.filters.sort]
        parts = {
            "queryset": public_practices(self.locale),
            "q": clean_query(self.filters.q) if self.filters.q else None,
            "filters": self.year_clauses(),
            "post_filters": [self.clause(facet, keys) for facet, keys in active.items()],
            "sort": [(self.field(name), order) for name, order in sort] if sort else None,
        }
        if aggregations:
            parts["aggregations"] = {facet: {
                "filter": {"bool": {"filter": [self.clause(other, keys)
                                               for other, keys in active.items()
                                               if other != facet]}},
                "aggs": {"keys": self.aggregation(facet)},
            } for facet in self.declared}
        return parts

    def first(self):
        """The one request: the page of results shown and every facet's counts."""
        if self._first is None:
            start = (self.filters.page - 1) * PER_PAGE
            if start + PER_PAGE > WINDOW:  # a page that deep: counts only, ids when sliced
                start, size = 0, 0
            else:
                size = PER_PAGE
            self._first = self.backend.faceted_search(start=start, size=size, **self.parts())
        return self._first

    def facet_counts(self):
        counts, aggregations = {}, self.first().aggregations
        for facet in self.declared:
            if facet not in aggregations:  # a keyword with nothing to search for
                counts[facet] = {}
                continue
            buckets = aggregations[facet]["keys"]["buckets"]
            if isinstance(buckets, dict):  # filters: {area: {"doc_count": n}}
                counts[facet] = {key: bucket["doc_count"] for key, bucket in buckets.items()}
            else:
                counts[facet] = {bucket["key"]: bucket["doc_count"] for bucket in buckets}
        return counts

    def ordered_ids(self):
        return EngineIds(self)

    def slice_ids(self, start, stop):
        """Ids ``[start:stop]`` in order, asked of the engine (ids only)."""
        return self.backend.faceted_search(start=start, size=max(0, stop - start),
                                           **self.parts(aggregations=False)).ids

    def all_ids(self):
        """Every id in order (scrolled: no window limit)."""
        return self.backend.faceted_ids(**self.parts(aggregations=False))

    def export_ids(self):
        return self.all_ids()

    @property
    def other_language_count(self):
        # A query over every language's practices (0.1 s at 100,000), kept until pages change.
        locale = getattr(self.locale, "pk", self.locale)
        return cached_in(COUNTS_KEY, ("practices-other-language", locale),
                         lambda: other_language_count(self.locale))


class EngineIds:
    """The ordered ids of an ``EngineListing`` as a ``Paginator`` reads them: ``count()`` and
    the page's slice come from the listing's one request; any other slice asks for ids."""

    def __init__(self, listing):
        self.listing = listing
        self._all = None  # every id, once a slice reached past the top ones

    def count(self):
        return self.listing.first().total

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key:key + 1][0]
        first = self.listing.first()
        start = key.start or 0
        end = first.total if key.stop is None else min(key.stop, first.total)
        if first.start <= start and end <= first.start + len(first.ids):
            return first.ids[start - first.start:end - first.start]
        if self._all is None and key.stop is not None and key.stop <= SMALL_SLICE:
            return self.listing.slice_ids(start, key.stop)  # the feed, an export's first rows
        if self._all is None:  # an export's next rows: every id once
            self._all = self.listing.all_ids()
        return self._all[start:key.stop]

    def __iter__(self):
        return iter(self[0:None])
