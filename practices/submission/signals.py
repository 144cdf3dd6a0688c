"""Wire the review workflow to the repository pages and to the notifications."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.admin import signal_handlers as wagtail_emails
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    task_approved,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from ..finish import notifies_the_owner, page_in_workflow
from ..models import PracticeIndexPage, PracticePage
from ..workflow import TASKS, WORKFLOW_NAME, assign_to
from . import attachments
from .notifications import notify_group, send

TASK_GROUPS = dict(TASKS)

# Wagtail's own workflow e-mails, (signal, sender, dispatch_uid, notifier) as Wagtail connects
# them (wagtail/admin/signal_handlers.py).
WAGTAIL_EMAILS = (
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification",
     wagtail_emails.task_submission_email_notifier),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification",
     wagtail_emails.workflow_submission_email_notifier),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification",
     wagtail_emails.workflow_rejection_email_notifier),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification",
     wagtail_emails.workflow_approval_email_notifier),
)


# Workflows whose people hear from the hub only; other apps add theirs with ``hub_notifies``.
_HUB_NOTIFIED = {WORKFLOW_NAME}


def hub_notifies(workflow_name):
    _HUB_NOTIFIED.add(workflow_name)


def _hub_notified(instance):
    workflow_state = getattr(instance, "workflow_state", instance)
    workflow = getattr(workflow_state, "workflow", None)
    return workflow is not None and workflow.name in _HUB_NOTIFIED


def _unless_hub_notified(notifier):
    def receiver(sender, instance=None, **kwargs):
        if _hub_notified(instance):
            return None
        return notifier(sender=sender, instance=instance, **kwargs)

    return receiver


def hub_mails_replace_wagtails():
    """For the Practice review workflow (and those added with ``hub_notifies``), the hub's
    e-mails (one per event and person, in their language, with links they can open) replace
    Wagtail's (in the language of whoever acted, with admin links the submitter cannot open).
    Other workflows keep Wagtail's.

    Wagtail's handlers are replaced under their own ``dispatch_uid``: when Wagtail's admin app
    connects them after this app (its place in INSTALLED_APPS), Django keeps the first receiver
    of a ``dispatch_uid``; when it connected them before, they are disconnected here first."""
    for signal, sender, uid, notifier in WAGTAIL_EMAILS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(_unless_hub_notified(notifier), sender=sender, dispatch_uid=uid,
                       weak=False)


hub_mails_replace_wagtails()


def assigns_its_workflow(index_model, assign):
    """Each language's ``index_model`` page (a new tree node, a translation included) gets its
    review workflow: ``assign(page)`` when it is created (not when a fixture is loaded). Used
    by the repository and the pledges."""

    def assign_review_workflow(sender, instance, created, raw=False, **kwargs):
        if created and not raw:
            assign(instance)

    post_save.connect(assign_review_workflow, sender=index_model, weak=False,
                      dispatch_uid=f"{index_model._meta.label_lower}:review-workflow")


assigns_its_workflow(PracticeIndexPage, assign_to)


def _practice(workflow_state):
    return page_in_workflow(workflow_state, WORKFLOW_NAME, PracticePage)


@receiver(task_submitted)
def on_task_submitted(sender, instance, user=None, **kwargs):
    page = _practice(instance.workflow_state)
    if page is None:
        return
    task_name = instance.task.name
    if task_name == TASKS[0][0]:
        # Arrival (or resubmission) of a practice: moderators screen it; the author is told.
        notify_group([TASK_GROUPS[task_name]], "screening_requested", page, exclude=page.owner)
        send(page.owner, "submitted", page)
    else:
        notify_group([TASK_GROUPS[task_name]], "review_requested", page, exclude=page.owner)


@receiver(task_approved)
def on_task_approved(sender, instance, user=None, **kwargs):
    page = _practice(instance.workflow_state)
    if page is not None and instance.task.name == TASKS[0][0]:
        send(page.owner, "screening_approved", page, instance.comment)


notifies_the_owner(WORKFLOW_NAME, PracticePage, send)


@receiver(pre_delete, sender=PracticePage)
def remember_submission_files(sender, instance, **kwargs):
    instance._submission_files = attachments.files_of(instance)


@receiver(post_delete, sender=PracticePage)
def delete_orphaned_submission_files(sender, instance, **kwargs):
    """A deleted practice takes along the files submitted with it, unless something else uses
    them; after the commit, once Wagtail has dropped the page's references."""
    files = getattr(instance, "_submission_files", [])
    if files:
        transaction.on_commit(lambda: attachments.delete_orphans(files))
