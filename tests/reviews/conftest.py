import pytest

from hub.demo import publish, publish_translation
from tests.factories import UserFactory


@pytest.fixture
def review_site(home_pages, taxonomy):
    """Review index and cycles in both languages, the Arab region's review as a cycle."""
    from countries.models import CountryIndexPage
    from reviews.models import ReviewCycleIndexPage, ReviewCyclePage, ReviewIndexPage

    countries = CountryIndexPage(title="Countries", slug="countries")
    home_pages["en"].add_child(instance=countries)
    publish(countries)
    publish_translation(countries, "ar", title="البلدان")
    index = ReviewIndexPage(title="Voluntary national reviews", slug="reviews")
    home_pages["en"].add_child(instance=index)
    publish(index)
    arabic = publish_translation(index, "ar", title="الاستعراضات الوطنية الطوعية")
    cycles = ReviewCycleIndexPage(title="Review cycles", slug="cycles")
    index.add_child(instance=cycles)
    publish(cycles)
    publish_translation(cycles, "ar", title="دورات الاستعراض")
    site = {"en": index, "ar": arabic}
    for slug, title, title_ar, regions, year in (
        ("arab-2021", "Regional review: Arab region", "الاستعراض الإقليمي: المنطقة العربية",
         "middle-east-and-north-africa", 2021),
        ("arab-2025", "Regional review: Arab region 2025", "الاستعراض الإقليمي 2025",
         "middle-east-and-north-africa", 2025),
        ("imrf-2022", "IMRF 2022", "منتدى استعراض الهجرة الدولية 2022", "", 2022),
    ):
        cycle = ReviewCyclePage(title=title, slug=slug, regions=regions, year=year,
                                dates=str(year))
        cycles.add_child(instance=cycle)
        publish(cycle)
        publish_translation(cycle, "ar", title=title_ar)
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
