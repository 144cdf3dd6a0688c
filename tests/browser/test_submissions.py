"""Done-when 5: a submitter logs in, submits a practice in Arabic with a file, sees it on the
dashboard."""

import os

import pytest

from hub.demo import publish, publish_translation
from practices.models import PracticeIndexPage, PracticePage
from tests.factories import UserFactory
from tests.submissions.samples import SAMPLE_PDF

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_arabic_submission_appears_on_the_dashboard(page, live_server, home_pages, taxonomy):
    english = PracticeIndexPage(title="Practices", slug="practices")
    home_pages["en"].add_child(instance=english)
    publish(english)
    publish_translation(english, "ar", title="الممارسات")
    from practices.workflow import practice_review_workflow

    practice_review_workflow()
    UserFactory(email="amal@example.org")  # with a verified address

    page.goto(f"{live_server.url}/ar/practices/submit/")
    assert "/ar/accounts/login/" in page.url
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.fill("input[name=login]", "amal@example.org")
    page.fill("input[name=password]", "correct horse battery staple")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}/ar/practices/submit/")

    page.fill("input[name=title]", "مكاتب المساعدة القانونية للعمال المهاجرين")
    page.fill("textarea[name=summary]", "مشورة قانونية مجانية عند المعابر الحدودية.")
    page.locator("input[name=objectives]").first.check()
    page.select_option("select[name=countries]", ["JO", "LB"])
    page.fill("input[name=start_year]", "2021")
    page.fill("input[name=end_year]", "2019")
    page.set_input_files("input[name=attachments]", str(SAMPLE_PDF))
    page.get_by_role("button", name="قدّم للمراجعة").click()

    # Refused (end year, consent), but the text and the file are kept.
    errors = page.locator(".field__errors")
    assert "لا يمكن أن تسبق سنة الانتهاء سنة البدء." in errors.all_inner_texts()[0]
    assert page.input_value("input[name=title]").startswith("مكاتب المساعدة")
    assert "sample" in page.locator(".attachments__list").inner_text()
    if os.environ.get("SCREENSHOTS"):
        page.screenshot(path=os.environ["SCREENSHOTS"], full_page=True)
    page.fill("input[name=end_year]", "2023")
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="قدّم للمراجعة").click()
    page.wait_for_url(f"{live_server.url}/ar/practices/mine/")

    row = page.locator("table.submissions tbody tr").first
    assert "مكاتب المساعدة القانونية" in row.inner_text()
    assert row.get_attribute("data-state") == "submitted"
    assert "مُقدَّمة" in row.locator(".state").inner_text()
    practice = PracticePage.objects.get()
    assert practice.locale.language_code == "ar" and not practice.live
    latest = practice.get_latest_revision_as_object()
    assert (latest.start_year, latest.end_year, latest.submission_language) == (2021, 2023, "ar")
    assert sorted(c.code for c in latest.countries) == ["JO", "LB"]
    [block] = latest.resources
    assert block.block_type == "document" and block.value["document"].title == "sample"
