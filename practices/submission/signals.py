"""Wire the review workflow to the repository pages and to the notifications."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import task_approved, task_submitted

from ..finish import notifies_the_owner, page_in_workflow
from ..models import PracticeIndexPage, PracticePage
from ..workflow import TASKS, WORKFLOW_NAME, assign_to
from . import attachments
from .notifications import notify_group, send

TASK_GROUPS = dict(TASKS)


@receiver(post_save, sender=PracticeIndexPage)
def assign_review_workflow(sender, instance, created, raw=False, **kwargs):
    """Each language's repository (a new tree node, including a translation) gets the workflow."""
    if created and not raw:
        assign_to(instance)


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
        notify_group([TASK_GROUPS[task_name]], "screening_requested", page)
        send(page.owner, "submitted", page)
    else:
        notify_group([TASK_GROUPS[task_name]], "review_requested", page)


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
