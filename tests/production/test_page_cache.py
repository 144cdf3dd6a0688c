"""The page cache for anonymous visitors is never stale, and never serves what must not be kept.

Django's layer through the test client; the production topology (Varnish in front of a live
server, purged by the hub) in ``test_live_stack.py``.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from discussions.models import Reply
from hub.demo import publish
from hub.models import Objective
from tests.discussions.conftest import discussion_index, question, space, topic  # noqa: F401
from tests.factories import UserFactory, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.HUB_PAGE_CACHE = True


def get(client, path, **params):
    response = client.get(path, params)
    return response, response.get("X-Hub-Cache")


def text(response):
    return response.content.decode()


def test_anonymous_pages_are_cached_in_both_languages(client, practice_indexes):
    for path in ("/en/", "/ar/", "/en/practices/", "/ar/practices/"):
        first, state = get(client, path)
        assert (first.status_code, state) == (200, "miss"), path
        again, state = get(client, path)
        assert (again.status_code, state) == (200, "hit"), path
        assert again.content == first.content
        assert "s-maxage" in again["Cache-Control"] and "public" in again["Cache-Control"]
    assert 'dir="rtl"' in text(get(client, "/ar/")[0])


def test_signed_in_visitors_never_get_a_cached_page(client, home_pages):
    get(client, "/en/")
    assert get(client, "/en/")[1] == "hit"
    user = UserFactory()
    client.force_login(user)
    for _ in range(2):
        response, state = get(client, "/en/")
        assert state is None
        assert "private" in response["Cache-Control"]
        assert "Log out" in text(response)
    client.logout()
    response, state = get(client, "/en/")
    assert state in ("hit", "miss") and "Log out" not in text(response)
    assert get(client, "/en/")[1] == "hit"


def test_search_keyword_listing_and_csrf_forms_are_never_cached(client, practice_indexes,
                                                                  settings):
    for path, params in (("/en/search/", {"q": "migration"}), ("/en/practices/", {"q": "x"})):
        for _ in range(2):
            assert get(client, path, **params)[1] is None
    # A page whose form carries a CSRF token sets the cookie: not kept, even where the path
    # alone would allow it.
    settings.HUB_PAGE_CACHE_EXCLUDE = ()
    for _ in range(2):
        response, state = get(client, "/en/accounts/login/")
        assert response.status_code == 200 and state is None
        assert "csrfmiddlewaretoken" in text(response)


def objective(number, page):
    return Objective.objects.get(number=number, locale=page.locale)


def fresh(client, path):
    """The next anonymous request after a change: never a hit of the old page."""
    response, state = get(client, path)
    assert state != "hit", f"{path} was served from before the change"
    return response


def test_every_kind_of_change_shows_at_once(client, practice_indexes, taxonomy):
    en = practice_indexes["en"]
    home = en.get_parent().specific
    practice = make_practice(en, "Legal aid desks", [objective(6, en)])
    paths = ("/en/", "/en/practices/", practice.url)

    def warm():
        for path in paths:
            get(client, path)
            assert get(client, path)[1] == "hit"

    # Publish a change.
    warm()
    practice.title = "Legal aid desks at the border"
    publish(practice)
    assert "Legal aid desks at the border" in text(fresh(client, practice.url))
    assert "Legal aid desks at the border" in text(fresh(client, "/en/practices/"))

    # A new practice in the listing.
    warm()
    make_practice(en, "Language classes for newcomers", [objective(16, en)])
    assert "Language classes for newcomers" in text(fresh(client, "/en/practices/"))

    # Taxonomy: an objective's label.
    warm()
    term = objective(6, en)
    term.short_title = "Fair recruitment, relabelled"
    term.save()
    assert "Fair recruitment, relabelled" in text(fresh(client, "/en/practices/"))

    # Menu: the repository leaves the main menu.
    warm()
    assert 'href="/en/practices/"' in text(get(client, "/en/")[0])
    en.show_in_menus = False
    publish(en)
    assert 'href="/en/practices/"' not in text(fresh(client, "/en/"))

    # Move: the practice goes under the home page.
    practice.refresh_from_db()
    old_url = practice.url
    get(client, old_url)
    assert get(client, old_url)[1] == "hit"
    practice.move(home, pos="last-child")
    practice.refresh_from_db()
    assert fresh(client, old_url).status_code in (301, 404)  # Wagtail may leave a redirect
    assert fresh(client, practice.url).status_code == 200

    # View restriction: the page asks for a login.
    get(client, practice.url)
    assert get(client, practice.url)[1] == "hit"
    restriction = PageViewRestriction.objects.create(
        page=practice, restriction_type=PageViewRestriction.LOGIN)
    assert fresh(client, practice.url).status_code == 302
    restriction.delete()
    assert fresh(client, practice.url).status_code == 200

    # Unpublish, then delete.
    get(client, practice.url)
    practice.unpublish()
    assert fresh(client, practice.url).status_code == 404
    publish(practice)
    assert get(client, practice.url)[0].status_code == 200
    assert get(client, practice.url)[1] == "hit"
    url = practice.url
    practice.delete()
    assert fresh(client, url).status_code == 404
    assert Group.objects.exists()


def test_a_reply_shows_at_once(client, topic, question):  # noqa: F811
    get(client, topic.url)
    assert get(client, topic.url)[1] == "hit"
    reply = Reply.objects.create(question=question, author=UserFactory(),
                                 body="Our ministry opened two desks", language="en")
    assert "Our ministry opened two desks" in text(fresh(client, topic.url))
    assert get(client, topic.url)[1] == "hit"
    reply.body = "Our ministry opened three desks"
    reply.save()
    assert "Our ministry opened three desks" in text(fresh(client, topic.url))


def test_bookkeeping_writes_do_not_purge(client, home_pages, settings):
    """Task results, outgoing e-mail and sessions change no page: the cache stays warm while
    the worker runs (it used to be purged at every task the worker claimed)."""
    from django_tasks_db.models import DBTaskResult

    from outbox.models import OutgoingEmail

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    get(client, "/en/")
    assert get(client, "/en/")[1] == "hit"
    from outbox.delivery import deliver_email

    deliver_email.enqueue(0)
    DBTaskResult.objects.get().claim("worker")
    OutgoingEmail.objects.create(subject="s", from_email="a@example.org", to=["b@example.org"])
    assert get(client, "/en/")[1] == "hit"
