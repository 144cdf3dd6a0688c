"""Moderators see, in the repository's listing in the admin, where each practice stands in
review, in their admin language, at a constant number of queries; nobody else sees it."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile as AdminProfile

import practices.wagtail_hooks as hooks_module
from practices.models import PracticePage
from tests.factories import UserFactory, logged_in

from ..submissions.conftest import repository  # noqa: F401
from ..submissions.test_journey import act, submission_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(repository, settings):  # noqa: F811
    settings.HUB_PEER_REVIEW_APPROVALS = 2
    return {"moderator": UserFactory(groups=["Moderators"]),
            "reviewer": UserFactory(groups=["Reviewers"]),
            "editor": UserFactory(groups=["Editors"])}


def submit(title):
    submitter = UserFactory()
    response = logged_in(submitter).post("/en/practices/submit/", submission_data(title=title))
    assert response.status_code == 302
    return PracticePage.objects.get(title=title)


def in_peer_review(people, title, approvals=0):
    page = submit(title)
    assert act(logged_in(people["moderator"]), page, "approve").status_code == 302
    for _ in range(approvals):
        reviewer = UserFactory(groups=["Reviewers"])
        assert act(logged_in(reviewer), page, "approve").status_code == 302
    return page


def explorer(user, repository):  # noqa: F811
    return logged_in(user).get(f"/admin/pages/{repository['en'].pk}/")


def test_moderators_see_each_stage_linked_to_the_review(people, repository):  # noqa: F811
    screened = submit("Legal aid desks for migrant workers")
    reviewed = in_peer_review(people, "Mobile clinics along the corridor", approvals=1)
    response = explorer(people["moderator"], repository)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Peer review: 1 of 2 approvals" in html
    assert f'href="/admin/practices/review/{reviewed.pk}/"' in html
    assert "Submitted" in html and f'href="/admin/practices/review/{screened.pk}/"' in html


def test_in_the_moderators_admin_language(people, repository):  # noqa: F811
    in_peer_review(people, "Mobile clinics along the corridor")
    profile = AdminProfile.get_for_user(people["moderator"])
    profile.preferred_language = "ar"
    profile.save()
    html = explorer(people["moderator"], repository).content.decode()
    assert "مراجعة الأقران: 0 من 2 موافقات" in html


@pytest.mark.parametrize("role", ["reviewer", "editor"])
def test_nobody_else_sees_the_stages(people, repository, role):  # noqa: F811
    page = in_peer_review(people, "Mobile clinics along the corridor")
    response = explorer(people[role], repository)
    html = response.content.decode()
    assert "approvals" not in html
    assert f"/admin/practices/review/{page.pk}/" not in html


def test_the_stages_add_no_query_per_practice(people, repository, monkeypatch):  # noqa: F811
    """Wagtail's explorer itself costs more queries for each page in a workflow; the stages add
    none per practice (one for the listing: the moderator's groups)."""
    numbers = itertools.count()

    def queries():
        client = logged_in(people["moderator"])
        client.get(f"/admin/pages/{repository['en'].pk}/")  # warm the caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/admin/pages/{repository['en'].pk}/").status_code == 200
        return len(captured)

    def growth_for_four_more():
        before = queries()
        for _ in range(4):
            in_peer_review(people, f"Language classes for newcomers {next(numbers)}")
        return queries() - before

    in_peer_review(people, "Mobile clinics along the corridor", approvals=1)
    submit("Legal aid desks for migrant workers")
    with_stages = growth_for_four_more()
    monkeypatch.setattr(hooks_module, "with_review_stage", lambda pages: pages)
    monkeypatch.setattr(hooks_module, "review_stage", lambda page: None)
    assert b"approvals" not in explorer(people["moderator"], repository).content
    assert with_stages == growth_for_four_more()
