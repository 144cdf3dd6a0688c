"""The OpenSearch backend on a real node (`make engine`; .ci/run starts one).

The rest of tests/search runs against the node too when OPENSEARCH_URL is set; these tests
check what only an engine has: its documents, its own analysers, the alias switch of a rebuild.
Skipped, with the reason shown, when OPENSEARCH_URL is unset.
"""

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from practices.models import PracticePage
from search.analysis import analyse
from search.backends.opensearch import Mapping
from search.query import search_pages

from .test_analysis import ARABIC_PAIRS

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]

# The pairs that OpenSearch's own `arabic` analyser (Lucene's light stemmer) does not equate:
# a conjunction before a preposition, و read as a prefix of وطنية, and alef wasla. The README
# gives the resulting recall.
ARABIC_ANALYSER_MISSES = {
    ("وللمهاجرين", "للمهاجرين"),
    ("الوطنية", "وطنية"),
    ("ٱلهجرة", "الهجرة"),
}


def engine():
    return get_search_backend().es


def test_documents_on_the_node_hold_analysed_text(make_page):
    page = make_page("والمهاجرين", "الهِجْرَة الآمنة للمدرسة", language="ar")
    index = get_search_backend().get_index_for_model(PracticePage).name
    document = engine().get(index=index, id=Mapping(PracticePage).get_document_id(page))
    texts = {value for value in document["_source"].values() if isinstance(value, str)}
    assert "مهاجر" in texts and "هجر امن مدرس" in texts


def test_the_default_analyser_keeps_analysed_terms_whole():
    index = get_search_backend().get_index_for_model(PracticePage).name
    tokens = engine().indices.analyze(index=index, body={"text": "مهاجر هجر Migrat"})
    assert [token["token"] for token in tokens["tokens"]] == ["مهاجر", "هجر", "migrat"]


def arabic_analyser(text):
    response = engine().indices.analyze(body={"analyzer": "arabic", "text": text})
    return [token["token"] for token in response["tokens"]]


def test_recall_of_the_hubs_analyser_and_of_the_engines_arabic_analyser():
    """Both analysers on the suite's word pairs: a pair is recalled when both words give the
    same terms (so a search for one finds the other)."""
    hub = {pair for pair in ARABIC_PAIRS if analyse(pair[0]) == analyse(pair[1])}
    engine_own = {pair for pair in ARABIC_PAIRS
                  if arabic_analyser(pair[0]) == arabic_analyser(pair[1])}
    assert hub == set(ARABIC_PAIRS)  # 18 of 18
    assert set(ARABIC_PAIRS) - engine_own == ARABIC_ANALYSER_MISSES  # 15 of 18


def test_update_index_rebuilds_into_a_new_index_behind_an_alias(make_page):
    page = make_page("Remittance corridors")
    call_command("update_index", stdout=open("/dev/null", "w"))
    backend = get_search_backend()
    alias = backend.get_index_for_model(PracticePage)
    assert alias.is_alias()
    before = {index.name for index in alias.aliased_indices()}
    assert search_pages(Page.objects.live(), "remittances") == [page.pk]

    # A rebuild writes a new index; until it finishes, searches answer from the old one.
    rebuilder = backend.rebuilder_class(alias)
    new_index = rebuilder.start()
    for model in get_indexed_models():  # every mapping of the index, as update_index does
        if backend.get_index_for_model(model).name == alias.name:
            new_index.add_model(model)
    assert search_pages(Page.objects.live(), "remittances") == [page.pk]
    rebuilder.finish()
    after = {index.name for index in alias.aliased_indices()}
    assert after == {new_index.name} and not after & before
    assert search_pages(Page.objects.live(), "remittances") == []  # the new index is empty
