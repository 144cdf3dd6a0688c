"""Done-when 2 and 3: request changes, reject, and permissions from the outside."""

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import WorkflowState

from hub.models import UserProfile
from practices.models import PracticePage
from practices.submission.notifications import HEADER
from practices.workflow import reject_submission
from tests.factories import UserFactory, logged_in

from .test_journey import act, submission_data

pytestmark = pytest.mark.django_db


def hub_events(to):
    return [m.extra_headers[HEADER] for m in mail.outbox
            if HEADER in m.extra_headers and to in m.to]


@pytest.fixture
def submitter(repository):
    user = UserFactory()
    UserProfile.objects.create(user=user, name="Amal", preferred_language="ar")
    return user


def submit(client, **overrides):
    assert client.post("/en/practices/submit/", submission_data(**overrides)).status_code == 302
    return PracticePage.objects.latest("pk")


def test_request_changes_then_resubmit_runs_review_on_new_revision(submitter):
    moderator = UserFactory(groups=["Moderators"])
    client = logged_in(submitter)
    page = submit(client)
    first_revision = page.latest_revision_id

    act(logged_in(moderator), page, "reject", "Please name the partner organisations.")
    page = PracticePage.objects.get(pk=page.pk)
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    dashboard = client.get("/en/practices/mine/").content.decode()
    assert "Changes requested" in dashboard
    assert "Please name the partner organisations." in dashboard
    changes_mail = [m for m in mail.outbox if m.extra_headers.get(HEADER) == "changes_requested"]
    assert len(changes_mail) == 1
    # In the submitter's preferred language (Arabic).
    assert "طُلبت تعديلات" in changes_mail[0].subject

    edit_url = f"/en/practices/mine/{page.pk}/edit/"
    form = client.get(edit_url).content.decode()
    assert "Legal aid desks for migrant workers" in form
    response = client.post(edit_url, submission_data(summary="Now with partners named."))
    assert response.status_code == 302
    page = PracticePage.objects.get(pk=page.pk)
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision_id == page.latest_revision_id != first_revision
    assert page.get_latest_revision_as_object().summary == "Now with partners named."
    assert not page.live


def test_rejected_submission_never_goes_live(submitter):
    moderator = UserFactory(groups=["Moderators"])
    client = logged_in(submitter)
    page = submit(client)
    reject_submission(PracticePage.objects.get(pk=page.pk), moderator, "Out of scope.")

    page = PracticePage.objects.get(pk=page.pk)
    assert not page.live and page.locked
    dashboard = client.get("/en/practices/mine/").content.decode()
    assert "Rejected" in dashboard and "Out of scope." in dashboard
    assert "rejected" in hub_events(submitter.email)
    # Cannot be edited or resubmitted by the submitter.
    response = client.post(f"/en/practices/mine/{page.pk}/edit/", submission_data())
    assert response.status_code == 302
    page = PracticePage.objects.get(pk=page.pk)
    assert page.current_workflow_state is None and not page.live


def test_anonymous_is_sent_to_log_in(repository):
    for url in ("/en/practices/submit/", "/en/practices/mine/", "/ar/accounts/profile/"):
        response = Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url


def test_submitter_cannot_open_the_admin(submitter):
    client = logged_in(submitter)
    page = submit(client)
    for url in ("/admin/", f"/admin/pages/{page.pk}/edit/"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url


def test_other_users_submission_is_404(submitter):
    page = submit(logged_in(submitter))
    intruder = logged_in(UserFactory())
    assert intruder.get(f"/en/practices/mine/{page.pk}/edit/").status_code == 404
    response = intruder.post(f"/en/practices/mine/{page.pk}/edit/", submission_data())
    assert response.status_code == 404
    assert intruder.get(f"/en/practices/mine/{page.pk + 999}/edit/").status_code == 404
    assert "Legal aid" not in intruder.get("/en/practices/mine/").content.decode()


def test_posting_cannot_bypass_moderation(submitter):
    client = logged_in(submitter)
    page = submit(client, live="on", action_publish="1", owner="1")
    page = PracticePage.objects.get(pk=page.pk)
    assert not page.live
    # The submitter cannot approve their own task in the admin either.
    response = act(client, page, "approve")
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not PracticePage.objects.get(pk=page.pk).live


def test_missing_field_keeps_what_was_typed(submitter):
    client = logged_in(submitter)
    response = client.post("/en/practices/submit/", submission_data(summary=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html
    assert "Legal aid desks for migrant workers" in html
    assert not PracticePage.objects.exists()


def test_honeypot_and_daily_limit(submitter):
    client = logged_in(submitter)
    response = client.post("/en/practices/submit/", submission_data(website="http://spam"))
    assert response.status_code == 200 and not PracticePage.objects.exists()
    for n in range(10):
        submit(client, title=f"Practice {n}")
    response = client.post("/en/practices/submit/", submission_data(title="Eleventh"))
    assert response.status_code == 200
    assert "limit of 10 submissions" in response.content.decode()
    assert not PracticePage.objects.filter(title="Eleventh").exists()


def test_dashboard_queries_do_not_grow(submitter, django_assert_max_num_queries):
    client = logged_in(submitter)
    for n in range(3):
        submit(client, title=f"Practice {n}")
    with django_assert_max_num_queries(25):
        assert client.get("/en/practices/mine/").status_code == 200
    for n in range(3, 8):
        submit(client, title=f"Practice {n}")
    with django_assert_max_num_queries(25):
        assert client.get("/en/practices/mine/").status_code == 200


def test_moderator_rejects_in_the_admin_and_submitter_cannot(submitter):
    moderator = UserFactory(groups=["Moderators"])
    client = logged_in(submitter)
    page = submit(client)
    url = f"/admin/practices/reject/{page.pk}/"
    assert "/accounts/login/" in client.post(url, {"comment": "x"}).url
    reviewer = logged_in(UserFactory(groups=["Reviewers"]))
    assert reviewer.post(url, {"comment": "x"}).url == "/admin/"  # not their task yet
    moderator_client = logged_in(moderator)
    assert moderator_client.get(url).status_code == 200
    assert url in moderator_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert moderator_client.post(url, {"comment": "Out of scope."}).status_code == 302
    page = PracticePage.objects.get(pk=page.pk)
    assert not page.live and page.locked
    assert "Out of scope." in client.get("/en/practices/mine/").content.decode()


def test_changes_requested_at_peer_review_resume_at_peer_review(submitter):
    """Wagtail's default, kept on purpose: a resubmission goes back to the step that asked for
    changes, not to screening."""
    client = logged_in(submitter)
    page = submit(client)
    act(logged_in(UserFactory(groups=["Moderators"])), page, "approve")
    act(logged_in(UserFactory(groups=["Reviewers"])), page, "reject", "Add the results.")
    page = PracticePage.objects.get(pk=page.pk)
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    response = client.post(f"/en/practices/mine/{page.pk}/edit/", submission_data())
    assert response.status_code == 302
    page = PracticePage.objects.get(pk=page.pk)
    assert page.current_workflow_task.name == "Peer review"
