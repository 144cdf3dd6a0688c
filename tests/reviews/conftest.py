import pytest

from hub.demo import publish_child
from tests.factories import UserFactory, section_in_both_languages


@pytest.fixture
def review_site(home_pages, taxonomy):
    """Review index and cycles in both languages, the Arab region's review as a cycle."""
    from countries.models import CountryIndexPage
    from reviews.models import ReviewCycleIndexPage, ReviewCyclePage, ReviewIndexPage

    section_in_both_languages(home_pages, CountryIndexPage(title="Countries", slug="countries"),
                              "البلدان")
    site = section_in_both_languages(
        home_pages, ReviewIndexPage(title="Voluntary national reviews", slug="reviews"),
        "الاستعراضات الوطنية الطوعية")
    cycles = ReviewCycleIndexPage(title="Review cycles", slug="cycles")
    publish_child(site["en"], cycles, title="دورات الاستعراض")
    for slug, title, title_ar, regions, year in (
        ("arab-2021", "Regional review: Arab region", "الاستعراض الإقليمي: المنطقة العربية",
         "middle-east-and-north-africa", 2021),
        ("arab-2025", "Regional review: Arab region 2025", "الاستعراض الإقليمي 2025",
         "middle-east-and-north-africa", 2025),
        ("imrf-2022", "IMRF 2022", "منتدى استعراض الهجرة الدولية 2022", "", 2022),
    ):
        cycle = ReviewCyclePage(title=title, slug=slug, regions=regions, year=year,
                                dates=str(year))
        publish_child(cycles, cycle, title=title_ar)
        site[slug] = cycle
    return site


def focal_point(*codes, **kwargs):
    from reviews.models import FocalPoint

    user = UserFactory(groups=["Focal points"], **kwargs)
    for code in codes:
        FocalPoint.objects.create(user=user, country=code)
    return user


@pytest.fixture
def jordan_focal_point(db):
    return focal_point("JO")


@pytest.fixture
def secretariat(db):
    return UserFactory(groups=["Network secretariat"])
