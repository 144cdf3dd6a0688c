"""The "Practice review" workflow: Screening (Moderators), then Peer review (Reviewers).

Moderation state lives in Wagtail's own tables (WorkflowState, TaskState, log entries), never in
a parallel status field. Wagtail's "reject" action is the hub's "request changes" (the workflow
waits in ``needs_changes`` for the submitter to resubmit). A final rejection is
``reject_submission``: the current task state is marked rejected with the moderator's comment,
the workflow is cancelled, and the page is locked by the moderator, so the submitter can no
longer edit or resubmit it and nothing publishes it unless a moderator deliberately unlocks it.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import (
    GroupApprovalTask,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

WORKFLOW_NAME = "Practice review"
SCREENING, PEER_REVIEW = "Screening", "Peer review"
TASKS = ((SCREENING, "Moderators"), (PEER_REVIEW, "Reviewers"))
REJECT_ACTION = "practices.reject_submission"
REJECT_LABEL = _("Reject the submission")


def _task_models():
    from .peer_review import PeerReviewTask
    from .screening import ScreeningTask

    # Peer review needs several independent approvals (practices/peer_review.py); screening
    # confirms the moderator's decision (practices/screening.py).
    return {SCREENING: ScreeningTask, PEER_REVIEW: PeerReviewTask}


def practice_review_workflow(name=WORKFLOW_NAME, tasks=TASKS):
    """Get or create the workflow and its tasks (idempotent): group approval tasks, and the
    screening and peer review tasks for "Screening" and "Peer review".

    Another kind of submission names its own workflow and (task, group) pairs.
    """
    workflow, _created = Workflow.objects.get_or_create(name=name)
    models = _task_models() if name == WORKFLOW_NAME else {}
    for order, (task_name, group_name) in enumerate(tasks):
        group, _ = Group.objects.get_or_create(name=group_name)
        model = models.get(task_name, GroupApprovalTask)
        task = model.objects.filter(name=task_name, active=True).first()
        if task is None:
            task = model.objects.create(name=task_name)
        task.groups.add(group)
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    return workflow


def assign_to(index_page, workflow=None):
    """Attach the workflow to one language's repository page (each tree needs its own)."""
    WorkflowPage.objects.update_or_create(
        page=index_page, defaults={"workflow": workflow or practice_review_workflow()}
    )


def assign_to_all_repositories():
    from .models import PracticeIndexPage

    for index_page in PracticeIndexPage.objects.all():
        assign_to(index_page)


@transaction.atomic
def reject_submission(page, user, comment=""):
    """Reject for good: record the decision on the current task, cancel, lock the page."""
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
        raise ValueError("Only a submission under review can be rejected.")
    task_state = workflow_state.current_task_state
    task_state.status = TaskState.STATUS_REJECTED
    task_state.finished_at = timezone.now()
    task_state.finished_by = user
    task_state.comment = comment
    task_state.save()
    # Cancelling first marks the state "cancelled" (and sends workflow_cancelled).
    workflow_state.cancel(user=user)
    page.locked, page.locked_by, page.locked_at = True, user, timezone.now()
    page.save(update_fields=["locked", "locked_by", "locked_at"], clean=False)
    log(instance=page, action=REJECT_ACTION, user=user, data={"comment": comment})
    from .submission.notifications import notify_rejected

    notify_rejected(page, comment)


def in_practice_review(page):
    """Whether ``page`` is a practice whose Practice review workflow is in progress."""
    from .models import PracticePage

    model = getattr(page, "specific_class", None) or type(page)
    if not issubclass(model, PracticePage):
        return False
    return WorkflowState.objects.filter(
        base_content_type__app_label="wagtailcore", base_content_type__model="page",
        object_id=str(page.pk),
        status=WorkflowState.STATUS_IN_PROGRESS, workflow__name=WORKFLOW_NAME,
    ).exists()


def is_rejected(workflow_state):
    """A cancelled workflow whose last task was rejected: the final "reject" decision."""
    task_state = workflow_state.current_task_state if workflow_state else None
    return (
        workflow_state is not None
        and workflow_state.status == WorkflowState.STATUS_CANCELLED
        and task_state is not None
        and task_state.status == TaskState.STATUS_REJECTED
    )

