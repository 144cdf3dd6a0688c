"""Wagtail's database backend (SQLite FTS5, PostgreSQL full text) on analysed text.

Configured as ``"BACKEND": "search.backends.database"``; picks the vendor as Wagtail does.
PostgreSQL uses the ``simple`` text search configuration by default: the text it receives is
already normalised and stemmed, and a language configuration would stem it a second time.
"""

from django.db import connection
from modelsearch.backends.database.postgres import postgres
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.index import AutocompleteField

from . import AnalysedQueryMixin, analyse_value, with_globals


def _analysed_items(items):
    """(field, [weight,] value) tuples from ``prepare_field`` with their value analysed."""
    for *head, value in items:
        yield (*head, analyse_value(value, stem=not isinstance(head[0], AutocompleteField)))


class SQLiteIndexer(sqlite.ObjectIndexer):
    def prepare_field(self, obj, field):
        return _analysed_items(super().prepare_field(obj, field))


class PostgresIndexer(postgres.ObjectIndexer):
    def prepare_field(self, obj, field):
        return _analysed_items(super().prepare_field(obj, field))


class SQLiteIndex(sqlite.SQLiteIndex):
    add_items = with_globals(sqlite.SQLiteIndex.add_items, ObjectIndexer=SQLiteIndexer)


class PostgresIndex(postgres.PostgresIndex):
    add_items = with_globals(postgres.PostgresIndex.add_items, ObjectIndexer=PostgresIndexer)


class SQLiteSearchBackend(AnalysedQueryMixin, sqlite.SQLiteSearchBackend):
    index_class = SQLiteIndex


class PostgresSearchBackend(AnalysedQueryMixin, postgres.PostgresSearchBackend):
    index_class = PostgresIndex

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": "simple", **params})


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up under this name)
    """The analysed backend for the default database's vendor."""
    if connection.vendor == "postgresql":
        return PostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        return SQLiteSearchBackend(params)
    raise NotImplementedError(
        f"search.backends.database supports SQLite and PostgreSQL, not {connection.vendor}."
    )
