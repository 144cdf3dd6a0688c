"""What the hub's search-engine backends share (Elasticsearch 9, OpenSearch 2).

Documents carry the output of ``search.analysis`` and queries are analysed the same way, so an
engine matches exactly what the database backends match and the Python highlighter marks the
words the engine matched. Why not the engines' own ``arabic``/``english`` analysers per
language: Wagtail maps one analyser per *field*, not per document language, so using them would
mean language-specific fields on every page model or one index per language; and their Arabic
stemmer is Lucene's light stemmer, not Snowball, so results would drift from the database
backends (the README gives the recall of both on the suite's word pairs). The engines' own
``arabic_normalization`` and ``decimal_digit`` filters stay in the default analyser as a safety
net for text that reaches the index without the Python analyser; on analysed text they change
nothing.

Each backend module combines these with Wagtail's classes for its engine and client:
``AnalysedMappingMixin`` (documents), ``EngineBackendMixin`` (``EngineFacetingMixin``, the
listing's facets; ``EngineIndexingMixin``, updates kept while the engine is away, see
``search/backlog.py``; ``EngineMatchingMixin``, the listing's interface; analysed queries),
``query_compilers`` and ``analysed_settings`` (index settings).
"""

import datetime
import decimal
import uuid
from copy import deepcopy

from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import deep_update

from . import AnalysedQueryMixin, analyse_value

# The engines' default ``max_result_window``: the most ids one keyword search returns.
MAX_MATCHES = 10_000

ANALYSIS_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {
                # Applies to every text field without an explicit analyser (all SearchFields
                # and _all_text), at index and at search time.
                "default": {
                    "type": "custom",
                    "tokenizer": "whitespace",
                    "filter": ["lowercase", "decimal_digit", "arabic_normalization"],
                },
            },
        },
    },
}


def analysed_settings(upstream):
    """Wagtail's index settings for an engine with the hub's default analyser added."""
    return deep_update(deepcopy(upstream), ANALYSIS_SETTINGS)


# Values the engines' JSON serialisers write as they are; anything else is written as its str().
JSON_VALUES = (str, int, float, bool, type(None), list, tuple, dict, datetime.date,
               datetime.time, uuid.UUID, decimal.Decimal)


def json_value(value):
    """A field value the clients can serialise: e.g. django-countries' ``Country`` → "MA"."""
    if isinstance(value, (list, tuple)):
        return [json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: json_value(item) for key, item in value.items()}
    return value if isinstance(value, JSON_VALUES) else str(value)


def query_compilers(search_compiler, autocomplete_compiler, mapping):
    """The engine's search and autocomplete query compilers, reading the analysed ``mapping``."""
    attrs = {"mapping_class": mapping, "__module__": mapping.__module__}
    return (type("SearchQueryCompiler", (search_compiler,), attrs),
            type("AutocompleteQueryCompiler", (autocomplete_compiler,), attrs))


class AnalysedMappingMixin:
    """Documents whose search and autocomplete fields hold analysed text, every value one the
    clients can serialise."""

    def _get_document_field_data(self, field, obj):
        name, value, edgengrams = super()._get_document_field_data(field, obj)
        value = json_value(value)
        if isinstance(field, SearchField):
            value = analyse_value(value)
        elif isinstance(field, AutocompleteField):
            value = analyse_value(value, stem=False)
            edgengrams = analyse_value(edgengrams, stem=False)
        return name, value, edgengrams


# HTTP statuses that mean "the engine cannot answer now" rather than "the request is wrong".
UNAVAILABLE_STATUSES = {429, 502, 503, 504}


def is_unavailable(error):
    """Whether ``error`` (raised by either engine's client) means the engine is unreachable
    or overloaded: connection refused or reset, timeout, 429/502/503/504, no shard available.
    A request the engine rejects (a bad query, a mapping conflict) is not: it is a bug to see."""
    names = {cls.__name__ for cls in type(error).__mro__}
    if names & {"ConnectionError", "ConnectionTimeout"}:
        return True
    status = getattr(error, "status_code", None) or getattr(error, "status", None)
    if status in UNAVAILABLE_STATUSES:
        return True
    return "NoShardAvailableActionException" in str(error)


class EngineIndexingMixin:
    """Index writes that never fail an editor's save and are never lost.

    ``add``/``delete`` (called by Wagtail's indexing task and ``post_delete`` handler) keep the
    update in the backlog when the engine is unreachable, and send the backlog after the next
    write that reaches the engine. ``add_now``/``delete_now`` are the plain writes.
    """

    is_unavailable = staticmethod(is_unavailable)

    def add_now(self, obj):
        super().add(obj)

    def delete_now(self, obj):
        super().delete(obj)

    def _write(self, send, obj, action):
        from .. import backlog
        from ..models import IndexBacklog

        try:
            send(obj)
        except Exception as error:
            if not is_unavailable(error):
                raise
            backlog.record(obj, action, error)
            return
        if IndexBacklog.objects.exists():  # the engine is back: catch up
            backlog.apply_backlog(self)

    def add(self, obj):
        self._write(self.add_now, obj, "update")

    def delete(self, obj):
        self._write(self.delete_now, obj, "delete")


class EngineMatchingMixin:
    """``matching`` / ``matching_ids`` / ``ranked_ids`` (see ``database.MatchingMixin``) on an
    engine: the caller's SQL filters cannot be sent to the engine, so the engine answers with
    ids, best first, and the database applies the caller's queryset to them."""

    def matching_ids(self, model, query):
        """Ids of ``model``'s documents matching ``query``, best first, ids only (at most
        ``MAX_MATCHES``)."""
        results = self.search(query, model.objects.all())
        if not hasattr(results, "_get_es_body"):  # nothing searchable in the query
            return []
        response = results._backend_do_search(
            results._get_es_body(), index=self.get_index_for_model(model).name,
            _source=False, stored_fields="pk", size=MAX_MATCHES,
        )
        pk_field = model._meta.pk
        return [pk_field.to_python(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]

    def matching(self, queryset, query):
        return queryset.filter(pk__in=self.matching_ids(queryset.model, query))

    def ranked_ids(self, queryset, query, start, stop):
        ids = self.matching_ids(queryset.model, query)
        kept = set(queryset.filter(pk__in=ids).values_list("pk", flat=True))
        return [pk for pk in ids if pk in kept][start:stop]


class Faceted:
    """One answer of ``faceted_search``: ``ids`` from ``start`` (in order), ``total`` matching
    the query and post-filters, and the engine's ``aggregations`` as it sent them."""

    def __init__(self, ids, start, total, aggregations):
        self.ids, self.start, self.total, self.aggregations = ids, start, total, aggregations


class EngineFacetingMixin:
    """A listing's filters, facet counts, keyword, relevance and sort as one engine request.

    The caller gives a queryset of indexed ``FilterField``s (live, public, language: Wagtail
    compiles it, as for a site search), the visitor's keyword (None: every document), and the
    raw parts only it knows: extra ``filters`` (narrow the results and the counts),
    ``post_filters`` (narrow the results only, so that aggregations can count the options of a
    facet as if it were not chosen) and ``aggregations``. ``sort`` is a list of
    ``(field name, "asc"|"desc")`` or None for relevance. Field names are the document's
    (``filter_field``).
    """

    def filter_field(self, model, name):
        """The document's name for ``model``'s ``FilterField`` ``name`` (e.g. ``end_year`` of
        a page type: ``practices_practicepage__end_year_filter``)."""
        from modelsearch.index import FilterField

        for field in model.get_search_fields():
            if isinstance(field, FilterField) and field.field_name == name:
                return self.mapping_class(model).get_field_column_name(field)
        raise LookupError(f"{model.__name__} has no FilterField {name!r}")

    def faceted_body(self, queryset, q, filters=(), post_filters=(), aggregations=None,
                     sort=None):
        """The request's body, or None when the keyword leaves nothing to search for."""
        from modelsearch.query import MatchAll

        results = self.search(MatchAll() if q is None else q, queryset)
        if not hasattr(results, "_get_es_body"):  # nothing searchable in the keyword
            return None
        query = results._get_es_body(for_count=True)["query"]
        if filters:
            query = {"bool": {"must": query, "filter": list(filters)}}
        body = {"query": query, "track_total_hits": True}
        if post_filters:
            body["post_filter"] = {"bool": {"filter": list(post_filters)}}
        if aggregations:
            body["aggs"] = aggregations
        if sort:
            body["sort"] = [{name: {"order": order}} for name, order in sort]
        return body

    def faceted_search(self, queryset, q, *, start=0, size=0, **parts):
        """One request: ``size`` ids from ``start`` and the aggregations (``Faceted``)."""
        body = self.faceted_body(queryset, q, **parts)
        if body is None:
            return Faceted([], start, 0, {})
        response = self._ids_search(body, index=self.get_index_for_model(queryset.model).name,
                                from_=start, size=size)
        return Faceted(self._hit_ids(queryset.model, response), start,
                       response["hits"]["total"]["value"], response.get("aggregations", {}))

    def faceted_ids(self, queryset, q, batch=1000, **parts):
        """Every matching id in order (scrolled, no window limit); no aggregations."""
        parts.pop("aggregations", None)
        body = self.faceted_body(queryset, q, **parts)
        if body is None:
            return []
        index = self.get_index_for_model(queryset.model).name
        response = self._ids_search(body, index=index, scroll="1m", size=batch)
        ids = []
        try:
            while response["hits"]["hits"]:
                ids.extend(self._hit_ids(queryset.model, response))
                response = self.es.scroll(scroll_id=response["_scroll_id"], scroll="1m")
        finally:
            if response.get("_scroll_id"):
                self.es.clear_scroll(scroll_id=response["_scroll_id"])
        return ids

    def _ids_search(self, body, **params):
        """A search request with ids only, in either client's calling convention."""
        params.update(_source=False, stored_fields="pk")
        if getattr(self, "use_new_elasticsearch_api", False):
            return self.es.search(**body, **params)
        return self.es.search(body=body, **params)

    @staticmethod
    def _hit_ids(model, response):
        to_python = model._meta.pk.to_python
        return [to_python(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]


class EngineBackendMixin(EngineFacetingMixin, EngineIndexingMixin, EngineMatchingMixin,
                         AnalysedQueryMixin):
    """What both engine backends add to Wagtail's backend for their engine."""
