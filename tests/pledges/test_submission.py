"""Making, moderating and updating pledges from outside: every role, every refusal."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from hub.models import UserProfile
from pledges.models import PledgePage
from practices.submission.notifications import HEADER
from tests.factories import UserFactory, make_practice

from .conftest import make_pledge

pytestmark = pytest.mark.django_db


def hub_mails(event=None, to=None):
    return [m for m in mail.outbox if HEADER in m.extra_headers
            and (event is None or m.extra_headers[HEADER] == event)
            and (to is None or to in m.to)]


def pledge_data(**overrides):
    data = {
        "title": "Fund for safe return",
        "summary": "A fund for reintegration.",
        "description": "First.\n\nSecond <script>alert(1)</script>.",
        "pledge_type": "financial",
        "pledging_entity": "Kingdom of Morocco",
        "stakeholder": "government-national",
        "target": "2000 returnees supported.",
        "start_date": "2024-01-01",
        "end_date": "2026-12-31",
        "amount": "250000.50",
        "currency": "USD",
        "objectives": ["21"],
        "countries": ["MA"],
        "website": "",
        "submit_review": "1",
    }
    data.update(overrides)
    return data


@pytest.fixture
def maker(client, pledge_indexes):
    user = UserFactory()
    client.force_login(user)
    return user


def act(client, page, action, comment=""):
    page = PledgePage.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    return client.post(f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/",
                       {"comment": comment})


def as_user(client, user):
    other = client.__class__()
    other.force_login(user)
    return other


@pytest.mark.parametrize("path", ["/en/pledges/make/", "/en/pledges/mine/",
                                  "/en/pledges/mine/1/edit/", "/en/pledges/mine/1/progress/"])
def test_anonymous_visitors_are_sent_to_log_in(client, pledge_indexes, path):
    response = client.get(path)
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_draft_needs_only_a_title(client, maker):
    response = client.post("/en/pledges/make/", {"title": "Just an idea", "save_draft": "1",
                                                 "pledge_type": "policy"})
    assert response.status_code == 302
    page = PledgePage.objects.get()
    assert page.owner == maker and not page.live and page.current_workflow_state is None
    assert "Draft" in client.get("/en/pledges/mine/").content.decode()


def test_submit_needs_every_required_field_and_keeps_what_was_typed(client, maker):
    data = pledge_data(summary="", pledging_entity="", stakeholder="", target="",
                       start_date="", end_date="", amount="", currency="", objectives=[],
                       countries=[], title="Keep this title")
    response = client.post("/en/pledges/make/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    for field in ("summary", "pledging_entity", "stakeholder", "target", "start_date",
                  "end_date", "objectives", "is_global", "amount"):
        assert field in errors, field
    assert 'value="Keep this title"' in response.content.decode()
    assert not PledgePage.objects.exists()


BAD_INPUT = [
    ({"pledge_type": "policy"}, "amount", "Only a financial contribution has an amount"),
    ({"amount": "-5"}, "amount", "more than zero"),
    ({"amount": "0"}, "amount", "more than zero"),
    ({"amount": "lots"}, "amount", "Enter a number"),
    ({"amount": "1.234"}, "amount", "decimal place"),
    ({"currency": ""}, "currency", "Choose the currency"),
    ({"currency": "XYZ"}, "currency", "Select a valid choice"),
    ({"amount": "", "currency": "USD"}, "amount", "Give the amount"),
    ({"end_date": "2023-12-31"}, "end_date", "after the start date"),
    ({"end_date": "2024-01-01"}, "end_date", "after the start date"),
    ({"start_date": "31/31/2024"}, "start_date", "Enter a valid date"),
    ({"practices": ["999999"]}, "practices", "Choose among the published practices"),
    ({"practices": ["nothing"]}, "practices", "Choose among the published practices"),
    ({"link_1_url": "https://example.org"}, "link_1_title", "Give the link a title"),
    ({"link_1_title": "Report", "link_1_url": "javascript:alert(1)"}, "link_1_url", "valid URL"),
    ({"title": ""}, "title", "required"),
]


@pytest.mark.parametrize("overrides, field, message", BAD_INPUT)
@pytest.mark.parametrize("action", ["submit_review", "save_draft"])
def test_bad_input_is_refused_with_a_clear_message(client, maker, overrides, field, message,
                                                   action):
    data = pledge_data(**overrides)
    if action == "save_draft":
        data.pop("submit_review")
        data["save_draft"] = "1"
    response = client.post("/en/pledges/make/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field]), errors
    assert not PledgePage.objects.exists()
    assert "A fund for reintegration." in response.content.decode()  # nothing typed is lost


def test_refusals_are_in_arabic_on_the_arabic_form(client, maker):
    response = client.post("/ar/pledges/make/", pledge_data(pledge_type="policy", title="تعهد"))
    assert response.status_code == 200
    assert "المساهمات المالية" in response.content.decode()
    assert "Only a financial" not in " ".join(response.context["form"].errors["amount"])


def test_arabic_digits_are_read_as_an_amount(client, maker):
    response = client.post("/ar/pledges/make/", pledge_data(amount="٢٥٠٠٠٠٫٥٠", title="صندوق"))
    assert response.status_code == 302
    page = PledgePage.objects.get()
    assert page.get_latest_revision_as_object().amount == Decimal("250000.50")
    assert page.locale.language_code == "ar"


def test_honeypot_stores_nothing(client, maker):
    response = client.post("/en/pledges/make/", pledge_data(website="http://spam.example"))
    assert response.status_code == 200 and not PledgePage.objects.exists()


def test_daily_limit(client, maker, monkeypatch):
    from pledges import services

    monkeypatch.setattr(services, "DAILY_LIMIT", 1)
    assert client.post("/en/pledges/make/", pledge_data()).status_code == 302
    response = client.post("/en/pledges/make/", pledge_data(title="Second pledge"))
    assert response.status_code == 200
    assert "limit of 1 submissions a day" in response.content.decode()
    assert 'value="Second pledge"' in response.content.decode()
    # A draft is still possible: nothing is lost.
    data = pledge_data(title="Second pledge")
    data.pop("submit_review")
    data["save_draft"] = "1"
    assert client.post("/en/pledges/make/", data).status_code == 302


def test_a_maker_edits_and_updates_only_their_own_pledges(client, maker, pledge_indexes):
    other = make_pledge(pledge_indexes["en"], "Someone else's", live=True)
    other_draft = make_pledge(pledge_indexes["en"], "Someone else's draft", live=False)
    for page in (other, other_draft):
        assert client.get(f"/en/pledges/mine/{page.pk}/edit/").status_code == 404
        assert client.get(f"/en/pledges/mine/{page.pk}/progress/").status_code == 404
        assert client.post(f"/en/pledges/mine/{page.pk}/progress/", {
            "status": "fulfilled", "date": "2024-05-01", "note": "x"}).status_code == 404
    assert client.get("/en/pledges/mine/999999/edit/").status_code == 404
    assert "Someone else" not in client.get("/en/pledges/mine/").content.decode()


def test_submitted_pledge_cannot_be_edited_until_changes_are_requested(client, maker,
                                                                      secretariat):
    client.post("/en/pledges/make/", pledge_data())
    page = PledgePage.objects.get()
    response = client.get(f"/en/pledges/mine/{page.pk}/edit/")
    assert response.status_code == 302
    assert client.get(f"/en/pledges/mine/{page.pk}/progress/").status_code == 302
    moderator = as_user(client, secretariat)
    assert act(moderator, page, "reject", "Give the source of funds.").status_code == 302
    mine = client.get("/en/pledges/mine/").content.decode()
    assert "Changes requested" in mine and "Give the source of funds." in mine
    assert hub_mails("changes_requested", to=maker.email)
    response = client.get(f"/en/pledges/mine/{page.pk}/edit/")
    assert response.status_code == 200 and 'value="250000.50"' in response.content.decode()
    assert client.post(f"/en/pledges/mine/{page.pk}/edit/", pledge_data()).status_code == 302
    assert PledgePage.objects.get().current_workflow_state.status == (
        WorkflowState.STATUS_IN_PROGRESS)


def test_other_users_cannot_moderate(client, maker, secretariat):
    client.post("/en/pledges/make/", pledge_data())
    page = PledgePage.objects.get()
    stranger = UserFactory()
    response = act(as_user(client, stranger), page, "approve")
    assert response.status_code in (302, 403)
    assert not PledgePage.objects.get().live
    response = act(client, page, "approve")  # the maker themself
    assert not PledgePage.objects.get().live


def test_journey_moderation_emails_and_a_moderated_progress_update(client, maker, secretariat,
                                                                  practice_indexes):
    UserProfile.objects.create(user=maker, name="Amal", preferred_language="ar")
    practice = make_practice(practice_indexes["en"], "Return counselling", [], countries=["MA"])
    response = client.post("/en/pledges/make/",
                           pledge_data(practices=[str(practice.pk)]))
    assert response.status_code == 302
    page = PledgePage.objects.get()
    assert hub_mails("submitted", to=maker.email)
    assert "تعهد" in hub_mails("submitted", to=maker.email)[0].subject  # maker's language
    assert hub_mails("review_requested", to=secretariat.email)
    assert "Submitted" in client.get("/en/pledges/mine/").content.decode()

    assert act(as_user(client, secretariat), page, "approve").status_code == 302
    page = PledgePage.objects.get()
    assert page.live and page.status == "announced"
    assert hub_mails("published", to=maker.email)
    html = client.get(page.url).content.decode()
    assert "250,000.50 <bdi dir=\"ltr\">USD</bdi>" in html and "Return counselling" in html
    assert "<script>" not in html
    assert "Fund for safe return" in client.get(practice.url).content.decode()

    response = client.post(f"/en/pledges/mine/{page.pk}/progress/", {
        "status": "in-progress", "date": "2025-03-01", "note": "First 500 returnees helped."})
    assert response.status_code == 302
    assert hub_mails("update_submitted", to=maker.email)
    assert hub_mails("update_review_requested", to=secretariat.email)
    # Until moderated, visitors see the published version.
    html = client.get(page.url).content.decode()
    assert "First 500 returnees helped." not in html and 'data-status="announced"' in html
    assert client.get("/en/pledges/?status=in-progress").context["paginator"].count == 0
    mine = client.get("/en/pledges/mine/").content.decode()
    assert "update awaiting moderation" in mine
    # A second update waits for the first one's moderation.
    assert client.get(f"/en/pledges/mine/{page.pk}/progress/").status_code == 302

    assert act(as_user(client, secretariat), page, "approve").status_code == 302
    html = client.get(page.url).content.decode()
    assert "First 500 returnees helped." in html and 'data-status="in-progress"' in html
    assert client.get("/en/pledges/?status=in-progress").context["paginator"].count == 1


def test_refused_progress_updates(client, maker, secretariat):
    client.post("/en/pledges/make/", pledge_data())
    page = PledgePage.objects.get()
    act(as_user(client, secretariat), page, "approve")
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    for data, field in (
        ({"status": "done", "date": "2025-01-01", "note": "x"}, "status"),
        ({"status": "fulfilled", "date": future, "note": "x"}, "date"),
        ({"status": "fulfilled", "date": "2025-01-01", "note": ""}, "note"),
    ):
        response = client.post(f"/en/pledges/mine/{page.pk}/progress/", data)
        assert response.status_code == 200 and field in response.context["form"].errors
    assert PledgePage.objects.get().current_workflow_state is None


def test_an_unverified_address_cannot_make_a_pledge(client, pledge_indexes):
    client.force_login(UserFactory(verified=False))
    response = client.post("/en/pledges/make/", pledge_data())
    assert not PledgePage.objects.exists()
    assert response.status_code in (200, 302)
    assert "pledges/mine" not in response.get("Location", "")


def test_too_many_posts_are_refused_and_the_text_kept(client, maker, settings):
    settings.HUB_SUBMISSION_POSTS_PER_10_MINUTES = 1
    data = pledge_data(pledge_type="policy")  # refused: an amount on a policy pledge
    assert client.post("/en/pledges/make/", data).status_code == 200
    response = client.post("/en/pledges/make/", data)
    assert response.status_code == 429
    assert "too many times" in response.content.decode()
    assert 'value="Fund for safe return"' in response.content.decode()


def test_draft_quota(client, maker, settings):
    settings.HUB_SUBMISSION_MAX_DRAFTS = 1
    draft = {"title": "First idea", "save_draft": "1", "pledge_type": "policy"}
    assert client.post("/en/pledges/make/", draft).status_code == 302
    response = client.post("/en/pledges/make/", {**draft, "title": "Second idea"})
    assert response.status_code == 200 and "drafts that were never submitted" in (
        response.content.decode())
    assert PledgePage.objects.count() == 1
