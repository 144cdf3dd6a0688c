"""Screening says what the moderator's decision did, wherever it was taken: on the dashboard
(Wagtail's workflow action) or in the page editor, in the moderator's admin language."""

import pytest
from wagtail.users.models import UserProfile as AdminProfile

from practices.models import PracticePage, ScreeningTask
from tests.factories import UserFactory, logged_in

from ..submissions.conftest import repository  # noqa: F401
from ..submissions.test_journey import act
from .test_review_cannot_be_skipped import edit_form_data, submitted  # noqa: F401

pytestmark = pytest.mark.django_db

TITLE = "Legal aid desks for migrant workers"


@pytest.fixture
def moderator(settings):
    settings.HUB_PEER_REVIEW_APPROVALS = 2
    return UserFactory(groups=["Moderators"])


def confirmation(client, response, page):
    assert response.status_code == 302
    assert response["Location"] == f"/admin/practices/review/{page.pk}/done/"
    return client.get(response["Location"], follow=True).content.decode()


def test_the_first_step_is_the_screening_task(submitted):  # noqa: F811
    assert isinstance(submitted.current_workflow_task.specific, ScreeningTask)


@pytest.mark.parametrize(("language", "expected"), [
    ("en", f"“{TITLE}” passed screening. Peer review: 0 of 2 approvals."),
    ("ar", f"اجتازت الممارسة «{TITLE}» الفرز. مراجعة الأقران: 0 من 2 موافقات."),
])
def test_approving_on_the_dashboard_says_what_it_did(submitted, moderator, language,  # noqa: F811
                                                     expected):
    profile = AdminProfile.get_for_user(moderator)
    profile.preferred_language = language
    profile.save()
    client = logged_in(moderator)
    assert expected in confirmation(client, act(client, submitted, "approve"), submitted)
    assert PracticePage.objects.get(pk=submitted.pk).current_workflow_task.name == "Peer review"


def test_asking_for_changes_says_it_went_to_the_submitter(submitted, moderator):  # noqa: F811
    client = logged_in(moderator)
    response = act(client, submitted, "reject", comment="Say what the desks achieved.")
    assert (f"Your request for changes to “{TITLE}” was sent to its submitter."
            in confirmation(client, response, submitted))


def test_a_decision_in_the_page_editor_is_confirmed_too(submitted, moderator):  # noqa: F811
    client = logged_in(moderator)
    data = edit_form_data(client, submitted)
    # The StreamField's inputs are drawn by the admin's script; the submission has no resources.
    assert not len(submitted.resources)
    data.update({"resources-count": "0", "action-workflow-action": "true",
                 "workflow-action-name": "approve"})
    response = client.post(f"/admin/pages/{submitted.pk}/edit/", data)
    assert f"“{TITLE}” passed screening." in confirmation(client, response, submitted)
    assert PracticePage.objects.get(pk=submitted.pk).current_workflow_task.name == "Peer review"


def test_nothing_to_confirm_for_someone_who_decided_nothing(submitted, moderator):  # noqa: F811
    client = logged_in(moderator)
    page = client.get(f"/admin/practices/review/{submitted.pk}/done/", follow=True)
    assert page.status_code == 200 and "passed screening" not in page.content.decode()
