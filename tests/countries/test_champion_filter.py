"""The "champion countries" filter the countries app adds to the practice repository's listing
(and the pledges' one built the same way): bookmarkable, counted like every facet, following
the champion flags edited in the admin, in a fixed number of queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from countries.models import CountryProfile
from hub.models import Objective

from ..factories import make_practice

pytestmark = pytest.mark.django_db


def objective(number, lang="en"):
    return Objective.objects.get(number=number, locale__language_code=lang)


@pytest.fixture
def practices(practice_indexes, taxonomy):
    en, ar = practice_indexes["en"], practice_indexes["ar"]
    return {
        "morocco": make_practice(en, "Social cohesion in Morocco", [objective(15)],
                                 countries=["MA"], practice_type="service"),
        "portugal": make_practice(en, "Integration desks in Portugal", [objective(16)],
                                  countries=["PT"], practice_type="programme"),
        "jordan": make_practice(en, "Work permits in Jordan", [objective(6)],
                                countries=["JO"], practice_type="service"),
        "draft": make_practice(en, "Unpublished Moroccan draft", [objective(15)],
                               countries=["MA"], live=False),
        "ar": make_practice(ar, "التماسك الاجتماعي في المغرب", [objective(15, "ar")],
                            countries=["MA"]),
    }


def facet_counts(response):
    return {f["name"]: {o["key"]: o["count"] for o in f["options"] if o["count"]}
            for f in response.context["facets"]}


def exported_titles(client, url):
    response = client.get(url)
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return sorted(row["title"] for row in csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def titles(response):
    return sorted(p.title for p in response.context["practices"])


def test_practice_listing_filters_champion_countries_with_counts(client, practices):
    response = client.get("/en/practices/")
    assert facet_counts(response)["champion"] == {"yes": 2}  # Morocco, Portugal (live, English)
    html = response.content.decode()
    assert 'name="champion" value="yes"' in html and "Practices in champion countries" in html
    response = client.get("/en/practices/?champion=yes")
    assert titles(response) == ["Integration desks in Portugal", "Social cohesion in Morocco"]
    counts = facet_counts(response)
    # Counts follow the filter: the other facets count among the champions' practices only.
    assert counts["type"] == {"service": 1, "programme": 1}
    assert counts["country"] == {"MA": 1, "PT": 1}
    # Combined with another facet (AND across facets), the count equals the results.
    response = client.get("/en/practices/?champion=yes&type=service")
    assert titles(response) == ["Social cohesion in Morocco"]
    assert facet_counts(response)["champion"] == {"yes": 1}
    # The active filter is a removable chip in the page's language.
    assert any(chip["label"] == "Practices in champion countries"
               for chip in response.context["chips"])


def test_the_filter_follows_the_champion_flags(client, practices):
    CountryProfile.objects.filter(country="JO").update(is_champion=True, champion_since=2024)
    response = client.get("/en/practices/?champion=yes")
    assert "Work permits in Jordan" in titles(response)
    CountryProfile.objects.filter(country__in=["MA", "PT", "JO"]).update(
        is_champion=False, champion_since=None)
    response = client.get("/en/practices/?champion=yes")
    assert titles(response) == []
    assert facet_counts(response)["champion"] == {}


def test_arabic_listing_and_exports_take_the_same_parameter(client, practices):
    response = client.get("/ar/practices/?champion=yes")
    assert titles(response) == ["التماسك الاجتماعي في المغرب"]
    html = response.content.decode()
    assert "ممارسات في الدول الرائدة" in html and "الدول الرائدة" in html
    assert exported_titles(client, "/en/practices/?champion=yes&format=csv") == [
        "Integration desks in Portugal", "Social cohesion in Morocco"]
    # A change of the flags reaches a cached export too.
    CountryProfile.objects.filter(country="PT").update(is_champion=False)
    assert exported_titles(client, "/en/practices/?champion=yes&format=csv") == [
        "Social cohesion in Morocco"]


def test_bad_values_are_ignored(client, practices):
    response = client.get("/en/practices/?champion=maybe&champion=")
    assert response.status_code == 200
    assert len(response.context["practices"]) == 3


def test_the_filter_costs_the_same_queries_whatever_the_champions(client, practices):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    client.get("/en/practices/?champion=yes")  # warm the index and the taxonomy cache
    few = queries("/en/practices/?champion=yes")
    CountryProfile.objects.update(is_champion=True)
    client.get("/en/practices/?champion=yes")
    assert queries("/en/practices/?champion=yes") == few


def test_pledge_listing_and_practice_listing_agree_on_the_champions(client, practices):
    """The pledges' filter reads the same flags through the same mechanism."""
    from countries.facets import ChampionPractices
    from pledges.terms import champion_groups

    assert champion_groups() == {"yes": {"MA", "GW", "SV", "PT", "CA"}}
    assert ChampionPractices.YES == "yes"
