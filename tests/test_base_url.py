"""Absolute links come from one setting, HUB_BASE_URL (the site's public address), whatever the
Site's hostname and port: e-mails, the feed, the citation, the exports, pages' full URLs."""

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.core import mail
from wagtail.models import Site

from practices.models import PracticePage
from tests.factories import UserFactory, make_practice
from tests.submissions.test_journey import submission_data

pytestmark = pytest.mark.django_db

BASE = "http://hub.example.org:8163"
ROOT = Path(__file__).resolve().parent.parent
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def served_elsewhere(settings, practice_indexes, taxonomy):
    settings.HUB_BASE_URL = BASE
    settings.WAGTAILADMIN_BASE_URL = BASE
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost"
    from hub.models import Objective

    return make_practice(practice_indexes["en"], "Legal aid desks",
                         [Objective.objects.get(number=6, locale__language_code="en")])


def test_page_full_url_is_on_the_public_address(served_elsewhere):
    assert served_elsewhere.full_url == f"{BASE}/en/practices/legal-aid-desks/"
    assert served_elsewhere.url == "/en/practices/legal-aid-desks/"


def test_citation_feed_and_exports_link_to_the_public_address(client, served_elsewhere):
    page = client.get(served_elsewhere.url).content.decode()
    assert f"{BASE}/en/practices/legal-aid-desks/</bdi>" in page

    feed = ET.fromstring(client.get("/en/practices/feed/").content)
    links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    assert links and all(href.startswith(BASE + "/en/practices/") for href in links), links
    assert f"{BASE}/en/practices/legal-aid-desks/" in links

    export = client.get("/en/practices/", {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(
        b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert [row["url"] for row in rows] == [f"{BASE}/en/practices/legal-aid-desks/"]
    data = json.loads(b"".join(
        client.get("/en/practices/", {"format": "json"}).streaming_content))
    assert [item["url"] for item in data["results"]] == [f"{BASE}/en/practices/legal-aid-desks/"]


def test_emails_link_to_the_public_address(client, served_elsewhere):
    moderator = UserFactory(groups=["Moderators"])
    submitter = UserFactory()
    client.force_login(submitter)
    assert client.post("/en/practices/submit/", submission_data()).status_code == 302
    page = PracticePage.objects.latest("pk")
    (to_submitter,) = [m for m in mail.outbox if submitter.email in m.to]
    assert f"{BASE}/en/practices/mine/" in to_submitter.body
    (to_moderator,) = [m for m in mail.outbox if moderator.email in m.to]
    assert f"{BASE}/admin/pages/{page.pk}/edit/" in to_moderator.body
    assert "http://localhost" not in to_submitter.body + to_moderator.body


def manage_prints(code, **env):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, capture_output=True,
        text=True, timeout=120, env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE":
                                     "config.settings.dev", **env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_the_admin_base_url_follows_the_setting():
    code = "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"
    assert manage_prints(code, HUB_BASE_URL="https://hub.example.org/") == "https://hub.example.org"
    assert manage_prints(code) == "http://127.0.0.1:8000"


def test_make_run_sets_it_from_host_and_port():
    result = subprocess.run(["make", "-n", "run", "HOST=127.0.0.1", "PORT=8163"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    line = [x for x in result.stdout.splitlines() if "runserver" in x][0]
    assert "HUB_BASE_URL=${HUB_BASE_URL:-http://127.0.0.1:8163}" in line
    assert line.endswith("runserver 127.0.0.1:8163")
