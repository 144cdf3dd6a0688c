"""While a practice is in the Practice review workflow, only the final approval publishes it:
a moderator's bulk "Publish" or the edit view's "Publish" is refused (from outside, as the
admin's own forms post)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import WorkflowState

from practices.models import PracticePage
from tests.factories import UserFactory, logged_in

from ..submissions.conftest import repository  # noqa: F401
from ..submissions.test_journey import act, submission_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(repository):  # noqa: F811
    response = logged_in(UserFactory()).post("/en/practices/submit/", submission_data())
    assert response.status_code == 302
    page = PracticePage.objects.get()
    assert page.current_workflow_task.name == "Screening"
    return page


def still_under_review(page):
    page = PracticePage.objects.get(pk=page.pk)
    return (not page.live
            and page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS)


def edit_form_data(client, page):
    """Every field of the admin's edit form as the browser would send it."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    form = BeautifulSoup(response.content.decode(), "html.parser").select_one("form#page-edit-form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "input" and field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
            continue
        if field.name == "input" and field.get("type") in ("submit", "file", "button"):
            continue
        if field.name == "select":
            chosen = [o.get("value", o.text) for o in field.select("option[selected]")]
            if field.has_attr("multiple"):
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
            continue
        data[name] = field.text if field.name == "textarea" else field.get("value", "")
    return data


@pytest.mark.parametrize("stage", ["Screening", "Peer review"])
def test_bulk_publish_does_not_skip_the_review(submitted, stage):
    moderator = logged_in(UserFactory(groups=["Moderators"]))
    if stage == "Peer review":
        assert act(moderator, submitted, "approve").status_code == 302
    url = f"/admin/bulk/wagtailcore/page/publish/?id={submitted.pk}&next=/admin/pages/"
    moderator.get(url)
    response = moderator.post(url)
    assert response.status_code == 302
    assert still_under_review(submitted)
    assert PracticePage.objects.get(pk=submitted.pk).current_workflow_task.name == stage


def test_edit_view_publish_does_not_skip_the_review(submitted):
    moderator = logged_in(UserFactory(groups=["Moderators"]))
    data = edit_form_data(moderator, submitted)
    data["action-publish"] = "action-publish"
    response = moderator.post(f"/admin/pages/{submitted.pk}/edit/", data)
    assert response.status_code == 302
    assert still_under_review(submitted)
    follow = moderator.get(response.url).content.decode()
    assert "only the reviewers" in follow


def test_the_final_approval_still_publishes(submitted):
    moderator = logged_in(UserFactory(groups=["Moderators"]))
    reviewer = logged_in(UserFactory(groups=["Reviewers"]))
    assert act(moderator, submitted, "approve").status_code == 302
    assert act(reviewer, submitted, "approve").status_code == 302
    assert PracticePage.objects.get(pk=submitted.pk).live


def test_bulk_publish_of_a_page_outside_the_workflow_still_works(submitted, repository):  # noqa: F811
    """Pages not under review (here the repository page itself, unpublished) are not held."""
    repository["en"].unpublish()
    superuser = logged_in(UserFactory(is_superuser=True, is_staff=True))
    url = f"/admin/bulk/wagtailcore/page/publish/?id={repository['en'].pk}&next=/admin/pages/"
    assert superuser.post(url).status_code == 302
    repository["en"].refresh_from_db()
    assert repository["en"].live
