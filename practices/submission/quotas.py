"""What one person may store through the submission form, and how often they may send it.

- ``HUB_SUBMISSION_PENDING_QUOTA``: bytes of pending uploads (files sent with forms that were
  not saved yet). Checked and stored in one transaction serialised per person (hub/locks.py),
  so parallel posts cannot all pass.
- ``HUB_SUBMISSION_MAX_DRAFTS``: practices saved and never submitted.
- ``HUB_SUBMISSION_POSTS_PER_10_MINUTES``: POSTs of the form, counted in the cache (shared by
  all processes when the cache is Redis; per process with the default local-memory cache).
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db.models import Sum
from django.db.models.functions import Coalesce
from wagtail.models import WorkflowState

from ..models import PendingUpload, PracticePage

WINDOW = 600  # seconds


def pending_bytes(user):
    uploads = PendingUpload.objects.filter(user=user)
    return (
        uploads.aggregate(n=Coalesce(Sum("document__file_size"), 0))["n"]
        + uploads.aggregate(n=Coalesce(Sum("image__file_size"), 0))["n"]
    )


def within_pending_quota(user, checked_files):
    """Call inside the transaction that stores the files, after ``serialise_for(user)``."""
    new = sum(checked.content.size for checked in checked_files)
    return pending_bytes(user) + new <= settings.HUB_SUBMISSION_PENDING_QUOTA


def drafts_of(user, model=PracticePage):
    """The user's pages of ``model`` (practices by default) never submitted for review and never
    published."""
    submitted = WorkflowState.objects.filter(
        base_content_type__app_label="wagtailcore", base_content_type__model="page",
        requested_by=user,
    ).values_list("object_id", flat=True)
    pages = model.objects.filter(owner=user, live=False, first_published_at__isnull=True)
    return pages.exclude(pk__in=[int(pk) for pk in submitted])


def may_create_draft(user, model=PracticePage):
    return drafts_of(user, model).count() < settings.HUB_SUBMISSION_MAX_DRAFTS


def post_allowed(user):
    """Count one POST of the form; False once the user has sent too many in ten minutes."""
    key = f"hub:submission-posts:{user.pk}:{int(time.time() // WINDOW)}"
    cache.add(key, 0, WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired in between
        cache.set(key, 1, WINDOW)
        count = 1
    return count <= settings.HUB_SUBMISSION_POSTS_PER_10_MINUTES
