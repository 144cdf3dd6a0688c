"""SQLite FTS5 on analysed text (imported only on SQLite: its models exist only there).

Relevance ranking: Wagtail's SQLite backend orders results by a correlated subquery that runs
the FTS5 ``MATCH`` once more for every candidate row, so a word found in thousands of pages
takes seconds. ``RankedSQLiteSearchResults`` asks the index once instead: one ranked query over
the FTS table, restricted to the caller's queryset (as a subquery) and limited to the page
wanted, then one query for those objects. Counting and faceting are Wagtail's own (one query
each, already fast).
"""

from django.db.models import CharField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from . import AnalysedQueryMixin, with_globals
from .database import AnalysedIndexerMixin, MatchingMixin


class SQLiteIndexer(AnalysedIndexerMixin, sqlite.ObjectIndexer):
    pass


class SQLiteIndex(sqlite.SQLiteIndex):
    add_items = with_globals(sqlite.SQLiteIndex.add_items, ObjectIndexer=SQLiteIndexer)


class RankedSearchQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    def _match(self, config):
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        return MatchExpression(self.fields or self.FTS_TABLE_FIELDS,
                               self.build_search_query(query, config=config))

    def match_subquery(self, config):
        """Object ids of the matching index entries (see ``MatchingMixin``).

        The full-text match is a subquery of its own, so SQLite runs it once and looks entries up
        by id; joined to the entries instead, its planner may start from the content-type index
        and run the match once per entry (seconds with 10,000 practices).
        """
        match = self._match(config)
        if match is None:
            return sqlite.IndexEntry.objects.none().values("object_id")
        return sqlite.IndexEntry.objects.filter(
            pk__in=sqlite.SQLiteFTSIndexEntry.objects.filter(match).values("pk"),
            content_type__in=get_descendants_content_types_pks(self.queryset.model),
        ).values("object_id")

    def ranked_ids(self, config, start, stop):
        """[(object id, score)] of the best matches, best first; None for a negated query."""
        match = self._match(config)
        if match is None:
            return None
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        model = self.queryset.model
        candidates = self.queryset.order_by().annotate(
            _pk_text=Cast("pk", output_field=CharField())
        ).values("_pk_text")
        ranked = (
            sqlite.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(model),
                    index_entry__object_id__in=candidates)
            .annotate(score=rank)
            .order_by("score", "-index_entry_id")
            .values_list("index_entry__object_id", "score")
        )
        return list(ranked[start:stop])


class RankedSQLiteSearchResults(sqlite.SQLiteSearchResults):
    def _do_search(self):
        compiler = self.query_compiler
        if not compiler.order_by_relevance:
            return super()._do_search()
        ranked = compiler.ranked_ids(compiler.get_config(self.backend), self.start, self.stop)
        if ranked is None:
            return super()._do_search()
        pk_field = compiler.queryset.model._meta.pk
        ids = [pk_field.to_python(object_id) for object_id, _score in ranked]
        objects = {obj.pk: obj for obj in compiler.queryset.filter(pk__in=ids)}
        results = []
        for pk, (_object_id, score) in zip(ids, ranked, strict=True):
            obj = objects.get(pk)
            if obj is None:  # deleted between the two queries
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results


class SQLiteSearchBackend(MatchingMixin, AnalysedQueryMixin, sqlite.SQLiteSearchBackend):
    index_class = SQLiteIndex
    query_compiler_class = RankedSearchQueryCompiler
    results_class = RankedSQLiteSearchResults
