"""The champion countries page, /<lang>/champions/: the countries flagged champion by region,
each linked to its country page, the Network's support areas, in both languages."""

import re

import pytest
from wagtail.test.utils import WagtailPageTestCase

from countries.models import ChampionCountriesPage, CountryProfile
from home.models import HomePage
from tests.factories import section_in_both_languages
from tests.page_rules import PageTreeRules

pytestmark = pytest.mark.django_db


@pytest.fixture
def champions_pages(home_pages, taxonomy):
    page = ChampionCountriesPage(title="Champion countries", slug="champions",
                                 intro="<p>Member States that lead implementation.</p>")
    return section_in_both_languages(home_pages, page, "الدول الرائدة")


def main(response):
    html = response.content.decode()
    return html[html.find("<main"):html.find("</main>")]


def regions(response):
    return [(region["slug"], [row["code"] for row in region["countries"]])
            for region in response.context["regions"]]


def test_lists_the_champions_by_region_with_links_to_their_country_pages(
        client, champions_pages, country_indexes):
    CountryProfile.objects.filter(country="MA").update(champion_since=2020)
    response = client.get("/en/champions/")
    assert response.status_code == 200
    # The Network's regions in their order, the initial champions of the reference data.
    assert regions(response) == [
        ("middle-east-and-north-africa", ["MA"]),
        ("west-and-central-africa", ["GW"]),
        ("europe-and-central-asia", ["PT"]),
        ("latin-america-and-the-caribbean", ["SV"]),
        ("north-america", ["CA"]),
    ]
    assert response.context["total"] == 5
    html = main(response)
    assert "<h2" in html and "Middle East and North Africa" in html
    assert re.search(r'<a href="/en/countries/ma/">Morocco</a> <span[^>]*>\(since 2020\)', html)
    assert 'href="/en/countries/gw/"' in html and "5 champion countries" in html
    assert "Member States that lead implementation." in html
    # The support areas of the reference data, and where to go next.
    assert "National implementation planning" in html
    assert "Improved monitoring and reporting" in html
    assert 'href="mailto:unmignet@iom.int"' in html
    assert 'href="/en/countries/?filter=champion"' in html
    # Breadcrumbs: home, then this page.
    crumbs = response.content.decode().split('class="breadcrumbs')[1].split("</nav>")[0]
    assert 'href="/en/"' in crumbs and "Champion countries" in crumbs


def test_the_country_index_links_to_the_page(client, champions_pages, country_indexes):
    assert 'href="/en/champions/">Champion countries initiative</a>' in client.get(
        "/en/countries/").content.decode()
    assert 'href="/ar/champions/">مبادرة الدول الرائدة</a>' in client.get(
        "/ar/countries/").content.decode()


def test_arabic_page_reads_in_arabic_with_the_glossary_terms(client, champions_pages,
                                                             country_indexes):
    response = client.get("/ar/champions/")
    assert response.status_code == 200
    html = main(response)
    assert 'href="/ar/countries/ma/">المغرب</a>' in html
    assert "الشرق الأوسط وشمال أفريقيا" in html and "أمريكا الشمالية" in html
    assert "الدعم الذي تقدمه الشبكة للدول الرائدة" in html
    assert "تخطيط التنفيذ الوطني" in html and "5 دول رائدة" in html
    assert "بطل" not in html and "الميثاق" not in html  # glossary: avoid these renderings
    assert 'href="/ar/countries/?filter=champion"' in html
    assert 'dir="ltr">unmignet@iom.int</a>' in html


def test_editors_flags_show_at_once_and_an_empty_state_when_none(client, champions_pages,
                                                                 country_indexes):
    CountryProfile.objects.filter(country="JO").update(is_champion=True, champion_since=2022)
    response = client.get("/en/champions/")
    assert ("middle-east-and-north-africa", ["JO", "MA"]) in regions(response)
    assert "(since 2022)" in main(response)
    CountryProfile.objects.update(is_champion=False, champion_since=None)
    response = client.get("/en/champions/")
    assert response.status_code == 200 and response.context["regions"] == []
    html = main(response)
    assert "No country is listed as a champion country yet." in html
    assert "National implementation planning" in html  # the support is still described


def test_countries_are_sorted_in_the_pages_language(client, champions_pages, country_indexes):
    CountryProfile.objects.filter(country__in=["EG", "AE", "JO"]).update(is_champion=True)
    english = dict(regions(client.get("/en/champions/")))
    assert english["middle-east-and-north-africa"] == ["EG", "JO", "MA", "AE"]
    arabic = dict(regions(client.get("/ar/champions/")))
    # «الأردن» (Jordan), «الإمارات» (UAE), «مصر» (Egypt), «المغرب» (Morocco), «ال» aside.
    assert arabic["middle-east-and-north-africa"] == ["JO", "AE", "EG", "MA"]


def test_without_a_country_index_the_names_are_not_links(client, champions_pages):
    response = client.get("/en/champions/")
    assert response.status_code == 200
    html = main(response)
    assert "Morocco" in html and "/countries/ma/" not in html


def test_the_page_costs_a_fixed_number_of_queries(warm_query_count, champions_pages,
                                                   country_indexes):
    few = {url: warm_query_count(url) for url in ("/en/champions/", "/ar/champions/")}
    CountryProfile.objects.update(is_champion=True)
    many = {url: warm_query_count(url) for url in ("/en/champions/", "/ar/champions/")}
    assert few == many
    assert max(many.values()) <= 15, many


class TestPageTypes(PageTreeRules, WagtailPageTestCase):
    allowed = [(HomePage, ChampionCountriesPage)]
    refused = [(ChampionCountriesPage, ChampionCountriesPage)]
