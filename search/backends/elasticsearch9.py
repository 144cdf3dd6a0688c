"""Wagtail's Elasticsearch 9 backend on analysed text (used when ELASTICSEARCH_URL is set).

Documents carry the output of ``search.analysis`` and queries are analysed the same way, so
Elasticsearch matches exactly what the database backends match and the Python highlighter
marks the words Elasticsearch matched. Why not Elasticsearch's own ``arabic``/``english``
analysers per language: Wagtail maps one analyser per *field*, not per document language, so
using them would mean language-specific fields on every page model or one index per language;
and Elasticsearch's Arabic stemmer is Lucene's light stemmer, not Snowball, so results would
drift from the database backends. Elasticsearch's own ``arabic_normalization`` and
``decimal_digit`` filters stay in the default analyser as a safety net for text that reaches
the index without the Python analyser; on analysed text they change nothing.
"""

from copy import deepcopy

from modelsearch.backends import elasticsearch9
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import deep_update

from . import AnalysedQueryMixin, analyse_value

MAX_MATCHES = 10_000

ANALYSIS_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {
                # Applies to every text field without an explicit analyser (all SearchFields
                # and _all_text), at index and at search time.
                "default": {
                    "type": "custom",
                    "tokenizer": "whitespace",
                    "filter": ["lowercase", "decimal_digit", "arabic_normalization"],
                },
            },
        },
    },
}


class Mapping(elasticsearch9.Elasticsearch9Mapping):
    def _get_document_field_data(self, field, obj):
        name, value, edgengrams = super()._get_document_field_data(field, obj)
        if isinstance(field, SearchField):
            value = analyse_value(value)
        elif isinstance(field, AutocompleteField):
            value = analyse_value(value, stem=False)
            edgengrams = analyse_value(edgengrams, stem=False)
        return name, value, edgengrams


class SearchQueryCompiler(elasticsearch9.Elasticsearch9SearchQueryCompiler):
    mapping_class = Mapping


class AutocompleteQueryCompiler(elasticsearch9.Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = Mapping


class SearchBackend(AnalysedQueryMixin, elasticsearch9.Elasticsearch9SearchBackend):
    mapping_class = Mapping
    query_compiler_class = SearchQueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    settings = deep_update(deepcopy(elasticsearch9.Elasticsearch9SearchBackend.settings),
                           ANALYSIS_SETTINGS)

    def matching_ids(self, model, query):
        """Ids of ``model``'s documents matching ``query``, best first, ids only.

        At most ``MAX_MATCHES`` (Elasticsearch's default ``max_result_window``). The caller's
        SQL filters cannot be sent to the cluster, so ``matching`` and ``ranked_ids`` (with
        ``matching_ids``, the interface of ``database.MatchingMixin``) intersect these ids with
        the queryset.
        """
        results = self.search(query, model.objects.all())
        if not hasattr(results, "_get_es_body"):  # nothing searchable in the query
            return []
        response = results._backend_do_search(
            results._get_es_body(), index=self.get_index_for_model(model).name,
            _source=False, stored_fields="pk", size=MAX_MATCHES,
        )
        pk_field = model._meta.pk
        return [pk_field.to_python(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]

    def matching(self, queryset, query):
        return queryset.filter(pk__in=self.matching_ids(queryset.model, query))

    def ranked_ids(self, queryset, query, start, stop):
        ids = self.matching_ids(queryset.model, query)
        kept = set(queryset.filter(pk__in=ids).values_list("pk", flat=True))
        return [pk for pk in ids if pk in kept][start:stop]
