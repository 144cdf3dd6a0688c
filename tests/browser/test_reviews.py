"""Done when: a focal point signs in, fills a review in Arabic, sees the live word count pass
the limit and the submit refused, fixes it, submits; the secretariat publishes it; it appears
on the country page, in /ar/reviews/?region=…, in Arabic search, and its PDF downloads with
the Arabic text extractable in reading order."""

import io

import pypdf
import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from reviews.models import VoluntaryReviewPage
from reviews.template import word_count
from tests.reviews.conftest import focal_point, review_site, secretariat  # noqa: F401
from tests.reviews.test_word_count import SAMPLES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ANSWERS = [
    "أنشأت الحكومة لجنة وطنية لتنسيق الاستعراض تضم الوزارات المعنية",
    "اعتمدت الحكومة سياسات جديدة لحماية العمال المهاجرين",
    "أحرز البلد تقدما في تحقيق أهداف الاتفاق العالمي",
    "خصصت الحكومة موارد وطنية للتنفيذ",
    "ستعد الحكومة خطة التنفيذ الوطنية",
]


def test_focal_point_prepares_submits_and_the_review_is_published(
        page, live_server, review_site, secretariat, log_in_on_the_way):  # noqa: F811
    user = focal_point("JO", email="rana@example.org")
    EmailAddress.objects.update_or_create(user=user, email=user.email,
                                         defaults={"verified": True, "primary": True})

    log_in_on_the_way(f"{live_server.url}/ar/reviews/new/jo/ar/", "rana@example.org")
    assert page.evaluate("document.documentElement.dir") == "rtl"

    # The browser counts words exactly as the server does.
    for text in SAMPLES:
        assert page.evaluate("text => window.hubCountWords(text)", text) == word_count(text)

    page.select_option("select[name=cycle]", "arab-2021")
    too_long = " ".join(["كلمة"] * 501)
    page.fill("textarea[name=section_1]", too_long)
    for number, answer in enumerate(ANSWERS[1:], 2):
        page.fill(f"textarea[name=section_{number}]", answer)
    counter = page.locator("#id_section_1-count")
    assert "501 من 500 كلمة" in counter.inner_text()
    assert "word-count--over" in counter.get_attribute("class")
    page.get_by_role("button", name="إرسال للمراجعة").click()
    blocked = page.locator("#review-form-blocked")
    assert blocked.is_visible()
    assert "المنهجية" in blocked.inner_text() and "501" in blocked.inner_text()
    assert page.url == f"{live_server.url}/ar/reviews/new/jo/ar/"
    assert not VoluntaryReviewPage.objects.exists()  # refused in the browser: nothing sent

    page.fill("textarea[name=section_1]", ANSWERS[0])
    assert "word-count--over" not in (counter.get_attribute("class") or "")
    page.get_by_role("button", name="إرسال للمراجعة").click()
    page.wait_for_url(f"{live_server.url}/ar/reviews/edit/*/")
    assert "أُرسل استعراضك إلى أمانة الشبكة للمراجعة." in page.content()
    review = VoluntaryReviewPage.objects.get()
    assert review.workflow_in_progress and not review.live

    # The secretariat approves in the admin.
    moderator = Client()
    moderator.force_login(secretariat)
    task_state = review.current_workflow_state.current_task_state
    moderator.post(reverse("wagtailadmin_pages:workflow_action",
                           args=(review.pk, "approve", task_state.pk)), {"comment": ""})
    review.refresh_from_db()
    assert review.live

    page.goto(f"{live_server.url}/ar/countries/jo/")
    assert review.title in page.content()
    page.goto(f"{live_server.url}/ar/reviews/?region=middle-east-and-north-africa")
    assert review.title in page.content()
    page.goto(f"{live_server.url}/ar/search/?q=العمال المهاجرين")
    assert review.title in page.content()

    page.goto(f"{live_server.url}{review.url}")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="تنزيل بصيغة PDF").click()
    with open(download_info.value.path(), "rb") as pdf:
        text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.read())).pages)
    for answer in ANSWERS:
        assert answer in text, answer
    assert text.index(ANSWERS[0]) < text.index(ANSWERS[4])
