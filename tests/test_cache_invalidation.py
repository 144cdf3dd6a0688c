"""What the hub caches (site structure, taxonomy labels, private sections: hub/cache.py) is
forgotten as soon as an editor changes it: the next request shows the change."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from hub.demo import publish, publish_translation
from hub.models import Objective
from tests.factories import HomePageFactory, make_practice

pytestmark = pytest.mark.django_db


def menu(client, url="/en/"):
    document = BeautifulSoup(client.get(url).content, "html.parser")
    return [a.get_text(strip=True) for a in document.select("nav.main-nav a")]


def objective_facet(client):
    document = BeautifulSoup(client.get("/en/practices/").content, "html.parser")
    return [label.get_text(" ", strip=True)
            for label in document.select('[data-facet="objective"] label span:first-of-type')]


def section(parent, title, slug, **fields):
    page = HomePageFactory.build(title=title, slug=slug, show_in_menus=True, **fields)
    parent.add_child(instance=page)
    return publish(page)


def test_a_published_section_appears_in_the_menu_at_once(client, home_pages):
    assert menu(client) == ["Home"]
    about = section(home_pages["en"], "About", "about")
    assert menu(client) == ["Home", "About"]
    assert [a["href"] for a in BeautifulSoup(client.get("/en/").content, "html.parser")
            .select("nav.main-nav a")] == ["/en/", "/en/about/"]
    about.title = "About the hub"
    publish(about)
    assert menu(client) == ["Home", "About the hub"]
    about.unpublish()
    assert menu(client) == ["Home"]


def test_translated_section_shows_in_the_arabic_menu(client, home_pages):
    about = section(home_pages["en"], "About", "about")
    assert menu(client, "/ar/") == ["الرئيسية"]
    publish_translation(about, "ar", title="حول")
    assert menu(client, "/ar/") == ["الرئيسية", "حول"]
    assert client.get("/ar/about/").status_code == 200


def test_moved_and_deleted_sections_leave_the_menu(client, home_pages):
    outer = section(home_pages["en"], "Outer", "outer")
    inner = section(outer, "Inner", "inner")
    assert menu(client) == ["Home", "Outer"]
    assert client.get("/en/outer/inner/").status_code == 200
    inner.move(home_pages["en"], pos="last-child")
    assert menu(client) == ["Home", "Outer", "Inner"]
    assert client.get("/en/inner/").status_code == 200
    assert client.get("/en/outer/inner/").status_code == 301  # Wagtail's automatic redirect
    outer.delete()
    assert menu(client) == ["Home", "Inner"]
    assert client.get("/en/outer/").status_code == 404


def test_renamed_objective_shows_in_the_listing_at_once(client, practice_indexes, taxonomy):
    objective = Objective.objects.get(number=8, locale__language_code="en")
    make_practice(practice_indexes["en"], "Rescue at sea", [objective])
    assert f"8. {objective.short_title}" in objective_facet(client)
    objective.short_title = "Search and rescue"
    objective.save()
    assert "8. Search and rescue" in objective_facet(client)


def test_a_restricted_practice_leaves_the_listing_at_once(client, practice_indexes, taxonomy):
    objective = Objective.objects.get(number=8, locale__language_code="en")
    hidden = make_practice(practice_indexes["en"], "Hidden practice", [objective])
    make_practice(practice_indexes["en"], "Open practice", [objective])
    assert client.get("/en/practices/").context["paginator"].count == 2
    restriction = PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    assert client.get("/en/practices/").context["paginator"].count == 1
    assert client.get(hidden.url).status_code == 302  # to the login page
    restriction.delete()
    assert client.get("/en/practices/").context["paginator"].count == 2
    assert client.get(hidden.url).status_code == 200


def test_a_private_section_leaves_the_menu(client, home_pages):
    about = section(home_pages["en"], "About", "about")
    assert menu(client) == ["Home", "About"]
    PageViewRestriction.objects.create(page=about, restriction_type="login")
    assert menu(client) == ["Home"]
