"""Done-when 1: sign up, verify, submit, screening, peer review, published, emails at each step."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import WorkflowState

from practices.models import PracticePage
from practices.submission.notifications import HEADER
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase 42"


def hub_mails(event=None, to=None):
    return [
        m for m in mail.outbox
        if HEADER in m.extra_headers
        and (event is None or m.extra_headers[HEADER] == event)
        and (to is None or to in m.to)
    ]


def sign_up(client, email, language="en"):
    response = client.post(f"/{language}/accounts/signup/", {
        "email": email, "password1": PASSWORD, "password2": PASSWORD,
        "name": "Amal Haddad", "organisation": "Migrant Rights Org",
        "stakeholder_type": "", "country": "JO", "preferred_language": language,
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)
    client.post(path)
    response = client.post(f"/{language}/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302


def submission_data(**overrides):
    data = {
        "title": "Legal aid desks for migrant workers",
        "summary": "Free legal advice at border crossings.",
        "description": "First paragraph.\n\nSecond <script>alert(1)</script><b>bold</b>.",
        "objectives": ["6", "7"],
        "practice_type": "service",
        "implementation_level": "national",
        "countries": ["JO"],
        "submission_language": "en",
        "consent": "on",
        "website": "",
        "submit_review": "1",
    }
    data.update(overrides)
    return data


def review_data(score=4, comment=""):
    """What a peer reviewer fills in: no conflict of interest, a score and a comment for each
    published criterion (screening's form reads only the comment)."""
    from practices.peer_review import CRITERIA

    data = {"comment": comment, "no_conflict": "on"}
    for key, label, _help in CRITERIA:
        data[f"{key}_score"] = str(score)
        data[f"{key}_comment"] = f"On {label}: {score} of 5."
    return data


def act(client, page, action, comment="", **review):
    """Post a workflow action as the admin's modal does (fresh page: state is cached)."""
    page = PracticePage.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"
    return client.post(url, review_data(comment=comment, **review))


def test_submission_goes_through_review_to_publication(client, repository):
    moderator = UserFactory(groups=["Moderators"])
    reviewer = UserFactory(groups=["Reviewers"])
    sign_up(client, "amal@example.org")

    response = client.post("/en/practices/submit/", submission_data())
    assert response.status_code == 302
    page = PracticePage.objects.get()
    assert page.owner.email == "amal@example.org"
    assert not page.live and page.locale.language_code == "en"
    assert page.get_parent().specific == repository["en"]
    latest = page.get_latest_revision_as_object()
    assert "<script>" not in latest.description and "<b>bold</b>" in latest.description
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.current_workflow_task.name == "Screening"
    assert hub_mails("submitted", to="amal@example.org")
    assert hub_mails("screening_requested", to=moderator.email)

    dashboard = client.get("/en/practices/mine/").content.decode()
    assert "Legal aid desks for migrant workers" in dashboard and "Submitted" in dashboard

    moderator_client = client.__class__()
    moderator_client.force_login(moderator)
    assert act(moderator_client, page, "approve").status_code == 302
    page = PracticePage.objects.get(pk=page.pk)
    assert page.current_workflow_task.name == "Peer review"
    assert hub_mails("screening_approved", to="amal@example.org")
    assert hub_mails("review_requested", to=reviewer.email)
    assert "In peer review" in client.get("/en/practices/mine/").content.decode()

    reviewer_client = client.__class__()
    reviewer_client.force_login(reviewer)
    response = act(reviewer_client, page, "approve")
    assert response.status_code == 302, response
    assert "login" not in response.url, response.url
    page = PracticePage.objects.get(pk=page.pk)
    assert page.live
    assert page in PracticePage.objects.live()
    assert sorted(o.number for o in page.specific.objectives) == [6, 7]
    # The public repository lists it under its objective, and not under another one.
    assert page.title in client.get("/en/practices/?objective=6").content.decode()
    assert page.title not in client.get("/en/practices/?objective=9").content.decode()
    assert hub_mails("published", to="amal@example.org")
    assert "Published" in client.get("/en/practices/mine/").content.decode()


def test_groups_exist(db):
    assert Group.objects.filter(name="Reviewers").exists()
