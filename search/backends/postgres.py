"""PostgreSQL full text on analysed text, with the ``simple`` configuration by default."""

from modelsearch.backends.database.postgres import postgres

from . import AnalysedQueryMixin, with_globals
from .database import analysed_items


class PostgresIndexer(postgres.ObjectIndexer):
    def prepare_field(self, obj, field):
        return analysed_items(super().prepare_field(obj, field))


class PostgresIndex(postgres.PostgresIndex):
    add_items = with_globals(postgres.PostgresIndex.add_items, ObjectIndexer=PostgresIndexer)


class PostgresSearchBackend(AnalysedQueryMixin, postgres.PostgresSearchBackend):
    index_class = PostgresIndex

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": "simple", **params})
