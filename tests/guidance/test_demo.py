"""The demo guidance tree: every objective page answers in both languages."""

import io

import pytest

from guidance.demo import load_guidance
from guidance.models import ObjectivePage, ThematicToolPage
from hub.models import Objective

pytestmark = pytest.mark.django_db


def test_demo_tree_in_both_languages(client, home_pages, taxonomy, locales):
    load_guidance(io.StringIO())
    load_guidance(io.StringIO())  # idempotent
    assert ObjectivePage.objects.filter(locale=locales["en"]).count() == 23
    assert ObjectivePage.objects.filter(locale=locales["ar"]).count() == 23
    assert ThematicToolPage.objects.filter(locale=locales["ar"]).count() >= 3
    for page in ObjectivePage.objects.filter(locale=locales["ar"]).select_related("objective"):
        assert page.objective.locale_id == locales["ar"].pk
    for n in range(1, 24):
        for lang in ("en", "ar"):
            response = client.get(f"/{lang}/guidance/handbook/objective-{n}/")
            assert response.status_code == 200, (lang, n)
        title = Objective.objects.get(number=n, locale=locales["ar"]).title
        assert title in response.content.decode()
    home = client.get("/ar/").content.decode()
    assert "الإرشادات" in home
    handbook = client.get("/ar/guidance/handbook/").content.decode()
    assert "(English only)" not in handbook and 'lang="en"' not in handbook.split("<main")[-1]
