"""Pledges on country pages and the champion-countries filter (the countries app's hooks)."""

import pytest

from countries.models import CountryProfile

from .conftest import make_pledge

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledges(pledge_indexes):
    en = pledge_indexes["en"]
    return [make_pledge(en, "Morocco fund", [21], countries=["MA"], pledge_type="policy"),
            make_pledge(en, "Jordan policy", [15], countries=["JO"], pledge_type="policy"),
            make_pledge(en, "Morocco draft", [21], countries=["MA"], live=False)]


def test_country_page_lists_the_country_pledges(client, country_indexes, pledges):
    html = client.get("/en/countries/ma/").content.decode()
    assert 'id="pledges"' in html and "Morocco fund" in html
    assert "Jordan policy" not in html and "Morocco draft" not in html
    assert "/en/pledges/?country=MA" in html


def test_country_index_filters_countries_with_pledges(client, country_indexes, pledges):
    response = client.get("/en/countries/?filter=pledges")
    html = response.content.decode()
    assert "Morocco" in html and "Jordan" in html and "Tunisia" not in html


def test_champion_filter_follows_the_champion_flags(client, pledges):
    assert CountryProfile.objects.get(country="MA").is_champion
    response = client.get("/en/pledges/?champion=yes")
    assert [p.title for p in response.context["pledges"]] == ["Morocco fund"]
    CountryProfile.objects.filter(country="JO").update(is_champion=True)
    response = client.get("/en/pledges/?champion=yes")
    assert {p.title for p in response.context["pledges"]} == {"Morocco fund", "Jordan policy"}
    facets = {f["name"]: {o["key"]: o["count"] for o in f["options"]}
              for f in response.context["facets"]}
    assert facets["champion"] == {"yes": 2}
