"""Wagtail's Elasticsearch 9 backend on analysed text (used when ELASTICSEARCH_URL is set).

The mapping, index settings and listing interface are shared with the OpenSearch backend
(``engine.py``); this module only binds them to Elasticsearch's client.
"""

from modelsearch.backends import elasticsearch9

from .engine import (
    MAX_MATCHES,
    AnalysedMappingMixin,
    EngineBackendMixin,
    analysed_settings,
    query_compilers,
)

__all__ = ["MAX_MATCHES", "Mapping", "SearchBackend"]


class Mapping(AnalysedMappingMixin, elasticsearch9.Elasticsearch9Mapping):
    pass


SearchQueryCompiler, AutocompleteQueryCompiler = query_compilers(
    elasticsearch9.Elasticsearch9SearchQueryCompiler,
    elasticsearch9.Elasticsearch9AutocompleteQueryCompiler, Mapping)


class SearchBackend(EngineBackendMixin, elasticsearch9.Elasticsearch9SearchBackend):
    mapping_class = Mapping
    query_compiler_class = SearchQueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    settings = analysed_settings(elasticsearch9.Elasticsearch9SearchBackend.settings)
