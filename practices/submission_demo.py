"""Demo accounts and submissions in several review states (local use only).

Not auto-discovered (``hub.demo`` discovers ``<app>.demo`` modules): ``practices/demo.py``
imports ``load_submissions`` and registers it after the repository pages exist.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from hub.models import UserProfile

from .models import PracticePage
from .submission import services
from .workflow import reject_submission

PASSWORD = "demo-password-local-only"
ACCOUNTS = (
    ("submitter@demo.local", "Demo Submitter", None, "ar"),
    ("moderator@demo.local", "Demo Moderator", "Moderators", "en"),
    ("reviewer@demo.local", "Demo Reviewer", "Reviewers", "en"),
)


def _account(email, name, group, language):
    user, created = get_user_model().objects.get_or_create(
        username=email, defaults={"email": email}
    )
    if created:
        user.set_password(PASSWORD)
        user.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        UserProfile.objects.create(user=user, name=name, preferred_language=language)
        if group:
            user.groups.add(Group.objects.get(name=group))
    return user


def load_submissions(stdout):
    if services.repository_for("en") is None:
        return
    submitter, moderator, reviewer = (_account(*account) for account in ACCOUNTS)
    if PracticePage.objects.filter(owner=submitter).exists():
        return
    data = {"summary": "A demo submission.", "description": "<p>Demo.</p>", "objectives": [1]}

    def make(title, language="en"):
        return services.save_draft(submitter, {**data, "title": title}, language)

    make("Demo draft: community interpreters")
    services.submit(submitter, make("Demo submitted: legal aid desks"))
    page = make("Demo in peer review: labour migration data")
    services.submit(submitter, page)
    page.current_workflow_task.on_action(page.current_workflow_task_state, moderator, "approve")
    page = make("Demo changes requested: shelters")
    services.submit(submitter, page)
    page.current_workflow_task.on_action(
        page.current_workflow_task_state, moderator, "reject",
        comment="Please add the dates and the partners.",
    )
    page = make("Demo rejected: unrelated project")
    services.submit(submitter, page)
    reject_submission(page, moderator, "Not a migration practice.")
    stdout.write("Demo submissions loaded.\n")
