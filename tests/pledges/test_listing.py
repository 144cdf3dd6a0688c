"""The public side of pledges: listing with facets and counts, pledge page, exports, search."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from pledges.models import PledgePage, PledgePractice
from tests.factories import make_practice

from .conftest import make_pledge

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledges(pledge_indexes):
    en = pledge_indexes["en"]
    return {
        "fund": make_pledge(en, "Fund for returnees", [21], pledge_type="financial",
                            amount=Decimal("250000.50"), currency="USD", countries=["MA"]),
        "euro": make_pledge(en, "Euro fund", [21, 8], pledge_type="financial",
                            amount=Decimal("1000"), currency="EUR", countries=["TN"]),
        "policy": make_pledge(en, "Firewall policy", [15], pledge_type="policy",
                              status="in-progress", countries=["JO"]),
        "draft": make_pledge(en, "Unpublished draft", [21], live=False),
        "arabic": make_pledge(pledge_indexes["ar"], "تعهد عربي", [21], pledge_type="process"),
    }


def test_listing_shows_live_pledges_of_the_language_with_facet_counts(client, pledges):
    response = client.get("/en/pledges/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fund for returnees" in html and "Firewall policy" in html
    assert "Unpublished draft" not in html and "تعهد عربي" not in html
    facets = {f["name"]: {o["key"]: o["count"] for o in f["options"]}
              for f in response.context["facets"]}
    assert facets["type"]["financial"] == 2 and facets["type"]["policy"] == 1
    assert facets["objective"]["21"] == 2 and facets["status"]["in-progress"] == 1
    assert facets["currency"] == {"EUR": 1, "USD": 1}


def test_filters_combine_and_counts_stay_disjunctive(client, pledges):
    response = client.get("/en/pledges/?type=financial&objective=8")
    assert [p.title for p in response.context["pledges"]] == ["Euro fund"]
    facets = {f["name"]: {o["key"]: o["count"] for o in f["options"]}
              for f in response.context["facets"]}
    # Type counts ignore the type filter itself, not the objective filter.
    assert facets["type"]["financial"] == 1 and facets["type"]["policy"] == 0
    assert facets["objective"]["21"] == 2 and facets["objective"]["8"] == 1
    assert b'name="robots" content="noindex"' in response.content


def test_unknown_filter_values_are_ignored(client, pledges):
    response = client.get("/en/pledges/?type=donation&currency=XXX&status=<b>&objective=99x")
    assert response.status_code == 200
    assert response.context["paginator"].count == 3


def test_the_same_url_filters_both_languages(client, pledges):
    response = client.get("/ar/pledges/?objective=21")
    assert [p.title for p in response.context["pledges"]] == ["تعهد عربي"]
    assert 'dir="rtl"' in response.content.decode()


def test_keyword_and_years(client, pledges):
    assert [p.title for p in client.get("/en/pledges/?q=firewall").context["pledges"]] == [
        "Firewall policy"]
    assert client.get("/en/pledges/?year_from=2030").context["paginator"].count == 0
    assert client.get("/en/pledges/?year_to=2024").context["paginator"].count == 3


def test_pledge_page_shows_amount_status_and_links_back(client, pledges, practice_indexes):
    practice = make_practice(practice_indexes["en"], "Return counselling", [], countries=["MA"])
    fund = pledges["fund"]
    PledgePractice.objects.create(page=fund, practice=practice)
    response = client.get(fund.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "250,000.50 <bdi dir=\"ltr\">USD</bdi>" in html and "Financial contribution" in html
    assert "Return counselling" in html
    # Both ways: the practice page lists the pledge it carries out.
    assert "Fund for returnees" in client.get(practice.url).content.decode()


def test_exports_have_public_fields_and_decimal_amounts(client, pledges):
    data = json.loads(client.get("/en/pledges/?type=financial&format=json").content)
    assert data["count"] == 2
    amounts = {row["title"]: (row["amount"], row["currency"]) for row in data["results"]}
    assert amounts["Fund for returnees"] == ("250000.50", "USD")
    text = client.get("/en/pledges/?format=csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 3 and {r["status"] for r in rows} == {"announced", "in-progress"}
    feed = client.get("/en/pledges/feed/?objective=15")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert b"Firewall policy" in feed.content and b"Euro fund" not in feed.content


def test_site_search_finds_pledges(client, pledges):
    response = client.get("/en/search/?q=firewall&type=pledge")
    assert [item["page"].title for item in response.context["items"]] == ["Firewall policy"]
    assert {t["name"]: t["count"] for t in response.context["types"]}["pledge"] == 1
    assert "<mark>Firewall</mark> policy" in response.content.decode()


@pytest.mark.parametrize("fields, field", [
    ({"pledge_type": "policy", "amount": Decimal("10"), "currency": "USD"}, "amount"),
    ({"pledge_type": "financial", "amount": Decimal("-5"), "currency": "USD"}, "amount"),
    ({"pledge_type": "financial", "amount": Decimal("0"), "currency": "USD"}, "amount"),
    ({"pledge_type": "financial", "amount": Decimal("5"), "currency": ""}, "currency"),
    ({"pledge_type": "financial", "amount": Decimal("5"), "currency": "ABC"}, "currency"),
])
def test_model_refuses_bad_amounts(pledge_indexes, fields, field):
    page = PledgePage(title="x", slug="x", locale=pledge_indexes["en"].locale, **fields)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert field in error.value.message_dict


def test_model_refuses_end_before_start(pledge_indexes):
    import datetime

    page = PledgePage(title="x", slug="x", start_date=datetime.date(2024, 1, 1),
                      end_date=datetime.date(2023, 1, 1))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "end_date" in error.value.message_dict


def test_sitemap_lists_the_listing_the_dashboard_and_the_pledges(client, pledges):
    xml = client.get("/sitemap.xml").content.decode()
    for path in ("/en/pledges/", "/en/pledges/dashboard/", "/ar/pledges/dashboard/",
                 pledges["fund"].url):
        assert f"{path}</loc>" in xml, path
    assert pledges["draft"].slug not in xml
