"""Wagtail's database backend (SQLite FTS5, PostgreSQL full text) on analysed text.

Configured as ``"BACKEND": "search.backends.database"``; picks the vendor as Wagtail does.
PostgreSQL uses the ``simple`` text search configuration by default: the text it receives is
already normalised and stemmed, and a language configuration would stem it a second time.
"""

from django.db import connection
from modelsearch.index import AutocompleteField

from . import analyse_value


def analysed_items(items):
    """(field, [weight,] value) tuples from ``prepare_field`` with their value analysed."""
    for *head, value in items:
        yield (*head, analyse_value(value, stem=not isinstance(head[0], AutocompleteField)))


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
