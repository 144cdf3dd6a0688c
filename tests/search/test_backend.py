"""Search through the configured backend with real published pages: SQLite FTS5 or PostgreSQL,
or an OpenSearch node when OPENSEARCH_URL is set (.ci/run does both)."""

import pytest
from wagtail.models import Locale, Page

from practices.models import PracticePage
from search.highlight import highlight
from search.query import matching, ranked, search_pages

from .test_analysis import ARABIC_PAIRS

pytestmark = pytest.mark.django_db


def live_pages(language=None):
    pages = Page.objects.live().public()
    return pages.filter(locale=Locale.objects.get(language_code=language)) if language else pages


@pytest.mark.parametrize(("written", "variant"), ARABIC_PAIRS)
def test_arabic_variants_find_the_same_page(make_page, written, variant):
    target = make_page("صفحة", f"نص عن {written} في البلد", language="ar")
    make_page("صفحة أخرى", "نص لا علاقة له بالموضوع", language="ar")
    assert search_pages(live_pages("ar"), written) == [target.pk]
    assert search_pages(live_pages("ar"), variant) == [target.pk]


def test_english_stemming_through_the_backend(make_page):
    page = make_page("Protecting migrants", "Support for migration governance")
    make_page("Unrelated", "Nothing to see")
    for query in ["migrant", "Migrants", "migrations", "GOVERN"]:
        assert search_pages(live_pages("en"), query) == [page.pk], query


def test_unpublished_and_private_pages_never_match(make_page):
    make_page("Draft about borders", live=False)
    make_page("Private about borders", private=True)
    public = make_page("Public about borders")
    assert search_pages(live_pages(), "borders") == [public.pk]


def test_unpublishing_and_deleting_follow_the_index(make_page):
    page = make_page("Remittances corridor")
    assert search_pages(Page.objects.all(), "remittance") == [page.pk]
    page.unpublish()
    assert search_pages(live_pages(), "remittance") == []
    page.delete()
    assert search_pages(Page.objects.all(), "remittance") == []


def test_language_restriction(make_page):
    english = make_page("Migration data", language="en")
    arabic = make_page("Migration data بيانات الهجرة", language="ar")
    assert search_pages(live_pages("en"), "migration") == [english.pk]
    assert sorted(search_pages(live_pages(), "migration")) == sorted([english.pk, arabic.pk])


def test_index_rows_hold_analysed_text(make_page, settings):
    from wagtail.search.models import IndexEntry

    if settings.OPENSEARCH_URL:
        pytest.skip("database index rows; the engine's documents: test_opensearch.py")

    page = make_page("والمهاجرين", "الهِجْرَة")
    entry = IndexEntry.objects.get(object_id=str(page.pk), content_type=page.content_type)
    if isinstance(entry.body, str):  # SQLite stores text; PostgreSQL a tsvector
        assert "مهاجر" in entry.title and "هجر" in entry.body


def test_punctuation_query_matches_nothing_and_does_not_fail(make_page):
    make_page("Anything")
    assert search_pages(live_pages(), '"*) OR (-') == []


def test_highlight_marks_the_words_as_written():
    html = highlight("دعم <b>والمهاجرين</b> في الهِجْرَة الآمنة", "المهاجرين هجرة")
    assert "<mark>والمهاجرين</mark>" in html
    assert "<mark>الهِجْرَة</mark>" in html
    assert "&lt;b&gt;" in html


@pytest.mark.django_db
def test_matching_and_ranking_accept_filters_the_index_does_not_know(make_page):
    """The practice listing filters on fields that are no FilterField (here: summary) and asks
    for one page of ranked ids; both stay SQL on the database backends."""
    body_only = make_page("Labour mobility", "remittance costs, ongoing")
    in_title = make_page("Remittance corridors", "remittance costs, ongoing")
    make_page("Remittance archive", "closed")
    make_page("Remittance draft", "remittance, ongoing", live=False)
    candidates = PracticePage.objects.live().filter(summary__contains="ongoing")

    assert set(matching(candidates, "remittances").values_list("pk", flat=True)) == {
        body_only.pk, in_title.pk}
    assert ranked(candidates, "remittances")[0:None] == [in_title.pk, body_only.pk]
    assert ranked(candidates, "remittances")[1:2] == [body_only.pk]
    assert ranked(candidates, "remittances").count() == 2
    assert ranked(candidates, "  ").count() == 0 and ranked(candidates, "?!")[0:5] == []
