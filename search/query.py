"""Search API for other code (the practice listing's keyword box, the site search page).

Every function takes ``queryset`` (the caller's filters: live, public, locale, facets…) and ``q``
(the raw text typed by the visitor), analysed exactly like the site search on any backend.

- ``search_results(queryset, q)``: Wagtail's lazy, relevance-ordered results (sliceable,
  ``.count()``, ``.facet()``); ``queryset`` may only filter on indexed ``FilterField``s.
- ``matching(queryset, q)``: ``queryset`` narrowed to the matching rows, any filters allowed;
  on the database backends it stays one SQL query (the index is a subquery), so it can be
  counted, faceted and combined without loading ids into Python.
- ``ranked(queryset, q)``: the matching ids best first, lazily, for a ``Paginator``: only the
  ids of the page shown are ranked and loaded.
- ``matching_ids(model, q)``: the pks of every matching row, unordered, in one query (the
  practice listing intersects them with its own in-memory index).
- ``search_pages(queryset, q)``: every matching id, best first (tests, small sets).

On a search engine that cannot be reached, each raises ``SearchUnavailable`` (the caller shows
a message instead of results; see ``engine_guard`` for lazy results).
"""

from contextlib import contextmanager

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from wagtail.search.backends import get_search_backend

from hub import registry

MAX_QUERY_LENGTH = 200


class SearchUnavailable(Exception):
    """The search engine cannot answer now (stopped, unreachable, overloaded)."""


@contextmanager
def engine_guard():
    """Turn an engine's "unreachable" errors raised inside the block into SearchUnavailable."""
    try:
        yield
    except SearchUnavailable:
        raise
    except Exception as error:
        from .backends.engine import is_unavailable

        if is_unavailable(error):
            raise SearchUnavailable(str(error)) from error
        raise


def search_types():
    """{name: SearchType}: the page types each app declares (``hub_search_types`` hook)."""
    return registry.search_types()


def content_type_ids(type_names):
    """{content type id: type name} for the given type names.

    Through Django's content-type cache: one query the first time, none after, which keeps the
    search page within its query budget (5 + one per page type among the results shown).
    """
    known = search_types()
    models = {}
    for name in type_names:
        for label in known[name].models if name in known else ():
            try:
                models[apps.get_model(label)] = name
            except LookupError:  # an app that does not exist (yet)
                continue
    found = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    return {found[model].pk: name for model, name in models.items()}


def clean_query(q):
    return " ".join(str(q or "").split())[:MAX_QUERY_LENGTH]


def search_results(queryset, q):
    """Lazy relevance-ordered results; the backend analyses ``q`` (see search/backends)."""
    q = clean_query(q)
    if not q:
        return queryset.none()
    return queryset.search(q)


def matching(queryset, q):
    q = clean_query(q)
    if not q:
        return queryset.none()
    with engine_guard():
        return get_search_backend().matching(queryset, q)


def matching_ids(model, q):
    """Pks of every ``model`` row matching ``q`` (unordered; any state, any language)."""
    q = clean_query(q)
    if not q:
        return []
    with engine_guard():
        return get_search_backend().matching_ids(model, q)


class RankedIds:
    """Ids of the rows of ``queryset`` matching ``q``, best first, computed per slice."""

    def __init__(self, queryset, q, count=None):
        self.queryset = queryset
        self.q = clean_query(q)
        self._count = count  # when the caller already knows it

    def count(self):
        if self._count is None:
            self._count = matching(self.queryset, self.q).count()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key:key + 1][0]
        if not self.q:
            return []
        with engine_guard():
            return get_search_backend().ranked_ids(self.queryset, self.q, key.start or 0,
                                                   key.stop)


def ranked(queryset, q, count=None):
    return RankedIds(queryset, q, count)


def search_pages(queryset, q):
    """Ids of the matching pages of ``queryset``, best first."""
    return ranked(queryset, q)[0:None]
