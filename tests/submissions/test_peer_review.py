"""Peer review as the Network runs it: N independent approvals from Reviewers, each with a
declaration of no conflict of interest and scores; any one may ask for changes; never one's own
submission, never twice; the scores are for moderators only."""

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from hub.models import UserProfile
from practices.models import PeerReview, PracticePage
from practices.submission.notifications import HEADER
from tests.factories import UserFactory, logged_in

from .test_journey import act, review_data, submission_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(repository, settings):
    settings.HUB_PEER_REVIEW_APPROVALS = 2
    submitter = UserFactory()
    UserProfile.objects.create(user=submitter, name="Amal", organisation="Migrant Rights Org",
                               preferred_language="ar")
    reviewers = []
    for name, organisation in (("Reviewer One", "IOM"), ("Reviewer Two", "University")):
        reviewer = UserFactory(groups=["Reviewers"])
        UserProfile.objects.create(user=reviewer, name=name, organisation=organisation)
        reviewers.append(reviewer)
    return {"submitter": submitter, "moderator": UserFactory(groups=["Moderators"]),
            "reviewers": reviewers}


@pytest.fixture
def in_peer_review(people):
    assert logged_in(people["submitter"]).post(
        "/en/practices/submit/", submission_data()).status_code == 302
    page = PracticePage.objects.get()
    assert act(logged_in(people["moderator"]), page, "approve").status_code == 302
    assert fresh(page).current_workflow_task.name == "Peer review"
    mail.outbox.clear()
    return page


def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to its dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/")


def fresh(page):
    return PracticePage.objects.get(pk=page.pk)


def stage(moderator, page):
    response = logged_in(moderator).get(f"/admin/practices/review/{page.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_one_approval_does_not_publish_when_two_are_needed(people, in_peer_review):
    first, second = people["reviewers"]
    client = logged_in(first)
    response = act(client, in_peer_review, "approve", score=5)
    assert response.status_code == 302
    # The reviewer is told what their approval did.
    confirmation = client.get(response["Location"], follow=True).content.decode()
    assert ("Your approval of “Legal aid desks for migrant workers” is recorded. "
            "Peer review: 1 of 2 approvals.") in confirmation
    page = fresh(in_peer_review)
    assert not page.live and page.current_workflow_task.name == "Peer review"
    assert "Peer review: 1 of 2 approvals" in stage(people["moderator"], page)
    # The practice's own admin page says it in words too, in the editor's language.
    edit = logged_in(people["moderator"]).get(f"/admin/pages/{page.pk}/edit/")
    assert "Peer review: 1 of 2 approvals" in edit.content.decode()
    assert not [m for m in mail.outbox if HEADER in m.extra_headers
                and people["submitter"].email in m.to]

    assert act(logged_in(second), page, "approve", score=3).status_code == 302
    page = fresh(page)
    assert page.live
    assert page.current_workflow_state is None or (
        page.current_workflow_state.status != WorkflowState.STATUS_IN_PROGRESS)
    assert [m.extra_headers[HEADER] for m in mail.outbox
            if people["submitter"].email in m.to] == ["published"]
    assert "Published" in stage(people["moderator"], page)


def test_a_reviewer_cannot_approve_twice(people, in_peer_review):
    first, _second = people["reviewers"]
    client = logged_in(first)
    assert act(client, in_peer_review, "approve").status_code == 302
    task_state = fresh(in_peer_review).current_workflow_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{in_peer_review.pk}/approve/{task_state.pk}/",
        review_data())
    assert refused(response)
    assert PeerReview.objects.filter(reviewer=first).count() == 1
    assert not fresh(in_peer_review).live


def test_a_reviewer_cannot_review_their_own_submission(people, repository):
    author = people["reviewers"][0]
    assert logged_in(author).post("/en/practices/submit/", submission_data()).status_code == 302
    page = PracticePage.objects.get()
    act(logged_in(people["moderator"]), page, "approve")
    task_state = fresh(page).current_workflow_task_state
    for action in ("approve", "reject"):
        response = logged_in(author).post(
            f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/", review_data())
        assert refused(response)
    assert not PeerReview.objects.exists()
    # The other reviewers may; with two needed, one is not enough.
    act(logged_in(people["reviewers"][1]), page, "approve")
    assert not fresh(page).live


def test_no_decision_without_the_conflict_of_interest_declaration(people, in_peer_review):
    data = review_data()
    del data["no_conflict"]
    task_state = fresh(in_peer_review).current_workflow_task_state
    logged_in(people["reviewers"][0]).post(
        f"/admin/pages/workflow/action/{in_peer_review.pk}/approve/{task_state.pk}/", data)
    assert not PeerReview.objects.exists()


def test_requesting_changes_returns_it_to_the_submitter_with_the_comment(people, in_peer_review):
    reviewer = people["reviewers"][0]
    comment = "Please describe the results with figures."
    assert act(logged_in(reviewer), in_peer_review, "reject", comment).status_code == 302
    page = fresh(in_peer_review)
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    (message,) = [m for m in mail.outbox if people["submitter"].email in m.to]
    assert message.extra_headers[HEADER] == "changes_requested" and comment in message.body
    dashboard = logged_in(people["submitter"]).get("/ar/practices/mine/").content.decode()
    assert comment in dashboard
    assert "تُستأنف المراجعة من الخطوة التي طلبت هذه التعديلات" in dashboard

    # Resubmitted, it comes back to peer review for a fresh round of two approvals.
    assert logged_in(people["submitter"]).post(
        f"/en/practices/mine/{page.pk}/edit/", submission_data()).status_code == 302
    page = fresh(page)
    assert page.current_workflow_task.name == "Peer review"
    assert act(logged_in(reviewer), page, "approve").status_code == 302
    assert not fresh(page).live
    assert act(logged_in(people["reviewers"][1]), page, "approve").status_code == 302
    assert fresh(page).live


def test_scores_are_shown_to_moderators_only(people, in_peer_review, client):
    first = people["reviewers"][0]
    act(logged_in(first), in_peer_review, "approve", score=5, comment="Strong practice.")
    review = PeerReview.objects.get()
    assert review.no_conflict and review.scores["results"] == {
        "score": 5, "comment": "On Results: 5 of 5."}

    page = stage(people["moderator"], in_peer_review)
    assert "Reviewer One (IOM)" in page and "On Relevance to the GCM: 5 of 5." in page
    assert "Strong practice." in page
    for other in (first, people["reviewers"][1]):
        response = logged_in(other).get(f"/admin/practices/review/{in_peer_review.pk}/")
        assert refused(response)
    response = logged_in(people["submitter"]).get(f"/admin/practices/review/{in_peer_review.pk}/")
    assert response.status_code in (302, 403)
    assert "5 of 5" not in response.content.decode()

    act(logged_in(people["reviewers"][1]), in_peer_review, "approve")
    public = client.get(fresh(in_peer_review).url)
    assert public.status_code == 200
    assert "of 5." not in public.content.decode() and "Strong practice." not in (
        public.content.decode())


def test_the_form_page_shows_the_review_criteria(people):
    content = logged_in(people["submitter"]).get("/ar/practices/submit/").content.decode()
    for label in ("الاستدامة", "قابلية التكرار", "مشاركة المهاجرين"):
        assert label in content


def test_the_admin_names_the_submitter_by_name_and_organisation(people):
    assert logged_in(people["submitter"]).post(
        "/en/practices/submit/", submission_data()).status_code == 302
    dashboard = logged_in(people["moderator"]).get("/admin/").content.decode()
    assert "Amal (Migrant Rights Org)" in dashboard
    assert people["submitter"].username not in dashboard
