"""Done when: a user makes a financial pledge in Arabic, a moderator publishes it, the dashboard's
counts and the listing's facet counts change accordingly, and the maker's progress update shows
only after moderation. On the way, the maker links a published practice found in the form.

The moderator's decisions go through Wagtail's real workflow task (``on_action``, what the
admin's "Approve" button calls); everything the maker and the visitors do is done in Chromium.
"""

import pytest

from pledges.models import PledgeIndexPage, PledgePage, PledgePractice
from pledges.workflow import GROUP, pledge_review_workflow
from tests.factories import UserFactory, make_practice, section_in_both_languages

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def approve(secretariat):
    page = PledgePage.objects.get()
    page.current_workflow_task.on_action(page.current_workflow_task_state, secretariat,
                                         "approve")


def counts(page, url):
    """(listing's count, its "financial" facet count, dashboard total, dashboard's financial)."""
    page.goto(f"{url}/ar/pledges/")
    listing = int(page.locator("[data-facet=type] input[value=financial] ~ .facet__count")
                  .get_attribute("data-count"))
    heading = page.locator("#results-heading").inner_text()
    page.goto(f"{url}/ar/pledges/dashboard/")
    total = int(page.locator("#dashboard-total").get_attribute("data-total"))
    financial = int(page.locator("[data-table=type] td[data-key=financial]").inner_text())
    return heading, listing, total, financial


def test_arabic_financial_pledge_published_counted_and_updated(page, live_server, home_pages,
                                                             taxonomy, practice_indexes,
                                                             log_in_on_the_way):
    section_in_both_languages(home_pages, PledgeIndexPage(title="Pledges", slug="pledges"),
                              "التعهدات")
    pledge_review_workflow()
    secretariat = UserFactory(groups=[GROUP])
    UserFactory(email="amal@example.org")  # with a verified address
    practice = make_practice(practice_indexes["ar"], "إرشاد العائدين في المغرب", [])
    url = live_server.url

    before = counts(page, url)
    assert before[1:] == (0, 0, 0)

    log_in_on_the_way(f"{url}/ar/pledges/make/", "amal@example.org")
    assert page.evaluate("document.documentElement.dir") == "rtl"

    page.fill("input[name=title]", "صندوق لإعادة إدماج العائدين")
    page.fill("textarea[name=summary]", "تمويل برامج إعادة الإدماج.")
    page.select_option("select[name=pledge_type]", "financial")
    page.fill("input[name=pledging_entity]", "المملكة المغربية")
    page.select_option("select[name=stakeholder]", "government-national")
    page.fill("textarea[name=target]", "دعم 2000 عائد.")
    page.fill("input[name=start_date]", "2024-01-01")
    page.fill("input[name=end_date]", "2023-01-01")
    page.fill("input[name=amount]", "٢٥٠٠٠٠٫٥٠")
    page.select_option("select[name=currency]", "USD")
    page.locator("input[name=objectives][value='21']").check()
    page.select_option("select[name=countries]", ["MA"])
    # The practice that carries it out, found among the published practices (no script).
    page.fill("input[name=practice_query]", "العائدين")
    page.get_by_role("button", name="ابحث عن الممارسات").click()
    page.get_by_role("checkbox", name="إرشاد العائدين في المغرب").check()
    assert page.input_value("input[name=title]") == "صندوق لإعادة إدماج العائدين"
    page.get_by_role("button", name="إرسال للإشراف").click()

    # Refused in Arabic, nothing typed is lost.
    errors = " ".join(page.locator(".field__errors").all_inner_texts())
    assert "يجب أن يكون تاريخ الانتهاء بعد تاريخ البدء." in errors
    assert page.input_value("input[name=title]") == "صندوق لإعادة إدماج العائدين"
    assert page.input_value("input[name=amount]") in ("250000.50", "٢٥٠٠٠٠٫٥٠")
    page.fill("input[name=end_date]", "2026-12-31")
    page.fill("input[name=amount]", "٢٥٠٠٠٠٫٥٠")
    page.get_by_role("button", name="إرسال للإشراف").click()
    page.wait_for_url(f"{url}/ar/pledges/mine/")
    row = page.locator("table.submissions tbody tr").first
    assert row.get_attribute("data-state") == "submitted"
    assert counts(page, url)[1:] == (0, 0, 0)  # not public before moderation

    approve(secretariat)
    heading, listing, total, financial = counts(page, url)
    assert (listing, total, financial) == (1, 1, 1)
    assert "تعهد واحد" in heading
    pledge = PledgePage.objects.get()
    page.goto(f"{url}{pledge.url}")
    assert "250,000.50 USD" in page.locator(".amount").inner_text()
    assert list(PledgePractice.objects.filter(page=pledge).values_list(
        "practice_id", flat=True)) == [practice.pk]
    assert page.get_by_role("link", name="إرشاد العائدين في المغرب").count() == 1
    assert page.locator("[data-status]").first.get_attribute("data-status") == "announced"

    # The maker reports progress; the published pledge is unchanged until moderation.
    page.goto(f"{url}/ar/pledges/mine/")
    page.get_by_role("link", name="تحديث التقدم المحرز").click()
    page.select_option("select[name=status]", "in-progress")
    page.fill("input[name=date]", "2025-03-01")
    page.fill("textarea[name=note]", "تلقى 500 عائد الدعم.")
    page.get_by_role("button", name="إرسال التحديث للإشراف").click()
    page.wait_for_url(f"{url}/ar/pledges/mine/")
    assert (page.locator("table.submissions tbody tr").first.get_attribute("data-state")
            == "update_in_review")
    page.goto(f"{url}{pledge.url}")
    assert "تلقى 500 عائد الدعم." not in page.content()
    assert page.locator("[data-status]").first.get_attribute("data-status") == "announced"

    approve(secretariat)
    page.goto(f"{url}{pledge.url}")
    assert "تلقى 500 عائد الدعم." in page.locator(".progress-notes").inner_text()
    assert page.locator("[data-status]").first.get_attribute("data-status") == "in-progress"
    page.goto(f"{url}/ar/pledges/dashboard/?status=in-progress")
    assert page.locator("#dashboard-total").get_attribute("data-total") == "1"
