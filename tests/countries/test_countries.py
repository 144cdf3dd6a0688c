"""Country index and country pages: every member State, filters with counts, data sections."""

import re

import pytest
from wagtail.test.utils import WagtailPageTestCase

from countries.data import MEMBER_STATES
from countries.models import CountryIndexPage, CountryPage, CountryProfile, PlanStatus
from countries.sections import CountryFilter, CountrySection
from home.models import HomePage
from hub.demo import publish, publish_translation
from hub.models import Objective
from tests.factories import make_practice
from tests.page_rules import PageTreeRules

pytestmark = pytest.mark.django_db


def test_every_member_state_has_a_profile_in_a_region():
    assert CountryProfile.objects.count() == 193 == len(MEMBER_STATES)
    assert set(CountryProfile.objects.values_list("region", flat=True)) == {
        "middle-east-and-north-africa", "east-and-southern-africa", "west-and-central-africa",
        "europe-and-central-asia", "asia-and-the-pacific", "latin-america-and-the-caribbean",
        "north-america",
    }
    assert set(CountryProfile.objects.filter(is_champion=True)
               .values_list("country", flat=True)) == {"MA", "GW", "SV", "PT", "CA"}


def test_index_lists_countries_by_region_in_both_languages(client, country_indexes):
    response = client.get("/en/countries/")
    assert response.status_code == 200
    assert response.context["total"] == 193
    html = response.content.decode()
    assert "Middle East and North Africa" in html and 'href="/en/countries/jo/"' in html
    assert "Jordan" in html
    arabic = client.get("/ar/countries/").content.decode()
    assert "الأردن" in arabic and "الشرق الأوسط وشمال أفريقيا" in arabic
    assert 'href="/ar/countries/jo/"' in arabic


def test_index_filters_count_and_combine(client, country_indexes):
    CountryProfile.objects.filter(country="MA").update(plan_status=PlanStatus.ADOPTED)
    CountryProfile.objects.filter(country="JO").update(plan_status=PlanStatus.ADOPTED)
    response = client.get("/en/countries/")
    counts = {f["key"]: f["count"] for f in response.context["filters"]}
    assert counts["champion"] == 5 and counts["plan"] == 2
    response = client.get("/en/countries/?filter=champion")
    assert response.context["total"] == 5
    counts = {f["key"]: f["count"] for f in response.context["filters"]}
    assert counts["plan"] == 1  # Morocco only, among the champions
    response = client.get("/en/countries/?filter=champion&filter=plan")
    codes = [row["code"] for group in response.context["groups"] for row in group["countries"]]
    assert codes == ["MA"]
    response = client.get("/en/countries/?region=north-america")
    assert response.context["total"] == 2
    # Unknown values are ignored, never an error.
    assert client.get("/en/countries/?filter=nope&region=mars").context["total"] == 193


def test_country_page_shows_facts_and_objective_grid(client, country_indexes):
    CountryProfile.objects.filter(country="MA").update(
        champion_since=2020, has_un_network=True, plan_status=PlanStatus.ADOPTED,
        plan_year=2021, plan_url="https://example.org/plan")
    response = client.get("/en/countries/ma/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Morocco</h1>" in html and "since 2020" in html
    assert "https://example.org/plan" in html and "Adopted" in html
    grid = response.context["objective_grid"]
    assert len(grid) == 23 and not any(cell["covered"] for cell in grid)
    assert html.count('class="objective-grid__cell"') == 23
    assert html.count("Not covered yet") == 23
    arabic = client.get("/ar/countries/ma/").content.decode()
    assert "<h1>المغرب</h1>" in arabic


def test_unknown_or_non_member_code_is_404(client, country_indexes):
    assert client.get("/en/countries/zz/").status_code == 404
    assert client.get("/en/countries/ps/").status_code == 404  # an observer State
    assert client.get("/en/countries/MA/").status_code == 404  # codes are lower case


def test_practices_section_lists_the_country_and_links_to_the_repository(
        client, country_indexes, practice_indexes):
    objectives = {n: Objective.objects.get(number=n, locale__language_code="en") for n in (2, 8)}
    make_practice(practice_indexes["en"], "Jordan one", [objectives[8]], countries=["JO"])
    make_practice(practice_indexes["en"], "Jordan two", [objectives[2], objectives[8]],
                  countries=["JO", "MA"])
    make_practice(practice_indexes["en"], "Draft", [objectives[2]], countries=["JO"], live=False)
    response = client.get("/en/countries/jo/")
    html = response.content.decode()
    assert "Jordan one" in html and "Jordan two" in html and "Draft" not in html
    assert 'href="/en/practices/?country=JO"' in html
    grid = {cell["number"]: cell for cell in response.context["objective_grid"]}
    assert grid[8]["covered"] and grid[8]["counts"] == [{"label": "Practices", "count": 2}]
    assert grid[2]["counts"] == [{"label": "Practices", "count": 1}]
    assert not grid[1]["covered"]
    assert "Practices: 2" in html
    # Arabic page: practices of the Arabic tree only.
    assert "Jordan one" not in client.get("/ar/countries/jo/").content.decode()


def test_editors_page_enriches_the_country_in_its_language(client, country_indexes):
    page = CountryPage(title="Jordan", country="JO", intro="<p>Editors' words on Jordan.</p>")
    country_indexes["en"].add_child(instance=page)
    publish(page)
    assert page.slug == "jo" and page.url == "/en/countries/jo/"
    assert "Editors&#x27; words on Jordan." in client.get("/en/countries/jo/").content.decode() \
        or "Editors' words on Jordan." in client.get("/en/countries/jo/").content.decode()
    publish_translation(page, "ar", title="الأردن", intro="<p>كلمة المحررين عن الأردن.</p>")
    assert "كلمة المحررين عن الأردن." in client.get("/ar/countries/jo/").content.decode()


def test_other_apps_contribute_sections_and_filters(client, country_indexes):
    """The hooks another app (pledges) uses: a section with objectives, an index filter."""
    from wagtail import hooks

    def section(country):
        return CountrySection(key="pledges", heading="Pledges",
                              template="countries/includes/facts.html",
                              objectives={5: 1}, counts_label="Pledges")

    def pledge_filter(locale):
        return CountryFilter("pledge", "Has a pledge", {"JO", "MA"})

    with hooks.register_temporarily("hub_country_sections", section), \
            hooks.register_temporarily("hub_country_filters", pledge_filter):
        response = client.get("/en/countries/jo/")
        assert "pledges-heading" in response.content.decode()
        grid = {cell["number"]: cell for cell in response.context["objective_grid"]}
        assert grid[5]["counts"] == [{"label": "Pledges", "count": 1}]
        index = client.get("/en/countries/?filter=pledge")
        assert index.context["total"] == 2


def test_country_pages_cost_a_fixed_number_of_queries(warm_query_count, country_indexes,
                                                      practice_indexes):
    objectives = list(Objective.objects.filter(locale__language_code="en"))
    urls = ["/en/countries/", "/ar/countries/", "/en/countries/?filter=champion",
            "/en/countries/jo/", "/ar/countries/jo/"]

    def add(start, count):
        for n in range(start, start + count):
            make_practice(practice_indexes["en"], f"Practice {n}",
                          objectives[n % 23:n % 23 + 3], countries=["JO", "MA"])

    add(0, 2)
    few = {url: warm_query_count(url) for url in urls}
    add(2, 25)
    many = {url: warm_query_count(url) for url in urls}
    assert few == many
    assert max(many.values()) <= 15, many


class TestPageTypes(PageTreeRules, WagtailPageTestCase):
    allowed = [(HomePage, CountryIndexPage), (CountryIndexPage, CountryPage)]
    refused = [(HomePage, CountryPage), (CountryPage, CountryPage)]


def test_sitemap_lists_the_index_and_every_country_in_both_languages(client, country_indexes):
    sitemap = client.get("/sitemap.xml").content.decode()
    for language in ("en", "ar"):
        assert f"/{language}/countries/</loc>" in sitemap
        assert f"/{language}/countries/jo/</loc>" in sitemap
    # One <loc> each (the index's hreflang alternates name it again, as <xhtml:link>).
    assert len(re.findall(r"<loc>[^<]*/en/countries/", sitemap)) == 1 + len(MEMBER_STATES)
