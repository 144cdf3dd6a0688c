"""SQLite FTS5 on analysed text (imported only on SQLite: its models exist only there)."""

from modelsearch.backends.database.sqlite import sqlite

from . import AnalysedQueryMixin, with_globals
from .database import analysed_items


class SQLiteIndexer(sqlite.ObjectIndexer):
    def prepare_field(self, obj, field):
        return analysed_items(super().prepare_field(obj, field))


class SQLiteIndex(sqlite.SQLiteIndex):
    add_items = with_globals(sqlite.SQLiteIndex.add_items, ObjectIndexer=SQLiteIndexer)


class SQLiteSearchBackend(AnalysedQueryMixin, sqlite.SQLiteSearchBackend):
    index_class = SQLiteIndex
