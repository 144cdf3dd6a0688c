"""Emails about submissions, each in its recipient's preferred language.

Every message carries an ``X-Hub-Notification`` header naming its event, so people's mail
filters (and the tests) can tell the hub's emails from Wagtail's own moderation emails.
"""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from hub.links import absolute
from hub.models import preferred_language

HEADER = "X-Hub-Notification"


def send(user, event, page, comment="", templates="practices/emails",
         dashboard="practices:mine"):
    """Mail ``user`` about ``page`` in their language; another kind of submission passes its
    own template folder (``subject.txt``, ``body.txt``) and dashboard URL name."""
    if not user or not user.email:
        return
    language = preferred_language(user)
    with translation.override(language):
        context = {
            "user": user,
            "page": page,
            "title": page.get_latest_revision_as_object().title,
            "comment": comment,
            "event": event,
            "dashboard_url": absolute(reverse(dashboard)),
            "admin_url": absolute(reverse("wagtailadmin_pages:edit", args=[page.pk])),
            "public_url": page.full_url if page.live else "",
        }
        subject = render_to_string(f"{templates}/subject.txt", context).strip()
        body = render_to_string(f"{templates}/body.txt", context)
    EmailMessage(subject, body, to=[user.email], headers={HEADER: event}).send()


def notify_group(group_names, event, page, exclude=None, **options):
    """Mail the active members of the groups; ``exclude`` (the submitter, who has their own
    e-mail about the same event) is left out."""
    users = get_user_model().objects.filter(
        groups__name__in=group_names, is_active=True
    ).exclude(email="").distinct()
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    for user in users:
        send(user, event, page, **options)


def notify_rejected(page, comment):
    send(page.owner, "rejected", page, comment)
