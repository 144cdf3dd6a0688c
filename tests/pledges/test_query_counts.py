"""The pledge pages cost a fixed number of SQL queries, with 3 or 30 pledges per language."""

import datetime
from decimal import Decimal

import pytest

from hub.demo import publish, publish_translation
from pledges.models import PledgePractice, ProgressNote
from tests.factories import make_practice
from tests.test_query_counts import assert_budget_holds

from .conftest import make_pledge

pytestmark = pytest.mark.django_db
SMALL, LARGE = 3, 30
TYPES = ["financial", "policy", "process", "human-resources"]


def add_pledges(indexes, practice, count, start):
    for language, index in indexes.items():
        for n in range(start, start + count):
            kind = TYPES[n % 4]
            page = make_pledge(
                index, f"Pledge for migrants {language} {n}", [8, 1 + n % 23],
                countries=["MA", "TN", "JO"][: 1 + n % 3], pledge_type=kind,
                status=["announced", "in-progress"][n % 2], live=False,
                slug=f"pledge-{language}-{n}",
                **({"amount": Decimal(n + 1), "currency": ["USD", "EUR"][n % 2]}
                   if kind == "financial" else {}),
            )
            page.progress_notes = [ProgressNote(date=datetime.date(2024, 1, 1 + n % 28),
                                                status="in-progress", note=f"Note {n}")]
            page.pledge_practices = [PledgePractice(practice=practice[language])]
            page.save()
            publish(page)


@pytest.fixture
def site(pledge_indexes, practice_indexes):
    practice = make_practice(practice_indexes["en"], "Practice carried", [], countries=["MA"])
    practices = {"en": practice,
                 "ar": publish_translation(practice, "ar", title="ممارسة")}
    add_pledges(pledge_indexes, practices, SMALL, 0)
    return practices


PAGES = [
    "/en/pledges/", "/ar/pledges/", "/en/pledges/?type=financial&objective=8",
    "/en/pledges/?q=migrants&status=announced", "/ar/pledges/?sort=title&page=2",
    "/en/pledges/dashboard/", "/ar/pledges/dashboard/",
    "/en/pledges/dashboard/?type=financial&country=MA&q=migrants",
    "/en/pledges/?champion=yes", "/ar/pledges/dashboard/?champion=yes&objective=8",
]


def test_pledge_pages_cost_a_fixed_number_of_queries(client, site, pledge_indexes):
    detail = pledge_indexes["en"].get_children().live().first().specific
    urls = PAGES + [detail.url, site["en"].url, site["ar"].url]
    assert_budget_holds(client, urls, lambda: add_pledges(pledge_indexes, site, LARGE - SMALL,
                                                          SMALL), "pledges")
    # The pages really show the content.
    listing = client.get("/en/pledges/?objective=8").context
    assert listing["paginator"].count == LARGE and len(listing["pledges"]) == 12
    dashboard = client.get("/en/pledges/dashboard/").context["dashboard"]
    assert dashboard["total"] == LARGE
    assert client.get(site["en"].url).content.decode().count("Pledge for migrants en") == LARGE
