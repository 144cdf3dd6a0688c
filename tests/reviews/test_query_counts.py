"""The review pages, and the country pages with reviews, cost a fixed number of queries (at
most 15), with few and with many published reviews and practices."""

import pytest

from hub.models import Objective
from reviews.models import VoluntaryReviewPage
from reviews.services import save_draft
from tests.factories import make_practice

from .conftest import focal_point

pytestmark = pytest.mark.django_db
LIMIT = 15


def add_reviews(count, start):
    author = focal_point("JO", "EG")
    for n in range(start, start + count):
        data = {f"section_{k}": f"Answer {k} of review {n}." for k in range(1, 6)}
        data["cycle"] = ("arab-2021", "arab-2025", "imrf-2022")[n % 3]
        data["objectives"] = [1 + n % 23, 1 + (n + 5) % 23]
        review = save_draft(author, data, country=("JO", "EG")[n % 2],
                            language=("ar", "en")[n % 2]).review
        review.get_latest_revision().publish()


def add_practices(index, count, start):
    objectives = list(Objective.objects.filter(locale=index.locale))
    for n in range(start, start + count):
        make_practice(index, f"Practice {n}", objectives[n % 20:n % 20 + 3],
                      countries=["JO", "EG"], slug=f"p-{n}")


def test_review_and_country_pages_cost_a_fixed_number_of_queries(client, warm_query_count,
                                                                  review_site, practice_indexes):
    add_reviews(4, 0)
    add_practices(practice_indexes["ar"], 2, 0)
    review = VoluntaryReviewPage.objects.live().filter(country="JO").first()
    urls = ["/en/countries/", "/ar/countries/?filter=review", "/en/countries/jo/",
            "/ar/countries/jo/", "/en/reviews/", "/ar/reviews/?region=middle-east-and-north-africa",
            "/en/reviews/?objective=6&language=ar", "/en/reviews/cycles/arab-2021/",
            "/en/reviews/compare/jo/", review.url]
    few = {url: warm_query_count(url) for url in urls}
    add_reviews(24, 4)
    add_practices(practice_indexes["ar"], 20, 2)
    many = {url: warm_query_count(url) for url in urls}
    print(few, many)
    assert few == many
    assert {url: n for url, n in many.items() if n > LIMIT} == {}
    html = client.get("/ar/countries/jo/").content.decode()
    assert html.count('class="review-card"') == 14
