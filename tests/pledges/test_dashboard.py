"""The pledge dashboard: server-rendered charts whose numbers are the listing's numbers."""

import re
from decimal import Decimal

import pytest

from tests.factories import make_practice

from .conftest import make_pledge

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledges(pledge_indexes, practice_indexes):
    en = pledge_indexes["en"]
    make_pledge(en, "Fund A", [21], pledge_type="financial", amount=Decimal("100.25"),
                currency="USD", countries=["MA"])
    make_pledge(en, "Fund B", [21, 8], pledge_type="financial", amount=Decimal("50"),
                currency="USD", countries=["TN"])
    make_pledge(en, "Fund C", [8], pledge_type="financial", amount=Decimal("7"),
                currency="EUR", countries=["TN"], status="fulfilled")
    make_pledge(en, "Policy D", [15], pledge_type="policy", countries=["JO"],
                status="in-progress")
    make_pledge(en, "Staff E", [3], pledge_type="human-resources", countries=["MA"])
    make_pledge(en, "Hidden draft", [3], live=False)
    make_practice(practice_indexes["en"], "Practice on 15", [], countries=["JO"])
    from hub.models import Objective
    make_practice(practice_indexes["en"], "Practice on 23",
                  [Objective.objects.get(locale__language_code="en", number=23)],
                  countries=["JO"])


def table(html, name):
    """{key: number} of a chart's table, as rendered ({} when the chart has nothing)."""
    found = re.search(rf'data-table="{name}".*?</table>', html, re.S)
    block = found.group(0) if found else ""
    return {key: int(value) for key, value in
            re.findall(r'data-key="([^"]+)">(\d+)</td>', block)}


FILTERS = ["", "?type=financial", "?country=TN", "?objective=21&status=announced",
           "?q=fund", "?year_from=2030", "?currency=USD&objective=8"]


@pytest.mark.parametrize("query", FILTERS)
def test_dashboard_numbers_equal_the_listing_counts(client, pledges, query):
    listing = client.get(f"/en/pledges/{query}")
    dashboard = client.get(f"/en/pledges/dashboard/{query}")
    assert dashboard.status_code == 200
    html = dashboard.content.decode()
    assert f'data-total="{listing.context["paginator"].count}"' in html
    counts = {f["name"]: {o["key"]: o["count"] for o in f["options"]}
              for f in listing.context["facets"]}
    for facet in ("type", "status", "objective", "region", "stakeholder"):
        assert table(html, facet) == counts[facet], facet
    assert table(html, "countries") == {k: v for k, v in counts["country"].items() if v}
    assert {k: v for k, v in table(html, "coverage").items()} == counts["objective"]


def test_amounts_are_summed_per_currency_only(client, pledges):
    html = client.get("/en/pledges/dashboard/").content.decode()
    block = re.search(r'data-table="amounts".*?</table>', html, re.S).group(0)
    assert 'data-total="150.25"' in block and 'data-total="7.00"' in block
    assert "157" not in block  # never added across currencies
    assert table(html, "amounts") == {"EUR": 1, "USD": 2}


def test_coverage_sets_pledges_beside_practices(client, pledges):
    response = client.get("/en/pledges/dashboard/")
    coverage = {row["key"]: row for row in response.context["dashboard"]["coverage"]["rows"]}
    assert coverage["21"]["values"] == [2, 0] and coverage["21"]["gap"] == "no-practice"
    assert coverage["23"]["values"] == [0, 1] and coverage["23"]["gap"] == "no-pledge"
    # The practices are filtered by the filters they share with pledges.
    response = client.get("/en/pledges/dashboard/?country=MA")
    coverage = {row["key"]: row for row in response.context["dashboard"]["coverage"]["rows"]}
    assert coverage["23"]["values"] == [0, 0]


def test_charts_have_text_alternatives_and_mirror_in_arabic(client, pledges, pledge_indexes):
    make_pledge(pledge_indexes["ar"], "صندوق", [21], pledge_type="financial",
                amount=Decimal("10"), currency="USD")
    english = client.get("/en/pledges/dashboard/")
    arabic = client.get("/ar/pledges/dashboard/")
    for response in (english, arabic):
        html = response.content.decode()
        assert html.count("<svg") == html.count("<desc id=") >= 7
        assert 'role="img"' in html and "<table" in html
    en_bar = english.context["dashboard"]["charts"][0]["rows"][0]["bars"][0]
    ar_chart = arabic.context["dashboard"]["charts"][0]
    ar_bar = next(row for row in ar_chart["rows"] if row["values"][0])["bars"][0]
    assert en_bar["x"] == 250  # bars grow from the labels on the left...
    assert ar_bar["x"] + ar_bar["width"] == 640 - 250  # ...and from the right in Arabic
    assert 'dir="rtl"' in arabic.content.decode()
    # Coordinates and amounts are never written with the Arabic decimal comma.
    assert not re.search(r'(x|y|width|height|data-total)="\d+,\d', arabic.content.decode())
    assert "المساهمات المالية" in arabic.content.decode()
