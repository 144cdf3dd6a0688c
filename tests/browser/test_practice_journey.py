"""The practice journey as a new person lives it, in Arabic, in Chromium: sign up, confirm the
address, find the form by clicking from the home page, submit with a file; screening and two
peer reviews with scores (the staff's actions, through the admin's action URLs); published, found
under its objective and by an Arabic search with diacritics. The submitter receives exactly one
e-mail per event, all in Arabic, and every link in them opens (200) for them. The server listens
on a port other than 8000, and links follow it (HUB_BASE_URL)."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client

from hub.demo import publish, publish_translation
from practices.models import PeerReview, PracticeIndexPage, PracticePage
from practices.submission.notifications import HEADER
from practices.workflow import practice_review_workflow
from tests.factories import UserFactory
from tests.submissions.samples import SAMPLE_PDF
from tests.submissions.test_journey import act

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "amal@example.org"
PASSWORD = "a long and unusual passphrase 42"
TITLE = "مكاتب المساعدة القانونية للعمال المهاجرين"
ARABIC = re.compile("[\u0600-\u06ff]")
LINK = re.compile(r"https?://\S+")


def staff(groups):
    client = Client()
    client.force_login(UserFactory(groups=groups))
    return client


def test_a_new_person_submits_a_practice_in_arabic_and_sees_it_published(
        page, live_server, home_pages, taxonomy, settings):
    port = urlsplit(live_server.url).port
    assert port != 8000
    settings.HUB_BASE_URL = settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.HUB_PEER_REVIEW_APPROVALS = 2
    english = PracticeIndexPage(title="Practices", slug="practices")
    home_pages["en"].add_child(instance=english)
    publish(english)
    publish_translation(english, "ar", title="الممارسات")
    practice_review_workflow()
    moderator = staff(["Moderators"])
    reviewers = [staff(["Reviewers"]), staff(["Reviewers"])]

    # From the home page, by clicking: the header's "Submit a practice" → log in → sign up.
    page.goto(f"{live_server.url}/ar/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.locator("header").get_by_role("link", name="قدّم ممارسة").click()
    page.wait_for_url("**/ar/accounts/login/**")
    page.locator("main a[href*='/accounts/signup/']").click()
    page.wait_for_url("**/ar/accounts/signup/**")
    page.fill("input[name=email]", EMAIL)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.fill("input[name=name]", "أمل حداد")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url("**/ar/accounts/confirm-email/**")

    # The confirmation e-mail, in Arabic; confirming leads back to the form.
    (confirmation,) = [m for m in mail.outbox if EMAIL in m.to]
    assert ARABIC.search(confirmation.subject)
    link = LINK.search(confirmation.body).group(0)
    assert link.startswith(live_server.url)
    page.goto(link)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}/ar/practices/submit/")

    # The criteria the reviewers will use are on the form.
    assert "مشاركة المهاجرين" in page.locator(".review-criteria").inner_text()
    page.fill("input[name=title]", TITLE)
    page.fill("textarea[name=summary]", "مشورة قانونية مجانية للعمال المهاجرين عند المعابر.")
    page.locator("input[name=objectives][value='6']").check()
    page.select_option("select[name=countries]", ["JO"])
    page.set_input_files("input[name=attachments]", str(SAMPLE_PDF))
    page.locator("input[name=consent]").check()
    page.locator("button[name=submit_review]").click()
    page.wait_for_url(f"{live_server.url}/ar/practices/mine/")
    practice = PracticePage.objects.get()
    assert practice.locale.language_code == "ar" and not practice.live

    # Screening, then two independent peer reviews with scores.
    assert act(moderator, practice, "approve").status_code == 302
    assert act(reviewers[0], practice, "approve", score=4).status_code == 302
    assert not PracticePage.objects.get(pk=practice.pk).live
    assert act(reviewers[1], practice, "approve", score=5).status_code == 302
    practice = PracticePage.objects.get(pk=practice.pk)
    assert practice.live
    assert PeerReview.objects.filter(task_state__workflow_state__object_id=str(practice.pk),
                                     decision="approve").count() == 2

    # Under its objective, and by an Arabic search with diacritics.
    page.goto(f"{live_server.url}/ar/practices/?objective=6")
    assert TITLE in page.locator("main").inner_text()
    page.goto(f"{live_server.url}/ar/")
    page.fill("#site-search", "المُساعَدة القانونيّة")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url("**/ar/search/**")
    page.locator("main").get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"{live_server.url}{practice.url}")
    with page.expect_download() as download:
        page.locator("main a[href*='/documents/']").first.click()
    assert download.value.suggested_filename.endswith(".pdf")

    # Exactly one e-mail per event to the submitter, all Arabic, every link opens for them.
    to_submitter = [m for m in mail.outbox if EMAIL in m.to]
    events = [m.extra_headers.get(HEADER, "confirmation") for m in to_submitter]
    assert events == ["confirmation", "submitted", "screening_approved", "published"], events
    for message in to_submitter:
        assert ARABIC.search(message.subject.replace(TITLE, "")), message.subject
        assert "Your practice" not in message.body
        for url in LINK.findall(message.body):
            assert url.startswith(f"{live_server.url}/"), url
            if "/confirm-email/" in url:
                continue  # used above; a confirmation link is spent once used
            response = page.request.get(url)
            assert response.status == 200, (url, response.status)
