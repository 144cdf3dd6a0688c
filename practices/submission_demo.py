"""Demo accounts and submissions in several review states (local use only).

Not auto-discovered (``hub.demo`` discovers ``<app>.demo`` modules): ``practices/demo.py``
imports ``load_submissions`` and registers it after the repository pages exist.
"""

import io

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from hub.models import UserProfile

from .models import PracticePage
from .submission import attachments, services
from .submission.files import check_upload
from .workflow import reject_submission

PASSWORD = "demo-password-local-only"
ACCOUNTS = (
    ("submitter@demo.local", "Demo Submitter", None, "ar"),
    ("moderator@demo.local", "Demo Moderator", "Moderators", "en"),
    ("reviewer@demo.local", "Demo Reviewer", "Reviewers", "en"),
    # Peer review needs two approvals (HUB_PEER_REVIEW_APPROVALS): a second reviewer.
    ("reviewer2@demo.local", "Demo Reviewer (second)", "Reviewers", "ar"),
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


def _chart(user):
    """A small generated bar chart, stored as the user's pending upload like a real one."""
    image = Image.new("RGB", (320, 180), "white")
    draw = ImageDraw.Draw(image)
    for n, height in enumerate((60, 110, 150)):
        draw.rectangle((40 + n * 90, 170 - height, 100 + n * 90, 170), fill=(20, 90, 160))
    output = io.BytesIO()
    image.save(output, "PNG")
    upload = SimpleUploadedFile("Consultations per year.png", output.getvalue())
    return attachments.stash(user, [check_upload(upload)])


def load_submissions(stdout):
    if services.repository_for("en") is None:
        return
    submitter, moderator, _reviewer, _second = (_account(*account) for account in ACCOUNTS)
    if PracticePage.objects.filter(owner=submitter).exists():
        return
    data = {
        "summary": "A demo submission.", "description": "<p>Demo.</p>", "objectives": [1],
        "countries": ["JO"], "practice_type": "service", "start_year": 2021, "ongoing": True,
    }

    def make(title, language="en", uploads=()):
        return services.save_draft(submitter, {**data, "title": title}, language,
                                   uploads=uploads)

    make("Demo draft: community interpreters")
    services.submit(submitter, make("Demo submitted: legal aid desks",
                                    uploads=_chart(submitter)))
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
