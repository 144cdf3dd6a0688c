"""Wagtail search backends that index and query the output of ``search.analysis``.

Each backend is Wagtail's own (database: SQLite FTS5 / PostgreSQL; Elasticsearch 9) with two
changes, so every backend matches words the same way and no page model needs editing:

- at indexing, the text of every ``SearchField`` / ``AutocompleteField`` is replaced by its
  analysed form (``analyse``: normalised, prefix-stripped, stemmed terms separated by spaces);
- at search time, the query is analysed the same way (``AnalysedQueryMixin``).

Autocomplete keeps whole words unstemmed (``stem=False``) so that prefix matching still works.
"""

import types

from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText

from ..analysis import analyse


def analyse_value(value, stem=True):
    """Analyse a field value as the backends prepare it: a string, or a list/dict of strings."""
    if isinstance(value, str):
        return analyse(value, stem)
    if isinstance(value, (list, tuple)):
        return [analyse_value(item, stem) for item in value]
    if isinstance(value, dict):
        return {key: analyse_value(item, stem) for key, item in value.items()}
    return value


def analyse_query(query, stem=True):
    """The same query with every text in it analysed; None when nothing searchable is left."""
    if query is None or isinstance(query, MatchAll):
        return query
    if isinstance(query, str):
        return analyse(query, stem) or None
    if isinstance(query, PlainText):
        text = analyse(query.query_string, stem)
        return PlainText(text, operator=query.operator, boost=query.boost) if text else None
    if isinstance(query, Phrase):
        text = analyse(query.query_string, stem)
        return Phrase(text) if text else None
    if isinstance(query, Fuzzy):
        text = analyse(query.query_string, stem)
        return Fuzzy(text, operator=query.operator, unaccent=query.unaccent) if text else None
    if isinstance(query, Boost):
        inner = analyse_query(query.subquery, stem)
        return Boost(inner, query.boost) if inner is not None else None
    if isinstance(query, Not):
        inner = analyse_query(query.subquery, stem)
        return Not(inner) if inner is not None else None
    if isinstance(query, (And, Or)):
        parts = [part for part in (analyse_query(q, stem) for q in query.subqueries) if part]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else type(query)(parts)
    return query


class AnalysedQueryMixin:
    """Analyse the query of ``search()`` and ``autocomplete()`` before the backend compiles it.

    A query with nothing searchable left (only punctuation, say) becomes "" which Wagtail
    answers with empty results, without touching the index.
    """

    def search(self, query, model_or_queryset, *args, **kwargs):
        analysed = analyse_query(query)
        return super().search("" if analysed is None else analysed, model_or_queryset,
                              *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        analysed = analyse_query(query, stem=False)
        return super().autocomplete("" if analysed is None else analysed, model_or_queryset,
                                    *args, **kwargs)


def with_globals(function, **names):
    """A copy of ``function`` that sees ``names`` instead of its module's globals of that name.

    Wagtail's database indexes build their ``ObjectIndexer`` through a module-level name inside
    ``add_items``; rebinding that name gives our analysing indexer to the unchanged upstream
    code instead of copying it (tests/search/test_backends.py checks the stored rows).
    """
    copy = types.FunctionType(function.__code__, {**function.__globals__, **names},
                              function.__name__, function.__defaults__, function.__closure__)
    copy.__kwdefaults__ = function.__kwdefaults__
    copy.__doc__ = function.__doc__
    return copy
