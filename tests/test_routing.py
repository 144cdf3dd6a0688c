"""The hub's router (hub/routing.py) finds the same page, view and arguments as Wagtail's own
routing for every path: pages at every depth, drafts, unknown slugs, routable pages' own routes
(which win over a child page with the same slug, as in Wagtail), in both languages."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from hub import routing
from hub.demo import publish, publish_translation
from hub.models import Objective
from tests.factories import HomePageFactory, make_practice

pytestmark = pytest.mark.django_db


def described(result):
    if result is None:
        return None
    page, args, kwargs = result
    view = getattr(args[0], "__name__", None) if args else None
    return (page.pk, type(page).__name__, view, args[1:] if args else args, kwargs)


def wagtail_route(path, language):
    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        return described(Page.route_for_request(request, path))


def hub_route(path, language):
    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        try:
            return described(routing.route(request, path))
        except Http404:
            return None


@pytest.fixture
def tree(practice_indexes, taxonomy):
    objective = Objective.objects.get(number=8, locale__language_code="en")
    index = practice_indexes["en"]
    make_practice(index, "Rescue at sea", [objective])
    make_practice(index, "Feed", [objective], slug="feed")  # shadowed by the feed route
    make_practice(index, "Draft practice", [objective], live=False)
    about = HomePageFactory.build(title="About", slug="about")
    practice_indexes["en"].get_parent().add_child(instance=about)
    publish(about)
    team = HomePageFactory.build(title="Team", slug="team")
    about.add_child(instance=team)
    publish(team)
    publish_translation(about, "ar", title="حول")
    return index


def test_the_router_agrees_with_wagtail(tree):
    paths = {"", "nope/", "practices/nope/", "practices/feed/x/", "about/team/nope/",
             "practices/rescue-at-sea/extra/"}
    for page in Page.objects.filter(depth__gt=2):
        paths.add("".join(f"{slug}/" for slug in page.url_path.strip("/").split("/")[1:]))
    assert "practices/feed/" in paths and "practices/draft-practice/" in paths
    for language in ("en", "ar"):
        for path in sorted(paths):
            assert hub_route(path, language) == wagtail_route(path, language), (language, path)
    assert hub_route("practices/feed/", "en")[2] == "serve_feed"  # the view the route hands to
    assert hub_route("practices/draft-practice/", "en") is None
    assert hub_route("about/", "ar")[0] != hub_route("about/", "en")[0]  # the translation
    assert hub_route("about/team/", "ar") is None  # not translated


def test_pages_are_served_through_the_router(client, tree):
    assert client.get("/en/practices/rescue-at-sea/").status_code == 200
    assert client.get("/en/practices/feed/")["Content-Type"].startswith("application/atom+xml")
    assert client.get("/en/practices/draft-practice/").status_code == 404
    assert client.get("/ar/about/").content.decode().count("حول") >= 1
    assert client.get("/en/_util/login/").status_code == 200  # Wagtail's own URLs still answer


def test_view_restrictions_still_apply(client, tree):
    page = Page.objects.get(slug="rescue-at-sea")
    PageViewRestriction.objects.create(page=page.get_parent(), restriction_type="login")
    response = client.get("/en/practices/rescue-at-sea/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/en/practices/rescue-at-sea/"


def test_previews_render_with_the_frame(tree, home_pages):
    """Admin previews do not go through the router: the frame copes with drafts and new pages."""
    draft = Page.objects.get(slug="draft-practice").specific
    response = draft.make_preview_request()
    assert response.status_code == 200
    assert b'data-language-switch="ar"' in response.content
    new = HomePageFactory.build(title="New section", slug="new-section")
    new.depth = home_pages["en"].depth + 1
    new.path = home_pages["en"].get_last_child()._inc_path()
    new.set_url_path(home_pages["en"])
    new.locale = home_pages["en"].locale
    response = new.make_preview_request()
    assert response.status_code == 200
    assert "New section" in response.content.decode()
