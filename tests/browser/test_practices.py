"""A visitor filters the Arabic repository, opens a practice and follows a taxonomy link back."""

import pytest

from hub.models import Objective

from ..factories import make_practice

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_filter_arabic_listing_and_follow_taxonomy_link(page, live_server, practice_indexes,
                                                        taxonomy):
    index = practice_indexes["ar"]
    eight = Objective.objects.get(number=8, locale=index.locale)
    fifteen = Objective.objects.get(number=15, locale=index.locale)
    make_practice(index, "حماية المهاجرين في جيبوتي", [eight], countries=["DJ"],
                  slug="djibouti-protection")
    make_practice(index, "الوصول إلى الخدمات في المغرب", [fifteen], countries=["MA"],
                  slug="morocco-services")
    make_practice(index, "البحث عن المفقودين في المغرب", [eight], countries=["MA"],
                  slug="morocco-missing")

    page.goto(f"{live_server.url}/ar/practices/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.locator('[data-facet="objective"] input[value="8"]').check()
    page.locator('[data-facet="country"] input[value="DJ"]').check()
    page.locator(".practice-filters button[type=submit]").click()
    page.wait_for_url("**objective=8**")
    cards = page.locator(".practice-card__title a")
    assert cards.all_inner_texts() == ["حماية المهاجرين في جيبوتي"]

    cards.first.click()
    page.wait_for_url("**/ar/practices/djibouti-protection/")
    page.locator('a[data-taxonomy="country"]').first.click()
    page.wait_for_url("**/ar/practices/?country=DJ")
    assert page.locator(".practice-card__title a").all_inner_texts() == [
        "حماية المهاجرين في جيبوتي"]
    assert page.locator(".chips--active .chip").count() == 1
