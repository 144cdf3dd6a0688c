"""The production topology on loopback: Varnish (deploy/varnish.vcl) in front of a live server.
An anonymous page is served by Varnish, and the next anonymous request after a change shows it;
a signed-in visitor always reaches the hub. Skipped, with the reason, when varnishd is missing
or cannot start."""

import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from hub.demo import publish
from hub.models import Objective
from tests.discussions.conftest import discussion_index, question, space, topic  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish.vcl"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def varnish(live_server, settings):
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(varnishd).exists():
        pytest.skip("varnishd is not installed (apt-get install -y varnish)")
    backend_port = urlsplit(live_server.url).port
    port = free_port()
    workdir = Path(tempfile.mkdtemp(prefix="hub-varnish-"))
    vcl = workdir / "hub.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000"', f'.port = "{backend_port}"'))
    # Varnish compiles the VCL as its own unprivileged user.
    workdir.chmod(0o755)
    vcl.chmod(0o644)
    started = subprocess.run(
        [varnishd, "-a", f"127.0.0.1:{port}", "-f", str(vcl), "-n", str(workdir / "n"),
         "-P", str(workdir / "pid"), "-s", "malloc,32m", "-p", "ban_lurker_sleep=0.01"],
        capture_output=True, text=True, timeout=60,
    )
    if started.returncode != 0:
        shutil.rmtree(workdir, ignore_errors=True)
        pytest.skip(f"varnishd could not start: {started.stderr.strip()[-300:]}")
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    settings.HUB_PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "hub.page_cache.VarnishBackend", "LOCATION": url},
    }
    yield url
    pid = int((workdir / "pid").read_text())
    subprocess.run(["kill", str(pid)], check=False)
    shutil.rmtree(workdir, ignore_errors=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url, cookie=None):
    """(status, headers, body) of one request, redirects not followed."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_varnish_serves_anonymous_pages_and_forgets_them_on_every_change(
    varnish, practice_indexes, taxonomy, client
):
    from tests.factories import UserFactory, make_practice

    en = practice_indexes["en"]
    objective = Objective.objects.get(number=6, locale=en.locale)
    practice = make_practice(en, "Legal aid desks", [objective])
    paths = ("/en/", "/ar/", "/en/practices/", practice.url)
    for path in paths:
        assert fetch(varnish + path)[1]["X-Varnish-Cache"] == "miss"
        status, headers, _ = fetch(varnish + path)
        assert (status, headers["X-Varnish-Cache"]) == (200, "hit"), path

    # Publish: the next anonymous request through Varnish shows the change.
    practice.title = "Legal aid desks at the border"
    publish(practice)
    status, headers, body = fetch(varnish + practice.url)
    assert "Legal aid desks at the border" in body and headers["X-Varnish-Cache"] == "miss"
    assert "Legal aid desks at the border" in fetch(varnish + "/en/practices/")[2]

    # Taxonomy: a label in the listing's facets.
    fetch(varnish + "/en/practices/")
    assert fetch(varnish + "/en/practices/")[1]["X-Varnish-Cache"] == "hit"
    objective.short_title = "Fair recruitment, relabelled"
    objective.save()
    assert "Fair recruitment, relabelled" in fetch(varnish + "/en/practices/")[2]

    # Unpublish: gone at once.
    fetch(varnish + practice.url)
    practice.unpublish()
    assert fetch(varnish + practice.url)[0] == 404

    # Signed in: always the hub's own answer, never the anonymous copy.
    user = UserFactory()
    client.force_login(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    fetch(varnish + "/en/")
    for _ in range(2):
        status, headers, body = fetch(varnish + "/en/", cookie)
        assert status == 200 and headers["X-Varnish-Cache"] == "miss"
        assert "Log out" in body
        assert "private" in headers["Cache-Control"]
    assert "Log out" not in fetch(varnish + "/en/")[2]


def warm(front, *paths):
    """Fetch until Varnish holds each path (miss, then hit)."""
    for path in paths:
        fetch(front + path)
        assert fetch(front + path)[1]["X-Varnish-Cache"] == "hit", path


def test_varnish_forgets_pages_on_menu_move_restriction_delete_and_new_content(
    varnish, practice_indexes, taxonomy
):
    from wagtail.models import PageViewRestriction

    from tests.factories import make_practice

    en = practice_indexes["en"]
    home = en.get_parent().specific
    practice = make_practice(en, "Legal aid desks", [Objective.objects.get(
        number=6, locale=en.locale)])

    # A new practice appears in the cached listing.
    warm(varnish, "/en/practices/")
    make_practice(en, "Language classes for newcomers", [Objective.objects.get(
        number=16, locale=en.locale)])
    assert "Language classes for newcomers" in fetch(varnish + "/en/practices/")[2]

    # Menu: the repository leaves the main menu of the cached home page.
    warm(varnish, "/en/")
    assert 'href="/en/practices/"' in fetch(varnish + "/en/")[2]
    en.show_in_menus = False
    publish(en)
    assert 'href="/en/practices/"' not in fetch(varnish + "/en/")[2]

    # Move: the old address stops answering with the page, the new one serves it.
    practice.refresh_from_db()
    old_url = practice.url
    warm(varnish, old_url)
    practice.move(home, pos="last-child")
    practice.refresh_from_db()
    assert fetch(varnish + old_url)[0] in (301, 404)
    assert fetch(varnish + practice.url)[0] == 200

    # View restriction: the cached page asks for a login at once, and is public again after.
    warm(varnish, practice.url)
    restriction = PageViewRestriction.objects.create(
        page=practice, restriction_type=PageViewRestriction.LOGIN)
    status, headers, body = fetch(varnish + practice.url)
    assert status == 302 and "login" in headers["Location"] and "Legal aid desks" not in body
    restriction.delete()
    assert "Legal aid desks" in fetch(varnish + practice.url)[2]

    # Delete: gone at once.
    warm(varnish, practice.url)
    url = practice.url
    practice.delete()
    assert fetch(varnish + url)[0] == 404


def test_varnish_shows_a_new_or_edited_reply_at_once(varnish, topic, question):  # noqa: F811
    from discussions.models import Reply
    from tests.factories import UserFactory

    warm(varnish, topic.url)
    reply = Reply.objects.create(question=question, author=UserFactory(),
                                 body="Our ministry opened two desks", language="en")
    assert "Our ministry opened two desks" in fetch(varnish + topic.url)[2]
    warm(varnish, topic.url)
    reply.body = "Our ministry opened three desks"
    reply.save()
    assert "Our ministry opened three desks" in fetch(varnish + topic.url)[2]
