"""Wagtail's database backend (SQLite FTS5, PostgreSQL full text) on analysed text.

Configured as ``"BACKEND": "search.backends.database"``; picks the vendor as Wagtail does.
PostgreSQL uses the ``simple`` text search configuration by default: the text it receives is
already normalised and stemmed, and a language configuration would stem it a second time.
"""

from django.db import connection, connections
from modelsearch.index import AutocompleteField

from . import analyse_query, analyse_value


def analysed_items(items):
    """(field, [weight,] value) tuples from ``prepare_field`` with their value analysed."""
    for *head, value in items:
        yield (*head, analyse_value(value, stem=not isinstance(head[0], AutocompleteField)))


class AnalysedIndexerMixin:
    """An object indexer (SQLite, PostgreSQL) that stores the analysed text of each field."""

    def prepare_field(self, obj, field):
        return analysed_items(super().prepare_field(obj, field))


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up under this name)
    """The analysed backend for the default database's vendor."""
    if connection.vendor == "postgresql":
        from .postgres import PostgresSearchBackend

        return PostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend(params)
    raise NotImplementedError(
        f"search.backends.database supports SQLite and PostgreSQL, not {connection.vendor}."
    )


class MatchingMixin:
    """Keyword matching for callers whose querysets hold filters the index knows nothing of.

    Wagtail's ``search()`` accepts only filters on indexed ``FilterField``s. The practice
    listing filters on facets, years and flags, so it asks two questions instead, both answered
    in SQL: which rows match (``matching``: the queryset narrowed by a subquery on the index,
    so it can be combined, counted and faceted without loading ids), and which ids come first by
    relevance for one page of results (``ranked_ids``, with the caller's queryset as a
    subquery). The compilers' ``match_subquery`` and ``ranked_ids`` are per vendor (see
    ``sqlite.py`` and ``postgres.py``).
    """

    def _compiler(self, queryset, query, order_by_relevance):
        analysed = analyse_query(query)
        if analysed is None:
            return None
        return self.query_compiler_class(queryset, analysed, order_by_relevance=order_by_relevance)

    def matching(self, queryset, query):
        compiler = self._compiler(queryset.model._default_manager.all(), query,
                                  order_by_relevance=False)
        if compiler is None:
            return queryset.none()
        return queryset.filter(pk__in=compiler.match_subquery(compiler.get_config(self)))

    def matching_ids(self, model, query):
        """Pks of every ``model`` row matching ``query``, unordered and unfiltered.

        Thousands of ids for a common word: read with a plain cursor, which is several times
        faster than iterating a values queryset.
        """
        compiler = self._compiler(model._default_manager.all(), query, order_by_relevance=False)
        if compiler is None:
            return []
        subquery = compiler.match_subquery(compiler.get_config(self))
        sql, params = subquery.query.sql_with_params()
        with connections[subquery.db].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        to_python = model._meta.pk.to_python
        return [to_python(value) for value, in rows]

    def ranked_ids(self, queryset, query, start, stop):
        compiler = self._compiler(queryset, query, order_by_relevance=True)
        if compiler is None:
            return []
        pk_field = queryset.model._meta.pk
        ranked = compiler.ranked_ids(compiler.get_config(self), start, stop) or []
        return [pk_field.to_python(pk) for pk, _score in ranked]
