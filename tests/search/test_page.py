"""The search page through the Django test client (HTML, no browser), in English and Arabic."""

import pytest

pytestmark = pytest.mark.django_db


def test_english_search_page(client, make_page):
    make_page("Protecting migrants", "Consular support for migrants abroad.")
    make_page("Draft migrants page", live=False)
    response = client.get("/en/search/", {"q": "migrant"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in html
    assert 'value="migrant"' in html
    assert "<mark>migrants</mark>" in html
    assert "Draft migrants page" not in html
    assert "1 result" in html
    assert "(1)" in html  # per-type count for practices


def test_arabic_search_page_with_diacritics_and_prefix(client, make_page):
    make_page("دعم المهاجرين", "خدمات الهجرة الآمنة في المدرسة", language="ar")
    make_page("Migrants", language="en")
    html = client.get("/ar/search/", {"q": "والمُهاجِرين"}).content.decode()
    assert "<mark>المهاجرين</mark>" in html
    assert 'dir="rtl"' in html
    assert "Migrants" not in html.split('class="search-results"')[1]


def test_other_language_results_are_marked(client, make_page):
    make_page("Migration data", language="ar")
    html = client.get("/en/search/", {"q": "migration", "all_languages": "1"}).content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert client.get("/en/search/", {"q": "migration"}).content.decode().count(
        "search-result\"") == 0


def test_type_filter(client, make_page):
    make_page("Border governance")
    html = client.get("/en/search/", {"q": "border", "type": "practice"}).content.decode()
    assert "<mark>Border</mark> governance" in html
    html = client.get("/en/search/", {"q": "border", "type": "discussion"}).content.decode()
    assert "governance" not in html


def test_pagination(client, make_page):
    for n in range(12):
        make_page(f"Labour mobility {n}")
    first = client.get("/en/search/", {"q": "labour"}).content.decode()
    second = client.get("/en/search/", {"q": "labour", "page": "2"}).content.decode()
    assert first.count('class="search-result"') == 10
    assert second.count('class="search-result"') == 2


@pytest.mark.parametrize("params", [
    {"q": "x", "page": "abc"}, {"q": "x", "page": "999"}, {"q": "x" * 5000},
    {"q": '"(* OR'}, {"type": "nonsense", "q": "a"}, {"all_languages": "yes"}, {"q": "\x00"},
])
def test_malformed_parameters_never_fail(client, home_pages, params):
    assert client.get("/en/search/", params).status_code == 200


def test_suggestions_on_empty_and_zero_results(client, home_pages, taxonomy):
    empty = client.get("/en/search/").content.decode()
    assert "Explore the GCM objectives" in empty
    zero = client.get("/en/search/", {"q": "smuggling zzzz"}).content.decode()
    assert "0 results" in zero or "No pages match" in zero
    assert "Related GCM objectives" in zero and "muggling" in zero


def test_query_count_is_constant(client, make_page, django_assert_max_num_queries):
    make_page("Remittance 0")
    with django_assert_max_num_queries(15) as small:
        client.get("/en/search/", {"q": "remittance"})
    for n in range(1, 15):
        make_page(f"Remittance {n}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/en/search/", {"q": "remittance"})
