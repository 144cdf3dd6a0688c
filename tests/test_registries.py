"""The registries (hub/registry.py): an app plugs into the shared parts of the site by
declarations alone. ``tests/pluggable`` is such an app, installed only in the test settings."""

import json

import pytest
from django.apps import apps
from wagtail.models import Page

from hub import registry
from hub.demo import publish
from hub.pages import HubPage
from tests.pluggable.models import NotePage

pytestmark = pytest.mark.django_db


def test_site_search_finds_a_page_type_declared_by_a_new_app(client, home_pages):
    publish(home_pages["en"].add_child(instance=NotePage(
        title="Seasonal work", slug="seasonal-work", body="Harvest visas for farm labour")))
    html = client.get("/en/search/", {"q": "harvest"}).content.decode()
    assert 'value="note"' in html and "Field notes" in html
    assert "Seasonal work" in html.split('class="search-results"')[1]
    only_notes = client.get("/en/search/", {"q": "harvest", "type": "note"}).content.decode()
    assert "Seasonal work" in only_notes
    only_practices = client.get("/en/search/", {"q": "harvest", "type": "practice"})
    assert "Seasonal work" not in only_practices.content.decode()


def test_search_types_keep_the_order_of_the_apps_with_their_labels_in_both_languages(client):
    assert list(registry.search_types()) == [
        "guidance", "objective", "tool", "practice", "discussion", "pledge", "country", "review",
        "review-cycle", "event", "page", "document", "article", "note"]
    arabic = client.get("/ar/search/", {"q": "x"}).content.decode()
    assert "إرشادات" in arabic or "الإرشادات" in arabic
    assert "Guidance" not in arabic


def test_facets_are_read_per_listing():
    assert [f.name for f in registry.facets("pluggable.notepage")] == ["mood"]
    practice_facets = [f.name for f in registry.facets("practices.practicepage")]
    # The repository's own facets, then the one the countries app derives (champions).
    assert practice_facets == ["objective", "principle", "area", "sdg", "region", "country",
                               "type", "level", "stakeholder", "champion"]


def test_account_menu_and_header_take_entries_from_the_apps(client, user, home_pages):
    assert "Notes" in client.get("/en/").content.decode()
    client.force_login(user)
    html = client.get("/en/accounts/profile/").content.decode()
    assert 'href="/notes/mine/">My notes</a>' in html
    assert 'href="/en/practices/mine/">My submissions</a>' in html


def test_every_concrete_page_model_inherits_the_hub_base_page():
    pages = [m for m in apps.get_models() if issubclass(m, Page) and m is not Page
             and m._meta.app_label not in {"wagtailcore"}]
    assert len(pages) >= 13  # the project's page types and the test app's one
    project = {m for m in pages if not m.__module__.startswith(("wagtail.", "wagtail_"))}
    assert project == set(pages)
    assert [m.__name__ for m in pages if not issubclass(m, HubPage)] == []
    assert all(type(m.objects).__name__ == "HubPageManager" for m in pages)


def test_demo_loaders_are_discovered_in_each_app():
    from hub.demo import loaders

    modules = [loader.__module__ for loader in loaders()]
    assert "tests.pluggable.demo" in modules
    assert modules[-1] == "tests.pluggable.demo"  # ordered by the number each app gives
    assert {"home.demo", "guidance.demo", "practices.demo", "discussions.demo"} <= set(modules)


def test_a_facet_declared_for_practices_shows_on_the_practice_page_and_in_the_exports(
    client, practice_indexes, taxonomy
):
    """One declaration (``tests/pluggable/facets.py``) with its through-model and migration: the
    practice page gets its row and the CSV and JSON exports their column, after the others."""
    from django.core.cache import cache
    from wagtail import hooks

    from hub.models import Objective
    from tests.factories import make_practice
    from tests.pluggable.facets import THEME
    from tests.pluggable.models import PracticeTheme, Theme

    english = practice_indexes["en"]
    harvest = Theme.objects.create(locale=english.locale, slug="harvest", title="Harvest work")
    practice = make_practice(english, "Seasonal visas", [Objective.objects.get(
        number=6, locale=english.locale)], countries=["JO"])
    PracticeTheme.objects.create(page=practice, theme=harvest)

    def shown():
        cache.clear()
        page = client.get(practice.url).content.decode()
        csv = client.get("/en/practices/", {"format": "csv"}).getvalue().decode("utf-8-sig")
        data = json.loads(client.get("/en/practices/", {"format": "json"}).getvalue())
        row = data["results"][0]
        return page, csv.splitlines(), row

    page, csv, row = shown()
    assert "Themes" not in page and "themes" not in csv[0] and "themes" not in row
    with hooks.register_temporarily(registry.FACETS, lambda: [THEME]):
        page, csv, row = shown()
    assert ('<dt>Themes</dt><dd><ul class="chips"><li class="chip"><a href="/en/practices/'
            '?theme=harvest" data-taxonomy="theme">Harvest work</a></li></ul></dd>') in page
    assert page.index("Geographic scope") < page.index("Themes")
    assert csv[0].split(",")[5:14] == [
        "objectives", "principles", "sdgs", "regions", "countries", "global", "stakeholders",
        "themes", "start_year"]
    assert csv[1].split(",")[12] == "harvest"
    assert row["themes"] == ["harvest"] and row["countries"] == ["JO"]


def test_every_section_index_page_can_be_added_under_the_home_page_by_an_editor(
        client, editor, home_pages):
    """A section app names the home page among its index page's parents, and nothing else:
    the home page's list of children is collected from those declarations."""
    from events.models import EventIndexPage
    from home.models import HomePage
    from library.models import LibraryIndexPage
    from news.models import NewsIndexPage

    creatable = HomePage.creatable_subpage_models()
    for model in (EventIndexPage, LibraryIndexPage, NewsIndexPage, NotePage):
        assert model in creatable
    assert HomePage not in creatable and NotePage.clean_subpage_models() == []
    client.force_login(editor)
    home = home_pages["en"]
    for model in (LibraryIndexPage, NewsIndexPage, EventIndexPage):
        meta = model._meta
        response = client.get(f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{home.pk}/")
        assert response.status_code == 200, model
