"""Wagtail's OpenSearch 2 backend on analysed text (used when OPENSEARCH_URL is set).

Same documents, index settings and listing interface as the Elasticsearch 9 backend
(``engine.py``), through OpenSearch's own client (``opensearch-py``): Elasticsearch's client
refuses servers that are not Elastic's. ``make engine`` starts a node to try it (engine/).

Extra option: ``REFRESH`` (default False). When true, every write is followed by a refresh of
the index, so a page published is found by the very next search (tests); otherwise the engine
makes writes visible within its refresh interval (one second).
"""

from modelsearch.backends import opensearch2

from .engine import (
    AnalysedMappingMixin,
    EngineBackendMixin,
    analysed_settings,
    query_compilers,
)


class Mapping(AnalysedMappingMixin, opensearch2.OpenSearch2Mapping):
    pass


class Index(opensearch2.OpenSearch2Index):
    def _written(self):
        if self.backend.refresh_after_write:
            self.refresh()

    def add_item(self, item):
        super().add_item(item)
        self._written()

    def add_items(self, model, items):
        super().add_items(model, items)
        self._written()

    def delete_item(self, item):
        super().delete_item(item)
        self._written()


SearchQueryCompiler, AutocompleteQueryCompiler = query_compilers(
    opensearch2.OpenSearch2SearchQueryCompiler, opensearch2.OpenSearch2AutocompleteQueryCompiler,
    Mapping)


class SearchBackend(EngineBackendMixin, opensearch2.OpenSearch2SearchBackend):
    mapping_class = Mapping
    index_class = Index
    query_compiler_class = SearchQueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    settings = analysed_settings(opensearch2.OpenSearch2SearchBackend.settings)

    def __init__(self, params):
        params = dict(params)
        self.refresh_after_write = bool(params.pop("REFRESH", False))
        super().__init__(params)
