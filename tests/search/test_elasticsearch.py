"""Elasticsearch configuration, tested offline as far as it can be.

No Elasticsearch server runs here. The offline tests build the backend, its index settings,
mapping and documents, and compile queries without a network call. The ONE mock in the search
tests is ``elasticsearch.Elasticsearch.search`` (patched on the class), standing in for the
cluster to capture the request body that would be sent. Tests marked ``elasticsearch`` run
against a real cluster when ELASTICSEARCH_URL is set and are skipped otherwise.
"""

import os
import subprocess
import sys
from unittest import mock

import pytest
from wagtail.models import Page

from practices.models import PracticePage
from search.backends.elasticsearch9 import Mapping, SearchBackend


def make_backend():
    return SearchBackend({"URLS": ["http://localhost:9200"], "INDEX_PREFIX": "hub_test_"})


def test_settings_switch_on_elasticsearch_url():
    code = ("import django; django.setup(); from django.conf import settings; "
            "print(settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    run = lambda extra: subprocess.run(  # noqa: E731
        [sys.executable, "-c", code], env={**env, **extra}, capture_output=True, text=True,
        check=True).stdout.strip()
    env.pop("ELASTICSEARCH_URL", None)
    env.pop("OPENSEARCH_URL", None)
    assert run({"ELASTICSEARCH_URL": "http://es.example:9200"}) == "search.backends.elasticsearch9"
    assert run({"OPENSEARCH_URL": "http://os.example:9200"}) == "search.backends.opensearch"
    assert run({}) == "search.backends.database"


def test_the_practice_listing_follows_the_engine_unless_told():
    code = ("import django; django.setup(); from django.conf import settings; "
            "print(settings.PRACTICE_LISTING)")
    env = {key: value for key, value in os.environ.items()
           if key not in ("ELASTICSEARCH_URL", "OPENSEARCH_URL", "PRACTICE_LISTING")}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"

    def run(extra):
        return subprocess.run([sys.executable, "-c", code], env={**env, **extra},
                              capture_output=True, text=True)

    engine, embedded = "practices.engine_listing.EngineListing", "practices.listing.Listing"
    assert run({}).stdout.strip() == embedded
    assert run({"OPENSEARCH_URL": "http://os.example:9200"}).stdout.strip() == engine
    assert run({"ELASTICSEARCH_URL": "http://es.example:9200"}).stdout.strip() == engine
    assert run({"OPENSEARCH_URL": "http://os.example:9200",
                "PRACTICE_LISTING": "embedded"}).stdout.strip() == embedded
    wrong = run({"PRACTICE_LISTING": "bitsets"})
    assert wrong.returncode != 0 and "PRACTICE_LISTING must be one of" in wrong.stderr


def test_index_settings_use_the_pre_analysed_default_analyser():
    analyzer = make_backend().settings["settings"]["analysis"]["analyzer"]
    assert analyzer["default"] == {
        "type": "custom", "tokenizer": "whitespace",
        "filter": ["lowercase", "decimal_digit", "arabic_normalization"],
    }
    assert "edgengram_analyzer" in analyzer  # Wagtail's own autocomplete analyser kept


@pytest.mark.django_db
def test_documents_carry_analysed_text(make_page):
    page = make_page("والمهاجرين", "الهِجْرَة الآمنة للمدرسة", language="ar")
    document = Mapping(PracticePage).get_document(PracticePage.objects.get(pk=page.pk))
    texts = {value for key, value in document.items() if isinstance(value, str)}
    assert "مهاجر" in texts
    assert "هجر امن مدرس" in texts
    assert Mapping(PracticePage).get_mapping()["properties"]["_all_text"] == {"type": "text"}


@pytest.mark.django_db
def test_queries_sent_to_the_cluster_are_analysed(home_pages):
    backend = make_backend()
    with mock.patch("elasticsearch.Elasticsearch.search") as search:
        search.return_value = {"hits": {"hits": [], "total": {"value": 0}}}
        list(backend.search("والمُهاجِرين إدارة", Page.objects.live()))
    body = str(search.call_args)
    assert "مهاجر ادار" in body
    assert "والمُهاجِرين" not in body


@pytest.mark.django_db
def test_listing_asks_the_cluster_for_ids_only_and_keeps_its_sql_filters(make_page):
    """The practice listing's interface (matching_ids / ranked_ids): ids best first from the
    cluster, then the caller's SQL filters (here: live) applied by the database."""
    live = make_page("Remittances", "remittance corridors")
    draft = make_page("Remittance draft", "remittance", live=False)
    backend = make_backend()
    hits = [{"fields": {"pk": [str(pk)]}, "_score": 1.0} for pk in (draft.pk, live.pk)]
    with mock.patch("elasticsearch.Elasticsearch.search") as search:
        search.return_value = {"hits": {"hits": hits, "total": {"value": 2}}}
        assert backend.matching_ids(PracticePage, "remittances") == [draft.pk, live.pk]
        assert backend.ranked_ids(PracticePage.objects.live(), "remittances", 0, None) == [live.pk]
    request = search.call_args.kwargs
    assert request["_source"] is False and request["stored_fields"] == "pk"
    assert "remitt" in str(request["query"])


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_real_cluster_finds_arabic_variants(make_page, settings):
    from django.core.management import call_command

    from search.query import search_pages

    page = make_page("صفحة", "نص عن الهجرة الآمنة", language="ar")
    call_command("update_index", stdout=open(os.devnull, "w"))
    assert search_pages(Page.objects.live(), "والهِجْرَة") == [page.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("backend", ["elasticsearch9", "opensearch"])
def test_documents_serialise_values_of_any_field_type(backend):
    """A CountryPage filters on a django-countries ``Country``, which neither client's JSON
    serialiser knows: the document carries its code."""
    import importlib

    from countries.models import CountryPage

    mapping = importlib.import_module(f"search.backends.{backend}").Mapping(CountryPage)
    document = mapping.get_document(CountryPage(title="Jordan", country="JO", intro="<p>x</p>"))
    assert document["countries_countrypage__country_filter"] == "JO"
    from opensearchpy.serializer import JSONSerializer

    assert '"JO"' in JSONSerializer().dumps(document)
