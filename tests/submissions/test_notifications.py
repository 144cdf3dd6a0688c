"""One e-mail per event and person, from the hub, in that person's language: Wagtail's own
workflow e-mails are off for the Practice review workflow; staff still hear what to act on."""

import re

import pytest
from django.core import mail

from hub.models import UserProfile
from practices.models import PracticePage
from practices.submission.notifications import HEADER
from tests.factories import UserFactory, logged_in

from .test_journey import act, submission_data

pytestmark = pytest.mark.django_db

ARABIC = re.compile("[\u0600-\u06ff]")


def person(language, groups=(), **fields):
    user = UserFactory(groups=list(groups), **fields)
    UserProfile.objects.create(user=user, name=user.username, preferred_language=language)
    return user


TITLE = "ممارسة مكاتب المساعدة القانونية"


def sent():
    """{(recipient, event): number of e-mails}, after checking that every e-mail is the hub's
    and written in its recipient's language; the outbox is emptied for the next step."""
    counts = {}
    for message in mail.outbox:
        assert HEADER in message.extra_headers, f"not the hub's: {message.subject!r}"
        (recipient,) = message.to
        language = UserProfile.objects.get(user__email=recipient).preferred_language
        text = (message.subject + message.body).replace(TITLE, "")
        if language == "ar":
            assert ARABIC.search(message.subject.replace(TITLE, "")), message.subject
            assert "Your practice" not in text and "The practice" not in text, text
        else:
            assert not ARABIC.search(text), text
        key = (recipient, message.extra_headers[HEADER])
        counts[key] = counts.get(key, 0) + 1
    mail.outbox.clear()
    return counts


def test_each_person_hears_once_per_event_in_their_language(repository):
    submitter = person("ar")
    moderator = person("en", ["Moderators"])
    arabic_moderator = person("ar", ["Moderators"])
    reviewer = person("ar", ["Reviewers"])
    superuser = person("en", is_superuser=True, is_staff=True)

    assert logged_in(submitter).post(
        "/ar/practices/submit/", submission_data(title=TITLE, submission_language="ar")
    ).status_code == 302
    page = PracticePage.objects.get()
    assert sent() == {
        (submitter.email, "submitted"): 1,
        (moderator.email, "screening_requested"): 1,
        (arabic_moderator.email, "screening_requested"): 1,
    }

    assert act(logged_in(moderator), page, "approve").status_code == 302
    assert sent() == {
        (submitter.email, "screening_approved"): 1,
        (reviewer.email, "review_requested"): 1,
    }

    assert act(logged_in(reviewer), page, "reject", "أضيفوا النتائج.").status_code == 302
    changes = [m for m in mail.outbox if m.extra_headers.get(HEADER) == "changes_requested"]
    assert sent() == {(submitter.email, "changes_requested"): 1}
    assert "أضيفوا النتائج." in changes[0].body

    page = PracticePage.objects.get(pk=page.pk)
    assert logged_in(submitter).post(
        f"/ar/practices/mine/{page.pk}/edit/",
        submission_data(title=TITLE, submission_language="ar"),
    ).status_code == 302
    # Resubmission resumes at the step that asked for changes: its reviewers hear of it.
    assert sent() == {(reviewer.email, "review_requested"): 1}

    assert act(logged_in(reviewer), page, "approve").status_code == 302
    assert sent() == {(submitter.email, "published"): 1}
    # Wagtail would have mailed the superuser at each task: nothing reached them.
    assert superuser.is_superuser


def test_other_workflows_keep_wagtails_emails(home_pages):
    """Only the hub's own workflows are silenced: Wagtail's default workflow still mails."""
    from wagtail.models import Workflow

    moderator = person("en", ["Moderators"])
    author = person("en", ["Editors"])
    page = home_pages["en"]
    page.save_revision(user=author)
    Workflow.objects.get(name="Moderators approval").start(page, author)
    assert any(moderator.email in m.to and HEADER not in m.extra_headers
               for m in mail.outbox)
