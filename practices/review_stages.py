"""Where each practice in the admin's page explorer stands, in words, for the moderators:
"Submitted", "In screening", "Peer review: 1 of 2 approvals".

The stage is read with the explorer's own query (annotations on its queryset), so the listing
costs the same number of queries however many practices it shows."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState

from .peer_review import PeerReview, PeerReviewTask, approvals_needed
from .submission.services import STATE_LABELS


def with_review_stage(pages):
    """``pages`` annotated with their review in progress, if any: its current task's type and
    the approvals that task has."""
    in_progress = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    approvals = (PeerReview.objects
                 .filter(task_state_id=OuterRef("review_task_state"), decision=PeerReview.APPROVE)
                 .order_by().values("task_state_id").annotate(count=Count("pk")).values("count"))
    return pages.annotate(
        review_task_state=Subquery(in_progress.values("current_task_state_id")[:1]),
        review_task_type=Subquery(
            in_progress.values("current_task_state__task__content_type_id")[:1]),
        review_approvals=Subquery(approvals[:1]),
    )


def review_stage(page):
    """The stage of a page annotated by ``with_review_stage``, in words; None when it is not in
    review (Wagtail's status column says whether it is live or a draft)."""
    task_type = getattr(page, "review_task_type", None)
    if task_type is None:
        return None
    if task_type == ContentType.objects.get_for_model(PeerReviewTask).pk:
        return peer_review_stage(page.review_approvals or 0)
    # Screening: "in screening" once a moderator has taken it (locked the page).
    return str(STATE_LABELS["in_screening" if page.locked else "submitted"])


def peer_review_stage(approved):
    return _("Peer review: %(approved)d of %(needed)d approvals") % {
        "approved": approved, "needed": approvals_needed()}
